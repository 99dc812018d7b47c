import Papa from 'papaparse';
import { toCsv } from '../../src/domain/csv';

describe('CSV files for TDR and Purview', () => {
  it('writes a header line and rows with CRLF line ends, ending in a line end', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['1', '2'],
          ['3', ''],
        ]
      )
    ).toBe('a,b\r\n1,2\r\n3,\r\n');
  });

  it('quotes only values that need it, doubling quotes inside', () => {
    const csv = toCsv(
      ['title', 'note'],
      [
        ['Minutes, 3 May', 'said "no"'],
        ['Line one\nline two', 'plain'],
      ]
    );
    expect(csv).toBe(
      'title,note\r\n"Minutes, 3 May","said ""no"""\r\n"Line one\nline two",plain\r\n'
    );
    // Any RFC 4180 reader gets the values back exactly.
    expect(Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data).toEqual([
      ['title', 'note'],
      ['Minutes, 3 May', 'said "no"'],
      ['Line one\nline two', 'plain'],
    ]);
  });

  it('keeps values exactly, with no guard against spreadsheet formulas', () => {
    expect(toCsv(['v'], [['=SUM(A1)'], ['-5'], ['@x']])).toBe('v\r\n=SUM(A1)\r\n-5\r\n@x\r\n');
  });

  it('writes empty cells for missing values and numbers as text', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, 7]])).toBe('a,b,c\r\n,,7\r\n');
  });

  it('writes the header alone when there are no rows', () => {
    expect(toCsv(['record', 'file', 'reason'], [])).toBe('record,file,reason\r\n');
  });

  it('refuses a row with the wrong number of values rather than shift columns', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow('A CSV row has 1 values for 2 columns.');
  });
});
