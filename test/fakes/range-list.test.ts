import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState, type WorkspaceState } from '../../fakes/core/state';
import { createSpreadsheetApp } from '../../fakes/spreadsheet';
import { createSpreadsheetInState, readSheet } from '../../fakes/spreadsheet/seed';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function workspace(): { state: WorkspaceState; id: string } {
  const state = createWorkspaceState({ users: [alice, bob] });
  const id = createSpreadsheetInState(state, {
    owner: alice.email,
    name: 'Register',
    sheets: [
      {
        name: 'Records',
        rows: [
          ['Record ID', 'State'],
          ['REC-1', 'Declared'],
          ['REC-2', 'Declared'],
          ['REC-3', 'Declared'],
          ['REC-4', 'Declared'],
        ],
      },
    ],
  });
  state.drive[id].editors.push(bob.email);
  return { state, id };
}

function session(state: WorkspaceState, user: string) {
  const execution = new Execution(state, { user, budgetMs: 10_000_000 });
  return { execution, app: createSpreadsheetApp(createContext(state, execution)) };
}

describe('Sheet.getRangeList and RangeList.setValue', () => {
  it('writes one value into scattered cells with one counted write, committed once', () => {
    const { state, id } = workspace();
    const { app, execution } = session(state, alice.email);
    const sheet = app.openById(id).getSheetByName('Records')!;
    const list = sheet.getRangeList(['B2', 'B4', 'B5']);
    expect(list.getRanges().map(r => r.getA1Notation())).toEqual(['B2', 'B4', 'B5']);
    list.setValue("'Transferred");
    const counts = execution.finish();
    expect(readSheet(state, id, 'Records').map(r => r[1])).toEqual([
      'State',
      'Transferred',
      'Declared',
      'Transferred',
      'Transferred',
    ]);
    expect(counts.byKey['SpreadsheetApp.RangeList.setValue']).toBe(1);
    expect(counts.cellsWritten).toBe(3);
    expect(counts.commits).toBe(1);
  });

  it('converts the value as Range.setValue does (the apostrophe keeps text as text)', () => {
    const { state, id } = workspace();
    const { app } = session(state, alice.email);
    const sheet = app.openById(id).getSheetByName('Records')!;
    sheet.getRangeList(['A2', 'A3']).setValue("'=not a formula");
    sheet.getRangeList(['B2:B3']).setValue(42);
    const rows = readSheet(state, id, 'Records');
    expect(rows[1]).toEqual(['=not a formula', 42]);
    expect(rows[2]).toEqual(['=not a formula', 42]);
  });

  it('writes nothing when one of the ranges is protected against the user', () => {
    const { state, id } = workspace();
    const owner = session(state, alice.email).app.openById(id).getSheetByName('Records')!;
    const protection = owner.getRange('B5').protect();
    protection.removeEditors(protection.getEditors());
    const sheet = session(state, bob.email).app.openById(id).getSheetByName('Records')!;
    expect(() => sheet.getRangeList(['B2', 'B5']).setValue('Transferred')).toThrow(PROTECTED);
    expect(readSheet(state, id, 'Records').map(r => r[1])).toEqual([
      'State',
      'Declared',
      'Declared',
      'Declared',
      'Declared',
    ]);
  });

  it('refuses A1 notation it cannot read, or ranges outside the sheet', () => {
    const { state, id } = workspace();
    const sheet = session(state, alice.email).app.openById(id).getSheetByName('Records')!;
    expect(() => sheet.getRangeList(['B2', 'not a range'])).toThrow('Range not found');
    expect(() => sheet.getRangeList(['B2000'])).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.'
    );
  });
});
