// A register of many historic rows, written straight into the emulated state (no execution, no
// call counted), for benchmarks and scale tests of the records team's tools.
import { createHash } from 'node:crypto';
import type { Workspace } from '../../fakes/harness/workspace';
import { chain } from '../../src/domain/audit-chain';
import { AUDIT_COLUMNS, REGISTER_COLUMNS } from '../../src/domain/register-schema';
import { registerId } from './department';

export interface FillOptions {
  /** Year of the first record; records are a minute apart from 1 January of that year. */
  fromYear?: number;
  /** Extra fields for row i (0-based), by column key; dates as `{ d: epochMs }`. */
  fields?: (i: number) => Record<string, string | number | { d: number }>;
}

export const BIG_REGISTER_SERIES = [
  'POL-DEV-01',
  'FIN-ACC-01',
  'GOV-BRD-01',
  'HRM-PER-01',
  'MIN-SUB-01',
];

/** Appends `n` realistic rows to the Register tab. */
export function fillRegister(ws: Workspace, n: number, options: FillOptions = {}): void {
  const sheet = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === 'Register')!;
  const col = (key: string) => REGISTER_COLUMNS.findIndex(c => c.key === key);
  const year = options.fromYear ?? 2016;
  const start = sheet.rows.length;
  for (let i = 0; i < n; i++) {
    const row: (string | number | { d: number })[] = new Array(REGISTER_COLUMNS.length).fill('');
    row[col('recordId')] = `REC-${year}-${String(i + 1).padStart(6, '0')}`;
    row[col('fileId')] = `1bench${String(i).padStart(38, '0')}`;
    row[col('title')] = `Historic record ${i + 1}`;
    row[col('series')] = BIG_REGISTER_SERIES[i % BIG_REGISTER_SERIES.length];
    row[col('classification')] = i % 7 === 0 ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL';
    row[col('declaredBy')] = 'archive@dfrr.gov.uk';
    row[col('declaredAt')] = { d: Date.UTC(year, 0, 1) + i * 60_000 };
    row[col('lifecycle')] = 'Declared';
    row[col('filing')] = 'Complete';
    for (const [key, value] of Object.entries(options.fields?.(i) ?? {})) row[col(key)] = value;
    sheet.rows[start + i] = row;
  }
  sheet.maxRows = Math.max(sheet.maxRows, sheet.rows.length + 500);
}

/** Appends `n` audit rows to the Audit log, continuing its hash chain as the add-on would. */
export function fillAuditLog(ws: Workspace, n: number): void {
  const sheet = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === 'Audit log')!;
  const col = (key: string) => AUDIT_COLUMNS.findIndex(c => c.key === key);
  const last = sheet.rows.length > 1 ? sheet.rows[sheet.rows.length - 1]! : [];
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  const entries = Array.from({ length: n }, (_, i) => ({
    at: new Date(Date.UTC(2020, 0, 1) + i * 60_000),
    actor: 'archive@dfrr.gov.uk',
    action: 'Declared',
    recordId: `REC-2020-${String(i + 1).padStart(6, '0')}`,
    fileId: `1file${i}`,
    details: `Historic declaration ${i + 1}`,
  }));
  for (const linked of chain(String(last[col('hash')] ?? ''), entries, sha256)) {
    const row: (string | number | { d: number })[] = new Array(AUDIT_COLUMNS.length).fill('');
    for (const column of AUDIT_COLUMNS) {
      const value = linked[column.key];
      row[col(column.key)] = value instanceof Date ? { d: value.getTime() } : (value ?? '');
    }
    sheet.rows.push(row);
  }
  sheet.maxRows = Math.max(sheet.maxRows, sheet.rows.length + 10);
}
