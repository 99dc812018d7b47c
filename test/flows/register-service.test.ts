// The register service and the protected register: once the records administrator has saved the
// service's address, the register's tabs are protected for the records team, a member of staff
// cannot change them by hand, and their declarations still land, written by the service (running
// as the DRO, who deployed it) with the staff member as the actor, as Google vouches from their
// sign-in token. Anything else sent to the service is refused with a clear message and nothing
// written; the records team writes directly; an unreachable service leaves nothing half-done.
import { createHash } from 'node:crypto';
import { textOf } from '../../fakes/card-service/query';
import { gmailEvent, homepageEvent } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import { plainMessage } from '../../fakes/gmail/fixtures';
import { addMessageFromRaw } from '../../fakes/gmail/seed';
import type { RunResult, Workspace } from '../../fakes/harness/workspace';
import { readSheet } from '../../fakes/spreadsheet/seed';
import { verifyChain } from '../../src/domain/audit-chain';
import { buildRegisterEntry } from '../../src/domain/declaration';
import type { RegisterEntry } from '../../src/domain/declaration';
import { formatRecordId } from '../../src/domain/record-id';
import { toWire } from '../../src/domain/register-request';
import type { WireEntry } from '../../src/domain/register-request';
import { AUDIT_COLUMNS } from '../../src/domain/register-schema';
import { SEED_BUSINESS_UNITS, SEED_FILE_PLAN, SEED_RETENTION } from '../../src/domain/seed';
import {
  ALICE,
  BOB,
  declareDoc,
  department,
  DRO,
  newDocument,
  OUTSIDER,
  openDoc,
  press,
  registerId,
  registerRows,
  TYPICAL,
} from '../support/department';
import { sheetsAs } from '../support/direct';

const PROTECTED_TABS = [
  'Register',
  'Audit log',
  'Disposals',
  'Legal holds',
  'Records team',
  'Review queue',
  'File plan',
  'Retention schedules',
  'Business units',
  'Dashboard',
  'Lessons',
  'Suggestion rules',
  'Leaver sweep',
];

/** A department whose DRO deployed the register service and saved it in the register card. */
function withService(): { ws: Workspace; url: string; saved: RunResult } {
  const ws = department();
  const url = ws.deployWebApp({ deployer: DRO, access: 'DOMAIN', executeAs: 'USER_DEPLOYING' });
  const home = firstCard(ws.run('onHomepage', homepageEvent('DOCS'), { user: DRO }).json);
  const saved = press(ws, homepageEvent('DOCS'), home, 'onSaveRegisterService', DRO, {
    registerServiceUrl: url,
  });
  return { ws, url, saved };
}

function counts(ws: Workspace) {
  return { register: registerRows(ws).length, audit: registerRows(ws, 'Audit log').length };
}

function lastAudit(ws: Workspace) {
  return registerRows(ws, 'Audit log').at(-1)!;
}

function auditChain(ws: Workspace) {
  const [headers, ...rows] = readSheet(ws.state, registerId(ws), 'Audit log');
  const entries = rows.map(row => {
    const entry: RegisterEntry = {};
    for (const column of AUDIT_COLUMNS) {
      const value = row[headers.indexOf(column.header)];
      entry[column.key] = value instanceof Date ? value : String(value ?? '');
    }
    return entry;
  });
  return verifyChain(entries, text => createHash('sha256').update(text, 'utf8').digest('hex'));
}

/** A record id reserved as the add-on reserves them (the project's shared sequence). */
function reserve(ws: Workspace): string {
  const key = 'records-capture.sequence.2017';
  const next = Number(ws.state.properties.script[key] ?? '0') + 1;
  ws.state.properties.script[key] = String(next);
  return formatRecordId(2017, next);
}

/** A well-formed declaration of `docId` by `user`, as the add-on would send it. */
function wireEntry(ws: Workspace, user: string, docId: string, recordId: string): WireEntry {
  const seed = SEED_FILE_PLAN.find(s => s.code === 'POL-DEV-01')!;
  const schedule = SEED_RETENTION.find(r => r.code === seed.retentionCode)!;
  const item = ws.state.drive[docId];
  return toWire(
    buildRegisterEntry({
      recordId,
      item: {
        fileId: docId,
        title: item.name,
        mimeType: item.mimeType,
        url: `https://docs.google.com/document/d/${docId}/edit`,
        owner: item.owner,
        sharing: { public: false, outsideDomain: [] },
        scan: { found: null, refused: null, legacy: [] },
        checksum: '',
      },
      declaration: {
        marking: {
          classification: 'OFFICIAL',
          handlingInstructions: [],
          descriptors: [],
          caveats: [],
        },
        series: { ...seed, functionCode: 'POL', folderId: '', active: true },
        schedule,
        businessUnit: SEED_BUSINESS_UNITS.find(u => u.code === 'PPD')!,
        recordDate: new Date(Date.UTC(2016, 11, 1)),
        description: '',
        lock: false,
      },
      declaredBy: user,
      declaredAt: new Date(ws.state.now),
      folderId: '',
      filing: 'Complete',
      lockedAt: null,
      notes: [],
    })
  );
}

/** A request to the service as any program could send it (curl, say), with a bearer token. */
function send(
  ws: Workspace,
  url: string,
  body: unknown,
  options: { bearer?: string | null; raw?: string } = {}
) {
  const bearer = options.bearer === undefined ? ws.oauthToken(BOB) : options.bearer;
  const response = ws.request(url, {
    method: 'post',
    contentType: 'application/json',
    payload: options.raw ?? JSON.stringify(body),
    headers: bearer ? { Authorization: `Bearer ${bearer}` } : {},
  });
  let json: {
    ok?: boolean;
    error?: string;
    results?: { status: string; record: { recordId: string } }[];
  } | null = null;
  try {
    json = JSON.parse(response.text);
  } catch {
    json = null;
  }
  return { ...response, json };
}

function declareRequest(token: string, entry: WireEntry, action = 'Declared') {
  return {
    version: 1,
    token,
    operation: 'declare',
    entries: [{ entry, audit: { action, details: 'OFFICIAL; series POL-DEV-01; Complete' } }],
  };
}

describe('the register service and the protected register', () => {
  it('protects every register tab for the records team and the service when the DRO saves it', () => {
    const { ws, url, saved } = withService();
    expect(saved.error).toBeUndefined();
    expect(textOf(saved.json)).toMatch(
      /Register service saved: it writes as dro@dfrr\.gov\.uk; 13 tabs protected/
    );
    // Saving checked the address: the service's doGet answered as the DRO.
    expect(saved.webApps.map(w => [w.function, w.user])).toEqual([['doGet', DRO]]);
    const text = textOf(saved.json);
    expect(text).toContain(url);
    expect(text).toMatch(/Register tabs protected/);
    const spreadsheet = ws.state.spreadsheets[registerId(ws)];
    for (const tab of PROTECTED_TABS) {
      const sheetProtection = spreadsheet.protections.find(
        p => p.sheetName === tab && p.a1 === null
      );
      expect(sheetProtection).toMatchObject({ domainEdit: false, warningOnly: false });
      expect(sheetProtection?.editors.filter(e => e !== DRO)).toEqual([]);
    }
  });

  it('refuses Alice’s direct edit of the register while her declaration lands through the service', () => {
    const { ws } = withService();
    const sheets = sheetsAs(ws, ALICE).openById(registerId(ws));
    // Alice can open the register (staff keep view access) but not change it by hand.
    expect(sheets.getSheetByName('Register')!.getRange('A1:C1').getValues()[0][0]).toBe(
      'Record ID'
    );
    expect(() =>
      sheets
        .getSheetByName('Register')!
        .getRange('A2:C2')
        .setValues([['REC-2017-000999', 'x', 'y']])
    ).toThrow('You are trying to edit a protected cell or object.');
    expect(() => sheets.getSheetByName('Audit log')!.appendRow(['x', ALICE, 'Declared'])).toThrow(
      /protected cell or object/
    );
    expect(() => sheets.getSheetByName('File plan')!.getRange('A2').setValue('XXX-YYY-01')).toThrow(
      /protected cell or object/
    );

    const doc = newDocument(ws, ALICE, 'Grant options paper');
    const result = declareDoc(ws, ALICE, doc, TYPICAL);
    expect(result.error).toBeUndefined();
    expect(textOf(result.json)).toMatch(/Declared as REC-2017-000001/);
    // The series folder and the declaration were written by the service, as the DRO.
    expect(result.webApps.map(w => [w.function, w.user, w.result.error])).toEqual([
      ['doPost', DRO, undefined],
      ['doPost', DRO, undefined],
    ]);
    const [row] = registerRows(ws);
    expect(row).toMatchObject({
      'Record ID': 'REC-2017-000001',
      'File ID': doc,
      Title: 'Grant options paper',
      'Declared by': ALICE,
      'Lifecycle state': 'Declared',
      Series: 'POL-DEV-01',
      Filing: 'Complete',
    });
    expect(lastAudit(ws)).toMatchObject({
      Actor: ALICE,
      Action: 'Declared',
      'Record ID': 'REC-2017-000001',
      'File ID': doc,
    });
    expect(auditChain(ws).ok).toBe(true);
    // The document is marked and filed in its series folder, created by the service.
    expect(ws.state.documents[doc].header?.[0].text).toBe('OFFICIAL');
    const folder = ws.state.drive[ws.state.drive[doc].parents[0]];
    expect(folder.name).toMatch(/^POL-DEV-01 /);
    expect(folder.owner).toBe(DRO);
    const filePlan = registerRows(ws, 'File plan').find(r => r.Series === 'POL-DEV-01');
    expect(filePlan?.['Folder ID']).toBe(folder.id);
  });

  it('lets the records team write directly, without the service', () => {
    const { ws } = withService();
    const doc = newDocument(ws, DRO, 'Board minutes');
    const result = declareDoc(ws, DRO, doc, TYPICAL);
    expect(textOf(result.json)).toMatch(/Declared as REC-2017-000001/);
    expect(result.webApps).toEqual([]);
    expect(registerRows(ws)[0]).toMatchObject({ 'Declared by': DRO });
    expect(lastAudit(ws)).toMatchObject({ Actor: DRO, Action: 'Declared' });
  });

  it('costs a declaration through the service about two web app executions more than a direct one', () => {
    const { ws } = withService();
    // The series folder exists already, as it does for every declaration but a series' first,
    // and the service has looked up its own OAuth client once (cached for six hours).
    declareDoc(ws, ALICE, newDocument(ws, ALICE, 'First of the series'), TYPICAL);
    const direct = declareDoc(ws, DRO, newDocument(ws, DRO, 'Direct'), TYPICAL);
    const viaService = declareDoc(
      ws,
      ALICE,
      newDocument(ws, ALICE, 'Through the service'),
      TYPICAL
    );
    expect(direct.webApps).toHaveLength(0);
    expect(viaService.webApps).toHaveLength(1);
    const service = viaService.webApps[0].result.counts;
    // The add-on no longer writes the sheet: the service does, with its own identity checks.
    expect(viaService.counts.byKey['SpreadsheetApp.Range.setValues'] ?? 0).toBe(0);
    expect(service.byKey['SpreadsheetApp.Range.setValues']).toBe(2);
    expect(service.byKey['UrlFetchApp.fetch']).toBe(1); // tokeninfo: who is calling
    expect(viaService.counts.modelledMs).toBeGreaterThan(direct.counts.modelledMs);
    expect(viaService.counts.modelledMs).toBeLessThan(direct.counts.modelledMs + 5000);
  });

  it('refuses a forged request of Bob claiming to be Alice, and writes nothing', () => {
    const { ws, url } = withService();
    const doc = newDocument(ws, ALICE, 'Alice’s paper');
    const before = counts(ws);
    const forged = send(
      ws,
      url,
      declareRequest(ws.oauthToken(BOB), wireEntry(ws, ALICE, doc, reserve(ws)))
    );
    expect(forged.code).toBe(200);
    expect(forged.json).toEqual({
      ok: false,
      error: expect.stringContaining(`Declared by must be you (${BOB}), not "${ALICE}"`),
    });
    expect(forged.json?.error).toMatch(/Nothing was saved\.$/);
    expect(forged.webApps[0].result.log.join('\n')).toMatch(/Register service refused a request/);
    expect(counts(ws)).toEqual(before);
  });

  it('refuses requests without a valid sign-in, at Google’s front door or at the service', () => {
    const { ws, url } = withService();
    const doc = newDocument(ws, BOB, 'Bob’s note');
    const entry = wireEntry(ws, BOB, doc, reserve(ws));
    const before = counts(ws);

    const noHeader = send(ws, url, declareRequest(ws.oauthToken(BOB), entry), { bearer: null });
    expect(noHeader.text).toContain(
      '<title>Meet Google Drive - One place for all your files</title>'
    );
    expect(noHeader.webApps).toEqual([]);

    const noBodyToken = send(ws, url, { ...declareRequest('', entry) });
    expect(noBodyToken.json?.error).toMatch(/carries no sign-in token/);

    const expiring = ws.oauthToken(BOB, { lifetimeMs: 10_000 });
    ws.state.now += 10_000;
    const expired = send(ws, url, declareRequest(expiring, entry));
    expect(expired.json?.error).toMatch(
      /Google does not recognise your sign-in token \(invalid_token\)/
    );

    const otherApp = send(
      ws,
      url,
      declareRequest(
        ws.oauthToken(BOB, { clientId: '999-other.apps.googleusercontent.com' }),
        entry
      )
    );
    expect(otherApp.json?.error).toMatch(/issued to another application/);

    const outsider = send(ws, url, declareRequest(ws.oauthToken(OUTSIDER), entry), {
      bearer: ws.oauthToken(OUTSIDER),
    });
    expect(outsider.code).toBe(403);
    expect(outsider.webApps).toEqual([]);

    const malformed = send(ws, url, null, { raw: '{"version":1,"token":' });
    expect(malformed.json?.error).toMatch(/The request is not valid JSON\. Nothing was saved\./);
    expect(counts(ws)).toEqual(before);
  });

  it('refuses entries that are not well-formed: unknown series, SECRET, a formula title, records team fields', () => {
    const { ws, url } = withService();
    const doc = newDocument(ws, BOB, 'Bob’s note');
    const token = () => ws.oauthToken(BOB);
    const before = counts(ws);
    const refusedFor = (changes: WireEntry) => {
      const entry = { ...wireEntry(ws, BOB, doc, reserve(ws)), ...changes };
      const answer = send(ws, url, declareRequest(token(), entry));
      expect(answer.json?.ok).toBe(false);
      return answer.json?.error ?? '';
    };
    expect(refusedFor({ series: 'XXX-YYY-99' })).toMatch(
      /Series "XXX-YYY-99" is not in the file plan/
    );
    expect(refusedFor({ classification: 'SECRET', marking: 'SECRET' })).toMatch(
      /Classification "SECRET" is not held here: only OFFICIAL or OFFICIAL-SENSITIVE/
    );
    expect(refusedFor({ title: '=HYPERLINK("https://evil.example","Open")' })).toMatch(
      /Title "=HYPERLINK\(.*looks like a spreadsheet formula/
    );
    expect(refusedFor({ legalHold: 'Yes', holdReason: 'none' })).toMatch(
      /Only the records team places legal holds.*Only the records team can set Hold reason|Only the records team can set Hold reason/
    );
    expect(refusedFor({ lifecycle: 'Destroyed' })).toMatch(/lifecycle state must be Declared/);
    expect(refusedFor({ disposalDue: '2099-01-01T00:00:00.000Z' })).toMatch(
      /Disposal and transfer dates do not follow/
    );
    expect(refusedFor({ businessUnit: 'NOPE' })).toMatch(
      /Business unit "NOPE" is not in the register/
    );
    expect(refusedFor({ marking: 'OFFICIAL-SENSITIVE' })).toMatch(
      /does not match its classification/
    );
    expect(refusedFor({ description: 'x'.repeat(8001) })).toMatch(/longer than 8,000 characters/);
    // A record id the add-on never handed out.
    const unreserved = { ...wireEntry(ws, BOB, doc, 'REC-2017-099999') };
    expect(send(ws, url, declareRequest(token(), unreserved)).json?.error).toMatch(
      /REC-2017-099999 was never reserved/
    );
    // An audit action staff never record.
    const destroyed = send(
      ws,
      url,
      declareRequest(token(), wireEntry(ws, BOB, doc, reserve(ws)), 'Destroyed')
    );
    expect(destroyed.json?.error).toMatch(
      /Audit action "Destroyed" is not one a member of staff records/
    );
    expect(counts(ws)).toEqual(before);
  });

  it('adds a declaration once: repeating it returns the existing row', () => {
    const { ws, url } = withService();
    const doc = newDocument(ws, BOB, 'Bob’s note');
    const request = declareRequest(ws.oauthToken(BOB), wireEntry(ws, BOB, doc, reserve(ws)));
    const first = send(ws, url, request);
    expect(first.json).toMatchObject({
      ok: true,
      results: [{ status: 'added', record: { recordId: 'REC-2017-000001' } }],
    });
    const again = send(ws, url, request);
    expect(again.json).toMatchObject({
      ok: true,
      results: [{ status: 'existing', record: { recordId: 'REC-2017-000001' } }],
    });
    // Even under a new record id, the same file is not registered twice.
    const renumbered = send(
      ws,
      url,
      declareRequest(ws.oauthToken(BOB), wireEntry(ws, BOB, doc, reserve(ws)))
    );
    expect(renumbered.json).toMatchObject({
      ok: true,
      results: [{ status: 'existing', record: { recordId: 'REC-2017-000001' } }],
    });
    expect(registerRows(ws)).toHaveLength(1);
    expect(registerRows(ws)[0]).toMatchObject({ 'Declared by': BOB });
    expect(registerRows(ws, 'Audit log')).toHaveLength(1);
    // And the sidebar shows it as a record already.
    expect(textOf(openDoc(ws, BOB, doc).card)).toMatch(/Already a record\s+REC-2017-000001/);
  });

  it('changes only the caller’s own rows, and only the columns staff flows change', () => {
    const { ws, url } = withService();
    const doc = newDocument(ws, ALICE, 'Alice’s paper');
    declareDoc(ws, ALICE, doc, TYPICAL);
    const before = counts(ws);
    const update = (token: string, values: WireEntry) =>
      send(ws, url, {
        version: 1,
        token,
        operation: 'update',
        changes: [
          {
            recordId: 'REC-2017-000001',
            fileId: doc,
            values,
            audit: { action: 'Filing finished', details: 'Complete' },
          },
        ],
      }).json;
    expect(update(ws.oauthToken(BOB), { filing: 'Complete' })?.error).toMatch(
      /only alice@dfrr\.gov\.uk, who declared it, or the records team can change it/
    );
    expect(update(ws.oauthToken(ALICE), { lifecycle: 'Destroyed' })?.error).toMatch(
      /Only the records team can set Lifecycle state/
    );
    expect(counts(ws)).toEqual(before);
    expect(
      update(ws.oauthToken(ALICE), { filing: 'Complete; checked again', checksum: 'pdf: 0a1b' })
    ).toEqual({
      ok: true,
      operation: 'update',
      updated: ['REC-2017-000001'],
    });
    expect(registerRows(ws)[0]).toMatchObject({
      Filing: 'Complete; checked again',
      'Checksum (SHA-256)': 'pdf: 0a1b',
    });
    expect(lastAudit(ws)).toMatchObject({ Actor: ALICE, Action: 'Filing finished' });
    expect(update(ws.oauthToken(ALICE), { checksum: 'forged' })?.error).toMatch(
      /Checksum \(SHA-256\) can only be added to, not rewritten/
    );
    expect(registerRows(ws)[0]['Checksum (SHA-256)']).toBe('pdf: 0a1b');
  });

  it('captures flagged email and adds its rendition through the service, as the person who flagged it', async () => {
    const { ws } = withService();
    for (const n of [1, 2]) {
      const id = await addMessageFromRaw(ws.state, {
        owner: ALICE,
        raw: plainMessage({
          subject: `Routine update ${n}`,
          messageId: `routine-${n}@dfrr.gov.uk`,
        }),
      });
      const event = gmailEvent({ messageId: id, threadId: ws.state.gmail!.messages[id].threadId });
      const card = firstCard(ws.run('onGmailMessage', event, { user: ALICE }).json);
      expect(textOf(press(ws, event, card, 'onFlagEmail', ALICE, TYPICAL).json)).toMatch(
        /Flagged for capture/
      );
    }
    const run = ws.run('onCaptureSweep', {}, { user: ALICE, budgetMs: 360_000 });
    expect(run.log.join('\n')).toMatch(/2 captured.*2 renditions made, 0 waiting/);
    expect(run.error).toBeUndefined();
    const rows = registerRows(ws);
    expect(rows).toHaveLength(2);
    expect(rows.every(r => r['Declared by'] === ALICE && r.Filing === 'Complete')).toBe(true);
    expect(rows.every(r => String(r['Saved files']).split('\n').length === 2)).toBe(true); // .eml, PDF
    const actions = registerRows(ws, 'Audit log').map(r => [r.Actor, r.Action]);
    expect(actions).toEqual([
      [ALICE, 'Email captured (scheduled)'],
      [ALICE, 'Email captured (scheduled)'],
      [ALICE, 'Email rendition made'],
      [ALICE, 'Email rendition made'],
    ]);
    // The series folder, one register write for the batch, one for the renditions.
    expect(run.webApps.map(w => w.user)).toEqual([DRO, DRO, DRO]);
    expect(auditChain(ws).ok).toBe(true);
  });

  it('says clearly when the service cannot be reached, and leaves nothing half-done', async () => {
    const { ws, url } = withService();
    // The series folder exists, so only the register write needs the service.
    declareDoc(ws, DRO, newDocument(ws, DRO, 'First of the series'), TYPICAL);
    const before = counts(ws);
    const deployment = url.split('/')[5];
    const saved = ws.state.webApps![deployment];
    delete ws.state.webApps![deployment];

    const doc = newDocument(ws, ALICE, 'Grant options paper');
    const failed = declareDoc(ws, ALICE, doc, TYPICAL);
    const text = textOf(failed.json);
    expect(text).toMatch(
      /There is no register service at the address in the register card \(404\)\. Nothing was saved in the register\./
    );
    expect(text).toMatch(/declaring them again is safe/);
    expect(counts(ws)).toEqual(before);

    ws.state.faults.push({
      key: 'UrlFetchApp.fetch',
      message: `Address unavailable: ${url}`,
      skip: 0,
      times: 1,
    });
    ws.state.webApps![deployment] = saved;
    const unreachable = declareDoc(ws, ALICE, doc, TYPICAL);
    expect(textOf(unreachable.json)).toMatch(
      /The register service could not be reached \(Address unavailable: .*\)\. Nothing was saved in the register\./
    );
    expect(counts(ws)).toEqual(before);

    // An email captured from the sidebar while the service is down: its saved copies go again.
    const id = await addMessageFromRaw(ws.state, {
      owner: ALICE,
      raw: plainMessage({
        subject: 'Decision: grant round 2',
        messageId: 'decision-2@dfrr.gov.uk',
      }),
    });
    const event = gmailEvent({ messageId: id, threadId: ws.state.gmail!.messages[id].threadId });
    const card = firstCard(ws.run('onGmailMessage', event, { user: ALICE }).json);
    delete ws.state.webApps![deployment];
    const capture = press(ws, event, card, 'onCaptureEmail', ALICE, TYPICAL);
    expect(textOf(capture.json)).toMatch(/\(404\)\. Nothing was saved in the register\./);
    const copies = Object.values(ws.state.drive).filter(f =>
      /Decision_ grant round 2|Decision: grant round 2|grant round 2/.test(f.name)
    );
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.every(f => f.trashed)).toBe(true);
    expect(counts(ws)).toEqual(before);

    // Back up: declaring again lands once.
    ws.state.webApps![deployment] = saved;
    const retried = declareDoc(ws, ALICE, doc, TYPICAL);
    expect(textOf(retried.json)).toMatch(/Declared as REC-2017-0000\d\d/);
    expect(registerRows(ws).filter(r => r['File ID'] === doc)).toHaveLength(1);
  });

  it('reports the service’s own refusal, such as a register tab renamed by hand', () => {
    const { ws } = withService();
    declareDoc(ws, DRO, newDocument(ws, DRO, 'First of the series'), TYPICAL);
    const before = counts(ws);
    const register = ws.state.spreadsheets[registerId(ws)].sheets.find(
      s => s.name === 'Audit log'
    )!;
    register.name = 'Audit';
    const result = declareDoc(ws, ALICE, newDocument(ws, ALICE, 'Note'), TYPICAL);
    expect(textOf(result.json)).toMatch(/The register has no tab named "Audit log"/);
    register.name = 'Audit log';
    expect(counts(ws)).toEqual(before);
  });

  it('asks for the team’s protections to be synced when the team changes, and syncs them', () => {
    const { ws } = withService();
    const team = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === 'Records team')!;
    team.rows[2] = [BOB, 'Bob Okafor', 'Reviewer', 'Yes', DRO, ''];
    const home = firstCard(ws.run('onHomepage', homepageEvent('DOCS'), { user: DRO }).json);
    const sync = press(ws, homepageEvent('DOCS'), home, 'onSyncProtections', DRO);
    expect(textOf(sync.json)).toMatch(/13 tabs protected for 2 editors/);
    const spreadsheet = ws.state.spreadsheets[registerId(ws)];
    const register = spreadsheet.protections.find(
      p => p.sheetName === 'Register' && p.a1 === null
    )!;
    expect(register.editors).toContain(BOB);
    // Bob is in the records team now: he writes directly, and may edit the register by hand.
    const doc = newDocument(ws, BOB, 'Review note');
    expect(declareDoc(ws, BOB, doc, TYPICAL).webApps).toEqual([]);
    expect(() =>
      sheetsAs(ws, BOB)
        .openById(registerId(ws))
        .getSheetByName('Register')!
        .getRange('Z2')
        .setValue('ok')
    ).not.toThrow();
  });

  it('refuses to save an address that is not the register service, and keeps the old one', () => {
    const { ws, url } = withService();
    const home = () => firstCard(ws.run('onHomepage', homepageEvent('DOCS'), { user: DRO }).json);
    const wrong = press(ws, homepageEvent('DOCS'), home(), 'onSaveRegisterService', DRO, {
      registerServiceUrl: 'https://example.com/service',
    });
    expect(textOf(wrong.json)).toMatch(/That is not a web app address/);
    const gone = press(ws, homepageEvent('DOCS'), home(), 'onSaveRegisterService', DRO, {
      registerServiceUrl: url.replace(/s\/AKfycb[\w-]+/, 's/AKfycbGONE'),
    });
    expect(textOf(gone.json)).toMatch(/There is no register service at the address/);
    const config = JSON.parse(ws.state.properties.script['records-capture.config']);
    expect(config.registerService.url).toBe(url);
    // Alice cannot change it.
    const asAlice = press(ws, homepageEvent('DOCS'), home(), 'onSaveRegisterService', ALICE, {
      registerServiceUrl: '',
    });
    expect(textOf(asAlice.json)).toMatch(/Only the records administrators/);
  });
});
