// A script's web app, as UrlFetchApp reaches it at https://script.google.com/macros/s/<id>/exec.
// Google's front door checks the caller before any script runs; the script then runs doPost (or
// doGet) in an execution of its own (as the deployer, or as the caller), and its TextOutput is
// served from script.googleusercontent.com, where the front door's 302 redirect points.
//
// Behaviour and its sources (secondary: tanaikech/taking-advantage-of-Web-Apps-with-google-apps-
// script, "Error messages", "Understanding Flow of Request to Web Apps"; official:
// developers.google.com/apps-script/guides/web for the event object):
// - Access other than ANYONE_ANONYMOUS needs `Authorization: Bearer <token>` (or `access_token`
//   in the query) with a Drive scope. No token: 200 with Google's sign-in page. A bad or expired
//   token, or one without a Drive scope: 401, an HTML page titled "Unauthorized".
// - MYSELF, called by anyone else: 404 "Google Drive -- Page Not Found".
// - DOMAIN, called from another domain: 403 "Google Drive - Access Denied" (the page Google shows
//   when the project is not shared with the caller; which page an outsider gets is unconfirmed).
// - The script's answer: 302 to script.googleusercontent.com/macros/echo?user_content_key=…&lib=…,
//   fetched with GET (a POST there is refused with 405).
// - A script that throws, lacks the function or returns no output: an HTML page with the message
//   (status 200). The exact page text is unconfirmed; the titles are as reported.
import type { FakeContext } from '../core/context';
import { newId } from '../core/state';
import type { WebAppAccess, WebAppExecuteAs, WebAppState, WorkspaceState } from '../core/state';
import { NotEmulatedError } from '../core/instrument';
import { validToken } from '../script-app/oauth';
import { stringToUtf8, utf8ToString } from '../gmail/codec';
import { headerValue } from './request';
import type { HttpRequest } from './request';

export const WEB_APP_HOST = 'script.google.com';
export const ECHO_HOST = 'script.googleusercontent.com';

/** What doGet / doPost receive (developers.google.com/apps-script/guides/web, "Request parameters"). */
export interface WebAppEvent {
  queryString: string;
  parameter: Record<string, string>;
  parameters: Record<string, string[]>;
  contextPath: '';
  contentLength: number;
  pathInfo?: string;
  postData?: { length: number; type: string; contents: string; name: 'postData' };
}

/** One run of a web app's doGet or doPost, in an execution of its own. */
export interface WebAppRun {
  deploymentId: string;
  functionName: 'doGet' | 'doPost';
  event: WebAppEvent;
  /** Whose authority it runs with. */
  user: string;
  /** Who Session.getActiveUser() names ('' when the script runs as its deployer). */
  activeUser: string;
}

export interface WebAppRunResult {
  /** The TextOutput the function returned, as served; null when it returned something else. */
  output: { body: string; contentType: string; fileName: string | null } | null;
  /** Set when the function threw, or does not exist (`Script function not found: doPost`). */
  error?: string;
  /** The execution's modelled time, its start included. */
  modelledMs: number;
}

/** Runs a web app's function as a new execution over the same Workspace (the harness does). */
export type WebAppRunner = (run: WebAppRun) => WebAppRunResult;

export interface WebAppAnswer {
  code: number;
  headers: Record<string, string>;
  body: Uint8Array;
  costKey: string;
  kb: number;
  /** Time the web app's own execution took (already on the shared clock). */
  waitedMs: number;
}

const DRIVE_SCOPES = [
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/drive.readonly',
];

// …/macros/s/<id>/exec, or with the Workspace domain: …/a/macros/<domain>/s/<id>/exec.
const PATH = /^\/(?:a\/macros\/[\w.-]+|macros)\/s\/([A-Za-z0-9_-]+)\/(exec|dev)(?:\/(.*))?$/;

export function servesWebApp(request: HttpRequest): boolean {
  return request.host === WEB_APP_HOST && PATH.test(request.path);
}

export function servesWebAppEcho(request: HttpRequest): boolean {
  return request.host === ECHO_HOST && request.path === '/macros/echo';
}

/** A web app URL for a deployment id. */
export function webAppUrl(deploymentId: string): string {
  return `https://${WEB_APP_HOST}/macros/s/${deploymentId}/exec`;
}

/**
 * Deploys the script project as a web app (Deploy → New deployment → Web app, or the manifest's
 * `webapp` with clasp) and returns its /exec URL.
 */
export function deployWebAppInState(
  state: WorkspaceState,
  options: { deployer: string; access?: WebAppAccess; executeAs?: WebAppExecuteAs }
): string {
  const deploymentId = `AKfycb${newId(state).slice(1)}`;
  (state.webApps ??= {})[deploymentId] = {
    deploymentId,
    deployer: options.deployer,
    access: options.access ?? 'DOMAIN',
    executeAs: options.executeAs ?? 'USER_DEPLOYING',
    deployedAt: state.now,
  };
  return webAppUrl(deploymentId);
}

function page(code: number, title: string, text: string, costKey: string): WebAppAnswer {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><div>${escapeHtml(text)}</div></body></html>`;
  return {
    code,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: stringToUtf8(html),
    costKey,
    kb: 0,
    waitedMs: 0,
  };
}

export function serveWebApp(
  ctx: FakeContext,
  request: HttpRequest,
  runner: WebAppRunner | undefined
): WebAppAnswer {
  const match = PATH.exec(request.path)!;
  const deployment: WebAppState | undefined = ctx.state.webApps?.[match[1]];
  const front = 'UrlFetchApp.webApp';
  if (!deployment) {
    // Unconfirmed wording: the page Google shows for an unknown deployment.
    return page(
      404,
      'Google Drive -- Page Not Found',
      'Sorry, unable to open the file at this time.',
      front
    );
  }
  const token =
    /^Bearer\s+(\S+)\s*$/i.exec(headerValue(request.headers, 'authorization') ?? '')?.[1] ??
    request.query.access_token?.[0] ??
    null;
  let caller: string | null = null;
  if (deployment.access !== 'ANYONE_ANONYMOUS' || token) {
    if (!token) {
      return page(
        200,
        'Meet Google Drive - One place for all your files',
        'Sign in to continue to Google Drive.',
        front
      );
    }
    const grant = validToken(ctx.state, token);
    if (!grant || !grant.scopes.some(s => DRIVE_SCOPES.includes(s))) {
      return page(401, 'Unauthorized', 'Unauthorized', front);
    }
    caller = grant.user;
  }
  const dev = match[2] === 'dev';
  if ((deployment.access === 'MYSELF' || dev) && caller !== deployment.deployer) {
    return page(
      404,
      'Google Drive -- Page Not Found',
      'Sorry, unable to open the file at this time.',
      front
    );
  }
  if (deployment.access === 'DOMAIN' && domainOf(caller ?? '') !== domainOf(deployment.deployer)) {
    return page(
      403,
      'Google Drive - Access Denied',
      'You need permission to access this item.',
      front
    );
  }
  if (!runner) {
    throw new NotEmulatedError('not emulated: a web app outside the harness (no executions)');
  }
  const functionName = request.method === 'post' ? 'doPost' : 'doGet';
  const before = ctx.state.now;
  const result = runner({
    deploymentId: deployment.deploymentId,
    functionName,
    event: eventOf(request, match[3]),
    user: deployment.executeAs === 'USER_DEPLOYING' ? deployment.deployer : (caller ?? ''),
    activeUser: deployment.executeAs === 'USER_DEPLOYING' ? '' : (caller ?? ''),
  });
  // The caller waited for the whole execution, its start included (which the web app's own
  // clock does not advance by): the shared clock catches up.
  const waitedMs = Math.max(result.modelledMs, ctx.state.now - before);
  ctx.state.now = before + waitedMs;
  if (result.error !== undefined) {
    return { ...page(200, 'Error', result.error, front), waitedMs };
  }
  if (!result.output) {
    return {
      ...page(200, 'Error', 'The script completed but did not return anything.', front),
      waitedMs,
    };
  }
  const key = `${deployment.deploymentId.slice(0, 12)}${ctx.state.nextId++}`;
  const echoes = (ctx.state.webAppEchoes ??= {});
  // Answers nobody collected within ten minutes are dropped.
  for (const [k, echo] of Object.entries(echoes)) {
    if (echo.createdAt + 600_000 <= ctx.state.now) delete echoes[k];
  }
  echoes[key] = {
    contentType: result.output.contentType,
    body: result.output.body,
    createdAt: ctx.state.now,
  };
  const location = `https://${ECHO_HOST}/macros/echo?user_content_key=${key}&lib=${deployment.deploymentId}`;
  return {
    code: 302,
    headers: { Location: location, 'Content-Type': 'text/html; charset=UTF-8' },
    body: stringToUtf8(
      `<HTML><HEAD><TITLE>Moved Temporarily</TITLE></HEAD><BODY>The document has moved <A HREF="${escapeHtml(location)}">here</A>.</BODY></HTML>`
    ),
    costKey: front,
    kb: 0,
    waitedMs,
  };
}

/** The redirect target: the script's answer, once. */
export function serveWebAppEcho(ctx: FakeContext, request: HttpRequest): WebAppAnswer {
  const echoKey = 'UrlFetchApp.webAppEcho';
  if (request.method !== 'get') return page(405, 'Page Not Found', 'Page Not Found', echoKey);
  const key = request.query.user_content_key?.[0] ?? '';
  const echo = ctx.state.webAppEchoes?.[key];
  if (!echo) return page(404, 'Page Not Found', 'Page Not Found', echoKey);
  delete ctx.state.webAppEchoes![key];
  const body = stringToUtf8(echo.body);
  return {
    code: 200,
    headers: { 'Content-Type': echo.contentType },
    body,
    costKey: echoKey,
    kb: body.length / 1024,
    waitedMs: 0,
  };
}

function eventOf(request: HttpRequest, pathInfo: string | undefined): WebAppEvent {
  const parameters: Record<string, string[]> = {};
  const add = (query: Record<string, string[]>) => {
    for (const [k, values] of Object.entries(query)) (parameters[k] ??= []).push(...values);
  };
  add(request.query);
  const queryString = request.url.includes('?')
    ? request.url.slice(request.url.indexOf('?') + 1).replace(/#.*$/, '')
    : '';
  const event: WebAppEvent = {
    queryString,
    parameter: {},
    parameters,
    contextPath: '',
    contentLength: -1,
  };
  if (pathInfo) event.pathInfo = pathInfo;
  if (request.method === 'post') {
    const contents = request.payload ? utf8ToString(request.payload) : '';
    const type = (request.contentType ?? 'application/x-www-form-urlencoded').split(';')[0].trim();
    const length = request.payload?.length ?? 0;
    event.contentLength = length;
    event.postData = { length, type, contents, name: 'postData' };
    // Form fields are request parameters too; other bodies are only postData.
    if (type === 'application/x-www-form-urlencoded') add(parseForm(contents));
  }
  event.parameter = Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, v[0]]));
  return event;
}

function parseForm(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const decode = (t: string) => {
      try {
        return decodeURIComponent(t.replace(/\+/g, ' '));
      } catch {
        return t;
      }
    };
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    (out[key] ??= []).push(eq < 0 ? '' : decode(pair.slice(eq + 1)));
  }
  return out;
}

function domainOf(email: string): string {
  return email.split('@')[1]?.toLowerCase() ?? '';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, c => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
}
