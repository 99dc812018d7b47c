// UrlFetchApp: fetch, fetchAll and getRequest. The machine the fakes run on is offline, so the only
// servers there are the Gmail REST API over the shared mailbox (./gmail-rest), the script's own
// web app (./web-app: run as a nested execution by the harness) with the redirect it answers
// with, and Google's tokeninfo endpoint over the tokens ScriptApp issued (./tokeninfo). Google's
// other hosts fail as not emulated; any other host fails as Apps Script reports a server it
// cannot reach: `Address unavailable: <url>`.
//
// Virtual time: fetch costs what its request costs (the row of the Gmail API call it makes; for a
// web app, the front door and the redirect plus the web app's own execution). fetchAll sends its
// requests concurrently, as Apps Script does (platform-facts §1.1 "Parallel HTTP"), so it costs
// its slowest request plus a small dispatch cost per request (the `UrlFetchApp.fetchAll` row,
// charged per request), not the sum of the requests. Web apps are the exception: the fakes run
// one execution at a time, so web app requests in a fetchAll are charged one after another.
import { FakeBlob } from '../core/blob';
import { toSigned } from '../core/bytes';
import type { FakeContext } from '../core/context';
import { invalidArgument, MESSAGES } from '../core/errors';
import { NotEmulatedError } from '../core/instrument';
import { costOf } from '../core/latency';
import { GmailApi } from '../gmail-api/api';
import { bytesToBinaryString, utf8ToString } from '../gmail/codec';
import { serveGmail, servesGmail } from './gmail-rest';
import type { RestAnswer } from './gmail-rest';
import { MAX_RESPONSE_BYTES, readRequest } from './request';
import type { HttpRequest } from './request';
import { serveTokenInfo, servesTokenInfo } from './tokeninfo';
import { serveWebApp, serveWebAppEcho, servesWebApp, servesWebAppEcho } from './web-app';
import type { WebAppRunner } from './web-app';

export const EXTERNAL_REQUEST_SCOPE = 'https://www.googleapis.com/auth/script.external_request';

export interface UrlFetchOptions {
  /** The add-on manifest's oauthScopes; absent means every scope is granted. */
  scopes?: readonly string[];
  /** Runs a web app's doGet / doPost as an execution of its own (given by the harness). */
  webApps?: WebAppRunner;
}

/** Redirects UrlFetchApp follows before it gives up (unconfirmed; browsers allow about 20). */
const MAX_REDIRECTS = 10;

/** Apps Script shows this much of an error response in its exception. */
const SHOWN_RESPONSE_CHARS = 150;

type HttpResponseApi = Pick<
  GoogleAppsScript.URL_Fetch.HTTPResponse,
  | 'getResponseCode'
  | 'getContentText'
  | 'getContent'
  | 'getBlob'
  | 'getAs'
  | 'getHeaders'
  | 'getAllHeaders'
>;

class FakeHttpResponse implements HttpResponseApi {
  constructor(
    private ctx: FakeContext,
    private code: number,
    private headers: Record<string, string>,
    private body: Uint8Array
  ) {}

  getResponseCode(): number {
    return this.code;
  }
  /** UTF-8 unless told otherwise; ISO-8859-1 and US-ASCII read one character per byte. */
  getContentText(charset?: string): string {
    const name = (charset ?? 'UTF-8').toUpperCase().replace(/_/g, '-');
    if (name === 'UTF-8') return utf8ToString(this.body);
    if (name === 'ISO-8859-1' || name === 'US-ASCII') return bytesToBinaryString(this.body);
    throw new NotEmulatedError(`not emulated: HTTPResponse.getContentText charset ${charset}`);
  }
  getContent(): GoogleAppsScript.Byte[] {
    return toSigned(this.body);
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    const type = (this.headers['Content-Type'] ?? '').split(';')[0].trim() || null;
    return FakeBlob.create(
      this.ctx,
      this.body,
      type,
      null
    ) as unknown as GoogleAppsScript.Base.Blob;
  }
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    return this.getBlob().getAs(contentType);
  }
  getHeaders(): object {
    return { ...this.headers };
  }
  getAllHeaders(): object {
    return { ...this.headers };
  }
}

type UrlFetchAppApi = Pick<
  GoogleAppsScript.URL_Fetch.UrlFetchApp,
  'fetch' | 'fetchAll' | 'getRequest'
>;

interface Sent {
  request: HttpRequest;
  answer: RestAnswer;
  ms: number;
  /** Time web apps' own executions took, already on the shared clock. */
  waitedMs: number;
}

class FakeUrlFetchApp implements UrlFetchAppApi {
  private api: GmailApi;

  constructor(
    private ctx: FakeContext,
    private scopes: readonly string[] | undefined,
    private webApps: WebAppRunner | undefined
  ) {
    this.api = new GmailApi(ctx, scopes);
  }

  fetch(url: string, params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions) {
    this.requireScope('UrlFetchApp.fetch');
    const request = readRequest(url, params);
    this.checkReachable(request);
    const sent = this.send(request);
    this.charge(sent.ms);
    this.ctx.execution.waited(sent.waitedMs);
    return this.respond(sent);
  }

  /** Every request is sent (and takes effect) before an unmuted error answer is thrown. */
  fetchAll(
    requests: (GoogleAppsScript.URL_Fetch.URLFetchRequest | string)[]
  ): GoogleAppsScript.URL_Fetch.HTTPResponse[] {
    this.requireScope('UrlFetchApp.fetchAll');
    if (!Array.isArray(requests)) throw invalidArgument('requests');
    const read = requests.map(entry =>
      typeof entry === 'string'
        ? readRequest(entry, {})
        : readRequest((entry as { url?: unknown } | null)?.url, entry)
    );
    read.forEach(request => this.checkReachable(request));
    this.ctx.execution.units(read.length);
    const sent = read.map(request => this.send(request));
    this.charge(Math.max(0, ...sent.map(s => s.ms)));
    this.ctx.execution.waited(sent.reduce((n, s) => n + s.waitedMs, 0));
    return sent.map(s => this.respond(s));
  }

  /** The request fetch would send, without sending it. */
  getRequest(
    url: string,
    params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions
  ): GoogleAppsScript.URL_Fetch.URLFetchRequest {
    this.requireScope('UrlFetchApp.getRequest');
    const request = readRequest(url, params);
    const out: Record<string, unknown> = {
      url: request.url,
      method: request.method,
      headers: { ...request.headers },
      followRedirects: params?.followRedirects !== false,
      validateHttpsCertificates: params?.validateHttpsCertificates !== false,
      useIntranet: params?.useIntranet === true,
    };
    if (request.payload) out.payload = utf8ToString(request.payload);
    if (request.contentType) out.contentType = request.contentType;
    return out as unknown as GoogleAppsScript.URL_Fetch.URLFetchRequest;
  }

  private requireScope(method: string): void {
    if (this.scopes && !this.scopes.includes(EXTERNAL_REQUEST_SCOPE)) {
      throw new Error(
        `You do not have permission to call ${method}. Required permissions: ${EXTERNAL_REQUEST_SCOPE}`
      );
    }
  }

  private checkReachable(request: HttpRequest): void {
    if (servesWebApp(request) || servesWebAppEcho(request) || servesTokenInfo(request)) return;
    if (servesGmail(request)) {
      if (!request.origin.startsWith('https:')) {
        throw new NotEmulatedError(`not emulated: plain HTTP to ${request.host}`);
      }
      return;
    }
    if (/(^|\.)(googleapis|google|googleusercontent)\.com$/.test(request.host)) {
      throw new NotEmulatedError(`not emulated: UrlFetchApp to ${request.origin}${request.path}`);
    }
    throw new Error(`Address unavailable: ${request.url}`);
  }

  private send(request: HttpRequest): Sent {
    let current = request;
    let ms = 0;
    let waitedMs = 0;
    for (let hop = 0; ; hop++) {
      const answer = this.serve(current);
      const cost = costOf(answer.costKey);
      ms += (cost?.ms ?? 0) + (cost?.perUnit ?? 0) * answer.kb;
      waitedMs += answer.waitedMs ?? 0;
      const location = answer.headers.Location;
      const redirect = [301, 302, 303, 307, 308].includes(answer.code) && location;
      if (!redirect || !current.followRedirects || hop >= MAX_REDIRECTS) {
        return { request: current, answer, ms, waitedMs };
      }
      // After a 301, 302 or 303 the next request is a GET without the body, as browsers do.
      const keepMethod = answer.code === 307 || answer.code === 308;
      current = readRequest(location, {
        method: (keepMethod ? current.method : 'get') as GoogleAppsScript.URL_Fetch.HttpMethod,
        headers: current.headers,
        muteHttpExceptions: current.muteHttpExceptions,
        ...(keepMethod && current.payload ? { payload: Array.from(current.payload) } : {}),
      });
      this.checkReachable(current);
    }
  }

  private serve(request: HttpRequest): RestAnswer & { waitedMs?: number } {
    if (servesWebApp(request)) return serveWebApp(this.ctx, request, this.webApps);
    if (servesWebAppEcho(request)) return serveWebAppEcho(this.ctx, request);
    if (servesTokenInfo(request)) return serveTokenInfo(this.ctx, request);
    return serveGmail(this.ctx, this.api, request);
  }

  /** Time the execution spent waiting on the network, added to the call being made. */
  private charge(ms: number): void {
    if (ms <= 0) return;
    const calls = this.ctx.execution.calls;
    if (calls.length) calls[calls.length - 1].ms += ms;
    this.ctx.execution.advance(ms);
  }

  private respond({ request, answer }: Sent): GoogleAppsScript.URL_Fetch.HTTPResponse {
    if (answer.body.length > MAX_RESPONSE_BYTES) throw new Error(MESSAGES.urlFetchResponseTooLarge);
    if (answer.code >= 400 && !request.muteHttpExceptions) {
      const text = utf8ToString(answer.body);
      const shown =
        text.length > SHOWN_RESPONSE_CHARS ? `${text.slice(0, SHOWN_RESPONSE_CHARS - 3)}...` : text;
      throw new Error(
        `Request failed for ${request.origin} returned code ${answer.code}. Truncated server response: ${shown} (use muteHttpExceptions option to examine full response)`
      );
    }
    return this.ctx.wrap(
      new FakeHttpResponse(this.ctx, answer.code, answer.headers, answer.body),
      'UrlFetchApp.HTTPResponse'
    ) as unknown as GoogleAppsScript.URL_Fetch.HTTPResponse;
  }
}

export function createUrlFetchApp(
  ctx: FakeContext,
  options: UrlFetchOptions = {}
): GoogleAppsScript.URL_Fetch.UrlFetchApp {
  return ctx.wrap(
    new FakeUrlFetchApp(ctx, options.scopes, options.webApps),
    'UrlFetchApp'
  ) as unknown as GoogleAppsScript.URL_Fetch.UrlFetchApp;
}
