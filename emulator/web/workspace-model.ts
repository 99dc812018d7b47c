// Pure helpers for the emulator's main pane (no DOM): markings in file names, spreadsheet column
// letters and validation ranges, and what kind of file a MIME type is.

/** A security marking at the start of a file name: `[OFFICIAL-SENSITIVE] Minutes.pdf`. */
export function splitMarking(name: string): { marking: string | null; title: string } {
  const match = /^\s*\[([^\]]+)\]\s*([\s\S]*)$/.exec(name);
  return match ? { marking: match[1].trim(), title: match[2] } : { marking: null, title: name };
}

const MARKING_WORDS =
  '(?:TOP SECRET|SECRET|OFFICIAL[- ]SENSITIVE|OFFICIAL|PROTECT|RESTRICTED|CONFIDENTIAL)' +
  '(?:\\s*-\\s*[A-Z][A-Z/ ]*[A-Z])*';
const SUBJECT_MARKING = [
  new RegExp(`^\\s*(${MARKING_WORDS})\\s*:\\s*([\\s\\S]*)$`),
  new RegExp(`^\\s*\\[(${MARKING_WORDS})\\]\\s*([\\s\\S]*)$`),
];

/**
 * A security marking leading an email subject, as `OFFICIAL-SENSITIVE: Subject` or
 * `[OFFICIAL] Subject`; capitals only, so that "Official: ..." stays part of the subject.
 */
export function splitSubjectMarking(subject: string): { marking: string | null; title: string } {
  for (const pattern of SUBJECT_MARKING) {
    const match = pattern.exec(subject);
    if (match) return { marking: match[1].trim(), title: match[2] };
  }
  return { marking: null, title: subject };
}

/** A size as Gmail shows it beside an attachment: bytes, KB or MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export type MarkingTone = 'official' | 'sensitive' | 'refused' | 'other';

/** How a marking chip is coloured: by the classification the marking starts with. */
export function markingTone(marking: string): MarkingTone {
  const upper = marking.trim().toUpperCase();
  if (upper.startsWith('OFFICIAL-SENSITIVE') || upper.startsWith('OFFICIAL SENSITIVE'))
    return 'sensitive';
  if (upper.startsWith('OFFICIAL')) return 'official';
  if (upper.startsWith('SECRET') || upper.startsWith('TOP SECRET')) return 'refused';
  return 'other';
}

/** Spreadsheet column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = Math.floor(index) + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface GridRange {
  /** 1-based, as Sheets numbers rows and columns. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ValidationRange extends GridRange {
  values: string[];
}

/** The validation covering a cell (1-based row and column), if any; the last one set wins. */
export function validationAt<T extends GridRange>(
  validations: T[],
  row: number,
  column: number
): T | undefined {
  for (let i = validations.length - 1; i >= 0; i--) {
    const v = validations[i];
    if (
      row >= v.row &&
      row < v.row + v.numRows &&
      column >= v.column &&
      column < v.column + v.numColumns
    )
      return v;
  }
  return undefined;
}

/** How many columns a tab shows: the widest row, the validations, and at least `minimum`. */
export function columnsShown(
  rows: string[][],
  validations: (GridRange & { values?: string[] })[],
  minimum = 1
): number {
  const widest = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const validated = validations.reduce((max, v) => Math.max(max, v.column + v.numColumns - 1), 0);
  return Math.max(minimum, widest, validated);
}

export type FileKind =
  | 'document'
  | 'spreadsheet'
  | 'presentation'
  | 'folder'
  | 'shortcut'
  | 'pdf'
  | 'image'
  | 'email'
  | 'file';

const GOOGLE_TYPES: Record<string, FileKind> = {
  'application/vnd.google-apps.document': 'document',
  'application/vnd.google-apps.spreadsheet': 'spreadsheet',
  'application/vnd.google-apps.presentation': 'presentation',
  'application/vnd.google-apps.folder': 'folder',
  'application/vnd.google-apps.shortcut': 'shortcut',
};

export function fileKind(mimeType: string): FileKind {
  if (GOOGLE_TYPES[mimeType]) return GOOGLE_TYPES[mimeType];
  if (mimeType === 'application/pdf') return 'pdf';
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType === 'message/rfc822') return 'email';
  return 'file';
}

export const FILE_KIND_LABELS: Record<FileKind, string> = {
  document: 'Google Docs',
  spreadsheet: 'Google Sheets',
  presentation: 'Google Slides',
  folder: 'Folder',
  shortcut: 'Shortcut',
  pdf: 'PDF',
  image: 'Image',
  email: 'Email',
  file: 'File',
};

/** Files the Drive view opens as plain text: CSV, text and checksum lists. */
export function isTextFile(name: string, mimeType: string): boolean {
  return (
    /^text\//.test(mimeType) ||
    /^application\/(json|csv)$/.test(mimeType) ||
    /\.(csv|txt|sha256|md5|json|tsv|log)$/i.test(name)
  );
}
