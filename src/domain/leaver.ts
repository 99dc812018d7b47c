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

export interface LeaverSweepState {
  sweepId: string;
  leaver: string;
  /** The folders as typed (ids), for the card and the audit row. */
  roots: string[];
  startedBy: string;
  startedAt: string;
  /** Folders still to list, breadth first; the first is being listed. */
  queue: string[];
  /** Folders already queued, so a folder reached twice (several parents) is listed once. */
  seen: string[];
  cursor: SweepCursor | null;
  folderNames: Record<string, string>;
  counts: { folders: number; files: number; listed: number; declared: number; skipped: number };
  complete: boolean;
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
  folders: { id: string; name: string }[],
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
    queue: [...ids],
    seen: [...ids],
    cursor: ids.length ? { folderId: ids[0], phase: 'files', pageToken: null } : null,
    folderNames: Object.fromEntries(folders.map(f => [f.id, f.name])),
    counts: { folders: 0, files: 0, listed: 0, declared: 0, skipped: 0 },
    complete: ids.length === 0,
    runs: 0,
    runningSince: null,
  };
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
  state.cursor = next ? { folderId: next, phase: 'files', pageToken: null } : null;
  if (!next) state.complete = true;
  return !!next;
}

/** Queues subfolders not seen before; returns those queued. */
export function enqueueFolders(
  state: LeaverSweepState,
  folders: { id: string; name: string }[]
): string[] {
  const added: string[] = [];
  for (const folder of folders) {
    if (state.seen.includes(folder.id)) continue;
    state.seen.push(folder.id);
    state.queue.push(folder.id);
    state.folderNames[folder.id] = folder.name;
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
