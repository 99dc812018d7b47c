import { createContext, type FakeContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState, type WorkspaceState } from '../../fakes/core/state';
import { createSpreadsheetApp } from '../../fakes/spreadsheet';
import { createSpreadsheetInState, readSheet } from '../../fakes/spreadsheet/seed';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };
const eve = { email: 'eve@example.com', name: 'Eve' };

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
const NO_EDIT = 'You do not have permission to perform that action.';

function workspace(): WorkspaceState {
  return createWorkspaceState({ users: [alice, bob, eve] });
}

function session(state: WorkspaceState, user = alice.email) {
  const execution = new Execution(state, { user, budgetMs: 10_000_000 });
  const ctx: FakeContext = createContext(state, execution);
  return { execution, ctx, app: createSpreadsheetApp(ctx) };
}

/** Runs `fn` and returns the Apps Script exception it throws. */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an exception');
}

function expectException(fn: () => unknown, message: string): void {
  const error = thrown(fn);
  expect(error.message).toBe(message);
  expect(error.name).toBe('Exception');
}

/** A register owned by Alice, shared with Bob as editor (and Eve as viewer when asked). */
function register(
  state: WorkspaceState,
  rows: unknown[][] = [['Record ID', 'Title']],
  viewer?: string
) {
  const id = createSpreadsheetInState(state, {
    owner: alice.email,
    name: 'Register',
    sheets: [
      { name: 'Records', rows },
      { name: 'Codes', rows: [['A'], ['B']] },
    ],
  });
  state.drive[id].editors.push(bob.email);
  if (viewer) state.drive[id].viewers.push(viewer);
  return id;
}

describe('SpreadsheetApp: opening and creating', () => {
  it('opens a spreadsheet by id or URL and names its file', () => {
    const state = workspace();
    const id = register(state);
    const { app } = session(state);
    const ss = app.openById(id);
    expect(ss.getId()).toBe(id);
    expect(ss.getName()).toBe('Register');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
    expect(app.openByUrl(`https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`).getId()).toBe(
      id
    );
    expect(ss.getSheets().map(s => s.getName())).toEqual(['Records', 'Codes']);
  });

  it('refuses unknown ids, users without access and URLs of other kinds', () => {
    const state = workspace();
    const id = register(state);
    expectException(
      () => session(state).app.openById('nope'),
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.'
    );
    expectException(
      () => session(state, eve.email).app.openById(id),
      'You do not have permission to access the requested document.'
    );
    expect(thrown(() => session(state).app.openByUrl('https://example.com/x')).message).toBe(
      'Invalid argument: url'
    );
  });

  it('lets anyone in the domain open a file shared with the domain', () => {
    const state = workspace();
    const id = createSpreadsheetInState(state, { owner: alice.email, name: 'Plan' });
    state.drive[id].sharingAccess = 'DOMAIN_WITH_LINK';
    state.drive[id].sharingPermission = 'VIEW';
    expect(session(state, bob.email).app.openById(id).getName()).toBe('Plan');
    expect(() => session(state, eve.email).app.openById(id)).toThrow(
      'You do not have permission to access the requested document.'
    );
  });

  it('creates a spreadsheet with one 1000 x 26 Sheet1 in the creator’s My Drive', () => {
    const state = workspace();
    const { app } = session(state, bob.email);
    const ss = app.create('Scratch');
    const item = state.drive[ss.getId()];
    expect(item.mimeType).toBe('application/vnd.google-apps.spreadsheet');
    expect(item.owner).toBe(bob.email);
    expect(item.parents).toEqual([state.roots[bob.email]]);
    const sheet = ss.getSheets()[0];
    expect([sheet.getName(), sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([
      'Sheet1',
      1000,
      26,
    ]);
  });

  it('has no active spreadsheet in an add-on', () => {
    expect(session(workspace()).app.getActiveSpreadsheet()).toBeNull();
  });

  it('renames the Drive file with the spreadsheet', () => {
    const state = workspace();
    const id = register(state);
    session(state).app.openById(id).rename('Register 2017');
    expect(state.drive[id].name).toBe('Register 2017');
    expect(session(state).app.openById(id).getName()).toBe('Register 2017');
  });
});

describe('SpreadsheetApp: values', () => {
  function records(state = workspace()) {
    const id = register(state);
    const { app, execution } = session(state);
    return { state, id, execution, sheet: app.openById(id).getSheetByName('Records')! };
  }

  it('parses written strings as typed input: formulas, numbers, booleans, dates and text', () => {
    const { state, id, sheet } = records();
    const row = [
      '=SUM(1,2)',
      "'=SUM(1,2)",
      '-5',
      '+3',
      '-abc',
      '@team',
      '007',
      'TRUE',
      '2017-01-05',
      "'2017-01-05",
      '-',
      'plain',
    ];
    const range = sheet.getRange(2, 1, 1, row.length);
    range.setValues([row]);
    const values = range.getValues()[0];
    expect(values.slice(1, 8)).toEqual(['=SUM(1,2)', -5, 3, '#ERROR!', '#ERROR!', 7, true]);
    expect(values[0]).toBe('#ERROR!');
    expect(values[8]).toBeInstanceOf(Date);
    expect((values[8] as Date).getTime()).toBe(Date.UTC(2017, 0, 5));
    expect(values.slice(9)).toEqual(['2017-01-05', '-', 'plain']);
    expect(range.getFormulas()[0].slice(0, 6)).toEqual([
      '=SUM(1,2)',
      '',
      '',
      '',
      '=-abc',
      '=@team',
    ]);
    expect(readSheet(state, id, 'Records')[1][0]).toEqual({ f: '=SUM(1,2)' });
  });

  it('keeps strings as typed in a column formatted as plain text', () => {
    const { sheet } = records();
    sheet.getRange('C2:C1000').setNumberFormat('@');
    const cell = sheet.getRange('C5');
    cell.setValue('007');
    expect(cell.getValue()).toBe('007');
    cell.setValue('=1+1');
    expect(cell.getFormula()).toBe('');
    expect(cell.getNumberFormat()).toBe('@');
  });

  it('keeps numbers, booleans and dates, and returns empty cells as empty strings', () => {
    const { sheet } = records();
    const when = new Date(Date.UTC(2017, 5, 1, 12, 30));
    sheet.getRange('A3:D3').setValues([[12.5, false, when, null]]);
    const [number, flag, date, empty] = sheet.getRange('A3:D3').getValues()[0];
    expect([number, flag, empty]).toEqual([12.5, false, '']);
    expect((date as Date).getTime()).toBe(when.getTime());
    expect(sheet.getRange('A3:D3').getDisplayValues()[0]).toEqual([
      '12.5',
      'FALSE',
      '01/06/2017 13:30:00',
      '',
    ]);
  });

  it('reads HYPERLINK formulas as their label', () => {
    const { sheet } = records();
    sheet
      .getRange('C2')
      .setValue('=HYPERLINK("https://docs.google.com/document/d/x/edit","Budget")');
    expect(sheet.getRange('C2').getValue()).toBe('Budget');
  });

  it('shows numbers with the column’s number format', () => {
    const { sheet } = records();
    sheet.getRange('E1:E10').setNumberFormat('#,##0.00');
    sheet.getRange('E2').setValue(1234.5);
    expect(sheet.getRange('E2').getDisplayValue()).toBe('1,234.50');
    sheet.getRange('F1:F10').setNumberFormat('yyyy-mm-dd');
    sheet.getRange('F2').setValue(new Date(Date.UTC(2017, 0, 2, 9)));
    expect(sheet.getRange('F2').getDisplayValue()).toBe('2017-01-02');
  });

  it('sets one value into every cell of a range', () => {
    const { sheet } = records();
    sheet.getRange('A5:B6').setValue('x');
    expect(sheet.getRange('A5:B6').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });

  it('refuses a cell of more than 50,000 characters', () => {
    const { sheet } = records();
    sheet.getRange('B2').setValue('a'.repeat(50000));
    expectException(
      () => sheet.getRange('B3').setValue('a'.repeat(50001)),
      'Your input contains more than the maximum of 50000 characters in a single cell.'
    );
    expect(sheet.getRange('B3').getValue()).toBe('');
  });

  it('refuses data whose size does not match the range', () => {
    const { sheet } = records();
    const range = sheet.getRange(2, 1, 2, 3);
    expectException(
      () => range.setValues([[1, 2, 3]]),
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.'
    );
    expectException(
      () =>
        range.setValues([
          [1, 2, 3],
          [4, 5],
        ]),
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.'
    );
  });

  it('counts the cells read and written and the calls made', () => {
    const { sheet, execution } = records();
    sheet.getRange(2, 1, 3, 2).setValues([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    sheet.getRange(2, 1, 3, 2).getValues();
    sheet.getRange('A1').setFontWeight('bold').setBackground('#eeeeee');
    const counts = execution.finish();
    expect(counts.cellsWritten).toBe(6);
    expect(counts.cellsRead).toBe(6);
    expect(counts.byKey['SpreadsheetApp.Range.setValues']).toBe(1);
    expect(counts.byKey['SpreadsheetApp.Sheet.getRange']).toBe(3);
    expect(counts.byKey['SpreadsheetApp.Range.setBackground']).toBe(1);
    expect(counts.commits).toBe(1);
  });

  it('names a Range member the fake lacks', () => {
    const { sheet } = records();
    const range = sheet.getRange('A1') as unknown as Record<string, () => unknown>;
    expect(() => range.getBackground()).toThrow('not emulated: SpreadsheetApp.Range.getBackground');
  });
});

describe('SpreadsheetApp: ranges and sheet size', () => {
  function sheetOf(state = workspace()) {
    const id = register(state);
    return session(state).app.openById(id).getSheetByName('Records')!;
  }

  it('reads A1 notation and reports the range’s position', () => {
    const sheet = sheetOf();
    const range = sheet.getRange('B2:D5');
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([
      2, 2, 4, 3,
    ]);
    expect([range.getLastRow(), range.getA1Notation()]).toEqual([5, 'B2:D5']);
    expect(sheet.getRange('C:C').getNumRows()).toBe(1000);
    expect(sheet.getRange(3, 2).getA1Notation()).toBe('B3');
    expect(sheet.getRange(3, 2, 2).getA1Notation()).toBe('B3:B4');
    expect(sheet.getRange('Z10').getColumn()).toBe(26);
    expectException(() => sheet.getRange('not a range'), 'Range not found');
  });

  it('refuses ranges that start too early or reach outside the sheet', () => {
    const sheet = sheetOf();
    expectException(() => sheet.getRange(0, 1), 'The starting row of the range is too small.');
    expectException(() => sheet.getRange(1, 0), 'The starting column of the range is too small.');
    expectException(
      () => sheet.getRange(1, 1, 0, 1),
      'The number of rows in the range must be at least 1.'
    );
    expectException(
      () => sheet.getRange(1000, 1, 2, 1),
      'The coordinates of the range are outside the dimensions of the sheet.'
    );
    expectException(
      () => sheet.getRange('AA1'),
      'The coordinates of the range are outside the dimensions of the sheet.'
    );
  });

  it('finds the last row and column with content, also after content is cleared', () => {
    const state = workspace();
    const sheet = sheetOf(state);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([1, 2]);
    sheet.getRange('C7').setValue('late');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 3]);
    sheet.getRange('C7').clearContent();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([1, 2]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B1');
  });

  it('appends after the last row and grows a full sheet', () => {
    const state = workspace();
    const { app } = session(state);
    const sheet = app.create('Small', 2, 2).getSheets()[0];
    sheet.appendRow(['a', 1]);
    sheet.appendRow(['b', 2]);
    sheet.appendRow(['c', '=3', 'wide']);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([3, 3]);
    expect(sheet.getRange(1, 1, 3, 3).getValues()).toEqual([
      ['a', 1, ''],
      ['b', 2, ''],
      ['c', 3, 'wide'],
    ]);
  });

  it('inserts and deletes rows, keeping the frozen header', () => {
    const sheet = sheetOf();
    sheet.getRange('A2:A3').setValues([['r2'], ['r3']]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A4:A5').getValues()).toEqual([['r2'], ['r3']]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A2').getValue()).toBe('r2');
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    expectException(
      () => sheet.deleteRows(2, 999),
      'Sorry, it is not possible to delete all non-frozen rows.'
    );
    expectException(() => sheet.deleteRows(900, 200), 'Those rows are out of bounds.');
  });

  it('stops a spreadsheet from growing past 10,000,000 cells', () => {
    const state = workspace();
    const id = createSpreadsheetInState(state, { owner: alice.email, name: 'Full' });
    const full = state.spreadsheets[id].sheets[0];
    full.maxRows = 200_000;
    full.maxColumns = 50;
    const ss = session(state).app.openById(id);
    const sheet = ss.getSheets()[0];
    const limit =
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    expectException(() => sheet.insertRowsAfter(1, 1), limit);
    expectException(() => sheet.insertColumnsAfter(1, 1), limit);
    expectException(() => ss.insertSheet('More'), limit);
    sheet.getRange(200_000, 1).setValue('last');
    expectException(() => sheet.appendRow(['beyond']), limit);
    expect(sheet.getMaxRows()).toBe(200_000);
  });
});

describe('SpreadsheetApp: sheets', () => {
  it('inserts sheets by name and position and refuses a name already in use', () => {
    const state = workspace();
    const ss = session(state).app.openById(register(state));
    const audit = ss.insertSheet('Audit', 0);
    expect(ss.getSheets().map(s => s.getName())).toEqual(['Audit', 'Records', 'Codes']);
    expect([audit.getIndex(), audit.getMaxRows(), audit.getMaxColumns()]).toEqual([1, 1000, 26]);
    expect(ss.insertSheet().getName()).toBe('Sheet4');
    expectException(
      () => ss.insertSheet('audit'),
      'A sheet with the name "audit" already exists. Please enter another name.'
    );
    expectException(
      () => audit.setName('Codes'),
      'A sheet with the name "Codes" already exists. Please enter another name.'
    );
    expect(ss.getSheetByName('Missing')).toBeNull();
    expect(audit.getParent().getId()).toBe(ss.getId());
  });

  it('holds at most 200 sheets', () => {
    const state = workspace();
    const ss = session(state).app.openById(register(state));
    for (let i = 3; i <= 200; i++) ss.insertSheet(`S${i}`);
    expect(() => ss.insertSheet('One too many')).toThrow('above the limit of 200');
  });

  it('refuses to delete or hide the last sheet', () => {
    const state = workspace();
    const ss = session(state).app.openById(register(state));
    ss.deleteSheet(ss.getSheetByName('Codes')!);
    const records = ss.getSheetByName('Records')!;
    expectException(
      () => ss.deleteSheet(records),
      "You can't remove all the sheets in a document."
    );
    expectException(() => records.hideSheet(), "You can't hide all the sheets in a document.");
    expect(records.isSheetHidden()).toBe(false);
  });
});

describe('SpreadsheetApp: access and protection', () => {
  it('lets a viewer read but not write', () => {
    const state = workspace();
    const id = register(state, [['Record ID']], eve.email);
    const sheet = session(state, eve.email).app.openById(id).getSheetByName('Records')!;
    expect(sheet.getRange('A1').getValue()).toBe('Record ID');
    expectException(() => sheet.getRange('A2').setValue('x'), NO_EDIT);
    expectException(() => sheet.appendRow(['x']), NO_EDIT);
  });

  it('blocks writes to a protected range by users who are not its editors', () => {
    const state = workspace();
    const id = register(state);
    const owner = session(state).app.openById(id).getSheetByName('Records')!;
    const protection = owner.getRange('A1:B1').protect().setDescription('Header');
    protection.removeEditors(protection.getEditors());
    expect(protection.getEditors().map(u => u.getEmail())).toEqual([alice.email]);

    const bobSheet = session(state, bob.email).app.openById(id).getSheetByName('Records')!;
    expectException(() => bobSheet.getRange('A1').setValue('x'), PROTECTED);
    expectException(() => bobSheet.getRange('A1:A2').clearContent(), PROTECTED);
    expectException(() => bobSheet.deleteRows(1, 1), PROTECTED);
    bobSheet.getRange('A2').setValue('below the header');
    bobSheet.insertRowsAfter(1, 1);
    const bobProtection = bobSheet.getProtections(session(state).app.ProtectionType.RANGE)[0];
    expect([bobProtection.canEdit(), bobProtection.getDescription()]).toEqual([false, 'Header']);
    expect(protection.canEdit()).toBe(true);

    owner.getRange('A1').setValue('Record ID');
    protection.setWarningOnly(true);
    bobSheet.getRange('A1').setValue('warned, not blocked');
    expect(owner.getRange('A1').getValue()).toBe('warned, not blocked');
  });

  it('starts a protection with the file’s editors and follows rows inserted above it', () => {
    const state = workspace();
    const id = register(state);
    const { app } = session(state);
    const sheet = app.openById(id).getSheetByName('Records')!;
    const protection = sheet.getRange('A5:B6').protect();
    expect(protection.getEditors().map(u => u.getEmail())).toEqual([alice.email, bob.email]);
    sheet.insertRowsAfter(2, 3);
    expect(protection.getRange().getA1Notation()).toBe('A8:B9');
    protection.addEditor('eve@example.com').removeEditors([alice.email, bob.email]);
    expect(protection.getEditors().map(u => u.getEmail())).toEqual([alice.email, eve.email]);
    protection.remove();
    expect(app.openById(id).getProtections(app.ProtectionType.RANGE)).toEqual([]);
  });

  it('protects a whole sheet, with domain editing as a switch', () => {
    const state = workspace();
    const id = register(state);
    const { app } = session(state);
    const sheet = app.openById(id).getSheetByName('Records')!;
    const protection = sheet.protect();
    protection.removeEditors(protection.getEditors());
    expect(sheet.protect().getProtectionType()).toBe(app.ProtectionType.SHEET);
    const bobSheet = session(state, bob.email).app.openById(id).getSheetByName('Records')!;
    expectException(() => bobSheet.appendRow(['R-1']), PROTECTED);
    expectException(() => bobSheet.setName('Mine'), PROTECTED);
    protection.setDomainEdit(true);
    expect(protection.canDomainEdit()).toBe(true);
    bobSheet.appendRow(['R-1']);
    expect(readSheet(state, id, 'Records')[1]).toEqual(['R-1', '']);
  });
});

describe('SpreadsheetApp: data validation', () => {
  it('rejects a script write outside a rejecting list, inside the rule’s area only', () => {
    const state = workspace();
    const { app } = session(state);
    const sheet = app.openById(register(state)).getSheetByName('Records')!;
    const rule = app
      .newDataValidation()
      .requireValueInList(['Yes', 'No'], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('B2:B10').setDataValidation(rule);
    sheet.getRange('B4').setValue("'Yes");
    expectException(
      () => sheet.getRange('B2:B6').setValues([['Yes'], ['No'], [''], ['Maybe'], ['No']]),
      'The data you entered in cell B5 violates the data validation rules set on this cell.'
    );
    expect(sheet.getRange('B2').getValue()).toBe('');
    sheet.getRange('B11').setValue('Maybe');
    sheet.getRange('C5').setValue('Maybe');
    const read = sheet.getRange('B3').getDataValidation()!;
    expect(read.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(read.getCriteriaValues()).toEqual([['Yes', 'No'], true]);
    expect([read.getAllowInvalid(), read.getHelpText()]).toEqual([false, null]);
    sheet.getRange('B5').clearDataValidations();
    sheet.getRange('B5').setValue('Maybe');
    expect(sheet.getRange('B5').getDataValidation()).toBeNull();
    expect(sheet.getRange('B6').getDataValidation()).not.toBeNull();
  });

  it('accepts invalid values when the rule only warns', () => {
    const state = workspace();
    const { app } = session(state);
    const sheet = app.openById(register(state)).getSheetByName('Records')!;
    sheet
      .getRange('B2:B10')
      .setDataValidation(app.newDataValidation().requireValueInList(['Yes']).build());
    sheet.getRange('B2').setValue('No');
    expect(sheet.getRange('B2').getValue()).toBe('No');
  });

  it('reads the allowed values of a range rule when the value is written', () => {
    const state = workspace();
    const { app } = session(state);
    const ss = app.openById(register(state));
    const codes = ss.getSheetByName('Codes')!;
    const sheet = ss.getSheetByName('Records')!;
    const rule = app
      .newDataValidation()
      .requireValueInRange(codes.getRange('A1:A10'))
      .setAllowInvalid(false)
      .build();
    sheet.getRange('C2:C100').setDataValidation(rule);
    expect(() => sheet.getRange('C2').setValue('C')).toThrow('violates the data validation rules');
    codes.appendRow(['C']);
    sheet.getRange('C2').setValue('C');
    expect(
      (rule.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()
    ).toBe('A1:A10');
  });

  it('requires dates where a date rule rejects other input', () => {
    const state = workspace();
    const { app } = session(state);
    const sheet = app.openById(register(state)).getSheetByName('Records')!;
    sheet
      .getRange('D2:D9')
      .setDataValidation(app.newDataValidation().requireDate().setAllowInvalid(false).build());
    sheet.getRange('D2').setValue(new Date(Date.UTC(2017, 0, 2)));
    sheet.getRange('D3').setValue('2017-01-03');
    expect(() => sheet.getRange('D4').setValue('soon')).toThrow('cell D4 violates');
  });
  it('moves rules with inserted and deleted rows; rows inserted below a rule take it', () => {
    const state = workspace();
    const { app } = session(state);
    const sheet = app.openById(register(state)).getSheetByName('Records')!;
    const rule = app.newDataValidation().requireValueInList(['Yes']).setAllowInvalid(false).build();
    sheet.getRange('B2:B5').setDataValidation(rule);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('B3').getDataValidation()).toBeNull();
    expect(sheet.getRange('B4').getDataValidation()).not.toBeNull();
    sheet.insertRowsAfter(7, 1);
    expect(() => sheet.getRange('B8').setValue('No')).toThrow('cell B8 violates');
    sheet.deleteRows(4, 5);
    expect(sheet.getRange('B4').getDataValidation()).toBeNull();
  });
});

describe('SpreadsheetApp: TextFinder', () => {
  function idColumn() {
    const state = workspace();
    const rows = [
      ['Record ID', 'Title'],
      ['REC-1', 'a'],
      ['rec-10', 'b'],
      ['REC-2', 'c'],
    ];
    const { app, execution } = session(state);
    const sheet = app.openById(register(state, rows)).getSheetByName('Records')!;
    return { sheet, execution, column: sheet.getRange(2, 1, sheet.getLastRow() - 1, 1) };
  }

  it('finds cells in its range by substring, ignoring case unless asked', () => {
    const { column } = idColumn();
    const finder = column.createTextFinder('rec-1');
    expect(finder.findNext()!.getA1Notation()).toBe('A2');
    expect(finder.findNext()!.getA1Notation()).toBe('A3');
    expect(finder.findNext()).toBeNull();
    expect(
      column
        .createTextFinder('rec-1')
        .matchCase(true)
        .findAll()
        .map(r => r.getRow())
    ).toEqual([3]);
    expect(
      column
        .createTextFinder('REC-1')
        .matchEntireCell(true)
        .findAll()
        .map(r => r.getRow())
    ).toEqual([2]);
    expect(
      column.createTextFinder('^REC-\\d$').useRegularExpression(true).matchCase(true).findAll()
    ).toHaveLength(2);
  });

  it('reports the cells it searched on the server, not as cells read', () => {
    const { column, execution } = idColumn();
    column.createTextFinder('REC-2').matchEntireCell(true).findNext();
    const counts = execution.finish();
    expect(counts.cellsSearched).toBe(3);
    expect(counts.cellsRead).toBe(0);
    expect(counts.byKey['SpreadsheetApp.TextFinder.findNext']).toBe(1);
  });
});

describe('SpreadsheetApp: a 100,000-row register', () => {
  it('answers getLastRow, a one-column TextFinder and a one-row write in well under a second', () => {
    const state = workspace();
    const rows: unknown[][] = [Array.from({ length: 50 }, (_, c) => `Column ${c + 1}`)];
    for (let r = 1; r < 100_000; r++) {
      const row: unknown[] = new Array(50);
      row[0] = `REC-2017-${String(r).padStart(6, '0')}`;
      for (let c = 1; c < 50; c++) row[c] = c % 5 === 0 ? r * c : `value ${c}`;
      rows.push(row);
    }
    const id = register(state, rows);
    const started = Date.now();
    const { app, execution } = session(state);
    const sheet = app.openById(id).getSheetByName('Records')!;
    const last = sheet.getLastRow();
    const hit = sheet
      .getRange(2, 1, last - 1, 1)
      .createTextFinder('REC-2017-099999')
      .matchEntireCell(true)
      .findNext();
    // The seeded sheet is full: the next record needs a new row first.
    sheet.insertRowsAfter(sheet.getMaxRows(), 1);
    sheet
      .getRange(last + 1, 1, 1, 50)
      .setValues([Array.from({ length: 50 }, (_, c) => `new ${c}`)]);
    const elapsed = Date.now() - started;
    expect(last).toBe(100_000);
    expect(hit!.getRow()).toBe(100_000);
    expect(sheet.getLastRow()).toBe(100_001);
    expect(execution.finish().cellsSearched).toBe(99_999);
    expect(elapsed).toBeLessThan(500);
  });
});
