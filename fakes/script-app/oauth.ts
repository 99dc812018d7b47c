// OAuth access tokens as ScriptApp.getOAuthToken() hands them out: each belongs to one user, holds
// the scopes the script was authorised for, is issued to the script project's OAuth client and
// expires after an hour (Google access tokens last 3,600 s; tokeninfo's expires_in counts down).
// They live in the shared state so a web app's execution, or Google's tokeninfo endpoint, can
// tell whose token a request carries.
import { newId } from '../core/state';
import type { OAuthTokenState, WorkspaceState } from '../core/state';

export const TOKEN_LIFETIME_MS = 3_600_000;

/** The OAuth client id of the script project (an Apps Script project has one client). */
export const PROJECT_CLIENT_ID = '417205810223-recordscapture.apps.googleusercontent.com';

/** What a token holds when the fakes are given no manifest: every scope they emulate. */
export const ALL_SCOPES = [
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/documents',
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/script.storage',
  'https://www.googleapis.com/auth/script.external_request',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/gmail.modify',
];

function oauthOf(state: WorkspaceState): NonNullable<WorkspaceState['oauth']> {
  state.oauth ??= { clientId: PROJECT_CLIENT_ID, tokens: {} };
  return state.oauth;
}

/** A new token for `user`; tokens that expired an hour ago or more are forgotten. */
export function issueOAuthToken(
  state: WorkspaceState,
  user: string,
  scopes: readonly string[] = ALL_SCOPES,
  options: { clientId?: string; lifetimeMs?: number } = {}
): string {
  const oauth = oauthOf(state);
  for (const [token, held] of Object.entries(oauth.tokens)) {
    if (held.expiresAt + TOKEN_LIFETIME_MS <= state.now) delete oauth.tokens[token];
  }
  const token = `ya29.a0${newId(state).slice(1)}`;
  oauth.tokens[token] = {
    user,
    scopes: [...scopes],
    clientId: options.clientId ?? oauth.clientId,
    issuedAt: state.now,
    expiresAt: state.now + (options.lifetimeMs ?? TOKEN_LIFETIME_MS),
  };
  return token;
}

/** The token's grant while it is valid; null for an unknown or expired token. */
export function validToken(state: WorkspaceState, token: string): OAuthTokenState | null {
  const held = state.oauth?.tokens[token];
  if (!held || held.expiresAt <= state.now) return null;
  return held;
}

/** A stable numeric account id per user, as tokeninfo's `sub` gives it. */
export function accountIdOf(user: string): string {
  let hash = 7;
  for (const c of user.toLowerCase()) hash = (Math.imul(hash, 31) + c.charCodeAt(0)) >>> 0;
  return `1${String(hash).padStart(10, '0')}${String(user.length).padStart(3, '0')}`;
}
