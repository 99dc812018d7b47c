// Review decisions from the sidebar, for one record or a selection: retain for longer, select for
// transfer, sensitivity review, propose destruction. Records are found with one search of the
// register's Record ID column however many are chosen; every decision is written under the script
// lock with one audit row per record, and repeating a decision already recorded changes nothing.
import type { EntryRow } from '../adapters/register';
import { withScriptLock } from '../adapters/lock';
import type { RegisterEntry } from '../domain/declaration';
import { TABS } from '../domain/register-schema';
import {
  MAX_RECORDS_PER_ACTION,
  parseRecordIds,
  planDecision,
  validateDecision,
} from '../domain/review';
import type { DecisionInput } from '../domain/review';
import type { Workplace } from './deployment';
import { UserFacingError } from './errors';
import { isHeld, readActiveHolds, readHolds } from './holds';
import type { ActiveHolds } from './holds';
import { requireTeamMember, upgradeRegister } from './records-team';

export type ResultStatus = 'done' | 'unchanged' | 'refused' | 'not found' | 'not reached';

export interface RecordResult {
  recordId: string;
  status: ResultStatus;
  message: string;
  /** The register entry as it now stands (absent when the record was not found). */
  entry?: RegisterEntry;
  /** Whether a legal hold covers it. */
  held?: boolean;
}

export interface DecisionReport {
  /** Problems with what was typed: nothing was changed. */
  errors: string[];
  results: RecordResult[];
}

export interface ChosenRecords {
  rows: EntryRow[];
  notFound: string[];
  holds: ActiveHolds;
}

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value).trim();

/**
 * Runs register work under the script lock, on a register brought up to the current schema
 * first (older registers gain the review and hold columns the decisions write).
 */
export function underRegisterLock<T>(w: Workplace, now: Date, work: () => T): T {
  return withScriptLock(() => {
    w.register.forgetPositions();
    upgradeRegister(w.register, w.user, now);
    return work();
  });
}

/** Record ids for one action: at least one, at most MAX_RECORDS_PER_ACTION, well formed. */
export function checkRecordIds(recordIds: string[]): string[] {
  const { ids, malformed } = parseRecordIds(recordIds.join(' '));
  if (malformed.length) {
    throw new UserFacingError(
      `${malformed.length > 1 ? 'These are not record IDs' : 'This is not a record ID'}: ${malformed.map(m => `"${m}"`).join(', ')}. Record IDs look like REC-2024-000123. Nothing was changed.`,
      'Not a record ID'
    );
  }
  if (!ids.length) {
    throw new UserFacingError(
      'No records were chosen. Type their record IDs, or tick rows in the Review queue tab. Nothing was changed.',
      'No records chosen'
    );
  }
  if (ids.length > MAX_RECORDS_PER_ACTION) {
    throw new UserFacingError(
      `${ids.length} records were chosen; one action decides on at most ${MAX_RECORDS_PER_ACTION}. Choose fewer and decide in parts. Nothing was changed.`,
      'Too many records'
    );
  }
  return ids;
}

/** The chosen records as the register holds them now: one search, then one read per record. */
export function loadRecords(w: Workplace, recordIds: string[]): ChosenRecords {
  const ids = checkRecordIds(recordIds);
  const found = w.register.findEntries('register', 'recordId', ids);
  return {
    rows: ids.map(id => found.get(id)).filter((r): r is EntryRow => !!r),
    notFound: ids.filter(id => !found.has(id)),
    holds: readActiveHolds(w.register),
  };
}

/** Record IDs of the rows ticked in the Review queue tab, from one read of the tab. */
export function tickedRecordIds(w: Workplace): string[] {
  if (!w.register.spreadsheet.getSheetByName(TABS.queue.name)) {
    throw new UserFacingError(
      `The register has no "${TABS.queue.name}" tab yet. Refresh the review queue from the records team's card, then tick rows in it. Nothing was changed.`,
      'No review queue'
    );
  }
  const last = w.register.lastRow('queue');
  const ids: string[] = [];
  for (const { entry } of w.register.readEntries('queue', 2, last - 1)) {
    const ticked = text(entry.select).toLowerCase() === 'true';
    const id = text(entry.recordId).toUpperCase();
    if (ticked && id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * Records proposed for destruction and awaiting a second member's confirmation: one search of
 * the Lifecycle state column, then one read for each of the first `limit`.
 */
export function awaitingApproval(w: Workplace, limit = 20): { rows: EntryRow[]; total: number } {
  const register = w.register;
  const columns = register.columns('register');
  const last = register.lastRow('register');
  if (last < 2 || columns.lifecycle === undefined) return { rows: [], total: 0 };
  const matches = register
    .sheet('register')
    .getRange(2, columns.lifecycle + 1, last - 1, 1)
    .createTextFinder('Destruction proposed')
    .matchEntireCell(true)
    .matchCase(true)
    .findAll();
  return {
    rows: matches.slice(0, limit).map(m => register.readEntries('register', m.getRow(), 1)[0]),
    total: matches.length,
  };
}

/**
 * What the records team's home card shows about review: destructions awaiting a second member
 * (one search, no rows read) and legal holds in force (one read of the Legal holds tab).
 */
export function reviewSummary(w: Workplace): { awaitingApproval: number; activeHolds: number } {
  return {
    awaitingApproval: awaitingApproval(w, 0).total,
    activeHolds: new Set(
      readHolds(w.register)
        .filter(h => h.active)
        .map(h => h.holdId)
    ).size,
  };
}

/**
 * Records a decision on the chosen records: retain, transfer, sensitivity or destroy (a proposal;
 * confirming is `confirmDestruction`). Problems with the input come back as `errors` with
 * nothing changed; each record gets its own result.
 */
export function decide(
  w: Workplace,
  recordIds: string[],
  input: DecisionInput,
  now: Date
): DecisionReport {
  requireTeamMember(w);
  const ids = checkRecordIds(recordIds);
  const { decision, errors } = validateDecision(input);
  if (!decision) return { errors, results: [] };
  if (decision.kind === 'confirm') {
    throw new Error('Destruction is confirmed with confirmDestruction');
  }
  return underRegisterLock(w, now, () => {
    const holds = readActiveHolds(w.register);
    const found = w.register.findEntries('register', 'recordId', ids);
    const results: RecordResult[] = [];
    const changes: { row: EntryRow; values: RegisterEntry }[] = [];
    const audits: RegisterEntry[] = [];
    for (const id of ids) {
      const row = found.get(id);
      if (!row) {
        results.push(notFound(id));
        continue;
      }
      const held = isHeld(row.entry, holds);
      const plan = planDecision(row.entry, decision, { user: w.user, now, held });
      if (plan.status !== 'change') {
        if (plan.status === 'refused') console.warn(`Decision refused: ${plan.message}`);
        results.push({
          recordId: id,
          status: plan.status,
          message: plan.message,
          entry: row.entry,
          held,
        });
        continue;
      }
      changes.push({ row, values: plan.values });
      audits.push({
        at: now,
        actor: w.user,
        recordId: id,
        fileId: text(row.entry.fileId),
        ...plan.audit,
      });
      results.push({
        recordId: id,
        status: 'done',
        message: plan.message,
        entry: { ...row.entry, ...plan.values },
        held,
      });
    }
    if (changes.length) w.register.updateEntries('register', changes, audits);
    return { errors: [], results };
  });
}

export function notFound(id: string): RecordResult {
  return {
    recordId: id,
    status: 'not found',
    message: `${id} is not in the register (it may have been deleted from the register by hand, or the ID is mistyped). Nothing was changed for it.`,
  };
}

/** A one-line summary for the toast: "3 decided, 1 refused". */
export function summarise(results: RecordResult[]): string {
  const count = (s: ResultStatus) => results.filter(r => r.status === s).length;
  const parts = [
    [count('done'), 'done'],
    [count('unchanged'), 'already recorded'],
    [count('refused'), 'refused'],
    [count('not found'), 'not found'],
    [count('not reached'), 'not reached'],
  ]
    .filter(([n]) => Number(n) > 0)
    .map(([n, label]) => `${n} ${label}`);
  return parts.join(', ') || 'Nothing to do';
}
