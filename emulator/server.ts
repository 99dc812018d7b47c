// The emulator's HTTP server: serves the page and the /api routes on 127.0.0.1, runs the add-on
// one execution at a time over the saved Workspace state, and saves that state after each one.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createWorkspaceState } from '../fakes/core/state';
import type { WorkspaceState } from '../fakes/core/state';
import { Workspace } from '../fakes/harness/workspace';
import type { RunResult } from '../fakes/harness/workspace';
import { deployWebAppInState } from '../fakes/url-fetch/web-app';
import { AddOn } from './addon';
import {
  HttpError,
  pathSegments,
  readJson,
  refusal,
  sendError,
  sendJson,
  sendStatic,
} from './http';
import { emailView, inboxView, ownMessage } from './gmail-views';
import { eventFor, functionFor, parseRunRequest } from './run-request';
import { loadState, newEmulatorState, saveState } from './store';
import type { EmulatorState, ExecutionRecord } from './store';
import { createContext } from '../fakes/core/context';
import { Execution } from '../fakes/core/execution';
import { createSpreadsheetApp } from '../fakes/spreadsheet';
import {
  documentView,
  driveItemView,
  folderView,
  openableFiles,
  openableItem,
  spreadsheetView,
  textFileView,
} from './views';
import type { Seed, TrainerSession, Walkthrough, WalkthroughStep } from './walkthrough-types';

const KEPT_EXECUTIONS = 50;
const KEPT_OPENED = 200;
const CARD_BUDGET_MS = 30_000;
const TIME_DRIVEN_BUDGET_MS = 360_000;
/** Where the product keeps its configuration, which names the register. */
const PRODUCT_CONFIG_KEY = 'records-capture.config';

export interface EmulatorOptions {
  /** Folder of the saved state (created when missing). */
  dataDir: string;
  /** Run this add-on folder instead of the product's build. */
  addonDir?: string;
  /** The product's build folder (fakes.js, and Code.js with appsscript.json). */
  buildDir?: string;
  /** 0 picks a free port. */
  port: number;
  /** Fills a fresh state: on first run, on reset and on a walkthrough restart. */
  seed: Seed;
  walkthroughs?: () => Walkthrough[];
  /** Start from a freshly seeded state, discarding what is saved. */
  reset?: boolean;
  /** Wall clock (epoch ms); tests fix it. */
  clock?: () => number;
  /** Told of every execution once it is recorded. */
  onExecution?: (execution: ExecutionRecord) => void;
}

export interface Emulator {
  /** e.g. http://127.0.0.1:8790/ */
  url: string;
  port: number;
  dataDir: string;
  /** The add-on over the current state (a reset or restart replaces the state). */
  readonly workspace: Workspace;
  /** Stops taking requests, lets queued executions finish, saves, and closes. */
  close(): Promise<void>;
}

export interface RunReply {
  response: unknown;
  error?: string;
  execution: ExecutionRecord;
}

interface Route {
  method: 'GET' | 'POST';
  /** Literal segments, or `:name` for a parameter. */
  path: string[];
  handle(params: Record<string, string>, body: unknown): unknown;
}

/** Runs tasks one after another: executions never overlap, as one Apps Script user's would not. */
class Queue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const clock = options.clock ?? Date.now;
  const dataDir = options.dataDir;
  const addon = new AddOn({ addonDir: options.addonDir, buildDir: options.buildDir });
  const webDir = join(addon.buildDir, 'web');
  const walkthroughs = options.walkthroughs ?? (() => []);
  const queue = new Queue();
  let stopping = false;
  let port = options.port;

  const loaded = options.reset ? null : loadState(dataDir);
  let current: EmulatorState = loaded ?? (await seeded(options.seed, null));
  if (!current.user || !current.workspace.users[current.user]) {
    current.user = Object.keys(current.workspace.users)[0] ?? null;
  }
  await saveState(dataDir, current);

  async function seeded(
    seed: Seed,
    previous: EmulatorState | null,
    user?: string
  ): Promise<EmulatorState> {
    const workspace = createWorkspaceState({ now: clock() });
    await seed(workspace);
    const next = newEmulatorState(workspace);
    if (user && workspace.users[user]) next.user = user;
    // The executions list is the developer's history of this emulator, kept across resets.
    if (previous) {
      next.executions = previous.executions;
      next.nextExecution = previous.nextExecution;
    }
    return next;
  }

  async function persist(): Promise<void> {
    try {
      await saveState(dataDir, current);
    } catch (e) {
      throw new HttpError(500, `Could not save the state: ${(e as Error).message}`);
    }
  }

  function signedInUser(): string {
    const user = current.user;
    if (!user) throw new HttpError(400, 'No one is signed in: the Workspace has no users');
    return user;
  }

  function requireFunction(name: string): void {
    let known: boolean;
    try {
      known = addon.hasFunction(name);
    } catch (e) {
      throw new HttpError(500, `The add-on could not be loaded: ${(e as Error).message}`);
    }
    if (!known) throw new HttpError(404, `Script function not found: ${name}`);
  }

  /** The virtual clock follows the wall clock, never backwards: modelled time can run ahead. */
  function startClock(state: WorkspaceState): void {
    state.now = Math.max(clock(), state.now);
  }

  function record(
    run: { name: string; user: string; host: string | null; trigger: string | null },
    startedAt: number,
    result: RunResult
  ): ExecutionRecord {
    const execution: ExecutionRecord = {
      id: `exec-${current.nextExecution++}`,
      function: run.name,
      user: run.user,
      host: run.host,
      trigger: run.trigger,
      startedAt,
      ms: result.counts.modelledMs,
      counts: result.counts,
      // Apps Script's execution log ends with the error that stopped the script.
      log: result.error ? [...result.log, `ERROR ${result.error}`] : result.log,
      ...(result.error !== undefined ? { error: result.error } : {}),
    };
    // Web apps the execution called ran as executions of their own (as their deployer): listed
    // too, under the one that called them.
    recordWebApps(result.webApps, startedAt);
    current.executions.unshift(execution);
    current.executions.splice(KEPT_EXECUTIONS);
    options.onExecution?.(execution);
    return execution;
  }

  function recordWebApps(webApps: RunResult['webApps'], startedAt: number): void {
    for (const webApp of webApps ?? []) {
      recordWebApps(webApp.result.webApps, startedAt);
      const result = webApp.result;
      const execution: ExecutionRecord = {
        id: `exec-${current.nextExecution++}`,
        function: webApp.function,
        user: webApp.user,
        host: null,
        trigger: 'web app',
        startedAt,
        ms: result.counts.modelledMs,
        counts: result.counts,
        log: result.error ? [...result.log, `ERROR ${result.error}`] : result.log,
        ...(result.error !== undefined ? { error: result.error } : {}),
      };
      current.executions.unshift(execution);
      options.onExecution?.(execution);
    }
  }

  /** Deploys the add-on's project as a web app, as the signed-in user (its manifest's settings). */
  async function deployWebApp(): Promise<{ url: string; deployer: string }> {
    const deployer = signedInUser();
    const settings = addon.manifest().webapp ?? {};
    const url = deployWebAppInState(current.workspace, {
      deployer,
      access: settings.access ?? 'DOMAIN',
      executeAs: settings.executeAs ?? 'USER_DEPLOYING',
    });
    await persist();
    return { url, deployer };
  }

  /** A function that returns nothing (a time-driven handler's void) answers `response: null`. */
  function reply(result: RunResult, execution: ExecutionRecord): RunReply {
    return {
      response: result.json ?? null,
      ...(result.error !== undefined ? { error: result.error } : {}),
      execution,
    };
  }

  async function runFromPage(body: unknown): Promise<RunReply> {
    const request = parseRunRequest(body);
    const user = signedInUser();
    const name = functionFor(addon, request);
    requireFunction(name);
    const state = current.workspace;
    const grants = current.grants[user] ?? [];
    const event = eventFor(request, { state, user, hasGrant: id => grants.includes(id) });
    const startedAt = clock();
    startClock(state);
    const result = addon.run(state, name, event, { user, budgetMs: CARD_BUDGET_MS });
    const trigger = request.trigger ?? null;
    const execution = record({ name, user, host: request.host, trigger }, startedAt, result);
    const editor = request.host === 'DOCS' || request.host === 'SHEETS';
    if (editor && request.item && grantedFile(result.json)) rememberGrant(user, request.item.id);
    await persist();
    return reply(result, execution);
  }

  function rememberGrant(user: string, fileId: string): void {
    const granted = (current.grants[user] ??= []);
    if (!granted.includes(fileId)) granted.push(fileId);
  }

  async function runTrigger(id: string): Promise<RunReply> {
    const trigger = current.workspace.triggers.find(t => t.id === id);
    if (!trigger) throw new HttpError(404, `No trigger ${id}`);
    const name = trigger.handlerFunction;
    requireFunction(name);
    const state = current.workspace;
    const startedAt = clock();
    startClock(state);
    const result = addon.run(state, name, timeDrivenEvent(id, state.now), {
      user: trigger.owner,
      budgetMs: TIME_DRIVEN_BUDGET_MS,
    });
    const execution = record(
      { name, user: trigger.owner, host: null, trigger: 'time-driven' },
      startedAt,
      result
    );
    await persist();
    return reply(result, execution);
  }

  function session() {
    const state = current.workspace;
    const user = current.user;
    const info = addon.info();
    const hosts = {
      docs: user ? openableFiles(state, user, 'document') : [],
      sheets: user ? openableFiles(state, user, 'spreadsheet') : [],
      drive: { rootId: (user && state.roots[user]) || null },
      // The mailbox is there whether or not the add-on runs in Gmail.
      gmail: user ? inboxView(state, user) : [],
    };
    return {
      user,
      users: Object.values(state.users).map(u => ({ email: u.email, name: u.name })),
      addon: info,
      hosts,
      registerId: registerIdOf(state),
    };
  }

  async function switchUser(body: unknown) {
    const user = (body as { user?: unknown } | null)?.user;
    if (typeof user !== 'string' || !current.workspace.users[user]) {
      throw new HttpError(400, `Unknown user: ${String(user)}`);
    }
    current.user = user;
    await persist();
    return session();
  }

  async function restart(seed: Seed, user?: string) {
    current = await seeded(seed, current, user);
    await persist();
    return session();
  }

  /** Notes that the signed-in user opened an item, for the walkthroughs' "open ..." steps. */
  async function opened<T>(view: T, id: string): Promise<T> {
    const list = (current.opened[signedInUser()] ??= []);
    if (list[list.length - 1] !== id) {
      list.push(id);
      list.splice(0, Math.max(0, list.length - KEPT_OPENED));
      await persist();
    }
    return view;
  }

  function walkthroughList() {
    const state = current.workspace;
    const user = current.user ?? '';
    const trainee: TrainerSession = { user, opened: [...(current.opened[user] ?? [])] };
    const done = (step: WalkthroughStep): boolean => {
      try {
        return step.done(state, trainee) === true;
      } catch {
        return false;
      }
    };
    return walkthroughs().map(w => ({
      id: w.id,
      title: w.title,
      user: w.user,
      steps: w.steps.map(step => ({ id: step.id, text: step.text, done: done(step) })),
    }));
  }

  function viewed<T>(view: T | null, what: string, id: string): T {
    if (!view) throw new HttpError(404, `No ${what} ${id}`);
    return view;
  }

  /** Opening an email in Gmail marks it read. */
  async function readEmail(id: string) {
    const user = signedInUser();
    const message = ownMessage(current.workspace, id, user);
    if (!message) throw new HttpError(404, `No email ${id}`);
    if (message.unread) {
      message.unread = false;
      await persist();
    }
    return opened(viewed(emailView(current.workspace, id, user), 'email', id), id);
  }

  /**
   * A person's own edit of one cell in the Sheets view (ticking a checkbox, say): made as the
   * signed-in user through SpreadsheetApp, so sharing, protected ranges and data validation
   * apply as Sheets applies them, and refused with Google's message.
   */
  async function editCell(id: string, body: unknown) {
    const edit = parseCellEdit(body);
    const user = signedInUser();
    const state = current.workspace;
    if (!openableItem(state, id, user) || !state.spreadsheets[id]) {
      throw new HttpError(404, `No spreadsheet ${id}`);
    }
    startClock(state);
    const execution = new Execution(state, { user, budgetMs: CARD_BUDGET_MS });
    const app = createSpreadsheetApp(createContext(state, execution));
    try {
      const sheet = app.openById(id).getSheetByName(edit.tab);
      if (!sheet) throw new HttpError(404, `No sheet ${edit.tab}`);
      if (edit.row > sheet.getMaxRows() || edit.column > sheet.getMaxColumns()) {
        throw new HttpError(
          400,
          `${edit.tab} has no cell at row ${edit.row}, column ${edit.column}`
        );
      }
      sheet.getRange(edit.row, edit.column).setValue(edit.value);
    } catch (e) {
      if (e instanceof HttpError) throw e;
      // Sheets refuses the edit and says why; nothing was written.
      throw new HttpError(403, (e as Error).message);
    } finally {
      execution.finish();
    }
    await persist();
    return spreadsheetView(state, id, user);
  }

  /** Opens a text file (a CSV, a checksum list, a README) from Drive, as text. */
  async function readTextFile(id: string) {
    const view = textFileView(current.workspace, id, signedInUser());
    if (view === 'not text') {
      throw new HttpError(415, 'This file is not a text file: the emulator shows text files only');
    }
    return opened(viewed(view, 'Drive file', id), id);
  }

  const routes: Route[] = [
    { method: 'GET', path: ['session'], handle: () => session() },
    { method: 'POST', path: ['session'], handle: (_p, body) => switchUser(body) },
    {
      method: 'GET',
      path: ['drive', 'folder', ':id'],
      handle: ({ id }) =>
        opened(viewed(folderView(current.workspace, id, signedInUser()), 'Drive folder', id), id),
    },
    {
      method: 'GET',
      path: ['drive', 'item', ':id'],
      handle: ({ id }) =>
        viewed(driveItemView(current.workspace, id, signedInUser()), 'Drive item', id),
    },
    {
      method: 'GET',
      path: ['docs', ':id'],
      handle: ({ id }) =>
        opened(viewed(documentView(current.workspace, id, signedInUser()), 'document', id), id),
    },
    {
      method: 'GET',
      path: ['sheets', ':id'],
      handle: ({ id }) =>
        opened(
          viewed(spreadsheetView(current.workspace, id, signedInUser()), 'spreadsheet', id),
          id
        ),
    },
    {
      method: 'POST',
      path: ['sheets', ':id', 'cell'],
      handle: ({ id }, body) => editCell(id, body),
    },
    {
      method: 'GET',
      path: ['drive', 'file', ':id', 'text'],
      handle: ({ id }) => readTextFile(id),
    },
    { method: 'GET', path: ['gmail', ':id'], handle: ({ id }) => readEmail(id) },
    { method: 'POST', path: ['run'], handle: (_p, body) => runFromPage(body) },
    { method: 'POST', path: ['web-app'], handle: () => deployWebApp() },
    { method: 'GET', path: ['executions'], handle: () => current.executions },
    {
      method: 'GET',
      path: ['triggers'],
      handle: () => current.workspace.triggers,
    },
    { method: 'POST', path: ['triggers', ':id', 'run'], handle: ({ id }) => runTrigger(id) },
    { method: 'GET', path: ['walkthroughs'], handle: () => walkthroughList() },
    {
      method: 'POST',
      path: ['walkthroughs', ':id', 'restart'],
      handle: ({ id }) => {
        const walkthrough = walkthroughs().find(w => w.id === id);
        if (!walkthrough) throw new HttpError(404, `No walkthrough ${id}`);
        return restart(walkthrough.seed, walkthrough.user);
      },
    },
    { method: 'POST', path: ['reset'], handle: () => restart(options.seed) },
  ];

  async function handleApi(req: IncomingMessage, res: ServerResponse, segments: string[]) {
    let allowed: string[] = [];
    for (const route of routes) {
      const params = matchPath(route.path, segments);
      if (!params) continue;
      if (route.method !== req.method) {
        allowed.push(route.method);
        continue;
      }
      allowed = [];
      const body = req.method === 'POST' ? await readJson(req) : undefined;
      if (stopping) throw new HttpError(503, 'The emulator is stopping');
      const payload = await queue.run(() => route.handle(params, body));
      sendJson(res, 200, payload);
      return;
    }
    if (allowed.length) {
      res.setHeader('allow', allowed.join(', '));
      throw new HttpError(405, `${req.method} is not allowed here`);
    }
    throw new HttpError(404, `No such route: ${req.method} /api/${segments.join('/')}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = refusal(req, port);
    if (refused) throw new HttpError(403, refused);
    const rawPath = (req.url ?? '/').split('?')[0];
    if (rawPath === '/api' || rawPath.startsWith('/api/')) {
      await handleApi(req, res, pathSegments(rawPath).slice(1));
      return;
    }
    if (rawPath === '/' || rawPath.startsWith('/web/')) {
      if (req.method !== 'GET') throw new HttpError(405, `${req.method} is not allowed here`);
      if (rawPath === '/') {
        if (!existsSync(join(webDir, 'index.html'))) {
          throw new HttpError(503, 'The page is not built yet: run npm run build');
        }
        await sendStatic(res, webDir, ['index.html']);
      } else {
        await sendStatic(res, webDir, pathSegments(rawPath.slice('/web/'.length)));
      }
      return;
    }
    throw new HttpError(404, 'Not found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) sendError(res, e.status, e.message);
      else sendError(res, 500, e instanceof Error ? e.message : String(e));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      stopping = true;
      const closed = new Promise<void>(resolve => server.close(() => resolve()));
      server.closeIdleConnections();
      // Queued after any running or waiting execution, so the last save sees them all.
      await queue.run(() => persist());
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 1000);
      force.unref();
      await closed;
      clearTimeout(force);
    })();
    return closing;
  };

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    dataDir,
    get workspace() {
      return new Workspace(current.workspace, {
        buildDir: addon.buildDir,
        ...(addon.addonDir ? { addonDir: addon.addonDir } : {}),
      });
    },
    close,
  };
}

/** The longest text a cell edit may carry (Sheets' own limit per cell is 50,000 characters). */
const MAX_CELL_TEXT = 50_000;

interface CellEdit {
  tab: string;
  row: number;
  column: number;
  value: string | number | boolean;
}

/** A POST /api/sheets/:id/cell body: `{tab, row, column, value}`, checked field by field. */
function parseCellEdit(body: unknown): CellEdit {
  const bad = (message: string) => new HttpError(400, message);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw bad('Send a JSON object');
  const { tab, row, column, value } = body as Record<string, unknown>;
  if (typeof tab !== 'string' || !tab) throw bad('tab must be the name of a sheet');
  for (const [name, n] of [
    ['row', row],
    ['column', column],
  ] as const) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
      throw bad(`${name} must be a whole number from 1`);
    }
  }
  if (typeof value === 'string') {
    if (value.length > MAX_CELL_TEXT) throw bad(`value is over ${MAX_CELL_TEXT} characters`);
  } else if (typeof value !== 'boolean' && !(typeof value === 'number' && Number.isFinite(value))) {
    throw bad('value must be text, a number, or true or false');
  }
  return { tab, row: row as number, column: column as number, value };
}

function matchPath(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) params[pattern[i].slice(1)] = segments[i];
    else if (pattern[i] !== segments[i]) return null;
  }
  return params;
}

/** An action answered "ask Docs or Sheets for access to the open file". */
function grantedFile(json: unknown): boolean {
  const request = (
    json as { editorFileScopeRequest?: { requestFileScopeForActiveDocument?: unknown } }
  )?.editorFileScopeRequest;
  return request?.requestFileScopeForActiveDocument === true;
}

function registerIdOf(state: WorkspaceState): string | null {
  try {
    const config = JSON.parse(state.properties.script[PRODUCT_CONFIG_KEY] ?? 'null') as {
      registerId?: unknown;
    } | null;
    return typeof config?.registerId === 'string' ? config.registerId : null;
  } catch {
    return null;
  }
}

/** The event a time-driven trigger receives (its fields as Apps Script names them). */
function timeDrivenEvent(triggerUid: string, now: number): Record<string, unknown> {
  const date = new Date(now);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return {
    authMode: 'FULL',
    triggerUid,
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    'day-of-month': date.getUTCDate(),
    'day-of-week': date.getUTCDay() === 0 ? 7 : date.getUTCDay(),
    'week-of-year': Math.ceil(((now - yearStart) / 86_400_000 + 1) / 7),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    timezone: 'UTC',
  };
}
