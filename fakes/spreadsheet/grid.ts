// A sheet's cells in state: rows are sparse (a missing row or cell is empty) so that registers of
// 100,000 rows cost memory only for what they hold, and every operation here touches only the rows
// it names. Coordinates are 0-based.
import type { CellState, SheetState, SpreadsheetState } from '../core/state';
import { isEmptyCell, type StoredCell } from './cells';

export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
export const MAX_CELLS = 10_000_000;
export const MAX_SHEETS = 200;

export function newSheetState(
  sheetId: number,
  name: string,
  maxRows = NEW_SHEET_ROWS,
  maxColumns = NEW_SHEET_COLUMNS
): SheetState {
  return {
    sheetId,
    name,
    rows: [],
    maxRows,
    maxColumns,
    frozenRows: 0,
    frozenColumns: 0,
    hidden: false,
    columnFormats: {},
    validations: [],
  };
}

export function getCell(sheet: SheetState, row: number, column: number): StoredCell {
  const cells = sheet.rows[row];
  return cells ? cells[column] : undefined;
}

export function setCell(sheet: SheetState, row: number, column: number, cell: CellState): void {
  let cells = sheet.rows[row];
  if (!cells) {
    if (isEmptyCell(cell)) return;
    while (sheet.rows.length < row) sheet.rows.push(null);
    cells = [];
    sheet.rows[row] = cells;
  }
  if (isEmptyCell(cell)) {
    if (column < cells.length) cells[column] = '';
    return;
  }
  while (cells.length < column) cells.push('');
  cells[column] = cell;
}

function rowIsEmpty(cells: StoredCell[] | null | undefined): boolean {
  if (!cells) return true;
  for (let i = 0; i < cells.length; i++) if (!isEmptyCell(cells[i])) return false;
  return true;
}

/** Drops empty rows at the end, so the last stored row is the last one with content. */
export function trimTrailingRows(sheet: SheetState): void {
  const rows = sheet.rows;
  while (rows.length > 0 && rowIsEmpty(rows[rows.length - 1])) rows.pop();
}

/** 1-based position of the last row with content, 0 when the sheet is empty. */
export function lastRow(sheet: SheetState): number {
  for (let r = sheet.rows.length - 1; r >= 0; r--) if (!rowIsEmpty(sheet.rows[r])) return r + 1;
  return 0;
}

/** 1-based position of the last column with content, 0 when the sheet is empty. */
export function lastColumn(sheet: SheetState): number {
  let last = 0;
  for (const cells of sheet.rows) {
    if (!cells || cells.length <= last) continue;
    for (let c = cells.length - 1; c >= last; c--) {
      if (!isEmptyCell(cells[c])) {
        last = c + 1;
        break;
      }
    }
  }
  return last;
}

export function cellCount(spreadsheet: SpreadsheetState): number {
  let total = 0;
  for (const sheet of spreadsheet.sheets) total += sheet.maxRows * sheet.maxColumns;
  return total;
}

/** Inserts `count` empty rows before 0-based row `at`. */
export function insertRows(sheet: SheetState, at: number, count: number): void {
  if (at < sheet.rows.length) {
    // concat, not splice(...spread): a spread of 100,000 rows would overflow the call stack.
    const blanks = new Array<CellState[] | null>(count).fill(null);
    sheet.rows = sheet.rows.slice(0, at).concat(blanks, sheet.rows.slice(at));
  }
  sheet.maxRows += count;
}

export function deleteRows(sheet: SheetState, at: number, count: number): void {
  if (at < sheet.rows.length) sheet.rows.splice(at, count);
  sheet.maxRows -= count;
  trimTrailingRows(sheet);
}

/** Inserts `count` empty columns before 0-based column `at`. */
export function insertColumns(sheet: SheetState, at: number, count: number): void {
  for (const cells of sheet.rows) {
    if (cells && at < cells.length) {
      const tail = cells.splice(at);
      for (let i = 0; i < count; i++) cells.push('');
      for (const cell of tail) cells.push(cell);
    }
  }
  sheet.maxColumns += count;
  const formats: Record<number, string> = {};
  for (const key of Object.keys(sheet.columnFormats)) {
    const column = Number(key);
    formats[column >= at ? column + count : column] = sheet.columnFormats[column];
  }
  sheet.columnFormats = formats;
}
