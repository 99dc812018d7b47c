import { allActions, textOf } from '../../fakes/card-service/query';
import { createFolderInState } from '../../fakes/drive/seed';
import { createSpreadsheetInState } from '../../fakes/spreadsheet/seed';
import { actionEvent, driveEvent, editorEvent } from '../../fakes/events';
import { firstCard, formValues } from '../../fakes/form';
import {
  ALICE,
  department,
  invoices,
  newDocument,
  press,
  registerRows,
} from '../support/department';

const INVOICES = { series: ['FIN-ACC-01'], businessUnit: ['FCE'] };

describe('declaring files selected in Drive', () => {
  it('marks file names, files them and registers fifty files with one register write', () => {
    const ws = department();
    const files = invoices(ws, ALICE, 50);
    const event = driveEvent(files);
    const card = firstCard(ws.run('onDriveItemsSelected', event, { user: ALICE }).json);
    expect(textOf(card)).toMatch(/Declare 50 records/);
    const result = press(ws, event, card, 'onDeclare', ALICE, INVOICES);
    expect(textOf(result.json)).toMatch(/Declared 50 records/);
    expect(result.counts.byKey['SpreadsheetApp.Range.setValues']).toBe(2); // the register rows, then the audit rows
    const rows = registerRows(ws);
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map(r => r['Record ID'])).size).toBe(50);
    expect(rows.every(r => r.Filing === 'Complete' && r['Record type'] === 'PDF')).toBe(true);
    expect(registerRows(ws, 'Audit log')).toHaveLength(50);
    const first = ws.state.drive[files[0].id];
    expect(first.name).toBe('[OFFICIAL] Invoice DfRR-2016-17-00417.pdf');
    expect(first.description).toMatch(
      /^OFFICIAL \| Record, series FIN-ACC-01 \| Declared 2017-01-02 by alice@dfrr.gov.uk/
    );
    expect(rows[0].Title).toBe('Invoice DfRR-2016-17-00417.pdf');
    expect(rows[0]['Checksum (SHA-256)']).toMatch(/^[0-9a-f]{64}$/);
    expect(ws.state.drive[first.parents[0]].name).toMatch(/^FIN-ACC-01 /);
  });

  it('keeps a long selection out of the button and says so when it has expired', () => {
    const ws = department();
    const files = invoices(ws, ALICE, 20);
    const event = driveEvent(files);
    const card = firstCard(ws.run('onDriveItemsSelected', event, { user: ALICE }).json);
    const declare = allActions(card).find(a => a.functionName === 'onDeclare')!;
    expect(Object.keys(declare.parameters).sort()).toEqual(['host', 'selection']);
    expect(JSON.stringify(declare.parameters).length).toBeLessThan(200);
    ws.state.cache.user[ALICE] = {}; // the cache is best-effort: the entry may be evicted
    const result = press(ws, event, card, 'onDeclare', ALICE, INVOICES);
    expect(textOf(result.json)).toMatch(/This form has expired. Select the files again/);
    expect(registerRows(ws)).toHaveLength(0);
  });

  it('suggests the series of the folder the files are in', () => {
    const ws = department();
    const [one] = invoices(ws, ALICE, 1);
    const first = driveEvent([one]);
    press(
      ws,
      first,
      firstCard(ws.run('onDriveItemsSelected', first, { user: ALICE }).json),
      'onDeclare',
      ALICE,
      INVOICES
    );
    const seriesFolder = ws.state.drive[one.id].parents[0];
    // Bob's file sits in the series folder already; he has never declared anything.
    const [theirs] = invoices(ws, ALICE, 1, seriesFolder);
    const card = firstCard(
      ws.run('onDriveItemsSelected', driveEvent([theirs]), { user: ALICE }).json
    );
    expect(JSON.stringify(card)).toContain('"value":"FIN-ACC-01","selected":true');
  });

  it('says folders are not records', () => {
    const ws = department();
    const folder = createFolderInState(ws.state, { owner: ALICE, name: 'Payments 2016-17' });
    const result = ws.run(
      'onDriveItemsSelected',
      driveEvent([
        { id: folder, title: 'Payments 2016-17', mimeType: 'application/vnd.google-apps.folder' },
      ]),
      { user: ALICE }
    );
    expect(textOf(result.json)).toMatch(/Folders cannot be declared records/);
  });

  it('registers everything even when time runs short, and finishes the filing when asked', () => {
    const ws = department();
    const files = invoices(ws, ALICE, 3);
    const event = driveEvent(files);
    const card = firstCard(ws.run('onDriveItemsSelected', event, { user: ALICE }).json);
    const action = allActions(card).find(a => a.functionName === 'onDeclare')!;
    // Each Drive update is slow today: the third file is not reached within the filing budget.
    const slow = {
      key: 'Drive.Files.update',
      run: (_key: string, execution: { advance(ms: number): void }) => execution.advance(11_000),
    };
    const result = ws.run(
      'onDeclare',
      actionEvent(event, action.parameters, { ...formValues(card), ...INVOICES }),
      { user: ALICE, hooks: [slow] }
    );
    expect(result.error).toBeUndefined();
    const rows = registerRows(ws);
    expect(rows).toHaveLength(3);
    expect(rows.filter(r => String(r.Filing).startsWith('Pending'))).toHaveLength(1);
    expect(textOf(result.json)).toMatch(/1 of 3 are registered but not yet marked and filed/);
    const finish = press(ws, event, firstCard(result.json), 'onFinishFiling', ALICE);
    expect(textOf(finish.json)).toMatch(/Filing finished for 1/);
    expect(registerRows(ws).every(r => r.Filing === 'Complete')).toBe(true);
    expect(registerRows(ws, 'Audit log').map(r => r.Action)).toEqual([
      'Declared',
      'Declared',
      'Declared',
      'Filing finished',
    ]);
    expect(ws.state.drive[files[2].id].name).toMatch(/^\[OFFICIAL\] /);
  });
});

describe('declaring a Google Sheet from the Sheets sidebar', () => {
  it('asks for access to the open spreadsheet first, as Sheets requires', () => {
    const ws = department();
    const id = createSpreadsheetInState(ws.state, { owner: ALICE, name: 'Budget 2017-18' });
    const event = editorEvent('SHEETS', { id, title: 'Budget 2017-18' }, false);
    const card = firstCard(ws.run('onSheetsHomepage', event, { user: ALICE }).json);
    expect(textOf(card)).toMatch(/needs your permission/);
    const grant = press(ws, event, card, 'onRequestFileScope', ALICE);
    expect(grant.json).toEqual({
      editorFileScopeRequest: { requestFileScopeForActiveDocument: true },
    });
    const granted = ws.run(
      'onSheetsFileScopeGranted',
      editorEvent('SHEETS', { id, title: 'Budget 2017-18' }),
      { user: ALICE }
    );
    expect(textOf(granted.json)).toMatch(/Declare record/);
  });

  it('marks the file name and description, keeping the original title in the register', () => {
    const ws = department();
    const id = createSpreadsheetInState(ws.state, { owner: ALICE, name: 'Budget 2017-18' });
    const event = editorEvent('SHEETS', { id, title: 'Budget 2017-18' });
    const card = firstCard(ws.run('onSheetsHomepage', event, { user: ALICE }).json);
    press(ws, event, card, 'onDeclare', ALICE, {
      series: ['FIN-BUD-01'],
      businessUnit: ['FCE'],
      classification: ['OFFICIAL-SENSITIVE'],
      descriptors: ['COMMERCIAL'],
    });
    expect(ws.state.drive[id].name).toBe('[OFFICIAL-SENSITIVE - COMMERCIAL] Budget 2017-18');
    expect(ws.state.drive[id].description).toMatch(
      /^OFFICIAL-SENSITIVE - COMMERCIAL \| Record, series FIN-BUD-01/
    );
    expect(registerRows(ws)[0]).toMatchObject({
      Title: 'Budget 2017-18',
      'Original title': 'Budget 2017-18',
      'Record type': 'Spreadsheet',
      Marking: 'OFFICIAL-SENSITIVE - COMMERCIAL',
    });
  });

  it('re-marks a document rather than adding a second marking line', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Note', ['Note'], {
      header: ['OFFICIAL', 'Department for Regional Resilience'],
    });
    const event = editorEvent('DOCS', { id: doc, title: 'Note' });
    const card = firstCard(ws.run('onDocsHomepage', event, { user: ALICE }).json);
    press(ws, event, card, 'onDeclare', ALICE, {
      series: ['POL-DEV-01'],
      businessUnit: ['PPD'],
      classification: ['OFFICIAL-SENSITIVE'],
      handlingInstructions: ['RECIPIENTS ONLY'],
    });
    expect(ws.state.documents[doc].header?.map(p => p.text)).toEqual([
      'OFFICIAL-SENSITIVE RECIPIENTS ONLY',
      'Department for Regional Resilience',
    ]);
  });
});
