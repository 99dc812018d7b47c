// SpreadsheetApp over the shared Workspace state. Spreadsheets are Drive items (rights, name,
// folder) plus `state.spreadsheets[id]` (sheets, cells, protections, validation).
import type { FakeContext } from '../core/context';
import { invalidArgument } from '../core/errors';
import { newDriveItem } from '../core/state';
import { MIME } from '../drive/access';
import { canRead } from './access';
import { cellCount, MAX_CELLS, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS, newSheetState } from './grid';
import { SHEETS_MESSAGES, sheetsError } from './messages';
import { PROTECTION_TYPE } from './protection';
import { createSpreadsheet } from './spreadsheet';
import { DATA_VALIDATION_CRITERIA, FakeDataValidationBuilder } from './validation';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

type AppApi = Pick<
  App,
  | 'openById'
  | 'openByUrl'
  | 'create'
  | 'flush'
  | 'newDataValidation'
  | 'getActiveSpreadsheet'
  | 'getActive'
  | 'ProtectionType'
  | 'DataValidationCriteria'
>;

const SPREADSHEET_URL =
  /^https:\/\/docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/;

export class FakeSpreadsheetApp implements AppApi {
  ProtectionType: typeof GoogleAppsScript.Spreadsheet.ProtectionType;
  DataValidationCriteria: typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;

  constructor(private ctx: FakeContext) {
    this.ProtectionType =
      PROTECTION_TYPE as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;
    this.DataValidationCriteria =
      DATA_VALIDATION_CRITERIA as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  private open(id: string, method: string): Spreadsheet {
    const known =
      typeof id === 'string' && !!this.ctx.state.spreadsheets[id] && !!this.ctx.state.drive[id];
    if (!known) throw sheetsError(SHEETS_MESSAGES.notFound(method));
    if (!canRead(this.ctx, id)) throw sheetsError(SHEETS_MESSAGES.noAccess);
    return createSpreadsheet(this.ctx, id);
  }

  openById(id: string): Spreadsheet {
    return this.open(id, 'openById');
  }
  openByUrl(url: string): Spreadsheet {
    const match = typeof url === 'string' ? SPREADSHEET_URL.exec(url) : null;
    if (!match) throw invalidArgument('url');
    return this.open(match[1], 'openByUrl');
  }

  /** A new spreadsheet in the user's My Drive, with one sheet `Sheet1` (1000 × 26 by default). */
  create(
    name: string,
    rows: number = NEW_SHEET_ROWS,
    columns: number = NEW_SHEET_COLUMNS
  ): Spreadsheet {
    if (typeof name !== 'string' || name === '') throw invalidArgument('name');
    if (!(rows >= 1) || !(columns >= 1)) throw invalidArgument(rows >= 1 ? 'columns' : 'rows');
    const item = newDriveItem(this.ctx.state, {
      kind: 'file',
      name,
      mimeType: MIME.spreadsheet,
      owner: this.ctx.user,
    });
    const spreadsheet = {
      id: item.id,
      name,
      sheets: [newSheetState(0, 'Sheet1', Math.floor(rows), Math.floor(columns))],
      protections: [],
      nextSheetId: 1,
    };
    if (cellCount(spreadsheet) > MAX_CELLS) {
      delete this.ctx.state.drive[item.id];
      throw sheetsError(SHEETS_MESSAGES.tooManyCells);
    }
    this.ctx.state.spreadsheets[item.id] = spreadsheet;
    return createSpreadsheet(this.ctx, item.id);
  }

  /** Writes go straight to state; the commit they stand for is charged by the execution. */
  flush(): void {}

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return FakeDataValidationBuilder.create(this.ctx);
  }

  /** A Workspace add-on has no active spreadsheet (no editor document context). */
  getActiveSpreadsheet(): Spreadsheet {
    return null as unknown as Spreadsheet;
  }
  getActive(): Spreadsheet {
    return null as unknown as Spreadsheet;
  }
}

export function createSpreadsheetApp(ctx: FakeContext): App {
  return ctx.wrap(new FakeSpreadsheetApp(ctx), 'SpreadsheetApp') as unknown as App;
}

export { PROTECTION_TYPE } from './protection';
export { DATA_VALIDATION_CRITERIA } from './validation';
