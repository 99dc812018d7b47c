// Error messages Apps Script throws, word for word where a source gives them (see research notes,
// platform-facts.md). Fakes throw these so the product's error handling is tested against them.

export const MESSAGES = {
  executionTime: 'Exceeded maximum execution time',
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  propertyValueTooLarge: 'Argument too large: value',
  propertyStoreFull:
    'You have exceeded the property storage quota. Please remove some properties and try again.',
  driveNotFound:
    'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
  sheetsNoAccess: 'You do not have permission to access the requested document.',
  sheetsNotFound:
    'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  documentNotFound: "Document is missing (perhaps it was deleted, or you don't have read access?)",
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  tooManyCells:
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  rangeOutside: 'Exception: The coordinates of the range are outside the dimensions of the sheet.',
  blobTooLarge: 'Blob object must have non-null data for this operation.',
  driveAccessDenied: 'Access denied: DriveApp.',
  iteratorExhausted: 'Cannot retrieve the next object: iterator has reached the end.',
  blobNeedsName: 'Blob object must have non-null name for this operation.',
  driveFileTooLarge: 'File content is larger than the maximum of 10 MB for this operation.',
  driveApiPropertyTooLong:
    'Properties and app properties are limited to 124 bytes in UTF-8 encoding, counting both the key and the value.',
  driveApiTooManyAppProperties: 'A file can have at most 30 app properties per app.',
  driveApiNotWritable: 'The resource body includes fields which are not directly writable.',
  driveApiLocked:
    'The file has a read-only content restriction: its content and title cannot be modified.',
  documentNoEditAccess: 'Access denied: DocumentApp.',
  documentLocked: 'The document is locked (read-only content restriction) and cannot be edited.',
  documentClosed: 'Document is closed, its contents cannot be updated.',
  documentHasHeader: 'Document tab already contains a header.',
  documentHasFooter: 'Document tab already contains a footer.',
  lastParagraph: "Can't remove the last paragraph in a document section.",
  cacheKeyTooLarge: 'Argument too large: key',
  cacheValueTooLarge: 'Argument too large: value',
  addonTriggerTooFrequent:
    'The recurrence interval for an Add-on trigger must be at least one hour.',
  tooManyTriggers:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  /** Unconfirmed for GmailApp: Apps Script's wording for an id it cannot find. */
  gmailNotFound: 'Invalid argument: id',
  /** Reported by add-on developers who read a message without the event's token (unconfirmed). */
  gmailMissingAccessToken:
    'Access denied: : Missing access token for per message scope authorization.',
  /** Gmail API (advanced service and REST), Google's JSON error texts. */
  gmailApiNotFound: 'Requested entity was not found.',
  gmailApiInvalidId: 'Invalid id value',
  gmailApiInsufficientScopes: 'Request had insufficient authentication scopes.',
  gmailApiLabelExists: 'Label name exists or conflicts',
  /** Unconfirmed: the API's answer to a reserved or empty label name. */
  gmailApiInvalidLabelName: 'Invalid label name',
  gmailApiNoLabelChange: 'No label add or removes specified',
  gmailApiMissingCredential:
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  gmailApiInvalidCredential:
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  urlFetchUrlTooLong: 'Limit Exceeded: URLFetch URL Length.',
  urlFetchPostTooLarge: 'Limit Exceeded: URLFetch POST Size.',
  /** Unconfirmed wording, after the two above; the limits themselves are on the quotas page. */
  urlFetchTooManyHeaders: 'Limit Exceeded: URLFetch Headers.',
  urlFetchHeadersTooLarge: 'Limit Exceeded: URLFetch Header Size.',
  urlFetchResponseTooLarge: 'Limit Exceeded: URLFetch Response Size.',
} as const;

/** Apps Script reports argument type mismatches with this shape. */
export function invalidArgument(name: string): Error {
  return new Error(`Invalid argument: ${name}`);
}
