// Each trainer walkthrough starts from its own clean state, and doing what its steps say
// (through the add-on, as a trainee would) ticks every step.
import { textOf } from '../../fakes/card-service/query';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { driveEvent, editorEvent, gmailEvent, homepageEvent } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import { Workspace } from '../../fakes/harness/workspace';
import { DEMO, MAIL, PEOPLE, seedDemo } from '../../emulator/demo';
import type { TrainerSession, Walkthrough } from '../../emulator/walkthrough-types';
import {
  CAPTURED_LABEL,
  registerRowFor,
  registerRowWhere,
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
