import { findInput, textOf } from '../../fakes/card-service/query';
import { actionEvent } from '../../fakes/events';
import type { Workspace } from '../../fakes/harness/workspace';
import {
  ALICE,
  BOB,
  declareDoc,
  department,
  DRO,
  newDocument,
  registerId,
  registerRows,
  TYPICAL,
} from '../support/department';
import {
  addToTeam,
  auditRows,
  editRegisterCell,
  openReview,
  buttonAction,
  openReviewHome,
  pressButton,
  rowOf,
  TEAM_HOST,
  tickInQueue,
} from '../support/records-team';

const iso = (value: unknown) => (value as Date).toISOString().slice(0, 10);

/** A department with Alice in the records team and `n` documents the DRO has declared. */
function team(n: number, options: { sensitive?: boolean } = {}): { ws: Workspace; ids: string[] } {
  const ws = department();
  addToTeam(ws, ALICE);
  for (let i = 0; i < n; i++) {
    const doc = newDocument(
      ws,
      DRO,
      options.sensitive ? `Personnel case ${i + 1}` : `Board paper ${i + 1}`,
      ['Text'],
      options.sensitive ? { header: ['OFFICIAL-SENSITIVE - PERSONAL DATA'] } : {}
    );
    const result = declareDoc(
      ws,
      DRO,
      doc,
      options.sensitive ? { series: ['HRM-PER-01'], businessUnit: ['PCP'] } : TYPICAL
    );
    if (!/Declared as/.test(textOf(result.json))) throw new Error(textOf(result.json));
  }
  return { ws, ids: registerRows(ws).map(r => String(r['Record ID'])) };
}

describe('review decisions from the sidebar', () => {
  it('retains a record for N more years with a reason: new disposal date, decision columns and an audit row', () => {
    const { ws, ids } = team(1);
    const before = rowOf(ws, ids[0])['Disposal due'] as Date;
    const { card } = openReview(ws, ALICE, ids[0]);
    expect(textOf(card)).toContain(`Review ${ids[0]}`);
    const { text } = pressButton(ws, card, 'Retain', ALICE, {
      retainYears: '5',
      retainReason: 'Public inquiry may call for it',
    });
    const row = rowOf(ws, ids[0]);
    const expected = new Date(before);
    expected.setUTCFullYear(expected.getUTCFullYear() + 5);
    expect(iso(row['Disposal due'])).toBe(iso(expected));
    expect(text).toContain(`${ids[0]} retained until ${iso(expected)}`);
    expect(row).toMatchObject({
      'Selection decision': 'Retain',
      'Lifecycle state': 'Declared',
      'Decision by': ALICE,
      'Decision reason': 'Retain 5 years more: Public inquiry may call for it',
    });
    expect(row['Decision at']).toBeInstanceOf(Date);
    const audit = auditRows(ws, 'Retained');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ Actor: ALICE, 'Record ID': ids[0] });
    expect(String(audit[0].Details)).toContain(
      `Disposal due ${iso(expected)} (was ${iso(before)})`
    );
  });

  it('says so and changes nothing when the same retain decision is pressed twice', () => {
    const { ws, ids } = team(1);
    const { card } = openReview(ws, ALICE, ids[0]);
    const form = { retainYears: '2', retainReason: 'Still in use' };
    pressButton(ws, card, 'Retain', ALICE, form);
    const due = rowOf(ws, ids[0])['Disposal due'];
    const again = pressButton(ws, card, 'Retain', ALICE, form);
    expect(again.text).toMatch(/already retained today with this reason; nothing changed/);
    expect(rowOf(ws, ids[0])['Disposal due']).toEqual(due);
    expect(auditRows(ws, 'Retained')).toHaveLength(1);
  });

  it('counts from today, and says so, when the disposal date was edited by hand into text', () => {
    const { ws, ids } = team(1);
    editRegisterCell(ws, ids[0], 'Disposal due', 'end of next year');
    const { card } = openReview(ws, ALICE, ids[0]);
    expect(textOf(card)).toContain('due "end of next year" (not a date)');
    const { text } = pressButton(ws, card, 'Retain', ALICE, {
      retainYears: '1',
      retainReason: 'Date corrected',
    });
    expect(text).toMatch(/"end of next year"\) is not a date, so the 1 year counts from today/);
    const today = new Date(ws.state.now);
    expect(iso(rowOf(ws, ids[0])['Disposal due'])).toBe(
      `${today.getUTCFullYear() + 1}-${iso(today).slice(5)}`
    );
  });

  it('refuses bad retain input with what to fix, keeping what was typed', () => {
    const { ws, ids } = team(1);
    const { card } = openReview(ws, ALICE, ids[0]);
    const { text, card: again } = pressButton(ws, card, 'Retain', ALICE, {
      retainYears: 'ten',
      retainReason: 'Keep for the inquiry',
    });
    expect(text).toMatch(/Years to retain must be a whole number from 1 to 99 \("ten" is not\)/);
    expect(text).toContain('Nothing was changed.');
    expect(findInput(again, 'retainReason')).toMatchObject({ value: 'Keep for the inquiry' });
    expect(rowOf(ws, ids[0])['Selection decision']).toBe('');
    expect(auditRows(ws, 'Retained')).toHaveLength(0);
  });

  it('selects a record for transfer to The National Archives', () => {
    const { ws, ids } = team(1);
    const { card } = openReview(ws, ALICE, ids[0]);
    const { text } = pressButton(ws, card, 'Select for transfer', ALICE, {
      transferReason: 'Board papers: selected under the OSP',
    });
    expect(text).toContain(`${ids[0]} selected for transfer to The National Archives.`);
    expect(rowOf(ws, ids[0])).toMatchObject({
      'Selection decision': 'Transfer to TNA',
      'Lifecycle state': 'Selected for transfer',
      'Decision reason': 'Board papers: selected under the OSP',
    });
    expect(auditRows(ws, 'Selected for transfer')).toHaveLength(1);
  });
});

describe('sensitivity review', () => {
  it('pre-fills 40(2) from PERSONAL DATA, refuses an unknown code by name, then saves the closure', () => {
    const { ws, ids } = team(1, { sensitive: true });
    const { card } = openReview(ws, ALICE, ids[0]);
    const opened = pressButton(ws, card, 'Sensitivity review', ALICE);
    expect(opened.text).toMatch(/Descriptors recorded at declaration: PERSONAL DATA/);
    expect(opened.text).toMatch(/Suggested exemption: 40\(2\)\. These are suggestions only/);
    expect(findInput(opened.card, 'foiExemptionCodes')).toMatchObject({ value: '40(2)' });
    expect(findInput(opened.card, 'closurePeriod')).toMatchObject({ value: '84' });
    const status = findInput(opened.card, 'closureStatus');
    expect(status?.kind === 'selectionInput' && status.items.find(i => i.selected)?.value).toBe(
      'Closed'
    );

    const refused = pressButton(ws, opened.card, 'Save sensitivity review', ALICE, {
      foiExemptionCodes: '40(2); 99(1)',
    });
    expect(refused.text).toMatch(/This is not an FOI exemption code TDR accepts: "99\(1\)"/);
    expect(refused.text).toMatch(/Nothing was saved/);
    expect(findInput(refused.card, 'foiExemptionCodes')).toMatchObject({ value: '40(2); 99(1)' });
    expect(rowOf(ws, ids[0])['Closure status']).toBe('');

    const saved = pressButton(ws, refused.card, 'Save sensitivity review', ALICE, {
      foiExemptionCodes: 's40(2); 43(2)',
      titleClosed: ['yes'],
      alternateTitle: 'Personnel case file',
    });
    expect(saved.text).toMatch(
      /sensitivity reviewed: Closed 84 years from \d{4}-\d{2}-\d{2} under 40\(2\); 43\(2\); title closed/
    );
    const row = rowOf(ws, ids[0]);
    expect(row).toMatchObject({
      'Lifecycle state': 'Sensitivity reviewed',
      'Closure status': 'Closed',
      'Closure period': '84',
      'FOI exemption codes': '40(2); 43(2)',
      'Title closed': 'Yes',
      'Alternate title': 'Personnel case file',
      'Description closed': 'No',
      'Decision by': ALICE,
    });
    expect(iso(row['Closure start date'])).toBe(iso(row['Date of the record']));
    expect(auditRows(ws, 'Sensitivity reviewed')).toHaveLength(1);
  });
});

describe('sensitivity review of a register edited by hand', () => {
  it('shows the codes recorded earlier and names one typed into the register that TDR does not accept', () => {
    const { ws, ids } = team(1, { sensitive: true });
    editRegisterCell(ws, ids[0], 'Closure status', 'Closed');
    editRegisterCell(ws, ids[0], 'Closure period', '84');
    editRegisterCell(ws, ids[0], 'FOI exemption codes', '40(2); 40(9)');
    const { card } = openReview(ws, ALICE, ids[0]);
    const opened = pressButton(ws, card, 'Sensitivity review', ALICE);
    expect(findInput(opened.card, 'foiExemptionCodes')).toMatchObject({ value: '40(2); 40(9)' });
    const refused = pressButton(ws, opened.card, 'Save sensitivity review', ALICE);
    expect(refused.text).toMatch(/This is not an FOI exemption code TDR accepts: "40\(9\)"/);
    expect(rowOf(ws, ids[0])['Lifecycle state']).toBe('Declared');
    expect(auditRows(ws, 'Sensitivity reviewed')).toHaveLength(0);
  });
});

describe('who may decide, and on what', () => {
  it('tells someone outside the records team that the tools are for the records team only', () => {
    const { ws, ids } = team(1);
    const result = ws.run('onOpenReview', { ...TEAM_HOST }, { user: BOB });
    const text = textOf(result.json);
    expect(text).toContain('Records team only');
    expect(text).toMatch(/Only members of the records team can use/);
    expect(result.log.join('\n')).toMatch(/not a member of the records team/);
    // Pressing a decision button from an old card is refused the same way.
    const { card } = openReview(ws, ALICE, ids[0]);
    const target = buttonAction(card, 'Retain');
    const pressed = ws.run(
      target.functionName,
      actionEvent(TEAM_HOST, target.parameters, { retainYears: '3', retainReason: 'x' }),
      { user: BOB }
    );
    expect(textOf(pressed.json)).toContain('Records team only');
    expect(rowOf(ws, ids[0])['Selection decision']).toBe('');
  });

  it('names malformed record IDs and IDs not in the register', () => {
    const { ws, ids } = team(1);
    const home = openReviewHome(ws, ALICE);
    const malformed = pressButton(ws, home.card, 'Decide on these records', ALICE, {
      reviewRecordIds: `${ids[0]}, REC-24-17 banana`,
    });
    expect(malformed.text).toMatch(
      /These are not record IDs: "REC-24-17", "banana"\. Record IDs look like REC-2024-000123\. Nothing was changed\./
    );
    const unknown = pressButton(ws, home.card, 'Decide on these records', ALICE, {
      reviewRecordIds: `${ids[0]} REC-2001-999999`,
    });
    expect(unknown.text).toMatch(/Not in the register: REC-2001-999999/);
    expect(unknown.text).toContain(`Review ${ids[0]}`);
    const none = pressButton(ws, home.card, 'Decide on these records', ALICE, {
      reviewRecordIds: 'REC-2001-999999',
    });
    expect(none.text).toMatch(/This record is not in the register: REC-2001-999999/);
  });

  it('reports a record deleted from the register by hand between opening and deciding', () => {
    const { ws, ids } = team(2);
    const { card } = openReview(ws, ALICE, ids.join(' '));
    const register = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === 'Register')!;
    register.rows.splice(2, 1); // the second record's row
    const { text } = pressButton(ws, card, 'Select for transfer', ALICE, {
      transferReason: 'Selected',
    });
    expect(text).toContain(`${ids[1]} is not in the register`);
    expect(text).toContain(`${ids[0]} selected for transfer`);
    expect(rowOf(ws, ids[0])['Selection decision']).toBe('Transfer to TNA');
  });
});

describe('deciding on the ticked rows of the Review queue', () => {
  function decideOnTicked(n: number) {
    const { ws, ids } = team(n + 1);
    tickInQueue(ws, ids.slice(0, n), ids.slice(n));
    const home = openReviewHome(ws, ALICE);
    const opened = pressButton(ws, home.card, 'Decide on ticked rows', ALICE);
    const decided = pressButton(ws, opened.card, 'Retain', ALICE, {
      retainYears: '3',
      retainReason: 'Programme extended',
    });
    return { ws, ids, opened: opened.result, decided: decided.result };
  }

  it('decides on every ticked row in one action, and only on those', () => {
    const { ws, ids, opened, decided } = decideOnTicked(3);
    expect(textOf(opened.json)).toContain('Chosen records (3)');
    expect(textOf(decided.json)).toContain('3 done');
    for (const id of ids.slice(0, 3)) expect(rowOf(ws, id)['Selection decision']).toBe('Retain');
    expect(rowOf(ws, ids[3])['Selection decision']).toBe('');
    expect(auditRows(ws, 'Retained').map(r => r['Record ID'])).toEqual(ids.slice(0, 3));
  });

  it('reads the register with one search and one row read per record, however many are ticked', () => {
    const two = decideOnTicked(2);
    const six = decideOnTicked(6);
    for (const run of ['opened', 'decided'] as const) {
      const small = two[run].counts.byKey;
      const large = six[run].counts.byKey;
      expect(large['SpreadsheetApp.Range.createTextFinder']).toBe(
        small['SpreadsheetApp.Range.createTextFinder']
      );
      expect(large['SpreadsheetApp.TextFinder.findAll']).toBe(1);
      // Four more records: four more row reads, nothing else.
      expect(
        large['SpreadsheetApp.Range.getValues'] - small['SpreadsheetApp.Range.getValues']
      ).toBe(4);
    }
    // Writing: one write per changed row plus the audit rows, in one commit.
    expect(
      six.decided.counts.byKey['SpreadsheetApp.Range.setValues'] -
        two.decided.counts.byKey['SpreadsheetApp.Range.setValues']
    ).toBe(4);
  });
});
