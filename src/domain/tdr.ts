// The National Archives' Transfer Digital Records (TDR) service: the metadata CSV it takes with a
// transfer, the files it refuses, and file names it can hold. Pure: no Apps Script globals.
//
// Schema followed: nationalarchives/da-metadata-schema, version 0.0.113 (commit
// 9d16f3e7912f4c7f1e905226832a6bf9598fee6f, 10 February 2026): config-schema/config.json
// ("tdrFileHeader" of each item, "MetadataDownloadTemplate" columns 1-21),
// guidance/metadata-template.json (value formats) and puids/disallowed-puids.json (files TDR
// refuses). Later versions of that schema add "copyright details" and "note" columns: check the
// template TDR gives you before uploading, and move to a newer version here when TDR does.
import { FOI_EXEMPTION_CODES } from './foi';

export const TDR_SCHEMA = {
  repository: 'nationalarchives/da-metadata-schema',
  version: '0.0.113',
  commit: '9d16f3e7912f4c7f1e905226832a6bf9598fee6f',
} as const;

/** The metadata CSV's headers, exactly and in order. */
export const TDR_HEADERS = [
  'filepath',
  'filename',
  'date last modified',
  'date of the record',
  'description',
  'former reference',
  'closure status',
  'closure start date',
  'closure period',
  'foi exemption code',
  'foi schedule date',
  'is filename closed',
  'alternate filename',
  'is description closed',
  'alternate description',
  'language',
  'translated filename',
  'copyright',
  'related material',
  'restrictions on use',
  'evidence provided by',
] as const;

export type TdrHeader = (typeof TDR_HEADERS)[number];

/** FOI exemption codes TDR accepts: the one list the sensitivity review offers (see foi.ts). */
export const TDR_FOI_CODES: readonly string[] = FOI_EXEMPTION_CODES;

/** TDR's list separator inside a cell (ConfigUtils.ARRAY_SPLIT_CHAR). */
export const TDR_LIST_SEPARATOR = ';';
/** The value TDR's template defaults to ("copyrights" enum). */
export const TDR_COPYRIGHT = 'Crown copyright';
export const TDR_LANGUAGE = 'English';
export const MAX_DESCRIPTION = 8000;
export const MAX_SHORT_TEXT = 255;

// ---------------------------------------------------------------------------------------------
// The metadata row.

/** What the register says about a record, dates already written yyyy-mm-dd ('' when unknown). */
export interface TdrRecordFields {
  recordId: string;
  description: string;
  recordDate: string;
  closureStatus: string;
  closureStartDate: string;
  closurePeriod: string;
  foiExemptions: string;
  /** When the exemptions were asserted: the date of the sensitivity review decision. */
  foiScheduleDate: string;
  titleClosed: string;
  alternateTitle: string;
  descriptionClosed: string;
  alternateDescription: string;
}

/** The file as placed in the package. */
export interface PlacedFile {
  /** Path as TDR records it when the package's content folder is uploaded. */
  filepath: string;
  filename: string;
  /** Last modification of the original in Drive, yyyy-mm-dd. */
  lastModified: string;
}

export function isClosed(closureStatus: string): boolean {
  return /^\s*closed\b/i.test(closureStatus);
}

function yes(value: string): boolean {
  return /^\s*(yes|y|true)\s*$/i.test(value);
}

/**
 * FOI exemption codes as TDR writes them: "s40(2), section 43(1)" becomes ["40(2)", "43(1)"].
 * Codes are separated by ; , | or line breaks (a code such as "EIR 12(5)(a)" holds a space).
 */
export function foiCodes(text: string): string[] {
  return text
    .split(/[;,|\n]+/)
    .map(code =>
      code
        .trim()
        .replace(/^(s\.?|sec\.?|section)\s*(?=\d)/i, '')
        .replace(/^eir\s*/i, 'EIR ')
        .replace(/\s+/g, ' ')
    )
    .filter(Boolean);
}

/** Closure periods in years, one per exemption: "40; 80 years" becomes [40, 80]. */
export function closurePeriods(text: string, codeCount: number): number[] {
  const periods = (text.match(/\d+/g) ?? []).map(Number);
  // One period given for several exemptions applies to each of them.
  if (periods.length === 1 && codeCount > 1) return new Array<number>(codeCount).fill(periods[0]);
  return periods;
}

/** One row of metadata.csv, in TDR_HEADERS order. */
export function tdrRow(record: TdrRecordFields, file: PlacedFile): string[] {
  const closed = isClosed(record.closureStatus);
  const codes = closed ? foiCodes(record.foiExemptions) : [];
  const titleClosed = closed && yes(record.titleClosed);
  const descriptionClosed = closed && yes(record.descriptionClosed);
  const values: Record<TdrHeader, string> = {
    filepath: file.filepath,
    filename: file.filename,
    'date last modified': file.lastModified,
    'date of the record': record.recordDate,
    description: oneLineIfShort(record.description, MAX_DESCRIPTION),
    'former reference': record.recordId,
    'closure status': closed ? 'Closed' : 'Open',
    // TDR: the closure start date matches the date of the record, else the date last modified.
    'closure start date': closed
      ? record.closureStartDate || record.recordDate || file.lastModified
      : '',
    'closure period': closed
      ? closurePeriods(record.closurePeriod, codes.length).join(TDR_LIST_SEPARATOR)
      : '',
    'foi exemption code': codes.join(TDR_LIST_SEPARATOR),
    'foi schedule date': closed ? record.foiScheduleDate : '',
    'is filename closed': titleClosed ? 'Yes' : 'No',
    'alternate filename': titleClosed ? withoutExtension(record.alternateTitle.trim()) : '',
    'is description closed': descriptionClosed ? 'Yes' : 'No',
    'alternate description': descriptionClosed ? record.alternateDescription.trim() : '',
    language: TDR_LANGUAGE,
    'translated filename': '',
    copyright: TDR_COPYRIGHT,
    'related material': '',
    'restrictions on use': '',
    'evidence provided by': '',
  };
  return TDR_HEADERS.map(h => values[h]);
}

function oneLineIfShort(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** "Minutes.docx" becomes "Minutes"; "Letter to A.B" and "Report v2.1" keep their ends. */
function withoutExtension(name: string, extension?: string): string {
  const ext = extensionOf(name);
  const known = extension
    ? ext === extension.toLowerCase()
    : KNOWN_EXTENSIONS.has(ext) || ext === 'pdf';
  return ext && known ? name.slice(0, name.length - ext.length - 1) : name;
}

/**
 * What TDR would refuse in a row, for the records team to fix before upload (the file is still
 * in the package; only the metadata needs work).
 */
export function tdrProblems(record: TdrRecordFields): string[] {
  const problems: string[] = [];
  if (record.description.length > MAX_DESCRIPTION) {
    problems.push(`description is longer than ${MAX_DESCRIPTION} characters and was cut`);
  }
  if (!isClosed(record.closureStatus)) return problems;
  const codes = foiCodes(record.foiExemptions);
  const periods = closurePeriods(record.closurePeriod, codes.length);
  if (!codes.length) problems.push('closed, but no FOI exemption code');
  const unknown = codes.filter(c => !TDR_FOI_CODES.includes(c));
  if (unknown.length) problems.push(`FOI exemption codes TDR does not list: ${unknown.join(', ')}`);
  if (!periods.length) problems.push('closed, but no closure period');
  else if (codes.length && periods.length !== codes.length) {
    problems.push(`${periods.length} closure periods for ${codes.length} exemption codes`);
  }
  if (periods.some(p => p < 1 || p > 150)) problems.push('closure period outside 1 to 150 years');
  if (!record.foiScheduleDate) problems.push('closed, but no FOI schedule date');
  if (yes(record.titleClosed) && !record.alternateTitle.trim()) {
    problems.push('title closed, but no alternate title');
  }
  if (record.alternateTitle.length > MAX_SHORT_TEXT) {
    problems.push(`alternate title is longer than ${MAX_SHORT_TEXT} characters`);
  }
  if (yes(record.descriptionClosed) && !record.alternateDescription.trim()) {
    problems.push('description closed, but no alternate description');
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Google files: what they become in the package.

export interface ExportFormat {
  mimeType: string;
  extension: string;
  /** What the user calls the source, for messages. */
  label: string;
}

/**
 * Google Docs, Sheets, Slides and Drawings go into the package as PDF. PDF is the one conversion
 * Apps Script documents for every Docs editors file (File.getAs), it fixes the record as it
 * reads at transfer, any archive can open it, and TDR accepts it. The open editable formats (ODT,
 * ODS, ODP) are only reachable through Drive's files.export, which the advanced Drive service
 * does not hand back to scripts (it is typed void and needs an undocumented alt=media argument)
 * and which a direct request could reach only by widening the manifest's URL allow-list.
 * Spreadsheets lose their formulas in PDF: where the calculations are part of the record, declare
 * an .ods or .xlsx copy as well.
 */
export const GOOGLE_EXPORTS: Record<string, ExportFormat> = {
  'application/vnd.google-apps.document': {
    mimeType: 'application/pdf',
    extension: 'pdf',
    label: 'Google Doc',
  },
  'application/vnd.google-apps.spreadsheet': {
    mimeType: 'application/pdf',
    extension: 'pdf',
    label: 'Google Sheet',
  },
  'application/vnd.google-apps.presentation': {
    mimeType: 'application/pdf',
    extension: 'pdf',
    label: 'Google Slides presentation',
  },
  'application/vnd.google-apps.drawing': {
    mimeType: 'application/pdf',
    extension: 'pdf',
    label: 'Google Drawing',
  },
};

export const GOOGLE_PREFIX = 'application/vnd.google-apps.';
export const DRIVE_SHORTCUT = 'application/vnd.google-apps.shortcut';

const GOOGLE_LABELS: Record<string, string> = {
  'application/vnd.google-apps.form': 'A Google Form',
  'application/vnd.google-apps.site': 'A Google Site',
  'application/vnd.google-apps.script': 'An Apps Script project',
  'application/vnd.google-apps.map': 'A Google My Map',
  'application/vnd.google-apps.jam': 'A Jamboard',
  'application/vnd.google-apps.folder': 'A folder',
};

export function isGoogleType(mimeType: string): boolean {
  return mimeType.startsWith(GOOGLE_PREFIX);
}

export function exportFormat(mimeType: string): ExportFormat | null {
  return GOOGLE_EXPORTS[mimeType] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Files TDR refuses (puids/disallowed-puids.json and excluded-filenames.json, by reason).

export interface FileFacts {
  name: string;
  mimeType: string;
  /** Bytes; null for Google files, whose size is known only once exported. */
  size: number | null;
}

/**
 * The archive formats of TDR's "Zip" list, by extension, and 7-Zip, which the list does not name
 * but which TDR's rule ("zip and other archives") covers.
 */
const ARCHIVE_EXTENSIONS = new Set([
  'zip',
  'zipx',
  'rar',
  '7z',
  'tar',
  'gz',
  'tgz',
  'bz2',
  'tbz',
  'tbz2',
  'xz',
  'txz',
  'z',
  'lz',
  'lzma',
  'lzh',
  'lha',
  'arj',
  'arc',
  'sit',
  'sitx',
  'sea',
  'jar',
  'war',
  'ear',
  'dmg',
  'wim',
  'warc',
  'shar',
  'zoo',
  'zpaq',
  'pea',
  'xar',
  'hqx',
  'uue',
  'vdi',
]);
const ARCHIVE_MIMES = new Set([
  'application/zip',
  'application/x-zip',
  'application/x-zip-compressed',
  'application/x-7z-compressed',
  'application/x-rar-compressed',
  'application/vnd.rar',
  'application/x-rar',
  'application/x-tar',
  'application/gzip',
  'application/x-gzip',
  'application/x-bzip',
  'application/x-bzip2',
  'application/x-xz',
  'application/x-lzh-compressed',
  'application/x-arj',
  'application/x-stuffit',
  'application/java-archive',
  'application/x-apple-diskimage',
  'application/warc',
]);
const WEB_ARCHIVE_EXTENSIONS = new Set(['mht', 'mhtml', 'webarchive']);
const WEB_ARCHIVE_MIMES = new Set([
  'multipart/related',
  'application/x-mimearchive',
  'message/rfc822-mhtml',
]);
const EXECUTABLE_EXTENSIONS = new Set([
  'exe',
  'dll',
  'com',
  'msi',
  'scr',
  'sys',
  'cpl',
  'ocx',
  'drv',
  'efi',
]);
const EXECUTABLE_MIMES = new Set([
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-ms-installer',
  'application/x-msi',
  'application/x-executable',
  'application/x-dosexec',
  'application/vnd.microsoft.portable-executable',
]);
const WINDOWS_SHORTCUT_EXTENSIONS = new Set(['lnk', 'url']);
const SYSTEM_FILE_NAMES = new Set(['thumbs.db', 'desktop.ini', '.ds_store']);
/** Office formats kept in a zip container; encrypted, they come in an OLE2 container instead. */
const OOXML_EXTENSIONS = new Set([
  'docx',
  'docm',
  'dotx',
  'dotm',
  'xlsx',
  'xlsm',
  'xltx',
  'xltm',
  'xlsb',
  'pptx',
  'pptm',
  'potx',
  'potm',
  'ppsx',
  'ppsm',
]);
/** Other formats that are zip files inside and fine for TDR. */
const ZIP_CONTAINER_EXTENSIONS = new Set([
  ...OOXML_EXTENSIONS,
  'odt',
  'ods',
  'odp',
  'odg',
  'odf',
  'ott',
  'ots',
  'otp',
  'epub',
  'kmz',
  'vsdx',
  'xps',
  'oxps',
]);

export function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name.trim());
  return match ? match[1].toLowerCase() : '';
}

/** Why TDR would refuse the file, judged from its name, type and size; null if it would not. */
export function rejectionByType(file: FileFacts): string | null {
  const mime = file.mimeType.toLowerCase();
  const name = file.name.trim();
  const lower = name.toLowerCase();
  const ext = extensionOf(name);
  if (mime === DRIVE_SHORTCUT) {
    return 'A Drive shortcut, not a file: TDR takes files only; transfer the file it points to';
  }
  if (isGoogleType(mime)) {
    if (exportFormat(mime)) return null;
    const what = GOOGLE_LABELS[mime] ?? 'This kind of Google file';
    return `${what} cannot be exported to a file TDR accepts: transfer a PDF of it instead`;
  }
  if (file.size === 0) return 'Empty file (0 bytes): TDR does not accept zero-byte files';
  if (SYSTEM_FILE_NAMES.has(lower) || lower.startsWith('~$') || lower.startsWith('._')) {
    return 'System file (such as Thumbs.db, desktop.ini or an Office lock file), not a record';
  }
  if (WEB_ARCHIVE_EXTENSIONS.has(ext) || WEB_ARCHIVE_MIMES.has(mime)) {
    return 'Web archive (MHTML): TDR rejects it; save the page as PDF and declare that';
  }
  if (ARCHIVE_EXTENSIONS.has(ext) || ARCHIVE_MIMES.has(mime)) {
    return `Archive${ext ? ` (.${ext})` : ''}: TDR rejects archives; extract its files and declare them as records`;
  }
  if (EXECUTABLE_EXTENSIONS.has(ext) || EXECUTABLE_MIMES.has(mime)) {
    return 'Executable program: TDR rejects executables';
  }
  if (WINDOWS_SHORTCUT_EXTENSIONS.has(ext)) {
    return `Windows shortcut (.${ext}): TDR rejects shortcuts; transfer the file it points to`;
  }
  if (ext === 'bak') return 'Backup file (.bak): TDR rejects backup files';
  if (ext === 'dot') return 'Word 97-2003 template (.dot): TDR rejects templates';
  return null;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const GZIP = [0x1f, 0x8b];
const RAR = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07];
const SEVEN_ZIP = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c];
const ELF = [0x7f, 0x45, 0x4c, 0x46];
const PDF = [0x25, 0x50, 0x44, 0x46];

/** Bytes as read in Apps Script are signed (-128..127); these compare them unsigned. */
function startsWith(bytes: ArrayLike<number>, signature: number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => (bytes[at + i] & 0xff) === b);
}

function contains(bytes: ArrayLike<number>, text: string): boolean {
  const needle = Array.from(text, c => c.charCodeAt(0));
  const first = needle[0];
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    if ((bytes[i] & 0xff) !== first) continue;
    for (let j = 1; j < needle.length; j++) {
      if ((bytes[i + j] & 0xff) !== needle[j]) continue outer;
    }
    return true;
  }
  return false;
}

/** A Windows (PE) program: "MZ", then "PE\0\0" where the DOS header points. */
function isPortableExecutable(bytes: ArrayLike<number>): boolean {
  if (!startsWith(bytes, [0x4d, 0x5a]) || bytes.length < 0x40) return false;
  const at =
    (bytes[0x3c] & 0xff) |
    ((bytes[0x3d] & 0xff) << 8) |
    ((bytes[0x3e] & 0xff) << 16) |
    ((bytes[0x3f] & 0xff) << 24);
  return at > 0 && startsWith(bytes, [0x50, 0x45, 0, 0], at);
}

/** Why TDR would refuse the file, judged from its content; null if it would not. */
export function rejectionByContent(name: string, bytes: ArrayLike<number>): string | null {
  const ext = extensionOf(name);
  if (bytes.length === 0) return 'Empty file (0 bytes): TDR does not accept zero-byte files';
  if (OOXML_EXTENSIONS.has(ext) && startsWith(bytes, OLE2)) {
    // An encrypted .docx/.xlsx/.pptx is an OLE2 compound file holding the encrypted package.
    return 'Password-protected Office file: TDR cannot open it; remove the password and declare it again';
  }
  if (startsWith(bytes, PDF) && contains(bytes, '/Encrypt')) {
    return 'Password-protected PDF: TDR cannot preserve it; remove the password and declare it again';
  }
  if (isPortableExecutable(bytes) || startsWith(bytes, ELF)) {
    return 'Executable program: TDR rejects executables';
  }
  const archive =
    (startsWith(bytes, ZIP) && !ZIP_CONTAINER_EXTENSIONS.has(ext)) ||
    startsWith(bytes, GZIP) ||
    startsWith(bytes, RAR) ||
    startsWith(bytes, SEVEN_ZIP);
  if (archive) {
    return 'Archive (by its content): TDR rejects archives; extract its files and declare them as records';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// File names in the package.

/** Longest name kept, extension included: paths stay well inside Windows' 260 characters. */
export const MAX_FILE_NAME = 120;

const MIME_EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'message/rfc822': 'eml',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/html': 'html',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/tiff': 'tif',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/rtf': 'rtf',
  'application/xml': 'xml',
  'application/json': 'json',
};

const KNOWN_EXTENSIONS = new Set([...Object.values(MIME_EXTENSIONS), ...ZIP_CONTAINER_EXTENSIONS]);

/** The extension a file keeps in the package: its own, else one for its type. */
export function packageExtension(name: string, mimeType: string): string {
  const google = exportFormat(mimeType);
  if (google) return google.extension;
  return extensionOf(name) || MIME_EXTENSIONS[mimeType.toLowerCase()] || '';
}

/**
 * A name TDR and Windows can hold: the record id first (so names are unique and sort by record),
 * then the title, without the characters Windows refuses (< > : " / \ | ? * and control
 * characters), without trailing dots or spaces, and cut to MAX_FILE_NAME characters.
 */
export function tdrFileName(recordId: string, title: string, extension: string): string {
  const ext = extension ? `.${extension.toLowerCase().replace(/[^a-z0-9]/g, '')}` : '';
  const cleanTitle = withoutExtension(title.trim(), extension)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[<>:"/\\|?*]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  let base = cleanTitle ? `${recordId} ${cleanTitle}` : recordId;
  const room = MAX_FILE_NAME - ext.length;
  if (base.length > room) {
    base = base.slice(0, room);
    // Never end on half of a surrogate pair.
    if (/[\ud800-\udbff]$/.test(base)) base = base.slice(0, -1);
  }
  base = base.replace(/[. ]+$/, '');
  return `${base || recordId}${ext}`;
}

/** A series code as a folder name (codes are letters, digits and hyphens already). */
export function seriesFolderName(series: string): string {
  // eslint-disable-next-line no-control-regex
  return series.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-').trim() || 'No series';
}

// ---------------------------------------------------------------------------------------------
// The other files of the package.

export const CONTENT_FOLDER = 'content';
export const METADATA_FILE = 'metadata.csv';
export const CHECKSUM_FILE = 'checksums.sha256';
export const REJECTED_FILE = 'rejected-files.csv';
export const README_FILE = 'README.txt';
export const REJECTED_HEADERS = ['record', 'title', 'file', 'reason'] as const;

/** One line of checksums.sha256, in the format sha256sum writes and checks. */
export function checksumLine(sha256: string, filepath: string): string {
  return `${sha256}  ${filepath}`;
}

/** Whether a record's selection decision is to transfer it to The National Archives. */
export function selectedForTransfer(selection: string): boolean {
  return /^\s*(transfer(red)? to (tna|the national archives)|select(ed)?( for (transfer|tna|permanent preservation))?)\s*$/i.test(
    selection
  );
}
