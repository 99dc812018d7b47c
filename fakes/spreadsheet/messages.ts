// Error messages of SpreadsheetApp, word for word as Apps Script users and the Sheets API quote
// them; those marked "unconfirmed" are a best guess. Apps Script throws them as
// `Exception: <message>` (the error's name is `Exception`).
import { MESSAGES } from '../core/errors';
import { scriptException } from '../drive/access';

export const SHEETS_MESSAGES = {
  noAccess: MESSAGES.sheetsNoAccess,
  notFound: (method: string) =>
    `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
  /** A spreadsheet removed from under an open view. Unconfirmed for Sheets. */
  missing: MESSAGES.documentNotFound,
  /** A viewer's write (users report it when they lack edit rights). */
  noEditAccess: 'You do not have permission to perform that action.',
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  cellTooLong: MESSAGES.cellTooLong,
  tooManyCells: MESSAGES.tooManyCells,
  /** Unconfirmed. */
  tooManySheets:
    'This action would increase the number of sheets in the workbook above the limit of 200.',
  rangeOutside: 'The coordinates of the range are outside the dimensions of the sheet.',
  rangeNotFound: 'Range not found',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  tooFewRows: 'The number of rows in the range must be at least 1.',
  tooFewColumns: 'The number of columns in the range must be at least 1.',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  /** The shape is Apps Script's; the type names it prints are approximate. */
  badParameters: (types: string, method: string) =>
    `The parameters (${types}) don't match the method signature for SpreadsheetApp.${method}.`,
  sheetNameTaken: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  lastSheet: "You can't remove all the sheets in a document.",
  lastVisibleSheet: "You can't hide all the sheets in a document.",
  rowsOutOfBounds: 'Those rows are out of bounds.',
  /** Unconfirmed: the rows message with columns. */
  columnsOutOfBounds: 'Those columns are out of bounds.',
  allRowsDeleted: 'Sorry, it is not possible to delete all non-frozen rows.',
  /** Unconfirmed. */
  sheetDeleted: 'The sheet has been deleted.',
  /** Unconfirmed. */
  protectionRemoved: 'The protected range or sheet has been removed.',
  validationViolated: (a1: string) =>
    `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
  /** Unconfirmed. */
  validationWithoutCriteria: 'The data validation rule has no criteria.',
  /** Unconfirmed. */
  emptyFindText: 'Invalid argument: findText',
} as const;

export function sheetsError(message: string): Error {
  return scriptException(message);
}
