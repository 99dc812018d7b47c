// Refreshing the Review queue tab from the register: the register is read in chunks of rows (one
// read per chunk), each chunk's queue lines are written with one write, and the progress is saved
// after every chunk, so a run that stops for time keeps its work and the next run (the daily
// trigger, or the next button press) continues from there. The script lock is held only to claim
// the refresh, never while it runs, so declarations go on meanwhile.
import { parseSaved } from '../domain/saved-json';
import { withScriptLock } from '../adapters/lock';
import { cacheReferenceData } from '../adapters/reference-cache';
import type { Register } from '../adapters/register';
import type { ReferenceData } from '../domain/declaration';
import { TABS } from '../domain/register-schema';
import { addToSummary, emptySummary, queueLinesFor } from '../domain/review-queue';
import type { QueueLine, QueueSummary } from '../domain/review-queue';
import { toCellText } from '../domain/text';
import type { Workplace } from './deployment';
import { UserFacingError, messageOf } from './errors';
import { readActiveHolds } from './holds';
import { upgradeRegister } from './records-team';
import { membersWithSchedule, scheduleOn, setTeamSchedule } from './team-schedules';
import type { TeamSchedule } from './team-schedules';

/** Register rows read per call: 5,000 rows of ~60 columns is ~3 s of reading. */
export const CHUNK_ROWS = 5_000;
/** A card action has 30 seconds; the refresh stops early enough to draw the card after it. */
export const QUEUE_CARD_BUDGET_MS = 20_000;
/** Time-driven runs have 6 minutes. */
export const QUEUE_TRIGGER_BUDGET_MS = 280_000;
/** A refresh that has said nothing for this long has died (no execution lasts over 6 minutes). */
export const STALE_CLAIM_MS = 10 * 60_000;
/** A partial refresh older than this starts again: its windows would be counted from a past day. */
export const RESTART_AFTER_MS = 24 * 60 * 60_000;
/** Ticks kept across a rebuild of the queue (the state must stay under 9 KB). */
const MAX_TICKS_KEPT = 200;

export const QUEUE_STATE_KEY = 'records-capture.review-queue';
export const QUEUE_SCHEDULE_KEY = 'records-capture.review-queue.daily';
export const QUEUE_HANDLER = 'onScheduledQueueRefresh';
/** Hour of the day (script time zone) the daily refresh runs at. */
export const DAILY_REFRESH_HOUR = 6;

export interface QueueRefreshState {
  registerId: string;
  /** The moment the refresh counts windows from (every run of one refresh uses the same). */
  asOf: string;
  /** When the last run of this refresh ended. */
  refreshedAt: string | null;
  complete: boolean;
  /** The next register row to read. */
  nextRow: number;
  /** The next Review queue row to write. */
  queueNext: number;
  /** Register data rows when the last run looked. */
  totalRows: number;
  summary: QueueSummary;
  runs: number;
  /** Set while a run is under way (the claim); null when none is. */
  runningSince: string | null;
  runningBy: string;
  /** Lines ticked in the queue before it was rebuilt, as "record id|what is due". */
  ticked: string[];
}

export function readQueueState(): QueueRefreshState | null {
  return parseSaved<QueueRefreshState>(
    PropertiesService.getScriptProperties().getProperty(QUEUE_STATE_KEY)
  );
}

function saveQueueState(state: QueueRefreshState): void {
  PropertiesService.getScriptProperties().setProperty(QUEUE_STATE_KEY, JSON.stringify(state));
}

function freshState(registerId: string, now: Date): QueueRefreshState {
  return {
    registerId,
    asOf: now.toISOString(),
    refreshedAt: null,
    complete: false,
    nextRow: 2,
    queueNext: 2,
    totalRows: 0,
    summary: emptySummary(),
    runs: 0,
    runningSince: null,
    runningBy: '',
    ticked: [],
  };
}

/** A daily run skips a refresh completed this recently (another member's daily run, a press). */
export const FRESH_ENOUGH_MS = 12 * 60 * 60_000;

/** The last refresh, if it completed within FRESH_ENOUGH_MS of `now`. */
export function recentRefresh(w: Workplace, now: Date): QueueRefreshState | null {
  const state = readQueueState();
  if (!state?.complete || !state.refreshedAt || state.registerId !== w.config.registerId)
    return null;
  return now.getTime() - Date.parse(state.refreshedAt) < FRESH_ENOUGH_MS ? state : null;
}

export function isRunning(state: QueueRefreshState | null, now: Date): boolean {
  return !!state?.runningSince && now.getTime() - Date.parse(state.runningSince) < STALE_CLAIM_MS;
}

export interface RefreshReport {
  /** Another refresh was under way: nothing was done. */
  busy: { since: string; by: string } | null;
  complete: boolean;
  /** Register rows read by this run. */
  rowsRead: number;
  /** Register rows read by the whole refresh so far, and the register's data rows. */
  rowsDone: number;
  totalRows: number;
  stoppedForTime: boolean;
  state: QueueRefreshState;
}

/**
 * Refreshes the Review queue, continuing a refresh that stopped earlier. Stops starting chunks
 * once one as slow as the slowest so far would not fit in `budgetMs`.
 */
export function refreshQueue(w: Workplace, now: Date, budgetMs: number): RefreshReport {
  const startedAt = Date.now();
  const claim = withScriptLock(() => {
    w.register.forgetPositions();
    const saved = readQueueState();
    if (saved && isRunning(saved, now)) return { busy: saved, state: saved, fresh: false };
    // An older register gets the Review queue tab (and the others) before anything is written.
    upgradeRegister(w.register, w.user, now);
    const restart =
      !saved ||
      saved.complete ||
      saved.registerId !== w.config.registerId ||
      now.getTime() - Date.parse(saved.asOf) > RESTART_AFTER_MS;
    const state = restart ? freshState(w.config.registerId, now) : saved;
    state.runningSince = now.toISOString();
    state.runningBy = w.user;
    saveQueueState(state);
    return { busy: null, state, fresh: restart };
  });
  const state = claim.state;
  if (claim.busy) {
    return {
      busy: { since: state.runningSince ?? '', by: state.runningBy },
      complete: false,
      rowsRead: 0,
      rowsDone: state.nextRow - 2,
      totalRows: state.totalRows,
      stoppedForTime: false,
      state,
    };
  }

  let rowsRead = 0;
  let reads = 0;
  let stoppedForTime = false;
  try {
    // A register edited out of shape is reported before the old queue is touched.
    w.register.columns('register');
    const queue = new QueueWriter(w.register);
    if (claim.fresh) state.ticked = queue.clear();
    const reference = w.register.readReferenceData();
    cacheReferenceData(w.config.registerId, reference);
    const holds = readActiveHolds(w.register);
    const asOf = new Date(state.asOf);
    const ticked = new Set(state.ticked);
    const last = w.register.lastRow('register');
    state.totalRows = Math.max(0, last - 1);
    let slowestMs = 0;
    while (state.nextRow <= last) {
      if (Date.now() - startedAt + slowestMs > budgetMs) {
        stoppedForTime = true;
        break;
      }
      const chunkStartedAt = Date.now();
      const count = Math.min(CHUNK_ROWS, last - state.nextRow + 1);
      const lines = linesOf(w.register, state.nextRow, count, reference, holds, asOf, state);
      queue.write(state.queueNext, lines, ticked);
      SpreadsheetApp.flush();
      state.nextRow += count;
      state.queueNext += lines.length;
      rowsRead += count;
      reads++;
      saveQueueState(state);
      slowestMs = Math.max(slowestMs, Date.now() - chunkStartedAt);
    }
    state.complete = !stoppedForTime;
    if (state.complete) {
      queue.clearFrom(state.queueNext);
      state.ticked = [];
    }
  } catch (error) {
    console.error(`Review queue refresh stopped: ${messageOf(error)}`);
    throw error instanceof UserFacingError
      ? error
      : new UserFacingError(
          `The Review queue could not be refreshed (${messageOf(error).replace(/\.$/, '')}). The register is unchanged; the queue keeps what was written so far. Please try again.`,
          'Review queue not refreshed'
        );
  } finally {
    state.runs++;
    // What was written stands, so the home card shows it (as partial until complete).
    if (rowsRead > 0 || state.complete) state.refreshedAt = new Date().toISOString();
    state.runningSince = null;
    saveQueueState(state);
  }
  console.log(
    `Review queue: ${rowsRead} register rows read this run in ${reads} reads, ${state.nextRow - 2} of ${state.totalRows} in all; ${state.complete ? 'complete' : 'to be continued'}.`
  );
  return {
    busy: null,
    complete: state.complete,
    rowsRead,
    rowsDone: state.nextRow - 2,
    totalRows: state.totalRows,
    stoppedForTime,
    state,
  };
}

function linesOf(
  register: Register,
  firstRow: number,
  count: number,
  reference: ReferenceData,
  holds: ReturnType<typeof readActiveHolds>,
  asOf: Date,
  state: QueueRefreshState
): QueueLine[] {
  const lines: QueueLine[] = [];
  for (const { row, entry } of register.readEntries('register', firstRow, count)) {
    const outcome = queueLinesFor(row, entry, { reference, holds, now: asOf });
    addToSummary(state.summary, outcome);
    lines.push(...outcome.lines);
  }
  return lines;
}

const tickKey = (recordId: unknown, due: unknown) => `${String(recordId)}|${String(due)}`;

/** The Review queue tab: cleared, appended to in blocks, its Select column made checkboxes. */
class QueueWriter {
  private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  private readonly columns: Record<string, number>;
  private readonly width: number;
  private maxRows: number | null = null;
  private checkbox: GoogleAppsScript.Spreadsheet.DataValidation | null = null;

  constructor(register: Register) {
    this.sheet = register.sheet('queue');
    this.columns = register.columns('queue');
    this.width = Math.max(...Object.values(this.columns)) + 1;
  }

  /** Empties the queue (one read of the ticks, one deletion); returns the lines that were ticked. */
  clear(): string[] {
    const last = this.sheet.getLastRow();
    if (last < 2) return [];
    const { select, recordId, due } = this.columns;
    const from = Math.min(select, recordId, due);
    const to = Math.max(select, recordId, due);
    const ticked = this.sheet
      .getRange(2, from + 1, last - 1, to - from + 1)
      .getValues()
      .filter(r => r[select - from] === true)
      .map(r => tickKey(r[recordId - from], r[due - from]))
      .slice(0, MAX_TICKS_KEPT);
    this.clearRows(2, last);
    return ticked;
  }

  /** Clears what a stopped run left below the end of the rebuilt queue. */
  clearFrom(row: number): void {
    const last = this.sheet.getLastRow();
    if (last >= row) this.clearRows(row, last);
  }

  /**
   * Removes rows rather than clearing their cells: one structural change whatever the size, and
   * their checkboxes go with them.
   */
  private clearRows(first: number, last: number): void {
    const max = this.sheet.getMaxRows();
    const end = Math.min(last, max);
    if (end < first) return;
    // A sheet keeps at least one row below its frozen header.
    if (first <= 2 && end >= max) this.sheet.insertRowsAfter(max, 1);
    this.sheet.deleteRows(first, end - first + 1);
    this.maxRows = null;
  }

  /** Writes lines from `row` on: one write, one checkbox rule and one date format per block. */
  write(row: number, lines: QueueLine[], ticked: Set<string>): void {
    if (!lines.length) return;
    const needed = row + lines.length - 1;
    if (this.maxRows === null) this.maxRows = this.sheet.getMaxRows();
    if (needed > this.maxRows) {
      const more = Math.max(needed - this.maxRows, 1_000);
      this.sheet.insertRowsAfter(this.maxRows, more);
      this.maxRows += more;
    }
    const cells = lines.map(line => this.cells(line, ticked));
    this.sheet.getRange(row, 1, lines.length, this.width).setValues(cells);
    if (!this.checkbox) {
      this.checkbox = SpreadsheetApp.newDataValidation()
        .requireCheckbox()
        .setAllowInvalid(false)
        .setHelpText('Tick the lines to decide on, then use the Records Capture sidebar.')
        .build();
    }
    this.sheet
      .getRange(row, this.columns.select + 1, lines.length, 1)
      .setDataValidation(this.checkbox);
    this.sheet
      .getRange(row, this.columns.dueDate + 1, lines.length, 1)
      .setNumberFormat('yyyy-mm-dd');
  }

  private cells(line: QueueLine, ticked: Set<string>): unknown[] {
    const out: unknown[] = new Array(this.width).fill('');
    const put = (key: string, value: unknown) => {
      const at = this.columns[key];
      if (at === undefined) return;
      out[at] = typeof value === 'string' ? (value ? toCellText(value).cell : '') : value;
    };
    put('select', ticked.has(tickKey(line.recordId, line.due)));
    put('recordId', line.recordId);
    put('title', line.title);
    put('series', line.series);
    put('businessUnit', line.businessUnit);
    put('classification', line.classification);
    put('due', line.due);
    put('dueDate', line.dueDate ?? '');
    put('window', line.window);
    put('lifecycle', line.lifecycle);
    put('legalHold', line.legalHold);
    put('row', line.row);
    put('problem', line.problem);
    return out;
  }
}

// ---- The daily refresh ----

/** The daily refresh each member may turn on for themselves. */
export const DAILY_QUEUE_REFRESH: TeamSchedule = {
  handler: QUEUE_HANDLER,
  schedule: { every: 'day', hour: DAILY_REFRESH_HOUR },
  membersKey: QUEUE_SCHEDULE_KEY,
  what: 'the daily refresh',
  otherwise: 'the Review queue can still be refreshed with the button',
  refusedTitle: 'Daily refresh not set',
};

/** Turns the current user's daily refresh on or off. */
export function setDailyRefresh(w: Workplace, on: boolean): void {
  setTeamSchedule(w, DAILY_QUEUE_REFRESH, on);
}

/** Called by a daily trigger whose owner has left the records team: it is removed. */
export function removeOwnDailyRefresh(w: Workplace): void {
  setTeamSchedule(w, DAILY_QUEUE_REFRESH, false);
}

// ---- The records team's home ----

export interface RecordsTeamHomeView {
  user: string;
  /** Null before the first refresh. */
  summary: QueueSummary | null;
  refreshedAt: Date | null;
  complete: boolean;
  rowsDone: number;
  totalRows: number;
  running: { since: Date; by: string } | null;
  /** The current user's daily refresh is on. */
  daily: boolean;
  /** Members whose daily refresh is on. */
  scheduledBy: string[];
  /** The register, opened at the Review queue tab when it exists. */
  queueUrl: string;
  notice?: string;
}

/** What the home card shows: one property read, the user's triggers and the queue tab's id. */
export function recordsTeamHomeView(w: Workplace, notice?: string): RecordsTeamHomeView {
  const props = PropertiesService.getScriptProperties().getProperties();
  const saved = parseSaved<QueueRefreshState>(props[QUEUE_STATE_KEY]);
  const state = saved && saved.registerId === w.config.registerId ? saved : null;
  const now = new Date();
  const queueSheet = w.register.spreadsheet.getSheetByName(TABS.queue.name);
  const url = w.config.registerUrl.replace(/#.*$/, '');
  return {
    user: w.user,
    summary: state?.refreshedAt ? state.summary : null,
    refreshedAt: state?.refreshedAt ? new Date(state.refreshedAt) : null,
    complete: !!state?.complete,
    rowsDone: state ? state.nextRow - 2 : 0,
    totalRows: state?.totalRows ?? 0,
    running:
      state && isRunning(state, now)
        ? { since: new Date(state.runningSince!), by: state.runningBy }
        : null,
    daily: scheduleOn(DAILY_QUEUE_REFRESH),
    scheduledBy: membersWithSchedule(props[QUEUE_SCHEDULE_KEY]),
    queueUrl: queueSheet ? `${url}#gid=${queueSheet.getSheetId()}` : url,
    notice,
  };
}
