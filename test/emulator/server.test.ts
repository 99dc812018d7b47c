// The emulator's server over HTTP: the page, the session, running the add-on as a person would
// (grant, declare), one execution at a time, state that survives a restart, the add-on folder
// option, and the requests it must refuse without touching the saved state.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allActions, cardsIn, textOf } from '../../fakes/card-service/query';
import { addUser } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createDocumentInState } from '../../fakes/document/seed';
import { actionEvent, homepageEvent } from '../../fakes/events';
import type { FormValue } from '../../fakes/events';
import { firstCard, formValues } from '../../fakes/form';
import { BUILD_DIR, Workspace } from '../../fakes/harness/workspace';
import { createEmulator } from '../../emulator/server';
import type { Emulator, EmulatorOptions, RunReply } from '../../emulator/server';
import { STATE_FILE } from '../../emulator/store';
import type { Walkthrough } from '../../emulator/walkthrough-types';
import {
  attachmentsMessage,
  ATTACHMENT_NAMES,
  plainMessage,
  threadMessages,
} from '../../fakes/gmail/fixtures';
import { addMessageFromRaw } from '../../fakes/gmail/seed';

const DRO = 'dro@dfrr.gov.uk';
const ALICE = 'alice@dfrr.gov.uk';
const TYPICAL = { series: ['POL-DEV-01'], businessUnit: ['PPD'] };
const JAN_2017 = Date.UTC(2017, 0, 2, 9);

/** A department of two: Alice (signed in first) with three documents, and the DRO's register. */
function smallDepartment(state: WorkspaceState): void {
  addUser(state, { email: ALICE, name: 'Alice Adeyemi' });
  addUser(state, { email: DRO, name: 'Departmental Records Officer' });
  state.properties.script['records-capture.administrators'] = DRO;
  const setup = new Workspace(state).run(
    'onCreateRegister',
    actionEvent(homepageEvent('DRIVE'), {}, { shareWithDomain: ['yes'], recordsTeamGroup: '' }),
    { user: DRO, budgetMs: 360_000 }
  );
  if (setup.error) throw new Error(setup.error);
  for (const name of ['Grant options', 'Board minutes', 'Budget note']) {
    createDocumentInState(state, { owner: ALICE, name, paragraphs: [`${name}.`] });
  }
  state.triggers.push({
    id: 'trigger-1',
    owner: DRO,
    handlerFunction: 'onHomepage',
    eventType: 'CLOCK',
    schedule: { everyHours: 1 },
    createdAt: state.now,
  });
}

let tmp: string;
/** A copy of the build with a page in build/web, so the static files are known. */
let builtWithPage: string;
let builtWithoutPage: string;
const running: Emulator[] = [];

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'rc-emulator-'));
  builtWithPage = join(tmp, 'build');
  builtWithoutPage = join(tmp, 'build-without-page');
  for (const dir of [builtWithPage, builtWithoutPage]) {
    mkdirSync(dir);
    for (const file of ['Code.js', 'fakes.js', 'appsscript.json']) {
      copyFileSync(join(BUILD_DIR, file), join(dir, file));
    }
  }
  mkdirSync(join(builtWithPage, 'web'));
  writeFileSync(join(builtWithPage, 'web', 'index.html'), '<!doctype html><title>RC</title>');
  writeFileSync(join(builtWithPage, 'web', 'app.js'), 'console.log("app");');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map(e => e.close()));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let dataDirs = 0;
function newDataDir(): string {
  return join(tmp, `data-${++dataDirs}`);
}

async function start(options: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  const emulator = await createEmulator({
    dataDir: newDataDir(),
    buildDir: builtWithPage,
    port: 0,
    seed: smallDepartment,
    clock: () => JAN_2017,
    ...options,
  });
  running.push(emulator);
  return emulator;
}

async function stop(emulator: Emulator): Promise<void> {
  running.splice(running.indexOf(emulator), 1);
  await emulator.close();
}

interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  type: string;
}

/** A request sent byte for byte as given (no URL normalisation), with any headers. */
function raw(
  emulator: Emulator,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | string[] } = {}
): Promise<{ status: number; text: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: emulator.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      res => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', chunk => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text, type: res.headers['content-type'] ?? '' })
        );
      }
    );
    req.on('error', reject);
    const parts = options.body === undefined ? [] : [options.body].flat();
    for (const part of parts) req.write(part);
    req.end();
  });
}

async function api<T = Record<string, unknown>>(
  emulator: Emulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<Answer<T>> {
  const answer = await raw(emulator, path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: answer.status, body: JSON.parse(answer.text) as T, type: answer.type };
}

async function run(emulator: Emulator, body: unknown): Promise<RunReply> {
  const answer = await api<RunReply>(emulator, 'POST', '/api/run', body);
  if (answer.status !== 200) throw new Error(`run answered ${answer.status}: ${answer.body}`);
  return answer.body;
}

function idOf(emulator: Emulator, name: string): string {
  const item = Object.values(emulator.workspace.state.drive).find(i => i.name === name);
  if (!item) throw new Error(`No item ${name}`);
  return item.id;
}

/** Opens the Docs sidebar on a document and presses Declare with the form's values. */
async function declare(
  emulator: Emulator,
  docId: string,
  changes: Record<string, FormValue> = TYPICAL
): Promise<RunReply> {
  const opened = await run(emulator, { host: 'DOCS', trigger: 'homepage', item: { id: docId } });
  const card = firstCard(opened.response);
  const button = allActions(card).find(a => a.functionName === 'onDeclare');
  if (!button) throw new Error(`No Declare button: ${textOf(card)}`);
  return run(emulator, {
    host: 'DOCS',
    function: 'onDeclare',
    item: { id: docId },
    parameters: button.parameters,
    form: { ...formValues(card), ...changes },
  });
}

async function grant(emulator: Emulator, docId: string): Promise<void> {
  const reply = await run(emulator, {
    host: 'DOCS',
    function: 'onRequestFileScope',
    item: { id: docId },
  });
  expect(reply.response).toEqual({
    editorFileScopeRequest: { requestFileScopeForActiveDocument: true },
  });
}

interface SheetAnswer {
  tabs: { name: string; rows: string[][]; frozenRows: number; hidden: boolean }[];
}

/** The register's rows (header → display text) read back through the API. */
async function registerRows(emulator: Emulator): Promise<Record<string, string>[]> {
  const session = await api<{ registerId: string }>(emulator, 'GET', '/api/session');
  const sheet = await api<SheetAnswer>(emulator, 'GET', `/api/sheets/${session.body.registerId}`);
  expect(sheet.status).toBe(200);
  const [headers, ...rows] = sheet.body.tabs.find(t => t.name === 'Register')!.rows;
  return rows.map(row => Object.fromEntries(headers.map((h, i) => [h, row[i]])));
}

describe('the page and the session', () => {
  it('serves the page and its files from build/web', async () => {
    const emulator = await start();
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}/`);
    const page = await raw(emulator, '/');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.text).toContain('<title>RC</title>');
    const script = await raw(emulator, '/web/app.js');
    expect(script.status).toBe(200);
    expect(script.type).toMatch(/^text\/javascript/);
    expect((await raw(emulator, '/web/missing.js')).status).toBe(404);
  });

  it('answers the API before the page is built', async () => {
    const emulator = await start({ buildDir: builtWithoutPage });
    const page = await api(emulator, 'GET', '/');
    expect(page.status).toBe(503);
    expect(page.body.error).toMatch(/npm run build/);
    expect((await api(emulator, 'GET', '/api/session')).status).toBe(200);
  });

  it('tells the page who is signed in, the add-on, the files each host can open and the register', async () => {
    const emulator = await start();
    const { status, body } = await api(emulator, 'GET', '/api/session');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      user: ALICE,
      users: [
        { email: ALICE, name: 'Alice Adeyemi' },
        { email: DRO, name: 'Departmental Records Officer' },
      ],
      addon: {
        name: 'Records Capture',
        primaryColor: '#1d70b8',
        hosts: ['docs', 'sheets', 'drive', 'gmail'],
        universalActions: [
          { label: 'Register', runFunction: 'onShowRegister' },
          { label: 'Find a record', runFunction: 'onFindRecord' },
        ],
      },
      hosts: {
        docs: [
          { id: idOf(emulator, 'Board minutes'), name: 'Board minutes' },
          { id: idOf(emulator, 'Budget note'), name: 'Budget note' },
          { id: idOf(emulator, 'Grant options'), name: 'Grant options' },
        ],
        drive: { rootId: emulator.workspace.state.roots[ALICE] },
      },
    });
    const registerId = body.registerId as string;
    expect(emulator.workspace.state.spreadsheets[registerId]).toBeDefined();
    expect(body.hosts).toMatchObject({ sheets: [{ id: registerId }] });
  });

  it('switches the signed-in user to one of the users, and only to one of them', async () => {
    const emulator = await start();
    const switched = await api(emulator, 'POST', '/api/session', { user: DRO });
    expect(switched.status).toBe(200);
    expect(switched.body.user).toBe(DRO);
    expect((await api(emulator, 'GET', '/api/session')).body.user).toBe(DRO);
    const refused = await api(emulator, 'POST', '/api/session', { user: 'pat@example.com' });
    expect(refused).toMatchObject({
      status: 400,
      body: { error: 'Unknown user: pat@example.com' },
    });
  });

  it('lists a Drive folder as the signed-in user sees it', async () => {
    const emulator = await start();
    const rootId = emulator.workspace.state.roots[ALICE];
    const root = await api(emulator, 'GET', `/api/drive/folder/${rootId}`);
    expect(root.status).toBe(200);
    expect(root.body).toMatchObject({ id: rootId, name: 'My Drive', path: [{ id: rootId }] });
    expect((root.body.files as { name: string }[]).map(f => f.name)).toEqual([
      'Board minutes',
      'Budget note',
      'Grant options',
    ]);
    // Another user's My Drive is not Alice's to see.
    const droRoot = emulator.workspace.state.roots[DRO];
    expect((await api(emulator, 'GET', `/api/drive/folder/${droRoot}`)).status).toBe(404);
  });
});

describe('running the add-on', () => {
  it('asks for access to the open document, remembers the grant, then declares it', async () => {
    const emulator = await start();
    const doc = idOf(emulator, 'Grant options');
    const asked = await run(emulator, { host: 'DOCS', trigger: 'homepage', item: { id: doc } });
    expect(asked.error).toBeUndefined();
    expect(textOf(asked.response)).toMatch(/needs your permission/);
    expect(allActions(asked.response).map(a => a.functionName)).toContain('onRequestFileScope');
    expect(asked.execution).toMatchObject({ function: 'onDocsHomepage', user: ALICE });
    expect(asked.execution.ms).toBeGreaterThan(0);

    await grant(emulator, doc);
    const granted = await run(emulator, {
      host: 'DOCS',
      trigger: 'fileScopeGranted',
      item: { id: doc },
    });
    expect(granted.execution.function).toBe('onDocsFileScopeGranted');
    expect(textOf(granted.response)).toMatch(/Declare record/);

    const declared = await declare(emulator, doc);
    expect(declared.error).toBeUndefined();
    expect(textOf(declared.response)).toMatch(/Declared as REC-2017-000001/);
    expect(declared.execution.counts.cellsWritten).toBeGreaterThan(0);

    const [row] = await registerRows(emulator);
    expect(row).toMatchObject({
      'Record ID': 'REC-2017-000001',
      'File ID': doc,
      Title: 'Grant options',
      Series: 'POL-DEV-01',
      'Declared by': ALICE,
    });
    const document = await api(emulator, 'GET', `/api/docs/${doc}`);
    expect(document).toMatchObject({
      status: 200,
      body: {
        id: doc,
        name: 'Grant options',
        header: ['OFFICIAL'],
        body: ['Grant options.'],
        restricted: false,
      },
    });
    expect((document.body.footer as string[]).slice(-1)).toEqual(['OFFICIAL']);

    // The series folder now holds it, shown with its marking.
    const folderId = emulator.workspace.state.drive[doc].parents[0];
    const folder = await api(emulator, 'GET', `/api/drive/folder/${folderId}`);
    expect(folder.body.files).toEqual([
      expect.objectContaining({ id: doc, name: 'Grant options', marking: 'OFFICIAL' }),
    ]);

    const executions = await api<RunReply['execution'][]>(emulator, 'GET', '/api/executions');
    expect(executions.body.map(e => e.function)).toEqual([
      'onDeclare',
      'onDocsHomepage',
      'onDocsFileScopeGranted',
      'onRequestFileScope',
      'onDocsHomepage',
    ]);
  });

  it('remembers a grant per user and file', async () => {
    const emulator = await start();
    const doc = idOf(emulator, 'Grant options');
    await grant(emulator, doc);
    const again = await run(emulator, { host: 'DOCS', trigger: 'homepage', item: { id: doc } });
    expect(textOf(again.response)).toMatch(/Declare record/);
    const other = idOf(emulator, 'Board minutes');
    const ungranted = await run(emulator, {
      host: 'DOCS',
      trigger: 'homepage',
      item: { id: other },
    });
    expect(textOf(ungranted.response)).toMatch(/needs your permission/);
  });

  it('runs a universal action and a time-driven trigger', async () => {
    const emulator = await start();
    const universal = await run(emulator, {
      host: 'DRIVE',
      trigger: 'universal',
      function: 'onShowRegister',
    });
    expect(universal.error).toBeUndefined();
    expect(universal.execution.trigger).toBe('universal');

    const triggers = await api<{ id: string }[]>(emulator, 'GET', '/api/triggers');
    expect(triggers.body).toEqual([expect.objectContaining({ id: 'trigger-1', owner: DRO })]);
    const fired = await api<RunReply>(emulator, 'POST', '/api/triggers/trigger-1/run');
    expect(fired.status).toBe(200);
    expect(fired.body.execution).toMatchObject({
      function: 'onHomepage',
      user: DRO,
      host: null,
      trigger: 'time-driven',
    });
    expect((await api(emulator, 'POST', '/api/triggers/trigger-9/run')).status).toBe(404);
  });

  it('declares two documents at once with two record ids, and one document once', async () => {
    const emulator = await start();
    const [a, b] = [idOf(emulator, 'Grant options'), idOf(emulator, 'Board minutes')];
    for (const id of [a, b]) await grant(emulator, id);
    const [first, second] = await Promise.all([declare(emulator, a), declare(emulator, b)]);
    const ids = [first, second].map(r => /REC-\d{4}-\d{6}/.exec(textOf(r.response))?.[0]);
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBeDefined();
    expect(ids[0]).not.toBe(ids[1]);
    expect((await registerRows(emulator)).map(r => r['File ID']).sort()).toEqual([a, b].sort());

    const c = idOf(emulator, 'Budget note');
    await grant(emulator, c);
    const twice = await Promise.all([declare(emulator, c), declare(emulator, c)]);
    expect(twice.map(r => r.error)).toEqual([undefined, undefined]);
    expect((await registerRows(emulator)).filter(r => r['File ID'] === c)).toHaveLength(1);
  });
});

/** The small department with mail: Alice's inbox of three conversations, and the DRO's own. */
async function departmentWithMail(state: WorkspaceState): Promise<void> {
  smallDepartment(state);
  const mail = (owner: string, raw: string, labels = ['INBOX']) =>
    addMessageFromRaw(state, { owner, raw, labels });
  await mail(
    ALICE,
    plainMessage({ from: DRO, to: ALICE, subject: 'Board paper', date: Date.UTC(2016, 11, 1, 9) })
  );
  const [question, answer] = threadMessages(2, {
    from: `Departmental Records Officer <${DRO}>`,
    to: `Alice Adeyemi <${ALICE}>`,
    subject: 'Retention of grant files',
    date: Date.UTC(2016, 11, 5, 9),
  });
  await mail(ALICE, question);
  await mail(ALICE, answer, ['SENT']);
  await mail(
    ALICE,
    attachmentsMessage({
      from: DRO,
      to: ALICE,
      subject: 'OFFICIAL-SENSITIVE: Grant allocations',
      messageId: 'grant-allocations@dfrr.gov.uk',
      date: Date.UTC(2016, 11, 9, 9),
    })
  );
  await mail(
    ALICE,
    [
      `From: Newsletter <news@example.org>`,
      `To: ${ALICE}`,
      'Subject: HTML only',
      'Date: Fri, 02 Dec 2016 09:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><p>Hello &amp; <b>welcome</b></p></body></html>',
    ].join('\r\n')
  );
  await mail(DRO, plainMessage({ from: ALICE, to: DRO, subject: 'For the DRO only' }));
}

interface InboxRow {
  id: string;
  threadId: string;
  subject: string;
  from: string;
  date: number;
  unread: boolean;
  count: number;
}

async function inbox(emulator: Emulator): Promise<InboxRow[]> {
  const session = await api<{ hosts: { gmail: InboxRow[] } }>(emulator, 'GET', '/api/session');
  return session.body.hosts.gmail;
}

describe('Gmail', () => {
  it('lists the signed-in user’s inbox, newest first, one row per conversation', async () => {
    const emulator = await start({ seed: departmentWithMail });
    const alice = await inbox(emulator);
    expect(alice.map(row => [row.subject, row.from, row.count, row.unread])).toEqual([
      ['OFFICIAL-SENSITIVE: Grant allocations', DRO, 1, true],
      ['Re: Retention of grant files', 'Departmental Records Officer, me', 2, true],
      ['HTML only', 'Newsletter', 1, true],
      ['Board paper', DRO, 1, true],
    ]);
    // The row opens the conversation's newest message: Alice's own reply.
    const reply = emulator.workspace.state.gmail!.messages[alice[1].id];
    expect(reply).toMatchObject({ owner: ALICE, labels: ['SENT'] });
    expect(alice[0].date).toBe(Date.UTC(2016, 11, 9, 9));

    await api(emulator, 'POST', '/api/session', { user: DRO });
    expect((await inbox(emulator)).map(row => row.subject)).toEqual(['For the DRO only']);
  });

  it('opens only the user’s own email, as text, marks it read and notes it as opened', async () => {
    const emulator = await start({ seed: departmentWithMail });
    const [allocations, thread, html] = await inbox(emulator);
    const opened = await api(emulator, 'GET', `/api/gmail/${allocations.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      id: allocations.id,
      threadId: allocations.threadId,
      subject: 'OFFICIAL-SENSITIVE: Grant allocations',
      from: DRO,
      to: [ALICE],
      cc: [],
      date: Date.UTC(2016, 11, 9, 9),
      attachments: [
        { name: ATTACHMENT_NAMES.pdf, mimeType: 'application/pdf', inline: false },
        { name: ATTACHMENT_NAMES.docx },
        { name: ATTACHMENT_NAMES.csv },
      ],
      labels: ['INBOX'],
    });
    expect(opened.body.body).toMatch(/^Three papers for Thursday/);
    expect((opened.body.attachments as { size: number }[])[0].size).toBeGreaterThan(100);
    expect((await inbox(emulator))[0].unread).toBe(false);

    const conversation = await api<{ thread: { id: string; from: string }[] }>(
      emulator,
      'GET',
      `/api/gmail/${thread.id}`
    );
    expect(conversation.body.thread.map(m => m.from)).toEqual([
      'Departmental Records Officer',
      'me',
    ]);
    const text = await api(emulator, 'GET', `/api/gmail/${html.id}`);
    expect(text.body.body).toBe('Hello & welcome');

    const drosMessage = Object.values(emulator.workspace.state.gmail!.messages).find(
      m => m.owner === DRO
    )!;
    expect((await api(emulator, 'GET', `/api/gmail/${drosMessage.id}`)).status).toBe(404);
    expect((await api(emulator, 'GET', '/api/gmail/no-such-message')).status).toBe(404);
    expect(emulator.workspace.state.gmail!.messages[drosMessage.id].unread).toBe(true);

    const walkthrough: Walkthrough = {
      id: 'open-email',
      title: 'Open an email',
      user: ALICE,
      seed: departmentWithMail,
      steps: [
        {
          id: 'opened',
          text: 'Open the grant allocations email.',
          done: (_state, session) => session.opened.includes(allocations.id),
        },
      ],
    };
    await stop(emulator);
    const again = await start({
      dataDir: emulator.dataDir,
      seed: departmentWithMail,
      walkthroughs: () => [walkthrough],
    });
    const steps = await api<{ steps: { done: boolean }[] }[]>(again, 'GET', '/api/walkthroughs');
    expect(steps.body[0].steps[0].done).toBe(true);
    // A restart awaits the walkthrough's own (async) seed: the mail is back, unread.
    await api(again, 'POST', '/api/walkthroughs/open-email/restart');
    expect((await inbox(again))[0]).toMatchObject({ id: allocations.id, unread: true });
  });

  it('runs the homepage and the contextual trigger, and captures the open email', async () => {
    const emulator = await start({ seed: departmentWithMail });
    const home = await run(emulator, { host: 'GMAIL', trigger: 'homepage' });
    expect(home.execution.function).toBe('onGmailHomepage');
    expect(textOf(home.response)).toMatch(/Capture emails/);

    const [allocations] = await inbox(emulator);
    const item = { id: allocations.id };
    const opened = await run(emulator, { host: 'GMAIL', trigger: 'message', item });
    expect(opened.error).toBeUndefined();
    expect(opened.execution).toMatchObject({ function: 'onGmailMessage', trigger: 'message' });
    const card = firstCard(opened.response);
    expect(textOf(card)).toMatch(/Capture email[\s\S]*Attachments \(3\)/);
    const button = allActions(card).find(a => a.functionName === 'onCaptureEmail')!;
    const captured = await run(emulator, {
      host: 'GMAIL',
      function: 'onCaptureEmail',
      item,
      parameters: button.parameters,
      form: { ...formValues(card), ...TYPICAL },
    });
    expect(captured.error).toBeUndefined();
    expect(textOf(captured.response)).toMatch(/Captured as REC-2017-000001/);

    const [row] = await registerRows(emulator);
    expect(row).toMatchObject({
      'Record ID': 'REC-2017-000001',
      'Record type': 'Email',
      'Message-ID': '<grant-allocations@dfrr.gov.uk>',
      Classification: 'OFFICIAL-SENSITIVE',
      Series: 'POL-DEV-01',
    });
    const state = emulator.workspace.state;
    const eml = state.drive[row['File ID']];
    expect(eml.name).toMatch(/^REC-2017-000001 2016-12-09 .*\.eml$/);
    expect(eml.contentBase64).toBe(state.gmail!.messages[allocations.id].rawBase64);

    // OFFICIAL-SENSITIVE: the register's link finds the file in Alice's restricted folder, and
    // the series folder holds shortcuts to the original and its PDF.
    const located = await api(emulator, 'GET', `/api/drive/item/${eml.id}`);
    expect(located.body).toMatchObject({ id: eml.id, folderId: eml.parents[0] });
    expect(state.drive[eml.parents[0]].name).toMatch(/OFFICIAL-SENSITIVE email records/);
    const folder = await api<{ files: { name: string; mimeType: string }[] }>(
      emulator,
      'GET',
      `/api/drive/folder/${row['Folder ID']}`
    );
    const names = folder.body.files.map(f => f.name);
    expect(names.filter(n => n.endsWith('.eml'))).toEqual([eml.name]);
    expect(names.filter(n => n.endsWith('.pdf')).length).toBeGreaterThanOrEqual(1);
    expect(
      folder.body.files.every(f => f.mimeType === 'application/vnd.google-apps.shortcut')
    ).toBe(true);

    // Opened again, the email is a record already.
    const again = await run(emulator, { host: 'GMAIL', trigger: 'message', item });
    expect(textOf(again.response)).toMatch(/Already a record[\s\S]*REC-2017-000001/);
  });

  it('flags email, switches the hourly capture on, and runs its trigger (which returns nothing)', async () => {
    const emulator = await start({ seed: departmentWithMail });
    const rows = await inbox(emulator);
    const chosen = rows.filter(row => ['Board paper', 'HTML only'].includes(row.subject));
    for (const row of chosen) {
      const item = { id: row.id };
      const opened = await run(emulator, { host: 'GMAIL', trigger: 'message', item });
      const card = firstCard(opened.response);
      const button = allActions(card).find(a => a.functionName === 'onFlagEmail')!;
      const flagged = await run(emulator, {
        host: 'GMAIL',
        function: 'onFlagEmail',
        item,
        parameters: button.parameters,
        form: { ...formValues(card), ...TYPICAL },
      });
      expect(textOf(flagged.response)).toMatch(/Flagged for capture/);
      const view = await api<{ userLabels: string[] }>(emulator, 'GET', `/api/gmail/${row.id}`);
      expect(view.body.userLabels).toEqual(['Records/To capture']);
    }
    const home = await run(emulator, { host: 'GMAIL', trigger: 'homepage' });
    const toggle = allActions(firstCard(home.response)).find(
      a => a.functionName === 'onToggleHourlyCapture'
    )!;
    const on = await run(emulator, {
      host: 'GMAIL',
      function: 'onToggleHourlyCapture',
      parameters: toggle.parameters,
      form: { hourly: ['yes'] },
    });
    expect(textOf(on.response)).toMatch(/every hour/);

    const triggers = await api<{ id: string; handlerFunction: string; owner: string }[]>(
      emulator,
      'GET',
      '/api/triggers'
    );
    const sweep = triggers.body.find(t => t.handlerFunction === 'onCaptureSweep')!;
    expect(sweep.owner).toBe(ALICE);
    const fired = await api<RunReply>(emulator, 'POST', `/api/triggers/${sweep.id}/run`);
    expect(fired.status).toBe(200);
    // A time-driven handler returns nothing: a normal answer, with no card to show.
    expect(fired.body).toMatchObject({
      response: null,
      execution: { function: 'onCaptureSweep', user: ALICE, trigger: 'time-driven' },
    });
    expect(fired.body.error).toBeUndefined();
    expect(fired.body.execution.log.join('\n')).toMatch(/Scheduled capture: 2 captured, 0 failed/);
    const after = await inbox(emulator);
    for (const row of chosen) {
      expect(after.find(r => r.id === row.id)).toMatchObject({ userLabels: ['Records/Captured'] });
    }
    expect((await registerRows(emulator)).map(r => r.Title).sort()).toEqual([
      'Board paper',
      'HTML only',
    ]);
  });

  it('refuses another user’s email and a message trigger without one', async () => {
    const emulator = await start({ seed: departmentWithMail });
    const drosMessage = Object.values(emulator.workspace.state.gmail!.messages).find(
      m => m.owner === DRO
    )!;
    const foreign = await api(emulator, 'POST', '/api/run', {
      host: 'GMAIL',
      trigger: 'message',
      item: { id: drosMessage.id },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toMatch(/No email/);
    const action = await api(emulator, 'POST', '/api/run', {
      host: 'GMAIL',
      function: 'onCaptureEmail',
      item: { id: drosMessage.id },
      form: TYPICAL,
    });
    expect(action.status).toBe(404);
    expect(
      (await api(emulator, 'POST', '/api/run', { host: 'GMAIL', trigger: 'message' })).status
    ).toBe(400);
    expect(
      (
        await api(emulator, 'POST', '/api/run', {
          host: 'DRIVE',
          trigger: 'message',
          item: { id: drosMessage.id },
        })
      ).status
    ).toBe(400);
    expect(await api<unknown[]>(emulator, 'GET', '/api/executions')).toMatchObject({ body: [] });
    expect((await api(emulator, 'GET', '/api/drive/item/no-such-item')).status).toBe(404);
  });
});

describe('the saved state', () => {
  it('survives a restart, and --reset starts again from the seed', async () => {
    const dataDir = newDataDir();
    const first = await start({ dataDir });
    const doc = idOf(first, 'Grant options');
    await grant(first, doc);
    await declare(first, doc);
    await api(first, 'POST', '/api/session', { user: DRO });
    await stop(first);
    expect(readdirSync(dataDir)).toEqual([STATE_FILE]);

    const reseed = jest.fn(smallDepartment);
    const second = await start({ dataDir, seed: reseed });
    expect(reseed).not.toHaveBeenCalled();
    expect((await api(second, 'GET', '/api/session')).body.user).toBe(DRO);
    expect((await api(second, 'GET', `/api/docs/${doc}`)).body.header).toEqual(['OFFICIAL']);
    expect((await api<unknown[]>(second, 'GET', '/api/executions')).body).toHaveLength(3);
    await stop(second);

    const third = await start({ dataDir, reset: true });
    expect((await api(third, 'GET', '/api/session')).body.user).toBe(ALICE);
    expect(third.workspace.state.documents[doc].header).toBeNull();
    // The grant went with the state it was given in.
    const asked = await run(third, { host: 'DOCS', trigger: 'homepage', item: { id: doc } });
    expect(textOf(asked.response)).toMatch(/needs your permission/);
  });

  it('POST /api/reset goes back to the seeded state', async () => {
    const emulator = await start();
    const doc = idOf(emulator, 'Grant options');
    await grant(emulator, doc);
    await declare(emulator, doc);
    const reset = await api(emulator, 'POST', '/api/reset');
    expect(reset).toMatchObject({ status: 200, body: { user: ALICE } });
    expect(emulator.workspace.state.documents[doc].header).toBeNull();
    expect(await registerRows(emulator)).toEqual([]);
  });

  it('ticks walkthrough steps from the state and what was opened, and restarts one', async () => {
    const walkthrough: Walkthrough = {
      id: 'declare',
      title: 'Declare a document',
      user: DRO,
      seed: smallDepartment,
      steps: [
        {
          id: 'open',
          text: 'Open Grant options.',
          done: (state, session) =>
            session.opened.some(id => state.drive[id]?.name === 'Grant options'),
        },
        {
          id: 'declared',
          text: 'Declare it.',
          done: state =>
            Object.values(state.documents).some(d => d.header?.[0].text === 'OFFICIAL'),
        },
      ],
    };
    const emulator = await start({ walkthroughs: () => [walkthrough] });
    const ticks = async () =>
      (
        await api<{ steps: { done: boolean }[] }[]>(emulator, 'GET', '/api/walkthroughs')
      ).body[0].steps.map(s => s.done);
    expect(await ticks()).toEqual([false, false]);
    const doc = idOf(emulator, 'Grant options');
    await api(emulator, 'GET', `/api/docs/${doc}`);
    expect(await ticks()).toEqual([true, false]);
    await grant(emulator, doc);
    await declare(emulator, doc);
    expect(await ticks()).toEqual([true, true]);
    // What counts is what the signed-in user opened.
    await api(emulator, 'POST', '/api/session', { user: DRO });
    expect(await ticks()).toEqual([false, true]);

    const restarted = await api(emulator, 'POST', '/api/walkthroughs/declare/restart');
    expect(restarted).toMatchObject({ status: 200, body: { user: DRO } });
    expect(await ticks()).toEqual([false, false]);
    expect((await api(emulator, 'POST', '/api/walkthroughs/nope/restart')).status).toBe(404);
  });
});

describe('requests it refuses', () => {
  it('answers each with {error} and leaves the saved state as it was', async () => {
    const emulator = await start();
    const stateFile = join(emulator.dataDir, STATE_FILE);
    const saved = readFileSync(stateFile, 'utf8');
    const doc = idOf(emulator, 'Grant options');
    const declareBody = { host: 'DOCS', trigger: 'homepage', item: { id: doc } };

    const malformed = await api(emulator, 'POST', '/api/run', '{"host": "DOCS",');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/^Malformed JSON/);

    expect(await api(emulator, 'POST', '/api/run', { host: 'DRIVE', function: 'nope' })).toEqual({
      status: 404,
      body: { error: 'Script function not found: nope' },
      type: 'application/json; charset=utf-8',
    });
    expect(
      (await api(emulator, 'POST', '/api/run', { host: 'PAPER', trigger: 'homepage' })).status
    ).toBe(400);
    expect(
      (await api(emulator, 'POST', '/api/run', { host: 'DOCS', trigger: 'homepage' })).status
    ).toBe(400);
    expect(
      (await api(emulator, 'POST', '/api/run', { ...declareBody, item: { id: 'no-such-doc' } }))
        .status
    ).toBe(404);
    expect((await api(emulator, 'GET', '/api/nothing-here')).status).toBe(404);
    expect((await api(emulator, 'GET', '/api/docs/no-such-doc')).status).toBe(404);
    expect((await api(emulator, 'DELETE', '/api/session')).status).toBe(405);

    for (const origin of ['http://evil.example', `http://127.0.0.1:${emulator.port + 1}`, 'null']) {
      const foreign = await api(emulator, 'POST', '/api/run', declareBody, { origin });
      expect(foreign.status).toBe(403);
      expect(foreign.body.error).toMatch(/Origin not allowed/);
    }
    for (const host of ['evil.example', `evil.example:${emulator.port}`, '127.0.0.1:1']) {
      const rebound = await api(emulator, 'GET', '/api/session', undefined, { host });
      expect(rebound.status).toBe(403);
      expect(rebound.body.error).toMatch(/Host not allowed/);
    }
    const local = {
      host: `localhost:${emulator.port}`,
      origin: `http://localhost:${emulator.port}`,
    };
    expect((await api(emulator, 'GET', '/api/session', undefined, local)).status).toBe(200);

    for (const path of [
      '/web/../package.json',
      '/web/../../package.json',
      '/web/%2e%2e/package.json',
      '/web/%2E%2E/%2E%2E/package.json',
      '/web/..%2fpackage.json',
      '/web/..%2F..%2Fpackage.json',
      '/web/%2e%2e%2f%2e%2e%2fpackage.json',
      '/web/..%5c..%5cpackage.json',
      '/web/../Code.js',
      '/web/%2e%2e/Code.js',
      '/web/%252e%252e/Code.js',
      '/web/.%2e/Code.js',
      '/web/%00',
      '/web/%',
      '/web/',
      '/../package.json',
    ]) {
      const answer = await raw(emulator, path);
      expect([path, answer.status]).toEqual([path, expect.any(Number)]);
      expect([400, 404]).toContain(answer.status);
      expect(JSON.parse(answer.text)).toEqual({ error: expect.any(String) });
    }

    const large = JSON.stringify({
      host: 'DRIVE',
      function: 'onHomepage',
      pad: 'x'.repeat(1_100_000),
    });
    expect((await api(emulator, 'POST', '/api/run', large)).status).toBe(413);
    // The same without a declared length, sent in pieces.
    const chunked = await raw(emulator, '/api/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: Array.from({ length: 12 }, (_, i) => (i === 0 ? '{"pad":"' : 'x'.repeat(100_000))),
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.text)).toEqual({ error: expect.stringMatching(/over 1048576/) });

    expect(readFileSync(stateFile, 'utf8')).toBe(saved);
    expect(await api<unknown[]>(emulator, 'GET', '/api/executions')).toMatchObject({ body: [] });
  });
});

describe('another add-on folder', () => {
  it('runs its functions against the fakes and names what is not emulated', async () => {
    const addonDir = join(tmp, 'hello-addon');
    mkdirSync(addonDir);
    writeFileSync(
      join(addonDir, 'appsscript.json'),
      JSON.stringify({
        timeZone: 'Europe/London',
        runtimeVersion: 'V8',
        addOns: { common: { name: 'Hello', homepageTrigger: { runFunction: 'home' } } },
      })
    );
    writeFileSync(
      join(addonDir, 'Code.js'),
      [
        'function home(e) {',
        "  return [CardService.newCardBuilder().setHeader(CardService.newCardHeader().setTitle('Hello')).addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('x'))).build()];",
        '}',
        'function inbox(e) {',
        '  var calendar = CalendarApp.getDefaultCalendar();',
        '  return [CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText(String(calendar)))).build()];',
        '}',
      ].join('\n')
    );
    const emulator = await start({
      addonDir,
      seed: state => addUser(state, { email: ALICE, name: 'Alice Adeyemi' }),
    });
    const session = await api(emulator, 'GET', '/api/session');
    expect(session.body).toMatchObject({
      user: ALICE,
      addon: { name: 'Hello', hosts: ['docs', 'sheets', 'drive'] },
      registerId: null,
    });

    const home = await run(emulator, { host: 'DRIVE', trigger: 'homepage' });
    expect(home.error).toBeUndefined();
    expect(cardsIn(home.response)[0].header?.title).toBe('Hello');
    expect(home.execution.function).toBe('home');

    const inbox = await run(emulator, { host: 'DRIVE', function: 'inbox' });
    expect(inbox.response).toBeNull();
    expect(inbox.error).toContain('not emulated: CalendarApp.getDefaultCalendar');
    expect(inbox.execution.log.join('\n')).toContain(
      'not emulated: CalendarApp.getDefaultCalendar'
    );
    const [latest] = (await api<RunReply['execution'][]>(emulator, 'GET', '/api/executions')).body;
    expect(latest).toMatchObject({ function: 'inbox', error: inbox.error });

    expect(
      (await api(emulator, 'POST', '/api/run', { host: 'DRIVE', function: 'onDeclare' })).status
    ).toBe(404);
    expect(
      (
        await api(emulator, 'POST', '/api/run', {
          host: 'DOCS',
          trigger: 'fileScopeGranted',
          item: { id: 'x' },
        })
      ).body
    ).toEqual({ error: 'The add-on has no fileScopeGranted trigger in DOCS' });
  });

  it('keeps the last 50 executions, newest first', async () => {
    const addonDir = join(tmp, 'counting-addon');
    mkdirSync(addonDir);
    writeFileSync(
      join(addonDir, 'appsscript.json'),
      JSON.stringify({ addOns: { common: { name: 'Count' }, drive: {} } })
    );
    writeFileSync(
      join(addonDir, 'Code.js'),
      [
        'function count(e) {',
        '  Logger.log(e.parameters.n);',
        "  return CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('counted'))).build();",
        '}',
      ].join('\n')
    );
    const emulator = await start({
      addonDir,
      seed: state => addUser(state, { email: ALICE, name: 'Alice Adeyemi' }),
    });
    for (let n = 1; n <= 52; n++) {
      const reply = await run(emulator, {
        host: 'DRIVE',
        function: 'count',
        parameters: { n: `${n}` },
      });
      expect(reply.execution.log).toEqual([`INFO ${n}`]);
    }
    const executions = (
      await api<{ id: string; log: string[] }[]>(emulator, 'GET', '/api/executions')
    ).body;
    expect(executions).toHaveLength(50);
    expect(executions[0].log).toEqual(['INFO 52']);
    expect(executions[49].log).toEqual(['INFO 3']);
  });
});
