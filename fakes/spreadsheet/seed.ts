// Host-side helpers for tests, the benchmark and the emulator: put a spreadsheet straight into
// state, and read a sheet back. Values are stored as given (no typed-input parsing), except that
// a string starting with `=` is a formula and a Date is a date, so that 100,000-row registers
// seed quickly.
import { newDriveItem, type CellState, type SheetState, type WorkspaceState } from '../core/state';
import { MIME } from '../drive/access';
import { cellValue, isFormula, toRawCell } from './cells';
import {
  lastColumn,
  lastRow,
  NEW_SHEET_COLUMNS,
  NEW_SHEET_ROWS,
  newSheetState,
  trimTrailingRows,
} from './grid';

export interface SeedSheet {
  name: string;
  rows?: unknown[][];
}

export interface SeedSpreadsheet {
  owner: string;
  name: string;
  /** Defaults to one empty `Sheet1`. Sheets are 1000 × 26 or as large as their rows need. */
  sheets?: SeedSheet[];
  /** Folder to file it in; the owner's My Drive when absent. */
  parentId?: string;
}

function seedSheet(sheetId: number, seed: SeedSheet): SheetState {
  const rows = seed.rows ?? [];
  let width = 0;
  const stored: (CellState[] | null)[] = new Array<CellState[] | null>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r];
    if (!values || values.length === 0) {
      stored[r] = null;
      continue;
    }
    // Copy, then convert only what is not stored as given (formulas, dates, empties).
    const cells = values.slice() as CellState[];
    for (let c = 0; c < cells.length; c++) {
      const value: unknown = cells[c];
      if (typeof value === 'string') {
        if (value.charCodeAt(0) === 61) cells[c] = { f: value };
      } else if (typeof value !== 'number' && typeof value !== 'boolean') {
        cells[c] = toRawCell(value);
      }
    }
    stored[r] = cells;
    if (values.length > width) width = values.length;
  }
  const sheet = newSheetState(
    sheetId,
    seed.name,
    Math.max(NEW_SHEET_ROWS, rows.length),
    Math.max(NEW_SHEET_COLUMNS, width)
  );
  sheet.rows = stored;
  trimTrailingRows(sheet);
  return sheet;
}

/** Creates the Drive item and the spreadsheet, and returns the id. */
export function createSpreadsheetInState(state: WorkspaceState, options: SeedSpreadsheet): string {
  const item = newDriveItem(state, {
    kind: 'file',
    name: options.name,
    mimeType: MIME.spreadsheet,
    owner: options.owner,
    ...(options.parentId ? { parents: [options.parentId] } : {}),
  });
  const seeds = options.sheets && options.sheets.length > 0 ? options.sheets : [{ name: 'Sheet1' }];
  const sheets = seeds.map((seed, i) => seedSheet(i, seed));
  state.spreadsheets[item.id] = {
    id: item.id,
    name: options.name,
    sheets,
    protections: [],
    nextSheetId: sheets.length,
  };
  return item.id;
}

/**
 * The sheet's content from A1 to its last row and column with content, as getValues would
 * return it ('' for empty, Date for dates), except that formulas come back as `{ f: '=...' }`
 * so a test can tell a formula from text that merely starts with `=`.
 */
export function readSheet(state: WorkspaceState, id: string, sheetName: string): unknown[][] {
  const spreadsheet = state.spreadsheets[id];
  if (!spreadsheet) throw new Error(`No spreadsheet ${id} in state`);
  const sheet = spreadsheet.sheets.find(s => s.name === sheetName);
  if (!sheet) throw new Error(`No sheet "${sheetName}" in spreadsheet ${id}`);
  const rows = lastRow(sheet);
  const columns = lastColumn(sheet);
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const cells = sheet.rows[r];
    const line: unknown[] = [];
    for (let c = 0; c < columns; c++) {
      const cell = cells ? cells[c] : undefined;
      line.push(isFormula(cell) ? { f: cell.f } : cellValue(cell));
    }
    out.push(line);
  }
  return out;
}
