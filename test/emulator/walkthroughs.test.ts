// Each trainer walkthrough starts from its own clean state, and doing what its steps say
// (through the add-on, as a trainee would) ticks every step.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allActions, findWidgets, textOf } from '../../fakes/card-service/query';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { driveEvent, editorEvent, gmailEvent, homepageEvent } from '../../fakes/events';
import type { FormValue } from '../../fakes/events';
import { firstCard, formValues } from '../../fakes/form';
import { Workspace } from '../../fakes/harness/workspace';
import { DEMO, MAIL, PEOPLE, seedDemo } from '../../emulator/demo';
import { ARCHIVE } from '../../emulator/demo/archive';
import { PROJECTS } from '../../emulator/demo/projects';
import { createEmulator } from '../../emulator/server';
import type { Emulator, RunReply } from '../../emulator/server';
import type { TrainerSession, Walkthrough } from '../../emulator/walkthrough-types';
import {
  ARCHIVE_IDS,
  CAPTURED_LABEL,
  PACKAGE_FILES,
  transferPackages,
  registerRowFor,
  registerRowWhere,
  registerTab,
  TO_CAPTURE_LABEL,
  walkthroughs,
} from '../../emulator/walkthroughs';
import { press } from '../support/department';

async function start(
  id: string
): Promise<{ walkthrough: Walkthrough; ws: Workspace; session: TrainerSession }> {
  const walkthrough = walkthroughs().find(w => w.id === id)!;
  const state = createWorkspaceState();
  await walkthrough.seed(state);
  return { walkthrough, ws: new Workspace(state), session: { user: walkthrough.user, opened: [] } };
}

const ticks = (w: Walkthrough, state: WorkspaceState, session: TrainerSession) =>
  Object.fromEntries(w.steps.map(s => [s.id, s.done(state, session)]));

const idOf = (state: WorkspaceState, name: string) =>
  Object.values(state.drive).find(i => i.name === name || i.name.endsWith(`] ${name}`))!.id;

/** Opens a document in the Docs sidebar as the trainee, granting access first. */
function openDoc(ws: Workspace, session: TrainerSession, name: string) {
  const id = idOf(ws.state, name);
  session.opened.push(id);
  const event = editorEvent('DOCS', { id, title: name });
  return { event, card: firstCard(ws.run('onDocsHomepage', event, { user: session.user }).json) };
}

describe('trainer walkthroughs', () => {
  it('seeds a department where nothing is declared yet and the register is not set up', async () => {
    const state = createWorkspaceState();
    await seedDemo(state);
    expect(Object.keys(state.users)).toContain(PEOPLE.dro.email);
    expect(state.properties.script['records-capture.config']).toBeUndefined();
    expect(Object.values(state.documents).length).toBeGreaterThanOrEqual(8);
  });

  it('seeds realistic mail in several mailboxes, each parsed from its MIME source', async () => {
    const state = createWorkspaceState();
    await seedDemo(state);
    const messages = Object.values(state.gmail!.messages);
    const inbox = (owner: string) =>
      messages.filter(m => m.owner === owner && m.labels.includes('INBOX'));
    for (const person of [PEOPLE.policy, PEOPLE.finance, PEOPLE.hr, PEOPLE.dro, PEOPLE.secretariat])
      expect(inbox(person.email).length).toBeGreaterThan(0);
    expect(messages.every(m => m.parseProblem === null)).toBe(true);

    // The decision: received by the Policy Officer (and copied to Finance), sent by the PS.
    const decision = messages.filter(m => m.messageId === MAIL.decision.messageId);
    expect(decision.map(m => [m.owner, m.labels[0]]).sort()).toEqual([
      [PEOPLE.finance.email, 'INBOX'],
      [PEOPLE.policy.email, 'INBOX'],
      [PEOPLE.privateSecretary.email, 'SENT'],
    ]);
    expect(decision[0].subject).toMatch(/^OFFICIAL-SENSITIVE: /);
    expect(decision[0].plainBody).toMatch(/agrees option B/);

    // The retention reform conversation is one thread of four in each correspondent's mailbox.
    const reform = messages.filter(
      m => m.owner === PEOPLE.policy.email && m.subject.endsWith(MAIL.retentionReform)
    );
    expect(reform).toHaveLength(4);
    expect(new Set(reform.map(m => m.threadId)).size).toBe(1);
    expect(state.gmail!.threads[reform[0].threadId].messageIds).toHaveLength(4);

    const invoice = messages.find(m => m.subject === MAIL.invoice.subject)!;
    expect(invoice.owner).toBe(PEOPLE.finance.email);
    expect(invoice.attachments.map(a => [a.filename, a.mimeType])).toEqual(
      MAIL.invoice.attachments.map(name => [name, 'application/pdf'])
    );
    expect(Buffer.from(invoice.attachments[0].contentBase64, 'base64').toString('latin1')).toMatch(
      /^%PDF-1\.4[\s\S]*%%EOF\n$/
    );
    const signature = messages.find(m => m.subject === MAIL.signature)!;
    expect(signature.attachments).toEqual([expect.objectContaining({ inline: true })]);
    expect(messages.some(m => m.subject === MAIL.secret && m.owner === PEOPLE.policy.email)).toBe(
      true
    );
    const invitation = messages.find(m => m.subject === MAIL.invitation)!;
    expect(invitation.attachments.map(a => a.filename)).toEqual(['invite.ics']);
    // Only the department's role mailboxes and the reserved example.org domain appear.
    const addresses = messages.flatMap(m => [m.from!, ...m.to, ...m.cc].map(a => a.address));
    expect(addresses.every(a => /@(dfrr\.gov\.uk|example\.org)$/.test(a))).toBe(true);
  });

  it('declare a document: open, declare, see the marking, see it filed', async () => {
    const { walkthrough, ws, session } = await start('declare-document');
    expect(Object.values(ticks(walkthrough, ws.state, session))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    const { event, card } = openDoc(ws, session, DEMO.submission);
    expect(ticks(walkthrough, ws.state, session).open).toBe(true);
    press(ws, event, card, 'onDeclare', session.user, {
      series: ['POL-DEV-01'],
      businessUnit: ['PPD'],
    });
    expect(ticks(walkthrough, ws.state, session)).toEqual({
      open: true,
      declare: true,
      marked: true,
      filed: true,
    });
  });

  it('capture an email: open it, capture it, check the register row and the saved files', async () => {
    const { walkthrough, ws, session } = await start('capture-email');
    const message = Object.values(ws.state.gmail!.messages).find(
      m => m.owner === session.user && m.messageId === MAIL.decision.messageId
    )!;
    session.opened.push(message.id);
    expect(ticks(walkthrough, ws.state, session)).toEqual({
      'open-email': true,
      capture: false,
      'check-row': false,
      'saved-files': false,
    });
    const event = gmailEvent({ messageId: message.id, threadId: message.threadId });
    const opened = ws.run('onGmailMessage', event, { user: session.user });
    const card = firstCard(opened.json);
    expect(textOf(card)).toMatch(/Capture email/);
    const captured = press(ws, event, card, 'onCaptureEmail', session.user, {
      series: ['POL-DEV-01'],
      businessUnit: ['PPD'],
    });
    expect(textOf(captured.json)).toMatch(/Captured as REC-\d{4}-\d{6}/);
    expect(ticks(walkthrough, ws.state, session)['capture']).toBe(true);
    const row = registerRowWhere(ws.state, 'Message-ID', MAIL.decision.messageId)!;
    expect(row).toMatchObject({ 'Record type': 'Email', Classification: 'OFFICIAL-SENSITIVE' });
    // The row's Link opens the original where it is kept: the capturer's restricted folder.
    session.opened.push(
      JSON.parse(ws.state.properties.script['records-capture.config']!).registerId,
      ws.state.drive[String(row['File ID'])].parents[0]
    );
    expect(ticks(walkthrough, ws.state, session)).toEqual({
      'open-email': true,
      capture: true,
      'check-row': true,
      'saved-files': true,
    });
  });

  /** Opens the user's copy of an email in Gmail and presses Flag for capture in its sidebar. */
  function flagEmail(ws: Workspace, session: TrainerSession, messageId: string) {
    const message = Object.values(ws.state.gmail!.messages).find(
      m => m.owner === session.user && m.messageId === messageId
    )!;
    session.opened.push(message.id);
    const event = gmailEvent({ messageId: message.id, threadId: message.threadId });
    const card = firstCard(ws.run('onGmailMessage', event, { user: session.user }).json);
    const flagged = press(ws, event, card, 'onFlagEmail', session.user, {
      series: ['FIN-ACC-01'],
      businessUnit: ['FCE'],
    });
    expect(textOf(flagged.json)).toMatch(/Flagged for capture/);
    return message;
  }

  /** Flags the two routine emails and switches the hourly capture on from the Gmail homepage. */
  async function flagTwoAndSwitchOn() {
    const started = await start('flag-and-sweep');
    const { walkthrough, ws, session } = started;
    expect(session.user).toBe(PEOPLE.finance.email);
    const inbox = Object.values(ws.state.gmail!.messages).filter(
      m => m.owner === session.user && m.labels.includes('INBOX')
    );
    expect(inbox.length).toBeGreaterThanOrEqual(5);
    expect(Object.values(ticks(walkthrough, ws.state, session))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    const remittance = flagEmail(ws, session, MAIL.remittance.messageId);
    expect(ws.state.gmail!.messages[remittance.id].labels).toContain(TO_CAPTURE_LABEL);
    expect(ticks(walkthrough, ws.state, session)['flag-two']).toBe(false);
    const order = flagEmail(ws, session, MAIL.purchaseOrder.messageId);
    expect(ticks(walkthrough, ws.state, session)['flag-two']).toBe(true);

    const home = homepageEvent('GMAIL');
    const card = firstCard(ws.run('onGmailHomepage', home, { user: session.user }).json);
    expect(textOf(card)).toMatch(/Capture flagged email every hour/);
    const on = press(ws, home, card, 'onToggleHourlyCapture', session.user, { hourly: ['yes'] });
    expect(textOf(on.json)).toMatch(/every hour/);
    expect(ticks(walkthrough, ws.state, session)).toMatchObject({
      'flag-two': true,
      hourly: true,
      'run-capture': false,
    });
    return { ...started, flagged: [remittance.id, order.id], home };
  }

  function seeRegister(ws: Workspace, session: TrainerSession, flagged: string[]) {
    for (const id of flagged) {
      const message = ws.state.gmail!.messages[id];
      expect(message.labels).toContain(CAPTURED_LABEL);
      expect(message.labels).not.toContain(TO_CAPTURE_LABEL);
      expect(registerRowWhere(ws.state, 'Message-ID', message.messageId!)).toMatchObject({
        'Record type': 'Email',
        Series: 'FIN-ACC-01',
      });
    }
    session.opened.push(
      JSON.parse(ws.state.properties.script['records-capture.config']!).registerId
    );
  }

  it('flag and sweep: flag two emails, switch on the hourly capture, capture them now', async () => {
    const { walkthrough, ws, session, flagged, home } = await flagTwoAndSwitchOn();
    const card = firstCard(ws.run('onGmailHomepage', home, { user: session.user }).json);
    const now = press(ws, home, card, 'onCaptureFlaggedNow', session.user);
    expect(textOf(now.json)).toMatch(/2 captured, 0 not captured/);
    expect(ticks(walkthrough, ws.state, session)['run-capture']).toBe(true);
    expect(ticks(walkthrough, ws.state, session)['check-register']).toBe(false);
    seeRegister(ws, session, flagged);
    expect(ticks(walkthrough, ws.state, session)).toEqual({
      'flag-two': true,
      hourly: true,
      'run-capture': true,
      'check-register': true,
    });
  });

  it('flag and sweep: the hourly trigger, run at once, captures them too', async () => {
    const { walkthrough, ws, session, flagged } = await flagTwoAndSwitchOn();
    const [trigger] = ws.state.triggers;
    expect(trigger).toMatchObject({ handlerFunction: 'onCaptureSweep', owner: session.user });
    const run = ws.run(trigger.handlerFunction, {}, { user: trigger.owner, budgetMs: 360_000 });
    expect(run.error).toBeUndefined();
    expect(run.log.join('\n')).toMatch(/Scheduled capture: 2 captured, 0 failed/);
    seeRegister(ws, session, flagged);
    expect(Object.values(ticks(walkthrough, ws.state, session))).toEqual([true, true, true, true]);
  });

  it('why SECRET is refused: both refusals are seen, nothing reaches the register', async () => {
    const { walkthrough, ws, session } = await start('secret-refused');
    openDoc(ws, session, DEMO.threat);
    const { event, card } = openDoc(ws, session, DEMO.reply);
    const refused = press(ws, event, card, 'onDeclare', session.user, {
      classification: ['SECRET'],
      series: ['MIN-SUB-01'],
      businessUnit: ['PPD'],
    });
    expect(textOf(refused.json)).toMatch(/SECRET cannot be declared here/);
    const config = JSON.parse(ws.state.properties.script['records-capture.config']!);
    session.opened.push(config.registerId);
    expect(ticks(walkthrough, ws.state, session)).toEqual({
      'open-secret': true,
      'choose-secret': true,
      'nothing-written': true,
    });
  });

  it('OFFICIAL-SENSITIVE personal data: marked, registered with its descriptor, kept in place', async () => {
    const { walkthrough, ws, session } = await start('official-sensitive');
    const { event, card } = openDoc(ws, session, DEMO.personnel);
    press(ws, event, card, 'onDeclare', session.user, {
      classification: ['OFFICIAL-SENSITIVE'],
      descriptors: ['PERSONAL DATA'],
      series: ['HRM-PER-01'],
      businessUnit: ['PCP'],
    });
    expect(ticks(walkthrough, ws.state, session)).toEqual({
      'open-file': true,
      'declare-sensitive': true,
      marking: true,
      'kept-in-place': true,
    });
  });

  it('find a record: the seeded register already holds the board papers', async () => {
    const { walkthrough, ws, session } = await start('find-record');
    const minutes = idOf(ws.state, DEMO.minutes);
    expect(registerRowFor(ws.state, minutes)).toMatchObject({
      Series: 'GOV-BRD-01',
      'Retention schedule': 'R-PERM',
    });
    expect(ticks(walkthrough, ws.state, session)).toEqual({
      'open-register': false,
      'find-minutes': false,
    });
    session.opened.push(
      JSON.parse(ws.state.properties.script['records-capture.config']!).registerId,
      minutes
    );
    expect(ticks(walkthrough, ws.state, session)).toEqual({
      'open-register': true,
      'find-minutes': true,
    });
  });

  /** The results a search card lists: title, and the id of the item its Open button opens. */
  function searchHits(card: unknown): { title: string; opens: string }[] {
    return findWidgets(card, w => /^REC-/.test(w.decoratedText?.topLabel ?? '')).map(w => ({
      title: w.decoratedText!.text,
      opens: /\/d\/([A-Za-z0-9_-]+)/.exec(
        w.decoratedText!.button?.onClick?.openLink?.url ?? ''
      )![1],
    }));
  }

  it('search for a record: the box under a document’s card, then More options to narrow', async () => {
    const { walkthrough, ws, session } = await start('search-records');
    expect(ticks(walkthrough, ws.state, session)).toEqual({
      'quick-search': false,
      'more-options': false,
    });

    // The Find a record box under the submission's card: ExCo minutes, opened from its result.
    const { event, card } = openDoc(ws, session, DEMO.submission);
    expect(textOf(card)).toMatch(/Find a record/);
    const found = press(ws, event, card, 'onSearch', session.user, { searchQuery: 'ExCo minutes' });
    const minutes = searchHits(firstCard(found.json)).find(h => h.title === DEMO.minutes)!;
    expect(minutes.opens).toBe(idOf(ws.state, DEMO.minutes));
    session.opened.push(minutes.opens);
    expect(ticks(walkthrough, ws.state, session)).toEqual({
      'quick-search': true,
      'more-options': false,
    });

    // More options: series PRJ-LES-01 in November 2016 leaves the Gate 3 lessons report alone.
    session.opened.push(idOf(ws.state, DEMO.submission));
    const form = firstCard(press(ws, event, card, 'onOpenSearch', session.user).json);
    const day = (iso: string) => ({ date: Date.parse(`${iso}T00:00:00Z`) });
    const wholeSeries = searchHits(
      firstCard(
        press(ws, event, form, 'onSearch', session.user, { searchSeries: ['PRJ-LES-01'] }).json
      )
    );
    expect(wholeSeries.map(h => h.title).sort()).toEqual(
      [PROJECTS.frpClosure, PROJECTS.gate3Lessons].sort()
    );
    const narrowed = searchHits(
      firstCard(
        press(ws, event, form, 'onSearch', session.user, {
          searchSeries: ['PRJ-LES-01'],
          searchFrom: day('2016-11-01'),
          searchTo: day('2016-11-30'),
        }).json
      )
    );
    expect(narrowed.map(h => h.title)).toEqual([PROJECTS.gate3Lessons]);
    session.opened.push(narrowed[0].opens);
    expect(ticks(walkthrough, ws.state, session)).toEqual({
      'quick-search': true,
      'more-options': true,
    });

    // The commercial evaluation is a record, but not one the Policy Officer can open.
    const restricted = press(ws, event, card, 'onSearch', session.user, {
      searchQuery: 'CSR supplier',
    });
    expect(searchHits(firstCard(restricted.json))).toEqual([]);
    expect(textOf(restricted.json)).toContain('Only records you can open are listed');
    const asDro = press(ws, event, card, 'onSearch', PEOPLE.dro.email, {
      searchQuery: 'CSR supplier',
    });
    expect(searchHits(firstCard(asDro.json)).map(h => h.title)).toEqual([PROJECTS.commercial]);
  });

  it('record a lesson: from a project record, seen in the next document of the series', async () => {
    const { walkthrough, ws, session } = await start('record-lesson');
    expect(session.user).toBe(PEOPLE.project.email);
    expect(Object.values(ticks(walkthrough, ws.state, session))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    const { event, card } = openDoc(ws, session, PROJECTS.businessCase);
    expect(textOf(card)).toMatch(/Lessons from PRJ-GOV-01/);
    expect(textOf(card)).toMatch(/No lessons recorded for this series yet/);
    expect(ticks(walkthrough, ws.state, session)['open-project-doc']).toBe(true);

    const form = firstCard(press(ws, event, card, 'onOpenLessonForm', session.user).json);
    const lesson = 'Name a business owner for every requirement before procurement starts.';
    // Without a stage and a lesson nothing is recorded, and nothing ticks.
    const incomplete = press(ws, event, form, 'onRecordLesson', session.user, {
      project: 'Casework System Replacement',
    });
    expect(textOf(incomplete.json)).toMatch(/Check the form/);
    expect(ticks(walkthrough, ws.state, session).record).toBe(false);
    const recorded = press(ws, event, form, 'onRecordLesson', session.user, {
      project: 'Casework System Replacement',
      stage: ['During'],
      happened: 'Requirements were signed off late: no business owner was named.',
      lesson,
      action: 'Add named business owners to the requirements template',
      owner: PEOPLE.project.email,
    });
    expect(textOf(recorded.json)).toMatch(/Lesson recorded as LES-2017-\d{6}/);
    expect(registerTab(ws.state, 'Lessons')).toEqual([
      expect.objectContaining({ Series: 'PRJ-GOV-01', Stage: 'During', Lesson: lesson }),
    ]);
    expect(ticks(walkthrough, ws.state, session)).toMatchObject({
      record: true,
      'seen-in-series': false,
    });

    const draft = openDoc(ws, session, PROJECTS.gate4Draft);
    expect(textOf(draft.card)).toMatch(/Lessons from PRJ-GOV-01/);
    expect(textOf(draft.card)).toContain(lesson);
    expect(ticks(walkthrough, ws.state, session)['seen-in-series']).toBe(true);
    session.opened.push(
      JSON.parse(ws.state.properties.script['records-capture.config']!).registerId
    );
    expect(Object.values(ticks(walkthrough, ws.state, session))).toEqual([true, true, true, true]);
  });

  it('offers Drive files of the demo for multi-select declaration', async () => {
    const { ws } = await start('declare-document');
    const invoice = idOf(ws.state, DEMO.invoice);
    const result = ws.run(
      'onDriveItemsSelected',
      driveEvent([{ id: invoice, title: DEMO.invoice, mimeType: 'application/pdf' }]),
      { user: PEOPLE.finance.email }
    );
    expect(textOf(result.json)).toMatch(/Declare record/);
  });
});

describe('the records team walkthrough, through the emulator’s API', () => {
  // A Monday in January 2026: the archive's invoices are past their destruction date, the
  // 2006 Board minutes past their 20-year transfer point.
  const NOW = Date.UTC(2026, 0, 12, 10);
  const DRO = PEOPLE.dro.email;
  const MANAGER = PEOPLE.recordsManager.email;
  const TDR_HEADER =
    'filepath,filename,date last modified,date of the record,description,former reference,' +
    'closure status,closure start date,closure period,foi exemption code,foi schedule date,' +
    'is filename closed,alternate filename,is description closed,alternate description,language,' +
    'translated filename,copyright,related material,restrictions on use,evidence provided by';
  let dataDir: string;
  let emulator: Emulator;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rc-records-team-'));
    emulator = await createEmulator({
      dataDir,
      port: 0,
      seed: seedDemo,
      walkthroughs,
      clock: () => NOW,
      reset: true,
    });
  });

  afterEach(async () => {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function call<T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(new URL(path, emulator.url), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  async function ok<T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown
  ): Promise<T> {
    const answer = await call<T>(method, path, body);
    if (answer.status !== 200) throw new Error(`${path}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async function steps(): Promise<Record<string, boolean>> {
    const list = await ok<{ id: string; steps: { id: string; done: boolean }[] }[]>(
      'GET',
      '/api/walkthroughs'
    );
    const found = list.find(w => w.id === 'records-team')!;
    return Object.fromEntries(found.steps.map(s => [s.id, s.done]));
  }

  const registerOf = () =>
    JSON.parse(emulator.workspace.state.properties.script['records-capture.config']!)
      .registerId as string;

  /** Runs the add-on in the register's Sheets sidebar, as the signed-in user. */
  async function sidebar(request: Record<string, unknown>): Promise<RunReply> {
    const reply = await ok<RunReply>('POST', '/api/run', {
      host: 'SHEETS',
      item: { id: registerOf() },
      ...request,
    });
    expect(reply.error).toBeUndefined();
    return reply;
  }

  /** Opens the register and its sidebar, allowing access first as a person would. */
  async function openRegister(): Promise<unknown> {
    await ok('GET', `/api/sheets/${registerOf()}`);
    await sidebar({ function: 'onRequestFileScope' });
    return firstCard((await sidebar({ trigger: 'homepage' })).response);
  }

  /** Presses the card's button that runs `functionName`, with the card's form as filled in. */
  async function pressOn(
    card: unknown,
    functionName: string,
    changes: Record<string, FormValue> = {},
    parameters: Record<string, string> = {}
  ): Promise<{ reply: RunReply; card: unknown; text: string }> {
    const target = allActions(card).find(
      a =>
        a.functionName === functionName &&
        Object.entries(parameters).every(([k, v]) => a.parameters[k] === v)
    );
    if (!target) throw new Error(`No ${functionName} button on: ${textOf(card)}`);
    const reply = await sidebar({
      function: functionName,
      parameters: target.parameters,
      form: { ...formValues(card), ...changes },
    });
    return { reply, card: firstCard(reply.response), text: textOf(reply.response) };
  }

  async function signIn(user: string): Promise<void> {
    await ok('POST', '/api/session', { user });
  }

  type Tab = { name: string; rows: string[][]; checkboxes: { row: number; column: number }[] };
  async function tab(name: string): Promise<Tab> {
    const view = await ok<{ tabs: Tab[] }>('GET', `/api/sheets/${registerOf()}`);
    return view.tabs.find(t => t.name === name)!;
  }

  it('is completed step by step, each step ticking as it is done', async () => {
    const session = await ok<{ user: string }>('POST', '/api/walkthroughs/records-team/restart');
    expect(session.user).toBe(DRO);
    expect(Object.values(await steps()).every(done => !done)).toBe(true);
    const state = () => emulator.workspace.state;

    // Open the register: the records team's home, with its new tabs in the sheet.
    let home = await openRegister();
    expect(textOf(home)).toMatch(/Records team[\s\S]*Refresh review queue/);
    const names = (await ok<{ tabs: Tab[] }>('GET', `/api/sheets/${registerOf()}`)).tabs.map(
      t => t.name
    );
    expect(names).toEqual(
      expect.arrayContaining(['Review queue', 'Records team', 'Legal holds', 'Disposals'])
    );
    expect(await steps()).toMatchObject({ 'open-register': true, 'refresh-queue': false });

    // Refresh the Review queue: its Select column is drawn as checkboxes.
    const refreshed = await pressOn(home, 'onRefreshReviewQueue');
    expect(refreshed.text).toMatch(/Review queue refreshed/);
    expect((await steps())['refresh-queue']).toBe(true);
    let queue = await tab('Review queue');
    const headers = queue.rows[0];
    const select = headers.indexOf('Select') + 1;
    const lineOf = (id: string) =>
      queue.rows.findIndex(r => r[headers.indexOf('Record ID')] === id) + 1;
    const minutesLine = lineOf(ARCHIVE_IDS.minutes);
    const zipLine = lineOf(ARCHIVE_IDS.responses);
    expect(minutesLine).toBeGreaterThan(1);
    expect(zipLine).toBeGreaterThan(1);
    expect(queue.checkboxes).toEqual([
      expect.objectContaining({ row: 2, column: select, checked: 'TRUE', unchecked: 'FALSE' }),
    ]);

    // Tick the two Transfer lines, as the DRO, in the sheet.
    for (const row of [minutesLine, zipLine]) {
      await ok('POST', `/api/sheets/${registerOf()}/cell`, {
        tab: 'Review queue',
        row,
        column: select,
        value: true,
      });
    }
    queue = await tab('Review queue');
    expect(queue.rows[minutesLine - 1][select - 1]).toBe('TRUE');
    expect(queue.rows[zipLine - 1][select - 1]).toBe('TRUE');

    const review = await pressOn(home, 'onOpenReview', {}, { source: 'queue' });
    expect(review.text).toMatch(/Review 2 records/);
    const selected = await pressOn(review.card, 'onRecordDecision', {}, { decision: 'transfer' });
    expect(selected.text).toMatch(/selected for transfer/);
    expect(await steps()).toMatchObject({ 'select-transfer': true, 'sensitivity-review': false });

    const form = await pressOn(selected.card, 'onOpenSensitivityReview');
    expect(form.text).toMatch(/No descriptors were recorded at declaration/);
    const saved = await pressOn(form.card, 'onSaveSensitivityReview');
    expect(saved.reply.error).toBeUndefined();
    expect((await steps())['sensitivity-review']).toBe(true);

    // The Records Manager proposes destroying the overdue invoice, and cannot also confirm it.
    await signIn(MANAGER);
    home = await openRegister();
    const invoice = await pressOn(
      home,
      'onOpenReview',
      { reviewRecordIds: [ARCHIVE_IDS.invoice] },
      { source: 'ids' }
    );
    const proposed = await pressOn(
      invoice.card,
      'onRecordDecision',
      { destroyReason: ['Retention period ended: paid invoice, no dispute'] },
      { decision: 'destroy' }
    );
    expect(proposed.text).toMatch(/proposed/i);
    expect(await steps()).toMatchObject({
      'propose-destruction': true,
      'confirm-destruction': false,
    });
    const ownConfirm = await pressOn(proposed.card, 'onConfirmDestruction');
    expect(ownConfirm.text).toMatch(/you proposed its destruction, so a different member/);
    expect((await steps())['confirm-destruction']).toBe(false);

    // The DRO, a second member and the files' owner, confirms it: certificate, file in the bin.
    await signIn(DRO);
    home = firstCard((await sidebar({ trigger: 'homepage' })).response);
    const awaiting = await pressOn(home, 'onOpenReview', {}, { source: 'proposed' });
    expect(awaiting.text).toContain(ARCHIVE_IDS.invoice);
    const confirmed = await pressOn(awaiting.card, 'onConfirmDestruction');
    expect(confirmed.text).toMatch(/destroyed/i);
    expect((await steps())['confirm-destruction']).toBe(true);
    const disposals = await tab('Disposals');
    expect(disposals.rows.some(r => r.includes(ARCHIVE_IDS.invoice))).toBe(true);

    // The held invoice cannot be destroyed.
    home = firstCard((await sidebar({ trigger: 'homepage' })).response);
    const held = await pressOn(
      home,
      'onOpenReview',
      { reviewRecordIds: [ARCHIVE_IDS.heldInvoice] },
      { source: 'ids' }
    );
    const refused = await pressOn(
      held.card,
      'onRecordDecision',
      { destroyReason: ['Retention period ended'] },
      { decision: 'destroy' }
    );
    expect(refused.text).toMatch(/on legal hold.*cannot be destroyed/);
    expect((await steps())['held']).toBe(true);

    // Build the transfer package and read its files from Drive.
    home = firstCard((await sidebar({ trigger: 'homepage' })).response);
    const transfer = await pressOn(home, 'onOpenTransfer');
    const built = await pressOn(transfer.card, 'onBuildTransferPackage');
    expect(built.text).toMatch(/The package is ready: 1 file\(s\) in it/);
    expect(await steps()).toMatchObject({ 'build-package': true, 'read-package': false });
    const [pkg] = transferPackages(state());
    const fileIn = (name: string) =>
      Object.values(state().drive).find(i => i.parents.includes(pkg.id) && i.name === name)!.id;
    const metadata = await ok<{ text: string }>(
      'GET',
      `/api/drive/file/${fileIn(PACKAGE_FILES.metadata)}/text`
    );
    expect(metadata.text.split('\r\n')[0]).toBe(TDR_HEADER);
    expect(metadata.text).toContain(ARCHIVE.minutes);
    const rejected = await ok<{ text: string }>(
      'GET',
      `/api/drive/file/${fileIn(PACKAGE_FILES.rejected)}/text`
    );
    expect(rejected.text).toContain(ARCHIVE.responses);
    expect((await steps())['read-package']).toBe(true);

    const verified = await pressOn(home, 'onVerifyAuditLog');
    expect(verified.text).toMatch(/Audit log intact/);
    expect(Object.values(await steps()).every(done => done)).toBe(true);
  });

  it('edits a cell as the signed-in user, and Sheets refuses what it would refuse', async () => {
    await ok('POST', '/api/walkthroughs/records-team/restart');
    const home = await openRegister();
    await pressOn(home, 'onRefreshReviewQueue');
    const cell = (body: unknown) => call('POST', `/api/sheets/${registerOf()}/cell`, body);
    // A checkbox takes true or false, not other text.
    expect(await cell({ tab: 'Review queue', row: 2, column: 1, value: 'maybe' })).toEqual({
      status: 403,
      body: {
        error:
          'The data you entered in cell A2 violates the data validation rules set on this cell.',
      },
    });
    // Staff can edit the shared register, but not its protected header row.
    await signIn(PEOPLE.policy.email);
    expect(await cell({ tab: 'Review queue', row: 1, column: 1, value: 'Tick' })).toEqual({
      status: 403,
      body: {
        error:
          'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      },
    });
    expect((await tab('Review queue')).rows[0][0]).toBe('Select');
    for (const bad of [
      { tab: 'Review queue', row: 0, column: 1, value: true },
      { tab: 'Review queue', row: 2, column: 1.5, value: true },
      { tab: '', row: 2, column: 1, value: true },
      { tab: 'Review queue', row: 2, column: 1, value: { d: 1 } },
      [],
    ]) {
      expect((await cell(bad)).status).toBe(400);
    }
    expect((await cell({ tab: 'No such tab', row: 2, column: 1, value: true })).status).toBe(404);
    expect(
      (
        await call('POST', '/api/sheets/no-such-file/cell', {
          tab: 'A',
          row: 1,
          column: 1,
          value: 1,
        })
      ).status
    ).toBe(404);
    // Only text files open as text.
    const pdf = Object.values(emulator.workspace.state.drive).find(
      i => i.name === ARCHIVE.invoice
    )!;
    await signIn(DRO);
    expect(await call('GET', `/api/drive/file/${pdf.id}/text`)).toEqual({
      status: 415,
      body: { error: 'This file is not a text file: the emulator shows text files only' },
    });
  });
});
