// The file plan, schedules and business units change rarely and are needed on every card, so
// they are cached for everyone for a few minutes (a cache read costs ~3 ms, three tab reads far
// more). The cache is best-effort: a miss simply reads the register again.
import type { ReferenceData } from '../domain/declaration';

const TTL_SECONDS = 300;
const key = (registerId: string) => `records-capture.reference.${registerId}`;

export function cachedReferenceData(registerId: string): ReferenceData | null {
  const text = CacheService.getScriptCache().get(key(registerId));
  if (!text) return null;
  try {
    return JSON.parse(text) as ReferenceData;
  } catch {
    return null;
  }
}

export function cacheReferenceData(registerId: string, data: ReferenceData): void {
  const text = JSON.stringify(data);
  // Larger than a cache entry holds (100 KB): skip caching rather than fail the action.
  if (text.length < 90_000) CacheService.getScriptCache().put(key(registerId), text, TTL_SECONDS);
}

export function forgetReferenceData(registerId: string): void {
  CacheService.getScriptCache().remove(key(registerId));
}
