// Searching the register: what a search form may ask for, how title words are matched, and how
// results are paged. Each criterion becomes one server-side search of its own column; the row
// sets are intersected here, newest (highest row) first.
import { HELD_CLASSIFICATIONS } from './classification';
import { isDate } from './review';

/** Results shown per page. */
export const PAGE_SIZE = 10;
/**
 * Candidate rows examined per page: rows the user cannot open (or whose title lacks a second
 * word) are skipped, and checking each costs a Drive call, so a page stops after this many and
 * offers the next.
 */
export const CHECKS_PER_PAGE = 3 * PAGE_SIZE;
/** Title words searched for; more are ignored (the first one already narrows the rows). */
export const MAX_WORDS = 8;

/** The form as typed: every field a string, '' when not given; dates as yyyy-mm-dd. */
export interface SearchForm {
  recordId: string;
  words: string;
  series: string;
  classification: string;
  from: string;
  to: string;
}

export const EMPTY_SEARCH: SearchForm = {
  recordId: '',
  words: '',
  series: '',
  classification: '',
  from: '',
  to: '',
};

export interface SearchCriteria {
  recordId: string | null;
  /** Lower-case, unique, the longest (searched on the server) first. */
  words: string[];
  series: string | null;
  classification: string | null;
  /** Days of the record, yyyy-mm-dd, either end open. */
  from: string | null;
  to: string | null;
}

/**
 * Characters that separate words: whitespace, ASCII punctuation and common typographic marks
 * (curly quotes, dashes, the Arabic comma). The same class serves the TextFinder's regular
 * expression (RE2) and the check here, so both agree on what a word is. Written with \xHH
 * escapes and literal characters only, which RE2 and JavaScript read alike.
 */
const SEPARATOR_CLASS = '[\\s\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E\u00A0‐-―‘-‟،]';
const SEPARATORS = new RegExp(`${SEPARATOR_CLASS}+`);

/** The words of a title or a query, lower-case, in order, each once. */
export function titleWords(text: string): string[] {
  const words = String(text ?? '')
    .toLowerCase()
    .split(SEPARATORS)
    .filter(Boolean);
  return [...new Set(words)];
}

/** Query words with the most selective (the longest) first. */
export function queryWords(text: string): string[] {
  return titleWords(text)
    .slice(0, MAX_WORDS)
    .map((word, i) => ({ word, i }))
    .sort((a, b) => b.word.length - a.word.length || a.i - b.i)
    .map(w => w.word);
}

/**
 * A regular expression finding `word` as a whole word anywhere in a cell (use case-insensitive).
 * Words hold no separator, hence no ASCII punctuation, so nothing in them needs escaping.
 */
export function wholeWordPattern(word: string): string {
  return `(^|${SEPARATOR_CLASS})${word}($|${SEPARATOR_CLASS})`;
}

/** Whether a title holds every word, each as a whole word. */
export function hasWords(title: string, words: string[]): boolean {
  const have = new Set(titleWords(title));
  return words.every(w => have.has(w));
}

const RECORD_ID = /^REC-\d{4}-\d{1,6}$/i;

/** The sidebar's one search box: a record id, or title words. */
export function quickSearch(text: string): SearchForm {
  const typed = String(text ?? '').trim();
  return RECORD_ID.test(typed)
    ? { ...EMPTY_SEARCH, recordId: typed }
    : { ...EMPTY_SEARCH, words: typed };
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/** Checks the form; every problem is reported at once, nothing is guessed. */
export function parseCriteria(
  form: SearchForm,
  known: { series: string[] }
): { criteria: SearchCriteria; errors: string[] } {
  const errors: string[] = [];
  const text = (v: string) => String(v ?? '').trim();

  const recordId = text(form.recordId).toUpperCase();
  if (recordId && /\s/.test(recordId)) {
    errors.push(`"${text(form.recordId)}" is not a record ID: they look like REC-2024-000123.`);
  }

  const words = queryWords(form.words);
  if (text(form.words) && !words.length) {
    errors.push('The title words are only punctuation: type at least one word.');
  }

  let series = text(form.series);
  if (series) {
    const code = known.series.find(s => s.toUpperCase() === series.toUpperCase());
    if (code) series = code;
    else errors.push(`There is no series "${series}" in the file plan.`);
  }

  let classification = text(form.classification).toUpperCase();
  if (classification && !(HELD_CLASSIFICATIONS as readonly string[]).includes(classification)) {
    errors.push(
      `The register holds no "${text(form.classification)}" records: it holds ${HELD_CLASSIFICATIONS.join(' and ')}.`
    );
    classification = '';
  }

  const from = text(form.from);
  const to = text(form.to);
  if (from && !isDay(from)) errors.push(`"${from}" is not a date.`);
  if (to && !isDay(to)) errors.push(`"${to}" is not a date.`);
  if (from && to && isDay(from) && isDay(to) && from > to) {
    errors.push(
      `The dates are the wrong way round: "from" (${from}) is after "to" (${to}). Nothing was searched.`
    );
  }

  const criteria: SearchCriteria = {
    recordId: recordId || null,
    words,
    series: series || null,
    classification: classification || null,
    from: from || null,
    to: to || null,
  };
  if (!errors.length && !isSearch(criteria) && !text(form.words)) {
    errors.push(
      'Enter something to search by: a record ID, words from the title, a series, a classification or dates.'
    );
  }
  return { criteria, errors };
}

function isSearch(c: SearchCriteria): boolean {
  return !!(c.recordId || c.words.length || c.series || c.classification || c.from || c.to);
}

/** The criteria back as form strings (to carry in action parameters, or refill the form). */
export function formOf(c: SearchCriteria, typedWords?: string): SearchForm {
  return {
    recordId: c.recordId ?? '',
    words: typedWords ?? c.words.join(' '),
    series: c.series ?? '',
    classification: c.classification ?? '',
    from: c.from ?? '',
    to: c.to ?? '',
  };
}

/** A date range as instants: from the start of `from` to the end of `to`, in the register's zone. */
export interface DateBounds {
  from: string | null;
  to: string | null;
  /** First instant of the `from` day. */
  fromMs: number | null;
  /** First instant after the `to` day. */
  untilMs: number | null;
}

/**
 * Whether a "Date of the record" cell falls in the range: a date by its instant, text typed by
 * hand (yyyy-mm-dd or dd/mm/yyyy) by its day; anything else is not a date and never matches.
 */
export function inDateRange(value: unknown, bounds: DateBounds): boolean {
  if (isDate(value)) {
    const ms = value.getTime();
    return (
      (bounds.fromMs === null || ms >= bounds.fromMs) &&
      (bounds.untilMs === null || ms < bounds.untilMs)
    );
  }
  const typed = String(value ?? '').trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed);
  const day = uk ? `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}` : typed;
  if (!isDay(day)) return false;
  return (bounds.from === null || day >= bounds.from) && (bounds.to === null || day <= bounds.to);
}

/** Rows in every set, highest first. */
export function intersectRows(sets: number[][]): number[] {
  if (!sets.length) return [];
  const [smallest, ...rest] = [...sets].sort((a, b) => a.length - b.length);
  const others = rest.map(s => new Set(s));
  return [...new Set(smallest)].filter(r => others.every(s => s.has(r))).sort((a, b) => b - a);
}

/** The candidates a page examines: those below `cursor` (rows, highest first), at most `limit`. */
export function pageCandidates(
  rowsDescending: number[],
  cursor: number,
  limit = CHECKS_PER_PAGE
): { rows: number[]; more: boolean } {
  const below = rowsDescending.filter(r => r < cursor);
  return { rows: below.slice(0, limit), more: below.length > limit };
}

/**
 * Rows grouped into spans read with one call each: a gap of a few rows costs less to read
 * (≈ 10 µs a cell) than another call (≈ 50 ms), so rows up to `maxGap` apart share a span.
 */
export function readSpans(rows: number[], maxGap: number): { first: number; count: number }[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const spans: { first: number; count: number }[] = [];
  for (const row of sorted) {
    const last = spans[spans.length - 1];
    if (last && row - (last.first + last.count - 1) <= maxGap + 1)
      last.count = row - last.first + 1;
    else spans.push({ first: row, count: 1 });
  }
  return spans;
}

/** Page starts carried between pages ("upTo+1,4021,3977"), newest page first. */
export function parseStarts(text: string): number[] {
  return String(text ?? '')
    .split(',')
    .map(s => Number(s))
    .filter(n => Number.isInteger(n) && n > 1);
}
