// The review queue: what is due for the records team, read from each register row and the
// retention schedules. Dates are kept current from the schedules (a schedule whose period is
// changed moves every record under it) until a review decision is recorded on the record; from
// then on the register's own dates stand. A row edited by hand into something unusable becomes a
// queue line saying what to fix, never an error.
import type { ReferenceData, RegisterEntry } from './declaration';
import { DUE_KINDS, DUE_WINDOWS, FINAL_STATES, LIFECYCLE_STATES } from './register-schema';
import { addYears, computeDueDates, DISPOSAL_ACTIONS } from './retention';
import type { DisposalAction, RetentionSchedule } from './retention';

export type DueKind = (typeof DUE_KINDS)[number];
export type DueWindow = (typeof DUE_WINDOWS)[number];
/** The kinds counted by window on the records team's home (second approvals are one count). */
export const WINDOWED_KINDS = ['Review', 'Disposal', 'Transfer'] as const;
export type WindowedKind = (typeof WINDOWED_KINDS)[number];

/** Holds in force, as sets (see src/app/holds.ts). */
export interface HoldSets {
  records: Set<string>;
  series: Set<string>;
}

export interface QueueLine {
  recordId: string;
  title: string;
  series: string;
  businessUnit: string;
  classification: string;
  /** Empty on a line that only reports a problem. */
  due: DueKind | '';
  dueDate: Date | null;
  window: DueWindow | '';
  lifecycle: string;
  legalHold: 'Yes' | 'No';
  /** The register row the line comes from. */
  row: number;
  /** What in the register row needs fixing by hand ('' when nothing). */
  problem: string;
}

export interface RowOutcome {
  lines: QueueLine[];
  /** A blank row (cleared by hand) or a record already destroyed or transferred. */
  skipped: 'blank' | 'final' | null;
  held: boolean;
  problem: boolean;
  secondApproval: boolean;
}

export type WindowCounts = Record<'overdue' | 'next3' | 'next12', number>;

export interface QueueSummary {
  due: Record<WindowedKind, WindowCounts>;
  /** Records on legal hold (by their flag, a record hold or a series hold). */
  onHold: number;
  /** Records whose destruction was proposed and awaits a second records team member. */
  secondApprovals: number;
  /** Register rows with something to fix by hand. */
  problems: number;
  /** Queue lines written. */
  lines: number;
  /** Register rows read, blank ones included. */
  rowsScanned: number;
}

export function emptySummary(): QueueSummary {
  const counts = (): WindowCounts => ({ overdue: 0, next3: 0, next12: 0 });
  return {
    due: { Review: counts(), Disposal: counts(), Transfer: counts() },
    onHold: 0,
    secondApprovals: 0,
    problems: 0,
    lines: 0,
    rowsScanned: 0,
  };
}

const WINDOW_KEY: Record<DueWindow, keyof WindowCounts> = {
  Overdue: 'overdue',
  'Next 3 months': 'next3',
  'Next 12 months': 'next12',
};

/** Adds one row's outcome to the running summary. */
export function addToSummary(summary: QueueSummary, outcome: RowOutcome): void {
  summary.rowsScanned++;
  if (outcome.skipped) return;
  if (outcome.held) summary.onHold++;
  if (outcome.problem) summary.problems++;
  if (outcome.secondApproval) summary.secondApprovals++;
  summary.lines += outcome.lines.length;
  for (const line of outcome.lines) {
    if (!line.window || !line.due || line.due === 'Destroy: second approval') continue;
    summary.due[line.due][WINDOW_KEY[line.window]]++;
  }
}

// ---- Dates ----

const DAY_MS = 86_400_000;

/** Midnight UTC of the day. */
export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Adds whole months in UTC; a day past the month's end falls back to its last day. */
export function addMonths(date: Date, months: number): Date {
  const out = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate())
  );
  const wantedMonth = (((date.getUTCMonth() + months) % 12) + 12) % 12;
  if (out.getUTCMonth() !== wantedMonth) out.setUTCDate(0);
  return out;
}

/** Which window a due date falls in, seen from `now`; null beyond 12 months. */
export function windowOf(due: Date, now: Date): DueWindow | null {
  const today = startOfDay(now);
  const day = due.getTime();
  if (day < today.getTime()) return 'Overdue';
  if (day <= addMonths(today, 3).getTime()) return 'Next 3 months';
  if (day <= addYears(today, 1).getTime()) return 'Next 12 months';
  return null;
}

type DayValue = { ok: true; date: Date | null } | { ok: false; shown: string };

const isDate = (value: unknown): value is Date =>
  Object.prototype.toString.call(value) === '[object Date]';

function validDay(y: number, m: number, d: number): Date | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? date
    : null;
}

/**
 * A date cell as a day. Sheets returns dates typed by hand as midnight in the spreadsheet's time
 * zone (23:00 UTC the day before in summer), and dates written by the add-on as midnight UTC: both
 * are the nearest UTC midnight. Text the sheet did not take as a date is read as yyyy-mm-dd or
 * dd/mm/yyyy; anything else is reported.
 */
export function readDay(value: unknown): DayValue {
  if (value === null || value === undefined || value === '') return { ok: true, date: null };
  if (isDate(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { ok: false, shown: 'an invalid date' };
    return { ok: true, date: new Date(Math.round(ms / DAY_MS) * DAY_MS) };
  }
  const text = String(value).trim();
  if (!text) return { ok: true, date: null };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const british = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const date = iso
    ? validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    : british
      ? validDay(Number(british[3]), Number(british[2]), Number(british[1]))
      : null;
  if (date && date.getUTCFullYear() >= 1900) return { ok: true, date };
  return { ok: false, shown: `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"` };
}

// ---- One register row ----

export interface QueueContext {
  reference: ReferenceData;
  holds: HoldSets;
  /** The moment the refresh is for: windows are counted from this day. */
  now: Date;
}

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value).trim();

function isBlank(entry: RegisterEntry): boolean {
  return Object.values(entry).every(v => v === null || v === undefined || text(v) === '');
}

/**
 * The queue lines of one register row. Never throws: whatever a hand edit left in the row, the
 * result is lines, a problem line, or nothing.
 */
export function queueLinesFor(row: number, entry: RegisterEntry, ctx: QueueContext): RowOutcome {
  const outcome: RowOutcome = {
    lines: [],
    skipped: null,
    held: false,
    problem: false,
    secondApproval: false,
  };
  if (isBlank(entry)) return { ...outcome, skipped: 'blank' };
  const lifecycle = text(entry.lifecycle);
  if (FINAL_STATES.includes(lifecycle)) return { ...outcome, skipped: 'final' };

  const recordId = text(entry.recordId);
  const series = text(entry.series);
  const held =
    lifecycle === 'On hold' ||
    text(entry.legalHold).toLowerCase() === 'yes' ||
    (recordId !== '' && ctx.holds.records.has(recordId)) ||
    (series !== '' && ctx.holds.series.has(series));
  outcome.held = held;
  const base = {
    recordId,
    title: text(entry.title),
    series,
    businessUnit: text(entry.businessUnit),
    classification: text(entry.classification),
    lifecycle,
    legalHold: held ? ('Yes' as const) : ('No' as const),
    row,
  };
  const problems: string[] = [];
  const finish = (): RowOutcome => {
    if (problems.length) {
      outcome.problem = true;
      outcome.lines.push({
        ...base,
        due: '',
        dueDate: null,
        window: '',
        problem: problems.join(' '),
      });
    }
    return outcome;
  };

  if (!recordId) {
    problems.push(
      'No record ID: the row was edited by hand. Restore its record ID (the audit log lists it by file ID) or clear the row if it is not a record.'
    );
    return finish();
  }
  if (lifecycle && !(LIFECYCLE_STATES as readonly string[]).includes(lifecycle)) {
    problems.push(
      `Lifecycle state "${lifecycle}" is not one of ${LIFECYCLE_STATES.join(', ')}: correct it.`
    );
  }

  const dates = dueDatesOf(entry, ctx.reference, problems);
  const review = readDay(entry.reviewDue);
  if (!review.ok) {
    problems.push(`Next review ${review.shown} is not a date: enter it as yyyy-mm-dd.`);
  }

  const add = (due: DueKind, date: Date | null, always = false) => {
    const window = date ? windowOf(date, ctx.now) : null;
    if (!window && !always) return;
    outcome.lines.push({
      ...base,
      due,
      dueDate: date,
      window: window ?? '',
      problem: '',
    });
  };

  if (lifecycle === 'Destruction proposed') {
    // Proposed for destruction: listed until a second member confirms or rejects it.
    outcome.secondApproval = true;
    add('Destroy: second approval', dates?.disposalDue ?? null, true);
    return finish();
  }
  if (!dates) return finish();

  const earliest = (...candidates: (Date | null)[]): Date | null =>
    candidates
      .filter((d): d is Date => d !== null)
      .reduce<Date | null>((a, b) => (a === null || b.getTime() < a.getTime() ? b : a), null);
  const retained = lifecycle === 'Retained (s3(4))';
  if (dates.action === 'Destroy') add('Disposal', dates.disposalDue);
  const reviewDate = earliest(
    dates.action === 'Review' ? dates.disposalDue : null,
    review.ok ? review.date : null
  );
  add('Review', reviewDate);
  if (!retained) {
    add(
      'Transfer',
      earliest(dates.action === 'Transfer to TNA' ? dates.disposalDue : null, dates.transferDue)
    );
  }
  return finish();
}

interface Dates {
  action: DisposalAction;
  disposalDue: Date | null;
  transferDue: Date | null;
}

/**
 * The record's disposal and transfer dates: from its current schedule, or, once a review
 * decision is recorded, the register's own. Null (with problems added) when they cannot be known.
 */
function dueDatesOf(
  entry: RegisterEntry,
  reference: ReferenceData,
  problems: string[]
): Dates | null {
  const registerDay = (key: string, label: string): Date | null => {
    const day = readDay(entry[key]);
    if (day.ok) return day.date;
    problems.push(`${label} ${day.shown} is not a date: enter it as yyyy-mm-dd.`);
    return null;
  };
  const schedule = scheduleOf(entry, reference, problems);

  if (text(entry.decisionAt)) {
    // A review decision set these dates: they stand until the next decision.
    const written = text(entry.disposalAction);
    let action: DisposalAction | null = null;
    if ((DISPOSAL_ACTIONS as readonly string[]).includes(written))
      action = written as DisposalAction;
    else if (written)
      problems.push(
        `Disposal action "${written}" is not one of ${DISPOSAL_ACTIONS.join(', ')}: correct it.`
      );
    else action = schedule?.action ?? null;
    const disposalDue = registerDay('disposalDue', 'Disposal due');
    const transferDue = registerDay('transferDue', '20-year transfer due');
    return action ? { action, disposalDue, transferDue } : null;
  }

  const recordDate = readDay(entry.recordDate);
  if (!recordDate.ok) {
    problems.push(`Date of the record ${recordDate.shown} is not a date: enter it as yyyy-mm-dd.`);
    return null;
  }
  if (!recordDate.date) {
    problems.push('No date of the record: enter it as yyyy-mm-dd.');
    return null;
  }
  if (!schedule) return null;
  const due = computeDueDates(recordDate.date, schedule);
  // Event-triggered schedules: the records team enters the date when the event happens.
  const disposalDue = due.disposalDue ?? registerDay('disposalDue', 'Disposal due');
  return { action: schedule.action, disposalDue, transferDue: due.transferDue };
}

/** The row's retention schedule: its own column, else its series' schedule in the file plan. */
function scheduleOf(
  entry: RegisterEntry,
  reference: ReferenceData,
  problems: string[]
): RetentionSchedule | null {
  const code = text(entry.retentionCode);
  const seriesCode = text(entry.series);
  const series = seriesCode ? reference.series.find(s => s.code === seriesCode) : undefined;
  if (seriesCode && !series) {
    problems.push(`Series "${seriesCode}" is not in the file plan: correct the series code.`);
  }
  if (code) {
    const schedule = reference.schedules.find(s => s.code === code);
    if (schedule) return schedule;
    problems.push(
      `Retention schedule "${code}" is not in the "Retention schedules" tab (or that row is incomplete): correct the code.`
    );
    return null;
  }
  if (!seriesCode) {
    problems.push('No series and no retention schedule: fill in the series code.');
    return null;
  }
  if (!series) return null;
  const schedule = reference.schedules.find(s => s.code === series.retentionCode);
  if (!schedule) {
    problems.push(
      `Series ${series.code} names retention schedule "${series.retentionCode}", which is not in the "Retention schedules" tab: correct the file plan.`
    );
    return null;
  }
  return schedule;
}
