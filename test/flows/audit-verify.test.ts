import { textOf } from '../../fakes/card-service/query';
import { actionEvent, homepageEvent } from '../../fakes/events';
import type { Workspace } from '../../fakes/harness/workspace';
import { fillAuditLog } from '../support/big-register';
import { AUDIT_COLUMNS } from '../../src/domain/register-schema';
import {
  ALICE,
  declareDoc,
  department,
  DRO,
  newDocument,
  registerId,
  registerRows,
  TYPICAL,
} from '../support/department';

function auditSheet(ws: Workspace) {
  return ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === 'Audit log')!;
}

function verify(ws: Workspace, user = DRO, resume = false, hooks = []) {
  return ws.run(
    'onVerifyAuditLog',
    actionEvent(homepageEvent('SHEETS'), resume ? { resume: 'yes' } : {}),
    { user, hooks }
  );
}

function declaredThree(): Workspace {
  const ws = department();
  for (const title of ['One', 'Two', 'Three'])
    declareDoc(ws, ALICE, newDocument(ws, ALICE, title), TYPICAL);
  return ws;
}

describe('Verify audit log', () => {
  it('reports an intact log and records the check as the next link of the chain', () => {
    const ws = declaredThree();
    const result = verify(ws);
    expect(result.error).toBeUndefined();
    expect(textOf(result.json)).toContain('The audit log is intact: all 3 chained rows');
    const log = registerRows(ws, 'Audit log');
    expect(log).toHaveLength(4);
    expect(log[3]).toMatchObject({ Actor: DRO, Action: 'Audit log verified' });
    // The check's own row is chained: a second check covers it too.
    expect(textOf(verify(ws).json)).toContain('all 4 chained rows');
  });

  it('finds a row altered by hand', () => {
    const ws = declaredThree();
    auditSheet(ws).rows[2]![AUDIT_COLUMNS.findIndex(c => c.key === 'details')] = 'Nothing here';
    const text = textOf(verify(ws).json);
    expect(text).toContain('Audit log altered');
    expect(text).toContain('Row 3 was altered after it was written.');
    expect(text).toContain('Audit log, row 3');
  });

  it('finds a row deleted or inserted by hand, including a row slipped in above the chain', () => {
    const deleted = declaredThree();
    auditSheet(deleted).rows.splice(2, 1);
    expect(textOf(verify(deleted).json)).toContain(
      'Row 3 does not follow row 2: a row was deleted, inserted or changed here.'
    );

    const inserted = declaredThree();
    const rows = auditSheet(inserted).rows;
    rows.splice(3, 0, [...rows[1]!]);
    expect(textOf(verify(inserted).json)).toContain('Row 4 does not follow row 3');

    const onTop = declaredThree();
    const blank = new Array(AUDIT_COLUMNS.length).fill('');
    blank[AUDIT_COLUMNS.findIndex(c => c.key === 'details')] = 'Backdated entry';
    auditSheet(onTop).rows.splice(1, 0, blank);
    expect(textOf(verify(onTop).json)).toContain('Audit log, row 2');
  });

  it('checks a long log in parts when one press runs out of time, and finds the same answer', () => {
    const ws = declaredThree();
    fillAuditLog(ws, 30_000);
    // Every spreadsheet read takes 2.5 s here, so the 20 s allowed for one press runs out.
    const slow = [
      {
        key: 'SpreadsheetApp.Range.getValues',
        run: (_key: string, execution: { advance(ms: number): void }) => execution.advance(2_500),
      },
    ];
    const first = verify(ws, DRO, false, slow as never);
    expect(first.error).toBeUndefined();
    const partial = /Checked ([\d,]+) of 30,003 rows so far/.exec(textOf(first.json));
    expect(partial).not.toBeNull();
    expect(Number(partial![1].replace(/,/g, ''))).toBeLessThan(30_003);
    const rest = verify(ws, DRO, true);
    expect(textOf(rest.json)).toContain('all 30,003 chained rows');
  });

  it('finds tampering deep in a long log', () => {
    const ws = declaredThree();
    fillAuditLog(ws, 12_000);
    auditSheet(ws).rows[9_000]![AUDIT_COLUMNS.findIndex(c => c.key === 'actor')] = 'x@dfrr.gov.uk';
    expect(textOf(verify(ws).json)).toContain('Row 9001 was altered after it was written.');
  });

  it('is for the records team only', () => {
    const ws = declaredThree();
    const result = verify(ws, ALICE);
    expect(textOf(result.json)).toContain('Only members of the records team');
    expect(result.log.join('\n')).toContain(`${ALICE} is not a member of the records team`);
    expect(registerRows(ws, 'Audit log')).toHaveLength(3);
  });
});
