// LockService. Locks live in the shared state, so executions that run interleaved (a test's
// hook, two emulator tabs) contend for them as concurrent Apps Script executions do.
import type { FakeContext } from '../core/context';
import { MESSAGES } from '../core/errors';
import type { LockState } from '../core/state';

type LockApi = Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock'>;

class FakeLock implements LockApi {
  constructor(
    private ctx: FakeContext,
    private read: () => LockState | null,
    private write: (lock: LockState | null) => void
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    const held = this.read();
    if (!held || held.holder === this.ctx.execution.id) {
      this.write({ holder: this.ctx.execution.id, acquiredAt: this.ctx.state.now });
      return true;
    }
    // Another execution holds it and cannot make progress while this one waits in the same
    // thread, so waiting always ends in a time-out: charge the wait to the virtual clock.
    this.ctx.execution.advance(Math.max(0, timeoutInMillis));
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(MESSAGES.lockTimeout);
  }

  hasLock(): boolean {
    return this.read()?.holder === this.ctx.execution.id;
  }

  releaseLock(): void {
    if (this.hasLock()) this.write(null);
  }
}

export function createLockService(ctx: FakeContext): GoogleAppsScript.Lock.LockService {
  const locks = ctx.state.locks;
  const service = {
    getScriptLock: () =>
      ctx.wrap(
        new FakeLock(
          ctx,
          () => locks.script,
          lock => (locks.script = lock)
        ),
        'LockService.Lock'
      ),
    getUserLock: () =>
      ctx.wrap(
        new FakeLock(
          ctx,
          () => locks.user[ctx.user] ?? null,
          lock => (locks.user[ctx.user] = lock)
        ),
        'LockService.Lock'
      ),
    // A Workspace add-on is a standalone script: there is no containing document.
    getDocumentLock: () => null,
  } satisfies Omit<Record<string, unknown>, 'x'> &
    Pick<GoogleAppsScript.Lock.LockService, 'getScriptLock' | 'getUserLock'>;
  return ctx.wrap(service, 'LockService') as unknown as GoogleAppsScript.Lock.LockService;
}
