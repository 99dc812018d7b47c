import * as vm from 'node:vm';
import { installFakes, NOT_EMULATED } from '../../fakes';
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createGmailApp, GMAIL_SCOPES } from '../../fakes/gmail';
import * as fixtures from '../../fakes/gmail/fixtures';
import { addMessageFromRaw, createLabelInState } from '../../fakes/gmail/seed';
import { createAdvancedGmail, userLabelId } from '../../fakes/gmail-api';
import { createScriptApp } from '../../fakes/script-app';
import { createUrlFetchApp, EXTERNAL_REQUEST_SCOPE } from '../../fakes/url-fetch';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };
const API = 'https://gmail.googleapis.com/gmail/v1/users/me';
const TO_CAPTURE = 'Records/To capture';
const CAPTURED = 'Records/Captured';

type Options = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;

function workspace(): WorkspaceState {
  return createWorkspaceState({ users: [alice, bob] });
}

function session(state: WorkspaceState, user = alice.email, scopes?: string[]) {
  const execution = new Execution(state, { user, budgetMs: 360_000 });
  const ctx = createContext(state, execution);
  const UrlFetchApp = createUrlFetchApp(ctx, { scopes });
  const token = createScriptApp(ctx).getOAuthToken();
  const auth = (options: Options = {}): Options => ({
    ...options,
    headers: { Authorization: `Bearer ${token}`, ...options.headers },
  });
  return {
    execution,
    UrlFetchApp,
    token,
    auth,
    Gmail: createAdvancedGmail(ctx, { scopes }),
    GmailApp: createGmailApp(ctx, { scopes }),
    /** A GET or POST answered as parsed JSON. */
    json(path: string, options: Options = {}) {
      const response = UrlFetchApp.fetch(`${API}${path}`, auth(options));
      return JSON.parse(response.getContentText()) as Record<string, unknown>;
    },
  };
}

function seed(
  state: WorkspaceState,
  raw: string | Uint8Array,
  extra: Partial<Parameters<typeof addMessageFromRaw>[1]> = {}
) {
  return addMessageFromRaw(state, { owner: alice.email, raw, ...extra });
}

function post(body: unknown): Options {
  return { method: 'post', contentType: 'application/json', payload: JSON.stringify(body) };
}

/** The same resource with every bytes field as bytes, whichever route it came by. */
function normalise(value: unknown, key = ''): unknown {
  if (key === 'raw' || key === 'data') {
    return typeof value === 'string'
      ? Buffer.from(value, 'base64url').toString('hex')
      : Buffer.from(Uint8Array.from(value as number[], b => b & 0xff)).toString('hex');
  }
  if (Array.isArray(value)) return value.map(v => normalise(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, k)]));
  }
  return value;
}

describe('UrlFetchApp: the Gmail REST API', () => {
  it('reads a message in every format with the content the advanced service gives', async () => {
    const state = workspace();
    const raw = fixtures.attachmentsMessage();
    const id = await seed(state, raw);
    const { json, Gmail } = session(state);

    const rest = json(`/messages/${id}?format=raw`);
    expect(typeof rest.raw).toBe('string');
    expect(rest.raw).toMatch(/^[A-Za-z0-9_-]+=*$/);
    expect(Buffer.from(rest.raw as string, 'base64url').toString('utf8')).toBe(raw);
    for (const format of ['raw', 'full', 'metadata', 'minimal']) {
      expect(normalise(json(`/messages/${id}?format=${format}`))).toEqual(
        normalise(Gmail.Users.Messages.get('me', id, { format }))
      );
    }
    expect(normalise(json(`/threads/${id}`))).toEqual(normalise(Gmail.Users.Threads.get('me', id)));

    const parts = (
      json(`/messages/${id}`).payload as { parts: { body: { attachmentId?: string } }[] }
    ).parts;
    const attachmentId = parts[3].body.attachmentId as string;
    const body = json(`/messages/${id}/attachments/${attachmentId}`);
    expect(Buffer.from(body.data as string, 'base64url').toString('utf8')).toBe(fixtures.CSV_TEXT);
    expect(body.size).toBe(Buffer.byteLength(fixtures.CSV_TEXT));
    expect(normalise(body)).toEqual(
      normalise(Gmail.Users.Messages.Attachments.get('me', id, attachmentId))
    );
  });

  it('answers with JSON headers, a blob, pretty-printed text unless asked not to', async () => {
    const state = workspace();
    const { UrlFetchApp, auth, execution } = session(state);
    const response = UrlFetchApp.fetch(`${API}/labels`, auth());
    expect(response.getResponseCode()).toBe(200);
    expect(response.getHeaders()).toMatchObject({
      'Content-Type': 'application/json; charset=UTF-8',
      Date: 'Mon, 02 Jan 2017 09:00:00 GMT',
    });
    expect(response.getContentText()).toMatch(/^\{\n {2}"labels": \[\n/);
    expect(response.getBlob().getContentType()).toBe('application/json');
    expect(response.getBlob().getDataAsString()).toBe(response.getContentText());
    const compact = UrlFetchApp.fetch(`${API}/labels?prettyPrint=false`, auth());
    expect(compact.getContentText()).toMatch(/^\{"labels":\[\{"id":"CHAT"/);
    expect(execution.snapshot().byKey).toMatchObject({
      'UrlFetchApp.fetch': 2,
      'UrlFetchApp.HTTPResponse.getContentText': 3,
    });
    // A fetch costs the Gmail API call it makes.
    expect(execution.calls.find(c => c.key === 'UrlFetchApp.fetch')?.ms).toBe(150);
  });

  it('creates and applies labels that GmailApp sees, and pages a label search', async () => {
    const state = workspace();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const raw = fixtures.plainMessage({
        subject: `Flagged ${i}`,
        date: fixtures.FIXTURE_DATE + i,
      });
      ids.push(await seed(state, raw, { labels: ['INBOX', TO_CAPTURE] }));
    }
    await seed(state, fixtures.plainMessage({ subject: 'Not flagged' }));
    const { json, GmailApp } = session(state);

    const label = json('/labels', post({ name: CAPTURED }));
    expect(label).toMatchObject({ id: userLabelId(CAPTURED), name: CAPTURED, type: 'user' });
    expect(GmailApp.getUserLabelByName(CAPTURED)).not.toBeNull();

    const toCapture = encodeURIComponent(userLabelId(TO_CAPTURE));
    const first = json(`/messages?labelIds=${toCapture}&maxResults=3`);
    expect((first.messages as { id: string }[]).map(m => m.id)).toEqual([ids[4], ids[3], ids[2]]);
    expect(first.resultSizeEstimate).toBe(5);
    const second = json(
      `/messages?q=${encodeURIComponent('label:"Records/To capture"')}&maxResults=3&pageToken=${first.nextPageToken as string}`
    );
    expect((second.messages as { id: string }[]).map(m => m.id)).toEqual([ids[1], ids[0]]);
    expect(second.nextPageToken).toBeUndefined();

    const modified = json(
      `/messages/${ids[0]}/modify`,
      post({ addLabelIds: [label.id], removeLabelIds: [userLabelId(TO_CAPTURE), 'UNREAD'] })
    );
    expect(modified.labelIds).toEqual(['INBOX', userLabelId(CAPTURED)]);
    const thread = GmailApp.getThreadById(ids[0]);
    expect(thread.getLabels().map(l => l.getName())).toEqual([CAPTURED]);
    expect(thread.isUnread()).toBe(false);
    json(`/threads/${ids[1]}/modify`, post({ addLabelIds: ['STARRED'] }));
    expect(GmailApp.getThreadById(ids[1]).hasStarredMessages()).toBe(true);
  });
});

describe('UrlFetchApp.fetchAll', () => {
  it('reads 50 raw messages in parallel: the slowest request plus dispatch, not the sum', async () => {
    const state = workspace();
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const raw = fixtures.plainMessage({ subject: `Batch ${i}`, date: fixtures.FIXTURE_DATE + i });
      ids.push(await seed(state, raw));
    }
    const parallel = session(state);
    const requests = ids.map(id => ({
      url: `${API}/messages/${id}?format=raw`,
      headers: { Authorization: `Bearer ${parallel.token}` },
    }));

    const before = parallel.execution.elapsedMs();
    const responses = parallel.UrlFetchApp.fetchAll(requests);
    const parallelMs = parallel.execution.elapsedMs() - before;
    expect(responses.map(r => r.getResponseCode())).toEqual(ids.map(() => 200));
    responses.forEach((response, i) => {
      const raw = (JSON.parse(response.getContentText()) as { raw: string }).raw;
      expect(Buffer.from(raw, 'base64url').toString('base64')).toBe(
        state.gmail?.messages[ids[i]].rawBase64
      );
    });

    const sequential = session(state);
    const start = sequential.execution.elapsedMs();
    for (const request of requests) sequential.UrlFetchApp.fetch(request.url, request);
    const sequentialMs = sequential.execution.elapsedMs() - start;

    const largestKb = Math.max(
      ...ids.map(
        id => Buffer.from(state.gmail?.messages[id].rawBase64 ?? '', 'base64').length / 1024
      )
    );
    expect(parallelMs).toBeCloseTo(200 + largestKb + 50 * 10, 6);
    expect(sequentialMs).toBeGreaterThan(50 * 200);
    expect(parallelMs * 10).toBeLessThan(sequentialMs);
    expect(parallel.execution.snapshot().byKey).toMatchObject({ 'UrlFetchApp.fetchAll': 1 });
    expect(parallel.execution.calls.find(c => c.key === 'UrlFetchApp.fetchAll')?.ms).toBe(
      parallelMs
    );
  });

  it('sends every request before it throws for an error answer that is not muted', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.plainMessage());
    const { UrlFetchApp, auth } = session(state);
    const star = {
      url: `${API}/messages/${id}/modify`,
      ...auth(post({ addLabelIds: ['STARRED'] })),
    };
    const missing = { url: `${API}/messages/0000000000000001`, ...auth() };

    expect(() => UrlFetchApp.fetchAll([star, missing])).toThrow(
      'Request failed for https://gmail.googleapis.com returned code 404.'
    );
    expect(state.gmail?.messages[id].starred).toBe(true);
    const answers = UrlFetchApp.fetchAll([{ ...missing, muteHttpExceptions: true }, star]);
    expect(answers.map(a => a.getResponseCode())).toEqual([404, 200]);
  });
});

describe('UrlFetchApp: refusals', () => {
  it('refuses other hosts as unreachable, before sending any request of the batch', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.plainMessage());
    const { UrlFetchApp, auth } = session(state);
    expect(() => UrlFetchApp.fetch('https://records.example.org/api?x=1')).toThrow(
      'Address unavailable: https://records.example.org/api?x=1'
    );
    const star = {
      url: `${API}/messages/${id}/modify`,
      ...auth(post({ addLabelIds: ['STARRED'] })),
    };
    expect(() => UrlFetchApp.fetchAll([star, 'http://intranet.dfrr.gov.uk/'])).toThrow(
      'Address unavailable: http://intranet.dfrr.gov.uk/'
    );
    expect(state.gmail?.messages[id].starred).toBe(false);
    expect(() => UrlFetchApp.fetch('https://www.googleapis.com/drive/v3/files')).toThrow(
      'not emulated: UrlFetchApp to https://www.googleapis.com/drive/v3/files'
    );
    expect(() => UrlFetchApp.fetch(`${API}/history?startHistoryId=1`, auth())).toThrow(
      'not emulated: Gmail REST GET /gmail/v1/users/me/history'
    );
  });

  it('answers 401 without a bearer token or with another user’s', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.plainMessage());
    const { UrlFetchApp } = session(state);

    const missing = UrlFetchApp.fetch(`${API}/messages/${id}`, { muteHttpExceptions: true });
    expect(missing.getResponseCode()).toBe(401);
    expect(JSON.parse(missing.getContentText())).toEqual({
      error: {
        code: 401,
        message:
          'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
        errors: [
          {
            message: 'Login Required.',
            domain: 'global',
            reason: 'required',
            location: 'Authorization',
            locationType: 'header',
          },
        ],
        status: 'UNAUTHENTICATED',
      },
    });
    const headers = { Authorization: `Bearer ${session(state, bob.email).token}` };
    const wrong = UrlFetchApp.fetch(`${API}/messages/${id}`, { headers, muteHttpExceptions: true });
    expect(wrong.getResponseCode()).toBe(401);
    expect(wrong.getContentText()).toContain(
      '"message": "Request had invalid authentication credentials.'
    );
    // Apps Script shows the first 147 characters of the answer, then an ellipsis.
    const shown = wrong.getContentText().slice(0, 147);
    expect(shown).toMatch(/^\{\n {2}"error": \{\n {4}"code": 401,\n {4}"message": "Request had/);
    expect(() => UrlFetchApp.fetch(`${API}/messages/${id}`, { headers })).toThrow(
      `Request failed for https://gmail.googleapis.com returned code 401. Truncated server response: ${shown}... (use muteHttpExceptions option to examine full response)`
    );
  });

  it('answers 404 for a message that is not the caller’s, 403 for a scope the token lacks', async () => {
    const state = workspace();
    const bobs = await seed(state, fixtures.plainMessage(), { owner: bob.email });
    const mine = await seed(state, fixtures.plainMessage({ subject: 'Mine' }));
    const readonly = session(state, alice.email, [GMAIL_SCOPES.readonly, EXTERNAL_REQUEST_SCOPE]);

    const response = readonly.UrlFetchApp.fetch(
      `${API}/messages/${bobs}`,
      readonly.auth({ muteHttpExceptions: true })
    );
    expect(response.getResponseCode()).toBe(404);
    expect(JSON.parse(response.getContentText())).toEqual({
      error: {
        code: 404,
        message: 'Requested entity was not found.',
        errors: [
          { message: 'Requested entity was not found.', domain: 'global', reason: 'notFound' },
        ],
        status: 'NOT_FOUND',
      },
    });
    const refused = readonly.UrlFetchApp.fetch(
      `${API}/messages/${mine}/modify`,
      readonly.auth({ ...post({ addLabelIds: ['STARRED'] }), muteHttpExceptions: true })
    );
    expect(refused.getResponseCode()).toBe(403);
    expect(JSON.parse(refused.getContentText())).toMatchObject({
      error: { code: 403, message: 'Request had insufficient authentication scopes.' },
    });
  });

  it('needs the external_request scope when the manifest lists its scopes', () => {
    const state = workspace();
    const { UrlFetchApp } = session(state, alice.email, [GMAIL_SCOPES.modify]);
    expect(() => UrlFetchApp.fetch(`${API}/labels`)).toThrow(
      `You do not have permission to call UrlFetchApp.fetch. Required permissions: ${EXTERNAL_REQUEST_SCOPE}`
    );
    expect(() => UrlFetchApp.fetchAll([`${API}/labels`])).toThrow(
      'You do not have permission to call UrlFetchApp.fetchAll.'
    );
  });

  it('enforces the documented limits on the URL and the headers', () => {
    const state = workspace();
    const { UrlFetchApp } = session(state);
    const longUrl = `${API}/messages?q=${'a'.repeat(2048)}`;
    expect(() => UrlFetchApp.fetch(longUrl)).toThrow('Limit Exceeded: URLFetch URL Length.');
    const headers = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`X-H${i}`, 'v']));
    expect(() => UrlFetchApp.fetch(`${API}/labels`, { headers })).toThrow(
      'Limit Exceeded: URLFetch Headers.'
    );
    expect(() => UrlFetchApp.fetch('records.example.org/no-scheme')).toThrow(
      'Invalid argument: records.example.org/no-scheme'
    );
  });

  it('is installed for the sandbox, with the token ScriptApp gives', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.plainMessage());
    createLabelInState(state, alice.email, TO_CAPTURE);
    const globals: Record<string, unknown> = {};
    installFakes(globals, state, { user: alice.email });
    const context = vm.createContext({ ...globals, id, API });
    const code = `
      const headers = { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() };
      const answers = UrlFetchApp.fetchAll([
        { url: API + '/messages/' + id + '?format=minimal', headers: headers },
        { url: API + '/labels', headers: headers },
      ]);
      answers.map(a => JSON.parse(a.getContentText()));`;
    const [message, labels] = vm.runInContext(code, context) as [
      { id: string },
      { labels: { name: string }[] },
    ];
    expect(message.id).toBe(id);
    expect(labels.labels.map(l => l.name)).toContain(TO_CAPTURE);
    expect(NOT_EMULATED).not.toContain('UrlFetchApp');
  });
});
