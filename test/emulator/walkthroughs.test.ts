// Each trainer walkthrough starts from its own clean state, and doing what its steps say
// (through the add-on, as a trainee would) ticks every step.
import { textOf } from '../../fakes/card-service/query';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { driveEvent, editorEvent } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import { Workspace } from '../../fakes/harness/workspace';
import { DEMO, PEOPLE, seedDemo } from '../../emulator/demo';
import type { TrainerSession, Walkthrough } from '../../emulator/walkthrough-types';
import { registerRowFor, walkthroughs } from '../../emulator/walkthroughs';
import { press } from '../support/department';

function start(id: string): { walkthrough: Walkthrough; ws: Workspace; session: TrainerSession } {
  const walkthrough = walkthroughs().find(w => w.id === id)!;
  const state = createWorkspaceState();
  walkthrough.seed(state);
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
  it('seeds a department where nothing is declared yet and the register is not set up', () => {
    const state = createWorkspaceState();
    seedDemo(state);
    expect(Object.keys(state.users)).toContain(PEOPLE.dro.email);
    expect(state.properties.script['records-capture.config']).toBeUndefined();
    expect(Object.values(state.documents).length).toBeGreaterThanOrEqual(8);
  });

  it('declare a document: open, declare, see the marking, see it filed', () => {
    const { walkthrough, ws, session } = start('declare-document');
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

  it('why SECRET is refused: both refusals are seen, nothing reaches the register', () => {
    const { walkthrough, ws, session } = start('secret-refused');
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

  it('OFFICIAL-SENSITIVE personal data: marked, registered with its descriptor, kept in place', () => {
    const { walkthrough, ws, session } = start('official-sensitive');
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

  it('find a record: the seeded register already holds the board papers', () => {
    const { walkthrough, ws, session } = start('find-record');
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

  it('offers Drive files of the demo for multi-select declaration', () => {
    const { ws } = start('declare-document');
    const invoice = idOf(ws.state, DEMO.invoice);
    const result = ws.run(
      'onDriveItemsSelected',
      driveEvent([{ id: invoice, title: DEMO.invoice, mimeType: 'application/pdf' }]),
      { user: PEOPLE.finance.email }
    );
    expect(textOf(result.json)).toMatch(/Declare record/);
  });
});
