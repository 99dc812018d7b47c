// CacheService: best-effort, keys ≤ 250 chars, values ≤ 100 KB, TTL 1–21,600 s (default 600),
// at most 1,000 items with the oldest evicted first (platform-facts §1.4).
import type { FakeContext } from '../core/context';
import { utf8Encode } from '../core/bytes';
import type { CacheEntryState } from '../core/state';

export const MAX_CACHE_KEY_LENGTH = 250;
export const MAX_CACHE_VALUE_BYTES = 100 * 1024;
export const MAX_CACHE_ITEMS = 1000;
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
    const store = this.store();
    for (const key of Object.keys(values)) {
      checkKey(key);
      const value = String(values[key]);
      if (utf8Encode(value).length > MAX_CACHE_VALUE_BYTES)
        throw new Error('Argument too large: value');
      delete store[key]; // re-insert at the end: insertion order is eviction order
      store[key] = { value, expiresAt: this.ctx.state.now + ttl * 1000 };
    }
    const keys = Object.keys(store);
    for (let i = 0; i < keys.length - MAX_CACHE_ITEMS; i++) delete store[keys[i]];
  }
  remove(key: string): void {
    delete this.store()[key];
  }
  removeAll(keys: string[]): void {
    for (const key of keys) delete this.store()[key];
  }
}

function checkKey(key: string): void {
  if (String(key).length > MAX_CACHE_KEY_LENGTH) throw new Error('Argument too large: key');
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
