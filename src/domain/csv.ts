// CSV files for other systems (The National Archives' TDR, Microsoft Purview): RFC 4180 through
// Papa Parse, CRLF line ends, quotes only where a value needs them (a comma, a quote, a line
// break), and a line end after the last row.
//
// Values are written exactly as given. A spreadsheet opening the file may read a value starting
// with =, +, - or @ as a formula; the files are for import into TDR and Purview, which need the
// exact values, so no apostrophe or other guard is added (a guard would become part of the value).
// The browser build: the Node build asks for Node's "stream" module, which Apps Script lacks.
import Papa from 'papaparse/papaparse.min.js';

export type CsvCell = string | number | null | undefined;

export const CSV_NEWLINE = '\r\n';

export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const width = headers.length;
  const data = rows.map(row => {
    if (row.length !== width) {
      throw new Error(`A CSV row has ${row.length} values for ${width} columns.`);
    }
    return row.map(cell => (cell === null || cell === undefined ? '' : String(cell)));
  });
  // Rows as arrays, the header the first of them (Papa pads an empty `data` with a blank row).
  const text = Papa.unparse([[...headers], ...data], {
    newline: CSV_NEWLINE,
    quotes: false,
    skipEmptyLines: false,
  });
  return text + CSV_NEWLINE;
}
