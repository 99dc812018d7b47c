// The Dashboard tab: the records team's performance figures, rebuilt from the register by a
// button or a daily time-driven run. The register is read column by column (only the columns
// the figures need, adjacent ones together) in chunks of rows, so 100,000 rows cost about a
// dozen reads. The script lock is held only while the tab is written, never while the register
// is read, so declarations go on meanwhile.
import { parseSaved } from '../domain/saved-json';
import { withScriptLock } from '../adapters/lock';
import type { Register } from '../adapters/register';
import {
  addRow,
  emptyMetrics,
  figuresByMonth,
  FIGURES_HEADERS,
  FIGURES_TITLE,
  METRIC_KEYS,
  monthsUpTo,
  mostOftenMissing,
  percent,
  toDate,
  ukDay,
  storedMetrics,
  ukMonth,
  unitsOf,
} from '../domain/metrics';
import type { MetricRow, Metrics } from '../domain/metrics';
import { DASHBOARD_COLUMNS, TABS } from '../domain/register-schema';
import { toCellText } from '../domain/text';
import type { Workplace } from './deployment';
import { messageOf, UserFacingError } from './errors';
import { upgradeRegister } from './records-team';
import { setTeamSchedule } from './team-schedules';
import type { TeamSchedule } from './team-schedules';

/** Register rows per read: 50,000 cells of one column is about half a second of reading. */
export const METRIC_CHUNK_ROWS = 50_000;
/** A card action has 30 seconds; the reading must end early enough to write the tab after it. */
export const DASHBOARD_CARD_BUDGET_MS = 22_000;
/** Time-driven runs have 6 minutes. */
export const DASHBOARD_TRIGGER_BUDGET_MS = 300_000;
/** Months in the monthly table and the chart of records declared. */
export const DASHBOARD_MONTHS = 12;

export const DASHBOARD_STATE_KEY = 'records-capture.dashboard';
export const DASHBOARD_SCHEDULE_KEY = 'records-capture.dashboard.daily';
export const DASHBOARD_HANDLER = 'onScheduledDashboardRefresh';
/** Hour of the day (script time zone) the daily refresh runs at: after the Review queue's. */
export const DASHBOARD_REFRESH_HOUR = 7;
/** A daily run skips a refresh made this recently (another member's daily run, a press). */
const FRESH_ENOUGH_MS = 12 * 60 * 60_000;

/** Chart titles: how the refresh finds the charts it made, to update rather than add them. */
export const CHART_TITLES = {
  declared: 'Records declared per month, by business unit',
  complete: 'Complete metadata (%), by business unit',
  overdue: 'Overdue reviews, by business unit',
} as const;

export interface DashboardState {
  registerId: string;
  refreshedAt: string;
  by: string;
  rows: number;
  /** Where the figures the ExCo report reads were written (absent before they were kept). */
  stored?: StoredLayout;
}

/**
 * The per-unit summary and the block of figures for every month, one above the other in the
 * same columns: 1-based rows of the summary's header and of the block's header.
 */
export interface StoredLayout {
  column: number;
  summaryRow: number;
  units: number;
  figuresRow: number;
  figures: number;
}

export function readDashboardState(w: Workplace, saved?: string | null): DashboardState | null {
  const state = parseSaved<DashboardState>(
    saved === undefined
      ? PropertiesService.getScriptProperties().getProperty(DASHBOARD_STATE_KEY)
      : saved
  );
  return state && state.registerId === w.config.registerId ? state : null;
}

export interface MetricsRead {
  metrics: Metrics;
  /** Register reads made (one per column span per chunk). */
  reads: number;
}

/** What a read that would not fit the time says: nothing was changed, and what to do instead. */
export interface TooLarge {
  title: string;
  advice: string;
}

const DASHBOARD_TOO_LARGE: TooLarge = {
  title: 'Dashboard not refreshed',
  advice:
    'Nothing was changed: turn on "Refresh dashboard every day" and the daily run, which has six minutes, will rebuild it.',
};

/**
 * Reads the columns the figures need and adds every row up, in chunks of equal size. Throws a
 * clear error, having changed nothing, if the next chunk would not fit in `budgetMs`.
 */
export function readMetrics(
  w: Workplace,
  now: Date,
  budgetMs: number,
  tooLarge: TooLarge = DASHBOARD_TOO_LARGE
): MetricsRead {
  const startedAt = Date.now();
  const register = w.register;
  const columns = register.columns('register');
  const spans = columnSpans(METRIC_KEYS.map(k => columns[k]));
  const last = register.lastRow('register');
  const sheet = register.sheet('register');
  const metrics = emptyMetrics();
  const today = ukDay(now);
  const total = Math.max(0, last - 1);
  const chunkRows = Math.ceil(total / Math.max(1, Math.ceil(total / METRIC_CHUNK_ROWS)));
  let reads = 0;
  let slowestMs = 0;
  for (let first = 2; first <= last; first += chunkRows) {
    if (Date.now() - startedAt + slowestMs > budgetMs) {
      throw new UserFacingError(
        `The register is too large to read within one press of the button (${total.toLocaleString('en-GB')} rows). ${tooLarge.advice}`,
        tooLarge.title
      );
    }
    const chunkStartedAt = Date.now();
    const count = Math.min(chunkRows, last - first + 1);
    const rows: MetricRow[] = Array.from({ length: count }, () => ({}));
    for (const span of spans) {
      const values = sheet.getRange(first, span.from + 1, count, span.width).getValues();
      reads++;
      for (const key of METRIC_KEYS) {
        const at = columns[key] - span.from;
        if (at < 0 || at >= span.width) continue;
        for (let i = 0; i < count; i++) rows[i][key] = values[i][at];
      }
    }
    for (const row of rows) addRow(metrics, row, today);
    slowestMs = Math.max(slowestMs, Date.now() - chunkStartedAt);
  }
  return { metrics, reads };
}

/** Runs of adjacent columns (0-based), so neighbours are read together and gaps not at all. */
function columnSpans(positions: number[]): { from: number; width: number }[] {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const spans: { from: number; width: number }[] = [];
  for (const p of sorted) {
    const lastSpan = spans[spans.length - 1];
    if (lastSpan && lastSpan.from + lastSpan.width === p) lastSpan.width++;
    else spans.push({ from: p, width: 1 });
  }
  return spans;
}

/** Lessons learned per business unit per month ("yyyy-mm"), from the Lessons tab (two columns). */
export function readLessonCounts(register: Register): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  if (!register.spreadsheet.getSheetByName(TABS.lessons.name)) return counts;
  const columns = register.columns('lessons');
  const last = register.lastRow('lessons');
  if (last < 2) return counts;
  const from = Math.min(columns.businessUnit, columns.recordedAt);
  const width = Math.abs(columns.businessUnit - columns.recordedAt) + 1;
  const values = register
    .sheet('lessons')
    .getRange(2, from + 1, last - 1, width)
    .getValues();
  for (const row of values) {
    const at = toDate(row[columns.recordedAt - from]);
    if (!at) continue;
    const unit = String(row[columns.businessUnit - from] ?? '').trim() || '(none)';
    const month = ukMonth(at);
    const byMonth = (counts[unit] ??= {});
    byMonth[month] = (byMonth[month] ?? 0) + 1;
  }
  return counts;
}

export interface DashboardReport {
  rows: number;
  reads: number;
  units: number;
  /** Rows whose "Declared at" is not a date: in the totals by unit, not in any month. */
  undated: number;
  refreshedAt: Date;
  url: string;
  /** The figures as the ExCo report reads them back from the tab. */
  stored: Metrics;
}

/** Rebuilds the Dashboard tab from the register. */
export function refreshDashboard(
  w: Workplace,
  now: Date,
  budgetMs: number,
  tooLarge: TooLarge = DASHBOARD_TOO_LARGE
): DashboardReport {
  let read: MetricsRead;
  try {
    read = readMetrics(w, now, budgetMs, tooLarge);
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(
      `The register could not be read (${messageOf(error).replace(/\.$/, '')}). The dashboard is unchanged. Please try again.`,
      'Dashboard not refreshed'
    );
  }
  const metrics = read.metrics;
  const refreshedAt = new Date();
  const written = withScriptLock(() => {
    w.register.forgetPositions();
    // An older register gets the Dashboard tab (and the others) before anything is written.
    upgradeRegister(w.register, w.user, now);
    try {
      const tab = writeDashboard(w.register, metrics, now, refreshedAt);
      PropertiesService.getScriptProperties().setProperty(
        DASHBOARD_STATE_KEY,
        JSON.stringify({
          registerId: w.config.registerId,
          refreshedAt: refreshedAt.toISOString(),
          by: w.user,
          rows: metrics.rows - metrics.blank,
          stored: tab.layout,
        } satisfies DashboardState)
      );
      return tab;
    } catch (error) {
      if (error instanceof UserFacingError) throw error;
      throw new UserFacingError(
        `Google Sheets refused to write the Dashboard tab (${messageOf(error).replace(/\.$/, '')}). The register is unchanged. Please try again.`,
        'Dashboard not refreshed'
      );
    }
  });
  console.log(
    `Dashboard: ${metrics.rows - metrics.blank} register rows in ${read.reads} reads, ${unitsOf(metrics).length} business units${metrics.undated ? `, ${metrics.undated} without a declared date` : ''}.`
  );
  return {
    rows: metrics.rows - metrics.blank,
    reads: read.reads,
    units: unitsOf(metrics).length,
    undated: metrics.undated,
    refreshedAt,
    url: written.url,
    stored: written.stored(metrics.rows - metrics.blank),
  };
}

/** First column (1-based) of the block beside the monthly table: updated line, summary, chart data. */
const SIDE_COLUMN = DASHBOARD_COLUMNS.length + 2;
export const SUMMARY_HEADERS = [
  'Business unit',
  'Records declared',
  'Emails captured',
  'Complete metadata (%)',
  'OFFICIAL-SENSITIVE (%)',
  'Overdue reviews',
  'On legal hold',
  'Most often missing',
];

interface WrittenDashboard {
  url: string;
  layout: StoredLayout;
  /** The figures as the ExCo report would read them back (the same parsing, from memory). */
  stored: (rows: number) => Metrics;
}

/**
 * Writes the tab in a handful of calls: the old contents cleared, the monthly table, the side
 * block (updated line, per-unit summary, the table the monthly chart draws), the figures for
 * every month below it, then the charts.
 */
function writeDashboard(
  register: Register,
  metrics: Metrics,
  now: Date,
  at: Date
): WrittenDashboard {
  const sheet = register.sheet('dashboard');
  const dashboardColumns = register.columns('dashboard');
  const width = Math.max(...Object.values(dashboardColumns)) + 1;
  const units = unitsOf(metrics);
  const months = monthsUpTo(ukMonth(now), DASHBOARD_MONTHS);
  const cell = (value: string) => (value ? toCellText(value).cell : '');

  const monthly: unknown[][] = [];
  for (const month of months) {
    for (const unit of units) {
      const f = metrics.months[unit]?.[month];
      if (!f) continue;
      const row: unknown[] = new Array(width).fill('');
      const put = (key: string, value: unknown) => {
        if (dashboardColumns[key] !== undefined) row[dashboardColumns[key]] = value;
      };
      // Months stay text ("2026-04"), not dates Sheets would guess.
      put('month', cell(month));
      put('businessUnit', cell(unit));
      put('declared', f.declared);
      put('emails', f.emails);
      put('complete', percent(f.complete, f.declared) ?? '');
      put('sensitive', percent(f.sensitive, f.declared + f.emails) ?? '');
      monthly.push(row);
    }
  }

  const side: unknown[][] = [];
  const when = Utilities.formatDate(at, Session.getScriptTimeZone(), 'd MMMM yyyy, HH:mm');
  side.push([
    `Updated ${when} from ${(metrics.rows - metrics.blank).toLocaleString('en-GB')} register rows`,
  ]);
  side.push([
    metrics.undated
      ? `${metrics.undated.toLocaleString('en-GB')} rows have no date in "Declared at": they count in the summary, not in any month.`
      : 'Complete metadata: title, description, series, business unit, classification, retention schedule, date of the record and owner all filled in.',
  ]);
  side.push([]);
  side.push(['All records, by business unit (overdue and on hold: as of today)']);
  const summaryRow = side.length + 1;
  side.push(SUMMARY_HEADERS);
  const summary = units.map(unit => {
    const u = metrics.units[unit];
    return [
      unit,
      u.declared,
      u.emails,
      percent(u.complete, u.declared) ?? '',
      percent(u.sensitive, u.declared + u.emails) ?? '',
      u.overdueReviews,
      u.onHold,
      mostOftenMissing(u),
    ];
  });
  for (const row of summary) {
    side.push(row.map(v => (typeof v === 'string' ? cell(v) : v)));
  }
  side.push([]);
  side.push(['Records declared per month (chart data)']);
  const chartRow = side.length + 1;
  side.push(['Month', ...units.map(cell)]);
  for (const month of months) {
    side.push([cell(month), ...units.map(unit => metrics.months[unit]?.[month]?.declared ?? 0)]);
  }
  // Every month, not only the last 12, in counts: the ExCo report reads this instead of the
  // register. Below the side block, in its columns, so the charts to the right never cover it
  // and the records team can see the figures a report was made from.
  side.push([]);
  side.push([FIGURES_TITLE]);
  const figuresRow = side.length + 1;
  const figures = figuresByMonth(metrics);
  const sideWidth = Math.max(...side.map(r => r.length), FIGURES_HEADERS.length);
  const block = side.map(r => [...r, ...new Array(sideWidth - r.length).fill('')]);
  const figureCells = [
    FIGURES_HEADERS,
    ...figures.map(([month, unit, ...counts]) => [cell(month), cell(unit), ...counts]),
  ];

  // Room for both tables and the charts to their right.
  const neededColumns = SIDE_COLUMN + sideWidth + 8;
  if (sheet.getMaxColumns() < neededColumns) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), neededColumns - sheet.getMaxColumns());
  }
  const neededRows = Math.max(monthly.length + 1, block.length + figureCells.length) + 1;
  if (sheet.getMaxRows() < neededRows) {
    sheet.insertRowsAfter(sheet.getMaxRows(), neededRows - sheet.getMaxRows());
  }
  const last = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (last >= 2) sheet.getRange(2, 1, last - 1, width).clearContent();
  if (lastColumn > width) {
    sheet.getRange(1, width + 1, Math.max(last, 1), lastColumn - width).clearContent();
  }
  if (monthly.length) {
    sheet.getRange(2, 1, monthly.length, width).setValues(monthly);
  }
  sheet.getRange(1, SIDE_COLUMN, block.length, sideWidth).setValues(block);
  sheet
    .getRange(figuresRow, SIDE_COLUMN, figureCells.length, FIGURES_HEADERS.length)
    .setValues(figureCells);
  sheet.getRange(summaryRow, SIDE_COLUMN, 1, SUMMARY_HEADERS.length).setFontWeight('bold');
  sheet.getRange(figuresRow, SIDE_COLUMN, 1, FIGURES_HEADERS.length).setFontWeight('bold');
  sheet.getRange(chartRow, SIDE_COLUMN, 1, units.length + 1).setFontWeight('bold');

  drawCharts(sheet, {
    units: units.length,
    summaryRow,
    chartRow,
    months: months.length,
    chartColumn: SIDE_COLUMN + sideWidth + 1,
  });
  SpreadsheetApp.flush();
  return {
    url: `${register.spreadsheet.getUrl()}#gid=${sheet.getSheetId()}`,
    layout: {
      column: SIDE_COLUMN,
      summaryRow,
      units: units.length,
      figuresRow,
      figures: figures.length,
    },
    stored: rows => {
      const parsed = storedMetrics(figures, summary, rows);
      if (typeof parsed === 'string') throw new Error(`Dashboard figures not kept: ${parsed}`);
      return parsed;
    },
  };
}

/** The Dashboard's stored figures, or why they cannot be used (the report then refreshes it). */
export function readStoredMetrics(w: Workplace, state: DashboardState): Metrics | string {
  const layout = state.stored;
  if (!layout) return 'it was refreshed before it kept the figures by month';
  const sheet = w.register.spreadsheet.getSheetByName(TABS.dashboard.name);
  if (!sheet) return 'the Dashboard tab is missing';
  // One read: the summary, the chart data between, the block of figures.
  const height = layout.figuresRow + layout.figures - layout.summaryRow + 1;
  const width = Math.max(SUMMARY_HEADERS.length, FIGURES_HEADERS.length);
  const cells = sheet.getRange(layout.summaryRow, layout.column, height, width).getValues();
  const headerOf = (row: unknown[] | undefined, n: number) =>
    (row ?? [])
      .slice(0, n)
      .map(v => String(v ?? '').trim())
      .join('|');
  const figuresAt = layout.figuresRow - layout.summaryRow;
  if (
    headerOf(cells[0], SUMMARY_HEADERS.length) !== SUMMARY_HEADERS.join('|') ||
    headerOf(cells[figuresAt - 1], 1) !== FIGURES_TITLE ||
    headerOf(cells[figuresAt], FIGURES_HEADERS.length) !== FIGURES_HEADERS.join('|')
  ) {
    return 'the Dashboard tab has been changed since it was refreshed';
  }
  return storedMetrics(
    cells.slice(figuresAt + 1, figuresAt + 1 + layout.figures),
    cells.slice(1, 1 + layout.units),
    state.rows
  );
}

interface ChartLayout {
  units: number;
  summaryRow: number;
  chartRow: number;
  months: number;
  chartColumn: number;
}

/** The three charts, made once and then pointed at the rebuilt tables. */
function drawCharts(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: ChartLayout): void {
  const existing = new Map<string, GoogleAppsScript.Spreadsheet.EmbeddedChart>();
  for (const chart of sheet.getCharts()) {
    const title = String(chart.getOptions().get('title') ?? '');
    if (!existing.has(title)) existing.set(title, chart);
  }
  const units = Math.max(layout.units, 1);
  const summaryUnits = sheet.getRange(layout.summaryRow, SIDE_COLUMN, units + 1, 1);
  const column = (offset: number) =>
    sheet.getRange(layout.summaryRow, SIDE_COLUMN + offset, units + 1, 1);
  const specs: {
    title: string;
    type: 'column' | 'bar';
    ranges: GoogleAppsScript.Spreadsheet.Range[];
    row: number;
    stacked?: boolean;
    max?: number;
  }[] = [
    {
      title: CHART_TITLES.declared,
      type: 'column',
      ranges: [sheet.getRange(layout.chartRow, SIDE_COLUMN, layout.months + 1, units + 1)],
      row: 1,
      stacked: true,
    },
    {
      title: CHART_TITLES.complete,
      type: 'bar',
      ranges: [summaryUnits, column(SUMMARY_HEADERS.indexOf('Complete metadata (%)'))],
      row: 21,
      max: 100,
    },
    {
      title: CHART_TITLES.overdue,
      type: 'bar',
      ranges: [summaryUnits, column(SUMMARY_HEADERS.indexOf('Overdue reviews'))],
      row: 41,
    },
  ];
  for (const spec of specs) {
    const found = existing.get(spec.title);
    let builder = found ? found.modify().clearRanges() : sheet.newChart();
    for (const range of spec.ranges) builder = builder.addRange(range);
    builder = builder
      .setNumHeaders(1)
      .setPosition(spec.row, layout.chartColumn, 0, 0)
      .setOption('title', spec.title)
      .setOption('legend.position', spec.type === 'column' ? 'right' : 'none');
    if (spec.stacked) builder = builder.setOption('isStacked', true);
    if (spec.max !== undefined) builder = builder.setOption('hAxis.viewWindow.max', spec.max);
    const chart = (spec.type === 'column' ? builder.asColumnChart() : builder.asBarChart()).build();
    if (found) sheet.updateChart(chart);
    else sheet.insertChart(chart);
  }
}

// ---- The daily refresh ----

/** The last refresh, if made within the last 12 hours (a daily run then has nothing to do). */
export function recentDashboard(w: Workplace, now: Date): DashboardState | null {
  const state = readDashboardState(w);
  if (!state) return null;
  return now.getTime() - Date.parse(state.refreshedAt) < FRESH_ENOUGH_MS ? state : null;
}

/** The daily refresh each member may turn on for themselves. */
export const DAILY_DASHBOARD_REFRESH: TeamSchedule = {
  handler: DASHBOARD_HANDLER,
  schedule: { every: 'day', hour: DASHBOARD_REFRESH_HOUR },
  membersKey: DASHBOARD_SCHEDULE_KEY,
  what: 'the daily refresh',
  otherwise: 'the dashboard can still be refreshed with the button',
  refusedTitle: 'Daily refresh not set',
};

/** Turns the current user's daily dashboard refresh on or off. */
export function setDailyDashboard(w: Workplace, on: boolean): void {
  setTeamSchedule(w, DAILY_DASHBOARD_REFRESH, on);
}
