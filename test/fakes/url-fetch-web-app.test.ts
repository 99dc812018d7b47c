// The script's web app as UrlFetchApp reaches it (Google's front door, the nested execution as the
// deployer, the redirect to its answer), Google's tokeninfo endpoint, and the tokens ScriptApp
// issues. The web app is a small script project written against the public reference.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import { Workspace } from '../../fakes/harness/workspace';
import { createScriptApp } from '../../fakes/script-app';
import { PROJECT_CLIENT_ID } from '../../fakes/script-app/oauth';
import { createUrlFetchApp } from '../../fakes/url-fetch';

const DRO = 'dro@dfrr.gov.uk';
const ALICE = 'alice@dfrr.gov.uk';
const OUTSIDER = 'pat@example.com';
const TOKENINFO = 'https://oauth2.googleapis.com/tokeninfo';
const SCOPES = [
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/script.external_request',
  'https://www.googleapis.com/auth/script.storage',
];

const SCRIPT = `
function doPost(e) {
  if (e.parameter.fail) throw new Error('Register tab missing');
  if (e.parameter.nothing) return;
  return ContentService.createTextOutput(JSON.stringify({
    event: e,
    effective: Session.getEffectiveUser().getEmail(),
    active: Session.getActiveUser().getEmail(),
  })).setMimeType(ContentService.MimeType.JSON);
}
function doGet(e) {
  return ContentService.createTextOutput('hello ' + (e.parameter.name || 'nobody'));
}
function callService() {
  var props = PropertiesService.getScriptProperties();
  var options = {
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify({ declare: 1 }),
    headers: { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() },
    muteHttpExceptions: true,
  };
  if (props.getProperty('noRedirect')) options.followRedirects = false;
  var response = UrlFetchApp.fetch(props.getProperty('url'), options);
  props.setProperty('answer', JSON.stringify({
    code: response.getResponseCode(),
    headers: response.getHeaders(),
    text: response.getContentText(),
    token: ScriptApp.getOAuthToken(),
  }));
}
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'web-app-'));
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ oauthScopes: SCOPES }));
  writeFileSync(join(dir, 'Code.js'), SCRIPT);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function project(): Workspace {
  const state = createWorkspaceState({
    users: [
      { email: DRO, name: 'DRO' },
      { email: ALICE, name: 'Alice' },
      { email: OUTSIDER, name: 'Pat' },
    ],
  });
  return new Workspace(state, { addonDir: dir });
}

interface Answer {
  code: number;
  headers: Record<string, string>;
  text: string;
  token: string;
}

function call(ws: Workspace, user: string, url: string, extra: Record<string, string> = {}) {
  Object.assign(ws.state.properties.script, { url, ...extra });
  const result = ws.run('callService', {}, { user });
  expect(result.error).toBeUndefined();
  const answer = JSON.parse(ws.state.properties.script.answer) as Answer;
  return { result, answer };
}

describe('ScriptApp.getOAuthToken', () => {
  it('gives each execution one token of its user, with the authorised scopes, for an hour', () => {
    const state = createWorkspaceState({ users: [{ email: ALICE, name: 'Alice' }] });
    const first = createScriptApp(createContext(state, new Execution(state, { user: ALICE })), {
      scopes: SCOPES,
    });
    const token = first.getOAuthToken();
    expect(token).toMatch(/^ya29\.a0[\w-]{40,}$/);
    expect(first.getOAuthToken()).toBe(token);
    expect(state.oauth?.tokens[token]).toEqual({
      user: ALICE,
      scopes: SCOPES,
      clientId: PROJECT_CLIENT_ID,
      issuedAt: state.now,
      expiresAt: state.now + 3_600_000,
    });
    const second = createScriptApp(createContext(state, new Execution(state, { user: DRO })));
    expect(second.getOAuthToken()).not.toBe(token);
  });
});

describe('tokeninfo', () => {
  function fetcher(ws: Workspace) {
    const execution = new Execution(ws.state, { user: DRO, budgetMs: 360_000 });
    return { execution, UrlFetchApp: createUrlFetchApp(createContext(ws.state, execution)) };
  }

  it('says whose token it is, to which client it was issued, its scopes and time left', () => {
    const ws = project();
    const token = ws.oauthToken(ALICE);
    const { UrlFetchApp, execution } = fetcher(ws);
    const before = execution.elapsedMs();
    const response = UrlFetchApp.fetch(`${TOKENINFO}?access_token=${token}`);
    expect(execution.elapsedMs() - before).toBe(100);
    expect(response.getResponseCode()).toBe(200);
    const info = JSON.parse(response.getContentText());
    expect(info).toEqual({
      azp: PROJECT_CLIENT_ID,
      aud: PROJECT_CLIENT_ID,
      sub: expect.stringMatching(/^\d+$/),
      scope: SCOPES.join(' '),
      exp: String(Math.floor((ws.state.now - 100 + 3_600_000) / 1000)),
      expires_in: '3600',
      email: ALICE,
      email_verified: 'true',
      access_type: 'online',
    });
    // The token can also be posted as a form field.
    const posted = UrlFetchApp.fetch(TOKENINFO, {
      method: 'post',
      payload: { access_token: token },
    });
    expect(JSON.parse(posted.getContentText()).email).toBe(ALICE);
  });

  it('refuses unknown and expired tokens as invalid, and a request without one', () => {
    const ws = project();
    const token = ws.oauthToken(ALICE, { lifetimeMs: 60_000 });
    const { UrlFetchApp } = fetcher(ws);
    const ask = (query: string) =>
      UrlFetchApp.fetch(`${TOKENINFO}${query}`, { muteHttpExceptions: true });
    expect(ask(`?access_token=${token}`).getResponseCode()).toBe(200);
    ws.state.now += 60_000;
    const expired = ask(`?access_token=${token}`);
    expect(expired.getResponseCode()).toBe(400);
    expect(JSON.parse(expired.getContentText())).toEqual({
      error: 'invalid_token',
      error_description: 'Invalid Value',
    });
    expect(JSON.parse(ask('?access_token=ya29.forged').getContentText()).error).toBe(
      'invalid_token'
    );
    expect(JSON.parse(ask('').getContentText()).error).toBe('invalid_request');
    expect(() => UrlFetchApp.fetch(`${TOKENINFO}?access_token=x`)).toThrow(
      /^Request failed for https:\/\/oauth2\.googleapis\.com returned code 400/
    );
  });

  it('leaves the email out of a token without an email scope', () => {
    const ws = project();
    const { UrlFetchApp } = fetcher(ws);
    const driveOnly = createScriptApp(
      createContext(ws.state, new Execution(ws.state, { user: ALICE })),
      { scopes: ['https://www.googleapis.com/auth/drive'] }
    ).getOAuthToken();
    const info = JSON.parse(
      UrlFetchApp.fetch(`${TOKENINFO}?access_token=${driveOnly}`).getContentText()
    );
    expect(info.email).toBeUndefined();
    expect(info.email_verified).toBeUndefined();
    expect(info.scope).toBe('https://www.googleapis.com/auth/drive');
  });
});

describe('a web app executing as its deployer', () => {
  it('runs doPost as a new execution of the deployer and answers with its TextOutput', () => {
    const ws = project();
    const url = ws.deployWebApp({ deployer: DRO, access: 'DOMAIN' });
    expect(url).toMatch(/^https:\/\/script\.google\.com\/macros\/s\/AKfycb[\w-]+\/exec$/);
    const { result, answer } = call(ws, ALICE, `${url}?mode=test`);
    expect(answer.code).toBe(200);
    expect(answer.headers['Content-Type']).toBe('application/json; charset=utf-8');
    const served = JSON.parse(answer.text);
    expect(served.effective).toBe(DRO);
    expect(served.active).toBe('');
    expect(served.event).toEqual({
      queryString: 'mode=test',
      parameter: { mode: 'test' },
      parameters: { mode: ['test'] },
      contextPath: '',
      contentLength: 13,
      postData: {
        length: 13,
        type: 'application/json',
        contents: '{"declare":1}',
        name: 'postData',
      },
    });
    // The web app's execution is its own: the deployer's, with its own calls.
    expect(result.webApps).toHaveLength(1);
    const [inner] = result.webApps;
    expect(inner.function).toBe('doPost');
    expect(inner.user).toBe(DRO);
    expect(inner.result.counts.byKey['ContentService.createTextOutput']).toBe(1);
    expect(result.counts.byKey['ContentService.createTextOutput']).toBeUndefined();
    // The caller waited for the front door, the web app's execution and the redirect.
    const fetchCall = result.calls.find(c => c.key === 'UrlFetchApp.fetch');
    expect(fetchCall?.ms).toBeCloseTo(
      150 + inner.result.counts.modelledMs + 150 + 0.05 * (answer.text.length / 1024),
      6
    );
    expect(result.counts.modelledMs).toBeGreaterThan(inner.result.counts.modelledMs + 300);
  });

  it('answers with a 302 to script.googleusercontent.com, whose answer a GET collects once', () => {
    const ws = project();
    const url = ws.deployWebApp({ deployer: DRO });
    const { answer } = call(ws, ALICE, url, { noRedirect: 'yes' });
    expect(answer.code).toBe(302);
    const location = answer.headers.Location;
    expect(location).toMatch(
      /^https:\/\/script\.googleusercontent\.com\/macros\/echo\?user_content_key=[\w-]+&lib=AKfycb/
    );
    expect(ws.request(location, { method: 'post' }).code).toBe(405);
    const collected = ws.request(location);
    expect(collected.code).toBe(200);
    expect(JSON.parse(collected.text).effective).toBe(DRO);
    expect(ws.request(location).code).toBe(404);
  });

  it('turns callers away at the front door before any script runs', () => {
    const ws = project();
    const domainApp = ws.deployWebApp({ deployer: DRO, access: 'DOMAIN' });
    const post = { method: 'post' as const, payload: '{}', contentType: 'application/json' };

    const noToken = ws.request(domainApp, post);
    expect(noToken.code).toBe(200);
    expect(noToken.text).toContain(
      '<title>Meet Google Drive - One place for all your files</title>'
    );
    expect(noToken.webApps).toEqual([]);

    const forged = ws.request(domainApp, {
      ...post,
      headers: { Authorization: 'Bearer ya29.forged' },
    });
    expect(forged.code).toBe(401);
    expect(forged.text).toContain('<title>Unauthorized</title>');

    const expiring = ws.oauthToken(ALICE, { lifetimeMs: 1000 });
    ws.state.now += 1000;
    expect(
      ws.request(domainApp, { ...post, headers: { Authorization: `Bearer ${expiring}` } }).code
    ).toBe(401);

    const outsider = ws.request(domainApp, {
      ...post,
      headers: { Authorization: `Bearer ${ws.oauthToken(OUTSIDER)}` },
    });
    expect(outsider.code).toBe(403);
    expect(outsider.webApps).toEqual([]);

    const mine = ws.deployWebApp({ deployer: DRO, access: 'MYSELF' });
    const alice = { ...post, headers: { Authorization: `Bearer ${ws.oauthToken(ALICE)}` } };
    expect(ws.request(mine, alice).code).toBe(404);
    const dro = { ...post, headers: { Authorization: `Bearer ${ws.oauthToken(DRO)}` } };
    expect(ws.request(mine, dro).code).toBe(200);

    const unknown = domainApp.replace(/s\/AKfycb[\w-]+/, 's/AKfycbNOPE');
    expect(ws.request(unknown, alice).code).toBe(404);

    const open = ws.deployWebApp({ deployer: DRO, access: 'ANYONE_ANONYMOUS' });
    const anonymous = ws.request(`${open}?name=Pat`);
    expect(anonymous.text).toBe('hello Pat');
    expect(anonymous.webApps.map(w => [w.function, w.user])).toEqual([['doGet', DRO]]);
  });

  it('also takes the token as access_token in the query', () => {
    const ws = project();
    const url = ws.deployWebApp({ deployer: DRO });
    const answer = ws.request(`${url}?access_token=${ws.oauthToken(ALICE)}&name=Alice`);
    expect(answer.text).toBe('hello Alice');
  });

  it('refuses a token without a Drive scope', () => {
    const ws = project();
    const url = ws.deployWebApp({ deployer: DRO });
    const token = createScriptApp(
      createContext(ws.state, new Execution(ws.state, { user: ALICE })),
      { scopes: ['https://www.googleapis.com/auth/userinfo.email'] }
    ).getOAuthToken();
    expect(ws.request(url, { headers: { Authorization: `Bearer ${token}` } }).code).toBe(401);
  });

  it('shows the script’s failure, a missing function or a missing answer as an error page', () => {
    const ws = project();
    const url = ws.deployWebApp({ deployer: DRO });
    const auth = { Authorization: `Bearer ${ws.oauthToken(ALICE)}` };
    const failed = ws.request(url, { method: 'post', payload: { fail: 'yes' }, headers: auth });
    expect(failed.code).toBe(200);
    expect(failed.text).toContain('<title>Error</title>');
    expect(failed.text).toContain('Register tab missing');
    expect(failed.webApps[0].result.error).toBe('Error: Register tab missing');
    const empty = ws.request(url, { method: 'post', payload: { nothing: 'yes' }, headers: auth });
    expect(empty.text).toContain('The script completed but did not return anything.');

    const bare = mkdtempSync(join(tmpdir(), 'bare-app-'));
    writeFileSync(join(bare, 'appsscript.json'), JSON.stringify({ oauthScopes: SCOPES }));
    writeFileSync(join(bare, 'Code.js'), 'function doGet() {}');
    try {
      const other = new Workspace(ws.state, { addonDir: bare });
      const missing = other.request(url, { method: 'post', payload: 'x', headers: auth });
      expect(missing.text).toContain('Script function not found: doPost');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('hands form fields to the script as parameters as well as postData', () => {
    const ws = project();
    const url = ws.deployWebApp({ deployer: DRO });
    const answer = ws.request(`${url}?a=1`, {
      method: 'post',
      payload: { b: '2', c: 'x y' },
      headers: { Authorization: `Bearer ${ws.oauthToken(ALICE)}` },
    });
    const event = JSON.parse(answer.text).event;
    expect(event.parameter).toEqual({ a: '1', b: '2', c: 'x y' });
    expect(event.postData.type).toBe('application/x-www-form-urlencoded');
    expect(event.postData.contents).toBe('b=2&c=x%20y');
  });
});
