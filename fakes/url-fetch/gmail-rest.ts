// The Gmail REST endpoints UrlFetchApp reaches (https://gmail.googleapis.com/gmail/v1/users/…, or
// the older www.googleapis.com host), answered from the shared mailbox by the same API as the
// advanced service. A request needs `Authorization: Bearer <ScriptApp.getOAuthToken()>`; the
// token carries the manifest's scopes. Bytes fields are padded base64url text, as Google sends
// them, and JSON is pretty-printed unless `prettyPrint=false`.
import type { FakeContext } from '../core/context';
import { MESSAGES } from '../core/errors';
import { NotEmulatedError } from '../core/instrument';
import { base64Url, encodeBytes, GmailApiError } from '../gmail-api/api';
import { validToken } from '../script-app/oauth';
import type { GmailApi, Served } from '../gmail-api/api';
import { stringToUtf8, utf8ToString } from '../gmail/codec';
import { headerValue } from './request';
import type { HttpRequest } from './request';

export const GMAIL_HOSTS = ['gmail.googleapis.com', 'www.googleapis.com'];
const PREFIX = '/gmail/v1/users/';

export interface RestAnswer {
  code: number;
  headers: Record<string, string>;
  body: Uint8Array;
  /** The latency row the request is charged at, and the KB of content it moved. */
  costKey: string;
  kb: number;
}

interface Route {
  key: string;
  query: string[];
  run: (body: () => unknown) => Served;
}

export function servesGmail(request: HttpRequest): boolean {
  return GMAIL_HOSTS.includes(request.host) && request.path.startsWith('/gmail/v1/');
}

export function serveGmail(ctx: FakeContext, api: GmailApi, request: HttpRequest): RestAnswer {
  const route = routeOf(api, request);
  const pretty = (request.query.prettyPrint?.[0] ?? 'true') !== 'false';
  for (const name of Object.keys(request.query)) {
    const generic = name === 'prettyPrint' || (name === 'alt' && request.query.alt[0] === 'json');
    if (!generic && !route.query.includes(name)) {
      throw new NotEmulatedError(`not emulated: Gmail REST query parameter ${name}`);
    }
  }
  const date = new Date(ctx.state.now).toUTCString();
  const answer = (code: number, value: unknown, extra: Record<string, string> = {}) => ({
    code,
    headers: {
      'Content-Type': 'application/json; charset=UTF-8',
      Vary: 'Origin, X-Origin, Referer',
      Date: date,
      Server: 'ESF',
      'Cache-Control': 'private',
      ...extra,
    },
    body: stringToUtf8(JSON.stringify(value, null, pretty ? 2 : undefined)),
    costKey: route.key,
    kb: 0,
  });
  const authorization = headerValue(request.headers, 'authorization');
  if (authorization === null) {
    return answer(401, unauthenticated(MESSAGES.gmailApiMissingCredential, 'required'), {
      'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"',
    });
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  // A token ScriptApp.getOAuthToken() gave the user running the script, still valid.
  const grant = bearer ? validToken(ctx.state, bearer[1]) : null;
  if (!grant || grant.user !== ctx.user) {
    return answer(401, unauthenticated(MESSAGES.gmailApiInvalidCredential, 'authError'), {
      'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
    });
  }
  try {
    const served = route.run(() => jsonBody(request));
    const value = encodeBytes(served.resource, base64Url);
    return { ...answer(200, value), kb: served.kb };
  } catch (error) {
    if (error instanceof GmailApiError) return answer(error.code, error.body());
    throw error;
  }
}

function unauthenticated(message: string, reason: string): Record<string, unknown> {
  const entry = reason === 'required' ? 'Login Required.' : 'Invalid Credentials';
  return {
    error: {
      code: 401,
      message,
      errors: [
        {
          message: entry,
          domain: 'global',
          reason,
          location: 'Authorization',
          locationType: 'header',
        },
      ],
      status: 'UNAUTHENTICATED',
    },
  };
}

function jsonBody(request: HttpRequest): unknown {
  const text = request.payload ? utf8ToString(request.payload) : '';
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new GmailApiError(400, 'Invalid JSON payload received. Unexpected token.', 'badRequest');
  }
}

function routeOf(api: GmailApi, request: HttpRequest): Route {
  const q = request.query;
  const one = (name: string) => q[name]?.[0];
  const segments = request.path.startsWith(PREFIX)
    ? request.path.slice(PREFIX.length).split('/').map(decodeSegment)
    : [];
  const [userId, collection, id, sub, subId] = segments;
  const shape = `${request.method} ${segments.length}:${collection ?? ''}/${id === undefined ? '' : '*'}/${sub ?? ''}`;
  const listArgs = () => ({
    q: one('q'),
    maxResults: one('maxResults') === undefined ? undefined : Number(one('maxResults')),
    pageToken: one('pageToken') || undefined,
    labelIds: q.labelIds,
    includeSpamTrash: one('includeSpamTrash') === 'true',
  });
  const getArgs = () => ({ format: one('format'), metadataHeaders: q.metadataHeaders });
  switch (shape) {
    case 'get 2:labels//':
      return { key: 'Gmail.Users.Labels.list', query: [], run: () => api.labelsList(userId) };
    case 'post 2:labels//':
      return {
        key: 'Gmail.Users.Labels.create',
        query: [],
        run: body => api.labelsCreate(userId, body()),
      };
    case 'get 3:labels/*/':
      return { key: 'Gmail.Users.Labels.get', query: [], run: () => api.labelsGet(userId, id) };
    case 'get 2:messages//':
      return {
        key: 'Gmail.Users.Messages.list',
        query: ['q', 'maxResults', 'pageToken', 'labelIds', 'includeSpamTrash'],
        run: () => api.messagesList(userId, listArgs()),
      };
    case 'get 3:messages/*/':
      return {
        key: 'Gmail.Users.Messages.get',
        query: ['format', 'metadataHeaders'],
        run: () => api.messagesGet(userId, id, getArgs()),
      };
    case 'post 4:messages/*/modify':
      return {
        key: 'Gmail.Users.Messages.modify',
        query: [],
        run: body => api.messagesModify(userId, id, body()),
      };
    case 'get 5:messages/*/attachments':
      return {
        key: 'Gmail.Users.Messages.Attachments.get',
        query: [],
        run: () => api.attachmentsGet(userId, id, subId),
      };
    case 'get 3:threads/*/':
      return {
        key: 'Gmail.Users.Threads.get',
        query: ['format', 'metadataHeaders'],
        run: () => api.threadsGet(userId, id, getArgs()),
      };
    case 'post 4:threads/*/modify':
      return {
        key: 'Gmail.Users.Threads.modify',
        query: [],
        run: body => api.threadsModify(userId, id, body()),
      };
    default:
      throw new NotEmulatedError(
        `not emulated: Gmail REST ${request.method.toUpperCase()} ${request.path}`
      );
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
