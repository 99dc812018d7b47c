// Runs the built bundle as Apps Script would: each call of a top-level function is one
// execution in a fresh V8 context (loaded with gas-local) holding only the fakes and the bundle,
// over Workspace state that persists between executions. Used by the tests, the benchmark and
// the local emulator alike.
import gas from 'gas-local';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallCounts, CallHook } from '../core/execution';
import type { WorkspaceState } from '../core/state';
import { createWorkspaceState } from '../core/state';
import type { UserState } from '../core/state';

export const BUILD_DIR = join(__dirname, '..', '..', 'build');

export interface RunOptions {
  user: string;
  /** 30 s for card actions (the default), 360 s for time-driven triggers. */
  budgetMs?: number;
  /** Interleave other work (e.g. another execution) when this execution makes a given call. */
  hooks?: { key: string; once?: boolean; run: CallHook }[];
}

export interface RunResult {
  /** The returned card or response as google.apps.card.v1 JSON (host realm). */
  json: unknown;
  counts: CallCounts;
  calls: { key: string; ms: number }[];
  log: string[];
  /** Set when the function threw (Apps Script would show its error to the user). */
  error?: string;
}

interface FakesBundle {
  installFakes(
    target: Record<string, unknown>,
    state: WorkspaceState,
    options: unknown
  ): {
    finish(): CallCounts;
    calls: { key: string; ms: number }[];
    log: string[];
    id: string;
  };
  cardToJson(value: unknown): unknown;
}

let executionCounter = 0;

export interface WorkspaceOptions {
  /** Where build/fakes.js is (the product's build folder). */
  buildDir?: string;
  /**
   * The add-on to run: a folder of Apps Script `.js` files loaded in name order. Defaults to the
   * product's own bundle (`Code.js` in the build folder).
   */
  addonDir?: string;
  /** Where console and Logger lines go besides the execution's log. */
  log?: (line: string) => void;
}

export class Workspace {
  readonly state: WorkspaceState;
  private readonly buildDir: string;
  private readonly addonDir: string | null;
  private readonly log?: (line: string) => void;

  constructor(state?: WorkspaceState, options: WorkspaceOptions = {}) {
    this.state = state ?? createWorkspaceState();
    this.buildDir = options.buildDir ?? BUILD_DIR;
    this.addonDir = options.addonDir ?? null;
    this.log = options.log;
  }

  static withUsers(users: UserState[]): Workspace {
    return new Workspace(createWorkspaceState({ users }));
  }

  /** Calls the bundle's top-level function `name` with `event`, as one execution. */
  run(name: string, event: unknown, options: RunOptions): RunResult {
    const context = this.loadContext();
    const fakes = context.__RecordsCaptureFakes as FakesBundle;
    const execution = fakes.installFakes(context, this.state, {
      user: options.user,
      oauthScopes: this.manifestScopes(),
      budgetMs: options.budgetMs,
      hooks: options.hooks,
      id: `exec-${++executionCounter}`,
      log: this.log,
    });
    this.loadBundle(context);
    const fn = context[name];
    let json: unknown = null;
    let error: string | undefined;
    try {
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      const result = (fn as (e: unknown) => unknown)(JSON.parse(JSON.stringify(event)));
      // Time-driven triggers return nothing; everything else returns cards or a response.
      json = result === undefined ? null : JSON.parse(JSON.stringify(fakes.cardToJson(result)));
    } catch (e) {
      error = e instanceof Object && 'message' in e ? String((e as Error).message) : String(e);
    }
    const counts = execution.finish();
    return { json, counts, calls: [...execution.calls], log: [...execution.log], error };
  }

  /** The names of the bundle's top-level functions (what Apps Script can call). */
  functionNames(): string[] {
    const context = this.loadContext();
    this.loadBundle(context);
    return Object.keys(context).filter(
      k => typeof context[k] === 'function' && !k.startsWith('__')
    );
  }

  /** The add-on's manifest scopes: services that check scopes (GmailApp) see what was granted. */
  private manifestScopes(): string[] | undefined {
    const manifest = join(this.addonDir ?? this.buildDir, 'appsscript.json');
    if (!existsSync(manifest)) return undefined;
    const scopes = (JSON.parse(readFileSync(manifest, 'utf8')) as { oauthScopes?: string[] })
      .oauthScopes;
    return Array.isArray(scopes) ? scopes : undefined;
  }

  private loadContext(): Record<string, unknown> {
    // A fresh object each time: gas-local would otherwise reuse (and pollute) its default.
    const context: Record<string, unknown> = {};
    gas.require(this.buildDir, context, { filter: (path: string) => path.endsWith('/fakes.js') });
    return context;
  }

  private loadBundle(context: Record<string, unknown>): void {
    if (this.addonDir) {
      gas.require(this.addonDir, context, { filter: (path: string) => path.endsWith('.js') });
    } else {
      gas.require(this.buildDir, context, { filter: (path: string) => path.endsWith('/Code.js') });
    }
  }
}
