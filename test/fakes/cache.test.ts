import { createCacheService } from '../../fakes/cache';
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };

function start(state: WorkspaceState, user: string) {
  // Hours of budget: these tests move the clock past cache lifetimes.
  const execution = new Execution(state, { user, budgetMs: 86_400_000 });
  return { execution, CacheService: createCacheService(createContext(state, execution)) };
}

describe('CacheService', () => {
  it('returns null on a miss and the stored string on a hit', () => {
    const state = createWorkspaceState({ users: [alice] });
    const cache = start(state, alice.email).CacheService.getScriptCache();
    expect(cache.get('records-capture.reference.r1')).toBeNull();
    cache.put('records-capture.reference.r1', '{"series":[]}', 300);
    expect(cache.get('records-capture.reference.r1')).toBe('{"series":[]}');
    cache.put('n', 5 as unknown as string);
    expect(cache.get('n')).toBe('5');
  });

  it('expires an entry after 600 s by default and after its own time otherwise', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { execution, CacheService } = start(state, alice.email);
    const cache = CacheService.getScriptCache();
    cache.put('default', 'a');
    cache.put('short', 'b', 1);
    execution.advance(999);
    expect(cache.get('short')).toBeNull();
    execution.advance(598_000);
    expect(cache.get('default')).toBe('a');
    execution.advance(1_000);
    expect(cache.get('default')).toBeNull();
    expect(cache.getAll(['default', 'short'])).toEqual({});
  });

  it('accepts lifetimes from 1 s to 21,600 s and refuses others', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { execution, CacheService } = start(state, alice.email);
    const cache = CacheService.getScriptCache();
    cache.put('six-hours', 'x', 21_600);
    expect(() => cache.put('k', 'x', 21_601)).toThrow(
      new Error('Invalid argument: expirationInSeconds (21601); it must be 1 to 21600.')
    );
    expect(() => cache.put('k', 'x', 0)).toThrow(
      new Error('Invalid argument: expirationInSeconds (0); it must be 1 to 21600.')
    );
    expect(cache.get('k')).toBeNull();
    execution.advance(21_599_000);
    expect(cache.get('six-hours')).toBe('x');
  });

  it('refuses a key over 250 characters', () => {
    const state = createWorkspaceState({ users: [alice] });
    const cache = start(state, alice.email).CacheService.getScriptCache();
    cache.put('k'.repeat(250), 'ok');
    expect(cache.get('k'.repeat(250))).toBe('ok');
    expect(() => cache.put('k'.repeat(251), 'x')).toThrow(new Error('Argument too large: key'));
    expect(() => cache.get('k'.repeat(251))).toThrow(new Error('Argument too large: key'));
  });

  it('refuses a value over 100 KB (UTF-8 bytes), storing nothing from that call', () => {
    const state = createWorkspaceState({ users: [alice] });
    const cache = start(state, alice.email).CacheService.getScriptCache();
    cache.put('max', 'x'.repeat(102_400));
    expect(cache.get('max')).toHaveLength(102_400);
    const tooLarge = new Error('Argument too large: value');
    expect(() => cache.put('big', 'x'.repeat(102_401))).toThrow(tooLarge);
    // 51,201 characters but 102,402 bytes.
    expect(() => cache.put('big', 'é'.repeat(51_201))).toThrow(tooLarge);
    expect(() => cache.putAll({ small: 'ok', big: 'x'.repeat(102_401) })).toThrow(tooLarge);
    expect(cache.getAll(['big', 'small'])).toEqual({});
  });

  it('keeps the 900 entries farthest from expiration once more than 1,000 are written', () => {
    const state = createWorkspaceState({ users: [alice] });
    const cache = start(state, alice.email).CacheService.getScriptCache();
    cache.put('long-lived', 'keep', 21_600);
    const values: Record<string, string> = {};
    for (let i = 0; i < 999; i++) values[`k${i}`] = String(i);
    cache.putAll(values, 600);
    // 1,000 entries: nothing is dropped yet.
    expect(Object.keys(state.cache.script)).toHaveLength(1000);
    expect(cache.get('k0')).toBe('0');

    cache.put('newest', 'n', 600);
    expect(Object.keys(state.cache.script)).toHaveLength(900);
    expect(cache.get('long-lived')).toBe('keep');
    expect(cache.get('newest')).toBe('n');
    // Equal lifetimes: the earliest writes go first.
    expect(cache.get('k100')).toBeNull();
    expect(cache.get('k101')).toBe('101');
    expect(cache.get('k998')).toBe('998');
  });

  it('drops expired entries before evicting live ones', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { execution, CacheService } = start(state, alice.email);
    const cache = CacheService.getScriptCache();
    const stale: Record<string, string> = {};
    for (let i = 0; i < 600; i++) stale[`old${i}`] = 'x';
    cache.putAll(stale, 60);
    execution.advance(61_000);
    const fresh: Record<string, string> = {};
    for (let i = 0; i < 500; i++) fresh[`new${i}`] = 'y';
    cache.putAll(fresh, 600);
    expect(Object.keys(state.cache.script)).toHaveLength(500);
    expect(cache.get('new0')).toBe('y');
  });

  it('returns only the keys found from getAll, and removes entries', () => {
    const state = createWorkspaceState({ users: [alice] });
    const cache = start(state, alice.email).CacheService.getScriptCache();
    cache.putAll({ a: '1', b: '2', c: '3' });
    expect(cache.getAll(['a', 'missing', 'c'])).toEqual({ a: '1', c: '3' });
    cache.remove('a');
    cache.removeAll(['b', 'missing']);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
  });

  it('shares the script cache between users and keeps each user cache apart', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    const asAlice = start(state, alice.email).CacheService;
    asAlice.getScriptCache().put('shared', 'yes');
    asAlice.getUserCache().put('mine', 'alice');
    const asBob = start(state, bob.email).CacheService;
    expect(asBob.getScriptCache().get('shared')).toBe('yes');
    expect(asBob.getUserCache().get('mine')).toBeNull();
  });

  it('has no document cache in an add-on without a containing document', () => {
    const state = createWorkspaceState({ users: [alice] });
    expect(start(state, alice.email).CacheService.getDocumentCache()).toBeNull();
  });

  it('charges a put far more than a get, as measured', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { execution, CacheService } = start(state, alice.email);
    const cache = CacheService.getScriptCache();
    const before = state.now;
    cache.put('k', 'v');
    cache.get('k');
    expect(state.now - before).toBe(93 + 3);
    expect(execution.snapshot().byKey['CacheService.Cache.get']).toBe(1);
  });
});
