// What a cell holds and how Sheets turns script values into it and back: user-entered parsing on
// writes (formulas, numbers, booleans, dates, the apostrophe text marker), typed values on reads,
// and the text a cell displays. A1 notation helpers live here too.
import { isDate } from '../core/context';
import type { CellState } from '../core/state';
import { formatDate } from '../utilities/format-date';
import { SHEETS_MESSAGES, sheetsError } from './messages';

/** New spreadsheets take their creator's time zone; the department works in London. */
export const SPREADSHEET_TIME_ZONE = 'Europe/London';
export const MAX_CELL_CHARACTERS = 50000;
/** What a date cell shows until a format is set (Sheets' en_GB date-time default). */
const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy hh:mm:ss';
/** A formula the fakes do not evaluate reads back as a formula parse error would. */
export const UNEVALUATED_FORMULA = '#ERROR!';

export type StoredCell = CellState | null | undefined;

export function isEmptyCell(cell: StoredCell): boolean {
  return cell === undefined || cell === null || cell === '';
}

export function isFormula(cell: StoredCell): cell is { f: string } {
  return typeof cell === 'object' && cell !== null && 'f' in cell;
}

export function isDateCell(cell: StoredCell): cell is { d: number } {
  return typeof cell === 'object' && cell !== null && 'd' in cell;
}

// ---- Writing: what Sheets stores for a value a script sets (user-entered parsing) ----

const NUMBER = /^\s*([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?\s*(%?)\s*$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function parseNumber(text: string): number | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const digits = m[2].replace(/,/g, '') + (m[3] ?? '');
  if (!/\d/.test(digits)) return null;
  const value = Number(`${m[1]}${digits}${m[4] ? `e${m[4]}` : ''}`);
  if (!isFinite(value)) return null;
  return m[5] ? value / 100 : value;
}

/** Offset of the spreadsheet's zone from UTC at the given instant, in milliseconds. */
function zoneOffsetMs(utcMs: number): number {
  const z = formatDate(new Date(utcMs), SPREADSHEET_TIME_ZONE, 'Z');
  const sign = z[0] === '-' ? -1 : 1;
  return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60000;
}

/** A wall-clock time in the spreadsheet's zone, as epoch ms. */
export function zonedTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  return guess - zoneOffsetMs(guess - zoneOffsetMs(guess));
}

function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return zonedTime(y, mo, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
}

/**
 * The cell Sheets stores when a script writes `value` (setValue, setValues, appendRow parse input
 * as if typed). `plainText` is true in a column formatted as plain text (`@`), where strings are
 * kept as typed. Returns '' for an empty cell.
 */
export function toStoredCell(value: unknown, plainText: boolean): CellState {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value)) return { d: value.getTime() };
  const text = String(value);
  if (text.length > MAX_CELL_CHARACTERS) throw sheetsError(SHEETS_MESSAGES.cellTooLong);
  if (text === '' || plainText) return text;
  const first = text[0];
  // The apostrophe marks text: it is not stored and getValues does not return it.
  if (first === "'") return text.slice(1);
  if (first === '=') return { f: text };
  const number = parseNumber(text);
  if (number !== null) return number;
  // A leading sign or @ starts a formula too (`-abc` is `=-abc`); a lone symbol stays text.
  if ((first === '+' || first === '-' || first === '@') && text.length > 1)
    return { f: `=${text}` };
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  const date = parseIsoDate(text);
  if (date !== null) return { d: date };
  return text;
}

/** A value as the host stores it directly (seeding): no parsing except `=` formulas and dates. */
export function toRawCell(value: unknown): CellState {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.charCodeAt(0) === 61 ? { f: value } : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value)) return { d: value.getTime() };
  if (typeof value === 'object' && ('f' in value || 'd' in value)) return value as CellState;
  return String(value);
}

// ---- Reading ----

const NUMERIC_FORMULA = /^=\s*([+-]?\d+(?:\.\d+)?)\s*$/;
const STRING_FORMULA = /^=\s*"([^"]*)"\s*$/;
const BOOLEAN_FORMULA = /^=\s*(TRUE|FALSE)\s*(?:\(\s*\))?\s*$/i;
const HYPERLINK_FORMULA = /^=\s*HYPERLINK\(\s*"([^"]*)"\s*(?:[,;]\s*"([^"]*)"\s*)?\)\s*$/i;

/**
 * What a formula computes. The fakes evaluate constants and HYPERLINK (the register links to
 * its records); anything else reads as `#ERROR!`.
 */
export function formulaResult(formula: string): string | number | boolean {
  let m = NUMERIC_FORMULA.exec(formula);
  if (m) return Number(m[1]);
  m = STRING_FORMULA.exec(formula);
  if (m) return m[1];
  m = BOOLEAN_FORMULA.exec(formula);
  if (m) return m[1].toUpperCase() === 'TRUE';
  m = HYPERLINK_FORMULA.exec(formula);
  if (m) return m[2] ?? m[1];
  return UNEVALUATED_FORMULA;
}

/** The value getValues returns: '' for empty, a Date of this realm for dates. */
export function cellValue(cell: StoredCell): unknown {
  if (cell === undefined || cell === null) return '';
  if (typeof cell !== 'object') return cell;
  if ('d' in cell) return new Date(cell.d);
  return formulaResult(cell.f);
}

export function cellFormula(cell: StoredCell): string {
  return isFormula(cell) ? cell.f : '';
}

// ---- Display ----

const NUMBER_FORMAT = /^([#0,]*)(?:\.([0#]*))?(%?)$/;

function formatNumber(value: number, format: string | undefined): string {
  const m = format ? NUMBER_FORMAT.exec(format) : null;
  if (!m || !format || !/[0#]/.test(format)) {
    // "General": integers as they are, other numbers to 10 significant digits.
    return Number.isInteger(value) ? String(value) : String(parseFloat(value.toPrecision(10)));
  }
  const scaled = m[3] ? value * 100 : value;
  const decimals = (m[2] ?? '').length;
  let text = scaled.toFixed(decimals);
  if (m[1].includes(',')) {
    const [whole, frac] = text.split('.');
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  return text + m[3];
}

function isDateFormat(format: string | undefined): format is string {
  return !!format && /[dyhs]/i.test(format.replace(/"[^"]*"/g, ''));
}

/** Sheets date patterns: `m`/`mm` are minutes next to hours or seconds, months otherwise. */
export function formatDateCell(ms: number, format: string): string {
  const tokens = format.match(/"[^"]*"|y+|m+|d+|h+|s+|am\/pm|[^"ymdhsa]+|a/gi) ?? [];
  const kinds = tokens.map(t => t[0].toLowerCase());
  const java = tokens
    .map((token, i) => {
      const kind = kinds[i];
      if (token[0] === '"') return `'${token.slice(1, -1).replace(/'/g, "''")}'`;
      if (kind === 'y') return token.length <= 2 ? 'yy' : 'yyyy';
      if (kind === 'd') return token.length >= 4 ? 'EEEE' : token.length === 3 ? 'EEE' : token;
      if (kind === 'h')
        return format.toLowerCase().includes('am/pm')
          ? 'h'.repeat(token.length)
          : 'H'.repeat(token.length);
      if (kind === 's') return token;
      if (kind === 'm') {
        const prev = kinds
          .slice(0, i)
          .reverse()
          .find(k => /[ymdhs]/.test(k));
        const next = kinds.slice(i + 1).find(k => /[ymdhs]/.test(k));
        const minutes = prev === 'h' || next === 's';
        if (minutes) return token.length >= 2 ? 'mm' : 'm';
        return token.length >= 4 ? 'MMMM' : token.length === 3 ? 'MMM' : 'M'.repeat(token.length);
      }
      if (token.toLowerCase() === 'am/pm') return 'a';
      return `'${token.replace(/'/g, "''")}'`;
    })
    .join('');
  return formatDate(new Date(ms), SPREADSHEET_TIME_ZONE, java);
}

/** The text a cell shows (getDisplayValues, and what TextFinder searches). */
export function cellDisplay(cell: StoredCell, format: string | undefined): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') {
    if (format === '@') return String(cell);
    if (isDateFormat(format)) return formatDateCell(serialToMs(cell), format);
    return formatNumber(cell, format);
  }
  if ('d' in cell)
    return formatDateCell(cell.d, isDateFormat(format) ? format : DEFAULT_DATE_FORMAT);
  const result = formulaResult(cell.f);
  return typeof result === 'number' ? formatNumber(result, format) : cellDisplay(result, format);
}

/** Sheets counts days from 30 December 1899; a number shown with a date format is such a day. */
function serialToMs(serial: number): number {
  return Date.UTC(1899, 11, 30) + serial * 86400000;
}

// ---- A1 notation ----

export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function rangeA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = cellA1(row, column);
  return numRows === 1 && numColumns === 1
    ? start
    : `${start}:${cellA1(row + numRows - 1, column + numColumns - 1)}`;
}

export interface GridArea {
  /** 1-based first row and column, with sizes. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

const A1_PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/**
 * Parses `A1`, `A1:C5`, `A:C`, `2:5` or `A2:C` (open ends reach the sheet's edge) for a sheet of
 * the given size. A `Sheet!` prefix is returned for the caller to check. Null when malformed.
 */
export function parseA1(
  notation: string,
  maxRows: number,
  maxColumns: number
): { sheetName: string | null; area: GridArea } | null {
  let text = notation.trim();
  let sheetName: string | null = null;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = text
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const parts = text.split(':');
  if (parts.length > 2 || parts.some(p => p === '')) return null;
  const ends = parts.map(p => A1_PART.exec(p));
  if (ends.some(m => !m || (m[1] === '' && m[2] === ''))) return null;
  const [a, b] = [ends[0] as RegExpExecArray, (ends[1] ?? ends[0]) as RegExpExecArray];
  if (parts.length === 1 && (a[1] === '' || a[2] === '')) return null;
  const c1 = a[1] ? columnNumber(a[1]) : 1;
  const c2 = b[1] ? columnNumber(b[1]) : maxColumns;
  const r1 = a[2] ? Number(a[2]) : 1;
  const r2 = b[2] ? Number(b[2]) : maxRows;
  if (r1 < 1 || r2 < 1 || c1 < 1 || c2 < 1) return null;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return {
    sheetName,
    area: { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 },
  };
}

export function areasOverlap(a: GridArea, b: GridArea): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}
