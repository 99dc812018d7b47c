// The biannual ExCo report: a Google Doc of each business unit's figures for a half-year beside
// the previous half-year's, what is on hold and overdue today, lessons learned, and a narrative
// table the records team writes in the Doc. Made on demand or by a monthly trigger that acts in
// April and October; made again for the same period, the same Doc is rebuilt in place and the
// narrative typed into it is kept. The report is declared a record through the same path as any
// Google Doc, so it is marked, filed and registered like one, and only once.
//
// The figures come from the Dashboard tab, which keeps every month's counts for this purpose: a
// report reads one block of a few thousand cells instead of the whole register. A dashboard more
// than a day old (and refreshed before the period ended), or none, is refreshed first.
import { parseSaved } from '../domain/saved-json';
import { readPreferences } from '../adapters/properties';
import { withScriptLock } from '../adapters/lock';
import {
  countChange,
  NO_UNIT,
  percent,
  percentChange,
  periodId,
  periodLabel,
  periodMonths,
  periodRows,
  previousPeriod,
  recentPeriods,
  ukDay,
  ukMonth,
} from '../domain/metrics';
import type { Metrics, Period, PeriodRow } from '../domain/metrics';
import { declareItems, DOCUMENT_MIME } from './declare';
import type { Workplace } from './deployment';
import { messageOf, UserFacingError } from './errors';
import { TABS } from '../domain/register-schema';
import {
  DASHBOARD_CARD_BUDGET_MS,
  DASHBOARD_HANDLER,
  DASHBOARD_SCHEDULE_KEY,
  DASHBOARD_STATE_KEY,
  DASHBOARD_TRIGGER_BUDGET_MS,
  readDashboardState,
  readLessonCounts,
  readStoredMetrics,
  refreshDashboard,
} from './dashboard';
import type { DashboardState } from './dashboard';
import { ownTriggerHandlers } from '../adapters/triggers';
import { membersWithSchedule, scheduleOn, setTeamSchedule } from './team-schedules';
import type { TeamSchedule } from './team-schedules';

/** The file-plan series the reports are declared into. */
export const EXCO_SERIES = 'GOV-BRD-01';
/** Business unit of the report when the member's own is not known: the DRO's. */
export const EXCO_FALLBACK_UNIT = 'DDI';
/**
 * Time for a report. `readMs` bounds the dashboard refresh's reading of the register, as its own
 * button does; a refresh that ends later than `refreshedWithinMs` leaves too little of the time
 * to make the Doc and declare it (about 10 seconds at 100,000 rows), so the report waits for the
 * next press, which uses the figures just stored.
 */
export interface ExcoBudget {
  readMs: number;
  refreshedWithinMs: number;
}
export const EXCO_CARD_BUDGET: ExcoBudget = {
  readMs: DASHBOARD_CARD_BUDGET_MS,
  refreshedWithinMs: 17_000,
};
export const EXCO_TRIGGER_BUDGET: ExcoBudget = {
  readMs: DASHBOARD_TRIGGER_BUDGET_MS,
  refreshedWithinMs: 300_000,
};
/** A dashboard refreshed this recently is used as it is (so is one refreshed after the period). */
export const EXCO_FRESH_MS = 24 * 60 * 60_000;

export const EXCO_REPORTS_KEY = 'records-capture.exco-reports';
/** Per register: each recent report's records on hold and overdue by unit, for the next one. */
export const EXCO_SNAPSHOTS_KEY = 'records-capture.exco-reports.on-hold-overdue';
/** Snapshots kept: the next report needs only the last; a few allow a period to be made again. */
const SNAPSHOTS_KEPT = 4;
/** Property values are limited to 9 KB (measured at about 8,066 bytes): stay well below. */
const SNAPSHOTS_MAX_CHARS = 7_500;
export const EXCO_SCHEDULE_KEY = 'records-capture.exco-reports.schedule';
export const EXCO_HANDLER = 'onScheduledExcoReport';
/** Day of the month and hour the monthly trigger runs; it acts only in April and October. */
export const EXCO_DAY = 1;
export const EXCO_HOUR = 8;

/** The headers of the narrative table: how a regeneration finds the text to keep. */
export const NARRATIVE_HEADERS = ['Business unit', 'Commentary', 'Action'];
export const FIGURE_HEADERS = [
  'Business unit',
  'Records declared',
  'Emails captured',
  'Complete metadata',
  'OFFICIAL-SENSITIVE',
  'Lessons learned',
  'On legal hold',
  'Overdue reviews',
];

export interface SavedReport {
  docId: string;
  url: string;
  recordId: string;
  generatedAt: string;
  by: string;
}

type Reports = Record<string, SavedReport>;

/** Records on hold and reviews overdue by business unit, as a report showed them. */
export interface Snapshot {
  /** When the figures were taken (the dashboard refresh the report was made from). */
  asOf: string;
  /** Business unit → [on legal hold, overdue reviews]. */
  units: Record<string, [number, number]>;
}

const snapshotsKey = (registerId: string) => `${EXCO_SNAPSHOTS_KEY}.${registerId}`;

/** Snapshots saved with this register's reports, by period id. */
export function readSnapshots(w: Workplace): Record<string, Snapshot> {
  return (
    parseSaved<Record<string, Snapshot>>(
      PropertiesService.getScriptProperties().getProperty(snapshotsKey(w.config.registerId))
    ) ?? {}
  );
}

function snapshotOf(metrics: Metrics, asOf: Date): Snapshot {
  const units: Record<string, [number, number]> = {};
  for (const [unit, u] of Object.entries(metrics.units)) {
    if (u.onHold || u.overdueReviews) units[unit] = [u.onHold, u.overdueReviews];
  }
  return { asOf: asOf.toISOString(), units };
}

/** The newest snapshots that fit in one property value, newest period first. */
function trimSnapshots(all: Record<string, Snapshot>): Record<string, Snapshot> {
  const kept: Record<string, Snapshot> = {};
  for (const id of Object.keys(all).sort().reverse().slice(0, SNAPSHOTS_KEPT)) {
    const next = { ...kept, [id]: all[id] };
    if (JSON.stringify(next).length > SNAPSHOTS_MAX_CHARS) break;
    Object.assign(kept, { [id]: all[id] });
  }
  return kept;
}

/** Reports made for this register, by period id. */
export function readReports(w: Workplace, saved?: string | null): Reports {
  const all =
    parseSaved<Record<string, Reports>>(
      saved === undefined
        ? PropertiesService.getScriptProperties().getProperty(EXCO_REPORTS_KEY)
        : saved
    ) ?? {};
  return all[w.config.registerId] ?? {};
}

function saveReport(w: Workplace, period: Period, report: SavedReport, snapshot: Snapshot): void {
  withScriptLock(() => {
    const props = PropertiesService.getScriptProperties();
    const all = parseSaved<Record<string, Reports>>(props.getProperty(EXCO_REPORTS_KEY)) ?? {};
    (all[w.config.registerId] ??= {})[periodId(period)] = report;
    const key = snapshotsKey(w.config.registerId);
    const snapshots = parseSaved<Record<string, Snapshot>>(props.getProperty(key)) ?? {};
    snapshots[periodId(period)] = snapshot;
    props.setProperties({
      [EXCO_REPORTS_KEY]: JSON.stringify(all),
      [key]: JSON.stringify(trimSnapshots(snapshots)),
    });
  });
}

export interface ExcoOutcome {
  period: Period;
  docId: string;
  url: string;
  title: string;
  /** The Doc existed and was rebuilt in place, its narrative kept. */
  regenerated: boolean;
  recordId: string;
  /** Why the report is not a record (yet), when it could not be declared. */
  notDeclared: string | null;
  rows: number;
  /** The dashboard refresh the figures are from. */
  figuresAsOf: Date;
  /** Why the dashboard was refreshed first; null when its stored figures were used. */
  refreshedFirst: string | null;
}

interface Figures {
  metrics: Metrics;
  asOf: Date;
  refreshedFirst: string | null;
}

const EXCO_TOO_LARGE = {
  title: 'ExCo report not made',
  advice:
    'Nothing was made: turn on "Refresh dashboard every day" (the daily run has six minutes) and make the report once the dashboard is refreshed, or let the April and October run make it.',
};

/**
 * The figures for `period`: the Dashboard's stored ones when it was refreshed within the last day
 * or after the period ended; otherwise the dashboard is refreshed first, and its figures used.
 */
function figuresFor(w: Workplace, period: Period, now: Date, budget: ExcoBudget): Figures {
  const startedAt = Date.now();
  const state = readDashboardState(w);
  let why = 'it had never been refreshed';
  if (state) {
    const at = new Date(state.refreshedAt);
    const recent =
      now.getTime() - at.getTime() < EXCO_FRESH_MS || ukMonth(at) > periodMonths(period)[5];
    why = 'its figures were more than a day old';
    if (recent) {
      const stored = readStoredMetrics(w, state);
      if (typeof stored !== 'string') return { metrics: stored, asOf: at, refreshedFirst: null };
      console.warn(`Dashboard figures not used: ${stored}.`);
      why = stored;
    }
  }
  const refreshed = refreshDashboard(w, now, budget.readMs, EXCO_TOO_LARGE);
  if (Date.now() - startedAt > budget.refreshedWithinMs) {
    throw new UserFacingError(
      `The dashboard was refreshed first (${why}), from ${refreshed.rows.toLocaleString('en-GB')} register rows, and that took most of the time one press has. Press Make ExCo report again: it will use the figures just stored, and be quick.`,
      'Dashboard refreshed: press again'
    );
  }
  return { metrics: refreshed.stored, asOf: refreshed.refreshedAt, refreshedFirst: why };
}

export function reportTitle(period: Period): string {
  return `ExCo information management report ${periodLabel(period).split(' (')[0]}`;
}

/** Makes (or remakes in place) the report for `period`, and declares it a record. */
export function generateExcoReport(
  w: Workplace,
  period: Period,
  now: Date,
  budget: ExcoBudget
): ExcoOutcome {
  const figures = figuresFor(w, period, now, budget);
  const metrics = figures.metrics;
  const previous = readSnapshots(w)[periodId(previousPeriod(period))] ?? null;
  const lessons = readLessonCounts(w.register);
  const rows = periodRows(
    metrics,
    period,
    lessons,
    w.reference.businessUnits.map(u => u.code)
  );
  const title = reportTitle(period);
  const saved = readReports(w)[periodId(period)];
  const zone = Session.getScriptTimeZone();

  let doc: GoogleAppsScript.Document.Document | null = null;
  if (saved) {
    try {
      doc = DocumentApp.openById(saved.docId);
    } catch (error) {
      // Deleted or no longer shared: a new report is made and the register keeps the old record.
      console.warn(`ExCo report ${saved.docId} could not be opened: ${messageOf(error)}`);
    }
  }
  const regenerated = !!doc;
  let narrative = new Map<string, string[]>();
  try {
    if (doc) narrative = readNarrative(doc.getBody());
    else {
      doc = DocumentApp.create(title);
      moveToRecordsFolder(w, doc.getId());
    }
    writeReport(doc.getBody(), {
      title,
      period,
      rows,
      metrics,
      narrative,
      generated: Utilities.formatDate(now, zone, 'd MMMM yyyy, HH:mm'),
      asOf: Utilities.formatDate(figures.asOf, zone, 'd MMMM yyyy, HH:mm'),
      asOfDay: ukDay(figures.asOf),
      refreshedFirst: !!figures.refreshedFirst,
      previous,
      user: w.user,
      today: ukDay(now),
    });
    doc.saveAndClose();
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(
      `The ExCo report could not be written (${messageOf(error).replace(/\.$/, '')}). The register is unchanged. Please try again.`,
      'ExCo report not made'
    );
  }

  const declared = declareReport(w, doc.getId(), title, period, now);
  const report: SavedReport = {
    docId: doc.getId(),
    url: doc.getUrl(),
    recordId: declared.recordId,
    generatedAt: now.toISOString(),
    by: w.user,
  };
  saveReport(w, period, report, snapshotOf(metrics, figures.asOf));
  console.log(
    `ExCo report ${periodId(period)} ${regenerated ? 'regenerated' : 'made'}: ${rows.length} business units from ${metrics.rows - metrics.blank} register rows, ${figures.refreshedFirst ? `dashboard refreshed first (${figures.refreshedFirst})` : `stored dashboard figures of ${figures.asOf.toISOString()}`}; ${declared.recordId ? `record ${declared.recordId}` : `not declared: ${declared.problem}`}.`
  );
  return {
    period,
    docId: report.docId,
    url: report.url,
    title,
    regenerated,
    recordId: declared.recordId,
    notDeclared: declared.problem,
    rows: metrics.rows - metrics.blank,
    figuresAsOf: figures.asOf,
    refreshedFirst: figures.refreshedFirst,
  };
}

/** New reports are made in the records folder (declaring then files them in their series). */
function moveToRecordsFolder(w: Workplace, docId: string): void {
  try {
    DriveApp.getFileById(docId).moveTo(DriveApp.getFolderById(w.config.rootFolderId));
  } catch (error) {
    console.warn(`ExCo report left in its maker's Drive: ${messageOf(error)}`);
  }
}

/** Declares the report (or finds it already declared): OFFICIAL, in the Board and ExCo series. */
function declareReport(
  w: Workplace,
  docId: string,
  title: string,
  period: Period,
  now: Date
): { recordId: string; problem: string | null } {
  const units = w.reference.businessUnits.map(u => u.code);
  const mine = readPreferences().businessUnit;
  const unit = units.includes(mine)
    ? mine
    : units.includes(EXCO_FALLBACK_UNIT)
      ? EXCO_FALLBACK_UNIT
      : mine;
  try {
    const outcome = declareItems(
      w,
      [{ id: docId, title, mimeType: DOCUMENT_MIME }],
      {
        classification: 'OFFICIAL',
        handlingInstructions: [],
        descriptors: [],
        caveats: [],
        series: EXCO_SERIES,
        businessUnit: unit,
        description: `Biannual information management report to ExCo, ${periodLabel(period)}.`,
        recordDate: now,
        lock: false,
      },
      now
    );
    const recordId = outcome.declared[0]?.recordId ?? outcome.already[0]?.record.recordId ?? '';
    if (recordId) return { recordId, problem: null };
    const problem =
      outcome.errors.map(e => e.message).join(' ') ||
      outcome.refused.map(r => r.reason).join(' ') ||
      'it was not declared';
    return { recordId: '', problem };
  } catch (error) {
    return { recordId: '', problem: messageOf(error) };
  }
}

// ---- The Doc ----

/** Commentary and action already typed in the narrative table, by business unit. */
export function readNarrative(body: GoogleAppsScript.Document.Body): Map<string, string[]> {
  const kept = new Map<string, string[]>();
  for (const table of body.getTables()) {
    if (table.getNumRows() < 1) continue;
    const head = table.getRow(0);
    if (head.getNumCells() < NARRATIVE_HEADERS.length) continue;
    const headers = NARRATIVE_HEADERS.map((_, i) => head.getCell(i).getText().trim());
    if (headers.join('|') !== NARRATIVE_HEADERS.join('|')) continue;
    for (let r = 1; r < table.getNumRows(); r++) {
      const row = table.getRow(r);
      const unit = row.getCell(0).getText().trim();
      const rest = [1, 2].map(c => (c < row.getNumCells() ? row.getCell(c).getText() : ''));
      if (unit && rest.some(t => t.trim())) kept.set(unit, rest);
    }
  }
  return kept;
}

interface ReportContent {
  title: string;
  period: Period;
  rows: PeriodRow[];
  metrics: Metrics;
  narrative: Map<string, string[]>;
  generated: string;
  /** The dashboard refresh the figures are from, as written and as a day ("yyyy-mm-dd"). */
  asOf: string;
  asOfDay: string;
  refreshedFirst: boolean;
  /** Records on hold and overdue as the previous period's report showed them, if one was made. */
  previous: Snapshot | null;
  user: string;
  today: string;
}

const sum = (rows: PeriodRow[], pick: (r: PeriodRow) => number) =>
  rows.reduce((n, r) => n + pick(r), 0);

function writeReport(body: GoogleAppsScript.Document.Body, c: ReportContent): void {
  const before = previousPeriod(c.period);
  body.clear();
  const first = body.getParagraphs()[0] ?? body.appendParagraph('');
  first.setText(c.title);
  first.setHeading(DocumentApp.ParagraphHeading.TITLE);
  body.appendParagraph(`Period: ${periodLabel(c.period)}. Compared with ${periodLabel(before)}.`);
  body.appendParagraph(
    `Made ${c.generated} by ${c.user} from the records register (${(c.metrics.rows - c.metrics.blank).toLocaleString('en-GB')} rows): figures as of the dashboard refresh of ${c.asOf}${c.refreshedFirst ? ', made for this report' : ''}. Figures in brackets are the change since the previous period. Records on legal hold and reviews overdue are as at ${c.asOfDay}; ${c.previous ? `their change is since the ${periodLabel(before).split(' (')[0]} report (as at ${ukDay(new Date(c.previous.asOf))})` : `no ${periodLabel(before).split(' (')[0]} report holds them, so their change is shown as —`}.`
  );

  body.appendParagraph('Summary').setHeading(DocumentApp.ParagraphHeading.HEADING1);
  body.appendParagraph(summaryText(c));

  body.appendParagraph('By business unit').setHeading(DocumentApp.ParagraphHeading.HEADING1);
  const figures: string[][] = [FIGURE_HEADERS];
  for (const r of c.rows) {
    const unit = c.metrics.units[r.unit];
    figures.push([
      r.unit,
      countChange(r.now.declared, r.before.declared),
      countChange(r.now.emails, r.before.emails),
      percentChange(
        percent(r.now.complete, r.now.declared),
        percent(r.before.complete, r.before.declared)
      ),
      percentChange(
        percent(r.now.sensitive, r.now.declared + r.now.emails),
        percent(r.before.sensitive, r.before.declared + r.before.emails)
      ),
      countChange(r.lessons, r.lessonsBefore),
      todayChange(unit?.onHold ?? 0, c.previous, r.unit, 0),
      todayChange(unit?.overdueReviews ?? 0, c.previous, r.unit, 1),
    ]);
  }
  body.appendTable(figures);

  body.appendParagraph('Charts').setHeading(DocumentApp.ParagraphHeading.HEADING1);
  for (const chart of charts(c)) body.appendImage(chart);

  body.appendParagraph('Commentary').setHeading(DocumentApp.ParagraphHeading.HEADING1);
  body.appendParagraph(
    'The records team writes the commentary and actions here. Making the report again for this period keeps what is written in this table.'
  );
  const units = [...new Set([...c.rows.map(r => r.unit), ...c.narrative.keys()])];
  const narrative = [
    NARRATIVE_HEADERS,
    ...units.map(unit => [unit, ...(c.narrative.get(unit) ?? ['', ''])]),
  ];
  body.appendTable(narrative);
}

/** "3 (+1)" against the previous report's snapshot; "3 (—)" when there is none. */
function todayChange(now: number, previous: Snapshot | null, unit: string, at: 0 | 1): string {
  return previous ? countChange(now, previous.units[unit]?.[at] ?? 0) : `${now} (—)`;
}

function summaryText(c: ReportContent): string {
  const declared = sum(c.rows, r => r.now.declared);
  const declaredBefore = sum(c.rows, r => r.before.declared);
  const emails = sum(c.rows, r => r.now.emails);
  const emailsBefore = sum(c.rows, r => r.before.emails);
  const complete = percent(
    sum(c.rows, r => r.now.complete),
    declared
  );
  const completeBefore = percent(
    sum(c.rows, r => r.before.complete),
    declaredBefore
  );
  const units = Object.values(c.metrics.units);
  const overdue = units.reduce((n, u) => n + u.overdueReviews, 0);
  const held = units.reduce((n, u) => n + u.onHold, 0);
  const lessons = sum(c.rows, r => r.lessons);
  const active = c.rows.filter(r => r.unit !== NO_UNIT && r.now.declared + r.now.emails > 0).length;
  return [
    `The department declared ${countChange(declared, declaredBefore)} records and captured ${countChange(emails, emailsBefore)} emails, from ${active} business unit${active === 1 ? '' : 's'}.`,
    complete === null
      ? 'No records were declared, so metadata completeness cannot be measured.'
      : `${percentChange(complete, completeBefore)} of the records declared had complete metadata (title, description, series, business unit, classification, retention schedule, date of the record and owner).`,
    `${lessons} lesson${lessons === 1 ? ' was' : 's were'} learned and recorded.`,
    `${c.asOfDay === c.today ? 'Today' : `On ${c.asOfDay}`} ${overdue} record${overdue === 1 ? ' is' : 's are'} overdue for review and ${held} ${held === 1 ? 'is' : 'are'} on legal hold.`,
  ].join(' ');
}

/** The charts as PNG images, drawn by the Charts service from the same figures. */
function charts(c: ReportContent): GoogleAppsScript.Base.Blob[] {
  const units = c.rows.filter(r => r.unit !== NO_UNIT || r.now.declared + r.before.declared > 0);
  const thisLabel = `${periodLabel(c.period).split(' (')[0]}`;
  const beforeLabel = `${periodLabel(previousPeriod(c.period)).split(' (')[0]}`;
  const declared = Charts.newDataTable()
    .addColumn(Charts.ColumnType.STRING, 'Business unit')
    .addColumn(Charts.ColumnType.NUMBER, beforeLabel)
    .addColumn(Charts.ColumnType.NUMBER, thisLabel);
  const complete = Charts.newDataTable()
    .addColumn(Charts.ColumnType.STRING, 'Business unit')
    .addColumn(Charts.ColumnType.NUMBER, beforeLabel)
    .addColumn(Charts.ColumnType.NUMBER, thisLabel);
  for (const r of units) {
    declared.addRow([r.unit, r.before.declared + r.before.emails, r.now.declared + r.now.emails]);
    complete.addRow([
      r.unit,
      percent(r.before.complete, r.before.declared) ?? 0,
      percent(r.now.complete, r.now.declared) ?? 0,
    ]);
  }
  return [
    Charts.newColumnChart()
      .setDataTable(declared)
      .setTitle('Records and emails, by business unit')
      .setDimensions(640, 320)
      .build()
      .getAs('image/png')
      .setName('records-by-unit.png'),
    Charts.newBarChart()
      .setDataTable(complete)
      .setTitle('Complete metadata (%), by business unit')
      .setRange(0, 100)
      .setDimensions(640, 320)
      .build()
      .getAs('image/png')
      .setName('complete-metadata-by-unit.png'),
  ];
}

// ---- The April and October run ----

/**
 * A trigger on the first of every month whose run acts only in April and October (Apps Script has
 * no "every six months" trigger).
 */
export const EXCO_SCHEDULE: TeamSchedule = {
  handler: EXCO_HANDLER,
  schedule: { every: 'month', day: EXCO_DAY, hour: EXCO_HOUR },
  membersKey: EXCO_SCHEDULE_KEY,
  what: 'the scheduled report',
  otherwise: 'the report can still be made with the button',
  refusedTitle: 'Scheduled report not set',
};

/** Whether the current user's April and October run is on. */
export function excoScheduleOn(): boolean {
  return scheduleOn(EXCO_SCHEDULE);
}

/** Turns the current user's scheduled report on or off. */
export function setExcoSchedule(w: Workplace, on: boolean): void {
  setTeamSchedule(w, EXCO_SCHEDULE, on);
}

/** Removes the current user's scheduled report (they have left the records team). */
export function removeOwnExcoSchedule(w: Workplace): void {
  setTeamSchedule(w, EXCO_SCHEDULE, false);
}

// ---- What the records team's home shows ----

export interface PerformanceView {
  dashboard: DashboardState | null;
  dashboardUrl: string;
  /** The current user's daily dashboard refresh is on; the members whose is. */
  daily: boolean;
  dailyBy: string[];
  /** The periods offered for a report, newest first, and the one selected. */
  periods: { id: string; label: string; report: SavedReport | null }[];
  selected: string;
  /** The current user's April and October run is on; the members whose is. */
  scheduled: boolean;
  scheduledBy: string[];
  user: string;
}

/** One properties read, one trigger list, the Dashboard tab's id. */
export function performanceView(w: Workplace, now: Date): PerformanceView {
  const props = PropertiesService.getScriptProperties().getProperties();
  const triggers = ownTriggerHandlers();
  const reports = readReports(w, props[EXCO_REPORTS_KEY] ?? null);
  const sheet = w.register.spreadsheet.getSheetByName(TABS.dashboard.name);
  const url = w.config.registerUrl.replace(/#.*$/, '');
  const periods = recentPeriods(now, 4).map(p => ({
    id: periodId(p),
    label: periodLabel(p),
    report: reports[periodId(p)] ?? null,
  }));
  return {
    dashboard: readDashboardState(w, props[DASHBOARD_STATE_KEY] ?? null),
    dashboardUrl: sheet ? `${url}#gid=${sheet.getSheetId()}` : url,
    daily: triggers.includes(DASHBOARD_HANDLER),
    dailyBy: membersWithSchedule(props[DASHBOARD_SCHEDULE_KEY]),
    periods,
    // The half-year under way is partial: the last complete one is offered first.
    selected: periods[1].id,
    scheduled: triggers.includes(EXCO_HANDLER),
    scheduledBy: membersWithSchedule(props[EXCO_SCHEDULE_KEY]),
    user: w.user,
  };
}
