// One Apps Script execution: who runs it, its call counts, its virtual time budget and the
// hooks that let a test interleave another execution at a chosen call.
import { COMMIT_COST, costOf, EXECUTION_START_MS } from './latency';
import type { WorkspaceState } from './state';

export interface CallRecord {
  key: string;
  ms: number;
}

export interface CallCounts {
  /** Calls per `Service.Class.method` key. */
  byKey: Record<string, number>;
  /** Calls per service (the part of the key before the first dot). */
  byService: Record<string, number>;
  /** All calls except the local card building of CardService. */
  serviceCalls: number;
  cardServiceCalls: number;
  /** Register/spreadsheet cells returned to the script by reads. */
  cellsRead: number;
  /** Cells scanned on the server by TextFinder (never returned to the script). */
  cellsSearched: number;
  cellsWritten: number;
  /** Commits of buffered spreadsheet writes (flush, a read after writes, or the end). */
  commits: number;
  /** Modelled server time: execution start plus every call and commit. */
  modelledMs: number;
}

export type CallHook = (key: string, execution: Execution) => void;

export interface ExecutionOptions {
  /** Whose authority the script runs with (the effective user). */
  user: string;
  /**
   * The user Session.getActiveUser() names when it differs from `user`: a web app executing as
   * its deployer does not reliably know who is calling, so it gets ''.
   */
  activeUser?: string;
  /** 30 s for card actions, 360 s for time-driven triggers. */
  budgetMs?: number;
  id?: string;
  hooks?: { key: string; once?: boolean; run: CallHook }[];
}

export class ExecutionBudgetExceeded extends Error {}

export class Execution {
  readonly id: string;
  readonly user: string;
  readonly activeUser: string;
  readonly startedAt: number;
  readonly budgetMs: number;
  readonly calls: CallRecord[] = [];
  /** console and Logger lines written during the execution. */
  readonly log: string[] = [];
  private counts: CallCounts = emptyCounts();
  private pendingWriteCells = 0;
  private lastKey: string | null = null;
  private hooks: { key: string; once?: boolean; run: CallHook }[];

  constructor(
    readonly state: WorkspaceState,
    options: ExecutionOptions
  ) {
    this.id = options.id ?? `exec-${state.nextId++}`;
    this.user = options.user;
    this.activeUser = options.activeUser ?? options.user;
    this.budgetMs = options.budgetMs ?? 30_000;
    this.hooks = options.hooks ?? [];
    this.startedAt = state.now;
    this.counts.modelledMs = EXECUTION_START_MS;
  }

  /** Called by every instrumented fake method before it runs. */
  record(key: string): void {
    for (const hook of [...this.hooks]) {
      if (hook.key === key) {
        if (hook.once) this.hooks.splice(this.hooks.indexOf(hook), 1);
        hook.run(key, this);
      }
    }
    this.throwInjectedFault(key);
    const service = key.slice(0, key.indexOf('.'));
    this.counts.byKey[key] = (this.counts.byKey[key] ?? 0) + 1;
    this.counts.byService[service] = (this.counts.byService[service] ?? 0) + 1;
    if (service === 'CardService') this.counts.cardServiceCalls++;
    else this.counts.serviceCalls++;
    const cost = costOf(key);
    let ms = cost ? cost.ms : 0;
    if (cost?.kind === 'read' || cost?.kind === 'commit') ms += this.commitPending();
    this.lastKey = key;
    this.calls.push({ key, ms });
    this.advance(ms);
  }

  /**
   * Size of what the current call moved (cells, or KB for content), reported by the fake itself;
   * charged at the call's per-unit cost.
   */
  units(n: number): void {
    const cost = this.lastKey ? costOf(this.lastKey) : undefined;
    const ms = (cost?.perUnit ?? 0) * n;
    if (ms > 0) {
      const last = this.calls[this.calls.length - 1];
      if (last) last.ms += ms;
      this.advance(ms);
    }
  }
  cellsRead(n: number): void {
    this.counts.cellsRead += n;
    this.units(n);
  }
  cellsSearched(n: number): void {
    this.counts.cellsSearched += n;
    this.units(n);
  }
  cellsWritten(n: number): void {
    this.counts.cellsWritten += n;
    this.pendingWriteCells += n;
  }

  /** Time spent waiting (Utilities.sleep, a contended lock). */
  advance(ms: number): void {
    this.state.now += ms;
    this.counts.modelledMs += ms;
    if (this.state.now - this.startedAt > this.budgetMs) {
      throw new ExecutionBudgetExceeded('Exceeded maximum execution time');
    }
  }

  /**
   * Time that already passed on the shared clock while this execution waited on another (a web
   * app it called ran as its own execution): counted as this execution's time and charged to the
   * call being made, without moving the clock again.
   */
  waited(ms: number): void {
    if (ms <= 0) return;
    const last = this.calls[this.calls.length - 1];
    if (last) last.ms += ms;
    this.counts.modelledMs += ms;
    if (this.state.now - this.startedAt > this.budgetMs) {
      throw new ExecutionBudgetExceeded('Exceeded maximum execution time');
    }
  }

  elapsedMs(): number {
    return this.state.now - this.startedAt;
  }

  /** Ends the execution: buffered writes are committed and its locks released, as Apps Script does. */
  finish(): CallCounts {
    const ms = this.commitPending();
    this.state.now += ms;
    this.counts.modelledMs += ms;
    const locks = this.state.locks;
    if (locks.script?.holder === this.id) locks.script = null;
    for (const user of Object.keys(locks.user)) {
      if (locks.user[user]?.holder === this.id) locks.user[user] = null;
    }
    return this.snapshot();
  }

  snapshot(): CallCounts {
    return JSON.parse(JSON.stringify(this.counts)) as CallCounts;
  }

  private commitPending(): number {
    if (this.pendingWriteCells === 0) return 0;
    const ms = COMMIT_COST.ms + (COMMIT_COST.perUnit ?? 0) * this.pendingWriteCells;
    this.pendingWriteCells = 0;
    this.counts.commits++;
    return ms;
  }

  private throwInjectedFault(key: string): void {
    for (const fault of this.state.faults) {
      if (fault.key !== key || fault.times === 0) continue;
      if (fault.skip > 0) {
        fault.skip--;
        continue;
      }
      if (fault.times > 0) fault.times--;
      throw new Error(fault.message);
    }
  }
}

export function emptyCounts(): CallCounts {
  return {
    byKey: {},
    byService: {},
    serviceCalls: 0,
    cardServiceCalls: 0,
    cellsRead: 0,
    cellsSearched: 0,
    cellsWritten: 0,
    commits: 0,
    modelledMs: 0,
  };
}
