import { actionEvent } from '../../fakes/events';
import { allActions } from '../../fakes/card-service/query';
import { formValues } from '../../fakes/form';
import type { Opened } from '../support/department';
import type { FormValue } from '../../fakes/events';

import { findInput, textOf } from '../../fakes/card-service/query';
import { firstCard } from '../../fakes/form';
import {
  ALICE,
  BOB,
  declareDoc,
  newDocument,
  openDoc,
  press,
  registerRows,
  TYPICAL,
  department,
} from '../support/department';

describe('declaring a Google Doc from the Docs sidebar', () => {
  it('marks the header and footer, files it, and writes one register row and one audit row', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Submission to SoS: allocation options', [
      'Options for the grant.',
    ]);
    const result = declareDoc(ws, ALICE, doc, TYPICAL);
    expect(result.error).toBeUndefined();
    expect(textOf(result.json)).toMatch(/Declared as REC-2017-000001/);

    const document = ws.state.documents[doc];
    expect(document.header?.[0].text).toBe('OFFICIAL');
    expect(document.footer?.[document.footer.length - 1].text).toBe('OFFICIAL');

    const [row] = registerRows(ws);
    expect(row).toMatchObject({
      'Record ID': 'REC-2017-000001',
      'File ID': doc,
      Title: 'Submission to SoS: allocation options',
      'Record type': 'Document',
      Series: 'POL-DEV-01',
      Function: 'POL',
      'Business unit': 'PPD',
      Classification: 'OFFICIAL',
      Marking: 'OFFICIAL',
      'Declared by': ALICE,
      'Retention schedule': 'R-POL',
      'Disposal action': 'Review',
      'Lifecycle state': 'Declared',
      Filing: 'Complete',
      Locked: 'No',
    });
    const folder = ws.state.drive[doc].parents[0];
    expect(ws.state.drive[folder].name).toBe(
      'POL-DEV-01 Policy development files (evidence, options, submissions, decisions)'
    );
    expect(row['Folder ID']).toBe(folder);

    const audit = registerRows(ws, 'Audit log');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      Actor: ALICE,
      Action: 'Declared',
      'Record ID': 'REC-2017-000001',
      'File ID': doc,
    });
  });

  it('computes the disposal and 20-year transfer dates from the date of the record', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'ExCo minutes, 14 Feb 2017');
    declareDoc(ws, ALICE, doc, {
      series: ['GOV-BRD-01'],
      businessUnit: ['BGS'],
      recordDate: { date: Date.UTC(2016, 11, 14) },
    });
    const [row] = registerRows(ws);
    expect((row['Date of the record'] as Date).toISOString().slice(0, 10)).toBe('2016-12-14');
    expect((row['Disposal due'] as Date).toISOString().slice(0, 10)).toBe('2021-12-14');
    expect((row['20-year transfer due'] as Date).toISOString().slice(0, 10)).toBe('2036-12-14');
  });

  it('pre-fills the form so the next declaration is two clicks: marking from the document, series and unit remembered', () => {
    const ws = department();
    const first = newDocument(ws, ALICE, 'Grant options');
    declareDoc(ws, ALICE, first, TYPICAL);
    const second = newDocument(ws, ALICE, 'Personal case notes', ['Case notes'], {
      header: ['OFFICIAL-SENSITIVE - PERSONAL DATA'],
    });
    const { card } = openDoc(ws, ALICE, second);
    const selected = (name: string) =>
      (findInput(card, name) as { items: { value: string; selected: boolean }[] }).items
        .filter(i => i.selected)
        .map(i => i.value);
    expect(selected('classification')).toEqual(['OFFICIAL-SENSITIVE']);
    expect(selected('descriptors')).toEqual(['PERSONAL DATA']);
    expect(selected('series')).toEqual(['POL-DEV-01']);
    expect(selected('businessUnit')).toEqual(['PPD']);
    // Pressing Declare without touching anything is enough.
    const opened = openDoc(ws, ALICE, second);
    const result = press(ws, opened.event, opened.card, 'onDeclare', ALICE);
    expect(textOf(result.json)).toMatch(/Declared as REC-2017-000002/);
    expect(registerRows(ws)[1]).toMatchObject({
      Classification: 'OFFICIAL-SENSITIVE',
      Descriptors: 'PERSONAL DATA',
      Marking: 'OFFICIAL-SENSITIVE - PERSONAL DATA',
    });
    expect(ws.state.documents[second].header?.map(p => p.text)).toEqual([
      'OFFICIAL-SENSITIVE - PERSONAL DATA',
    ]);
  });

  it('shows what is missing before it submits, and keeps what the user chose', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Minutes');
    const result = declareDoc(ws, ALICE, doc, { description: ['Minutes of the weekly meeting'] });
    const text = textOf(result.json);
    expect(text).toMatch(/Choose the file-plan series/);
    expect(text).toMatch(/Choose your business unit/);
    expect((findInput(firstCard(result.json), 'description') as { value?: string }).value).toBe(
      'Minutes of the weekly meeting'
    );
    expect(registerRows(ws)).toHaveLength(0);
  });

  it('shows the record instead of the form once declared, and never writes a second row', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Minutes', ['Minutes'], { editors: [BOB] });
    const opened = openDoc(ws, ALICE, doc);
    press(ws, opened.event, opened.card, 'onDeclare', ALICE, TYPICAL);
    // The same (stale) form submitted again, by the same person or someone else.
    const again = press(ws, opened.event, opened.card, 'onDeclare', BOB, TYPICAL);
    expect(textOf(again.json)).toMatch(/Already a record/);
    expect(registerRows(ws)).toHaveLength(1);
    const sidebar = openDoc(ws, BOB, doc);
    const text = textOf(sidebar.card);
    expect(text).toMatch(/REC-2017-000001/);
    expect(text).toContain(ALICE);
    expect(text).not.toMatch(/Declare record/);
  });

  it('lets only one of two simultaneous declarations write, with unique record ids', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Minutes', ['Minutes'], { editors: [BOB] });
    const other = newDocument(ws, BOB, 'Budget note');
    const alice = openDoc(ws, ALICE, doc);
    const bob = openDoc(ws, BOB, other);
    const bobOnSameDoc = openDoc(ws, BOB, doc);
    let interleaved: string | undefined;
    // While Alice's execution waits for the lock, Bob declares his document and hers.
    const result = ws.run('onDeclare', actionEventFrom(alice, TYPICAL), {
      user: ALICE,
      hooks: [
        {
          key: 'LockService.Lock.tryLock',
          once: true,
          run: () => {
            interleaved = textOf(press(ws, bob.event, bob.card, 'onDeclare', BOB, TYPICAL).json);
            press(ws, bobOnSameDoc.event, bobOnSameDoc.card, 'onDeclare', BOB, TYPICAL);
          },
        },
      ],
    });
    expect(interleaved).toMatch(/Declared as REC-2017-000001/);
    expect(textOf(result.json)).toMatch(/Already a record|Already records/);
    const rows = registerRows(ws);
    expect(rows.map(r => r['Record ID'])).toEqual(['REC-2017-000001', 'REC-2017-000002']);
    expect(new Set(rows.map(r => r['File ID']))).toEqual(new Set([doc, other]));
  });

  it('locks the record read-only when asked, and logs it', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Final report');
    declareDoc(ws, ALICE, doc, { ...TYPICAL, lock: ['yes'] });
    expect(ws.state.drive[doc].contentRestrictions[0]).toMatchObject({
      readOnly: true,
      restrictingUser: ALICE,
    });
    expect(registerRows(ws)[0]).toMatchObject({ Locked: 'Yes' });
    expect(String(registerRows(ws, 'Audit log')[0].Details)).toMatch(/locked read-only/);
  });
});

function actionEventFrom(opened: Opened, changes: Record<string, FormValue>) {
  const action = allActions(opened.card).find(a => a.functionName === 'onDeclare')!;
  return actionEvent(opened.event, action.parameters, { ...formValues(opened.card), ...changes });
}
