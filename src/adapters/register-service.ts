// The register service over HTTP, both ways. The add-on posts a request to the web app with the
// user's OAuth token (Google's front door wants it as a bearer token; the web app cannot read
// headers, so the token also travels in the body). The web app asks Google's tokeninfo endpoint
// whose token it is. Every failure becomes a message that says what happened and that nothing
// was saved in the register.
import { UserFacingError } from '../app/errors';
import { messageOf } from '../app/errors';
import { SERVICE_NAME, SERVICE_VERSION } from '../domain/register-request';
import type {
  DeclareRequest,
  LessonRequest,
  SeriesFolderRequest,
  ServiceResponse,
  UpdateRequest,
} from '../domain/register-request';

/** A request as the add-on builds it (the version and the token are added on sending). */
export type RequestBody =
  | Omit<DeclareRequest, 'version' | 'token'>
  | Omit<UpdateRequest, 'version' | 'token'>
  | Omit<SeriesFolderRequest, 'version' | 'token'>
  | Omit<LessonRequest, 'version' | 'token'>;

const TOKENINFO_URL = 'https://oauth2.googleapis.com/tokeninfo';
const CLIENT_CACHE_KEY = 'records-capture.oauth-client';
/** The project's OAuth client id changes only if the project moves Cloud project. */
const CLIENT_CACHE_SECONDS = 21_600;
/** A web app address, with or without a Workspace domain part (…/a/macros/<domain>/s/…). */
export const SERVICE_URL =
  /^https:\/\/script\.google\.com\/(a\/macros\/[\w.-]+|macros)\/s\/[\w-]+\/exec$/;

const NOTHING_SAVED = 'Nothing was saved in the register.';

/** Sends a request to the register service and returns its answer; failures throw clearly. */
export function callRegisterService(
  url: string,
  request: RequestBody
): Exclude<ServiceResponse, { ok: false }> {
  const token = ScriptApp.getOAuthToken();
  const text = send(url, {
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify({ ...request, version: SERVICE_VERSION, token }),
    headers: { Authorization: `Bearer ${token}` },
  });
  const answer = parse(text) as ServiceResponse | null;
  if (!answer || typeof answer.ok !== 'boolean') throw unreadable(text);
  if (!answer.ok) {
    throw new UserFacingError(
      /nothing was saved/i.test(answer.error) ? answer.error : `${answer.error} ${NOTHING_SAVED}`,
      'The register service refused this'
    );
  }
  return answer;
}

export interface ServiceHealth {
  service: string;
  version: number;
  deployer: string;
}

/** Asks the service who it runs as (its doGet), to check an address before it is saved. */
export function checkRegisterService(url: string): ServiceHealth {
  const text = send(url, {
    method: 'get',
    headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
  });
  const answer = parse(text) as Partial<ServiceHealth> | null;
  if (!answer || answer.service !== SERVICE_NAME || typeof answer.deployer !== 'string') {
    throw new UserFacingError(
      'That address answers, but not as the Records Capture register service. Check that it is the web app deployed from this project (Deploy → Manage deployments → Web app URL). The register service was not saved.',
      'Not the register service'
    );
  }
  return { service: answer.service, version: Number(answer.version), deployer: answer.deployer };
}

function send(url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions): string {
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(url, { ...params, muteHttpExceptions: true });
  } catch (error) {
    throw new UserFacingError(
      `The register service could not be reached (${messageOf(error)}). ${NOTHING_SAVED} Try again in a moment; if it keeps failing, tell the records team.`,
      'Register service unavailable'
    );
  }
  const code = response.getResponseCode();
  const text = response.getContentText();
  if (code === 401) {
    throw new UserFacingError(
      `The register service did not accept your Google sign-in (401 Unauthorized). ${NOTHING_SAVED} Reload the page and try again.`,
      'Register service: sign-in refused'
    );
  }
  if (code === 403) {
    throw new UserFacingError(
      `The register service is not open to your account (403 Access denied). ${NOTHING_SAVED} Ask the records team to deploy it for everyone in the department.`,
      'Register service: access denied'
    );
  }
  if (code === 404) {
    throw new UserFacingError(
      `There is no register service at the address in the register card (404). ${NOTHING_SAVED} Ask the records team to check it.`,
      'Register service not found'
    );
  }
  if (code >= 400) {
    throw new UserFacingError(
      `The register service failed (HTTP ${code}). ${NOTHING_SAVED} Try again in a moment; if it keeps failing, tell the records team.`,
      'Register service failed'
    );
  }
  return text;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A 200 answer that is not the service's JSON: a sign-in page, or the script's error page. */
function unreadable(text: string): UserFacingError {
  const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1] ?? '';
  if (/sign in|meet google drive/i.test(`${title} ${text.slice(0, 2000)}`)) {
    return new UserFacingError(
      `The register service asked for a Google sign-in instead of answering. ${NOTHING_SAVED} Ask the records team to check how the service is deployed (who has access: anyone in the department).`,
      'Register service: sign-in needed'
    );
  }
  const body = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
  return new UserFacingError(
    `The register service stopped with an error${body ? ` (${body})` : ''}. ${NOTHING_SAVED} Tell the records team.`,
    'Register service failed'
  );
}

/** Google's account of an access token (tokeninfo), the fields the service relies on. */
export interface TokenInfo {
  email: string;
  emailVerified: boolean;
  secondsLeft: number;
  /** The OAuth client the token was issued to. */
  audience: string;
  scopes: string[];
}

/** Who a token belongs to, or why Google does not vouch for it. */
export function lookUpToken(token: string): TokenInfo | { refused: string } {
  const response = UrlFetchApp.fetch(TOKENINFO_URL, {
    // Posted, so the token stays out of the URL (and of any log of URLs).
    method: 'post',
    payload: { access_token: token },
    muteHttpExceptions: true,
  });
  const body = parse(response.getContentText()) as Record<string, unknown> | null;
  if (response.getResponseCode() !== 200 || !body) {
    const reason =
      body && typeof body.error === 'string' ? body.error : `HTTP ${response.getResponseCode()}`;
    return { refused: reason };
  }
  const text = (key: string) => (body[key] === undefined ? '' : String(body[key]));
  return {
    email: text('email').toLowerCase(),
    emailVerified: text('email_verified') === 'true',
    secondsLeft: Number(text('expires_in')) || 0,
    audience: text('aud') || text('azp'),
    scopes: text('scope').split(' ').filter(Boolean),
  };
}

/**
 * The OAuth client of this script project: the client its own token was issued to (the add-on
 * and the web app are one project, so the same client). Cached for six hours.
 */
export function projectClientId(): string {
  const cache = CacheService.getScriptCache();
  const cached = cache.get(CLIENT_CACHE_KEY);
  if (cached) return cached;
  const own = lookUpToken(ScriptApp.getOAuthToken());
  if ('refused' in own || !own.audience) return '';
  cache.put(CLIENT_CACHE_KEY, own.audience, CLIENT_CACHE_SECONDS);
  return own.audience;
}
