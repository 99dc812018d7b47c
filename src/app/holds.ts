// Legal holds: records, or whole series, that must not be destroyed or exported while a hold is
// in force. Holds live in the register's "Legal holds" tab; a hold is active until lifted.
import { withScriptLock } from '../adapters/lock';
import type { EntryRow, Register } from '../adapters/register';
import type { RegisterEntry } from '../domain/declaration';
import { FINAL_STATES, HOLD_SCOPES, TABS } from '../domain/register-schema';
import {
  isDate,
  isoDay,
  MAX_RECORDS_PER_ACTION,
  nextHoldId,
  parseRecordIds,
} from '../domain/review';
import type { Workplace } from './deployment';
import { requireTeamMember, upgradeRegister } from './records-team';

type HoldScope = (typeof HOLD_SCOPES)[number];

export interface ActiveHolds {
  /** Record IDs held one by one. */
  records: Set<string>;
  /** Series codes held as a whole. */
  series: Set<string>;
}

/** The holds in force, from one read of the (small) Legal holds tab. */
export function readActiveHolds(register: Register): ActiveHolds {
  const holds: ActiveHolds = { records: new Set(), series: new Set() };
  if (!register.spreadsheet.getSheetByName(TABS.holds.name)) return holds;
  const last = register.lastRow('holds');
  for (const { entry } of register.readEntries('holds', 2, last - 1)) {
    if (String(entry.liftedAt ?? '') !== '' || String(entry.liftedBy ?? '') !== '') continue;
    const target = String(entry.target ?? '').trim();
    if (!target) continue;
    if (String(entry.scope) === 'Series') holds.series.add(target);
    else holds.records.add(target);
  }
  return holds;
}

/** Whether a register entry is held, by its own flag, a record hold or a series hold. */
export function isHeld(
  entry: { recordId?: unknown; series?: unknown; legalHold?: unknown },
  holds: ActiveHolds
): boolean {
  return (
    String(entry.legalHold ?? '').toLowerCase() === 'yes' ||
    holds.records.has(String(entry.recordId ?? '')) ||
    holds.series.has(String(entry.series ?? ''))
  );
}

// Placing and lifting holds (records team only). A record hold also sets the register row's
// Legal hold, Hold reason and Hold authority, so the hold shows wherever the row is read; a series
// hold lives in the Legal holds tab only (isHeld covers every record of the series), so thousands
// of rows are never rewritten.

export interface HoldRow {
  row: EntryRow;
  holdId: string;
  scope: HoldScope;
  target: string;
  reason: string;
  authority: string;
  placedBy: string;
  placedAt: Date | string;
  active: boolean;
  liftedBy: string;
  liftedAt: Date | string;
}

export interface HoldForm {
  scope: string;
  targets: string;
  reason: string;
  authority: string;
}

export interface HoldOutcome {
  /** Problems with the form: nothing was saved. */
  errors: string[];
  holdId: string;
  /** Targets now held under this hold. */
  placed: string[];
  /** Targets already held under an identical active hold. */
  already: string[];
}

const cell = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value).trim();

/** Hold work runs under the script lock on a register brought up to the current schema. */
function underRegisterLock<T>(w: Workplace, now: Date, work: () => T): T {
  return withScriptLock(() => {
    w.register.forgetPositions();
    upgradeRegister(w.register, w.user, now);
    return work();
  });
}

/** Every row of the Legal holds tab (a small tab), in one read. */
export function readHolds(register: Register): HoldRow[] {
  if (!register.spreadsheet.getSheetByName(TABS.holds.name)) return [];
  const last = register.lastRow('holds');
  return register
    .readEntries('holds', 2, last - 1)
    .filter(r => cell(r.entry.holdId) || cell(r.entry.target))
    .map(r => ({
      row: r,
      holdId: cell(r.entry.holdId),
      scope: cell(r.entry.scope) === 'Series' ? 'Series' : 'Record',
      target: cell(r.entry.target),
      reason: cell(r.entry.reason),
      authority: cell(r.entry.authority),
      placedBy: cell(r.entry.placedBy),
      placedAt: isDate(r.entry.placedAt) ? r.entry.placedAt : cell(r.entry.placedAt),
      active: !cell(r.entry.liftedAt) && !cell(r.entry.liftedBy),
      liftedBy: cell(r.entry.liftedBy),
      liftedAt: isDate(r.entry.liftedAt) ? r.entry.liftedAt : cell(r.entry.liftedAt),
    }));
}

function holdNote(reason: string, holdId: string): string {
  return `${reason} (${holdId})`;
}

/** Puts records, or whole series, on legal hold with a reason and the authority that ordered it. */
export function placeHold(w: Workplace, form: HoldForm, now: Date): HoldOutcome {
  requireTeamMember(w);
  const scope = HOLD_SCOPES.find(s => s === form.scope);
  const reason = form.reason.trim();
  const authority = form.authority.trim();
  const errors: string[] = [];
  if (!scope) errors.push('Choose whether the hold is on records or on whole series.');
  if (!reason) errors.push('Give the reason for the hold (e.g. the litigation or inquiry).');
  if (!authority) {
    errors.push(
      'Give the authority that ordered the hold (e.g. a public inquiry, a court, the legal adviser).'
    );
  }
  let targets: string[] = [];
  if (scope === 'Record') {
    const { ids, malformed } = parseRecordIds(form.targets);
    if (malformed.length) {
      errors.push(
        `${malformed.length > 1 ? 'These are not record IDs' : 'This is not a record ID'}: ${malformed.map(m => `"${m}"`).join(', ')} (record IDs look like REC-2024-000123).`
      );
    }
    if (ids.length > MAX_RECORDS_PER_ACTION) {
      errors.push(
        `One hold covers at most ${MAX_RECORDS_PER_ACTION} records; hold a whole series instead.`
      );
    }
    targets = ids;
  } else if (scope === 'Series') {
    const known = new Set(w.reference.series.map(s => s.code.toUpperCase()));
    const typed = [
      ...new Set(
        form.targets
          .split(/[\s,;]+/)
          .map(s => s.trim().toUpperCase())
          .filter(Boolean)
      ),
    ];
    const unknown = typed.filter(s => !known.has(s));
    if (unknown.length) {
      errors.push(
        `${unknown.length > 1 ? 'These series are' : 'This series is'} not in the file plan: ${unknown.join(', ')}.`
      );
    }
    targets = typed;
  }
  if (scope && !targets.length && !errors.length) {
    errors.push(
      scope === 'Record' ? 'Give the record IDs to hold.' : 'Give the series codes to hold.'
    );
  }
  if (errors.length || !scope) return { errors, holdId: '', placed: [], already: [] };

  return underRegisterLock(w, now, () => {
    const records =
      scope === 'Record' ? w.register.findEntries('register', 'recordId', targets) : new Map();
    const missing = targets.filter(t => scope === 'Record' && !records.has(t));
    if (missing.length) {
      return {
        errors: [
          `${missing.length > 1 ? 'These records are' : 'This record is'} not in the register: ${missing.join(', ')}. Nothing was saved.`,
        ],
        holdId: '',
        placed: [],
        already: [],
      };
    }
    const gone = [...records.values()].filter(r => FINAL_STATES.includes(cell(r.entry.lifecycle)));
    if (gone.length) {
      return {
        errors: [
          `${gone.map(r => `${cell(r.entry.recordId)} (${cell(r.entry.lifecycle).toLowerCase()})`).join(', ')} can no longer be held: ${gone.length > 1 ? 'they are' : 'it is'} no longer in the department's custody. Nothing was saved.`,
        ],
        holdId: '',
        placed: [],
        already: [],
      };
    }
    const holds = readHolds(w.register);
    const same = (t: string) =>
      holds.some(
        h =>
          h.active &&
          h.scope === scope &&
          h.target === t &&
          h.reason === reason &&
          h.authority === authority
      );
    const already = targets.filter(same);
    const placed = targets.filter(t => !same(t));
    if (!placed.length) return { errors: [], holdId: '', placed, already };
    const holdId = nextHoldId(
      holds.map(h => h.holdId),
      now
    );
    const rows = placed.map(target => ({
      holdId,
      scope,
      target,
      reason,
      authority,
      placedBy: w.user,
      placedAt: now,
    }));
    const audits = placed.map(target => ({
      at: now,
      actor: w.user,
      action: 'Legal hold placed',
      recordId: scope === 'Record' ? target : '',
      fileId: scope === 'Record' ? cell(records.get(target)?.entry.fileId) : '',
      details: `${holdId} on ${scope === 'Record' ? 'record' : 'series'} ${target}: ${reason}. Authority: ${authority}`,
    }));
    w.register.appendTo('holds', rows, audits);
    if (scope === 'Record') {
      w.register.updateEntries(
        'register',
        placed.map(t => ({
          row: records.get(t)!,
          values: {
            legalHold: 'Yes',
            holdReason: holdNote(reason, holdId),
            holdAuthority: authority,
            updatedAt: now,
          },
        })),
        []
      );
    }
    return { errors: [], holdId, placed, already };
  });
}

export interface LiftOutcome {
  errors: string[];
  holdId: string;
  lifted: string[];
  /** Records still held by another hold: their register rows keep the hold. */
  stillHeld: string[];
}

/**
 * Lifts a hold. Each record it held is released in the register only when no other active hold
 * (on the record or on its series) still covers it.
 */
export function liftHold(w: Workplace, holdId: string, reason: string, now: Date): LiftOutcome {
  requireTeamMember(w);
  const why = reason.trim();
  if (!why) {
    return {
      errors: ['Give the reason for lifting the hold (e.g. the litigation has ended).'],
      holdId,
      lifted: [],
      stillHeld: [],
    };
  }
  return underRegisterLock(w, now, () => {
    const holds = readHolds(w.register);
    const mine = holds.filter(h => h.holdId === holdId);
    if (!mine.length) {
      return {
        errors: [
          `There is no legal hold ${holdId} in the register's "${TABS.holds.name}" tab. Nothing was changed.`,
        ],
        holdId,
        lifted: [],
        stillHeld: [],
      };
    }
    const active = mine.filter(h => h.active);
    if (!active.length) {
      const by = mine[0];
      return {
        errors: [
          `${holdId} was already lifted${by.liftedBy ? ` by ${by.liftedBy}` : ''}${isDate(by.liftedAt) ? ` on ${isoDay(by.liftedAt)}` : ''}. Nothing was changed.`,
        ],
        holdId,
        lifted: [],
        stillHeld: [],
      };
    }
    const remaining = holds.filter(h => h.active && h.holdId !== holdId);
    const recordTargets = active.filter(h => h.scope === 'Record').map(h => h.target);
    const records = w.register.findEntries('register', 'recordId', recordTargets);
    const stillHeld: string[] = [];
    const releases: { row: EntryRow; values: RegisterEntry }[] = [];
    for (const target of recordTargets) {
      const row = records.get(target);
      if (!row) continue; // deleted from the register by hand: only the hold row is lifted
      const other = remaining.find(h => h.scope === 'Record' && h.target === target);
      const series = remaining.find(
        h => h.scope === 'Series' && h.target === cell(row.entry.series)
      );
      if (other) {
        stillHeld.push(target);
        releases.push({
          row,
          values: {
            holdReason: holdNote(other.reason, other.holdId),
            holdAuthority: other.authority,
            updatedAt: now,
          },
        });
      } else if (series) {
        // Still held, by its series: the row names that hold instead of the one lifted.
        stillHeld.push(target);
        releases.push({
          row,
          values: {
            holdReason: holdNote(series.reason, series.holdId),
            holdAuthority: series.authority,
            updatedAt: now,
          },
        });
      } else {
        releases.push({
          row,
          values: { legalHold: 'No', holdReason: '', holdAuthority: '', updatedAt: now },
        });
      }
    }
    const audits = active.map(h => ({
      at: now,
      actor: w.user,
      action: 'Legal hold lifted',
      recordId: h.scope === 'Record' ? h.target : '',
      fileId: h.scope === 'Record' ? cell(records.get(h.target)?.entry.fileId) : '',
      details: `${holdId} on ${h.scope === 'Record' ? 'record' : 'series'} ${h.target} lifted: ${why}${stillHeld.includes(h.target) ? ' (still held by another hold)' : ''}`,
    }));
    w.register.updateEntries(
      'holds',
      active.map(h => ({
        row: h.row,
        values: { liftedBy: w.user, liftedAt: now, liftReason: why },
      })),
      audits
    );
    if (releases.length) w.register.updateEntries('register', releases, []);
    return { errors: [], holdId, lifted: active.map(h => h.target), stillHeld };
  });
}
