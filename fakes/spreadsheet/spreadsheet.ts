// Spreadsheet: the file and its sheets, held as the file id. Its name lives on the Drive item,
// which DriveApp may rename too.
import type { FakeContext } from '../core/context';
import type { SpreadsheetState } from '../core/state';
import { urlOf } from '../drive/access';
import { driveItemOf, requireEditable, requireWrite, sheetById, spreadsheetOf } from './access';
import { SPREADSHEET_TIME_ZONE } from './cells';
import { MAX_SHEETS, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS, newSheetState } from './grid';
import { SHEETS_MESSAGES, sheetsError } from './messages';
import { protectionsOf } from './protection';
import { createSheet, FakeSheet, requireCellsLeft, requireFreeSheetName } from './sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

type SpreadsheetApi = Pick<
  Spreadsheet,
  | 'getId'
  | 'getUrl'
  | 'getName'
  | 'rename'
  | 'getSheetByName'
  | 'getSheetById'
  | 'getSheets'
  | 'getNumSheets'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getProtections'
  | 'getSpreadsheetTimeZone'
>;

type InsertOptions = { template?: Sheet | undefined };

export class FakeSpreadsheet implements SpreadsheetApi {
  private constructor(
    private ctx: FakeContext,
    private id: string
  ) {}

  static create(ctx: FakeContext, id: string): Spreadsheet {
    return ctx.wrap(
      new FakeSpreadsheet(ctx, id),
      'SpreadsheetApp.Spreadsheet'
    ) as unknown as Spreadsheet;
  }

  private state(): SpreadsheetState {
    return spreadsheetOf(this.ctx, this.id);
  }

  getId(): string {
    return this.id;
  }
  getUrl(): string {
    const item = driveItemOf(this.ctx, this.id);
    return item ? urlOf(item) : `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getName(): string {
    return driveItemOf(this.ctx, this.id)?.name ?? this.state().name;
  }
  rename(newName: string): void {
    requireWrite(this.ctx, this.id);
    const name = String(newName);
    this.state().name = name;
    const item = driveItemOf(this.ctx, this.id);
    if (item) {
      item.name = name;
      item.updatedAt = this.ctx.state.now;
    }
  }

  getSheetByName(name: string): Sheet | null {
    const sheet = this.state().sheets.find(s => s.name === name);
    return sheet ? createSheet(this.ctx, this.id, sheet.sheetId) : null;
  }
  getSheetById(id: number): Sheet | null {
    const sheet = this.state().sheets.find(s => s.sheetId === id);
    return sheet ? createSheet(this.ctx, this.id, sheet.sheetId) : null;
  }
  getSheets(): Sheet[] {
    return this.state().sheets.map(s => createSheet(this.ctx, this.id, s.sheetId));
  }
  getNumSheets(): number {
    return this.state().sheets.length;
  }

  /**
   * insertSheet(), (index), (name), (name, index); options are accepted but templates are not
   * copied. A new sheet has 1000 rows and 26 columns; the index counts from 0.
   */
  insertSheet(
    nameOrIndex?: string | number | InsertOptions,
    indexOrOptions?: number | InsertOptions,
    _options?: InsertOptions
  ): Sheet {
    requireWrite(this.ctx, this.id);
    const spreadsheet = this.state();
    let name: string | null = null;
    let index = spreadsheet.sheets.length;
    if (typeof nameOrIndex === 'string') name = nameOrIndex;
    else if (typeof nameOrIndex === 'number') index = nameOrIndex;
    if (typeof indexOrOptions === 'number') index = indexOrOptions;
    if (name === null) {
      let n = spreadsheet.sheets.length + 1;
      while (spreadsheet.sheets.some(s => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    requireFreeSheetName(spreadsheet, name);
    if (spreadsheet.sheets.length >= MAX_SHEETS) throw sheetsError(SHEETS_MESSAGES.tooManySheets);
    requireCellsLeft(spreadsheet, NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const sheet = newSheetState(spreadsheet.nextSheetId++, name);
    const at = Math.max(0, Math.min(Math.floor(index), spreadsheet.sheets.length));
    spreadsheet.sheets.splice(at, 0, sheet);
    return createSheet(this.ctx, this.id, sheet.sheetId);
  }

  deleteSheet(sheet: Sheet): void {
    const spreadsheet = this.state();
    const target = sheetById(spreadsheet, (sheet as unknown as FakeSheet).__sheetId());
    requireEditable(this.ctx, this.id, target, null);
    if (spreadsheet.sheets.length <= 1) throw sheetsError(SHEETS_MESSAGES.lastSheet);
    spreadsheet.protections = spreadsheet.protections.filter(p => p.sheetName !== target.name);
    spreadsheet.sheets = spreadsheet.sheets.filter(s => s !== target);
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    return protectionsOf(this.ctx, this.id, type);
  }

  getSpreadsheetTimeZone(): string {
    return SPREADSHEET_TIME_ZONE;
  }
}

export function createSpreadsheet(ctx: FakeContext, id: string): Spreadsheet {
  return FakeSpreadsheet.create(ctx, id);
}
