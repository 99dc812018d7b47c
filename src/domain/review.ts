// Review decisions on declared records, as the records team makes them: retain for longer, select
// for transfer to The National Archives, sensitivity review (closure), and destruction, which one
// member proposes and a different member confirms (four-eyes). Pure: each decision is checked and
// turned into the register changes and audit entry it makes; nothing here touches a service.
import type { RegisterEntry } from './declaration';
import { CODE_SEPARATOR, describeClosure } from './foi';
import type { Closure } from './foi';
import { FINAL_STATES } from './register-schema';
import { addYears } from './retention';
import { RECORD_ID } from './record-id';

export type DecisionKind = 'retain' | 'transfer' | 'sensitivity' | 'destroy' | 'confirm';

export const DECISION_KINDS: readonly DecisionKind[] = [
  'retain',
  'transfer',
  'sensitivity',
  'destroy',
  'confirm',
];

export const DECISION_LABELS: Record<DecisionKind, string> = {
  retain: 'Retain for longer',
  transfer: 'Select for transfer to The National Archives',
  sensitivity: 'Sensitivity review',
  destroy: 'Propose destruction',
  confirm: 'Confirm destruction',
};

/** Audit log actions, one per decision. */
export const DECISION_ACTIONS: Record<DecisionKind, string> = {
  retain: 'Retained',
  transfer: 'Selected for transfer',
  sensitivity: 'Sensitivity reviewed',
  destroy: 'Destruction proposed',
  confirm: 'Destroyed',
};

export const RETAIN_YEARS_MIN = 1;
export const RETAIN_YEARS_MAX = 99;
/** One action decides on at most this many records (each is one row read and one row write). */
export const MAX_RECORDS_PER_ACTION = 100;

export const SELECTION_RETAIN = 'Retain';
export const SELECTION_TRANSFER = 'Transfer to TNA';
export const SELECTION_DESTROY = 'Destroy';

export const DEFAULT_TRANSFER_REASON = 'Selected for permanent preservation';

/** A decision as typed on the card. */
export interface DecisionInput {
  kind: string;
  years?: string;
  reason?: string;
  closure?: Closure | null;
}

export interface Decision {
  kind: DecisionKind;
  /** Retain: whole years to add. */
  years: number;
  reason: string;
  closure: Closure | null;
}

/** Checks what was typed; every problem is listed, nothing is guessed. */
export function validateDecision(input: DecisionInput): {
  decision: Decision | null;
  errors: string[];
} {
  const errors: string[] = [];
  const kind = DECISION_KINDS.find(k => k === input.kind);
  if (!kind) return { decision: null, errors: ['Choose a decision.'] };
  const reason = (input.reason ?? '').trim();
  let years = 0;
  if (kind === 'retain') {
    const text = (input.years ?? '').trim();
    const n = Number(text);
    if (!text) {
      errors.push(
        `Say for how many more years to retain (${RETAIN_YEARS_MIN} to ${RETAIN_YEARS_MAX}).`
      );
    } else if (!/^\d+$/.test(text) || n < RETAIN_YEARS_MIN || n > RETAIN_YEARS_MAX) {
      errors.push(
        `Years to retain must be a whole number from ${RETAIN_YEARS_MIN} to ${RETAIN_YEARS_MAX} ("${text}" is not).`
      );
    } else {
      years = n;
    }
    if (!reason) errors.push('Give a reason for retaining the records for longer.');
  }
  if (kind === 'destroy' && !reason) {
    errors.push('Give a reason for destroying the records (e.g. the retention period has ended).');
  }
  if (kind === 'sensitivity' && !input.closure) {
    errors.push('Complete the sensitivity review form.');
  }
  if (errors.length) return { decision: null, errors };
  return {
    decision: {
      kind,
      years,
      reason: kind === 'transfer' ? reason || DEFAULT_TRANSFER_REASON : reason,
      closure: kind === 'sensitivity' ? (input.closure ?? null) : null,
    },
    errors: [],
  };
}

export interface PlanContext {
  user: string;
  now: Date;
  /** The record is under a legal hold (its own flag, a record hold or a series hold). */
  held: boolean;
}

export type Plan =
  | {
      status: 'change';
      values: RegisterEntry;
      /** Audit entry (timestamp and actor are the decision's). */
      audit: RegisterEntry;
      /** What happened, for the person deciding. */
      message: string;
    }
  | { status: 'unchanged'; message: string }
  | { status: 'refused'; message: string };

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value).trim();

export function isDate(value: unknown): value is Date {
  return (
    Object.prototype.toString.call(value) === '[object Date]' &&
    !Number.isNaN((value as Date).getTime())
  );
}

/** A date cell as read: a date, a yyyy-mm-dd text typed by hand, or nothing usable. */
export function readDate(value: unknown): Date | null {
  if (isDate(value)) return value;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text(value));
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 ? date : null;
}

export function day(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function sameDay(a: unknown, b: Date): boolean {
  return isDate(a) && isoDay(a) === isoDay(b);
}

/** Emails in a "Decision by" cell ("a@x; b@x"). */
export function deciders(value: unknown): string[] {
  return text(value)
    .split(/[;,\s]+/)
    .map(e => e.toLowerCase())
    .filter(e => e.includes('@'));
}

/** The new disposal date when retaining: N years after the later of the due date and today. */
export function extendDue(current: unknown, years: number, now: Date): { due: Date; note: string } {
  const today = day(now);
  const parsed = readDate(current);
  if (parsed) {
    const from = parsed.getTime() > today.getTime() ? parsed : today;
    return { due: addYears(from, years), note: '' };
  }
  const was = text(current);
  const counted = years === 1 ? 'the 1 year counts' : `the ${years} years count`;
  return {
    due: addYears(today, years),
    note: was
      ? `the disposal date in the register ("${was}") is not a date, so ${counted} from today`
      : `the record had no disposal date, so ${counted} from today`,
  };
}

function retainReason(decision: Decision): string {
  const years = decision.years === 1 ? '1 year' : `${decision.years} years`;
  return `Retain ${years} more: ${decision.reason}`;
}

/**
 * The register changes a decision makes on one record, or why it makes none. Retaining twice in
 * a day with the same reason, selecting twice, proposing twice or reviewing with the same closure
 * changes nothing (a repeated click is safe).
 */
export function planDecision(entry: RegisterEntry, decision: Decision, ctx: PlanContext): Plan {
  const lifecycle = text(entry.lifecycle);
  const id = text(entry.recordId);
  const user = ctx.user.toLowerCase();
  const stamp: RegisterEntry = {
    decisionBy: user,
    decisionAt: ctx.now,
    updatedAt: ctx.now,
  };
  if (FINAL_STATES.includes(lifecycle)) {
    if (decision.kind === 'confirm' && lifecycle === 'Destroyed') {
      return { status: 'unchanged', message: `${id} is already destroyed.` };
    }
    return {
      status: 'refused',
      message: `${id} is ${lifecycle.toLowerCase()}: no further decision can be made on it.`,
    };
  }

  switch (decision.kind) {
    case 'retain': {
      const reason = retainReason(decision);
      if (
        text(entry.selection) === SELECTION_RETAIN &&
        text(entry.decisionReason) === reason &&
        deciders(entry.decisionBy).join() === user &&
        sameDay(entry.decisionAt, ctx.now)
      ) {
        return {
          status: 'unchanged',
          message: `${id} was already retained today with this reason; nothing changed.`,
        };
      }
      const { due, note } = extendDue(entry.disposalDue, decision.years, ctx.now);
      const message = `${id} retained until ${isoDay(due)}${note ? ` (${note})` : ''}.`;
      return {
        status: 'change',
        values: {
          ...stamp,
          disposalDue: due,
          selection: SELECTION_RETAIN,
          lifecycle: 'Declared',
          decisionReason: reason,
        },
        audit: {
          action: DECISION_ACTIONS.retain,
          details: `${reason}. Disposal due ${isoDay(due)} (was ${describeDate(entry.disposalDue)})${note ? `; ${note}` : ''}.`,
        },
        message,
      };
    }
    case 'transfer': {
      const selected = text(entry.selection) === SELECTION_TRANSFER;
      if (
        selected &&
        (lifecycle === 'Selected for transfer' || lifecycle === 'Sensitivity reviewed')
      ) {
        return {
          status: 'unchanged',
          message: `${id} is already selected for transfer; nothing changed.`,
        };
      }
      const heldNote = ctx.held
        ? ' It is on legal hold: the transfer will skip it while the hold lasts.'
        : '';
      return {
        status: 'change',
        values: {
          ...stamp,
          selection: SELECTION_TRANSFER,
          // A record already reviewed for sensitivity keeps that state: it is ready to go.
          lifecycle: lifecycle === 'Sensitivity reviewed' ? lifecycle : 'Selected for transfer',
          decisionReason: decision.reason,
        },
        audit: {
          action: DECISION_ACTIONS.transfer,
          details: `${decision.reason}${ctx.held ? ' (on legal hold: skipped by transfer while held)' : ''}.`,
        },
        message: `${id} selected for transfer to The National Archives.${heldNote}`,
      };
    }
    case 'sensitivity': {
      const closure = decision.closure!;
      const startDate =
        closure.status === 'Closed' ? (closure.startDate ?? readDate(entry.recordDate)) : null;
      if (closure.status === 'Closed' && !startDate) {
        return {
          status: 'refused',
          message: `${id} has no date of the record to start the closure from: enter a closure start date.`,
        };
      }
      const values: RegisterEntry = {
        closureStatus: closure.status,
        closurePeriod: closure.period === null ? '' : String(closure.period),
        foiExemptions: closure.codes.join(CODE_SEPARATOR),
        closureStartDate: startDate,
        titleClosed: closure.status === 'Closed' ? (closure.titleClosed ? 'Yes' : 'No') : '',
        alternateTitle: closure.alternateTitle,
        descriptionClosed:
          closure.status === 'Closed' ? (closure.descriptionClosed ? 'Yes' : 'No') : '',
        alternateDescription: closure.alternateDescription,
      };
      const summary = describeClosure(closure, startDate);
      const same =
        lifecycle === 'Sensitivity reviewed' &&
        Object.keys(values).every(k =>
          k === 'closureStartDate'
            ? (startDate === null && !readDate(entry.closureStartDate)) ||
              (startDate !== null && sameDay(readDate(entry.closureStartDate), startDate))
            : text(entry[k]) === text(values[k])
        );
      if (same) {
        return {
          status: 'unchanged',
          message: `${id} already has this sensitivity review recorded; nothing changed.`,
        };
      }
      return {
        status: 'change',
        values: {
          ...stamp,
          ...values,
          lifecycle: 'Sensitivity reviewed',
          decisionReason: `Sensitivity review: ${summary}`,
        },
        audit: { action: DECISION_ACTIONS.sensitivity, details: summary },
        message: `${id} sensitivity reviewed: ${summary}.`,
      };
    }
    case 'destroy': {
      if (ctx.held) {
        return {
          status: 'refused',
          message: `${id} is on legal hold${text(entry.holdReason) ? ` (${text(entry.holdReason)})` : ''}: it cannot be destroyed while the hold lasts.`,
        };
      }
      if (lifecycle === 'Destruction proposed') {
        return {
          status: 'unchanged',
          message: `${id} is already proposed for destruction by ${deciders(entry.decisionBy).join(', ') || 'another member'}; it awaits a second member's confirmation.`,
        };
      }
      return {
        status: 'change',
        values: {
          ...stamp,
          selection: SELECTION_DESTROY,
          lifecycle: 'Destruction proposed',
          decisionReason: decision.reason,
        },
        audit: { action: DECISION_ACTIONS.destroy, details: decision.reason },
        message: `${id} proposed for destruction: a second member of the records team must confirm it.`,
      };
    }
    case 'confirm': {
      if (lifecycle !== 'Destruction proposed') {
        return {
          status: 'refused',
          message: `${id} has not been proposed for destruction (it is ${lifecycle || 'without a lifecycle state'}): propose it first, then a second member confirms.`,
        };
      }
      const proposers = deciders(entry.decisionBy);
      if (!proposers.length) {
        return {
          status: 'refused',
          message: `${id} has no proposer recorded in "Decision by" (the register was edited by hand): propose its destruction again.`,
        };
      }
      if (proposers.includes(user)) {
        return {
          status: 'refused',
          message: `${id}: you proposed its destruction, so a different member of the records team must confirm it (two people must agree).`,
        };
      }
      if (ctx.held) {
        return {
          status: 'refused',
          message: `${id} is on legal hold${text(entry.holdReason) ? ` (${text(entry.holdReason)})` : ''}: it cannot be destroyed while the hold lasts.`,
        };
      }
      return {
        status: 'change',
        values: {
          decisionBy: [...proposers, user].join('; '),
          decisionAt: ctx.now,
          updatedAt: ctx.now,
          lifecycle: 'Destroyed',
          decisionReason: `${text(entry.decisionReason)} (confirmed by ${user})`.trim(),
        },
        audit: {
          action: DECISION_ACTIONS.confirm,
          details: `Destruction proposed by ${proposers.join(', ')} on ${describeDate(entry.decisionAt)} and confirmed by ${user}: ${text(entry.decisionReason)}`,
        },
        message: `${id} destroyed.`,
      };
    }
  }
}

function describeDate(value: unknown): string {
  const date = readDate(value);
  if (date) return isoDay(date);
  return text(value) ? `"${text(value)}"` : 'none';
}

/**
 * Record IDs typed or pasted: separated by commas, spaces or new lines, any case. Anything that
 * is not REC-YYYY-NNNNNN is named, not guessed at.
 */
export function parseRecordIds(input: string): { ids: string[]; malformed: string[] } {
  const ids: string[] = [];
  const malformed: string[] = [];
  for (const piece of input.split(/[\s,;]+/)) {
    const candidate = piece.trim().toUpperCase();
    if (!candidate) continue;
    if (RECORD_ID.test(candidate)) {
      if (!ids.includes(candidate)) ids.push(candidate);
    } else if (!malformed.includes(piece.trim())) {
      malformed.push(piece.trim());
    }
  }
  return { ids, malformed };
}

/** Legal holds are numbered HOLD-YYYY-NNNN and disposal certificates DSP-YYYY-NNNNNN, per year. */
export const HOLD_ID = /^HOLD-(\d{4})-(\d{4,})$/;
export const CERTIFICATE_ID = /^DSP-(\d{4})-(\d{6,})$/;

/** The next number for `year`, after the highest of `existing` (ids of any year, any order). */
export function nextId(
  existing: unknown[],
  pattern: RegExp,
  prefix: string,
  year: number,
  width: number
): string {
  let highest = 0;
  for (const value of existing) {
    const m = pattern.exec(text(value));
    if (m && Number(m[1]) === year) highest = Math.max(highest, Number(m[2]));
  }
  return `${prefix}-${year}-${String(highest + 1).padStart(width, '0')}`;
}

export function nextHoldId(existing: unknown[], now: Date): string {
  return nextId(existing, HOLD_ID, 'HOLD', now.getUTCFullYear(), 4);
}

export function nextCertificateIds(existing: unknown[], now: Date, count: number): string[] {
  const first = nextId(existing, CERTIFICATE_ID, 'DSP', now.getUTCFullYear(), 6);
  const n = Number(/\d+$/.exec(first)![0]);
  return Array.from(
    { length: count },
    (_, i) => `DSP-${now.getUTCFullYear()}-${String(n + i).padStart(6, '0')}`
  );
}

/** Drive file ids in the links of a "Saved files" cell (one link per line). */
export function fileIdsInLinks(links: string): string[] {
  const ids: string[] = [];
  for (const link of links.split(/\s+/)) {
    const m = /\/d\/([A-Za-z0-9_-]{10,})/.exec(link) ?? /[?&]id=([A-Za-z0-9_-]{10,})/.exec(link);
    if (m && !ids.includes(m[1])) ids.push(m[1]);
  }
  return ids;
}
