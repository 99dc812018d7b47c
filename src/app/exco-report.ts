// The biannual ExCo report: a Google Doc of each business unit's figures for a half-year beside
// the previous half-year's, what is on hold and overdue today, lessons learned, and a narrative
// table the records team writes in the Doc. Made on demand or by a monthly trigger that acts in
// April and October; made again for the same period, the same Doc is rebuilt in place and the
// narrative typed into it is kept. The report is declared a record through the same path as any
// Google Doc, so it is marked, filed and registered like one, and only once.
import { readPreferences } from '../adapters/properties';
import { withScriptLock } from '../adapters/lock';
import {
  countChange,
  NO_UNIT,
  percent,
  percentChange,
  periodId,
  periodLabel,
  periodRows,
  previousPeriod,
  recentPeriods,
  ukDay,
} from '../domain/metrics';
import type { Metrics, Period, PeriodRow } from '../domain/metrics';
import { declareItems, DOCUMENT_MIME } from './declare';
import type { Workplace } from './deployment';
import { messageOf, UserFacingError } from './errors';
import { TABS } from '../domain/register-schema';
import {
  DASHBOARD_HANDLER,
  DASHBOARD_SCHEDULE_KEY,
  DASHBOARD_STATE_KEY,
  memberList,
  readDashboardState,
  readLessonCounts,
  readMetrics,
} from './dashboard';
import type { DashboardState } from './dashboard';

/** The file-plan series the reports are declared into. */
export const EXCO_SERIES = 'GOV-BRD-01';
/** Business unit of the report when the member's own is not known: the DRO's. */
export const EXCO_FALLBACK_UNIT = 'DDI';
/** Reading the register from a card: the rest of the 30 seconds makes the Doc and declares it. */
export const EXCO_CARD_READ_BUDGET_MS = 18_000;
export const EXCO_TRIGGER_READ_BUDGET_MS = 240_000;

export const EXCO_REPORTS_KEY = 'records-capture.exco-reports';
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
  'On legal hold (today)',
  'Overdue reviews (today)',
];

export interface SavedReport {
  docId: string;
  url: string;
  recordId: string;
  generatedAt: string;
  by: string;
}

type Reports = Record<string, SavedReport>;

function parse<T>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** Reports made for this register, by period id. */
export function readReports(w: Workplace, saved?: string | null): Reports {
  const all =
    parse<Record<string, Reports>>(
      saved === undefined
        ? PropertiesService.getScriptProperties().getProperty(EXCO_REPORTS_KEY)
        : saved
    ) ?? {};
  return all[w.config.registerId] ?? {};
}

function saveReport(w: Workplace, period: Period, report: SavedReport): void {
  withScriptLock(() => {
    const props = PropertiesService.getScriptProperties();
    const all = parse<Record<string, Reports>>(props.getProperty(EXCO_REPORTS_KEY)) ?? {};
    (all[w.config.registerId] ??= {})[periodId(period)] = report;
    props.setProperty(EXCO_REPORTS_KEY, JSON.stringify(all));
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
}

export function reportTitle(period: Period): string {
  return `ExCo information management report ${periodLabel(period).split(' (')[0]}`;
}

/** Makes (or remakes in place) the report for `period`, and declares it a record. */
export function generateExcoReport(
  w: Workplace,
  period: Period,
  now: Date,
  readBudgetMs: number
): ExcoOutcome {
  const { metrics } = readMetrics(w, now, readBudgetMs, {
    title: 'ExCo report not made',
    advice:
      'Nothing was made: the April and October run ("Make the ExCo report in April and October") has six minutes and can read it.',
  });
  const lessons = readLessonCounts(w.register);
  const rows = periodRows(
    metrics,
    period,
    lessons,
    w.reference.businessUnits.map(u => u.code)
  );
  const title = reportTitle(period);
  const saved = readReports(w)[periodId(period)];

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
      generated: Utilities.formatDate(now, Session.getScriptTimeZone(), 'd MMMM yyyy, HH:mm'),
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
  saveReport(w, period, report);
  console.log(
    `ExCo report ${periodId(period)} ${regenerated ? 'regenerated' : 'made'}: ${rows.length} business units from ${metrics.rows - metrics.blank} register rows; ${declared.recordId ? `record ${declared.recordId}` : `not declared: ${declared.problem}`}.`
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
    `Made ${c.generated} by ${c.user} from the records register (${(c.metrics.rows - c.metrics.blank).toLocaleString('en-GB')} rows). Figures in brackets are the change since the previous period. Records on legal hold and reviews overdue are as at ${c.today}.`
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
      String(unit?.onHold ?? 0),
      String(unit?.overdueReviews ?? 0),
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
    `Today ${overdue} record${overdue === 1 ? ' is' : 's are'} overdue for review and ${held} ${held === 1 ? 'is' : 'are'} on legal hold.`,
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

function monthlyTrigger(): GoogleAppsScript.Script.Trigger | null {
  return ScriptApp.getProjectTriggers().find(t => t.getHandlerFunction() === EXCO_HANDLER) ?? null;
}

/** Whether the current user's April and October run is on. */
export function excoScheduleOn(): boolean {
  return !!monthlyTrigger();
}

/**
 * Turns the current user's scheduled report on or off: a trigger on the first of every month
 * whose run acts only in April and October (Apps Script has no "every six months" trigger).
 */
export function setExcoSchedule(w: Workplace, on: boolean): void {
  const existing = monthlyTrigger();
  if (on && !existing) {
    try {
      ScriptApp.newTrigger(EXCO_HANDLER)
        .timeBased()
        .onMonthDay(EXCO_DAY)
        .atHour(EXCO_HOUR)
        .create();
    } catch (error) {
      throw new UserFacingError(
        `Google did not allow the scheduled report (${messageOf(error).replace(/\.$/, '')}). Nothing was changed: the report can still be made with the button.`,
        'Scheduled report not set'
      );
    }
  }
  if (!on && existing) ScriptApp.deleteTrigger(existing);
  withScriptLock(() => {
    const props = PropertiesService.getScriptProperties();
    const by = new Set(parse<string[]>(props.getProperty(EXCO_SCHEDULE_KEY)) ?? []);
    if (on) by.add(w.user);
    else by.delete(w.user);
    props.setProperty(EXCO_SCHEDULE_KEY, JSON.stringify([...by]));
  });
}

/** Removes the current user's scheduled report (they have left the records team). */
export function removeOwnExcoSchedule(w: Workplace): void {
  setExcoSchedule(w, false);
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
  const triggers = ScriptApp.getProjectTriggers().map(t => t.getHandlerFunction());
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
    dailyBy: memberList(props[DASHBOARD_SCHEDULE_KEY]),
    periods,
    // The half-year under way is partial: the last complete one is offered first.
    selected: periods[1].id,
    scheduled: triggers.includes(EXCO_HANDLER),
    scheduledBy: memberList(props[EXCO_SCHEDULE_KEY]),
    user: w.user,
  };
}
