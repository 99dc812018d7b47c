import { textOf } from '../../fakes/card-service/query';
import { actionEvent, editorEvent, homepageEvent } from '../../fakes/events';
import { createSpreadsheetInState } from '../../fakes/spreadsheet/seed';
import { firstCard } from '../../fakes/form';
import { readSheet } from '../../fakes/spreadsheet/seed';
import { TABS } from '../../src/domain/register-schema';
import { SEED_FILE_PLAN } from '../../src/domain/seed';
import { sheetsAs } from '../support/direct';
import {
  ALICE,
  DRO,
  newDocument,
  newWorkspace,
  registerId,
  setUpRegister,
} from '../support/department';

describe('first run', () => {
  it('tells staff who to ask when the register is not set up, instead of failing', () => {
    const ws = newWorkspace();
    ws.state.properties.script['records-capture.administrators'] = DRO;
    const doc = newDocument(ws, ALICE, 'Minutes');
    const result = ws.run('onDocsHomepage', editorEvent('DOCS', { id: doc, title: 'Minutes' }), {
      user: ALICE,
    });
    expect(result.error).toBeUndefined();
    const text = textOf(result.json);
    expect(text).toMatch(/not set up yet/);
    expect(text).toContain(DRO);
    expect(text).not.toMatch(/Create register/);
  });

  it('offers the records administrator the setup card from any host', () => {
    const ws = newWorkspace();
    ws.state.properties.script['records-capture.administrators'] = DRO;
    for (const host of ['DRIVE', 'DOCS', 'SHEETS'] as const) {
      const result = ws.run(
        host === 'DRIVE'
          ? 'onDriveHomepage'
          : host === 'DOCS'
            ? 'onDocsHomepage'
            : 'onSheetsHomepage',
        homepageEvent(host),
        { user: DRO }
      );
      expect(textOf(result.json)).toMatch(/Create register/);
    }
  });

  it('creates the register with its tabs, protected frozen headers, validation, date formats and seed data', () => {
    const ws = newWorkspace();
    const result = setUpRegister(ws);
    expect(textOf(result.json)).toMatch(/Room for about/);
    const id = registerId(ws);
    const spreadsheet = ws.state.spreadsheets[id];
    const names = spreadsheet.sheets.map(s => s.name);
    expect(names).toEqual([
      'Register',
      'Review queue',
      'Dashboard',
      'Lessons',
      'File plan',
      'Retention schedules',
      'Business units',
      'Records team',
      'Suggestion rules',
      'Legal holds',
      'Disposals',
      'Leaver sweep',
      'Audit log',
      'Settings',
    ]);
    // The administrator who set the register up is the first member of the records team.
    expect(readSheet(ws.state, id, 'Records team')[1].slice(0, 4)).toEqual([
      DRO,
      '',
      'Records manager',
      'Yes',
    ]);
    for (const tab of Object.values(TABS)) {
      const sheet = spreadsheet.sheets.find(s => s.name === tab.name)!;
      expect(readSheet(ws.state, id, tab.name)[0].slice(0, tab.columns.length)).toEqual(
        tab.columns.map(c => c.header)
      );
      expect(sheet.frozenRows).toBe(1);
      // Staff cannot retype a header (the add-on finds columns by them); the DRO can.
      expect(() =>
        sheetsAs(ws, ALICE)
          .openById(id)
          .getSheetByName(tab.name)!
          .getRange(1, 1)
          .setValue('Renamed')
      ).toThrow(/protected/);
      expect(() =>
        sheetsAs(ws, ALICE).openById(id).getSheetByName(tab.name)!.getRange(2, 1, 1, 1).getValues()
      ).not.toThrow();
    }
    sheetsAs(ws, DRO).openById(id).getSheetByName('Register')!.getRange(1, 1).setValue('Record ID');
    const register = spreadsheet.sheets.find(s => s.name === 'Register')!;
    const classification = TABS.register.columns.findIndex(c => c.key === 'classification');
    expect(
      register.validations.some(
        v =>
          v.column === classification &&
          v.rule.args.some(a => JSON.stringify(a).includes('OFFICIAL-SENSITIVE'))
      )
    ).toBe(true);
    const declaredAt = TABS.register.columns.findIndex(c => c.key === 'declaredAt');
    expect(register.columnFormats[declaredAt] ?? '').toMatch(/yyyy-mm-dd hh:mm/);
    const plan = readSheet(ws.state, id, 'File plan');
    expect(plan.length - 1).toBe(SEED_FILE_PLAN.length);
    expect(spreadsheet.sheets.find(s => s.name === 'Settings')!.hidden).toBe(true);
  });

  it('shares one configuration with every user of the deployment', () => {
    const ws = newWorkspace();
    setUpRegister(ws);
    const doc = newDocument(ws, ALICE, 'Minutes');
    const result = ws.run('onDocsHomepage', editorEvent('DOCS', { id: doc, title: 'Minutes' }), {
      user: ALICE,
    });
    expect(textOf(firstCard(result.json))).toMatch(/Declare record/);
  });

  it('refuses setup by someone who is not a records administrator', () => {
    const ws = newWorkspace();
    ws.state.properties.script['records-capture.administrators'] = DRO;
    const result = ws.run(
      'onCreateRegister',
      { commonEventObject: { hostApp: 'DRIVE', platform: 'WEB', formInputs: {} } },
      { user: ALICE }
    );
    expect(textOf(result.json)).toMatch(/Only the records administrators/);
    expect(ws.state.properties.script['records-capture.config']).toBeUndefined();
  });
});

describe('linking an existing register', () => {
  const link = (ws: ReturnType<typeof newWorkspace>, url: string) =>
    ws.run('onLinkRegister', actionEvent(homepageEvent('DRIVE'), {}, { registerUrl: url }), {
      user: DRO,
    });

  it('links a register by its URL after checking its tabs, columns and records folder', () => {
    const ws = newWorkspace();
    setUpRegister(ws);
    const id = registerId(ws);
    const url = `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`;
    // A new deployment of the add-on, with the same register.
    delete ws.state.properties.script['records-capture.config'];
    const result = link(ws, url);
    expect(textOf(result.json)).toMatch(/Register linked/);
    expect(registerId(ws)).toBe(id);
    const doc = newDocument(ws, ALICE, 'Minutes');
    expect(
      textOf(
        ws.run('onDocsHomepage', editorEvent('DOCS', { id: doc, title: 'Minutes' }), {
          user: ALICE,
        }).json
      )
    ).toMatch(/Declare record/);
  });

  it('refuses an address that is not a spreadsheet, or a spreadsheet that is not a register', () => {
    const ws = newWorkspace();
    ws.state.properties.script['records-capture.administrators'] = DRO;
    expect(textOf(link(ws, 'https://example.gov.uk/register').json)).toMatch(
      /not a Google Sheets address/
    );
    const other = createSpreadsheetInState(ws.state, { owner: DRO, name: 'Team budget' });
    expect(textOf(link(ws, `https://docs.google.com/spreadsheets/d/${other}/edit`).json)).toMatch(
      /no tab named "Register"/
    );
    expect(ws.state.properties.script['records-capture.config']).toBeUndefined();
  });
});
