import { allActions, findWidgets, textOf } from '../../fakes/card-service/query';
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createDocumentApp } from '../../fakes/document';
import { actionEvent, editorEvent } from '../../fakes/events';
import type { AddonEventJson } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import type { Workspace } from '../../fakes/harness/workspace';
import { LESSON_COLUMNS } from '../../src/domain/register-schema';
import { SEED_BUSINESS_UNITS } from '../../src/domain/seed';
import { readSheet } from '../../fakes/spreadsheet/seed';
import { fillRegister } from '../support/big-register';
import {
  ALICE,
  DRO,
  newWorkspace,
  press,
  registerId,
  registerRows,
  setUpRegister,
} from '../support/department';

/** 20 May 2026: the half-year last ended is 2025-26 H2 (October 2025 to March 2026). */
const NOW = Date.UTC(2026, 4, 20, 9, 0, 0);
const at = (iso: string) => ({ d: Date.parse(`${iso}T10:00:00Z`) });
const PERIOD = '2025-26-H2';

const COMPLETE = {
  description: 'As declared',
  owner: 'owner@dfrr.gov.uk',
  recordDate: at('2025-01-01'),
  retentionCode: 'R-PERM',
  classification: 'OFFICIAL',
  recordType: 'Document',
};

const ROWS: Record<string, string | number | { d: number }>[] = [
  // BGS: three declarations this half (one without an owner, one overdue for review), one before.
  { ...COMPLETE, businessUnit: 'BGS', declaredAt: at('2025-11-03') },
  { ...COMPLETE, businessUnit: 'BGS', declaredAt: at('2026-01-15'), owner: '' },
  { ...COMPLETE, businessUnit: 'BGS', declaredAt: at('2026-03-31'), reviewDue: at('2026-04-01') },
  { ...COMPLETE, businessUnit: 'BGS', declaredAt: at('2025-07-01') },
  // FCE: one email this half, two declarations before (one on hold).
  { ...COMPLETE, businessUnit: 'FCE', declaredAt: at('2026-02-02'), recordType: 'Email' },
  { ...COMPLETE, businessUnit: 'FCE', declaredAt: at('2025-05-05'), legalHold: 'Yes' },
  { ...COMPLETE, businessUnit: 'FCE', declaredAt: at('2025-06-06') },
  // Edited by hand: "Declared at" is not a date.
  { ...COMPLETE, businessUnit: 'FCE', declaredAt: 'n/a' },
];

function department(): Workspace {
  const ws = newWorkspace();
  ws.state.now = NOW;
  setUpRegister(ws);
  fillRegister(ws, ROWS.length, { fields: i => ROWS[i] });
  // Lessons: two from BGS this half, one from LAO the half before.
  const lessons = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === 'Lessons')!;
  const lesson = (unit: string, when: string) => {
    const row: (string | { d: number })[] = new Array(LESSON_COLUMNS.length).fill('');
    row[LESSON_COLUMNS.findIndex(c => c.key === 'businessUnit')] = unit;
    row[LESSON_COLUMNS.findIndex(c => c.key === 'recordedAt')] = at(when);
    row[LESSON_COLUMNS.findIndex(c => c.key === 'lesson')] = 'A lesson';
    return row;
  };
  lessons.rows.push(lesson('BGS', '2025-12-01'), lesson('BGS', '2026-02-01'));
  lessons.rows.push(lesson('LAO', '2025-08-01'));
  return ws;
}

function openRegister(ws: Workspace, user: string): { event: AddonEventJson; card: unknown } {
  const event = editorEvent('SHEETS', { id: registerId(ws), title: 'Records register' });
  const result = ws.run('onSheetsHomepage', event, { user });
  if (result.error) throw new Error(result.error);
  return { event, card: firstCard(result.json) };
}

/** The Docs app as a person typing in the report would use it. */
function docsAs(ws: Workspace, user: string): GoogleAppsScript.Document.DocumentApp {
  const execution = new Execution(ws.state, { user, budgetMs: 3_600_000 });
  return createDocumentApp(createContext(ws.state, execution));
}

function tables(ws: Workspace, docId: string): string[][][] {
  const body = docsAs(ws, DRO).openById(docId).getBody();
  return body
    .getTables()
    .map(t =>
      Array.from({ length: t.getNumRows() }, (_, r) =>
        Array.from({ length: t.getRow(r).getNumCells() }, (_, c) => t.getCell(r, c).getText())
      )
    );
}

function make(ws: Workspace, period = PERIOD) {
  const home = openRegister(ws, DRO);
  const made = press(ws, home.event, home.card, 'onGenerateExcoReport', DRO, {
    excoPeriod: [period],
  });
  expect(made.error).toBeUndefined();
  const card = firstCard(made.json);
  const docId = Object.keys(ws.state.documents).find(
    id =>
      ws.state.drive[id]?.name ===
      `ExCo information management report ${period.replace(/-H/, ' H')}`
  );
  return { made, card, text: textOf(made.json), docId: docId! };
}

/**
 * The rows of the units the register has figures for; every other unit's are all zero. On hold
 * and overdue have no change ("—"): no report was made for the period before.
 */
const FIGURES: Record<string, string[]> = {
  BGS: ['BGS', '3 (+2)', '0 (±0)', '67% (−33 pts)', '0% (±0 pts)', '2 (+2)', '0 (—)', '1 (—)'],
  FCE: ['FCE', '0 (−2)', '1 (+1)', '—', '0% (±0 pts)', '0 (±0)', '1 (—)', '0 (—)'],
  LAO: ['LAO', '0 (±0)', '0 (±0)', '—', '—', '0 (−1)', '0 (—)', '0 (—)'],
};
const NOTHING = (unit: string) => [unit, '0 (±0)', '0 (±0)', '—', '—', '0 (±0)', '0 (—)', '0 (—)'];

function refreshDashboard(ws: Workspace): void {
  const home = openRegister(ws, DRO);
  const refreshed = press(ws, home.event, home.card, 'onRefreshDashboard', DRO);
  expect(textOf(refreshed.json)).toMatch(/Dashboard refreshed from/);
}

describe('the ExCo report', () => {
  it('is made for the chosen half-year, with each unit’s figures and the change since the last', () => {
    const ws = department();
    const home = openRegister(ws, DRO);
    const periods = findWidgets(home.card, w => w.selectionInput?.name === 'excoPeriod')[0];
    expect(periods.selectionInput!.items!.map(i => [i.value, i.selected])).toEqual([
      ['2026-27-H1', false],
      ['2025-26-H2', true],
      ['2025-26-H1', false],
      ['2024-25-H2', false],
    ]);

    const { made, text, docId } = make(ws);
    expect(made.counts.modelledMs).toBeLessThan(30_000);
    expect(text).toMatch(
      /Made for 2025-26 H2 \(1 October 2025 – 31 March 2026\), from 8 register rows/
    );
    expect(text).toMatch(/It is a record: REC-\d{4}-\d{6}, OFFICIAL/);
    expect(docId).toBeDefined();

    const body = docsAs(ws, DRO).openById(docId).getBody().getText();
    expect(body).toMatch(/^ExCo information management report 2025-26 H2/);
    expect(body).toMatch(
      /Period: 2025-26 H2 \(1 October 2025 – 31 March 2026\)\. Compared with 2025-26 H1/
    );
    expect(body).toMatch(
      /The department declared 3 \(±0\) records and captured 1 \(\+1\) emails, from 2 business units\./
    );
    expect(body).toMatch(/67% \(−33 pts\) of the records declared had complete metadata/);
    expect(body).toMatch(/2 lessons were learned/);
    expect(body).toMatch(/Today 1 record is overdue for review and 1 is on legal hold\./);

    // Every business unit has a row: one that declared nothing is what ExCo most needs to see.
    const units = SEED_BUSINESS_UNITS.map(u => u.code).sort((a, b) => a.localeCompare(b));
    expect(units).toHaveLength(14);
    const [figures, narrative] = tables(ws, docId);
    expect(figures).toEqual([
      [
        'Business unit',
        'Records declared',
        'Emails captured',
        'Complete metadata',
        'OFFICIAL-SENSITIVE',
        'Lessons learned',
        'On legal hold',
        'Overdue reviews',
      ],
      ...units.map(unit => FIGURES[unit] ?? NOTHING(unit)),
    ]);
    expect(narrative).toEqual([
      ['Business unit', 'Commentary', 'Action'],
      ...units.map(unit => [unit, '', '']),
    ]);
    // Two charts, embedded as images.
    const images = ws.state.documents[docId].body.filter(p => p.type === 'INLINE_IMAGE');
    expect(images).toHaveLength(2);

    // The report is a record like any other: in the register, marked, filed in its series.
    const record = registerRows(ws).find(r => r['File ID'] === docId)!;
    expect(record).toMatchObject({
      Series: 'GOV-BRD-01',
      Classification: 'OFFICIAL',
      'Record type': 'Document',
      Title: 'ExCo information management report 2025-26 H2',
    });
    expect(text).toContain(String(record['Record ID']));
    expect(ws.state.drive[docId].description).toMatch(/^OFFICIAL \| Record, series GOV-BRD-01/);
    const folder = ws.state.drive[ws.state.drive[docId].parents[0]];
    expect(folder.name).toMatch(/^GOV-BRD-01/);
    expect(allActions(firstCard(made.json)).map(a => a.functionName)).toContain(
      'onRecordsTeamHome'
    );
  });

  it('is made again in place, keeping the commentary typed in it, and is not declared twice', () => {
    const ws = department();
    const { docId } = make(ws);
    // The records team writes its commentary in the Doc.
    const typed = docsAs(ws, DRO).openById(docId);
    const narrative = typed.getBody().getTables()[1];
    narrative.getCell(1, 1).setText('Declarations up after the board’s reminder.');
    narrative.getCell(1, 2).setText('Owner field training, June.');
    typed.saveAndClose();

    // A new record arrives (the register also holds the report itself now); the dashboard is
    // refreshed and the report made again.
    fillRegister(ws, 1, {
      fields: () => ({ ...COMPLETE, businessUnit: 'BGS', declaredAt: at('2026-03-01') }),
    });
    refreshDashboard(ws);
    const again = make(ws);
    expect(again.docId).toBe(docId);
    expect(again.text).toMatch(
      /Made again for 2025-26 H2 .*, from 10 register rows\. The commentary already written in it is kept\./
    );
    const [figures, kept] = tables(ws, docId);
    expect(figures.find(r => r[0] === 'BGS')!.slice(0, 2)).toEqual(['BGS', '4 (+3)']);
    expect(kept.find(r => r[0] === 'BGS')).toEqual([
      'BGS',
      'Declarations up after the board’s reminder.',
      'Owner field training, June.',
    ]);
    expect(kept.find(r => r[0] === 'FCE')).toEqual(['FCE', '', '']);
    expect(registerRows(ws).filter(r => r['File ID'] === docId)).toHaveLength(1);
    expect(
      Object.keys(ws.state.documents).filter(
        id => ws.state.drive[id]?.name === ws.state.drive[docId].name
      )
    ).toEqual([docId]);
    expect(ws.state.documents[docId].body.filter(p => p.type === 'INLINE_IMAGE')).toHaveLength(2);
  });

  it('is made from the Dashboard’s stored figures when it is fresh, the same as from the register', () => {
    // No dashboard: it is refreshed first, from the register, and the card says so.
    const fromRegister = department();
    const first = make(fromRegister);
    expect(first.text).toMatch(/The dashboard was refreshed first: it had never been refreshed\./);
    expect(first.made.log.join('\n')).toMatch(/Dashboard: 8 register rows in 8 reads/);

    // Refreshed by a member this morning; a record declared since is not in the figures yet.
    const fromDashboard = department();
    refreshDashboard(fromDashboard);
    const { refreshedAt } = JSON.parse(
      fromDashboard.state.properties.script['records-capture.dashboard']
    ) as { refreshedAt: string };
    fromDashboard.state.now += 20 * 60 * 60_000;
    fillRegister(fromDashboard, 1, {
      fields: () => ({ ...COMPLETE, businessUnit: 'BGS', declaredAt: at('2026-03-01') }),
    });
    const stored = make(fromDashboard);
    expect(stored.text).toMatch(/from 8 register rows/);
    expect(stored.text).toMatch(/Figures as of the dashboard refresh of 20 May 2026, 10:00\.\n/);
    expect(stored.text).not.toMatch(/refreshed first/);
    // No refresh: the figures are the stored ones, without the record declared since.
    expect(stored.made.log.join('\n')).not.toMatch(/Dashboard: /);
    expect(stored.made.log.join('\n')).toMatch(
      new RegExp(`stored dashboard figures of ${refreshedAt}`)
    );

    expect(tables(fromDashboard, stored.docId)).toEqual(tables(fromRegister, first.docId));
    const body = docsAs(fromDashboard, DRO).openById(stored.docId).getBody().getText();
    expect(body).toMatch(/figures as of the dashboard refresh of 20 May 2026, 10:00\./);
    expect(body).toMatch(/On 2026-05-20 1 record is overdue for review and 1 is on legal hold\./);
  });

  it('refreshes a dashboard older than the period, or changed by hand, before making the report', () => {
    const ws = department();
    refreshDashboard(ws);
    // 1 October: the dashboard of 20 May does not cover April to September.
    ws.state.now = Date.UTC(2026, 9, 1, 9);
    const october = make(ws, '2026-27-H1');
    expect(october.text).toMatch(
      /Figures as of the dashboard refresh of 1 October 2026, 10:00\. The dashboard was refreshed first: its figures were more than a day old\./
    );
    expect(october.made.log.join('\n')).toMatch(/Dashboard: 8 register rows in 8 reads/);
    expect(
      readSheet(ws.state, registerId(ws), 'Dashboard')[0].some(c =>
        /^Updated 1 October 2026, 10:00 from 8 register rows$/.test(String(c))
      )
    ).toBe(true);

    // Someone types over the figures' header: they are not trusted, the dashboard is rebuilt.
    const dashboard = ws.state.spreadsheets[registerId(ws)].sheets.find(
      s => s.name === 'Dashboard'
    )!;
    const header = dashboard.rows.findIndex(r => r?.includes('Complete metadata (count)'));
    expect(header).toBeGreaterThan(0);
    dashboard.rows[header] = dashboard.rows[header]!.map(c =>
      c === 'Records declared' ? 'Declared' : c
    );
    const again = make(ws, '2026-27-H1');
    expect(again.text).toMatch(
      /The dashboard was refreshed first: the Dashboard tab has been changed since it was refreshed\./
    );
    const rebuilt = dashboard.rows.find(r => r?.includes('Complete metadata (count)'));
    expect(rebuilt).toContain('Records declared');
  });

  it('shows the change in records on hold and overdue since the previous period’s report', () => {
    const ws = department();
    make(ws);
    const saved =
      ws.state.properties.script[`records-capture.exco-reports.on-hold-overdue.${registerId(ws)}`];
    expect(saved.length).toBeLessThan(9 * 1024);

    // By October a BGS record has gone on hold; FCE's is still held, and BGS's review overdue.
    fillRegister(ws, 1, {
      fields: () => ({
        ...COMPLETE,
        businessUnit: 'BGS',
        declaredAt: at('2026-06-01'),
        legalHold: 'Yes',
      }),
    });
    ws.state.now = Date.UTC(2026, 9, 1, 9);
    const october = make(ws, '2026-27-H1');
    const [figures] = tables(ws, october.docId);
    const row = (unit: string) => figures.find(r => r[0] === unit)!.slice(6);
    expect(row('BGS')).toEqual(['1 (+1)', '1 (±0)']);
    expect(row('FCE')).toEqual(['1 (±0)', '0 (±0)']);
    expect(row('LAO')).toEqual(['0 (±0)', '0 (±0)']);
    const body = docsAs(ws, DRO).openById(october.docId).getBody().getText();
    expect(body).toMatch(
      /Records on legal hold and reviews overdue are as at 2026-10-01; their change is since the 2025-26 H2 report \(as at 2026-05-20\)\./
    );
    // The first report had none to compare with, and said so.
    const first = docsAs(ws, DRO)
      .openById(Object.keys(ws.state.documents).find(id => id !== october.docId)!)
      .getBody()
      .getText();
    expect(first).toMatch(/no 2025-26 H1 report holds them, so their change is shown as —/);
  });

  it('is scheduled by a member for the 1st of every month, and turned off again', () => {
    const ws = department();
    const home = openRegister(ws, DRO);
    const on = press(ws, home.event, home.card, 'onToggleExcoSchedule', DRO, {
      excoSchedule: ['yes'],
    });
    expect(textOf(on.json)).toMatch(/The ExCo report will be made in April and October/);
    expect(ws.state.triggers.map(t => [t.owner, t.handlerFunction])).toEqual([
      [DRO, 'onScheduledExcoReport'],
    ]);
    const toggle = findWidgets(
      firstCard(on.json),
      w => w.decoratedText?.switchControl?.name === 'excoSchedule'
    )[0];
    expect(toggle.decoratedText!.switchControl!.selected).toBe(true);
    const off = press(ws, home.event, firstCard(on.json), 'onToggleExcoSchedule', DRO, {
      excoSchedule: [],
    });
    expect(textOf(off.json)).toMatch(/Scheduled ExCo report turned off/);
    expect(ws.state.triggers).toEqual([]);
  });

  it('is made by the monthly run in April and October for the half just ended, once', () => {
    const ws = department();
    // 1 June: not a reporting month.
    ws.state.now = Date.UTC(2026, 5, 1, 7);
    const june = ws.run('onScheduledExcoReport', {}, { user: DRO, budgetMs: 360_000 });
    expect(june.log.join('\n')).toMatch(/made in April and October: nothing to do this month/);
    expect(Object.keys(ws.state.documents)).toHaveLength(0);

    // 1 October: the report for April to September 2026.
    ws.state.now = Date.UTC(2026, 9, 1, 7);
    const october = ws.run('onScheduledExcoReport', {}, { user: DRO, budgetMs: 360_000 });
    expect(october.error).toBeUndefined();
    expect(october.log.join('\n')).toMatch(/ExCo report for 2026-27-H1 made/);
    const reports = Object.keys(ws.state.documents);
    expect(reports.map(id => ws.state.drive[id].name)).toEqual([
      'ExCo information management report 2026-27 H1',
    ]);
    // A second run the same month, or another member's, leaves it alone.
    const twice = ws.run('onScheduledExcoReport', {}, { user: DRO, budgetMs: 360_000 });
    expect(twice.log.join('\n')).toMatch(/was made already/);
    expect(Object.keys(ws.state.documents)).toEqual(reports);
    expect(registerRows(ws).filter(r => r['File ID'] === reports[0])).toHaveLength(1);
  });

  it('is refused to anyone outside the records team, and to a period that is not one', () => {
    const ws = department();
    const event = editorEvent('SHEETS', { id: registerId(ws), title: 'Records register' });
    const forced = ws.run(
      'onGenerateExcoReport',
      actionEvent(event, {}, { excoPeriod: [PERIOD] }),
      {
        user: ALICE,
      }
    );
    expect(textOf(forced.json)).toMatch(/Only members of the records team can use the ExCo report/);
    expect(Object.keys(ws.state.documents)).toHaveLength(0);

    const bad = ws.run(
      'onGenerateExcoReport',
      actionEvent(event, {}, { excoPeriod: ['2025-27-H2'] }),
      {
        user: DRO,
      }
    );
    expect(textOf(bad.json)).toMatch(/"2025-27-H2" is not a half-year: choose one from the list/);
    expect(Object.keys(ws.state.documents)).toHaveLength(0);
  });

  it('says so when the file plan has no Board and ExCo series, and still makes the report', () => {
    const ws = department();
    const plan = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === 'File plan')!;
    plan.rows = plan.rows.filter(r => !r || r[0] !== 'GOV-BRD-01');
    ws.state.cache = { script: {}, user: {} };
    const { text, docId } = make(ws);
    expect(text).toMatch(/It is not a record yet: Series GOV-BRD-01 is not in the file plan/);
    expect(docId).toBeDefined();
    expect(registerRows(ws).filter(r => r['File ID'] === docId)).toHaveLength(0);
  });
});
