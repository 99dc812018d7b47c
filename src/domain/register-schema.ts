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
  'Destruction proposed',
  'Sensitivity reviewed',
] as const;

/** Lifecycle states after which a record is gone from the department's custody. */
export const FINAL_STATES: readonly string[] = ['Destroyed', 'Transferred'];

/** Bumped when tabs or columns are added; the records team's tools upgrade older registers. */
export const SCHEMA_VERSION = 3;

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
  // Review, hold and transfer columns: added after the first registers were made. The records
  // team's tools add any that an older register lacks before they write to them.
  col('holdAuthority', 'Hold authority', 'text', {
    note: 'Who ordered the legal hold (e.g. a public inquiry, litigation reference)',
    optional: true,
  }),
  col('decisionBy', 'Decision by', 'code', {
    note: 'Records team member(s) who made the last review decision',
    optional: true,
  }),
  col('decisionAt', 'Decision at', 'datetime', { optional: true }),
  col('decisionReason', 'Decision reason', 'text', { optional: true }),
  col('closureStartDate', 'Closure start date', 'date', { optional: true }),
  col('titleClosed', 'Title closed', 'flag', { allowed: YES_NO, optional: true }),
  col('alternateTitle', 'Alternate title', 'text', {
    note: 'Title to publish while the real title is closed',
    optional: true,
  }),
  col('descriptionClosed', 'Description closed', 'flag', { allowed: YES_NO, optional: true }),
  col('alternateDescription', 'Alternate description', 'text', { optional: true }),
  col('transferPackage', 'Transfer package', 'code', {
    note: 'Drive folder id of the transfer package the record went into',
    optional: true,
  }),
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

export const TEAM_ROLES = ['Records manager', 'Reviewer'] as const;

/** Who may use the records team's tools (review, disposal, hold, transfer). */
export const TEAM_COLUMNS: ColumnSpec[] = [
  col('email', 'Email', 'code'),
  col('name', 'Name'),
  col('role', 'Role', 'code', { allowed: TEAM_ROLES }),
  col('active', 'Active', 'flag', { allowed: YES_NO }),
  col('addedBy', 'Added by', 'code'),
  col('addedAt', 'Added at', 'datetime'),
];

export const DUE_KINDS = ['Review', 'Disposal', 'Transfer', 'Destroy: second approval'] as const;
export const DUE_WINDOWS = ['Overdue', 'Next 3 months', 'Next 12 months'] as const;

/** Rebuilt from the register by the review queue refresh; never edited by hand. */
export const QUEUE_COLUMNS: ColumnSpec[] = [
  col('select', 'Select', 'flag', { note: 'Tick rows, then decide on them from the sidebar' }),
  col('recordId', 'Record ID', 'code'),
  col('title', 'Title'),
  col('series', 'Series', 'code'),
  col('businessUnit', 'Business unit', 'code'),
  col('classification', 'Classification', 'code'),
  col('due', 'What is due', 'code', { allowed: DUE_KINDS }),
  col('dueDate', 'Due date', 'date'),
  col('window', 'When', 'code', { allowed: DUE_WINDOWS }),
  col('lifecycle', 'Lifecycle state', 'code'),
  col('legalHold', 'Legal hold', 'flag'),
  col('row', 'Register row', 'number'),
  col('problem', 'Problem', 'text', { note: 'What in the register row needs fixing by hand' }),
];

/** One certificate per destroyed record: the proof of disposal. */
export const DISPOSAL_COLUMNS: ColumnSpec[] = [
  col('certificate', 'Certificate', 'code'),
  col('recordId', 'Record ID', 'code'),
  col('title', 'Title'),
  col('series', 'Series', 'code'),
  col('retentionCode', 'Retention schedule', 'code'),
  col('decision', 'Decision', 'code'),
  col('reason', 'Reason'),
  col('proposedBy', 'Proposed by', 'code'),
  col('proposedAt', 'Proposed at', 'datetime'),
  col('confirmedBy', 'Confirmed by', 'code'),
  col('confirmedAt', 'Confirmed at', 'datetime'),
  col('files', 'Files destroyed', 'text', { note: 'Drive file ids and names, one per line' }),
  col('checksum', 'Checksum (SHA-256)', 'code', { note: 'As recorded at declaration' }),
  col('notes', 'Notes'),
];

export const HOLD_SCOPES = ['Record', 'Series'] as const;

/** Legal holds placed and lifted, for records or whole series. */
export const HOLD_COLUMNS: ColumnSpec[] = [
  col('holdId', 'Hold ID', 'code'),
  col('scope', 'Scope', 'code', { allowed: HOLD_SCOPES }),
  col('target', 'Record or series', 'code'),
  col('reason', 'Reason'),
  col('authority', 'Authority'),
  col('placedBy', 'Placed by', 'code'),
  col('placedAt', 'Placed at', 'datetime'),
  col('liftedBy', 'Lifted by', 'code'),
  col('liftedAt', 'Lifted at', 'datetime'),
  col('liftReason', 'Lift reason'),
];

export const LESSON_STAGES = ['Before', 'During', 'After'] as const;

/** Lessons learned before, during and after projects, each linked to the project's series. */
export const LESSON_COLUMNS: ColumnSpec[] = [
  col('lessonId', 'Lesson ID', 'code', { note: 'LES-YYYY-NNNNNN, unique, never reused' }),
  col('project', 'Project'),
  col('series', 'Series', 'code', { allowed: { tab: 'filePlan' } }),
  col('businessUnit', 'Business unit', 'code', { allowed: { tab: 'businessUnits' } }),
  col('stage', 'Stage', 'code', { allowed: LESSON_STAGES }),
  col('happened', 'What happened'),
  col('lesson', 'Lesson'),
  col('action', 'Action'),
  col('owner', 'Action owner'),
  col('recordedBy', 'Recorded by', 'code'),
  col('recordedAt', 'Recorded at', 'datetime'),
  col('fileId', 'File ID', 'code', { note: 'The document the lesson was recorded from, if any' }),
  col('recordId', 'Record ID', 'code', { note: 'That document’s record, if it is one' }),
];

export const SUGGESTION_HOSTS = ['Docs', 'Drive', 'Gmail'] as const;
export const SUGGESTION_KINDS = [
  'Edited recently in a series folder',
  'Email to or from',
  'Title or subject words',
] as const;

/** The rules behind the "probably a record" suggestions, kept by the records team. */
export const SUGGESTION_RULE_COLUMNS: ColumnSpec[] = [
  col('rule', 'Rule'),
  col('hosts', 'Applies to', 'text', { note: 'Docs, Drive, Gmail: any of them, comma separated' }),
  col('kind', 'Kind', 'code', { allowed: SUGGESTION_KINDS }),
  col('pattern', 'Pattern', 'text', {
    note: 'Days since edited; email addresses or domains; or words, comma separated',
  }),
  col('series', 'Suggested series', 'code', { allowed: { tab: 'filePlan' } }),
  col('classification', 'Suggested classification', 'code', { allowed: HELD_CLASSIFICATIONS }),
  col('why', 'Why (shown to staff)'),
  col('active', 'Active', 'flag', { allowed: YES_NO }),
];

export const LEAVER_STATUSES = [
  'Not declared',
  'Declared',
  'Handed over',
  'Could not hand over',
  'Gone',
] as const;

/** Files a leaver owns that are not records yet, found by the leaver sweep, and what was done. */
export const LEAVER_COLUMNS: ColumnSpec[] = [
  col('select', 'Select', 'flag', { note: 'Tick rows, then declare or hand them over' }),
  col('sweepId', 'Sweep', 'code'),
  col('leaver', 'Leaver', 'code'),
  col('fileId', 'File ID', 'code'),
  col('title', 'Title'),
  col('url', 'Link'),
  col('mimeType', 'MIME type', 'code'),
  col('folder', 'Folder'),
  col('lastUpdated', 'Last updated', 'datetime'),
  col('status', 'Status', 'code', { allowed: LEAVER_STATUSES }),
  col('recordId', 'Record ID', 'code'),
  col('newOwner', 'New owner', 'code'),
  col('doneBy', 'Done by', 'code'),
  col('doneAt', 'Done at', 'datetime'),
  col('note', 'Note'),
];

/**
 * The dashboard's monthly table, last 12 months by business unit (the per-unit summary and the
 * charts sit beside it: what is overdue or on hold is a figure for today, not for a month).
 * Rebuilt by the dashboard refresh; never edited by hand.
 */
export const DASHBOARD_COLUMNS: ColumnSpec[] = [
  col('month', 'Month', 'code'),
  col('businessUnit', 'Business unit', 'code'),
  col('declared', 'Records declared', 'number'),
  col('emails', 'Emails captured', 'number'),
  col('complete', 'Complete metadata (%)', 'number', {
    note: 'Of the records declared (emails apart), those with every field of a complete declaration',
  }),
  col('sensitive', 'OFFICIAL-SENSITIVE (%)', 'number', { note: 'Of all records and emails' }),
];

export type TabKey =
  | 'register'
  | 'filePlan'
  | 'retention'
  | 'businessUnits'
  | 'audit'
  | 'team'
  | 'queue'
  | 'disposals'
  | 'holds'
  | 'dashboard'
  | 'lessons'
  | 'suggestions'
  | 'leavers';

export interface TabSpec {
  key: TabKey;
  name: string;
  columns: ColumnSpec[];
  /** Added after the first registers were made: created when the records team first needs it. */
  addedLater?: boolean;
}

export const TABS: Record<TabKey, TabSpec> = {
  register: { key: 'register', name: 'Register', columns: REGISTER_COLUMNS },
  filePlan: { key: 'filePlan', name: 'File plan', columns: FILE_PLAN_COLUMNS },
  retention: { key: 'retention', name: 'Retention schedules', columns: RETENTION_COLUMNS },
  businessUnits: { key: 'businessUnits', name: 'Business units', columns: BUSINESS_UNIT_COLUMNS },
  audit: { key: 'audit', name: 'Audit log', columns: AUDIT_COLUMNS },
  team: { key: 'team', name: 'Records team', columns: TEAM_COLUMNS, addedLater: true },
  queue: { key: 'queue', name: 'Review queue', columns: QUEUE_COLUMNS, addedLater: true },
  disposals: { key: 'disposals', name: 'Disposals', columns: DISPOSAL_COLUMNS, addedLater: true },
  holds: { key: 'holds', name: 'Legal holds', columns: HOLD_COLUMNS, addedLater: true },
  dashboard: { key: 'dashboard', name: 'Dashboard', columns: DASHBOARD_COLUMNS, addedLater: true },
  lessons: { key: 'lessons', name: 'Lessons', columns: LESSON_COLUMNS, addedLater: true },
  suggestions: {
    key: 'suggestions',
    name: 'Suggestion rules',
    columns: SUGGESTION_RULE_COLUMNS,
    addedLater: true,
  },
  leavers: { key: 'leavers', name: 'Leaver sweep', columns: LEAVER_COLUMNS, addedLater: true },
};

/** Tab order in a new register. */
export const TAB_ORDER: TabKey[] = [
  'register',
  'queue',
  'dashboard',
  'lessons',
  'filePlan',
  'retention',
  'businessUnits',
  'team',
  'suggestions',
  'holds',
  'disposals',
  'leavers',
  'audit',
];

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
