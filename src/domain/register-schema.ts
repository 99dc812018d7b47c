// The register spreadsheet's tabs and columns. Columns are found by their header text, so the
// records team may reorder them; a missing header is reported, never guessed.
import { HELD_CLASSIFICATIONS } from './classification';
import { DISPOSAL_ACTIONS, RETENTION_TRIGGERS } from './retention';

export type ColumnKind = 'text' | 'code' | 'date' | 'datetime' | 'flag' | 'number';

export interface ColumnSpec {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Allowed values for coded columns: a fixed list, or the codes of another tab. */
  allowed?: readonly string[] | { tab: TabKey };
  note?: string;
  /** Added after the first registers were made: absent from an older register, it is skipped. */
  optional?: boolean;
}

export const LIFECYCLE_STATES = [
  'Declared',
  'On hold',
  'Under review',
  'Disposal due',
  'Destroyed',
  'Selected for transfer',
  'Transferred',
  'Retained (s3(4))',
] as const;

export const YES_NO = ['Yes', 'No'] as const;

const col = (
  key: string,
  header: string,
  kind: ColumnKind = 'text',
  extra: Partial<ColumnSpec> = {}
): ColumnSpec => ({
  key,
  header,
  kind,
  ...extra,
});

export const REGISTER_COLUMNS: ColumnSpec[] = [
  col('recordId', 'Record ID', 'code', { note: 'REC-YYYY-NNNNNN, unique, never reused' }),
  col('fileId', 'File ID', 'code', {
    note: 'Drive file id of the item (for emails, of the saved .eml)',
  }),
  col('url', 'Link'),
  col('title', 'Title', 'text', { note: 'Title as declared, without the marking prefix' }),
  col('originalTitle', 'Original title', 'text', {
    note: 'File name before the marking was added',
  }),
  col('description', 'Description'),
  col('recordType', 'Record type', 'code', {
    allowed: ['Document', 'Spreadsheet', 'Presentation', 'PDF', 'File', 'Email'],
  }),
  col('mimeType', 'MIME type', 'code'),
  col('functionCode', 'Function', 'code'),
  col('series', 'Series', 'code', { allowed: { tab: 'filePlan' } }),
  col('businessUnit', 'Business unit', 'code', { allowed: { tab: 'businessUnits' } }),
  col('classification', 'Classification', 'code', { allowed: HELD_CLASSIFICATIONS }),
  col('handling', 'Handling instructions'),
  col('descriptors', 'Descriptors'),
  col('caveats', 'National caveats'),
  col('marking', 'Marking', 'text', { note: 'The full marking written on the item' }),
  col('declaredBy', 'Declared by', 'code'),
  col('declaredAt', 'Declared at', 'datetime'),
  col('recordDate', 'Date of the record', 'date'),
  col('retentionCode', 'Retention schedule', 'code', { allowed: { tab: 'retention' } }),
  col('disposalAction', 'Disposal action', 'code', { allowed: DISPOSAL_ACTIONS }),
  col('disposalDue', 'Disposal due', 'date'),
  col('transferDue', '20-year transfer due', 'date'),
  col('lifecycle', 'Lifecycle state', 'code', { allowed: LIFECYCLE_STATES }),
  col('filing', 'Filing', 'text', { note: 'Complete, or what is still to do and why' }),
  col('folderId', 'Folder ID', 'code'),
  col('locked', 'Locked', 'flag', { allowed: YES_NO }),
  col('lockedAt', 'Locked at', 'datetime'),
  col('checksum', 'Checksum (SHA-256)', 'code'),
  col('owner', 'Owner', 'code'),
  col('onBehalfOf', 'Captured on behalf of'),
  col('legalHold', 'Legal hold', 'flag', { allowed: YES_NO }),
  col('holdReason', 'Hold reason'),
  col('reviewDue', 'Next review', 'date'),
  col('selection', 'Selection decision', 'code'),
  col('closureStatus', 'Closure status', 'code'),
  col('closurePeriod', 'Closure period'),
  col('foiExemptions', 'FOI exemption codes'),
  col('messageId', 'Message-ID', 'code'),
  col('inReplyTo', 'In-Reply-To', 'code'),
  col('from', 'From'),
  col('to', 'To'),
  col('cc', 'Cc'),
  col('sentAt', 'Date sent', 'datetime'),
  col('subject', 'Subject'),
  col('threadId', 'Thread ID', 'code'),
  col('attachments', 'Attachments', 'number'),
  col('savedFiles', 'Saved files', 'text', {
    note: 'Links to every file saved for the record (email: .eml, PDF, attachments)',
    optional: true,
  }),
  col('related', 'Related records'),
  col('notes', 'Notes'),
  col('updatedAt', 'Last updated', 'datetime'),
];

export const AUDIT_COLUMNS: ColumnSpec[] = [
  col('at', 'Timestamp', 'datetime'),
  col('actor', 'Actor', 'code'),
  col('action', 'Action', 'code'),
  col('recordId', 'Record ID', 'code'),
  col('fileId', 'File ID', 'code'),
  col('details', 'Details'),
  col('previousHash', 'Previous hash', 'code', {
    note: 'SHA-256 of the row before (the chain that shows tampering)',
    optional: true,
  }),
  col('hash', 'Hash', 'code', {
    note: 'SHA-256 of this row with the previous hash',
    optional: true,
  }),
];

export const FILE_PLAN_COLUMNS: ColumnSpec[] = [
  col('code', 'Series', 'code'),
  col('title', 'Title'),
  col('functionCode', 'Function', 'code'),
  col('retentionCode', 'Retention schedule', 'code', { allowed: { tab: 'retention' } }),
  col('folderId', 'Folder ID', 'code', { note: 'Filled in when the series folder is first used' }),
  col('active', 'Active', 'flag', { allowed: YES_NO }),
];

export const RETENTION_COLUMNS: ColumnSpec[] = [
  col('code', 'Code', 'code'),
  col('title', 'Applies to'),
  col('periodYears', 'Period (years)', 'number'),
  col('trigger', 'Trigger', 'code', { allowed: RETENTION_TRIGGERS }),
  col('action', 'Action', 'code', { allowed: DISPOSAL_ACTIONS }),
  col('authority', 'Authority'),
];

export const BUSINESS_UNIT_COLUMNS: ColumnSpec[] = [
  col('code', 'Code', 'code'),
  col('name', 'Name'),
  col('privateOffice', 'Private office', 'flag', { allowed: YES_NO }),
];

export type TabKey = 'register' | 'filePlan' | 'retention' | 'businessUnits' | 'audit';

export interface TabSpec {
  key: TabKey;
  name: string;
  columns: ColumnSpec[];
}

export const TABS: Record<TabKey, TabSpec> = {
  register: { key: 'register', name: 'Register', columns: REGISTER_COLUMNS },
  filePlan: { key: 'filePlan', name: 'File plan', columns: FILE_PLAN_COLUMNS },
  retention: { key: 'retention', name: 'Retention schedules', columns: RETENTION_COLUMNS },
  businessUnits: { key: 'businessUnits', name: 'Business units', columns: BUSINESS_UNIT_COLUMNS },
  audit: { key: 'audit', name: 'Audit log', columns: AUDIT_COLUMNS },
};

/** Google Sheets holds at most 10 million cells per spreadsheet. */
export const SPREADSHEET_CELL_LIMIT = 10_000_000;

export interface Headroom {
  cellsUsed: number;
  rowsUsed: number;
  /** Register rows that still fit, if every other tab stays as it is. */
  rowsLeft: number;
  percentUsed: number;
}

/** How many more register rows fit in the spreadsheet. */
export function registerHeadroom(
  cellsAllocated: number,
  registerRows: number,
  registerColumns: number
): Headroom {
  const left = Math.max(0, SPREADSHEET_CELL_LIMIT - cellsAllocated);
  return {
    cellsUsed: cellsAllocated,
    rowsUsed: registerRows,
    rowsLeft: Math.floor(left / Math.max(1, registerColumns)),
    percentUsed: Math.round((cellsAllocated / SPREADSHEET_CELL_LIMIT) * 1000) / 10,
  };
}

/** Maps header text to 0-based column positions; reports the headers that are missing. */
export function mapHeaders(
  headers: unknown[],
  columns: ColumnSpec[]
): { index: Record<string, number>; missing: string[] } {
  const positions = new Map<string, number>();
  headers.forEach((h, i) => {
    const text = String(h ?? '').trim();
    if (text && !positions.has(text)) positions.set(text, i);
  });
  const index: Record<string, number> = {};
  const missing: string[] = [];
  for (const column of columns) {
    const at = positions.get(column.header);
    if (at !== undefined) index[column.key] = at;
    else if (!column.optional) missing.push(column.header);
  }
  return { index, missing };
}
