import { allActions, findWidgets, textOf } from '../../fakes/card-service/query';
import { actionEvent, editorEvent } from '../../fakes/events';
import type { AddonEventJson } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import type { Workspace } from '../../fakes/harness/workspace';
import { createSpreadsheetInState, readSheet } from '../../fakes/spreadsheet/seed';
import { REGISTER_COLUMNS } from '../../src/domain/register-schema';
import { fillRegister } from '../support/big-register';
import {
  ALICE,
  BOB,
  DRO,
  newWorkspace,
  press,
  registerId,
  registerRows,
  setUpRegister,
} from '../support/department';

/** Mid-June 2025, mid-morning in London. */
const NOW = Date.UTC(2025, 5, 15, 9, 0, 0);
const d = (iso: string) => ({ d: Date.parse(`${iso}T00:00:00Z`) });
const day = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
const QUEUE = 'Review queue';

function registerSheet(ws: Workspace, name: string) {
  const sheet = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === name);
  if (!sheet) throw new Error(`No tab ${name}`);
  return sheet;
}

/** Ten register rows as a records team finds them: due, held, proposed, and edited by hand. */
const ROWS: Record<string, string | number | { d: number }>[] = [
  // FY 2016-17 invoice: destroy from 31 March 2023.
  { series: 'FIN-ACC-01', retentionCode: 'R-FIN6', recordDate: d('2016-11-14') },
  // Policy file: first review at 5 years, in August.
  { series: 'POL-DEV-01', retentionCode: 'R-POL', recordDate: d('2020-08-01') },
  // Reviewed in 2024 and kept to 2030; its 20-year transfer falls in January.
  {
    series: 'POL-DEV-01',
    retentionCode: 'R-POL',
    recordDate: d('2006-01-10'),
    disposalAction: 'Review',
    disposalDue: d('2030-01-10'),
    transferDue: d('2026-01-10'),
    decisionAt: d('2024-02-01'),
  },
  // Proposed for destruction by one member; waits for a second.
  {
    series: 'FIN-BNK-01',
    retentionCode: 'R-FIN3',
    recordDate: d('2024-01-01'),
    lifecycle: 'Destruction proposed',
  },
  // Overdue, but under a legal hold (Legal holds tab).
  { series: 'FIN-ACC-01', retentionCode: 'R-FIN6', recordDate: d('2015-05-01') },
  // Edited by hand: a date that does not exist, kept as text.
  { series: 'FIN-ACC-01', retentionCode: 'R-FIN6', recordDate: '2019-02-31' },
  // Edited by hand: a schedule code that is not in the register.
  { series: 'POL-DEV-01', retentionCode: 'R-XYZ', recordDate: d('2020-01-01') },
  // A row cleared by hand (below).
  { series: 'POL-DEV-01', recordDate: d('2020-01-01') },
  // Destroyed already.
  { series: 'FIN-ACC-01', recordDate: d('2010-01-01'), lifecycle: 'Destroyed' },
  // Nothing due for years.
  { series: 'POL-DEV-01', retentionCode: 'R-POL', recordDate: d('2024-03-01') },
];

function department(): Workspace {
  const ws = newWorkspace();
  ws.state.now = NOW;
  setUpRegister(ws);
  fillRegister(ws, ROWS.length, { fields: i => ROWS[i] });
  const register = registerSheet(ws, 'Register');
  register.rows[8] = new Array(REGISTER_COLUMNS.length).fill('');
  registerSheet(ws, 'Legal holds').rows[1] = [
    'HOLD-2025-0001',
    'Record',
    'REC-2016-000005',
    'Public inquiry into regional resilience funding',
    'Inquiry ref RRI/2025/14',
    DRO,
    { d: NOW - 86_400_000 },
    '',
    '',
    '',
  ];
  return ws;
}

interface Opened {
  event: AddonEventJson;
  card: unknown;
  log: string[];
  error?: string;
}

function openRegister(ws: Workspace, user: string): Opened {
  const event = editorEvent('SHEETS', { id: registerId(ws), title: 'Records register' });
  const result = ws.run('onSheetsHomepage', event, { user });
  return { event, card: firstCard(result.json), log: result.log, error: result.error };
}

/** The plain text of the decorated text with this top label. */
function figure(card: unknown, label: string): string {
  const widget = findWidgets(card, w => w.decoratedText?.topLabel === label)[0];
  if (!widget) throw new Error(`No "${label}" on the card: ${textOf(card)}`);
  return String(widget.decoratedText!.text).replace(/<[^>]+>/g, '');
}

function queueLines(ws: Workspace): Record<string, unknown>[] {
  return registerRows(ws, QUEUE);
}

const brief = (lines: Record<string, unknown>[]) =>
  lines.map(l => [
    l['Record ID'],
    l['What is due'],
    l['Due date'] === '' ? '' : day(l['Due date']),
    l.When,
    l['Legal hold'],
    l['Register row'],
  ]);

describe('the records team’s home and the Review queue', () => {
  it('shows a team member what is due after a refresh, and writes the queue', () => {
    const ws = department();
    const home = openRegister(ws, DRO);
    expect(textOf(home.card)).toMatch(/Records team/);
    expect(textOf(home.card)).toMatch(/has not been built yet/);

    const refresh = press(ws, home.event, home.card, 'onRefreshReviewQueue', DRO);
    expect(refresh.error).toBeUndefined();
    expect(textOf(refresh.json)).toMatch(/Review queue refreshed: 7 lines from 10 register rows/);
    // The register's rows are read in one batched read; the other reads are header rows, the
    // Settings, Records team and Legal holds tabs, and the home card shown afterwards.
    expect(refresh.counts.byKey['SpreadsheetApp.Range.getValues']).toBeLessThan(20);

    const lines = queueLines(ws);
    expect(brief(lines)).toEqual([
      ['REC-2016-000001', 'Disposal', '2023-03-31', 'Overdue', 'No', 2],
      ['REC-2016-000002', 'Review', '2025-08-01', 'Next 3 months', 'No', 3],
      ['REC-2016-000003', 'Transfer', '2026-01-10', 'Next 12 months', 'No', 4],
      ['REC-2016-000004', 'Destroy: second approval', '2027-01-01', '', 'No', 5],
      ['REC-2016-000005', 'Disposal', '2022-03-31', 'Overdue', 'Yes', 6],
      ['REC-2016-000006', '', '', '', 'No', 7],
      ['REC-2016-000007', '', '', '', 'No', 8],
    ]);
    expect(lines[5].Problem).toBe(
      'Date of the record "2019-02-31" is not a date: enter it as yyyy-mm-dd.'
    );
    expect(lines[6].Problem).toMatch(
      /Retention schedule "R-XYZ" is not in the "Retention schedules"/
    );
    expect(lines.slice(0, 5).every(l => l.Problem === '')).toBe(true);
    expect(lines.map(l => l.Title)).toContain('Historic record 5');
    // Select is a column of unticked checkboxes.
    expect(lines.map(l => l.Select)).toEqual(new Array(7).fill(false));
    const queue = registerSheet(ws, QUEUE);
    const checkbox = queue.validations.find(v => v.rule.criteria === 'CHECKBOX');
    expect(checkbox).toMatchObject({ column: 0, row: 1, numRows: 7, numColumns: 1 });

    // Opening the register again shows the figures.
    const again = openRegister(ws, DRO).card;
    expect(figure(again, 'Disposal')).toBe('Overdue 2 · within 3 months 0 · 3–12 months 0');
    expect(figure(again, 'Review')).toBe('Overdue 0 · within 3 months 1 · 3–12 months 0');
    expect(figure(again, 'Transfer')).toBe('Overdue 0 · within 3 months 0 · 3–12 months 1');
    expect(figure(again, 'On legal hold')).toBe('1 record');
    expect(figure(again, 'Destruction awaiting second approval')).toBe('1');
    expect(figure(again, 'Register rows needing fixing')).toBe('2');
    expect(textOf(again)).toMatch(/Updated 15 June 2025, \d\d:\d\d \(complete\)/);
    const link = JSON.stringify(again);
    const gid = queue.sheetId;
    expect(link).toContain(`#gid=${gid}`);
    // The register itself is untouched by a refresh.
    expect(registerRows(ws).map(r => r['Lifecycle state'])).toContain('Destruction proposed');
  });

  it('keeps ticks across a refresh, and drops lines that are no longer due', () => {
    const ws = department();
    const home = openRegister(ws, DRO);
    press(ws, home.event, home.card, 'onRefreshReviewQueue', DRO);
    const queue = registerSheet(ws, QUEUE);
    queue.rows[2]![0] = true; // REC-2016-000002, the review
    // Someone destroys the first record meanwhile.
    registerSheet(ws, 'Register').rows[1]![REGISTER_COLUMNS.findIndex(c => c.key === 'lifecycle')] =
      'Destroyed';
    const again = openRegister(ws, DRO);
    press(ws, again.event, again.card, 'onRefreshReviewQueue', DRO);
    const lines = queueLines(ws);
    expect(lines.map(l => [l['Record ID'], l.Select])).toEqual([
      ['REC-2016-000002', true],
      ['REC-2016-000003', false],
      ['REC-2016-000004', false],
      ['REC-2016-000005', false],
      ['REC-2016-000006', false],
      ['REC-2016-000007', false],
    ]);
  });

  it('names a register column deleted by hand, and keeps the queue as it was', () => {
    const ws = department();
    const home = openRegister(ws, DRO);
    press(ws, home.event, home.card, 'onRefreshReviewQueue', DRO);
    const before = readSheet(ws.state, registerId(ws), QUEUE);
    const register = registerSheet(ws, 'Register');
    const dateColumn = REGISTER_COLUMNS.findIndex(c => c.key === 'recordDate');
    register.rows[0]![dateColumn] = '';
    const failed = press(ws, home.event, home.card, 'onRefreshReviewQueue', DRO);
    expect(textOf(failed.json)).toMatch(
      /The register's "Register" tab is missing the column "Date of the record"\. Ask the records team to restore it\. Nothing was saved\./
    );
    expect(readSheet(ws.state, registerId(ws), QUEUE)).toEqual(before);
    // Once the header is back, the next press refreshes as usual.
    register.rows[0]![dateColumn] = 'Date of the record';
    const fixed = press(ws, home.event, home.card, 'onRefreshReviewQueue', DRO);
    expect(textOf(fixed.json)).toMatch(/Review queue refreshed: 7 lines/);
  });

  it('tells anyone else what the register is and whom to ask, and changes nothing', () => {
    const ws = department();
    const id = registerId(ws);
    const before = JSON.stringify(ws.state.spreadsheets[id]);
    const propertiesBefore = JSON.stringify(ws.state.properties.script);
    const opened = openRegister(ws, ALICE);
    expect(opened.error).toBeUndefined();
    const text = textOf(opened.card);
    expect(text).toMatch(/This spreadsheet is the department's records register/);
    expect(text).toMatch(/members listed in its "Records team" tab/);
    expect(text).toMatch(new RegExp(`ask ${DRO}`));
    expect(text).toMatch(/You can read it as usual/);
    expect(allActions(opened.card)).toEqual([]);
    expect(opened.log.join('\n')).toMatch(
      /Records team tools refused: alice@dfrr\.gov\.uk is not a member/
    );

    // Pressing the refresh anyway (a stale card, a crafted request) is refused.
    const forced = ws.run('onRefreshReviewQueue', actionEvent(opened.event, {}, {}), {
      user: ALICE,
    });
    expect(textOf(forced.json)).toMatch(/Only members of the records team/);
    expect(textOf(forced.json)).toMatch(/Nothing was changed/);
    expect(JSON.stringify(ws.state.spreadsheets[id])).toBe(before);
    expect(JSON.stringify(ws.state.properties.script)).toBe(propertiesBefore);
    expect(ws.state.triggers).toEqual([]);
  });

  it('still offers to declare any other spreadsheet', () => {
    const ws = department();
    const sheetId = createSpreadsheetInState(ws.state, {
      owner: ALICE,
      name: 'Budget 2025-26',
      sheets: [{ name: 'Sheet1', rows: [['Line', 'Amount']] }],
    });
    const event = editorEvent('SHEETS', { id: sheetId, title: 'Budget 2025-26' });
    const card = firstCard(ws.run('onSheetsHomepage', event, { user: ALICE }).json);
    expect(allActions(card).map(a => a.functionName)).toContain('onDeclare');
    expect(textOf(card)).not.toMatch(/Records team/);
  });

  it('installs and removes the daily refresh, which refreshes the queue on its own', () => {
    const ws = department();
    const home = openRegister(ws, DRO);
    const on = press(ws, home.event, home.card, 'onToggleDailyQueueRefresh', DRO, {
      dailyQueueRefresh: ['yes'],
    });
    expect(textOf(on.json)).toMatch(/refreshed every day/);
    expect(ws.state.triggers.map(t => [t.owner, t.handlerFunction, t.schedule])).toEqual([
      [DRO, 'onScheduledQueueRefresh', { everyDays: 1, atHour: 6 }],
    ]);
    const shown = firstCard(on.json);
    const toggle = findWidgets(shown, w => !!w.decoratedText?.switchControl)[0];
    expect(toggle.decoratedText!.switchControl!.selected).toBe(true);

    const run = ws.run('onScheduledQueueRefresh', {}, { user: DRO, budgetMs: 360_000 });
    expect(run.error).toBeUndefined();
    expect(queueLines(ws)).toHaveLength(7);
    expect(run.log.join('\n')).toMatch(/Review queue refreshed: 7 lines from 10 register rows/);
    // Another member's daily run the same morning finds it done.
    const later = ws.run('onScheduledQueueRefresh', {}, { user: DRO, budgetMs: 360_000 });
    expect(later.log.join('\n')).toMatch(/Review queue already refreshed at .*: nothing to do/);
    expect(later.counts.byKey['SpreadsheetApp.Range.setValues']).toBeUndefined();

    const off = press(ws, home.event, shown, 'onToggleDailyQueueRefresh', DRO, {
      dailyQueueRefresh: [],
    });
    expect(textOf(off.json)).toMatch(/Daily refresh turned off/);
    expect(ws.state.triggers).toEqual([]);
  });

  it('removes the daily refresh of someone who has left the records team', () => {
    const ws = department();
    registerSheet(ws, 'Records team').rows[2] = [BOB, 'Bob Okafor', 'Reviewer', 'Yes', DRO, ''];
    const home = openRegister(ws, BOB);
    expect(textOf(home.card)).toMatch(/Records team/);
    // Any member can refresh, not only the records administrators.
    const refreshed = press(ws, home.event, home.card, 'onRefreshReviewQueue', BOB);
    expect(textOf(refreshed.json)).toMatch(/Review queue refreshed: 7 lines/);
    expect(queueLines(ws)).toHaveLength(7);
    registerSheet(ws, QUEUE).rows.splice(1);
    press(ws, home.event, home.card, 'onToggleDailyQueueRefresh', BOB, {
      dailyQueueRefresh: ['yes'],
    });
    expect(ws.state.triggers.map(t => t.owner)).toEqual([BOB]);
    registerSheet(ws, 'Records team').rows[2]![3] = 'No';
    const run = ws.run('onScheduledQueueRefresh', {}, { user: BOB, budgetMs: 360_000 });
    expect(run.error).toBeUndefined();
    expect(run.log.join('\n')).toMatch(/no longer a member of the records team/);
    expect(ws.state.triggers).toEqual([]);
    expect(queueLines(ws)).toEqual([]);
  });
});

describe('the Review queue on a large register', () => {
  const BIG = 30_000;

  /** Dates from 2004 to 2024; every 97th row a date that is not one, every 101st an unknown
   * schedule code, every 53rd on legal hold. */
  function bigDepartment(): Workspace {
    const ws = newWorkspace();
    ws.state.now = NOW;
    setUpRegister(ws);
    fillRegister(ws, BIG, {
      fields: i => ({
        recordDate:
          i % 97 === 0 ? 'sometime' : { d: Date.UTC(2004 + (i % 21), i % 12, 1 + (i % 28)) },
        ...(i % 101 === 0 ? { retentionCode: 'R-NONE' } : {}),
        ...(i % 53 === 0 ? { legalHold: 'Yes' } : {}),
      }),
    });
    return ws;
  }

  let oneGoResult: { once: Workspace; oneGo: unknown[][] } | null = null;
  /** The big register refreshed by the daily run, in one go. */
  function refreshedInOneGo() {
    if (oneGoResult) return oneGoResult;
    const once = bigDepartment();
    const run = once.run('onScheduledQueueRefresh', {}, { user: DRO, budgetMs: 360_000 });
    expect(run.error).toBeUndefined();
    expect(run.counts.modelledMs).toBeLessThan(360_000);
    oneGoResult = { once, oneGo: readSheet(once.state, registerId(once), QUEUE) };
    return oneGoResult;
  }

  it('stops a card refresh before the time limit and finishes on the next press, as one run would', () => {
    const ws = bigDepartment();
    const home = openRegister(ws, DRO);
    const first = press(ws, home.event, home.card, 'onRefreshReviewQueue', DRO);
    expect(first.error).toBeUndefined();
    expect(first.counts.modelledMs).toBeLessThan(30_000);
    const partial = textOf(first.json);
    expect(partial).toMatch(/Time ran out: press Refresh again to continue/);
    expect(partial).toMatch(/partial: [\d,]+ of 30,000 rows/);
    const afterFirst = queueLines(ws).length;
    expect(afterFirst).toBeGreaterThan(0);

    // Each press goes on from where the last stopped, until the queue is complete.
    const presses = [first];
    while (!/\(complete\)/.test(textOf(presses[presses.length - 1].json)) && presses.length < 8) {
      const last = presses[presses.length - 1];
      presses.push(press(ws, home.event, firstCard(last.json), 'onRefreshReviewQueue', DRO));
    }
    const final = presses[presses.length - 1];
    expect(presses.length).toBeGreaterThan(1);
    expect(presses.every(p => p.error === undefined && p.counts.modelledMs < 30_000)).toBe(true);
    expect(textOf(final.json)).toMatch(/Review queue refreshed/);
    const resumed = readSheet(ws.state, registerId(ws), QUEUE);
    // The register was read in batches: one read per 5,000 rows over all the presses.
    const readsPerPress = presses.map(p =>
      Number(/in (\d+) reads/.exec(p.log.join('\n'))?.[1] ?? NaN)
    );
    expect(readsPerPress.reduce((a, b) => a + b, 0)).toBe(BIG / 5_000);
    // Every other read of a press is small and fixed: headers, settings, reference tabs, holds.
    presses.forEach((p, i) =>
      expect(p.counts.byKey['SpreadsheetApp.Range.getValues']).toBeLessThanOrEqual(
        readsPerPress[i] + 20
      )
    );

    // The same register refreshed by the daily run in one go.
    const { once, oneGo } = refreshedInOneGo();
    expect(resumed.length).toBeGreaterThan(1_000);
    expect(resumed).toEqual(oneGo);
    const home1 = openRegister(ws, DRO).card;
    const home2 = openRegister(once, DRO).card;
    for (const label of [
      'Review',
      'Disposal',
      'Transfer',
      'On legal hold',
      'Register rows needing fixing',
    ]) {
      expect(figure(home1, label)).toBe(figure(home2, label));
    }
    expect(Number(figure(home1, 'Register rows needing fixing'))).toBeGreaterThan(300);
  });

  it('lets only one refresh run at a time', () => {
    const ws = bigDepartment();
    const home = openRegister(ws, DRO);
    let during: string | undefined;
    const first = ws.run('onRefreshReviewQueue', actionEvent(home.event, {}, {}), {
      user: DRO,
      hooks: [
        {
          key: 'SpreadsheetApp.Range.setValues',
          once: true,
          run: () => {
            const other = ws.run('onRefreshReviewQueue', actionEvent(home.event, {}, {}), {
              user: DRO,
            });
            during = textOf(other.json);
          },
        },
      ],
    });
    expect(first.error).toBeUndefined();
    expect(during).toMatch(/A refresh is already running \(started .* by dro@dfrr\.gov\.uk\)/);
    // The refresh that was running carried on undisturbed.
    expect(textOf(first.json)).toMatch(/Refreshed [\d,]+ of 30,000 register rows/);
  });

  it('says so when Sheets fails half-way, keeps what was written, and goes on at the next press', () => {
    const ws = bigDepartment();
    const home = openRegister(ws, DRO);
    // The second block of queue lines is refused.
    ws.state.faults.push({
      key: 'SpreadsheetApp.Range.setValues',
      message: 'Service Spreadsheets timed out while accessing document',
      skip: 1,
      times: 1,
    });
    const failed = press(ws, home.event, home.card, 'onRefreshReviewQueue', DRO);
    expect(failed.error).toBeUndefined();
    expect(textOf(failed.json)).toMatch(
      /The Review queue could not be refreshed \(Service Spreadsheets timed out while accessing document\)\. The register is unchanged; the queue keeps what was written so far\. Please try again\./
    );
    expect(failed.log.join('\n')).toMatch(/Review queue refresh stopped/);
    const kept = queueLines(ws).length;
    expect(kept).toBeGreaterThan(0);
    let card = openRegister(ws, DRO).card;
    expect(textOf(card)).toMatch(/partial: 5,000 of 30,000 rows/);
    for (let i = 0; i < 8 && !/\(complete\)/.test(textOf(card)); i++) {
      card = firstCard(press(ws, home.event, card, 'onRefreshReviewQueue', DRO).json);
    }
    expect(readSheet(ws.state, registerId(ws), QUEUE)).toEqual(refreshedInOneGo().oneGo);
  });

  it('takes over a refresh that was stopped by the time limit, once ten minutes have passed', () => {
    const ws = bigDepartment();
    const home = openRegister(ws, DRO);
    // Apps Script ends an execution at its limit without letting it tidy up.
    const killed = ws.run('onRefreshReviewQueue', actionEvent(home.event, {}, {}), {
      user: DRO,
      budgetMs: 9_000,
    });
    expect(killed.error).toMatch(/Exceeded maximum execution time/);
    const soon = press(ws, home.event, home.card, 'onRefreshReviewQueue', DRO);
    expect(textOf(soon.json)).toMatch(/A refresh is already running/);
    ws.state.now += 10 * 60_000;
    let card = firstCard(press(ws, home.event, home.card, 'onRefreshReviewQueue', DRO).json);
    expect(textOf(card)).toMatch(/Refreshed [\d,]+ of 30,000 register rows/);
    for (let i = 0; i < 8 && !/\(complete\)/.test(textOf(card)); i++) {
      card = firstCard(press(ws, home.event, card, 'onRefreshReviewQueue', DRO).json);
    }
    expect(readSheet(ws.state, registerId(ws), QUEUE)).toEqual(refreshedInOneGo().oneGo);
  });
});

describe('the Review queue on a register made before it existed', () => {
  it('adds the new tabs and columns, then refreshes', () => {
    const ws = department();
    const spreadsheet = ws.state.spreadsheets[registerId(ws)];
    const later = ['Records team', 'Review queue', 'Legal holds', 'Disposals'];
    spreadsheet.sheets = spreadsheet.sheets.filter(s => !later.includes(s.name));
    spreadsheet.protections = spreadsheet.protections.filter(p => !later.includes(p.sheetName));
    const register = registerSheet(ws, 'Register');
    const firstLater = REGISTER_COLUMNS.findIndex(c => c.key === 'holdAuthority');
    register.rows = register.rows.map(r => (r ? r.slice(0, firstLater) : r));
    register.maxColumns = firstLater;
    register.validations = register.validations.filter(v => v.column < firstLater);
    const settings = registerSheet(ws, 'Settings');
    const version = settings.rows.findIndex(r => r?.[0] === 'Schema version');
    settings.rows[version]![1] = 1;

    const home = openRegister(ws, DRO);
    expect(home.error).toBeUndefined();
    expect(textOf(home.card)).toMatch(/has not been built yet/);
    const refresh = press(ws, home.event, home.card, 'onRefreshReviewQueue', DRO);
    expect(refresh.error).toBeUndefined();
    expect(textOf(refresh.json)).toMatch(/Review queue refreshed/);
    expect(spreadsheet.sheets.map(s => s.name)).toEqual(expect.arrayContaining(later));
    expect(readSheet(ws.state, registerId(ws), 'Register')[0]).toContain('Decision at');
    // Without the Legal holds tab before, the hold is gone; the rest is listed as usual.
    expect(brief(queueLines(ws)).map(l => [l[0], l[1]])).toEqual([
      ['REC-2016-000001', 'Disposal'],
      ['REC-2016-000002', 'Review'],
      // Its decision date was in a column the old register lacked: the schedule decides.
      ['REC-2016-000003', 'Review'],
      ['REC-2016-000003', 'Transfer'],
      ['REC-2016-000004', 'Destroy: second approval'],
      ['REC-2016-000005', 'Disposal'],
      ['REC-2016-000006', ''],
      ['REC-2016-000007', ''],
    ]);
  });
});
