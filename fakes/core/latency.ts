// Modelled latency of each Apps Script call, in milliseconds, for the virtual clock and the
// benchmark. Figures and their sources are in ../shared research notes (latency-and-quotas.md §3):
// M = measured by a third party or derived from such a measurement, E = estimate pending a live
// measurement. Calls missing from the table are local (builders, getters of fetched data): 0 ms.

export interface CallCost {
  /** Typical milliseconds per call. */
  ms: number;
  /** Extra milliseconds per cell or per KB, where the call scales with size. */
  perUnit?: number;
  /** What the call does to the spreadsheet write buffer. */
  kind?: 'read' | 'write' | 'commit';
  basis: string;
}

export const COMMIT_COST: CallCost = {
  ms: 300,
  perUnit: 0.1,
  basis: 'M: 320 ms read-after-write (moseskim 16-02); 560 ms / 4,000 cells flush (SO mirror)',
};

export const EXECUTION_START_MS = 400; // E: MasterHttpRelay estimate; enuchi/labnol anecdotes

export const LATENCY: Record<string, CallCost> = {
  'SpreadsheetApp.openById': { ms: 150, kind: 'read', basis: 'M (derived): 0.3 s metadata read' },
  'SpreadsheetApp.openByUrl': { ms: 150, kind: 'read', basis: 'as openById' },
  'SpreadsheetApp.create': { ms: 1000, kind: 'write', basis: 'E: file creation' },
  'SpreadsheetApp.flush': { ms: 0, kind: 'commit', basis: 'cost is the commit it forces' },
  'SpreadsheetApp.Spreadsheet.getSheetByName': { ms: 20, basis: 'E: metadata arrives with open' },
  'SpreadsheetApp.Spreadsheet.insertSheet': { ms: 300, kind: 'write', basis: 'E: metadata write' },
  'SpreadsheetApp.Sheet.getLastRow': { ms: 150, kind: 'read', basis: 'M: bugbugnow 160 ms/call' },
  'SpreadsheetApp.Sheet.getLastColumn': { ms: 150, kind: 'read', basis: 'as getLastRow' },
  'SpreadsheetApp.Sheet.getMaxRows': { ms: 20, basis: 'E: sheet metadata' },
  'SpreadsheetApp.Sheet.getDataRange': { ms: 150, kind: 'read', basis: 'as getLastRow' },
  'SpreadsheetApp.Sheet.appendRow': { ms: 110, kind: 'write', basis: 'M: Tanaike 2018, 105-110 ms' },
  'SpreadsheetApp.Sheet.insertRowsAfter': { ms: 300, kind: 'write', basis: 'E: structure write' },
  'SpreadsheetApp.Range.getValues': {
    ms: 50,
    perUnit: 0.01,
    kind: 'read',
    basis: 'M: Tanaike 2018, ~10 us/cell',
  },
  'SpreadsheetApp.Range.getValue': { ms: 50, kind: 'read', basis: 'as getValues' },
  'SpreadsheetApp.Range.getDisplayValues': { ms: 50, perUnit: 0.01, kind: 'read', basis: 'as getValues' },
  'SpreadsheetApp.Range.setValues': { ms: 5, kind: 'write', basis: 'M: buffered call; cost moves to commit' },
  'SpreadsheetApp.Range.setValue': { ms: 5, kind: 'write', basis: 'as setValues' },
  'SpreadsheetApp.TextFinder.findNext': {
    ms: 400,
    perUnit: 0.0055,
    kind: 'read',
    basis: 'M: Tanaike 2020/2021, 0.4-0.55 s on one column',
  },
  'SpreadsheetApp.TextFinder.findAll': { ms: 400, perUnit: 0.0055, kind: 'read', basis: 'as findNext' },
  'DriveApp.getFileById': { ms: 150, basis: 'E: open-type round trip' },
  'DriveApp.getFolderById': { ms: 150, basis: 'E: open-type round trip' },
  'DriveApp.createFolder': { ms: 300, basis: 'E: metadata write' },
  'DriveApp.Folder.createFolder': { ms: 300, basis: 'E: metadata write' },
  'DriveApp.Folder.getFoldersByName': { ms: 150, basis: 'E: Drive query' },
  'DriveApp.File.getSharingAccess': { ms: 100, basis: 'E: permissions lookup' },
  'DriveApp.File.getSharingPermission': { ms: 100, basis: 'E: permissions lookup' },
  'DriveApp.File.getParents': { ms: 100, basis: 'E: metadata read' },
  'DriveApp.File.moveTo': { ms: 300, basis: 'E: metadata write' },
  'DriveApp.File.setName': { ms: 300, basis: 'E: metadata write' },
  'DriveApp.File.setDescription': { ms: 300, basis: 'E: metadata write' },
  'DriveApp.File.getEditors': { ms: 100, basis: 'E: permissions lookup' },
  'DriveApp.Folder.createFile': { ms: 500, perUnit: 0.1, basis: 'E: upload, ~100 ms/MB (per KB)' },
  'DriveApp.File.getBlob': { ms: 150, perUnit: 1, basis: 'E: content transfer ~1 ms/KB' },
  'DriveApp.FolderIterator.hasNext': { ms: 0, basis: 'pages arrive with the query' },
  'Drive.Files.get': { ms: 150, basis: 'E: ~DriveApp' },
  'Drive.Files.update': { ms: 300, basis: 'E: ~DriveApp write' },
  'DocumentApp.openById': { ms: 500, basis: 'E: document model load' },
  'DocumentApp.Document.getHeader': { ms: 50, basis: 'E: header/footer edit' },
  'DocumentApp.Document.getFooter': { ms: 50, basis: 'E: header/footer edit' },
  'DocumentApp.Document.addHeader': { ms: 50, basis: 'E: header/footer edit' },
  'DocumentApp.Document.addFooter': { ms: 50, basis: 'E: header/footer edit' },
  'DocumentApp.HeaderSection.insertParagraph': { ms: 50, basis: 'E: header/footer edit' },
  'DocumentApp.FooterSection.appendParagraph': { ms: 50, basis: 'E: header/footer edit' },
  'DocumentApp.Document.saveAndClose': { ms: 500, basis: 'E: commit' },
  'DocumentApp.Body.getText': { ms: 50, basis: 'E: document model read' },
  'LockService.Lock.waitLock': { ms: 50, basis: 'E: same class as properties' },
  'LockService.Lock.tryLock': { ms: 50, basis: 'E: same class as properties' },
  'LockService.Lock.releaseLock': { ms: 20, basis: 'E' },
  'PropertiesService.Properties.getProperty': { ms: 30, basis: 'M: ziritione, avg 30 ms' },
  'PropertiesService.Properties.getProperties': { ms: 30, basis: 'M: as getProperty' },
  'PropertiesService.Properties.setProperty': { ms: 62, basis: 'M: ziritione, avg 62 ms' },
  'PropertiesService.Properties.setProperties': { ms: 62, basis: 'M: as setProperty' },
  'PropertiesService.Properties.deleteProperty': { ms: 62, basis: 'M: as setProperty' },
  'CacheService.Cache.get': { ms: 3, basis: 'M: ziritione, avg 3 ms' },
  'CacheService.Cache.getAll': { ms: 3, basis: 'M: as get' },
  'CacheService.Cache.put': { ms: 93, basis: 'M: ziritione, avg 93 ms' },
  'CacheService.Cache.putAll': { ms: 93, basis: 'M: as put' },
  'CacheService.Cache.remove': { ms: 93, basis: 'M: as put' },
  'Session.User.getEmail': { ms: 20, basis: 'E: context read' },
  'Session.getScriptTimeZone': { ms: 5, basis: 'E: context read' },
  'Utilities.computeDigest': { ms: 3, perUnit: 0.005, basis: 'E: local hashing ~5 ms/MB' },
  'ScriptApp.TriggerBuilder.create': { ms: 300, basis: 'E: project metadata write' },
  'ScriptApp.getProjectTriggers': { ms: 100, basis: 'E: project metadata read' },
  'ScriptApp.deleteTrigger': { ms: 300, basis: 'E: project metadata write' },
};

export function costOf(key: string): CallCost | undefined {
  return LATENCY[key];
}
