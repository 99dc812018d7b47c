// Data validation: the builder, the built rule, where rules apply on a sheet, and the check a
// script write must pass when a rule rejects invalid input (setAllowInvalid(false)).
import type { FakeContext } from '../core/context';
import type {
  CellState,
  DataValidationRuleState,
  SheetState,
  ValidationState,
} from '../core/state';
import { sheetById, spreadsheetOf } from './access';
import { cellA1, cellDisplay, isDateCell, isEmptyCell, isFormula, type GridArea } from './cells';
import { getCell } from './grid';
import { SHEETS_MESSAGES, sheetsError } from './messages';
import { createRange, rangeRef, type RangeRef } from './range';

export const DATA_VALIDATION_CRITERIA = {
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CHECKBOX: 'CHECKBOX',
} as const;

type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

/** How a VALUE_IN_RANGE rule remembers its source range in plain JSON. */
interface SourceRange extends RangeRef {
  source: 'range';
}

function criteriaValues(ctx: FakeContext, rule: DataValidationRuleState): unknown[] {
  if (rule.criteria === DATA_VALIDATION_CRITERIA.VALUE_IN_LIST) {
    return [(rule.args[0] as string[]).slice(), rule.args[1]];
  }
  if (rule.criteria === DATA_VALIDATION_CRITERIA.VALUE_IN_RANGE) {
    const ref = rule.args[0] as SourceRange;
    return [createRange(ctx, ref), rule.args[1]];
  }
  return rule.args.slice();
}

/** A checkbox's ticked or unticked value as state keeps it (plain JSON). */
function checkboxValue(value: unknown): string | number | boolean {
  return typeof value === 'number' || typeof value === 'boolean' ? value : String(value ?? '');
}

/** The text a checkbox value shows, as a cell holding it would (TRUE, FALSE, 1, Yes). */
function checkboxText(value: unknown): string {
  return typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
}

function copyRule(rule: DataValidationRuleState): DataValidationRuleState {
  return JSON.parse(JSON.stringify(rule)) as DataValidationRuleState;
}

type BuilderApi = Pick<
  GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'requireDate'
  | 'requireCheckbox'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
>;

export class FakeDataValidationBuilder implements BuilderApi {
  private self!: GoogleAppsScript.Spreadsheet.DataValidationBuilder;

  private constructor(
    private ctx: FakeContext,
    private rule: DataValidationRuleState
  ) {}

  static create(
    ctx: FakeContext,
    rule: DataValidationRuleState = { criteria: '', args: [], allowInvalid: true, helpText: '' }
  ): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    const raw = new FakeDataValidationBuilder(ctx, rule);
    raw.self = ctx.wrap(
      raw,
      'SpreadsheetApp.DataValidationBuilder'
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
    return raw.self;
  }

  requireValueInList(
    values: string[],
    showDropdown = true
  ): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rule.criteria = DATA_VALIDATION_CRITERIA.VALUE_IN_LIST;
    this.rule.args = [values.map(v => String(v)), showDropdown];
    return this.self;
  }
  requireValueInRange(
    range: GoogleAppsScript.Spreadsheet.Range,
    showDropdown = true
  ): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    const source: SourceRange = { source: 'range', ...rangeRef(range) };
    this.rule.criteria = DATA_VALIDATION_CRITERIA.VALUE_IN_RANGE;
    this.rule.args = [source, showDropdown];
    return this.self;
  }
  requireDate(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rule.criteria = DATA_VALIDATION_CRITERIA.DATE_IS_VALID_DATE;
    this.rule.args = [];
    return this.self;
  }
  /**
   * No argument: the cell must hold a boolean, shown as a checkbox. One value: that value (ticked)
   * or blank. Two values: the ticked or the unticked value.
   */
  requireCheckbox(...values: unknown[]): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rule.criteria = DATA_VALIDATION_CRITERIA.CHECKBOX;
    this.rule.args = values.slice(0, 2).map(checkboxValue);
    return this.self;
  }
  setAllowInvalid(allowInvalidData: boolean): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rule.allowInvalid = !!allowInvalidData;
    return this.self;
  }
  setHelpText(helpText: string): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rule.helpText = String(helpText);
    return this.self;
  }
  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    if (!this.rule.criteria) throw sheetsError(SHEETS_MESSAGES.validationWithoutCriteria);
    return FakeDataValidation.create(this.ctx, copyRule(this.rule));
  }
  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return FakeDataValidationBuilder.create(this.ctx, copyRule(this.rule));
  }
  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }
  getCriteriaType(): Criteria {
    return this.rule.criteria as unknown as Criteria;
  }
  getCriteriaValues(): unknown[] {
    return criteriaValues(this.ctx, this.rule);
  }
  getHelpText(): string | null {
    return this.rule.helpText === '' ? null : this.rule.helpText;
  }
}

type RuleApi = Pick<
  GoogleAppsScript.Spreadsheet.DataValidation,
  'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText' | 'copy'
>;

export class FakeDataValidation implements RuleApi {
  private constructor(
    private ctx: FakeContext,
    private rule: DataValidationRuleState
  ) {}

  static create(
    ctx: FakeContext,
    rule: DataValidationRuleState
  ): GoogleAppsScript.Spreadsheet.DataValidation {
    return ctx.wrap(
      new FakeDataValidation(ctx, rule),
      'SpreadsheetApp.DataValidation'
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
  }

  getCriteriaType(): Criteria {
    return this.rule.criteria as unknown as Criteria;
  }
  getCriteriaValues(): unknown[] {
    return criteriaValues(this.ctx, this.rule);
  }
  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }
  /** Null when no help text is set, as the builder documents. */
  getHelpText(): string {
    return (this.rule.helpText === '' ? null : this.rule.helpText) as string;
  }
  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return FakeDataValidationBuilder.create(this.ctx, copyRule(this.rule));
  }

  /** The rule as stored in state (not an Apps Script method; never counted). */
  __rule(): DataValidationRuleState {
    return copyRule(this.rule);
  }
}

// ---- Where rules apply ----

function toZeroBased(area: GridArea): {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
} {
  return {
    row: area.row - 1,
    column: area.column - 1,
    numRows: area.numRows,
    numColumns: area.numColumns,
  };
}

/** What is left of `v` once `cut` is taken out: up to four rectangles. */
function subtract(
  v: ValidationState,
  cut: { row: number; column: number; numRows: number; numColumns: number }
): ValidationState[] {
  const vEndRow = v.row + v.numRows;
  const vEndCol = v.column + v.numColumns;
  const cEndRow = cut.row + cut.numRows;
  const cEndCol = cut.column + cut.numColumns;
  if (cut.row >= vEndRow || cEndRow <= v.row || cut.column >= vEndCol || cEndCol <= v.column)
    return [v];
  const out: ValidationState[] = [];
  const piece = (row: number, column: number, endRow: number, endCol: number) => {
    if (endRow > row && endCol > column) {
      out.push({ row, column, numRows: endRow - row, numColumns: endCol - column, rule: v.rule });
    }
  };
  piece(v.row, v.column, cut.row, vEndCol); // above
  piece(cEndRow, v.column, vEndRow, vEndCol); // below
  const midRow = Math.max(v.row, cut.row);
  const midEnd = Math.min(vEndRow, cEndRow);
  piece(midRow, v.column, midEnd, cut.column); // left
  piece(midRow, cEndCol, midEnd, vEndCol); // right
  return out;
}

/** Sets (or with null, clears) the rule of every cell in the area. */
export function setValidation(
  sheet: SheetState,
  area: GridArea,
  rule: DataValidationRuleState | null
): void {
  const cut = toZeroBased(area);
  const kept: ValidationState[] = [];
  for (const v of sheet.validations) kept.push(...subtract(v, cut));
  if (rule) kept.push({ ...cut, rule: copyRule(rule) });
  sheet.validations = kept;
}

/** The rule of one cell (1-based), or null. */
export function validationAt(
  sheet: SheetState,
  row: number,
  column: number
): DataValidationRuleState | null {
  for (let i = sheet.validations.length - 1; i >= 0; i--) {
    const v = sheet.validations[i];
    const r = row - 1;
    const c = column - 1;
    if (r >= v.row && r < v.row + v.numRows && c >= v.column && c < v.column + v.numColumns)
      return v.rule;
  }
  return null;
}

function allowedValues(ctx: FakeContext, rule: DataValidationRuleState): Set<string> {
  if (rule.criteria === DATA_VALIDATION_CRITERIA.VALUE_IN_LIST)
    return new Set(rule.args[0] as string[]);
  // The source range is read when the value is written, as Sheets does.
  const ref = rule.args[0] as SourceRange;
  const spreadsheet = spreadsheetOf(ctx, ref.spreadsheetId);
  const source = sheetById(spreadsheet, ref.sheetId);
  const values = new Set<string>();
  for (let r = ref.row - 1; r < ref.row - 1 + ref.numRows; r++) {
    for (let c = ref.column - 1; c < ref.column - 1 + ref.numColumns; c++) {
      const cell = getCell(source, r, c);
      if (!isEmptyCell(cell)) values.add(cellDisplay(cell, source.columnFormats[c]));
    }
  }
  return values;
}

function passes(
  ctx: FakeContext,
  rule: DataValidationRuleState,
  cell: CellState,
  format: string | undefined,
  cache: Map<DataValidationRuleState, Set<string>>
): boolean {
  if (isEmptyCell(cell) || isFormula(cell)) return true;
  switch (rule.criteria) {
    case DATA_VALIDATION_CRITERIA.VALUE_IN_LIST:
    case DATA_VALIDATION_CRITERIA.VALUE_IN_RANGE: {
      let allowed = cache.get(rule);
      if (!allowed) {
        allowed = allowedValues(ctx, rule);
        cache.set(rule, allowed);
      }
      return allowed.has(cellDisplay(cell, format));
    }
    case DATA_VALIDATION_CRITERIA.DATE_IS_VALID_DATE:
      return isDateCell(cell);
    case DATA_VALIDATION_CRITERIA.CHECKBOX: {
      // requireCheckbox(): a boolean; with values: one of them, exactly.
      if (rule.args.length === 0) return typeof cell === 'boolean';
      const shown = cellDisplay(cell, undefined);
      return rule.args.some(v => checkboxText(v) === shown);
    }
    default:
      return true;
  }
}

/**
 * Throws Apps Script's validation error for the first cell (row by row) whose new content a
 * rejecting rule refuses. `cells[i][j]` goes to 1-based (row + i, column + j).
 */
export function checkValidation(
  ctx: FakeContext,
  sheet: SheetState,
  row: number,
  column: number,
  cells: CellState[][]
): void {
  if (sheet.validations.length === 0) return;
  const area = {
    row: row - 1,
    column: column - 1,
    numRows: cells.length,
    numColumns: cells[0]?.length ?? 0,
  };
  const rejecting = sheet.validations.filter(
    v =>
      !v.rule.allowInvalid &&
      v.row < area.row + area.numRows &&
      area.row < v.row + v.numRows &&
      v.column < area.column + area.numColumns &&
      area.column < v.column + v.numColumns
  );
  if (rejecting.length === 0) return;
  const cache = new Map<DataValidationRuleState, Set<string>>();
  for (let i = 0; i < cells.length; i++) {
    for (let j = 0; j < cells[i].length; j++) {
      const rule = validationAt(sheet, row + i, column + j);
      if (!rule || rule.allowInvalid) continue;
      const format = sheet.columnFormats[column - 1 + j];
      if (!passes(ctx, rule, cells[i][j], format, cache)) {
        throw sheetsError(SHEETS_MESSAGES.validationViolated(cellA1(row + i, column + j)));
      }
    }
  }
}
