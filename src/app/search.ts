// Finding records in the register from any sidebar. Each criterion is one server-side search of
// its own column (the date range one read of "Date of the record"), however large the register;
// then only the rows of the page are read, and each is shown only if the user can open its item.
import { canOpen } from '../adapters/drive';
import { messageOf } from './errors';
import { isTeamMember } from './records-team';
import type { Workplace } from './deployment';
import type { RegisterEntry } from '../domain/declaration';
import { FINAL_STATES } from '../domain/register-schema';
import { isDate } from '../domain/review';
import {
  CHECKS_PER_PAGE,
  hasWords,
  intersectRows,
  inDateRange,
  PAGE_SIZE,
  pageCandidates,
  readSpans,
  wholeWordPattern,
} from '../domain/search';
import type { DateBounds, SearchCriteria } from '../domain/search';

/**
 * Rows this close share one read: reading a row as wide as a result needs costs ≈ 0.25 ms
 * (24 cells at ≈ 10 µs), another read ≈ 50 ms: a gap of 100 rows (≈ 25 ms) still saves time.
 */
const SPAN_GAP = 100;

/** The columns a result shows, and those a page needs to decide whether to show it. */
const RESULT_KEYS = [
  'recordId',
  'fileId',
  'url',
  'title',
  'series',
  'classification',
  'recordDate',
  'lifecycle',
];

export interface SearchHit {
  row: number;
  recordId: string;
  title: string;
  series: string;
  classification: string;
  recordDate: Date | string;
  lifecycle: string;
  /** The item's link; '' when the item is gone (destroyed, transferred) or has none. */
  url: string;
}

export interface SearchPage {
  hits: SearchHit[];
  /** The register's last row when the search started: later pages look no further down. */
  upTo: number;
  /** Where the next page starts (rows below it), or null on the last page. */
  next: number | null;
  /** Records team members see every record, destroyed and transferred included. */
  everyRecord: boolean;
  /** How many rows match, for the records team when that is exact (no second title word). */
  total: number | null;
}

export interface SearchPosition {
  /** Last row the first page saw (omitted: the register's last row now). */
  upTo?: number;
  /** The page starts at rows below this one (omitted: the first page). */
  before?: number;
}

export function searchRegister(
  w: Workplace,
  criteria: SearchCriteria,
  position: SearchPosition = {}
): SearchPage {
  const register = w.register;
  const last = register.lastRow('register');
  const upTo = Math.min(position.upTo ?? last, last);
  const everyRecord = isTeamMember(w);
  const bounds = criteria.from || criteria.to ? dateBounds(criteria.from, criteria.to) : null;
  const found = matchingRows(w, criteria, bounds, upTo);
  const { rows: candidates, more } = pageCandidates(found.rows, position.before ?? upTo + 1);

  const hits: SearchHit[] = [];
  let examined = 0;
  // Read a page's worth of rows at a time: most pages need only the first.
  for (let at = 0; at < candidates.length && hits.length < PAGE_SIZE; at += PAGE_SIZE) {
    const chunk = candidates.slice(at, at + PAGE_SIZE);
    const read = register.readRows('register', readSpans(chunk, SPAN_GAP), RESULT_KEYS);
    for (const row of chunk) {
      if (hits.length === PAGE_SIZE) break;
      examined++;
      const entry = read.get(row)?.entry;
      if (!entry || !String(entry.recordId ?? '').trim()) continue;
      // Criteria not searched on the server (and title words after the first) are checked here.
      if (!matches(entry, criteria, bounds)) continue;
      const hit = everyRecord ? asHit(row, entry, true) : openableHit(row, entry);
      if (hit) hits.push(hit);
    }
  }
  const stoppedAt = candidates[examined - 1];
  const next = examined < candidates.length || more ? (stoppedAt ?? null) : null;
  return {
    hits,
    upTo,
    next,
    everyRecord,
    total: everyRecord && found.exact ? found.rows.length : null,
  };
}

/** Whether a row read meets every criterion (the server searched some of them already). */
function matches(entry: RegisterEntry, c: SearchCriteria, bounds: DateBounds | null): boolean {
  const text = (key: string) => String(entry[key] ?? '').trim();
  return (
    (!c.recordId || text('recordId').toUpperCase() === c.recordId) &&
    (!c.series || text('series') === c.series) &&
    (!c.classification || text('classification') === c.classification) &&
    (!bounds || inDateRange(entry.recordDate, bounds)) &&
    hasWords(text('title'), c.words)
  );
}

/**
 * The rows the server finds, intersected, highest first. The most selective criteria are
 * searched first; once a few rows are left (no more than one page examines), the rest are
 * checked on those rows instead of searched. `exact` when every row listed meets every criterion.
 */
function matchingRows(
  w: Workplace,
  c: SearchCriteria,
  bounds: DateBounds | null,
  upTo: number
): { rows: number[]; exact: boolean } {
  const register = w.register;
  const searches: (() => number[])[] = [];
  if (c.recordId) {
    searches.push(() =>
      register.matchingRows('register', 'recordId', { text: c.recordId!, entireCell: true }, upTo)
    );
  }
  if (c.words.length) {
    searches.push(() =>
      register.matchingRows(
        'register',
        'title',
        { text: wholeWordPattern(c.words[0]), regex: true },
        upTo
      )
    );
  }
  if (c.series) {
    // A series can hold tens of thousands of records: one read of the column costs about as much
    // as a TextFinder and returns no range per match.
    searches.push(() =>
      register
        .columnValues('register', 'series', upTo)
        .flatMap((value, i) => (String(value ?? '').trim() === c.series ? [i + 2] : []))
    );
  }
  if (bounds) {
    // A TextFinder cannot compare dates: the column is read once (≈ 1 s for 100,000 rows).
    searches.push(() =>
      register
        .columnValues('register', 'recordDate', upTo)
        .flatMap((value, i) => (inDateRange(value, bounds) ? [i + 2] : []))
    );
  }
  if (c.classification) {
    // Two values share the column, so about half of it matches either: one read of the column
    // costs as much as a TextFinder and returns no range per match. Compared whole, so
    // OFFICIAL never matches OFFICIAL-SENSITIVE.
    searches.push(() =>
      register
        .columnValues('register', 'classification', upTo)
        .flatMap((value, i) => (String(value ?? '').trim() === c.classification ? [i + 2] : []))
    );
  }
  const sets: number[][] = [];
  for (const search of searches) {
    if (sets.length && intersectRows(sets).length <= CHECKS_PER_PAGE) {
      return { rows: intersectRows(sets), exact: false };
    }
    const rows = search();
    if (!rows.length) return { rows: [], exact: true };
    sets.push(rows);
  }
  return { rows: intersectRows(sets), exact: c.words.length <= 1 };
}

/** Days as instants in the script's time zone (the zone the register's dates are entered in). */
function dateBounds(from: string | null, to: string | null): DateBounds {
  const zone = Session.getScriptTimeZone();
  const startOf = (day: string, plusDays = 0): number => {
    const [y, m, d] = day.split('-').map(Number);
    const utc = Date.UTC(y, m - 1, d + plusDays);
    const offset = /^([+-])(\d{2})(\d{2})$/.exec(Utilities.formatDate(new Date(utc), zone, 'Z'));
    const minutes = offset
      ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]))
      : 0;
    return utc - minutes * 60_000;
  };
  return {
    from,
    to,
    fromMs: from ? startOf(from) : null,
    untilMs: to ? startOf(to, 1) : null,
  };
}

function asHit(row: number, entry: RegisterEntry, withLink: boolean): SearchHit {
  const text = (key: string) => String(entry[key] ?? '').trim();
  const lifecycle = text('lifecycle');
  const date = entry.recordDate;
  return {
    row,
    recordId: text('recordId'),
    title: text('title'),
    series: text('series'),
    classification: text('classification'),
    recordDate: isDate(date) ? date : text('recordDate'),
    lifecycle,
    url: withLink && !FINAL_STATES.includes(lifecycle) ? text('url') : '',
  };
}

/**
 * The hit, if the user can open the record's item (for emails, the saved .eml): one Drive read
 * as the user, which fails for a file not shared with them. Records gone from the department's
 * custody, or in the bin, are not shown to staff.
 */
function openableHit(row: number, entry: RegisterEntry): SearchHit | null {
  const fileId = String(entry.fileId ?? '').trim();
  if (!fileId || FINAL_STATES.includes(String(entry.lifecycle ?? '').trim())) return null;
  try {
    if (!canOpen(fileId)) return null;
  } catch (error) {
    // Not shown rather than a failed search; the log says why.
    console.warn(`Search result ${String(entry.recordId)} left out: ${messageOf(error)}`);
    return null;
  }
  return asHit(row, entry, true);
}
