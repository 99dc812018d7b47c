// CacheService: best-effort, keys ≤ 250 chars, values ≤ 100 KB, TTL 1–21,600 s (default 600),
// at most 1,000 items (platform-facts §1.4). Past 1,000 the cache keeps "the 900 items farthest
// from expiration" (Cache reference, put).
import type { FakeContext } from '../core/context';
import { utf8Encode } from '../core/bytes';
import { MESSAGES } from '../core/errors';
import type { CacheEntryState } from '../core/state';

export const MAX_CACHE_KEY_LENGTH = 250;
export const MAX_CACHE_VALUE_BYTES = 100 * 1024;
export const MAX_CACHE_ITEMS = 1000;
export const CACHE_ITEMS_KEPT_ON_OVERFLOW = 900;
export const DEFAULT_TTL_SECONDS = 600;
export const MAX_TTL_SECONDS = 21600;

type CacheApi = Pick<
  GoogleAppsScript.Cache.Cache,
  'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'
>;

class FakeCache implements CacheApi {
  constructor(
    private ctx: FakeContext,
    private store: () => Record<string, CacheEntryState>
  ) {}

  get(key: string): string | null {
    checkKey(key);
    const entry = this.store()[key];
    if (!entry) return null;
    if (entry.expiresAt <= this.ctx.state.now) {
      delete this.store()[key];
      return null;
    }
    return entry.value;
  }
  getAll(keys: string[]): { [key: string]: string } {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) out[key] = value;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this.putAll({ [key]: value }, expirationInSeconds);
  }
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    const ttl = expirationInSeconds ?? DEFAULT_TTL_SECONDS;
    if (ttl < 1 || ttl > MAX_TTL_SECONDS) {
      throw new Error(
        `Invalid argument: expirationInSeconds (${ttl}); it must be 1 to ${MAX_TTL_SECONDS}.`
      );
    }
    // One call to the cache server: a bad entry fails the call before anything is stored.
    const entries = Object.keys(values).map(key => {
      checkKey(key);
      const value = String(values[key]);
      if (utf8Encode(value).length > MAX_CACHE_VALUE_BYTES) {
        throw new Error(MESSAGES.cacheValueTooLarge);
      }
      return { key, value };
    });
    const store = this.store();
    for (const { key, value } of entries) {
      delete store[key]; // re-insert at the end, so ties in expiry evict the older write
      store[key] = { value, expiresAt: this.ctx.state.now + ttl * 1000 };
    }
    if (Object.keys(store).length > MAX_CACHE_ITEMS) this.evict(store);
  }
  remove(key: string): void {
    delete this.store()[key];
  }
  removeAll(keys: string[]): void {
    for (const key of keys) delete this.store()[key];
  }

  /** Drops expired entries, then keeps the 900 farthest from expiration. */
  private evict(store: Record<string, CacheEntryState>): void {
    const now = this.ctx.state.now;
    const keys = Object.keys(store);
    for (const key of keys) if (store[key].expiresAt <= now) delete store[key];
    const live = Object.keys(store);
    if (live.length <= MAX_CACHE_ITEMS) return;
    const byRemainingLife = live
      .map((key, order) => ({ key, order }))
      .sort((a, b) => store[b.key].expiresAt - store[a.key].expiresAt || b.order - a.order);
    for (const { key } of byRemainingLife.slice(CACHE_ITEMS_KEPT_ON_OVERFLOW)) delete store[key];
  }
}

function checkKey(key: string): void {
  if (String(key).length > MAX_CACHE_KEY_LENGTH) throw new Error(MESSAGES.cacheKeyTooLarge);
}

export function createCacheService(ctx: FakeContext): GoogleAppsScript.Cache.CacheService {
  const cache = ctx.state.cache;
  const service = {
    getScriptCache: () => ctx.wrap(new FakeCache(ctx, () => cache.script), 'CacheService.Cache'),
    getUserCache: () =>
      ctx.wrap(new FakeCache(ctx, () => (cache.user[ctx.user] ??= {})), 'CacheService.Cache'),
    getDocumentCache: () => null,
  } satisfies Record<
    keyof Pick<
      GoogleAppsScript.Cache.CacheService,
      'getScriptCache' | 'getUserCache' | 'getDocumentCache'
    >,
    () => CacheApi | null
  >;
  return ctx.wrap(service, 'CacheService') as unknown as GoogleAppsScript.Cache.CacheService;
}
