import { textOf } from '../../fakes/card-service/query';
import { sheetsAs } from '../support/direct';
import {
  ALICE,
  BOB,
  declareDoc,
  newDocument,
  OUTSIDER,
  openDoc,
  press,
  registerId,
  registerRows,
  TYPICAL,
  department,
} from '../support/department';

describe('SECRET, TOP SECRET and legacy markings', () => {
  it('refuses a document marked SECRET and says where such material belongs', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Threat assessment', ['Assessment'], { header: ['SECRET'] });
    const { card, result } = openDoc(ws, ALICE, doc);
    const text = textOf(card);
    expect(result.log).toContain(`WARNING Refused SECRET item ${doc}`);
    expect(text).toMatch(/Cannot be declared/);
    expect(text).toMatch(/SECRET marking and cannot be held here/);
    expect(text).toMatch(/Rosa/);
    expect(text).not.toMatch(/Declare record/);
    expect(registerRows(ws)).toHaveLength(0);
  });

  it('refuses SECRET or TOP SECRET chosen on the form, writing nothing', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Briefing');
    for (const level of ['SECRET', 'TOP SECRET']) {
      const result = declareDoc(ws, ALICE, doc, { ...TYPICAL, classification: [level] });
      expect(textOf(result.json)).toMatch(new RegExp(`${level} cannot be declared here`));
    }
    expect(registerRows(ws)).toHaveLength(0);
    expect(ws.state.documents[doc].header).toBeNull();
  });

  it('flags a legacy RESTRICTED marking, re-marks it and notes it in the register', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Old policy file', ['Text'], { header: ['RESTRICTED'] });
    expect(textOf(openDoc(ws, ALICE, doc).card)).toMatch(/old marking RESTRICTED/);
    declareDoc(ws, ALICE, doc, TYPICAL);
    expect(ws.state.documents[doc].header?.[0].text).toBe('OFFICIAL');
    expect(String(registerRows(ws)[0].Notes)).toMatch(
      /Legacy marking RESTRICTED found and re-marked/
    );
  });
});

describe('OFFICIAL-SENSITIVE sharing', () => {
  it('will not declare OFFICIAL-SENSITIVE shared with anyone with the link until the sharing is fixed', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Casework', ['Case'], {
      header: ['OFFICIAL-SENSITIVE - PERSONAL DATA'],
    });
    ws.state.drive[doc].sharingAccess = 'ANYONE_WITH_LINK';
    ws.state.drive[doc].sharingPermission = 'VIEW';
    const opened = openDoc(ws, ALICE, doc);
    expect(textOf(opened.card)).toMatch(/anyone with the link can open it/);
    expect(registerRows(ws)).toHaveLength(0);

    ws.state.drive[doc].sharingAccess = 'PRIVATE';
    const fixed = openDoc(ws, ALICE, doc);
    const result = press(ws, fixed.event, fixed.card, 'onDeclare', ALICE, TYPICAL);
    expect(textOf(result.json)).toMatch(/Declared as/);
  });

  it('will not declare OFFICIAL-SENSITIVE shared outside the department', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Contract notes', ['Notes'], { editors: [OUTSIDER] });
    const result = declareDoc(ws, ALICE, doc, {
      ...TYPICAL,
      classification: ['OFFICIAL-SENSITIVE'],
      descriptors: ['COMMERCIAL'],
    });
    expect(textOf(result.json)).toMatch(/shared outside the department with pat@example.com/);
    expect(registerRows(ws)).toHaveLength(0);
  });

  it('keeps an OFFICIAL-SENSITIVE record in place with its own sharing and puts a shortcut in the series folder', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Personnel case', ['Case'], {
      header: ['OFFICIAL-SENSITIVE - PERSONAL DATA'],
    });
    const before = [...ws.state.drive[doc].parents];
    declareDoc(ws, ALICE, doc, { series: ['HRM-PER-01'], businessUnit: ['PCP'] });
    expect(ws.state.drive[doc].parents).toEqual(before);
    const row = registerRows(ws)[0];
    const shortcut = Object.values(ws.state.drive).find(
      i => i.mimeType === 'application/vnd.google-apps.shortcut'
    );
    expect(shortcut?.parents).toEqual([row['Folder ID']]);
    expect(String(row.Filing)).toMatch(/kept in place/);
  });

  it('never makes a second shortcut when an OFFICIAL-SENSITIVE declaration is repeated', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Personnel case', ['Case'], {
      header: ['OFFICIAL-SENSITIVE - PERSONAL DATA'],
    });
    const opened = openDoc(ws, ALICE, doc);
    const form = { series: ['HRM-PER-01'], businessUnit: ['PCP'] };
    ws.state.faults.push({
      key: 'SpreadsheetApp.Range.setValues',
      message: 'Service invoked too many times for one day: spreadsheets.',
      skip: 0,
      times: 1,
    });
    expect(textOf(press(ws, opened.event, opened.card, 'onDeclare', ALICE, form).json)).toMatch(
      /declaring them again is safe/
    );
    expect(textOf(press(ws, opened.event, opened.card, 'onDeclare', ALICE, form).json)).toMatch(
      /Declared as/
    );
    const shortcuts = Object.values(ws.state.drive).filter(
      i => i.mimeType === 'application/vnd.google-apps.shortcut'
    );
    expect(shortcuts).toHaveLength(1);
    expect(registerRows(ws)).toHaveLength(1);
  });
});

describe('user text is stored as text', () => {
  it('keeps titles that look like formulas, numbers or right-to-left text exactly as they are', () => {
    const ws = department();
    const titles = [
      '=HYPERLINK("http://evil.example","click")',
      '+44 20 7946 0000',
      '-SUM(A1)',
      '@everyone',
      'تقرير الميزانية',
    ];
    for (const title of titles) declareDoc(ws, ALICE, newDocument(ws, ALICE, title), TYPICAL);
    expect(registerRows(ws).map(r => r.Title)).toEqual(titles);
    const sheet = ws.state.spreadsheets[registerId(ws)].sheets[0];
    expect(JSON.stringify(sheet.rows)).not.toMatch(/"f":/);
  });

  it('cuts an over-long title to the cell limit and says so', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'x'.repeat(60_000));
    const result = declareDoc(ws, ALICE, doc, TYPICAL);
    expect(textOf(result.json)).toMatch(
      /too long for one register cell and was cut \(Title, Original title\)/
    );
    expect(String(registerRows(ws)[0].Title).length).toBeLessThanOrEqual(50_000);
  });
});

describe('failures leave nothing half-written', () => {
  it('explains a file in the bin or deleted', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Draft');
    ws.state.drive[doc].trashed = true;
    expect(textOf(openDoc(ws, ALICE, doc).card)).toMatch(/in the bin/);
    const gone = newDocument(ws, ALICE, 'Gone');
    const opened = openDoc(ws, ALICE, gone);
    delete ws.state.drive[gone];
    delete ws.state.documents[gone];
    const result = press(ws, opened.event, opened.card, 'onDeclare', ALICE, TYPICAL);
    expect(textOf(result.json)).toMatch(/no longer exists, or you no longer have access/);
    expect(registerRows(ws)).toHaveLength(0);
  });

  it('tells a user without edit access to the register, before touching the document', () => {
    const ws = department();
    const id = registerId(ws);
    ws.state.drive[id].sharingPermission = 'VIEW';
    ws.state.drive[ws.state.drive[id].parents[0]].sharingPermission = 'VIEW';
    const doc = newDocument(ws, BOB, 'Note');
    const result = declareDoc(ws, BOB, doc, TYPICAL);
    expect(textOf(result.json)).toMatch(/cannot add to it: your account needs edit access/);
    expect(ws.state.documents[doc].header).toBeNull();
    expect(registerRows(ws)).toHaveLength(0);
  });

  it('names a renamed register tab or a missing column instead of writing in the wrong place', () => {
    const ws = department();
    const id = registerId(ws);
    const doc = newDocument(ws, ALICE, 'Note');
    sheetsAs(ws, 'dro@dfrr.gov.uk').openById(id).getSheetByName('Audit log')!.setName('Audit');
    expect(textOf(declareDoc(ws, ALICE, doc, TYPICAL).json)).toMatch(/no tab named "Audit log"/);
    sheetsAs(ws, 'dro@dfrr.gov.uk').openById(id).getSheetByName('Audit')!.setName('Audit log');
    sheetsAs(ws, 'dro@dfrr.gov.uk')
      .openById(id)
      .getSheetByName('Register')!
      .getRange(1, 10)
      .setValue('Series code');
    expect(textOf(openDoc(ws, ALICE, doc).card)).toMatch(/missing the column "Series"/);
    expect(registerRows(ws)).toHaveLength(0);
  });

  it('gives up after 10 seconds when the lock cannot be had, saves nothing and says a retry is safe', () => {
    const ws = department();
    declareDoc(ws, ALICE, newDocument(ws, ALICE, 'First'), TYPICAL);
    ws.state.locks.script = { holder: 'another-execution', acquiredAt: ws.state.now };
    const doc = newDocument(ws, ALICE, 'Note');
    const opened = openDoc(ws, ALICE, doc);
    const before = ws.state.now;
    const result = press(ws, opened.event, opened.card, 'onDeclare', ALICE, TYPICAL);
    expect(textOf(result.json)).toMatch(/register is busy/);
    expect(textOf(result.json)).toMatch(/declaring them again is safe/);
    expect(ws.state.now - before).toBeGreaterThanOrEqual(10_000);
    expect(registerRows(ws)).toHaveLength(1);
    ws.state.locks.script = null;
    expect(textOf(press(ws, opened.event, opened.card, 'onDeclare', ALICE, TYPICAL).json)).toMatch(
      /Declared as REC-2017-000002/
    );
    expect(ws.state.documents[doc].header?.map(p => p.text)).toEqual(['OFFICIAL']);
  });

  it('keeps the register and the audit log consistent when Sheets fails half-way through the write', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Note');
    const opened = openDoc(ws, ALICE, doc);
    // The register row is written, then the audit row write fails on a quota error.
    ws.state.faults.push({
      key: 'SpreadsheetApp.Range.setValues',
      message: 'Service invoked too many times for one day: spreadsheets.',
      skip: 1,
      times: 1,
    });
    const result = press(ws, opened.event, opened.card, 'onDeclare', ALICE, TYPICAL);
    expect(textOf(result.json)).toMatch(
      /Nothing was saved: the register and its audit log are unchanged/
    );
    expect(registerRows(ws)).toHaveLength(0);
    expect(registerRows(ws, 'Audit log')).toHaveLength(0);
    // Declaring again works and does not mark the document twice.
    const again = press(ws, opened.event, opened.card, 'onDeclare', ALICE, TYPICAL);
    expect(textOf(again.json)).toMatch(/Declared as REC-2017-000002/);
    expect(registerRows(ws)).toHaveLength(1);
    expect(ws.state.documents[doc].header?.map(p => p.text)).toEqual(['OFFICIAL']);
  });
});
