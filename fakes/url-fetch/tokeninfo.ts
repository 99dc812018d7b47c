// Google's tokeninfo endpoint (https://oauth2.googleapis.com/tokeninfo, or the older
// https://www.googleapis.com/oauth2/v3/tokeninfo): who an access token belongs to, which client it
// was issued to, its scopes and how long it has left. The token comes as `access_token` in the
// query or a form body, or as a bearer token (google-auth-library's getTokenInfo sends it so).
//
// Answer shape: the fields google-auth-library's TokenInfo reads (aud, azp, sub, scope,
// expires_in, email, email_verified, access_type) plus exp. The v3 endpoint sends exp, expires_in
// and email_verified as strings (as generated clients type them); email only when the token has
// an email scope. A bad or expired token: 400 {"error": "invalid_token", "error_description":
// "Invalid Value"} (as quoted in client issues, e.g. EddyVerbruggen/cordova-plugin-googleplus#521).
// The wording for a request without a token is unconfirmed.
import type { FakeContext } from '../core/context';
import { accountIdOf, validToken } from '../script-app/oauth';
import { stringToUtf8, utf8ToString } from '../gmail/codec';
import { headerValue } from './request';
import type { HttpRequest } from './request';

const EMAIL_SCOPES = ['https://www.googleapis.com/auth/userinfo.email', 'email'];

export function servesTokenInfo(request: HttpRequest): boolean {
  return (
    (request.host === 'oauth2.googleapis.com' && request.path === '/tokeninfo') ||
    (request.host === 'www.googleapis.com' && request.path === '/oauth2/v3/tokeninfo')
  );
}

export interface TokenInfoAnswer {
  code: number;
  headers: Record<string, string>;
  body: Uint8Array;
  costKey: string;
  kb: number;
  waitedMs: number;
}

export function serveTokenInfo(ctx: FakeContext, request: HttpRequest): TokenInfoAnswer {
  const answer = (code: number, value: unknown): TokenInfoAnswer => ({
    code,
    headers: {
      'Content-Type': 'application/json; charset=UTF-8',
      'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate',
    },
    body: stringToUtf8(JSON.stringify(value, null, 2)),
    costKey: 'UrlFetchApp.tokeninfo',
    kb: 0,
    waitedMs: 0,
  });
  const form =
    request.payload && (request.contentType ?? '').startsWith('application/x-www-form-urlencoded')
      ? new Map(
          utf8ToString(request.payload)
            .split('&')
            .map(p => p.split('=').map(safeDecode) as [string, string])
        )
      : new Map<string, string>();
  const token =
    request.query.access_token?.[0] ??
    form.get('access_token') ??
    /^Bearer\s+(\S+)\s*$/i.exec(headerValue(request.headers, 'authorization') ?? '')?.[1] ??
    null;
  if (!token) {
    return answer(400, {
      error: 'invalid_request',
      error_description: 'Either access_token, id_token, or token_handle required',
    });
  }
  const grant = validToken(ctx.state, token);
  if (!grant) return answer(400, { error: 'invalid_token', error_description: 'Invalid Value' });
  const secondsLeft = Math.floor((grant.expiresAt - ctx.state.now) / 1000);
  const info: Record<string, string> = {
    azp: grant.clientId,
    aud: grant.clientId,
    sub: accountIdOf(grant.user),
    scope: grant.scopes.join(' '),
    exp: String(Math.floor(grant.expiresAt / 1000)),
    expires_in: String(secondsLeft),
  };
  if (grant.scopes.some(s => EMAIL_SCOPES.includes(s))) {
    info.email = grant.user;
    info.email_verified = 'true';
  }
  info.access_type = 'online';
  return answer(200, info);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
