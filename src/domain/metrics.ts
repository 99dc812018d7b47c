// The records team's performance figures, from register rows: records declared and emails
// captured per business unit per month, how complete the declarations' metadata is, the share
// marked OFFICIAL-SENSITIVE, and what is overdue for review or on hold today. Also the half-year
// periods the biannual ExCo report covers. Pure: the app reads the cells and passes them in.
import { FINAL_STATES } from './register-schema';

/** Register columns the figures need, by column key: the refresh reads only these. */
export const METRIC_KEYS = [
  'title',
  'description',
  'recordType',
  'series',
  'businessUnit',
  'classification',
  'declaredAt',
  'recordDate',
  'retentionCode',
  'lifecycle',
  'owner',
  'legalHold',
  'reviewDue',
] as const;

export type MetricKey = (typeof METRIC_KEYS)[number];
export type MetricRow = Partial<Record<MetricKey, unknown>>;

/**
 * What a complete declaration has: each field a records manager needs to find, trust and dispose
 * of the record. The register fills the rest (ids, marking, dates due) itself.
 */
export const COMPLETE_FIELDS: { key: MetricKey; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'description', label: 'Description' },
  { key: 'series', label: 'Series' },
  { key: 'businessUnit', label: 'Business unit' },
  { key: 'classification', label: 'Classification' },
  { key: 'retentionCode', label: 'Retention schedule' },
  { key: 'recordDate', label: 'Date of the record' },
  { key: 'owner', label: 'Owner' },
];

/** The fields of `COMPLETE_FIELDS` a row lacks, by label (none: the metadata is complete). */
export function missingMetadata(row: MetricRow): string[] {
  return COMPLETE_FIELDS.filter(f => {
    const value = row[f.key];
    if (f.key === 'recordDate') return toDate(value) === null;
    return text(value) === '';
  }).map(f => f.label);
}

/** Shown for rows whose Business unit is empty. */
export const NO_UNIT = '(none)';

export interface MonthFigures {
  /** Records declared (every record type but Email). */
  declared: number;
  emails: number;
  /** Of the records declared, those with complete metadata. */
  complete: number;
  /** Of all records (declared and emails), those marked OFFICIAL-SENSITIVE. */
  sensitive: number;
}

export interface UnitFigures extends MonthFigures {
  /** Review date passed, and the record still held by the department. */
  overdueReviews: number;
  /** Under a legal hold, and still held by the department. */
  onHold: number;
  /** How often each field was missing from a declared record. */
  missing: Record<string, number>;
}

export interface Metrics {
  /** Business unit → month ("yyyy-mm", UK time) → figures. */
  months: Record<string, Record<string, MonthFigures>>;
  /** Business unit → all-time figures and what stands today. */
  units: Record<string, UnitFigures>;
  /** Rows read, rows that were empty, and rows with no usable "Declared at" (counted in units only). */
  rows: number;
  blank: number;
  undated: number;
}

export function emptyMetrics(): Metrics {
  return { months: {}, units: {}, rows: 0, blank: 0, undated: 0 };
}

const emptyMonth = (): MonthFigures => ({ declared: 0, emails: 0, complete: 0, sensitive: 0 });

/** Adds one register row to the figures; `today` is "yyyy-mm-dd" (UK) for what is overdue. */
export function addRow(metrics: Metrics, row: MetricRow, today: string): void {
  metrics.rows++;
  if (METRIC_KEYS.every(k => text(row[k]) === '')) {
    metrics.blank++;
    return;
  }
  const unit = text(row.businessUnit) || NO_UNIT;
  const email = text(row.recordType) === 'Email';
  const missing = email ? [] : missingMetadata(row);
  const sensitive = text(row.classification).toUpperCase() === 'OFFICIAL-SENSITIVE';
  const add = (f: MonthFigures) => {
    if (email) f.emails++;
    else f.declared++;
    if (!email && !missing.length) f.complete++;
    if (sensitive) f.sensitive++;
  };
  const u = (metrics.units[unit] ??= {
    ...emptyMonth(),
    overdueReviews: 0,
    onHold: 0,
    missing: {},
  });
  add(u);
  for (const label of missing) u.missing[label] = (u.missing[label] ?? 0) + 1;
  const held = !FINAL_STATES.includes(text(row.lifecycle));
  const review = toDate(row.reviewDue);
  if (held && review && ukDay(review) < today) u.overdueReviews++;
  if (held && text(row.legalHold).toLowerCase() === 'yes') u.onHold++;
  const declaredAt = toDate(row.declaredAt);
  if (!declaredAt) {
    metrics.undated++;
    return;
  }
  const byMonth = (metrics.months[unit] ??= {});
  add((byMonth[ukMonth(declaredAt)] ??= emptyMonth()));
}

/** A whole number percentage, or null when there is nothing to divide. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

/** Business units with any figures, in code order, "(none)" last. */
export function unitsOf(metrics: Metrics): string[] {
  return Object.keys(metrics.units).sort((a, b) =>
    a === NO_UNIT ? 1 : b === NO_UNIT ? -1 : a.localeCompare(b)
  );
}

/** The figures of a unit over some months. */
export function sumMonths(metrics: Metrics, unit: string, months: string[]): MonthFigures {
  const total = emptyMonth();
  for (const month of months) {
    const f = metrics.months[unit]?.[month];
    if (!f) continue;
    total.declared += f.declared;
    total.emails += f.emails;
    total.complete += f.complete;
    total.sensitive += f.sensitive;
  }
  return total;
}

/** The fields most often missing, e.g. "Description (12), Owner (3)". */
export function mostOftenMissing(figures: UnitFigures, top = 3): string {
  return Object.entries(figures.missing)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([label, n]) => `${label} (${n})`)
    .join(', ');
}

// ---- The figures the Dashboard keeps for the ExCo report ----

/** Heading of the Dashboard's block of figures for every month, which the ExCo report reads. */
export const FIGURES_TITLE = 'Figures by month (used by the ExCo report)';
/** Counts, not percentages: a half-year's share is worked out from six months' counts. */
export const FIGURES_HEADERS = [
  'Month',
  'Business unit',
  'Records declared',
  'Emails captured',
  'Complete metadata (count)',
  'OFFICIAL-SENSITIVE (count)',
];

/** A row per business unit per month with figures, months in order (units as `unitsOf`). */
export function figuresByMonth(
  metrics: Metrics
): [string, string, number, number, number, number][] {
  const units = unitsOf(metrics);
  const months = [...new Set(units.flatMap(u => Object.keys(metrics.months[u] ?? {})))].sort();
  const rows: [string, string, number, number, number, number][] = [];
  for (const month of months) {
    for (const unit of units) {
      const f = metrics.months[unit]?.[month];
      if (f) rows.push([month, unit, f.declared, f.emails, f.complete, f.sensitive]);
    }
  }
  return rows;
}

/** How a stored figure reads back: a number, or null if someone typed over it. */
function storedCount(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(text(value));
  return text(value) !== '' && Number.isInteger(n) && n >= 0 ? n : null;
}

/**
 * The figures the ExCo report needs, from the Dashboard's stored rows: `figures` as written by
 * `figuresByMonth`, `summary` the per-unit summary (unit, declared, emails, complete %,
 * sensitive %, overdue reviews, on hold, …), each without its header row. `rows` is the number of
 * register rows they were made from. A cell that is not what the refresh wrote gives a message
 * instead, and the report is then made from the register.
 */
export function storedMetrics(
  figures: unknown[][],
  summary: unknown[][],
  rows: number
): Metrics | string {
  const metrics = emptyMetrics();
  metrics.rows = rows;
  for (const [i, row] of summary.entries()) {
    const unit = text(row[0]);
    const numbers = [1, 2, 5, 6].map(c => storedCount(row[c]));
    if (!unit || numbers.some(n => n === null)) return `summary row ${i + 1} is not a figure`;
    const [declared, emails, overdueReviews, onHold] = numbers as number[];
    // Complete and sensitive counts by unit are not stored: the report uses them by month only.
    metrics.units[unit] = {
      declared,
      emails,
      complete: 0,
      sensitive: 0,
      overdueReviews,
      onHold,
      missing: {},
    };
  }
  for (const [i, row] of figures.entries()) {
    const month = text(row[0]);
    const unit = text(row[1]);
    const numbers = [2, 3, 4, 5].map(c => storedCount(row[c]));
    if (!/^\d{4}-\d{2}$/.test(month) || !metrics.units[unit] || numbers.some(n => n === null)) {
      return `row ${i + 1} of "${FIGURES_TITLE}" is not a figure`;
    }
    const [declared, emails, complete, sensitive] = numbers as number[];
    (metrics.months[unit] ??= {})[month] = { declared, emails, complete, sensitive };
  }
  return metrics;
}

// ---- Months and half-year periods (UK financial year: April to March) ----

/** "yyyy-mm" of the `n` months up to and including `month`, oldest first. */
export function monthsUpTo(month: string, n: number): string[] {
  const [y, m] = month.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => addMonths(y, m, i - n + 1));
}

function addMonths(year: number, month: number, delta: number): string {
  const index = year * 12 + (month - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A half of a financial year: H1 is April–September, H2 October–March. */
export interface Period {
  /** The calendar year the financial year starts in (2026 for 2026-27). */
  fyStart: number;
  half: 1 | 2;
}

export function periodOfMonth(month: string): Period {
  const [y, m] = month.split('-').map(Number);
  if (m >= 4 && m <= 9) return { fyStart: y, half: 1 };
  return { fyStart: m >= 10 ? y : y - 1, half: 2 };
}

export function periodOf(date: Date): Period {
  return periodOfMonth(ukMonth(date));
}

export function previousPeriod(p: Period): Period {
  return p.half === 2 ? { fyStart: p.fyStart, half: 1 } : { fyStart: p.fyStart - 1, half: 2 };
}

/** The six months of a period, "yyyy-mm", in order. */
export function periodMonths(p: Period): string[] {
  const first = p.half === 1 ? `${p.fyStart}-04` : `${p.fyStart}-10`;
  return monthsUpTo(addMonths(...(first.split('-').map(Number) as [number, number]), 5), 6);
}

/** "2026-27-H1": how a period is named in parameters and properties. */
export function periodId(p: Period): string {
  return `${p.fyStart}-${String((p.fyStart + 1) % 100).padStart(2, '0')}-H${p.half}`;
}

export function parsePeriod(id: string): Period | null {
  const m = /^(\d{4})-(\d{2})-H([12])$/.exec(id.trim());
  if (!m) return null;
  const fyStart = Number(m[1]);
  if ((fyStart + 1) % 100 !== Number(m[2])) return null;
  return { fyStart, half: Number(m[3]) as 1 | 2 };
}

/** "2026-27 H1 (1 April – 30 September 2026)". */
export function periodLabel(p: Period): string {
  const fy = `${p.fyStart}-${String((p.fyStart + 1) % 100).padStart(2, '0')}`;
  const span =
    p.half === 1
      ? `1 April – 30 September ${p.fyStart}`
      : `1 October ${p.fyStart} – 31 March ${p.fyStart + 1}`;
  return `${fy} H${p.half} (${span})`;
}

/** The period an April or October report covers: the half-year that has just ended; else null. */
export function periodJustEnded(date: Date): Period | null {
  const month = Number(ukMonth(date).slice(5));
  if (month !== 4 && month !== 10) return null;
  return previousPeriod(periodOf(date));
}

/** The period under way and the `n - 1` before it, newest first. */
export function recentPeriods(date: Date, n: number): Period[] {
  const out = [periodOf(date)];
  while (out.length < n) out.push(previousPeriod(out[out.length - 1]));
  return out;
}

// ---- The ExCo table: a period's figures beside the previous period's ----

export interface PeriodRow {
  unit: string;
  now: MonthFigures;
  before: MonthFigures;
  lessons: number;
  lessonsBefore: number;
}

/**
 * A row per business unit: every unit in `knownUnits` (a unit that declared nothing is what ExCo
 * most needs to see), then any other unit with figures or lessons.
 */
export function periodRows(
  metrics: Metrics,
  period: Period,
  lessons: Record<string, Record<string, number>> = {},
  knownUnits: string[] = []
): PeriodRow[] {
  const now = periodMonths(period);
  const before = periodMonths(previousPeriod(period));
  const units = [...new Set([...knownUnits, ...unitsOf(metrics), ...Object.keys(lessons)])].sort(
    (a, b) => (a === NO_UNIT ? 1 : b === NO_UNIT ? -1 : a.localeCompare(b))
  );
  const count = (unit: string, months: string[]) =>
    months.reduce((sum, m) => sum + (lessons[unit]?.[m] ?? 0), 0);
  return units.map(unit => ({
    unit,
    now: sumMonths(metrics, unit, now),
    before: sumMonths(metrics, unit, before),
    lessons: count(unit, now),
    lessonsBefore: count(unit, before),
  }));
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

/** "42 (+7)": a count and its change since the previous period. */
export function countChange(now: number, before: number): string {
  return `${now} (${signed(now - before)})`;
}

/** "85% (+5 pts)"; "—" when there was nothing to measure this period. */
export function percentChange(now: number | null, before: number | null): string {
  if (now === null) return '—';
  if (before === null) return `${now}% (new)`;
  return `${now}% (${signed(now - before)} pts)`;
}

// ---- Cells ----

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** A date cell as read (a Date, or "yyyy-mm-dd…" text typed by hand); null if it is not one. */
export function toDate(value: unknown): Date | null {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const date = value as Date;
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(text(value));
  if (!m) return null;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0)));
  return date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3] ? date : null;
}

/**
 * UK civil time: British Summer Time (UTC+1) runs from 01:00 UTC on the last Sunday of March to
 * 01:00 UTC on the last Sunday of October (Summer Time Order 2002).
 */
function ukTime(date: Date): Date {
  const y = date.getUTCFullYear();
  const lastSunday = (month: number) => {
    const end = new Date(Date.UTC(y, month + 1, 0, 1));
    return end.getTime() - end.getUTCDay() * 86_400_000;
  };
  const t = date.getTime();
  const bst = t >= lastSunday(2) && t < lastSunday(9);
  return new Date(t + (bst ? 3_600_000 : 0));
}

/** "yyyy-mm" in UK time. */
export function ukMonth(date: Date): string {
  return ukTime(date).toISOString().slice(0, 7);
}

/** "yyyy-mm-dd" in UK time. */
export function ukDay(date: Date): string {
  return ukTime(date).toISOString().slice(0, 10);
}
