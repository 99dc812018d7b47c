import { createContext, type FakeContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState, type WorkspaceState } from '../../fakes/core/state';
import { createSpreadsheetApp } from '../../fakes/spreadsheet';
import { createSpreadsheetInState, readSheet } from '../../fakes/spreadsheet/seed';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const VIOLATES = (a1: string) =>
  `The data you entered in cell ${a1} violates the data validation rules set on this cell.`;

function queueSheet() {
  const state: WorkspaceState = createWorkspaceState({ users: [alice] });
  const id = createSpreadsheetInState(state, {
    owner: alice.email,
    name: 'Register',
    sheets: [{ name: 'Review queue', rows: [['Select', 'Record ID']] }],
  });
  const execution = new Execution(state, { user: alice.email, budgetMs: 10_000_000 });
  const ctx: FakeContext = createContext(state, execution);
  const app = createSpreadsheetApp(ctx);
  return { state, id, execution, app, sheet: app.openById(id).getSheetByName('Review queue')! };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an exception');
}

describe('SpreadsheetApp: checkbox data validation (requireCheckbox)', () => {
  it('without values: cells hold booleans, written and read back as booleans', () => {
    const { app, sheet, state, id, execution } = queueSheet();
    const rule = app.newDataValidation().requireCheckbox().setAllowInvalid(false).build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    expect(rule.getCriteriaValues()).toEqual([]);
    sheet.getRange('A2:A4').setDataValidation(rule);
    sheet.getRange('A2:B4').setValues([
      [false, 'REC-2017-000001'],
      [true, 'REC-2017-000002'],
      ['', 'REC-2017-000003'],
    ]);
    expect(sheet.getRange('A2:A4').getValues()).toEqual([[false], [true], ['']]);
    expect(readSheet(state, id, 'Review queue')[2][0]).toBe(true);
    // Text typed as TRUE is parsed to a boolean as Sheets does, so it passes.
    sheet.getRange('A4').setValue('TRUE');
    expect(sheet.getRange('A4').getValue()).toBe(true);
    const error = thrown(() => sheet.getRange('A3').setValue('Yes'));
    expect([error.name, error.message]).toEqual(['Exception', VIOLATES('A3')]);
    expect(thrown(() => sheet.getRange('A2').setValue(1)).message).toBe(VIOLATES('A2'));
    expect(sheet.getRange('A3').getValue()).toBe(true);
    expect(sheet.getRange('A3').getDataValidation()!.getCriteriaType()).toBe(
      app.DataValidationCriteria.CHECKBOX
    );
    expect(execution.snapshot().byKey['SpreadsheetApp.DataValidationBuilder.requireCheckbox']).toBe(
      1
    );
  });

  it('with a ticked value: that value or blank', () => {
    const { app, sheet } = queueSheet();
    const rule = app.newDataValidation().requireCheckbox('Yes').setAllowInvalid(false).build();
    expect(rule.getCriteriaValues()).toEqual(['Yes']);
    sheet.getRange('A2:A9').setDataValidation(rule);
    sheet.getRange('A2:A3').setValues([['Yes'], ['']]);
    expect(thrown(() => sheet.getRange('A4').setValue('No')).message).toBe(VIOLATES('A4'));
    expect(thrown(() => sheet.getRange('A4').setValue(true)).message).toBe(VIOLATES('A4'));
  });

  it('with ticked and unticked values: either one', () => {
    const { app, sheet } = queueSheet();
    const rule = app
      .newDataValidation()
      .requireCheckbox('Yes', 'No')
      .setAllowInvalid(false)
      .build();
    expect(rule.getCriteriaValues()).toEqual(['Yes', 'No']);
    sheet.getRange('A2:A9').setDataValidation(rule);
    sheet.getRange('A2:A3').setValues([['Yes'], ['No']]);
    expect(thrown(() => sheet.getRange('A4').setValue('Maybe')).message).toBe(VIOLATES('A4'));
    // A copy keeps the values.
    expect(rule.copy().build().getCriteriaValues()).toEqual(['Yes', 'No']);
  });

  it('only warns when invalid input is allowed (the default)', () => {
    const { app, sheet } = queueSheet();
    sheet.getRange('A2:A3').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.getRange('A2').setValue('later');
    expect(sheet.getRange('A2').getValue()).toBe('later');
  });
});
