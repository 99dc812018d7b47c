// Legal holds: records, or whole series, that must not be destroyed or exported while a hold is
// in force. Holds live in the register's "Legal holds" tab; a hold is active until lifted.
import type { Register } from '../adapters/register';
import { TABS } from '../domain/register-schema';

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
