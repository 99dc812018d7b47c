import { findWidgets, textOf } from '../../fakes/card-service/query';
import { actionEvent, editorEvent } from '../../fakes/events';
import type { AddonEventJson } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import type { Workspace } from '../../fakes/harness/workspace';
import { readSheet } from '../../fakes/spreadsheet/seed';
import { REGISTER_COLUMNS } from '../../src/domain/register-schema';
import { fillRegister } from '../support/big-register';
import { ALICE, DRO, newWorkspace, press, registerId, setUpRegister } from '../support/department';

/** 20 May 2026, mid-morning in London: the last 12 months are June 2025 to May 2026. */
const NOW = Date.UTC(2026, 4, 20, 9, 0, 0);
const at = (iso: string) => ({ d: Date.parse(`${iso}T10:00:00Z`) });

const COMPLETE = {
  description: 'As declared',
  owner: 'owner@dfrr.gov.uk',
  recordDate: at('2026-01-01'),
  retentionCode: 'R-PERM',
  classification: 'OFFICIAL',
  recordType: 'Document',
};

/** Ten register rows whose figures are worked out by hand in the tests below. */
const ROWS: Record<string, string | number | { d: number }>[] = [
  // BGS, April 2026: three declarations (one without a description) and one email.
  { ...COMPLETE, businessUnit: 'BGS', declaredAt: at('2026-04-02') },
  {
    ...COMPLETE,
    businessUnit: 'BGS',
    declaredAt: at('2026-04-09'),
    description: '',
    reviewDue: at('2026-01-31'),
  },
  { ...COMPLETE, businessUnit: 'BGS', declaredAt: at('2026-04-16'), legalHold: 'Yes' },
  { ...COMPLETE, businessUnit: 'BGS', declaredAt: at('2026-04-20'), recordType: 'Email' },
  // BGS, May 2026: one OFFICIAL-SENSITIVE declaration.
  {
    ...COMPLETE,
    businessUnit: 'BGS',
    declaredAt: at('2026-05-05'),
    classification: 'OFFICIAL-SENSITIVE',
  },
  // FCE, March 2026: two declarations.
  { ...COMPLETE, businessUnit: 'FCE', declaredAt: at('2026-03-03') },
  { ...COMPLETE, businessUnit: 'FCE', declaredAt: at('2026-03-04') },
  // FCE, January 2025 (outside the 12 months): destroyed, its review date long past.
  {
    ...COMPLETE,
    businessUnit: 'FCE',
    declaredAt: at('2025-01-10'),
    reviewDue: at('2025-06-01'),
    lifecycle: 'Destroyed',
  },
  // FCE, edited by hand: "Declared at" is not a date.
  { ...COMPLETE, businessUnit: 'FCE', declaredAt: 'last Tuesday' },
  // Cleared by hand (below).
  {},
];

function department(): Workspace {
  const ws = newWorkspace();
  ws.state.now = NOW;
  setUpRegister(ws);
  fillRegister(ws, ROWS.length, { fields: i => ROWS[i] });
  registerSheet(ws, 'Register').rows[ROWS.length] = new Array(REGISTER_COLUMNS.length).fill('');
  return ws;
}

function registerSheet(ws: Workspace, name: string) {
  const sheet = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === name);
  if (!sheet) throw new Error(`No tab ${name}`);
  return sheet;
}

function openRegister(ws: Workspace, user: string): { event: AddonEventJson; card: unknown } {
  const event = editorEvent('SHEETS', { id: registerId(ws), title: 'Records register' });
  const result = ws.run('onSheetsHomepage', event, { user });
  if (result.error) throw new Error(result.error);
  return { event, card: firstCard(result.json) };
}

/** The Dashboard tab as read: its cells as text, trailing empty cells dropped. */
function dashboard(ws: Workspace): string[][] {
  return readSheet(ws.state, registerId(ws), 'Dashboard').map(r => {
    const cells = r.map(c => (c === null || c === undefined ? '' : String(c)));
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
}

/**
 * The table whose header row starts with `first` in column `column` (0-based): as wide as its
 * header, down to its first empty row.
 */
function table(cells: string[][], column: number, first: string): string[][] {
  const start = cells.findIndex(r => r[column] === first);
  if (start < 0) throw new Error(`No table starting "${first}"`);
  let width = cells[start].slice(column).indexOf('');
  if (width < 0) width = cells[start].length - column;
  const rows: string[][] = [];
  for (let r = start; r < cells.length && (cells[r][column] ?? '') !== ''; r++) {
    const row = cells[r].slice(column, column + width);
    while (row.length && row[row.length - 1] === '') row.pop();
    rows.push(row);
  }
  return rows;
}

/** The values a chart draws, read from the ranges it points at. */
function chartData(ws: Workspace, title: string): unknown[][][] {
  const sheet = registerSheet(ws, 'Dashboard');
  const chart = (sheet.charts ?? []).find(c => c.options.title === title);
  if (!chart) throw new Error(`No chart "${title}"`);
  const cells = readSheet(ws.state, registerId(ws), 'Dashboard');
  return chart.ranges.map(range =>
    Array.from({ length: range.numRows }, (_, r) =>
      Array.from(
        { length: range.numColumns },
        (_, c) => cells[range.row - 1 + r]?.[range.column - 1 + c] ?? ''
      )
    )
  );
}

const MONTHLY_HEADERS = [
  'Month',
  'Business unit',
  'Records declared',
  'Emails captured',
  'Complete metadata (%)',
  'OFFICIAL-SENSITIVE (%)',
];

describe('the Dashboard tab', () => {
  it('is rebuilt from the register by a team member’s button, with figures per unit and month', () => {
    const ws = department();
    const registerBefore = JSON.stringify(registerSheet(ws, 'Register'));
    const home = openRegister(ws, DRO);
    expect(textOf(home.card)).toMatch(/Performance/);
    expect(textOf(home.card)).toMatch(/The Dashboard tab has not been built yet/);

    const refreshed = press(ws, home.event, home.card, 'onRefreshDashboard', DRO);
    expect(refreshed.error).toBeUndefined();
    const text = textOf(refreshed.json);
    expect(text).toMatch(/Dashboard refreshed from 9 register rows, 2 business units/);
    expect(text).toMatch(/1 rows have no date in "Declared at"/);
    expect(text).toMatch(/Dashboard updated 20 May 2026, \d\d:\d\d from 9 register rows/);
    // Only the columns the figures need are read: one read per run of adjacent columns.
    expect(refreshed.log.join('\n')).toMatch(/9 register rows in 8 reads/);
    expect(refreshed.counts.modelledMs).toBeLessThan(30_000);

    const cells = dashboard(ws);
    expect(table(cells, 0, 'Month')).toEqual([
      MONTHLY_HEADERS,
      ['2026-03', 'FCE', '2', '0', '100', '0'],
      ['2026-04', 'BGS', '3', '1', '67', '0'],
      ['2026-05', 'BGS', '1', '0', '100', '100'],
    ]);
    const side = 7; // column H
    expect(cells[0][side]).toMatch(/^Updated 20 May 2026, \d\d:\d\d from 9 register rows$/);
    expect(cells[1][side]).toMatch(/1 rows have no date in "Declared at"/);
    expect(table(cells, side, 'Business unit')).toEqual([
      [
        'Business unit',
        'Records declared',
        'Emails captured',
        'Complete metadata (%)',
        'OFFICIAL-SENSITIVE (%)',
        'Overdue reviews',
        'On legal hold',
        'Most often missing',
      ],
      ['BGS', '4', '1', '75', '20', '1', '1', 'Description (1)'],
      ['FCE', '4', '0', '100', '0', '0', '0'],
    ]);
    const perMonth = table(cells, side, 'Month');
    expect(perMonth[0]).toEqual(['Month', 'BGS', 'FCE']);
    expect(perMonth.map(r => r[0]).slice(1)).toEqual([
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    expect(perMonth.slice(10)).toEqual([
      ['2026-03', '0', '2'],
      ['2026-04', '3', '0'],
      ['2026-05', '1', '0'],
    ]);

    // Below: every month's counts, older months too, which the ExCo report reads.
    const title = cells.findIndex(r => r[side] === 'Figures by month (used by the ExCo report)');
    expect(title).toBeGreaterThan(cells.findIndex(r => r[side] === '2026-05'));
    expect(table(cells.slice(title + 1), side, 'Month')).toEqual([
      [
        'Month',
        'Business unit',
        'Records declared',
        'Emails captured',
        'Complete metadata (count)',
        'OFFICIAL-SENSITIVE (count)',
      ],
      ['2025-01', 'FCE', '1', '0', '1', '0'],
      ['2026-03', 'FCE', '2', '0', '2', '0'],
      ['2026-04', 'BGS', '3', '1', '2', '0'],
      ['2026-05', 'BGS', '1', '0', '1', '1'],
    ]);

    // Three native charts, drawing the tables just written.
    const charts = registerSheet(ws, 'Dashboard').charts ?? [];
    expect(charts.map(c => [c.type, c.options.title])).toEqual([
      ['COLUMN', 'Records declared per month, by business unit'],
      ['BAR', 'Complete metadata (%), by business unit'],
      ['BAR', 'Overdue reviews, by business unit'],
    ]);
    expect(chartData(ws, 'Complete metadata (%), by business unit')).toEqual([
      [['Business unit'], ['BGS'], ['FCE']],
      [['Complete metadata (%)'], [75], [100]],
    ]);
    expect(chartData(ws, 'Overdue reviews, by business unit')[1]).toEqual([
      ['Overdue reviews'],
      [1],
      [0],
    ]);
    const declared = chartData(ws, 'Records declared per month, by business unit')[0];
    expect(declared[0]).toEqual(['Month', 'BGS', 'FCE']);
    expect(declared).toHaveLength(13);

    // The register itself is untouched.
    expect(JSON.stringify(registerSheet(ws, 'Register'))).toBe(registerBefore);
  });

  it('updates its charts in place when the register changes, and follows a new unit', () => {
    const ws = department();
    const home = openRegister(ws, DRO);
    press(ws, home.event, home.card, 'onRefreshDashboard', DRO);
    const ids = (registerSheet(ws, 'Dashboard').charts ?? []).map(c => c.chartId);

    // A Legal Advisers' Office declaration arrives, incomplete; a BGS review becomes overdue.
    fillRegister(ws, 1, {
      fields: () => ({ ...COMPLETE, businessUnit: 'LAO', declaredAt: at('2026-05-19'), owner: '' }),
    });
    ws.state.now = NOW + 86_400_000;
    const again = press(ws, home.event, home.card, 'onRefreshDashboard', DRO);
    expect(textOf(again.json)).toMatch(/from 10 register rows, 3 business units/);
    const charts = registerSheet(ws, 'Dashboard').charts ?? [];
    expect(charts.map(c => c.chartId)).toEqual(ids);
    expect(chartData(ws, 'Complete metadata (%), by business unit')).toEqual([
      [['Business unit'], ['BGS'], ['FCE'], ['LAO']],
      [['Complete metadata (%)'], [75], [100], [0]],
    ]);
    const cells = dashboard(ws);
    expect(table(cells, 0, 'Month').slice(-1)).toEqual([['2026-05', 'LAO', '1', '0', '0', '0']]);
    expect(table(cells, 7, 'Business unit')[3]).toEqual([
      'LAO',
      '1',
      '0',
      '0',
      '0',
      '0',
      '0',
      'Owner (1)',
    ]);
    // Nothing is left over from the first build below the tables.
    expect(table(cells, 0, 'Month')).toHaveLength(5);
  });

  it('is refused to anyone outside the records team, and nothing changes', () => {
    const ws = department();
    const before = JSON.stringify(ws.state.spreadsheets[registerId(ws)]);
    const event = editorEvent('SHEETS', { id: registerId(ws), title: 'Records register' });
    const forced = ws.run('onRefreshDashboard', actionEvent(event, {}, {}), { user: ALICE });
    expect(textOf(forced.json)).toMatch(/Only members of the records team can use the dashboard/);
    expect(textOf(forced.json)).toMatch(/Nothing was changed/);
    expect(JSON.stringify(ws.state.spreadsheets[registerId(ws)])).toBe(before);
    const scheduled = ws.run(
      'onToggleDailyDashboard',
      actionEvent(event, {}, { dailyDashboardRefresh: ['yes'] }),
      { user: ALICE }
    );
    expect(textOf(scheduled.json)).toMatch(/Only members of the records team/);
    expect(ws.state.triggers).toEqual([]);
  });

  it('is refreshed every day once a member turns it on, and not twice the same day', () => {
    const ws = department();
    const home = openRegister(ws, DRO);
    const on = press(ws, home.event, home.card, 'onToggleDailyDashboard', DRO, {
      dailyDashboardRefresh: ['yes'],
    });
    expect(textOf(on.json)).toMatch(/The dashboard will be refreshed every day/);
    expect(ws.state.triggers.map(t => [t.owner, t.handlerFunction, t.schedule])).toEqual([
      [DRO, 'onScheduledDashboardRefresh', { everyDays: 1, atHour: 7 }],
    ]);
    const toggle = findWidgets(
      firstCard(on.json),
      w => w.decoratedText?.switchControl?.name === 'dailyDashboardRefresh'
    )[0];
    expect(toggle.decoratedText!.switchControl!.selected).toBe(true);

    const run = ws.run('onScheduledDashboardRefresh', {}, { user: DRO, budgetMs: 360_000 });
    expect(run.error).toBeUndefined();
    expect(run.log.join('\n')).toMatch(/Dashboard refreshed from 9 register rows/);
    expect(table(dashboard(ws), 0, 'Month')).toHaveLength(4);
    const later = ws.run('onScheduledDashboardRefresh', {}, { user: DRO, budgetMs: 360_000 });
    expect(later.log.join('\n')).toMatch(/Dashboard already refreshed at .*: nothing to do/);
    expect(later.counts.byKey['SpreadsheetApp.Range.setValues']).toBeUndefined();

    const off = press(ws, home.event, firstCard(on.json), 'onToggleDailyDashboard', DRO, {
      dailyDashboardRefresh: [],
    });
    expect(textOf(off.json)).toMatch(/Daily dashboard refresh turned off/);
    expect(ws.state.triggers).toEqual([]);
  });

  it('names a register column deleted by hand, and leaves the dashboard as it was', () => {
    const ws = department();
    const home = openRegister(ws, DRO);
    press(ws, home.event, home.card, 'onRefreshDashboard', DRO);
    const before = dashboard(ws);
    const register = registerSheet(ws, 'Register');
    const unit = REGISTER_COLUMNS.findIndex(c => c.key === 'businessUnit');
    register.rows[0]![unit] = '';
    const failed = press(ws, home.event, home.card, 'onRefreshDashboard', DRO);
    expect(textOf(failed.json)).toMatch(/missing the column "Business unit"/);
    expect(dashboard(ws)).toEqual(before);
  });
});
