import {
  mapHeaders,
  REGISTER_COLUMNS,
  registerHeadroom,
  SPREADSHEET_CELL_LIMIT,
} from '../../src/domain/register-schema';

describe('register columns', () => {
  it('finds columns by header wherever they are and reports the missing ones', () => {
    const headers = REGISTER_COLUMNS.map(c => c.header)
      .reverse()
      .filter(h => h !== 'Series');
    const { index, missing } = mapHeaders(headers, REGISTER_COLUMNS);
    expect(missing).toEqual(['Series']);
    expect(index.recordId).toBe(headers.indexOf('Record ID'));
  });

  it('reports how many more records fit in the 10 million cells of a spreadsheet', () => {
    const headroom = registerHeadroom(1_000_000, 10_000, 50);
    expect(headroom.rowsLeft).toBe((SPREADSHEET_CELL_LIMIT - 1_000_000) / 50);
    expect(headroom.percentUsed).toBe(10);
  });
});
