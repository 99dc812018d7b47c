// Error messages Apps Script throws, word for word where a source gives them (see research notes,
// platform-facts.md). Fakes throw these so the product's error handling is tested against them.

export const MESSAGES = {
  executionTime: 'Exceeded maximum execution time',
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  propertyValueTooLarge: 'Argument too large: value',
  propertyStoreFull: 'You have exceeded the property storage quota. Please remove some properties and try again.',
  driveNotFound:
    'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
  sheetsNoAccess: 'You do not have permission to access the requested document.',
  sheetsNotFound: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  documentNotFound: 'Document is missing (perhaps it was deleted, or you don\'t have read access?)',
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  tooManyCells:
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  rangeOutside: 'Exception: The coordinates of the range are outside the dimensions of the sheet.',
  blobTooLarge: 'Blob object must have non-null data for this operation.',
} as const;

/** Apps Script reports argument type mismatches with this shape. */
export function invalidArgument(name: string): Error {
  return new Error(`Invalid argument: ${name}`);
}
