// A UrlFetchApp request as Apps Script sends it: the URL taken apart, the method, headers and
// payload bytes, and the per-call limits of the quotas page ("URL Fetch": 2 KB URL, 100 headers,
// 8 KB of headers, 50 MB POST, 50 MB response; platform-facts.md §1.1).
import { toUnsigned } from '../core/bytes';
import { invalidArgument, MESSAGES } from '../core/errors';
import { NotEmulatedError } from '../core/instrument';
import { stringToUtf8 } from '../gmail/codec';

export const MAX_URL_LENGTH = 2048;
export const MAX_HEADERS = 100;
export const MAX_HEADER_BYTES = 8 * 1024;
export const MAX_POST_BYTES = 50 * 1024 * 1024;
export const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

const METHODS = ['get', 'delete', 'patch', 'post', 'put'];

export interface HttpRequest {
  url: string;
  /** `https://host`, as Apps Script names a server in its errors. */
  origin: string;
  host: string;
  path: string;
  /** Query parameters, decoded, each with every value it was given. */
  query: Record<string, string[]>;
  method: string;
  headers: Record<string, string>;
  payload: Uint8Array | null;
  contentType: string | null;
  muteHttpExceptions: boolean;
  /** Follow 3xx answers (the default), as a GET after a 302 or 303. */
  followRedirects: boolean;
}

/** `params` as fetch takes them, or a fetchAll entry (which carries its own `url`). */
export function readRequest(url: unknown, params: unknown): HttpRequest {
  if (typeof url !== 'string') throw invalidArgument('url');
  if (params !== undefined && params !== null && typeof params !== 'object') {
    throw invalidArgument('params');
  }
  const options = (params ?? {}) as GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;
  if (url.length > MAX_URL_LENGTH) throw new Error(MESSAGES.urlFetchUrlTooLong);
  // Apps Script refuses a URL it cannot send as it is, such as one with a space in it.
  const match = /^(https?):\/\/([^/?#:\s]+)(?::\d+)?([^?#\s]*)(?:\?([^#\s]*))?(?:#\S*)?$/i.exec(
    url
  );
  if (!match) throw new Error(`Invalid argument: ${url}`);
  const method = String(options.method ?? 'get').toLowerCase();
  if (!METHODS.includes(method)) throw invalidArgument('method');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    headers[name] = String(value);
  }
  const names = Object.keys(headers);
  if (names.length > MAX_HEADERS) throw new Error(MESSAGES.urlFetchTooManyHeaders);
  const headerBytes = names.reduce(
    (n, name) => n + stringToUtf8(name).length + stringToUtf8(headers[name]).length,
    0
  );
  if (headerBytes > MAX_HEADER_BYTES) throw new Error(MESSAGES.urlFetchHeadersTooLarge);
  const payload = payloadBytes(options.payload);
  if (payload && payload.length > MAX_POST_BYTES) throw new Error(MESSAGES.urlFetchPostTooLarge);
  const contentType =
    options.contentType ??
    headerValue(headers, 'content-type') ??
    (payload ? 'application/x-www-form-urlencoded' : null);
  const scheme = match[1].toLowerCase();
  const host = match[2].toLowerCase();
  return {
    url,
    origin: `${scheme}://${host}`,
    host,
    path: match[3] || '/',
    query: parseQuery(match[4] ?? ''),
    method,
    headers,
    payload,
    contentType,
    muteHttpExceptions: options.muteHttpExceptions === true,
    followRedirects: options.followRedirects !== false,
  };
}

/** A header's value whatever the letter case of its name. */
export function headerValue(headers: Record<string, string>, name: string): string | null {
  const key = Object.keys(headers).find(k => k.toLowerCase() === name);
  return key === undefined ? null : headers[key];
}

/** Text, a byte array, a Blob, or an object sent as form fields. */
function payloadBytes(payload: unknown): Uint8Array | null {
  if (payload === undefined || payload === null) return null;
  if (typeof payload === 'string') return stringToUtf8(payload);
  if (Array.isArray(payload)) return toUnsigned(payload as number[]);
  const blob = payload as { getBytes?: () => number[] };
  if (typeof blob.getBytes === 'function') return toUnsigned(blob.getBytes());
  if (typeof payload === 'object') {
    const fields = Object.entries(payload as Record<string, unknown>).map(([key, value]) => {
      if (value && typeof value === 'object') {
        throw new NotEmulatedError('not emulated: UrlFetchApp multipart form payloads');
      }
      return `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`;
    });
    return stringToUtf8(fields.join('&'));
  }
  throw invalidArgument('payload');
}

function parseQuery(text: string): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    if (!query[key]) query[key] = [];
    query[key].push(value);
  }
  return query;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
