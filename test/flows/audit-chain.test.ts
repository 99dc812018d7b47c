import { createHash } from 'node:crypto';
import { verifyChain } from '../../src/domain/audit-chain';
import type { RegisterEntry } from '../../src/domain/declaration';
import { AUDIT_COLUMNS } from '../../src/domain/register-schema';
import { readSheet } from '../../fakes/spreadsheet/seed';
import type { Workspace } from '../../fakes/harness/workspace';
import {
  ALICE,
  declareDoc,
  department,
  newDocument,
  registerId,
  TYPICAL,
} from '../support/department';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function auditEntries(ws: Workspace): RegisterEntry[] {
  const [headers, ...rows] = readSheet(ws.state, registerId(ws), 'Audit log');
  return rows.map(row => {
    const entry: RegisterEntry = {};
    for (const column of AUDIT_COLUMNS) {
      const value = row[headers.indexOf(column.header)];
      entry[column.key] = value instanceof Date ? value : String(value ?? '');
    }
    return entry;
  });
}

describe('the hash-chained audit log', () => {
  function declaredThree() {
    const ws = department();
    for (const title of ['One', 'Two', 'Three'])
      declareDoc(ws, ALICE, newDocument(ws, ALICE, title), TYPICAL);
    return ws;
  }

  it('links every row written by the add-on to the one before it', () => {
    const ws = declaredThree();
    const check = verifyChain(auditEntries(ws), sha256);
    expect(check).toEqual({ ok: true, rowsChecked: 3, firstBadRow: null, problem: '' });
  });

  it('finds the first row that was altered, deleted or inserted', () => {
    const altered = declaredThree();
    const sheet = altered.state.spreadsheets[registerId(altered)].sheets.find(
      s => s.name === 'Audit log'
    )!;
    const details = AUDIT_COLUMNS.findIndex(c => c.key === 'details');
    sheet.rows[2]![details] = 'Nothing to see here';
    expect(verifyChain(auditEntries(altered), sha256)).toMatchObject({
      ok: false,
      firstBadRow: 3,
      problem: 'Row 3 was altered after it was written.',
    });

    const deleted = declaredThree();
    const rows = deleted.state.spreadsheets[registerId(deleted)].sheets.find(
      s => s.name === 'Audit log'
    )!.rows;
    rows.splice(2, 1);
    expect(verifyChain(auditEntries(deleted), sha256)).toMatchObject({ ok: false, firstBadRow: 3 });

    const inserted = declaredThree();
    const log = inserted.state.spreadsheets[registerId(inserted)].sheets.find(
      s => s.name === 'Audit log'
    )!.rows;
    log.splice(2, 0, [...log[1]!]);
    expect(verifyChain(auditEntries(inserted), sha256)).toMatchObject({
      ok: false,
      firstBadRow: 3,
    });
  });
});
