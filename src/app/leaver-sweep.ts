// The leaver sweep: the files a leaver owns in the team's shared folders (subfolders included)
// that are not records yet, listed on the register's "Leaver sweep" tab for the records team to
// declare or hand over.
//
// Listing walks the folders breadth first, a Drive page at a time (the leaver's files in a
// folder, then its subfolders). The files of several pages (LIST_BATCH or more) cost one register
// search (which files are records already) and one write to the tab, under the script lock, with
// a search of the tab so files listed by a run that died before saving its place are not listed
// twice. The place is saved in script properties after each such write (in pieces when the
// queue of folders is long), never past files not written yet; a run that stops for time leaves
// an hourly trigger that continues, as the Continue button does. The "finished" audit row is
// written once, whichever run gets there and wherever one died.
import { createTrigger, deleteTriggers, ownTriggers } from '../adapters/triggers';
import {
  folderName,
  ownedFilesIn,
  subfoldersOf,
  transferOwnership,
} from '../adapters/drive-owners';
import type { OwnedFile } from '../adapters/drive-owners';
import { getItems } from '../adapters/drive';
import { withScriptLock } from '../adapters/lock';
import { deleteLargeJson, readLargeJson, saveLargeJson } from '../adapters/properties';
import type { EntryRow } from '../adapters/register';
import type { DeclarationForm, RegisterEntry } from '../domain/declaration';
import {
  advance,
  currentFolderName,
  enqueueFolders,
  handOverAdvice,
  isActionable,
  newSweep,
  parseAddress,
  parseFolderRefs,
  seriesForFile,
  upgradeSweep,
} from '../domain/leaver';
import type { LeaverSweepState } from '../domain/leaver';
import { TABS } from '../domain/register-schema';
import { declareItems } from './declare';
import type { ItemRef } from './declare';
import type { Workplace } from './deployment';
import { messageOf, UserFacingError } from './errors';
import { requireTeamMember, upgradeRegister } from './records-team';

export const LEAVER_STATE_KEY = 'records-capture.leaver-sweep';
export const LEAVER_CONTINUE_HANDLER = 'onContinueLeaverSweep';
/** Card actions have 30 seconds: listing stops in time to draw the card. */
export const LEAVER_CARD_BUDGET_MS = 20_000;
/** Time-driven runs have 6 minutes. */
export const LEAVER_TRIGGER_BUDGET_MS = 280_000;
/** A run silent this long has died (no execution lasts over 6 minutes). */
const STALE_CLAIM_MS = 10 * 60_000;
/**
 * Files gathered from Drive pages before they are looked up in the register and written to the
 * tab: a search of a 100,000-row column costs the same for one file as for hundreds.
 */
export const LIST_BATCH = 250;
/**
 * What writing one changed row of the tab costs at the end of an action (it is found again and
 * rewritten under the lock: a read and a write, about 55 ms modelled), kept back from the budget.
 */
const ROW_WRITE_MS = 60;
/** Files declared per call of the declaration code (one register write each). */
export const DECLARE_BATCH = 25;
const WHAT = 'the leaver sweep';

export function readLeaverSweep(): LeaverSweepState | null {
  return upgradeSweep(readLargeJson(PropertiesService.getScriptProperties(), LEAVER_STATE_KEY));
}

function save(state: LeaverSweepState): void {
  saveLargeJson(PropertiesService.getScriptProperties(), LEAVER_STATE_KEY, state);
}

function audit(
  w: Workplace,
  now: Date,
  action: string,
  details: string,
  fileId = '',
  recordId = ''
) {
  return { at: now, actor: w.user, action, recordId, fileId, details };
}

export interface SweepRunReport {
  state: LeaverSweepState | null;
  /** Another run was listing: nothing was done. */
  busy: boolean;
  /** Files listed on the tab by this run. */
  listed: number;
  stoppedForTime: boolean;
}

/** Checks the input, records the start and lists for as long as `budgetMs` allows. */
export function startLeaverSweep(
  w: Workplace,
  input: { leaver: string; folders: string },
  now: Date,
  budgetMs: number
): SweepRunReport {
  const startedAt = Date.now();
  requireTeamMember(w, WHAT);
  const errors: string[] = [];
  const leaver = parseAddress(input.leaver, w.domain, 'leaver');
  if ('error' in leaver) errors.push(leaver.error);
  const refs = parseFolderRefs(input.folders);
  errors.push(...refs.errors);
  const folders: { id: string; name: string }[] = [];
  if (!refs.errors.length) {
    for (const id of refs.ids) {
      const name = folderName(id);
      if (name === null) {
        errors.push(
          `The folder ${id} could not be opened: check the link, and that you can open the folder.`
        );
      } else {
        folders.push({ id, name });
      }
    }
  }
  if (errors.length || 'error' in leaver) {
    throw new UserFacingError(
      `${errors.join(' ')} No sweep was started.`,
      'Check the leaver sweep'
    );
  }
  const running = readLeaverSweep();
  if (running && !running.complete) {
    throw new UserFacingError(
      `The sweep of ${running.leaver}'s files is not finished yet: continue it first (or let the hourly run finish it). No sweep was started.`,
      'A sweep is under way'
    );
  }
  // A finished sweep whose "finished" row a dead run may not have written: written first.
  if (running && !running.finishedAt) finishSweep(w, now);
  const state = withScriptLock(() => {
    w.register.forgetPositions();
    upgradeRegister(w.register, w.user, now);
    const current = readLeaverSweep();
    if (current && !current.finishedAt) return null;
    const fresh = newSweep(leaver.email, folders, w.user, now);
    // Saved before its audit row, and put back if that row cannot be written: a sweep is
    // never left "started" in the audit log with nothing to continue.
    save(fresh);
    try {
      w.register.appendTo(
        'leavers',
        [],
        [
          audit(
            w,
            now,
            'Leaver sweep started',
            `${fresh.sweepId}: files owned by ${leaver.email} in ${folders.map(f => `"${f.name}"`).join(', ')} and their subfolders`
          ),
        ]
      );
    } catch (error) {
      const store = PropertiesService.getScriptProperties();
      if (current) save(current);
      else deleteLargeJson(store, LEAVER_STATE_KEY);
      throw error;
    }
    return fresh;
  });
  if (!state) {
    throw new UserFacingError(
      'Another member started a sweep at the same moment. No sweep was started.',
      'A sweep is under way'
    );
  }
  return listing(w, now, budgetMs, startedAt);
}

/** Continues the sweep under way (the Continue button, the hourly trigger). */
export function continueLeaverSweep(w: Workplace, now: Date, budgetMs: number): SweepRunReport {
  const startedAt = Date.now();
  requireTeamMember(w, WHAT);
  return listing(w, now, budgetMs, startedAt);
}

function listing(w: Workplace, now: Date, budgetMs: number, startedAt: number): SweepRunReport {
  const claim = withScriptLock(() => {
    const current = readLeaverSweep();
    if (!current || current.complete) return { state: current, busy: false };
    const since = current.runningSince ? Date.parse(current.runningSince) : 0;
    if (since && now.getTime() - since < STALE_CLAIM_MS) return { state: current, busy: true };
    current.runningSince = now.toISOString();
    save(current);
    return { state: current, busy: false, claimed: true };
  });
  const state = claim.state;
  if (state?.complete && !state.finishedAt) {
    // The walk ended in a run that died before recording it.
    return { state: finishAndTidy(w, now), busy: false, listed: 0, stoppedForTime: false };
  }
  if (!state || claim.busy || state.complete) {
    return { state, busy: claim.busy, listed: 0, stoppedForTime: false };
  }
  let listed = 0;
  let stoppedForTime = false;
  let slowestPage = 0;
  let slowestWrite = 0;
  // Files read from Drive pages and not on the tab yet, and the state as last saved: the place
  // is never saved past files not written, so a run that dies walks those pages again.
  let pending: PendingFile[] = [];
  let committed = JSON.stringify(state);
  const write = () => {
    const began = Date.now();
    listed += listFiles(w, state, pending);
    pending = [];
    save(state);
    committed = JSON.stringify(state);
    slowestWrite = Math.max(slowestWrite, Date.now() - began);
  };
  try {
    while (state.cursor && !state.complete) {
      if (Date.now() - startedAt + slowestPage + slowestWrite > budgetMs) {
        stoppedForTime = true;
        break;
      }
      const pageStarted = Date.now();
      const cursor = state.cursor;
      if (cursor.phase === 'files') {
        const page = ownedFilesIn(cursor.folderId, state.leaver, cursor.pageToken);
        const folder = currentFolderName(state);
        pending.push(...page.items.map(file => ({ file, folder })));
        advance(state, page.nextPageToken);
      } else {
        const page = subfoldersOf(cursor.folderId, cursor.pageToken);
        enqueueFolders(state, page.items);
        advance(state, page.nextPageToken);
      }
      slowestPage = Math.max(slowestPage, Date.now() - pageStarted);
      if (pending.length >= LIST_BATCH || state.complete) write();
    }
    if (pending.length) write();
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    console.error(`Leaver sweep stopped: ${messageOf(error)}`);
    throw new UserFacingError(
      `The sweep stopped (${messageOf(error).replace(/\.$/, '')}). What was listed is kept and nothing will be listed twice: press Continue, or let the hourly run carry on.`,
      'Leaver sweep paused'
    );
  } finally {
    // After a failure, the place saved is the last one whose files are all on the tab.
    const last = pending.length ? (JSON.parse(committed) as LeaverSweepState) : state;
    last.runningSince = null;
    last.runs++;
    save(last);
    if (!last.complete) ensureContinueTrigger();
  }
  const saved = state.complete ? finishAndTidy(w, now) : state;
  return { state: saved, busy: false, listed, stoppedForTime };
}

/** Finishes the sweep; the hourly run stops once it is recorded, and tries again if not. */
function finishAndTidy(w: Workplace, now: Date): LeaverSweepState | null {
  let finished: LeaverSweepState | null;
  try {
    finished = finishSweep(w, now);
  } catch (error) {
    ensureContinueTrigger();
    throw error;
  }
  removeContinueTriggers();
  return finished;
}

const FINISHED = 'Leaver sweep finished';

/**
 * Writes the "finished" audit row of a sweep whose walk is over, once. Under the lock: the state
 * is re-read, marked `finishing` and saved before the row is written, then saved with
 * `finishedAt`. A run that dies between the row and that last save leaves `finishing` set, and
 * the next run finds the row (one search of the audit log's Action column) instead of writing
 * it again. Returns the sweep as saved.
 */
function finishSweep(w: Workplace, now: Date): LeaverSweepState | null {
  return withScriptLock(() => {
    const state = readLeaverSweep();
    if (!state || !state.complete || state.finishedAt) return state;
    w.register.forgetPositions();
    const written = state.finishing ? finishedRowWritten(w, state.sweepId) : false;
    if (!written) {
      if (!state.finishing) {
        state.finishing = true;
        save(state);
      }
      const c = state.counts;
      w.register.appendTo(
        'leavers',
        [],
        [
          audit(
            w,
            now,
            FINISHED,
            `${state.sweepId}: ${c.folders} folders, ${c.files} files owned by ${state.leaver}; ${c.listed} not declared listed, ${c.skipped} already on the tab, ${c.declared} already records`
          ),
        ]
      );
    }
    delete state.finishing;
    state.finishedAt = new Date().toISOString();
    save(state);
    return state;
  });
}

/** Whether the audit log has this sweep's "finished" row. */
function finishedRowWritten(w: Workplace, sweepId: string): boolean {
  const last = w.register.lastRow('audit');
  const rows = w.register.matchingRows(
    'audit',
    'action',
    { text: FINISHED, entireCell: true, matchCase: true },
    last
  );
  if (!rows.length) return false;
  const found = w.register.readRows(
    'audit',
    rows.map(row => ({ first: row, count: 1 })),
    ['details']
  );
  return [...found.values()].some(r => String(r.entry.details ?? '').startsWith(`${sweepId}: `));
}

/** A file read from a Drive page, with the name of the folder it was found in. */
interface PendingFile {
  file: OwnedFile;
  folder: string;
}

/**
 * Lists the leaver's files gathered from Drive on the tab: one register search for those already
 * records, and, under the lock, one search of the tab and one write. Returns how many were listed.
 */
function listFiles(w: Workplace, state: LeaverSweepState, pending: PendingFile[]): number {
  if (!pending.length) return 0;
  const files = pending.map(p => p.file);
  const folders = new Map(pending.map(p => [p.file.id, p.folder]));
  const ids = files.map(f => f.id);
  const records = w.register.findByFileIds(ids);
  return withScriptLock(() => {
    w.register.forgetPositions();
    const onTab = w.register.findEntries('leavers', 'fileId', ids);
    const fresh = files.filter(f => !records.has(f.id) && !onTab.has(f.id));
    state.counts.files += files.length;
    state.counts.declared += files.filter(f => records.has(f.id)).length;
    state.counts.skipped += files.filter(f => !records.has(f.id) && onTab.has(f.id)).length;
    if (!fresh.length) return 0;
    // Select is left empty: the checkbox rule below shows it unticked.
    const rows: RegisterEntry[] = fresh.map(f => ({
      sweepId: state.sweepId,
      leaver: state.leaver,
      fileId: f.id,
      title: f.name,
      url: f.url,
      mimeType: f.mimeType,
      folder: folders.get(f.id) ?? '',
      lastUpdated: f.modifiedAt ?? '',
      status: 'Not declared',
    }));
    const { firstRow } = w.register.appendTo('leavers', rows, []);
    const select = w.register.columns('leavers').select;
    w.register
      .sheet('leavers')
      .getRange(firstRow, select + 1, rows.length, 1)
      .setDataValidation(
        SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build()
      );
    state.counts.listed += fresh.length;
    return fresh.length;
  });
}

// ---------------------------------------------------------------------------------------------
// The hourly trigger that continues a sweep (add-ons may run one at most hourly).

function ensureContinueTrigger(): void {
  if (!ownTriggers(LEAVER_CONTINUE_HANDLER).length) {
    createTrigger(LEAVER_CONTINUE_HANDLER, { every: 'hour' });
  }
}

export function removeContinueTriggers(): void {
  deleteTriggers(LEAVER_CONTINUE_HANDLER);
}

// ---------------------------------------------------------------------------------------------
// Acting on the ticked rows.

export interface TickedOutcome {
  declared: number;
  handedOver: number;
  refused: number;
  gone: number;
  /** Ticked rows not acted on: no series for them, or time ran out (they stay ticked). */
  left: number;
  notes: string[];
  /** Who can hand over files Drive refused, when some were refused. */
  advice: string | null;
}

/** Ticked rows still to act on: one read of the Select column, one of the ticked block. */
function tickedRows(w: Workplace): EntryRow[] {
  const columns = w.register.columns('leavers');
  const last = w.register.lastRow('leavers');
  if (last < 2) return [];
  const flags = w.register
    .sheet('leavers')
    .getRange(2, columns.select + 1, last - 1, 1)
    .getValues();
  const rows = flags.map((r, i) => (r[0] === true ? i + 2 : 0)).filter(r => r > 0);
  if (!rows.length) return [];
  const wanted = new Set(rows);
  return w.register
    .readEntries('leavers', rows[0], rows[rows.length - 1] - rows[0] + 1)
    .filter(r => wanted.has(r.row) && isActionable(String(r.entry.status ?? '')));
}

interface RowChange {
  row: number;
  fileId: string;
  values: RegisterEntry;
  audit: { action: string; details: string; recordId?: string };
}

/** An unticked checkbox; register entries carry no booleans, the sheet writes it as is. */
const UNTICKED = false as unknown as string;

/** Writes the changes to rows read earlier, re-read under the lock so a moved row is not hit. */
function writeChanges(w: Workplace, changes: RowChange[], now: Date): void {
  if (!changes.length) return;
  withScriptLock(() => {
    w.register.forgetPositions();
    const current = w.register.findEntries(
      'leavers',
      'fileId',
      changes.map(c => c.fileId)
    );
    const updates: { row: EntryRow; values: RegisterEntry }[] = [];
    const audits: RegisterEntry[] = [];
    for (const change of changes) {
      const row = current.get(change.fileId);
      if (!row) continue;
      updates.push({
        row,
        values: { ...change.values, select: UNTICKED, doneBy: w.user, doneAt: now },
      });
      audits.push(
        audit(
          w,
          now,
          change.audit.action,
          change.audit.details,
          change.fileId,
          change.audit.recordId
        )
      );
    }
    w.register.updateEntries('leavers', updates, audits);
  });
}

function emptyOutcome(): TickedOutcome {
  return { declared: 0, handedOver: 0, refused: 0, gone: 0, left: 0, notes: [], advice: null };
}

export interface DeclareChoice {
  /** The series for files not in a series folder ('' to take only the folders' series). */
  series: string;
  businessUnit: string;
  classification: string;
}

/**
 * Declares the ticked files through the normal declaration (marking, filing, register rows), a
 * batch per series; rows become Declared with their record ID. Rows not reached in time stay
 * ticked for the next press.
 */
export function declareTicked(
  w: Workplace,
  choice: DeclareChoice,
  now: Date,
  budgetMs: number
): TickedOutcome {
  const startedAt = Date.now();
  requireTeamMember(w, WHAT);
  const outcome = emptyOutcome();
  const ticked = tickedRows(w);
  if (!ticked.length) throw nothingTicked();
  const seriesFolders = new Map(
    w.reference.series.filter(s => s.folderId).map(s => [s.folderId, s.code] as [string, string])
  );
  const changes: RowChange[] = [];
  let noSeries = 0;
  let slowest = 0;
  // A batch at a time: its files read from Drive, then declared a series at a time. Reading
  // every ticked file first would spend the card's 30 seconds before declaring any.
  for (let at = 0; at < ticked.length; at += DECLARE_BATCH) {
    const rows = ticked.slice(at, at + DECLARE_BATCH);
    if (Date.now() - startedAt + slowest + changes.length * ROW_WRITE_MS > budgetMs) {
      outcome.left += rows.length;
      continue;
    }
    const batchStarted = Date.now();
    const items = getItems(
      rows.map(r => String(r.entry.fileId)),
      w.domain
    );
    const groups = new Map<string, { ref: ItemRef; row: EntryRow; modified: Date | null }[]>();
    for (const row of rows) {
      const fileId = String(row.entry.fileId);
      const item = items.get(fileId);
      if (!item || item instanceof Error) {
        outcome.gone++;
        changes.push({
          row: row.row,
          fileId,
          values: { status: 'Gone', note: item ? item.message : 'The file could not be found.' },
          audit: {
            action: 'Leaver file gone',
            details: `${row.entry.sweepId}: ${row.entry.title}`,
          },
        });
        continue;
      }
      const code = seriesForFile(item.parents, seriesFolders, choice.series);
      if (!code) {
        outcome.left++;
        noSeries++;
        continue;
      }
      const group = groups.get(code) ?? [];
      group.push({
        ref: { id: item.id, title: item.name, mimeType: item.mimeType },
        row,
        modified: item.modifiedAt,
      });
      groups.set(code, group);
    }
    for (const [code, batch] of groups) {
      const latest = batch
        .map(b => b.modified)
        .filter((d): d is Date => !!d)
        .sort((a, b) => b.getTime() - a.getTime())[0];
      const form: DeclarationForm = {
        classification: choice.classification || 'OFFICIAL',
        handlingInstructions: [],
        descriptors: [],
        caveats: [],
        series: code,
        businessUnit: choice.businessUnit,
        description: '',
        recordDate: latest ?? now,
        lock: false,
      };
      const result = declareItems(
        w,
        batch.map(b => b.ref),
        form,
        now
      );
      if (result.errors.length) {
        // Bad choices on the card: nothing was declared; the rows stay ticked.
        writeChanges(w, changes, now);
        throw new UserFacingError(
          `${result.errors.map(e => e.message).join(' ')} Nothing more was declared; the ticked rows stay ticked.`,
          'Check the declaration'
        );
      }
      const byId = new Map(batch.map(b => [b.ref.id, b]));
      const done = [
        ...result.declared.map(d => ({ id: d.ref.id, recordId: d.recordId, note: d.filing })),
        ...result.already.map(a => ({
          id: a.ref.id,
          recordId: a.record.recordId,
          note: 'Already a record',
        })),
      ];
      for (const d of done) {
        const b = byId.get(d.id)!;
        outcome.declared++;
        changes.push({
          row: b.row.row,
          fileId: d.id,
          values: { status: 'Declared', recordId: d.recordId, note: d.note },
          audit: {
            action: 'Leaver file declared',
            details: `${b.row.entry.sweepId}: ${b.ref.title}, series ${code}`,
            recordId: d.recordId,
          },
        });
      }
      for (const r of result.refused) {
        outcome.left++;
        outcome.notes.push(`${r.ref.title}: ${r.reason}`);
        const b = byId.get(r.ref.id)!;
        changes.push({
          row: b.row.row,
          fileId: r.ref.id,
          values: { note: `Not declared: ${r.reason}` },
          audit: {
            action: 'Leaver file not declared',
            details: `${b.row.entry.sweepId}: ${r.reason}`,
          },
        });
      }
      outcome.notes.push(...result.warnings);
    }
    slowest = Math.max(slowest, Date.now() - batchStarted);
  }
  if (noSeries) {
    outcome.notes.unshift(
      `${noSeries} ticked file(s) are not in a series folder: choose a series for them.`
    );
  }
  writeChanges(w, changes, now);
  return outcome;
}

/**
 * Hands the ticked files to a new owner. Drive lets only a file's owner do it, so for most
 * files the records team's attempt is refused: the row records Drive's reason and the card says
 * who can do it.
 */
export function handOverTicked(
  w: Workplace,
  newOwnerText: string,
  now: Date,
  budgetMs: number
): TickedOutcome {
  const startedAt = Date.now();
  requireTeamMember(w, WHAT);
  const parsed = parseAddress(newOwnerText, w.domain, 'new owner');
  if ('error' in parsed) {
    throw new UserFacingError(`${parsed.error} Nothing was handed over.`, 'Check the new owner');
  }
  const outcome = emptyOutcome();
  const ticked = tickedRows(w);
  if (!ticked.length) throw nothingTicked();
  const changes: RowChange[] = [];
  let leaver = '';
  let slowest = 0;
  for (const row of ticked) {
    if (Date.now() - startedAt + slowest + changes.length * ROW_WRITE_MS > budgetMs) {
      outcome.left++;
      continue;
    }
    const began = Date.now();
    const fileId = String(row.entry.fileId);
    const title = String(row.entry.title);
    const sweep = String(row.entry.sweepId);
    const result = transferOwnership(fileId, parsed.email);
    if (result.ok) {
      outcome.handedOver++;
      changes.push({
        row: row.row,
        fileId,
        values: { status: 'Handed over', newOwner: parsed.email, note: '' },
        audit: {
          action: 'Leaver file handed over',
          details: `${sweep}: ${title} to ${parsed.email}`,
        },
      });
    } else if (result.gone) {
      outcome.gone++;
      changes.push({
        row: row.row,
        fileId,
        values: { status: 'Gone', note: result.reason },
        audit: { action: 'Leaver file gone', details: `${sweep}: ${title}` },
      });
    } else {
      outcome.refused++;
      leaver = String(row.entry.leaver);
      changes.push({
        row: row.row,
        fileId,
        values: { status: 'Could not hand over', note: `Drive refused: ${result.reason}` },
        audit: {
          action: 'Leaver file not handed over',
          details: `${sweep}: ${title} to ${parsed.email}: ${result.reason}`,
        },
      });
    }
    slowest = Math.max(slowest, Date.now() - began);
  }
  writeChanges(w, changes, now);
  if (outcome.refused) outcome.advice = handOverAdvice(leaver);
  return outcome;
}

function nothingTicked(): UserFacingError {
  return new UserFacingError(
    `No rows are ticked on the "${TABS.leavers.name}" tab (rows already declared or handed over are left alone). Tick the files in its Select column first.`,
    'Nothing ticked'
  );
}
