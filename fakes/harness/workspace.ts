// Runs the built bundle as Apps Script would: each call of a top-level function is one
// execution in a fresh V8 context (loaded with gas-local) holding only the fakes and the bundle,
// over Workspace state that persists between executions. Used by the tests, the benchmark and
// the local emulator alike.
//
// The script can also be deployed as a web app: when an execution fetches the web app's URL,
// its doPost / doGet runs there and then as another execution (in its own fresh context, as the
// deployer), nested inside the caller's fetch; the caller's result lists it under `webApps`.
import gas from 'gas-local';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../core/context';
import { Execution } from '../core/execution';
import type { CallCounts, CallHook } from '../core/execution';
import type { WebAppAccess, WebAppExecuteAs, WorkspaceState } from '../core/state';
import { createWorkspaceState } from '../core/state';
import type { UserState } from '../core/state';
import { issueOAuthToken } from '../script-app/oauth';
import { createUrlFetchApp } from '../url-fetch';
import { deployWebAppInState } from '../url-fetch/web-app';
import type { WebAppRun, WebAppRunner, WebAppRunResult } from '../url-fetch/web-app';

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
  /** Web app executions this execution called, in the order they ran. */
  webApps: WebAppExecution[];
}

/** A web app's doPost / doGet, run as its own execution because a script fetched its URL. */
export interface WebAppExecution {
  function: string;
  /** Whose authority it ran with (the deployer, for executeAs USER_DEPLOYING). */
  user: string;
  /** Virtual time it started at. */
  startedAt: number;
  /** The answer as served (null when it returned no TextOutput), counts, calls, log and error. */
  result: RunResult;
}

/** What a client outside Apps Script (curl, a browser) gets from a URL. */
export interface OutsideResponse {
  code: number;
  headers: Record<string, string>;
  text: string;
  webApps: WebAppExecution[];
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
  servedOutput(
    value: unknown
  ): { body: string; contentType: string; fileName: string | null } | null;
}

/** Web apps run with the 6-minute script limit, not an add-on's 30 seconds. */
const WEB_APP_BUDGET_MS = 360_000;

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
    const webApps: WebAppExecution[] = [];
    const execution = fakes.installFakes(context, this.state, {
      user: options.user,
      oauthScopes: this.manifestScopes(),
      budgetMs: options.budgetMs,
      hooks: options.hooks,
      id: `exec-${++executionCounter}`,
      log: this.log,
      webApps: this.webAppRunner(webApps),
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
      error = messageOf(e);
    }
    const counts = execution.finish();
    return { json, counts, calls: [...execution.calls], log: [...execution.log], error, webApps };
  }

  /**
   * Deploys the script as a web app (the manifest's `webapp` settings, as `clasp deploy` would)
   * and returns its URL. DOMAIN access and executing as the deployer unless told otherwise.
   */
  deployWebApp(options: {
    deployer: string;
    access?: WebAppAccess;
    executeAs?: WebAppExecuteAs;
  }): string {
    return deployWebAppInState(this.state, options);
  }

  /** An access token for `user`, as ScriptApp.getOAuthToken() would give them now. */
  oauthToken(user: string, options: { clientId?: string; lifetimeMs?: number } = {}): string {
    return issueOAuthToken(this.state, user, this.manifestScopes(), options);
  }

  /**
   * A request from outside Apps Script (curl with a token, say) to a URL the fakes serve: the
   * web app (run as an execution of its own), its redirect, tokeninfo. Not counted as anyone's
   * execution.
   */
  request(
    url: string,
    params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {}
  ): OutsideResponse {
    const webApps: WebAppExecution[] = [];
    const client = new Execution(this.state, { user: 'outside-client', budgetMs: 3_600_000 });
    const fetcher = createUrlFetchApp(createContext(this.state, client), {
      webApps: this.webAppRunner(webApps),
    });
    const response = fetcher.fetch(url, { ...params, muteHttpExceptions: true });
    return {
      code: response.getResponseCode(),
      headers: response.getHeaders() as Record<string, string>,
      text: response.getContentText(),
      webApps,
    };
  }

  /** Runs web app requests as executions of their own, noting each in `into`. */
  private webAppRunner(into: WebAppExecution[]): WebAppRunner {
    return (run: WebAppRun) => this.runWebApp(run, into);
  }

  private runWebApp(run: WebAppRun, into: WebAppExecution[]): WebAppRunResult {
    const context = this.loadContext();
    const fakes = context.__RecordsCaptureFakes as FakesBundle;
    const startedAt = this.state.now;
    const webApps: WebAppExecution[] = [];
    const execution = fakes.installFakes(context, this.state, {
      user: run.user,
      activeUser: run.activeUser,
      oauthScopes: this.manifestScopes(),
      budgetMs: WEB_APP_BUDGET_MS,
      id: `exec-${++executionCounter}`,
      log: this.log,
      webApps: this.webAppRunner(webApps),
    });
    this.loadBundle(context);
    const fn = context[run.functionName];
    let output: WebAppRunResult['output'] = null;
    let error: string | undefined;
    if (typeof fn !== 'function') {
      error = `Script function not found: ${run.functionName}`;
    } else {
      try {
        const value = (fn as (e: unknown) => unknown)(JSON.parse(JSON.stringify(run.event)));
        const served = fakes.servedOutput(value);
        // Copied into this realm as plain strings.
        output = served
          ? {
              body: String(served.body),
              contentType: String(served.contentType),
              fileName: served.fileName === null ? null : String(served.fileName),
            }
          : null;
      } catch (e) {
        // As Apps Script shows it, "Error: message" (the error's own text, from either realm).
        error = String(e);
      }
    }
    const counts = execution.finish();
    into.push({
      function: run.functionName,
      user: run.user,
      startedAt,
      result: {
        json: output,
        counts,
        calls: [...execution.calls],
        log: [...execution.log],
        error,
        webApps,
      },
    });
    const modelledMs = counts.modelledMs;
    return error === undefined ? { output, modelledMs } : { output: null, error, modelledMs };
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

function messageOf(e: unknown): string {
  return e instanceof Object && 'message' in e ? String((e as Error).message) : String(e);
}
