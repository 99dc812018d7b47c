// The leaver sweep's rules: reading the leaver's address and the folders to sweep as the records
// team types them, what a sweep remembers between runs, and which rows of the "Leaver sweep" tab
// an action may change. Pure: no Apps Script services.
import { LEAVER_STATUSES } from './register-schema';

export type LeaverStatus = (typeof LEAVER_STATUSES)[number];

/** Folders swept at once: each is a Drive listing per page, and the state must stay small. */
export const MAX_FOLDERS = 20;

const EMAIL = /^[^@\s,;<>()]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** An address of the department's domain, lower-cased; otherwise a message saying what is wrong. */
export function parseAddress(
  text: string,
  domain: string,
  who: string
): { email: string } | { error: string } {
  const email = text
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  if (!email) return { error: `Enter the ${who}'s email address.` };
  if (!EMAIL.test(email)) return { error: `"${text.trim()}" is not an email address.` };
  if (domain && !email.endsWith(`@${domain.toLowerCase()}`)) {
    return {
      error: `${email} is not a ${domain} address: only the department's own accounts can be swept or given files.`,
    };
  }
  return { email };
}

/**
 * Drive ids are letters, digits, `-` and `_` (28 to 44 of them in practice; 15 is taken as the
 * least, so that a typed word is not mistaken for one). Folder links carry one after /folders/
 * or ?id=.
 */
const ID = /^[A-Za-z0-9_-]{15,}$/;

/**
 * Folder links or ids, one per line or separated by commas or spaces. Each entry that is neither
 * is reported as typed, so nothing is silently dropped.
 */
export function parseFolderRefs(text: string): { ids: string[]; errors: string[] } {
  const ids: string[] = [];
  const errors: string[] = [];
  for (const part of text.split(/[\s,;]+/).filter(Boolean)) {
    const fromLink =
      /\/folders\/([A-Za-z0-9_-]+)/.exec(part)?.[1] ??
      /[?&]id=([A-Za-z0-9_-]+)/.exec(part)?.[1] ??
      (ID.test(part) ? part : null);
    if (fromLink && ID.test(fromLink)) {
      if (!ids.includes(fromLink)) ids.push(fromLink);
    } else {
      errors.push(`"${part}" is not a Drive folder link or id.`);
    }
  }
  if (!ids.length && !errors.length) errors.push('Enter at least one folder link.');
  if (ids.length > MAX_FOLDERS) {
    errors.push(`Sweep at most ${MAX_FOLDERS} folders at a time (their subfolders are included).`);
  }
  return { ids, errors };
}

/** Where the walk through the folders has got to: the folder being listed and what of it. */
export interface SweepCursor {
  folderId: string;
  /** Files of the folder first (the leaver's), then its subfolders (anyone's), page by page. */
  phase: 'files' | 'folders';
  pageToken: string | null;
}

/** A folder waiting to be listed, with its name for the tab's Folder column. */
export interface QueuedFolder {
  id: string;
  name: string;
}

export interface LeaverSweepState {
  sweepId: string;
  leaver: string;
  /** The folders as typed (ids), for the card and the audit row. */
  roots: string[];
  startedBy: string;
  startedAt: string;
  /**
   * Folders still to list, breadth first; the first is being listed. Since September 2020 a
   * Drive item has exactly one parent (other places hold shortcuts, which the walk does not
   * follow: Google Cloud blog, "Simplifying Google Drive's folder structure and sharing models",
   * 2020-03-27; Drive API: enforceSingleParent "adding files to multiple folders is no longer
   * supported"), so the walk reaches each folder once and keeps no list of folders seen.
   */
  queue: QueuedFolder[];
  cursor: SweepCursor | null;
  counts: { folders: number; files: number; listed: number; declared: number; skipped: number };
  complete: boolean;
  /**
   * Set, and saved, just before the "finished" audit row is written: a run that finds it set
   * without finishedAt looks for that row before writing it, so it is written once.
   */
  finishing?: boolean;
  finishedAt?: string;
  runs: number;
  /** Set while a run works on the sweep, so two runs never list the same page twice. */
  runningSince: string | null;
}

export function sweepIdFor(now: Date): string {
  return `LVS-${now.toISOString().replace(/[-:]/g, '').slice(0, 13)}`;
}

export function newSweep(
  leaver: string,
  folders: QueuedFolder[],
  user: string,
  now: Date
): LeaverSweepState {
  const ids = folders.map(f => f.id);
  return {
    sweepId: sweepIdFor(now),
    leaver,
    roots: ids,
    startedBy: user,
    startedAt: now.toISOString(),
    queue: folders.map(f => ({ id: f.id, name: f.name })),
    cursor: ids.length ? { folderId: ids[0], phase: 'files', pageToken: null } : null,
    counts: { folders: 0, files: 0, listed: 0, declared: 0, skipped: 0 },
    complete: ids.length === 0,
    runs: 0,
    runningSince: null,
  };
}

/**
 * A sweep saved by an earlier version (folders queued by id, their names in a map, the folders
 * seen listed): the same sweep in today's shape, so it carries on where it stopped.
 */
export function upgradeSweep(saved: unknown): LeaverSweepState | null {
  if (!saved || typeof saved !== 'object') return null;
  const old = saved as LeaverSweepState & {
    queue: (string | QueuedFolder)[];
    folderNames?: Record<string, string>;
    seen?: string[];
  };
  if (!Array.isArray(old.queue)) return null;
  const names = old.folderNames ?? {};
  const { folderNames: _names, seen: _seen, ...rest } = old;
  return {
    ...rest,
    queue: old.queue.map(q => (typeof q === 'string' ? { id: q, name: names[q] ?? q } : q)),
  };
}

/** The name of the folder being listed (the first queued), for the tab's Folder column. */
export function currentFolderName(state: LeaverSweepState): string {
  const first = state.queue[0];
  return first && first.id === state.cursor?.folderId ? first.name : (state.cursor?.folderId ?? '');
}

/**
 * Moves the cursor on after a page: the next page of the same listing, then the folder's
 * subfolders, then the next folder in the queue. Returns false when the walk is over.
 */
export function advance(state: LeaverSweepState, nextPageToken: string | null): boolean {
  const cursor = state.cursor;
  if (!cursor) return false;
  if (nextPageToken) {
    cursor.pageToken = nextPageToken;
    return true;
  }
  if (cursor.phase === 'files') {
    state.cursor = { folderId: cursor.folderId, phase: 'folders', pageToken: null };
    return true;
  }
  state.queue.shift();
  state.counts.folders++;
  const next = state.queue[0];
  state.cursor = next ? { folderId: next.id, phase: 'files', pageToken: null } : null;
  if (!next) state.complete = true;
  return !!next;
}

/**
 * Queues a page of subfolders; returns the ids queued. A folder reached from its parent is new
 * (one parent each), except a folder also typed as a root, which its own turn lists.
 */
export function enqueueFolders(state: LeaverSweepState, folders: QueuedFolder[]): string[] {
  const added: string[] = [];
  for (const folder of folders) {
    if (state.roots.includes(folder.id)) continue;
    state.queue.push({ id: folder.id, name: folder.name });
    added.push(folder.id);
  }
  return added;
}

/** Rows an action may change: those not declared yet, and hand-overs Drive refused. */
export function isActionable(status: string): boolean {
  return status === 'Not declared' || status === 'Could not hand over' || status === '';
}

/** Who can hand a file over when Drive refuses the records team. */
export function handOverAdvice(leaver: string): string {
  return `Drive lets only a file's owner hand it over. Ask ${leaver} to transfer these files before leaving (Share → Transfer ownership), or ask a Workspace administrator to transfer the leaver's Drive files (Admin console → Data transfer).`;
}

/** The series a file takes: that of the series folder it is in, else the one chosen. */
export function seriesForFile(
  parents: string[],
  seriesFolders: Map<string, string>,
  chosen: string
): string {
  for (const parent of parents) {
    const code = seriesFolders.get(parent);
    if (code) return code;
  }
  return chosen;
}
