import {
  EMPTY_SEARCH,
  hasWords,
  inDateRange,
  intersectRows,
  pageCandidates,
  parseCriteria,
  parseStarts,
  queryWords,
  quickSearch,
  readSpans,
  titleWords,
  wholeWordPattern,
} from '../../src/domain/search';
import type { DateBounds } from '../../src/domain/search';

const KNOWN = { series: ['POL-DEV-01', 'FIN-ACC-01'] };
const search = (form: Partial<typeof EMPTY_SEARCH>) =>
  parseCriteria({ ...EMPTY_SEARCH, ...form }, KNOWN);

describe('search criteria', () => {
  test('a search with nothing to search by is refused with what can be given', () => {
    const { errors } = search({});
    expect(errors).toEqual([
      'Enter something to search by: a record ID, words from the title, a series, a classification or dates.',
    ]);
  });

  test('dates the wrong way round are refused, naming both', () => {
    const { errors } = search({ from: '2024-05-01', to: '2024-04-01' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/wrong way round.*2024-05-01.*2024-04-01/);
  });

  test('one open end of a date range is a search', () => {
    expect(search({ from: '2024-05-01' }).errors).toEqual([]);
    expect(search({ to: '2024-05-01' }).criteria).toMatchObject({ from: null, to: '2024-05-01' });
  });

  test('an unknown series and classification are named; known ones are normalised', () => {
    const { errors } = search({ series: 'XYZ-ABC-99', classification: 'SECRET' });
    expect(errors).toEqual([
      'There is no series "XYZ-ABC-99" in the file plan.',
      'The register holds no "SECRET" records: it holds OFFICIAL and OFFICIAL-SENSITIVE.',
    ]);
    const ok = search({ series: 'pol-dev-01', classification: 'official-sensitive' });
    expect(ok.errors).toEqual([]);
    expect(ok.criteria).toMatchObject({
      series: 'POL-DEV-01',
      classification: 'OFFICIAL-SENSITIVE',
    });
  });

  test('a record ID is trimmed and upper-cased; one with spaces inside is refused', () => {
    expect(search({ recordId: ' rec-2024-000123 ' }).criteria.recordId).toBe('REC-2024-000123');
    expect(search({ recordId: 'REC 2024 1' }).errors[0]).toMatch(/is not a record ID/);
  });

  test('title words that are only punctuation are refused', () => {
    expect(search({ words: '— ... !' }).errors).toEqual([
      'The title words are only punctuation: type at least one word.',
    ]);
  });

  test('every problem is reported at once', () => {
    expect(
      search({ series: 'NOPE', from: '2024-02-30', to: '2024-01-01', words: '!!' }).errors
    ).toHaveLength(3);
  });

  test('the search box tells a record ID from title words', () => {
    expect(quickSearch(' REC-2019-000042 ')).toMatchObject({ recordId: 'REC-2019-000042' });
    expect(quickSearch('board minutes')).toMatchObject({ recordId: '', words: 'board minutes' });
  });
});

describe('title words', () => {
  test('split on spaces and punctuation, lower-case, each once', () => {
    expect(titleWords('Invoice DfRR-2016-17-00417.pdf')).toEqual([
      'invoice',
      'dfrr',
      '2016',
      '17',
      '00417',
      'pdf',
    ]);
    expect(titleWords('“Board” minutes — board')).toEqual(['board', 'minutes']);
  });

  test('right-to-left words are words', () => {
    expect(titleWords('تقرير الميزانية، 2024')).toEqual(['تقرير', 'الميزانية', '2024']);
  });

  test('the longest query word goes first (it is searched on the server)', () => {
    expect(queryWords('the board minutes')).toEqual(['minutes', 'board', 'the']);
  });

  test('a title has the words only as whole words', () => {
    expect(hasWords('Board minutes, March', ['minutes', 'board'])).toBe(true);
    expect(hasWords('Boardroom minutes', ['board'])).toBe(false);
  });

  test('the whole-word pattern finds the word between separators only', () => {
    const pattern = new RegExp(wholeWordPattern('board'), 'i');
    expect(pattern.test('Board minutes')).toBe(true);
    expect(pattern.test('The (board)')).toBe(true);
    expect(pattern.test('minutes of the board')).toBe(true);
    expect(pattern.test('Boardroom')).toBe(false);
    expect(pattern.test('keyboard')).toBe(false);
  });
});

describe('dates', () => {
  // London in summer: midnight is 23:00 UTC the day before.
  const bounds: DateBounds = {
    from: '2024-06-01',
    to: '2024-06-30',
    fromMs: Date.UTC(2024, 4, 31, 23),
    untilMs: Date.UTC(2024, 5, 30, 23),
  };

  test('dates inside the days given match, either end included', () => {
    expect(inDateRange(new Date(Date.UTC(2024, 4, 31, 23)), bounds)).toBe(true);
    expect(inDateRange(new Date(Date.UTC(2024, 5, 30, 22, 59)), bounds)).toBe(true);
    expect(inDateRange(new Date(Date.UTC(2024, 5, 30, 23)), bounds)).toBe(false);
    expect(inDateRange(new Date(Date.UTC(2024, 4, 31, 22)), bounds)).toBe(false);
  });

  test('dates typed by hand match by their day; anything else never matches', () => {
    expect(inDateRange('2024-06-15', bounds)).toBe(true);
    expect(inDateRange('15/06/2024', bounds)).toBe(true);
    expect(inDateRange('2024-07-01', bounds)).toBe(false);
    expect(inDateRange('2024-06-31', bounds)).toBe(false);
    expect(inDateRange('', bounds)).toBe(false);
  });

  test('an open end leaves that side unbounded', () => {
    const from = { from: '2024-06-01', to: null, fromMs: Date.UTC(2024, 4, 31, 23), untilMs: null };
    expect(inDateRange(new Date(Date.UTC(2090, 0, 1)), from)).toBe(true);
    expect(inDateRange('2024-05-31', from)).toBe(false);
  });
});

describe('rows and pages', () => {
  test('row sets intersect, highest first', () => {
    expect(
      intersectRows([
        [2, 5, 9, 12],
        [12, 9, 3],
        [9, 12, 40],
      ])
    ).toEqual([12, 9]);
    expect(intersectRows([[4, 3]])).toEqual([4, 3]);
    expect(intersectRows([])).toEqual([]);
  });

  test('a page takes candidates below its start, up to the limit, and says if more remain', () => {
    const rows = [50, 40, 30, 20, 10];
    expect(pageCandidates(rows, 51, 2)).toEqual({ rows: [50, 40], more: true });
    expect(pageCandidates(rows, 40, 3)).toEqual({ rows: [30, 20, 10], more: false });
  });

  test('rows close together share a read; far apart they do not', () => {
    expect(readSpans([100, 3, 5, 4, 60], 10)).toEqual([
      { first: 3, count: 3 },
      { first: 60, count: 1 },
      { first: 100, count: 1 },
    ]);
    expect(readSpans([10, 21], 10)).toEqual([{ first: 10, count: 12 }]);
    expect(readSpans([10, 22], 10)).toHaveLength(2);
  });

  test('page starts survive a round trip through a parameter; junk is dropped', () => {
    expect(parseStarts('20001,19950,x,,1')).toEqual([20001, 19950]);
  });
});
