// Sheet: one tab of a spreadsheet, held as the spreadsheet id and the sheet id.
import type { FakeContext } from '../core/context';
import type { ProtectionState, SheetState, SpreadsheetState, ValidationState } from '../core/state';
import {
  canEditProtection,
  protectedArea,
  requireEditable,
  requireWrite,
  sheetById,
  spreadsheetOf,
} from './access';
import { parseA1, rangeA1, toStoredCell, type GridArea } from './cells';
import { getCharts, insertChart, newChartBuilder, removeChart, updateChart } from './chart';
import {
  cellCount,
  deleteRows,
  insertColumns,
  insertRows,
  lastColumn,
  lastRow,
  MAX_CELLS,
  setCell,
} from './grid';
import { SHEETS_MESSAGES, sheetsError } from './messages';
import { createProtection, newProtection, protectionsOf } from './protection';
import { createRange } from './range';
import { FakeRangeList } from './range-list';
import { createSpreadsheet } from './spreadsheet';
import { FakeTextFinder } from './text-finder';
import { checkValidation } from './validation';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

type SheetApi = Pick<
  Sheet,
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getParent'
  | 'getRange'
  | 'getRangeList'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertColumnsAfter'
  | 'deleteRows'
  | 'appendRow'
  | 'getDataRange'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenColumns'
  | 'protect'
  | 'getProtections'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'setColumnWidth'
  | 'autoResizeColumns'
  | 'setTabColor'
  | 'createTextFinder'
  | 'newChart'
  | 'insertChart'
  | 'getCharts'
  | 'updateChart'
  | 'removeChart'
>;

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Names are unique within a spreadsheet regardless of case. */
export function requireFreeSheetName(
  spreadsheet: SpreadsheetState,
  name: string,
  except?: SheetState
): void {
  const taken = spreadsheet.sheets.some(
    s => s !== except && s.name.toLowerCase() === name.toLowerCase()
  );
  if (taken) throw sheetsError(SHEETS_MESSAGES.sheetNameTaken(name));
}

export function requireCellsLeft(spreadsheet: SpreadsheetState, added: number): void {
  if (cellCount(spreadsheet) + added > MAX_CELLS) throw sheetsError(SHEETS_MESSAGES.tooManyCells);
}

/** Moves a protected range's A1 notation after rows or columns were inserted or deleted. */
function moveProtection(
  sheet: SheetState,
  protection: ProtectionState,
  move: (a: GridArea) => GridArea | null
): boolean {
  if (protection.a1 === null) return true;
  const area = protectedArea(sheet, protection);
  if (!area) return true;
  const moved = move(area);
  if (!moved) return false;
  protection.a1 = rangeA1(moved.row, moved.column, moved.numRows, moved.numColumns);
  return true;
}

/**
 * Shifts a 1-based span [start, start + size) for `count` lines inserted after line `after`
 * (count > 0) or deleted from line `after + 1` on (count < 0). Null when nothing is left.
 */
function shiftSpan(
  start: number,
  size: number,
  after: number,
  count: number,
  inheritFromBefore = false
): [number, number] | null {
  const end = start + size - 1;
  if (count > 0) {
    if (start > after) return [start + count, size];
    if (end > after || (inheritFromBefore && end === after)) return [start, size + count];
    return [start, size];
  }
  const first = after + 1;
  const last = after - count;
  if (end < first) return [start, size];
  if (start > last) return [start + count, size];
  const kept = size - (Math.min(end, last) - Math.max(start, first) + 1);
  if (kept <= 0) return null;
  return [Math.min(start, first), kept];
}

function shiftValidations(
  sheet: SheetState,
  axis: 'row' | 'column',
  after: number,
  count: number
): void {
  const kept: ValidationState[] = [];
  for (const v of sheet.validations) {
    const [start, size] = axis === 'row' ? [v.row + 1, v.numRows] : [v.column + 1, v.numColumns];
    // Inserted lines take the validation of the line before them, as they take its format.
    const moved = shiftSpan(start, size, after, count, true);
    if (!moved) continue;
    if (axis === 'row') kept.push({ ...v, row: moved[0] - 1, numRows: moved[1] });
    else kept.push({ ...v, column: moved[0] - 1, numColumns: moved[1] });
  }
  sheet.validations = kept;
}

function shiftProtections(
  spreadsheet: SpreadsheetState,
  sheet: SheetState,
  axis: 'row' | 'column',
  after: number,
  count: number
): void {
  spreadsheet.protections = spreadsheet.protections.filter(
    p =>
      p.sheetName !== sheet.name ||
      moveProtection(sheet, p, area => {
        const [start, size] =
          axis === 'row' ? [area.row, area.numRows] : [area.column, area.numColumns];
        const moved = shiftSpan(start, size, after, count);
        if (!moved) return null;
        return axis === 'row'
          ? { ...area, row: moved[0], numRows: moved[1] }
          : { ...area, column: moved[0], numColumns: moved[1] };
      })
  );
}

export class FakeSheet implements SheetApi {
  private self!: Sheet;

  private constructor(
    private ctx: FakeContext,
    private spreadsheetId: string,
    private sheetId: number
  ) {}

  static create(ctx: FakeContext, spreadsheetId: string, sheetId: number): Sheet {
    const raw = new FakeSheet(ctx, spreadsheetId, sheetId);
    raw.self = ctx.wrap(raw, 'SpreadsheetApp.Sheet') as unknown as Sheet;
    return raw.self;
  }

  private spreadsheet(): SpreadsheetState {
    return spreadsheetOf(this.ctx, this.spreadsheetId);
  }
  private sheet(): SheetState {
    return sheetById(this.spreadsheet(), this.sheetId);
  }
  private range(area: GridArea): Range {
    return createRange(this.ctx, {
      spreadsheetId: this.spreadsheetId,
      sheetId: this.sheetId,
      ...area,
    });
  }

  getName(): string {
    return this.sheet().name;
  }
  setName(name: string): Sheet {
    const sheet = this.sheet();
    const spreadsheet = this.spreadsheet();
    requireEditable(this.ctx, this.spreadsheetId, sheet, null);
    const newName = String(name);
    requireFreeSheetName(spreadsheet, newName, sheet);
    for (const protection of spreadsheet.protections) {
      if (protection.sheetName === sheet.name) protection.sheetName = newName;
    }
    sheet.name = newName;
    return this.self;
  }
  getSheetId(): number {
    return this.sheet().sheetId;
  }
  /** Position among the spreadsheet's sheets, from 1. */
  getIndex(): number {
    return this.spreadsheet().sheets.indexOf(this.sheet()) + 1;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return createSpreadsheet(this.ctx, this.spreadsheetId);
  }

  getRange(
    rowOrA1: number | string,
    column?: number,
    numRows?: number,
    numColumns?: number
  ): Range {
    const sheet = this.sheet();
    let area: GridArea;
    if (typeof rowOrA1 === 'string') {
      const parsed = parseA1(rowOrA1, sheet.maxRows, sheet.maxColumns);
      if (!parsed || (parsed.sheetName !== null && parsed.sheetName !== sheet.name)) {
        throw sheetsError(SHEETS_MESSAGES.rangeNotFound);
      }
      area = parsed.area;
    } else {
      const args = [rowOrA1, column, numRows ?? 1, numColumns ?? 1];
      if (!args.every(isInteger)) {
        const types = [rowOrA1, column, numRows, numColumns]
          .filter(a => a !== undefined)
          .map(a =>
            typeof a === 'number' ? 'number' : typeof a === 'string' ? 'String' : 'Object'
          )
          .join(',');
        throw sheetsError(SHEETS_MESSAGES.badParameters(types, 'Sheet.getRange'));
      }
      area = {
        row: rowOrA1,
        column: column as number,
        numRows: numRows ?? 1,
        numColumns: numColumns ?? 1,
      };
      if (area.row < 1) throw sheetsError(SHEETS_MESSAGES.startRowTooSmall);
      if (area.column < 1) throw sheetsError(SHEETS_MESSAGES.startColumnTooSmall);
      if (area.numRows < 1) throw sheetsError(SHEETS_MESSAGES.tooFewRows);
      if (area.numColumns < 1) throw sheetsError(SHEETS_MESSAGES.tooFewColumns);
    }
    if (
      area.row + area.numRows - 1 > sheet.maxRows ||
      area.column + area.numColumns - 1 > sheet.maxColumns
    ) {
      throw sheetsError(SHEETS_MESSAGES.rangeOutside);
    }
    return this.range(area);
  }

  /** Ranges of this sheet by A1 notation, handled together (RangeList.setValue). */
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    const sheet = this.sheet();
    if (!Array.isArray(a1Notations) || a1Notations.some(a => typeof a !== 'string')) {
      throw sheetsError(SHEETS_MESSAGES.badParameters('Object', 'Sheet.getRangeList'));
    }
    const refs = a1Notations.map(a1 => {
      const parsed = parseA1(a1, sheet.maxRows, sheet.maxColumns);
      if (!parsed || (parsed.sheetName !== null && parsed.sheetName !== sheet.name)) {
        throw sheetsError(SHEETS_MESSAGES.rangeNotFound);
      }
      const area = parsed.area;
      if (
        area.row + area.numRows - 1 > sheet.maxRows ||
        area.column + area.numColumns - 1 > sheet.maxColumns
      ) {
        throw sheetsError(SHEETS_MESSAGES.rangeOutside);
      }
      return { spreadsheetId: this.spreadsheetId, sheetId: this.sheetId, ...area };
    });
    return FakeRangeList.create(this.ctx, refs);
  }

  getLastRow(): number {
    return lastRow(this.sheet());
  }
  getLastColumn(): number {
    return lastColumn(this.sheet());
  }
  getMaxRows(): number {
    return this.sheet().maxRows;
  }
  getMaxColumns(): number {
    return this.sheet().maxColumns;
  }
  getDataRange(): Range {
    const sheet = this.sheet();
    return this.range({
      row: 1,
      column: 1,
      numRows: Math.max(1, lastRow(sheet)),
      numColumns: Math.max(1, lastColumn(sheet)),
    });
  }

  /** Inserting inside a protected span counts as editing it; inserting next to it does not. */
  private requireInsertable(sheet: SheetState, axis: 'row' | 'column', after: number): void {
    requireWrite(this.ctx, this.spreadsheetId);
    for (const protection of this.spreadsheet().protections) {
      if (protection.sheetName !== sheet.name) continue;
      const area = protectedArea(sheet, protection);
      if (!area) continue;
      const [start, size] =
        axis === 'row' ? [area.row, area.numRows] : [area.column, area.numColumns];
      const inside = protection.a1 === null || (start <= after && start + size - 1 > after);
      if (inside && !canEditProtection(this.ctx, this.spreadsheetId, protection)) {
        throw sheetsError(SHEETS_MESSAGES.protectedCell);
      }
    }
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insertAfter('row', afterPosition, howMany);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insertAfter('column', afterPosition, howMany);
  }

  /** Inserts rows or columns: the checks and the shifting of protections and rules are shared. */
  private insertAfter(axis: 'row' | 'column', afterPosition: number, howMany: number): Sheet {
    const sheet = this.sheet();
    const spreadsheet = this.spreadsheet();
    const max = axis === 'row' ? sheet.maxRows : sheet.maxColumns;
    if (
      !isInteger(afterPosition) ||
      !isInteger(howMany) ||
      afterPosition < 1 ||
      afterPosition > max ||
      howMany < 1
    ) {
      throw sheetsError(
        axis === 'row' ? SHEETS_MESSAGES.rowsOutOfBounds : SHEETS_MESSAGES.columnsOutOfBounds
      );
    }
    this.requireInsertable(sheet, axis, afterPosition);
    requireCellsLeft(spreadsheet, howMany * (axis === 'row' ? sheet.maxColumns : sheet.maxRows));
    shiftProtections(spreadsheet, sheet, axis, afterPosition, howMany);
    if (axis === 'row') insertRows(sheet, afterPosition, howMany);
    else insertColumns(sheet, afterPosition, howMany);
    shiftValidations(sheet, axis, afterPosition, howMany);
    return this.self;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    const sheet = this.sheet();
    const spreadsheet = this.spreadsheet();
    if (
      !isInteger(rowPosition) ||
      !isInteger(howMany) ||
      rowPosition < 1 ||
      howMany < 1 ||
      rowPosition + howMany - 1 > sheet.maxRows
    ) {
      throw sheetsError(SHEETS_MESSAGES.rowsOutOfBounds);
    }
    if (sheet.maxRows - howMany <= sheet.frozenRows)
      throw sheetsError(SHEETS_MESSAGES.allRowsDeleted);
    requireEditable(this.ctx, this.spreadsheetId, sheet, {
      row: rowPosition,
      column: 1,
      numRows: howMany,
      numColumns: sheet.maxColumns,
    });
    shiftProtections(spreadsheet, sheet, 'row', rowPosition - 1, -howMany);
    deleteRows(sheet, rowPosition - 1, howMany);
    shiftValidations(sheet, 'row', rowPosition - 1, -howMany);
  }

  /**
   * Writes after the last row with content, growing the sheet by a row (and by columns) when it
   * is full. Values are parsed as typed input, like setValues.
   */
  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents)) {
      throw sheetsError(
        SHEETS_MESSAGES.badParameters(
          typeof rowContents === 'string' ? 'String' : 'Object',
          'Sheet.appendRow'
        )
      );
    }
    const sheet = this.sheet();
    const spreadsheet = this.spreadsheet();
    const row = lastRow(sheet) + 1;
    const width = rowContents.length;
    requireEditable(this.ctx, this.spreadsheetId, sheet, {
      row,
      column: 1,
      numRows: 1,
      numColumns: Math.max(width, 1),
    });
    const cells = [
      rowContents.map((value, c) => toStoredCell(value, sheet.columnFormats[c] === '@')),
    ];
    checkValidation(this.ctx, sheet, row, 1, cells);
    const extraRows = Math.max(0, row - sheet.maxRows);
    const extraColumns = Math.max(0, width - sheet.maxColumns);
    requireCellsLeft(
      spreadsheet,
      extraRows * (sheet.maxColumns + extraColumns) + extraColumns * sheet.maxRows
    );
    sheet.maxRows += extraRows;
    sheet.maxColumns += extraColumns;
    cells[0].forEach((cell, c) => setCell(sheet, row - 1, c, cell));
    this.ctx.execution.cellsWritten(width);
    return this.self;
  }

  setFrozenRows(rows: number): void {
    const sheet = this.sheet();
    requireEditable(this.ctx, this.spreadsheetId, sheet, null);
    if (!isInteger(rows) || rows < 0 || rows > sheet.maxRows)
      throw sheetsError(SHEETS_MESSAGES.rowsOutOfBounds);
    sheet.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.sheet().frozenRows;
  }
  setFrozenColumns(columns: number): void {
    const sheet = this.sheet();
    requireEditable(this.ctx, this.spreadsheetId, sheet, null);
    if (!isInteger(columns) || columns < 0 || columns > sheet.maxColumns) {
      throw sheetsError(SHEETS_MESSAGES.columnsOutOfBounds);
    }
    sheet.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.sheet().frozenColumns;
  }

  /** A sheet has at most one sheet protection: a second call returns the existing one. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const sheet = this.sheet();
    requireWrite(this.ctx, this.spreadsheetId);
    const existing = this.spreadsheet().protections.find(
      p => p.sheetName === sheet.name && p.a1 === null
    );
    const protection = existing ?? newProtection(this.ctx, this.spreadsheetId, sheet.name, null);
    return createProtection(this.ctx, this.spreadsheetId, protection.id);
  }
  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    return protectionsOf(this.ctx, this.spreadsheetId, type, this.sheetId);
  }

  hideSheet(): Sheet {
    const sheet = this.sheet();
    requireWrite(this.ctx, this.spreadsheetId);
    if (!this.spreadsheet().sheets.some(s => s !== sheet && !s.hidden)) {
      throw sheetsError(SHEETS_MESSAGES.lastVisibleSheet);
    }
    sheet.hidden = true;
    return this.self;
  }
  showSheet(): Sheet {
    requireWrite(this.ctx, this.spreadsheetId);
    this.sheet().hidden = false;
    return this.self;
  }
  isSheetHidden(): boolean {
    return this.sheet().hidden;
  }

  /** Column widths and tab colours are not kept: nothing the product reads depends on them. */
  setColumnWidth(_columnPosition: number, _width: number): Sheet {
    this.sheet();
    requireWrite(this.ctx, this.spreadsheetId);
    return this.self;
  }
  autoResizeColumns(_startColumn: number, _numColumns: number): Sheet {
    this.sheet();
    requireWrite(this.ctx, this.spreadsheetId);
    return this.self;
  }
  setTabColor(_color: string | null): Sheet {
    this.sheet();
    requireWrite(this.ctx, this.spreadsheetId);
    return this.self;
  }

  /** Searches the sheet's data (from A1 to the last row and column with content). */
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    const sheet = this.sheet();
    return FakeTextFinder.create(
      this.ctx,
      {
        spreadsheetId: this.spreadsheetId,
        sheetId: this.sheetId,
        row: 1,
        column: 1,
        numRows: Math.max(1, lastRow(sheet)),
        numColumns: Math.max(1, lastColumn(sheet)),
      },
      findText
    );
  }

  /** Embedded charts live in the sheet's state (chart.ts). */
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.sheet();
    return newChartBuilder(this.ctx, this.spreadsheetId, this.sheetId);
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    insertChart(this.ctx, this.spreadsheetId, this.sheet(), chart);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return getCharts(this.ctx, this.spreadsheetId, this.sheet());
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    updateChart(this.ctx, this.spreadsheetId, this.sheet(), chart);
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    removeChart(this.ctx, this.spreadsheetId, this.sheet(), chart);
  }

  /** The sheet id for other fakes (not an Apps Script method; never counted). */
  __sheetId(): number {
    return this.sheetId;
  }
}

export function createSheet(ctx: FakeContext, spreadsheetId: string, sheetId: number): Sheet {
  return FakeSheet.create(ctx, spreadsheetId, sheetId);
}
