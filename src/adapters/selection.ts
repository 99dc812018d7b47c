// Which items a Declare button is for. Card action parameters are strings of undocumented
// maximum length, so a long selection is kept in the user's cache and the button carries a key.
import type { ItemRef } from '../app/declare';

/** Selections up to this many characters travel in the button itself. */
const INLINE_LIMIT = 400;
const TTL_SECONDS = 6 * 60 * 60;

export function selectionParameters(items: ItemRef[]): Record<string, string> {
  const ids = items.map(i => i.id).join(',');
  if (ids.length <= INLINE_LIMIT) return { items: ids };
  const key = `records-capture.selection.${Utilities.getUuid()}`;
  CacheService.getUserCache().put(key, ids, TTL_SECONDS);
  return { selection: key };
}

/** The item ids a Declare button was for; empty when a cached selection has expired. */
export function selectedIds(parameters: Record<string, string>): string[] {
  const text =
    parameters.items ??
    (parameters.selection ? CacheService.getUserCache().get(parameters.selection) : null) ??
    '';
  return text.split(',').filter(Boolean);
}
