import { formatMarking, normaliseMarking, scanForMarkings } from '../../src/domain/classification';

describe('reading markings from an item', () => {
  it('refuses SECRET and TOP SECRET markings but not words that merely contain them', () => {
    expect(scanForMarkings(['SECRET', 'Minutes']).refused).toBe('SECRET');
    expect(scanForMarkings(['TOP SECRET STRAP1']).refused).toBe('TOP SECRET');
    expect(scanForMarkings(['Board and Governance SECRETARIAT']).refused).toBeNull();
    expect(scanForMarkings(['Letter to the SECRETARY OF STATE']).refused).toBeNull();
    expect(scanForMarkings(['The secret of good records is filing them']).refused).toBeNull();
  });

  it('finds OFFICIAL-SENSITIVE with its handling instruction and descriptors', () => {
    const scan = scanForMarkings([
      'OFFICIAL-SENSITIVE RECIPIENTS ONLY - PERSONAL DATA - UK EYES ONLY',
    ]);
    expect(scan.found).toEqual({
      classification: 'OFFICIAL-SENSITIVE',
      handlingInstructions: ['RECIPIENTS ONLY'],
      descriptors: ['PERSONAL DATA'],
      caveats: ['UK EYES ONLY'],
    });
  });

  it('tells LEGAL from LEGAL PROFESSIONAL PRIVILEGE', () => {
    expect(
      scanForMarkings(['OFFICIAL-SENSITIVE - LEGAL PROFESSIONAL PRIVILEGE']).found?.descriptors
    ).toEqual(['LEGAL PROFESSIONAL PRIVILEGE']);
    expect(scanForMarkings(['OFFICIAL-SENSITIVE - LEGAL']).found?.descriptors).toEqual(['LEGAL']);
  });

  it('flags legacy protective markings for re-marking', () => {
    expect(scanForMarkings(['RESTRICTED - MANAGEMENT']).legacy).toEqual(['RESTRICTED']);
    expect(scanForMarkings(['PROTECT', 'CONFIDENTIAL']).legacy).toEqual([
      'PROTECT',
      'CONFIDENTIAL',
    ]);
    expect(scanForMarkings(['We must protect the coast']).legacy).toEqual([]);
  });
});

describe('writing markings', () => {
  it('follows the 2023 grammar: classification, handling instruction, descriptors, caveats', () => {
    expect(
      formatMarking({
        classification: 'OFFICIAL-SENSITIVE',
        handlingInstructions: ['RECIPIENTS ONLY'],
        descriptors: ['PERSONAL DATA', 'COMMERCIAL'],
        caveats: [],
      })
    ).toBe('OFFICIAL-SENSITIVE RECIPIENTS ONLY - PERSONAL DATA - COMMERCIAL');
    expect(
      formatMarking({
        classification: 'OFFICIAL',
        handlingInstructions: [],
        descriptors: [],
        caveats: [],
      })
    ).toBe('OFFICIAL');
  });

  it('drops descriptors from plain OFFICIAL and duplicates from OFFICIAL-SENSITIVE', () => {
    expect(
      normaliseMarking({
        classification: 'OFFICIAL',
        handlingInstructions: ['EMBARGOED'],
        descriptors: ['LEGAL'],
        caveats: [],
      }).descriptors
    ).toEqual([]);
    expect(
      normaliseMarking({
        classification: 'OFFICIAL-SENSITIVE',
        handlingInstructions: [],
        descriptors: ['LEGAL', 'LEGAL'],
        caveats: [],
      }).descriptors
    ).toEqual(['LEGAL']);
  });
});
