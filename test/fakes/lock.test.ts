import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createLockService } from '../../fakes/lock';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };

function start(state: WorkspaceState, user: string, budgetMs?: number) {
  const execution = new Execution(state, { user, budgetMs });
  return { execution, LockService: createLockService(createContext(state, execution)) };
}

describe('LockService', () => {
  it('grants a free script lock at once and reports it held', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { execution, LockService } = start(state, alice.email);
    const lock = LockService.getScriptLock();
    expect(lock.hasLock()).toBe(false);
    const before = state.now;
    expect(lock.tryLock(10_000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    // Only the modelled call latency, no waiting.
    expect(state.now - before).toBe(50);
    expect(execution.snapshot().byKey['LockService.Lock.tryLock']).toBe(1);
  });

  it('makes another execution time out, charging the whole wait to the clock', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    const first = start(state, alice.email);
    expect(first.LockService.getScriptLock().tryLock(10_000)).toBe(true);

    const second = start(state, bob.email);
    const lock = second.LockService.getScriptLock();
    const before = state.now;
    expect(lock.tryLock(10_000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(state.now - before).toBe(50 + 10_000);
    expect(second.execution.elapsedMs()).toBe(50 + 10_000);
  });

  it('throws the lock timeout from waitLock when another execution holds the lock', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    start(state, alice.email).LockService.getScriptLock().waitLock(1000);
    const lock = start(state, bob.email).LockService.getScriptLock();
    const before = state.now;
    expect(() => lock.waitLock(5000)).toThrow(
      new Error('Lock timeout: another process was holding the lock for too long.')
    );
    expect(state.now - before).toBe(50 + 5000);
  });

  it('stops an execution whose lock wait runs past its time budget', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    start(state, alice.email).LockService.getScriptLock().tryLock(0);
    const lock = start(state, bob.email, 30_000).LockService.getScriptLock();
    expect(() => lock.tryLock(40_000)).toThrow('Exceeded maximum execution time');
  });

  it('does nothing on releaseLock when the lock is not held, even if another execution holds it', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    const first = start(state, alice.email);
    const holder = first.LockService.getScriptLock();
    const other = start(state, bob.email).LockService.getScriptLock();
    expect(() => other.releaseLock()).not.toThrow();
    expect(state.locks.script).toBeNull();
    expect(holder.tryLock(0)).toBe(true);
    other.releaseLock();
    expect(holder.hasLock()).toBe(true);
    expect(state.locks.script?.holder).toBe(first.execution.id);
  });

  it('lets another execution in once the holder releases the lock', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    const holder = start(state, alice.email).LockService.getScriptLock();
    holder.tryLock(0);
    holder.releaseLock();
    expect(holder.hasLock()).toBe(false);
    const before = state.now;
    expect(start(state, bob.email).LockService.getScriptLock().tryLock(10_000)).toBe(true);
    expect(state.now - before).toBe(50);
  });

  it('releases the locks an execution still holds when it finishes', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    const first = start(state, alice.email);
    first.LockService.getScriptLock().tryLock(0);
    first.LockService.getUserLock().tryLock(0);
    first.execution.finish();
    expect(state.locks.script).toBeNull();
    expect(state.locks.user[alice.email]).toBeNull();
    expect(start(state, bob.email).LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  it('keeps a user lock to its user while the script lock is shared by all', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    const a = start(state, alice.email).LockService;
    const b = start(state, bob.email).LockService;
    expect(a.getUserLock().tryLock(0)).toBe(true);
    expect(b.getUserLock().tryLock(0)).toBe(true);
    expect(a.getScriptLock().tryLock(0)).toBe(true);
    expect(b.getScriptLock().tryLock(0)).toBe(false);
    // A second execution of the same user contends for that user's lock.
    expect(start(state, alice.email).LockService.getUserLock().tryLock(0)).toBe(false);
  });

  it('has no document lock in an add-on, which runs outside a containing document', () => {
    const state = createWorkspaceState({ users: [alice] });
    expect(start(state, alice.email).LockService.getDocumentLock()).toBeNull();
  });
});
