// TextFinder: searches the text cells display, row by row, inside one range. The search runs on
// the server: each find reports the cells it covers as searched, none as read.
import type { FakeContext } from '../core/context';
import type { CellState } from '../core/state';
import { sheetById, spreadsheetOf } from './access';
import { cellDisplay, isFormula } from './cells';
import { SHEETS_MESSAGES, sheetsError } from './messages';
import { createRange, rangeRef, type RangeRef } from './range';

type TextFinder = GoogleAppsScript.Spreadsheet.TextFinder;

type TextFinderApi = Pick<
  TextFinder,
  | 'matchEntireCell'
  | 'matchCase'
  | 'useRegularExpression'
  | 'matchFormulaText'
  | 'startFrom'
  | 'findNext'
  | 'findAll'
  | 'getCurrentMatch'
>;

export class FakeTextFinder implements TextFinderApi {
  private self!: TextFinder;
  private entireCell = false;
  private caseSensitive = false;
  private regularExpression = false;
  private formulaText = false;
  /** 0-based offsets in the range of the current match; the search resumes after it. */
  private current: { row: number; column: number } | null = null;

  private constructor(
    private ctx: FakeContext,
    private ref: RangeRef,
    private findText: string
  ) {}

  static create(ctx: FakeContext, ref: RangeRef, findText: string): TextFinder {
    if (findText === undefined || findText === null || String(findText) === '') {
      throw sheetsError(SHEETS_MESSAGES.emptyFindText);
    }
    const raw = new FakeTextFinder(ctx, { ...ref }, String(findText));
    raw.self = ctx.wrap(raw, 'SpreadsheetApp.TextFinder') as unknown as TextFinder;
    return raw.self;
  }

  matchEntireCell(matchEntireCell: boolean): TextFinder {
    this.entireCell = !!matchEntireCell;
    return this.self;
  }
  matchCase(matchCase: boolean): TextFinder {
    this.caseSensitive = !!matchCase;
    return this.self;
  }
  useRegularExpression(useRegEx: boolean): TextFinder {
    this.regularExpression = !!useRegEx;
    return this.self;
  }
  matchFormulaText(matchFormulaText: boolean): TextFinder {
    this.formulaText = !!matchFormulaText;
    return this.self;
  }
  startFrom(startRange: GoogleAppsScript.Spreadsheet.Range): TextFinder {
    const start = rangeRef(startRange);
    const row = start.row - this.ref.row;
    const column = start.column - this.ref.column;
    this.current = row >= 0 && column >= 0 ? { row, column } : null;
    return this.self;
  }

  private matcher(): (text: string) => boolean {
    const flags = this.caseSensitive ? '' : 'i';
    if (this.regularExpression) {
      const pattern = new RegExp(this.entireCell ? `^(?:${this.findText})$` : this.findText, flags);
      return text => pattern.test(text);
    }
    // Plain text: compare strings directly rather than run a pattern on every cell.
    const needle = this.caseSensitive ? this.findText : this.findText.toLowerCase();
    const fold = (text: string) => (this.caseSensitive ? text : text.toLowerCase());
    if (this.entireCell) return text => text.length === needle.length && fold(text) === needle;
    return text => text.length >= needle.length && fold(text).includes(needle);
  }

  /** Calls `visit` with each matching cell's offsets from `from` on, until it returns false. */
  private scan(from: number, visit: (row: number, column: number) => boolean): void {
    const sheet = sheetById(spreadsheetOf(this.ctx, this.ref.spreadsheetId), this.ref.sheetId);
    const matches = this.matcher();
    const { row, column, numRows, numColumns } = this.ref;
    this.ctx.execution.cellsSearched(numRows * numColumns);
    const lastStored = Math.min(numRows, sheet.rows.length - (row - 1));
    for (let index = from; index < lastStored * numColumns; index++) {
      const r = Math.floor(index / numColumns);
      const c = index % numColumns;
      const cells = sheet.rows[row - 1 + r];
      if (!cells) {
        index = (r + 1) * numColumns - 1;
        continue;
      }
      const cell: CellState | undefined = cells[column - 1 + c];
      if (cell === undefined || cell === null || cell === '') continue;
      const text =
        this.formulaText && isFormula(cell)
          ? cell.f
          : cellDisplay(cell, sheet.columnFormats[column - 1 + c]);
      if (matches(text) && !visit(r, c)) return;
    }
  }

  private cell(row: number, column: number): GoogleAppsScript.Spreadsheet.Range {
    return createRange(this.ctx, {
      spreadsheetId: this.ref.spreadsheetId,
      sheetId: this.ref.sheetId,
      row: this.ref.row + row,
      column: this.ref.column + column,
      numRows: 1,
      numColumns: 1,
    });
  }

  findNext(): GoogleAppsScript.Spreadsheet.Range | null {
    const from = this.current
      ? this.current.row * this.ref.numColumns + this.current.column + 1
      : 0;
    const found: { row: number; column: number }[] = [];
    this.scan(from, (row, column) => {
      found.push({ row, column });
      return false;
    });
    if (found.length === 0) return null;
    this.current = found[0];
    return this.cell(found[0].row, found[0].column);
  }

  findAll(): GoogleAppsScript.Spreadsheet.Range[] {
    const out: GoogleAppsScript.Spreadsheet.Range[] = [];
    this.scan(0, (row, column) => {
      out.push(this.cell(row, column));
      return true;
    });
    return out;
  }

  getCurrentMatch(): GoogleAppsScript.Spreadsheet.Range | null {
    return this.current ? this.cell(this.current.row, this.current.column) : null;
  }
}
