import { checkItem, validateDeclaration } from '../../src/domain/declaration';
import type { DeclarationForm, ItemFacts, ReferenceData } from '../../src/domain/declaration';
import { scanForMarkings } from '../../src/domain/classification';
import { SEED_BUSINESS_UNITS, SEED_FILE_PLAN, SEED_RETENTION } from '../../src/domain/seed';

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
const now = new Date('2017-01-02T09:00:00Z');
const form = (changes: Partial<DeclarationForm> = {}): DeclarationForm => ({
  classification: 'OFFICIAL',
  handlingInstructions: [],
  descriptors: [],
  caveats: [],
  series: 'POL-DEV-01',
  businessUnit: 'PPD',
  description: '',
  recordDate: new Date('2016-12-12T00:00:00Z'),
  lock: false,
  ...changes,
});

describe('checking a declaration form', () => {
  it('accepts a complete form and resolves its series, schedule and unit', () => {
    const { errors, valid } = validateDeclaration(form(), reference, now);
    expect(errors).toEqual([]);
    expect(valid?.schedule.code).toBe('R-POL');
    expect(valid?.businessUnit.name).toBe('Preparedness Policy Directorate');
  });

  it('refuses SECRET and says where it belongs', () => {
    const { errors } = validateDeclaration(form({ classification: 'SECRET' }), reference, now);
    expect(errors[0].message).toMatch(/SECRET cannot be declared here/);
    expect(errors[0].message).toMatch(/Rosa/);
  });

  it('lists everything missing at once', () => {
    const { errors } = validateDeclaration(
      form({ series: '', businessUnit: '', recordDate: null }),
      reference,
      now
    );
    expect(errors.map(e => e.field)).toEqual(['series', 'businessUnit', 'recordDate']);
  });

  it('rejects descriptors on plain OFFICIAL, unknown codes, future dates and over-long descriptions', () => {
    const fields = (changes: Partial<DeclarationForm>) =>
      validateDeclaration(form(changes), reference, now).errors.map(e => e.field);
    expect(fields({ descriptors: ['PERSONAL DATA'] })).toEqual(['descriptors']);
    expect(fields({ series: 'XXX-YYY-01' })).toEqual(['series']);
    expect(fields({ recordDate: new Date('2017-03-01T00:00:00Z') })).toEqual(['recordDate']);
    expect(fields({ description: 'x'.repeat(8001) })).toEqual(['description']);
  });

  it('reports a series whose retention schedule is missing instead of guessing dates', () => {
    const broken = {
      ...reference,
      series: reference.series.map(s =>
        s.code === 'POL-DEV-01' ? { ...s, retentionCode: 'R-GONE' } : s
      ),
    };
    expect(validateDeclaration(form(), broken, now).errors[0].message).toMatch(/R-GONE/);
  });
});

describe('checking an item', () => {
  const item = (changes: Partial<ItemFacts> = {}): ItemFacts => ({
    fileId: 'f1',
    title: 'Grant allocations',
    mimeType: 'application/vnd.google-apps.document',
    url: '',
    owner: 'alice@dfrr.gov.uk',
    sharing: { public: false, outsideDomain: [] },
    scan: scanForMarkings(['Grant allocations']),
    checksum: '',
    ...changes,
  });
  const sensitive = {
    classification: 'OFFICIAL-SENSITIVE' as const,
    handlingInstructions: [],
    descriptors: ['PERSONAL DATA'],
    caveats: [],
  };

  it('blocks OFFICIAL-SENSITIVE shared with anyone with the link or outside the department', () => {
    expect(
      checkItem(item({ sharing: { public: true, outsideDomain: [] } }), sensitive).blocked
    ).toMatch(/anyone with the link/);
    expect(
      checkItem(item({ sharing: { public: false, outsideDomain: ['pat@example.com'] } }), sensitive)
        .blocked
    ).toMatch(/pat@example.com/);
    expect(
      checkItem(item({ sharing: { public: true, outsideDomain: [] } }), {
        ...sensitive,
        classification: 'OFFICIAL',
        descriptors: [],
      }).blocked
    ).toBeNull();
  });

  it('blocks items marked SECRET and flags legacy markings without blocking', () => {
    expect(checkItem(item({ scan: scanForMarkings(['SECRET']) }), null).blocked).toMatch(
      /SECRET marking/
    );
    const legacy = checkItem(item({ scan: scanForMarkings(['RESTRICTED']) }), null);
    expect(legacy.blocked).toBeNull();
    expect(legacy.warnings[0]).toMatch(/old marking RESTRICTED/);
    expect(legacy.notes[0]).toMatch(/Legacy marking RESTRICTED/);
  });
});
