// "Verify audit log": walks the hash chain of the register's audit log from its first row and
// reports the first row that was altered, deleted or inserted. The log is read in chunks and the
// hashing happens in the script, so a long log is checked in one press; a log too long for one
// card action is checked in parts, each press continuing where the last stopped.
import { parseSaved } from '../domain/saved-json';
import { CHAIN_START, verifyChainFrom } from '../domain/audit-chain';
import type { ChainPosition } from '../domain/audit-chain';
import { sha256Hex } from '../domain/sha256';
import { withScriptLock } from '../adapters/lock';
import type { Workplace } from './deployment';
import { readSettings, requireTeamMember, upgradeRegister } from './records-team';
import { AUDIT_CHAIN_START_SETTING } from './setup';

/** Rows read per call: 5,000 audit rows are about 40,000 cells, well under a second's read. */
export const AUDIT_CHUNK_ROWS = 5_000;
const PROGRESS_KEY = 'records-capture.audit-check';

export interface AuditVerification {
  /** True when the whole log was checked and the chain holds. */
  ok: boolean;
  /** False when the time ran out: pressing again continues from `nextRow`. */
  complete: boolean;
  rowsChecked: number;
  /** Rows written before the log was chained (not covered by the check). */
  unchainedRows: number;
  totalRows: number;
  firstBadRow: number | null;
  problem: string;
  nextRow: number;
}

interface Progress {
  registerId: string;
  nextRow: number;
  position: ChainPosition;
}

export function verifyAuditLog(
  w: Workplace,
  now: Date,
  budgetMs: number,
  resume: boolean
): AuditVerification {
  requireTeamMember(w, 'the audit log check');
  const startedAt = Date.now();
  const register = w.register;
  withScriptLock(() => upgradeRegister(register, w.user, now));
  const chainStartsAt = Number(readSettings(register).values[AUDIT_CHAIN_START_SETTING]) || 2;
  const properties = PropertiesService.getUserProperties();
  let progress: Progress = { registerId: w.config.registerId, nextRow: 2, position: CHAIN_START };
  if (resume) {
    const saved = parseSaved<Progress>(properties.getProperty(PROGRESS_KEY));
    if (saved && saved.registerId === w.config.registerId) progress = saved;
  }
  const lastRow = register.sheet('audit').getLastRow();
  let slowestChunkMs = 0;
  while (progress.nextRow <= lastRow) {
    if (Date.now() - startedAt + slowestChunkMs > budgetMs) {
      properties.setProperty(PROGRESS_KEY, JSON.stringify(progress));
      return result(progress, lastRow, false, null, '');
    }
    const chunkStartedAt = Date.now();
    const count = Math.min(AUDIT_CHUNK_ROWS, lastRow - progress.nextRow + 1);
    const rows = register.readEntries('audit', progress.nextRow, count).map(r => r.entry);
    const { check, position } = verifyChainFrom(
      rows,
      progress.nextRow,
      progress.position,
      sha256Hex,
      chainStartsAt
    );
    progress = { ...progress, nextRow: progress.nextRow + count, position };
    if (!check.ok) {
      properties.deleteProperty(PROGRESS_KEY);
      logCheck(w, now, `Audit log check: ${check.problem}`);
      return result(progress, lastRow, true, check.firstBadRow, check.problem);
    }
    slowestChunkMs = Math.max(slowestChunkMs, Date.now() - chunkStartedAt);
  }
  properties.deleteProperty(PROGRESS_KEY);
  const outcome = result(progress, lastRow, true, null, '');
  logCheck(
    w,
    now,
    `Audit log check: ${outcome.rowsChecked - outcome.unchainedRows} chained rows intact` +
      (outcome.unchainedRows ? ` (${outcome.unchainedRows} earlier rows not chained)` : '')
  );
  return outcome;
}

/** The check itself is recorded in the log it checked, as the next link of the chain. */
function logCheck(w: Workplace, now: Date, details: string): void {
  withScriptLock(() => {
    w.register.forgetPositions();
    w.register.appendTo(
      'audit',
      [],
      [
        {
          at: now,
          actor: w.user,
          action: 'Audit log verified',
          recordId: '',
          fileId: '',
          details,
        },
      ]
    );
  });
}

function result(
  progress: Progress,
  lastRow: number,
  complete: boolean,
  firstBadRow: number | null,
  problem: string
): AuditVerification {
  return {
    ok: complete && firstBadRow === null,
    complete,
    rowsChecked: progress.position.rowsChecked,
    unchainedRows: progress.position.unchainedRows,
    totalRows: Math.max(0, lastRow - 1),
    firstBadRow,
    problem,
    nextRow: progress.nextRow,
  };
}
