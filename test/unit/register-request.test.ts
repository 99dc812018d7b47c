import { buildRegisterEntry } from '../../src/domain/declaration';
import type { ReferenceData, RegisterEntry } from '../../src/domain/declaration';
import {
  checkAudit,
  checkDeclaredEntry,
  checkUpdate,
  DECLARE_ACTIONS,
  MAX_REQUEST_ITEMS,
  parseRequest,
  toWire,
} from '../../src/domain/register-request';
import type { WireEntry } from '../../src/domain/register-request';
import { computeDueDates } from '../../src/domain/retention';
import { SEED_BUSINESS_UNITS, SEED_FILE_PLAN, SEED_RETENTION } from '../../src/domain/seed';

const ALICE = 'alice@dfrr.gov.uk';
const NOW = new Date(Date.UTC(2017, 0, 2, 9));
const reference: ReferenceData = {
  series: SEED_FILE_PLAN.map(s => ({
    ...s,
    functionCode: s.code.slice(0, 3),
    folderId: '',
    active: true,
  })),
  schedules: SEED_RETENTION,
  businessUnits: SEED_BUSINESS_UNITS,
};
const series = reference.series.find(s => s.code === 'POL-DEV-01')!;
const schedule = reference.schedules.find(r => r.code === series.retentionCode)!;
const unit = reference.businessUnits.find(u => u.code === 'PPD')!;
const ctx = { caller: ALICE, reference, now: NOW };

function sensitiveDoc(): WireEntry {
  return toWire(
    buildRegisterEntry({
      recordId: 'REC-2017-000007',
      item: {
        fileId: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdef',
        title: 'Casework summary',
        mimeType: 'application/vnd.google-apps.document',
        url: 'https://docs.google.com/document/d/1AbC/edit',
        owner: ALICE,
        sharing: { public: false, outsideDomain: [] },
        scan: { found: null, refused: null, legacy: [] },
        checksum: '',
      },
      declaration: {
        marking: {
          classification: 'OFFICIAL-SENSITIVE',
          handlingInstructions: [],
          descriptors: ['PERSONAL DATA'],
          caveats: [],
        },
        series,
        schedule,
        businessUnit: unit,
        recordDate: new Date(Date.UTC(2016, 10, 30)),
        description: 'Monthly casework summary',
        lock: true,
      },
      declaredBy: ALICE,
      declaredAt: NOW,
      folderId: 'folder-1',
      filing: 'Complete',
      lockedAt: NOW,
      notes: [],
    })
  );
}

function capturedEmail(): WireEntry {
  const sent = new Date(Date.UTC(2016, 11, 20, 14, 5));
  const due = computeDueDates(sent, schedule);
  return toWire({
    recordId: 'REC-2017-000008',
    fileId: '',
    url: '',
    title: 'Decision: grant round 2',
    originalTitle: 'Decision: grant round 2',
    description: '',
    recordType: 'Email',
    mimeType: 'message/rfc822',
    functionCode: 'POL',
    series: 'POL-DEV-01',
    businessUnit: 'PPD',
    classification: 'OFFICIAL',
    handling: '',
    descriptors: '',
    caveats: '',
    marking: 'OFFICIAL',
    declaredBy: ALICE,
    declaredAt: NOW,
    recordDate: sent,
    retentionCode: schedule.code,
    disposalAction: schedule.action,
    disposalDue: due.disposalDue,
    transferDue: due.transferDue,
    lifecycle: 'Declared',
    filing: 'Complete with gaps: The original (51.0 MB) is over Apps Script’s 50 MB limit',
    folderId: 'folder-1',
    locked: 'No',
    checksum: '',
    owner: ALICE,
    onBehalfOf: 'Private Secretary',
    legalHold: 'No',
    messageId: '<decision-2@dfrr.gov.uk>',
    inReplyTo: '',
    from: '"Private Secretary" <ps@dfrr.gov.uk>',
    to: ALICE,
    cc: '',
    sentAt: sent,
    subject: 'Decision: grant round 2',
    threadId: 'thread-1',
    attachments: 2,
    savedFiles: '',
    notes: '',
    updatedAt: NOW,
  } as RegisterEntry);
}

describe('a declaration sent to the register service', () => {
  it('accepts a well-formed OFFICIAL-SENSITIVE document and a captured email, stamped with the service’s time', () => {
    for (const wire of [sensitiveDoc(), capturedEmail()]) {
      const later = new Date(NOW.getTime() + 5000);
      const { entry, problems } = checkDeclaredEntry(wire, { ...ctx, now: later });
      expect(problems).toEqual([]);
      expect(entry.declaredAt).toEqual(later);
      expect(entry.updatedAt).toEqual(later);
      expect(entry.declaredBy).toBe(ALICE);
    }
    const { entry } = checkDeclaredEntry(sensitiveDoc(), ctx);
    expect(entry.recordDate).toEqual(new Date(Date.UTC(2016, 10, 30)));
    expect(entry.marking).toBe('OFFICIAL-SENSITIVE - PERSONAL DATA');
  });

  it('names every field it refuses, by its register header', () => {
    const { problems } = checkDeclaredEntry(
      {
        ...sensitiveDoc(),
        declaredBy: 'bob@dfrr.gov.uk',
        descriptors: 'PERSONAL DATA; GOSSIP',
        recordType: 'PDF',
        attachments: 'three',
        recordDate: 'yesterday',
        decisionBy: ALICE,
        url: 'https://evil.example/x',
      },
      ctx
    );
    const text = problems.join('\n');
    expect(text).toMatch(
      /Declared by must be you \(alice@dfrr\.gov\.uk\), not "bob@dfrr\.gov\.uk"/
    );
    expect(text).toMatch(/Unknown marking words: GOSSIP/);
    expect(text).toMatch(/Record type "PDF" does not match the MIME type/);
    expect(text).toMatch(/Attachments must be a number/);
    expect(text).toMatch(/Date of the record must be a date/);
    expect(text).toMatch(/Only the records team can set Decision by/);
    expect(text).toMatch(/Link must be a Google Drive address/);
  });

  it('refuses text a spreadsheet would run, codes over one line, and an email without its Message-ID', () => {
    const formula = checkDeclaredEntry({ ...capturedEmail(), from: '+IMPORTXML("x","y")' }, ctx);
    expect(formula.problems.join(' ')).toMatch(
      /From "\+IMPORTXML\(.*looks like a spreadsheet formula/
    );
    // A title that merely starts with a sign is fine: it is stored as text.
    expect(
      checkDeclaredEntry({ ...sensitiveDoc(), title: '-5% budget (draft)' }, ctx).problems
    ).toEqual([]);
    const twoLines = checkDeclaredEntry({ ...capturedEmail(), threadId: 'a\nb' }, ctx);
    expect(twoLines.problems.join(' ')).toMatch(/Thread ID must be on one line/);
    const noKey = checkDeclaredEntry({ ...capturedEmail(), messageId: '' }, ctx);
    expect(noKey.problems.join(' ')).toMatch(/An email record needs its Message-ID/);
  });

  it('checks the audit action against what staff record', () => {
    expect(
      checkAudit({ action: 'Declared', details: 'OFFICIAL; series POL-DEV-01' }, DECLARE_ACTIONS)
    ).toEqual([]);
    expect(checkAudit({ action: 'Hold placed', details: '' }, DECLARE_ACTIONS)).toEqual([
      'Audit action "Hold placed" is not one a member of staff records.',
    ]);
  });
});

describe('a later change sent to the register service', () => {
  const row: RegisterEntry = {
    recordId: 'REC-2017-000008',
    declaredBy: ALICE,
    lifecycle: 'Declared',
    savedFiles: 'https://drive.google.com/file/d/eml/view',
    checksum: 'eml: 00ff',
  };

  it('adds to the saved files and checksums of the caller’s own row', () => {
    const { values, problems } = checkUpdate(
      {
        filing: 'Complete',
        savedFiles:
          'https://drive.google.com/file/d/eml/view\nhttps://drive.google.com/file/d/pdf/view',
        checksum: 'eml: 00ff; pdf: 11ee',
        attachments: 0,
      },
      row,
      { caller: ALICE, now: NOW }
    );
    expect(problems).toEqual([]);
    expect(values.updatedAt).toEqual(NOW);
  });

  it('refuses another person’s row, a closed row, rewritten lists and other columns', () => {
    const text = (values: WireEntry, current = row, caller = ALICE) =>
      checkUpdate(values, current, { caller, now: NOW }).problems.join(' ');
    expect(text({ filing: 'x' }, row, 'bob@dfrr.gov.uk')).toMatch(
      /only alice@dfrr\.gov\.uk, who declared it/
    );
    expect(text({ filing: 'x' }, { ...row, lifecycle: 'Destroyed' })).toMatch(/it is Destroyed/);
    expect(text({ savedFiles: 'https://drive.google.com/file/d/other/view' })).toMatch(
      /Saved files can only be added to/
    );
    expect(text({ legalHold: 'No', title: 'New title' })).toMatch(
      /Only the records team can set Legal hold, Title/
    );
  });
});

describe('the request itself', () => {
  it('must be JSON of this version, with a token and something to do', () => {
    const error = (value: unknown) => {
      const parsed = parseRequest(typeof value === 'string' ? value : JSON.stringify(value));
      return 'error' in parsed ? parsed.error : null;
    };
    expect(error('{')).toBe('The request is not valid JSON.');
    expect(error([])).toBe('The request must be a JSON object.');
    expect(error({ version: 2, token: 't', operation: 'declare' })).toMatch(
      /version 2.*this is version 1/
    );
    expect(error({ version: 1, operation: 'declare' })).toMatch(/carries no sign-in token/);
    expect(error({ version: 1, token: 't', operation: 'destroy' })).toMatch(
      /does not do "destroy"/
    );
    expect(error({ version: 1, token: 't', operation: 'declare', entries: [] })).toBe(
      'The request has no entries.'
    );
    const many = Array.from({ length: MAX_REQUEST_ITEMS + 1 }, () => ({
      entry: {},
      audit: { action: 'Declared', details: '' },
    }));
    expect(error({ version: 1, token: 't', operation: 'declare', entries: many })).toMatch(
      /at most 100 are taken at once/
    );
    expect(
      error({ version: 1, token: 't', operation: 'update', changes: [{ recordId: 'x' }] })
    ).toMatch(/Each change must be/);
    expect(
      error({ version: 1, token: 't', operation: 'seriesFolder', series: 'POL-DEV-01' })
    ).toBeNull();
  });
});
