// Shared by the benchmark's parts: what counts as a round trip, and one aligned table line.
import { LATENCY } from '../fakes/core/latency';
import type { CallCounts } from '../fakes/core/execution';

/** Calls with a network latency in the sourced table (local builders and getters excluded). */
export function roundTrips(counts: CallCounts): number {
  return Object.entries(counts.byKey)
    .filter(([key]) => (LATENCY[key]?.ms ?? 0) > 0 && !LATENCY[key]?.local)
    .reduce((sum, [, n]) => sum + n, 0);
}

export function line(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
}

/** Column headings of a table of executions (a run or a press per row). */
export const RUN_COLUMNS = [
  '',
  'calls',
  'round trips',
  'cells read',
  'cells written',
  'commits',
  'modelled s',
  'in limit',
];
