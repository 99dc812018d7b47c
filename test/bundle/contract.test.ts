// The built bundle, loaded with gas-local into a context holding only the fakes, exposes every
// function Apps Script will call: the manifest's triggers and every action a card can run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allActions } from '../../fakes/card-service/query';
import { createFileInState } from '../../fakes/drive/seed';
import { driveEvent, editorEvent, homepageEvent } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import { BUILD_DIR } from '../../fakes/harness/workspace';
import {
  ALICE,
  declareDoc,
  DRO,
  newDocument,
  newWorkspace,
  openDoc,
  press,
  setUpRegister,
  TYPICAL,
} from '../support/department';

const manifest = JSON.parse(readFileSync(join(BUILD_DIR, 'appsscript.json'), 'utf8'));

function manifestFunctions(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(manifestFunctions);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    (key === 'runFunction' || key === 'onTriggerFunction') && typeof v === 'string'
      ? [v]
      : manifestFunctions(v)
  );
}

describe('the built bundle', () => {
  const ws = newWorkspace();
  const names = ws.functionNames();

  it('defines every function the manifest names as a top-level function', () => {
    const wanted = manifestFunctions(manifest.addOns);
    expect(wanted.length).toBeGreaterThanOrEqual(8);
    for (const name of wanted) expect(names).toContain(name);
  });

  it('defines every action function reachable from the cards it renders', () => {
    const reached = new Set<string>();
    const collect = (json: unknown) => allActions(json).forEach(a => reached.add(a.functionName));
    ws.state.properties.script['records-capture.administrators'] = DRO;
    collect(ws.run('onHomepage', homepageEvent('DRIVE'), { user: DRO }).json); // setup card
    collect(
      ws.run('onDocsHomepage', editorEvent('DOCS', { id: 'x', title: 'x' }, false), { user: ALICE })
        .json
    );
    setUpRegister(ws);
    collect(ws.run('onHomepage', homepageEvent('DOCS'), { user: DRO }).json); // register card
    const doc = newDocument(ws, ALICE, 'Note');
    collect(
      ws.run('onDocsHomepage', editorEvent('DOCS', { id: doc, title: 'Note' }, false), {
        user: ALICE,
      }).json
    ); // grant card
    const opened = openDoc(ws, ALICE, doc);
    collect(opened.card); // declare card
    collect(press(ws, opened.event, opened.card, 'onDeclare', ALICE, TYPICAL).json); // outcome card
    collect(openDoc(ws, ALICE, doc).card); // record card
    const file = createFileInState(ws.state, {
      owner: ALICE,
      name: 'a.pdf',
      mimeType: 'application/pdf',
      content: 'x',
    });
    collect(
      ws.run(
        'onDriveItemsSelected',
        driveEvent([{ id: file, title: 'a.pdf', mimeType: 'application/pdf' }]),
        { user: ALICE }
      ).json
    );
    declareDoc(ws, ALICE, newDocument(ws, ALICE, 'Another'), TYPICAL);
    expect([...reached].sort()).toEqual(
      expect.arrayContaining([
        'onCreateRegister',
        'onDeclare',
        'onLinkRegister',
        'onReloadReferenceData',
        'onRequestFileScope',
      ])
    );
    for (const name of reached) expect(names).toContain(name);
  });

  it('answers every manifest trigger with cards, not an exception, before and after setup', () => {
    const fresh = newWorkspace();
    const events: Record<string, unknown> = {
      onHomepage: homepageEvent('DRIVE'),
      onDocsHomepage: editorEvent('DOCS', { id: 'unknown', title: 'x' }, false),
      onSheetsHomepage: editorEvent('SHEETS', { id: 'unknown', title: 'x' }, false),
      onDocsFileScopeGranted: editorEvent('DOCS', { id: 'unknown', title: 'x' }),
      onSheetsFileScopeGranted: editorEvent('SHEETS', { id: 'unknown', title: 'x' }),
      onDriveHomepage: homepageEvent('DRIVE'),
      onDriveItemsSelected: driveEvent([]),
      onShowRegister: homepageEvent('DRIVE'),
      onGmailHomepage: homepageEvent('GMAIL'),
      onGmailMessage: homepageEvent('GMAIL'),
    };
    for (const [name, event] of Object.entries(events)) {
      const before = fresh.run(name, event, { user: ALICE });
      expect(before.error).toBeUndefined();
      expect(firstCard(before.json)).not.toBeNull();
    }
    setUpRegister(fresh);
    for (const [name, event] of Object.entries(events)) {
      const after = fresh.run(name, event, { user: ALICE });
      expect(after.error).toBeUndefined();
      expect(firstCard(after.json)).not.toBeNull();
    }
  });

  it('has no global other than its entry points and its namespace, and touches no service when loaded', () => {
    const source = readFileSync(join(BUILD_DIR, 'Code.js'), 'utf8');
    const topLevel = [
      ...source.matchAll(/^(?:function|var|let|const|class) ([A-Za-z_$][\w$]*)/gm),
    ].map(m => m[1]);
    expect(topLevel.sort()).toEqual(['RecordsCapture', ...names].sort());
  });
});
