// Range: a rectangle of one sheet, held as ids and coordinates; every call reads or writes state.
import type { FakeContext } from '../core/context';
import type { CellState, SheetState, SpreadsheetState } from '../core/state';
import { requireEditable, requireWrite, sheetById, spreadsheetOf } from './access';
import {
  cellDisplay,
  cellFormula,
  cellValue,
  isEmptyCell,
  rangeA1,
  toStoredCell,
  type GridArea,
} from './cells';
import { getCell, setCell, trimTrailingRows } from './grid';
import { SHEETS_MESSAGES, sheetsError } from './messages';
import { createProtection, newProtection } from './protection';
import { createSheet } from './sheet';
import { FakeTextFinder } from './text-finder';
import { checkValidation, FakeDataValidation, setValidation, validationAt } from './validation';

export interface RangeRef {
  spreadsheetId: string;
  sheetId: number;
  /** 1-based first row and column, with sizes. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

type Range = GoogleAppsScript.Spreadsheet.Range;

type RangeApi = Pick<
  Range,
  | 'getValues'
  | 'getValue'
  | 'setValues'
  | 'setValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getA1Notation'
  | 'getSheet'
  | 'setNumberFormat'
  | 'getNumberFormat'
  | 'setDataValidation'
  | 'getDataValidation'
  | 'clearDataValidations'
  | 'protect'
  | 'createTextFinder'
  | 'clearContent'
  | 'setFontWeight'
  | 'setBackground'
  | 'setWrap'
  | 'setHorizontalAlignment'
>;

/** Apps Script's name for an argument's type in a signature-mismatch error. */
function typeName(value: unknown): string {
  if (Array.isArray(value)) return `${value.length > 0 ? typeName(value[0]) : 'Object'}[]`;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}

export class FakeRange implements RangeApi {
  private self!: Range;

  private constructor(
    private ctx: FakeContext,
    private ref: RangeRef
  ) {}

  static create(ctx: FakeContext, ref: RangeRef): Range {
    const raw = new FakeRange(ctx, { ...ref });
    raw.self = ctx.wrap(raw, 'SpreadsheetApp.Range') as unknown as Range;
    return raw.self;
  }

  private spreadsheet(): SpreadsheetState {
    return spreadsheetOf(this.ctx, this.ref.spreadsheetId);
  }
  private sheet(): SheetState {
    return sheetById(this.spreadsheet(), this.ref.sheetId);
  }
  private area(): GridArea {
    const { row, column, numRows, numColumns } = this.ref;
    return { row, column, numRows, numColumns };
  }

  /** Reads every cell of the range row by row through `read`, and counts the cells returned. */
  private read<T>(
    read: (cell: CellState | null | undefined, format: string | undefined) => T
  ): T[][] {
    const sheet = this.sheet();
    const { row, column, numRows, numColumns } = this.ref;
    const out: T[][] = [];
    for (let r = row - 1; r < row - 1 + numRows; r++) {
      const cells = sheet.rows[r];
      const line: T[] = new Array<T>(numColumns);
      for (let c = 0; c < numColumns; c++) {
        line[c] = read(
          cells ? cells[column - 1 + c] : undefined,
          sheet.columnFormats[column - 1 + c]
        );
      }
      out.push(line);
    }
    this.ctx.execution.cellsRead(numRows * numColumns);
    return out;
  }

  private readFirst<T>(
    read: (cell: CellState | null | undefined, format: string | undefined) => T
  ): T {
    const sheet = this.sheet();
    this.ctx.execution.cellsRead(1);
    return read(
      getCell(sheet, this.ref.row - 1, this.ref.column - 1),
      sheet.columnFormats[this.ref.column - 1]
    );
  }

  /** Writes converted values into the range after the access, protection and validation checks. */
  private write(values: unknown[][]): void {
    const sheet = this.sheet();
    requireEditable(this.ctx, this.ref.spreadsheetId, sheet, this.area());
    const { row, column } = this.ref;
    const cells: CellState[][] = values.map(line =>
      line.map((value, j) => toStoredCell(value, sheet.columnFormats[column - 1 + j] === '@'))
    );
    checkValidation(this.ctx, sheet, row, column, cells);
    for (let i = 0; i < cells.length; i++) {
      for (let j = 0; j < cells[i].length; j++)
        setCell(sheet, row - 1 + i, column - 1 + j, cells[i][j]);
    }
    if (row - 1 + cells.length >= sheet.rows.length) trimTrailingRows(sheet);
    this.ctx.execution.cellsWritten(this.ref.numRows * this.ref.numColumns);
  }

  getValues(): unknown[][] {
    return this.read(cellValue);
  }
  getValue(): unknown {
    return this.readFirst(cellValue);
  }
  getDisplayValues(): string[][] {
    return this.read(cellDisplay);
  }
  getDisplayValue(): string {
    return this.readFirst(cellDisplay);
  }
  getFormulas(): string[][] {
    return this.read(cellFormula);
  }
  getFormula(): string {
    return this.readFirst(cellFormula);
  }

  setValues(values: unknown[][]): Range {
    const { numRows, numColumns } = this.ref;
    if (!Array.isArray(values)) {
      throw sheetsError(SHEETS_MESSAGES.badParameters(typeName(values), 'Range.setValues'));
    }
    if (values.length !== numRows)
      throw sheetsError(SHEETS_MESSAGES.rowsMismatch(values.length, numRows));
    for (const line of values) {
      if (!Array.isArray(line)) {
        throw sheetsError(SHEETS_MESSAGES.badParameters(typeName(values), 'Range.setValues'));
      }
      if (line.length !== numColumns) {
        throw sheetsError(SHEETS_MESSAGES.columnsMismatch(line.length, numColumns));
      }
    }
    this.write(values);
    return this.self;
  }

  /** Sets every cell of the range to the value. */
  setValue(value: unknown): Range {
    const { numRows, numColumns } = this.ref;
    const values: unknown[][] = [];
    for (let i = 0; i < numRows; i++) values.push(new Array<unknown>(numColumns).fill(value));
    this.write(values);
    return this.self;
  }

  clearContent(): Range {
    const sheet = this.sheet();
    requireEditable(this.ctx, this.ref.spreadsheetId, sheet, this.area());
    const { row, column, numRows, numColumns } = this.ref;
    let cleared = 0;
    const lastStored = Math.min(row - 1 + numRows, sheet.rows.length);
    for (let r = row - 1; r < lastStored; r++) {
      const cells = sheet.rows[r];
      if (!cells) continue;
      for (let c = column - 1; c < Math.min(column - 1 + numColumns, cells.length); c++) {
        if (!isEmptyCell(cells[c])) {
          cells[c] = '';
          cleared++;
        }
      }
    }
    trimTrailingRows(sheet);
    this.ctx.execution.cellsWritten(cleared);
    return this.self;
  }

  getRow(): number {
    return this.ref.row;
  }
  getColumn(): number {
    return this.ref.column;
  }
  getLastRow(): number {
    return this.ref.row + this.ref.numRows - 1;
  }
  getLastColumn(): number {
    return this.ref.column + this.ref.numColumns - 1;
  }
  getNumRows(): number {
    return this.ref.numRows;
  }
  getNumColumns(): number {
    return this.ref.numColumns;
  }
  getA1Notation(): string {
    const { row, column, numRows, numColumns } = this.ref;
    return rangeA1(row, column, numRows, numColumns);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.sheet();
    return createSheet(this.ctx, this.ref.spreadsheetId, this.ref.sheetId);
  }

  /**
   * Number formats are kept per column: formatting part of a column formats all of it, which
   * is how registers use them (a whole column as plain text or as dates).
   */
  setNumberFormat(numberFormat: string): Range {
    const sheet = this.sheet();
    requireEditable(this.ctx, this.ref.spreadsheetId, sheet, this.area());
    for (let c = this.ref.column - 1; c < this.ref.column - 1 + this.ref.numColumns; c++) {
      sheet.columnFormats[c] = String(numberFormat);
    }
    return this.self;
  }
  getNumberFormat(): string {
    return this.sheet().columnFormats[this.ref.column - 1] ?? 'General';
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): Range {
    const sheet = this.sheet();
    requireEditable(this.ctx, this.ref.spreadsheetId, sheet, this.area());
    const state = rule ? (rule as unknown as FakeDataValidation).__rule() : null;
    setValidation(sheet, this.area(), state);
    return this.self;
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    const rule = validationAt(this.sheet(), this.ref.row, this.ref.column);
    return rule ? FakeDataValidation.create(this.ctx, JSON.parse(JSON.stringify(rule))) : null;
  }
  clearDataValidations(): Range {
    return this.setDataValidation(null);
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const sheet = this.sheet();
    requireWrite(this.ctx, this.ref.spreadsheetId);
    const protection = newProtection(
      this.ctx,
      this.ref.spreadsheetId,
      sheet.name,
      this.getA1Notation()
    );
    return createProtection(this.ctx, this.ref.spreadsheetId, protection.id);
  }

  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    this.sheet();
    return FakeTextFinder.create(this.ctx, this.ref, findText);
  }

  private style(): Range {
    requireEditable(this.ctx, this.ref.spreadsheetId, this.sheet(), this.area());
    return this.self;
  }
  setFontWeight(_fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): Range {
    return this.style();
  }
  setBackground(_color: string | null): Range {
    return this.style();
  }
  setWrap(_isWrapEnabled: boolean): Range {
    return this.style();
  }
  setHorizontalAlignment(_alignment: 'left' | 'center' | 'normal' | 'right' | null): Range {
    return this.style();
  }

  /** Coordinates for other fakes (not an Apps Script method; never counted). */
  __ref(): RangeRef {
    return { ...this.ref };
  }
}

export function createRange(ctx: FakeContext, ref: RangeRef): Range {
  return FakeRange.create(ctx, ref);
}

/** The coordinates behind a Range handed back by product code. */
export function rangeRef(range: Range): RangeRef {
  return (range as unknown as FakeRange).__ref();
}
