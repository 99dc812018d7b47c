import {
  canonicalCode,
  FOI_EXEMPTION_CODES,
  suggestClosure,
  suggestExemptions,
  validateClosure,
} from '../../src/domain/foi';
import type { ClosureForm } from '../../src/domain/foi';
import type { RegisterEntry } from '../../src/domain/declaration';
import {
  extendDue,
  fileIdsInLinks,
  nextCertificateIds,
  nextHoldId,
  parseRecordIds,
  planDecision,
  validateDecision,
} from '../../src/domain/review';
import type { Decision } from '../../src/domain/review';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: unknown) => (d as Date).toISOString().slice(0, 10);
const NOW = new Date('2025-06-10T09:30:00Z');
const A = 'alice@dfrr.gov.uk';
const B = 'dro@dfrr.gov.uk';

function record(extra: RegisterEntry = {}): RegisterEntry {
  return {
    recordId: 'REC-2019-000001',
    fileId: 'file1',
    title: 'Board minutes',
    lifecycle: 'Declared',
    disposalDue: day('2026-01-31'),
    recordDate: day('2019-01-31'),
    legalHold: 'No',
    selection: '',
    decisionBy: '',
    decisionAt: '',
    decisionReason: '',
    ...extra,
  };
}

function decision(input: Parameters<typeof validateDecision>[0]): Decision {
  const { decision: d, errors } = validateDecision(input);
  if (!d) throw new Error(errors.join(' '));
  return d;
}

const ctx = (user = A, held = false) => ({ user, now: NOW, held });

const openForm = (extra: Partial<ClosureForm> = {}): ClosureForm => ({
  status: 'Closed',
  period: '84',
  codes: '40(2)',
  startDate: day('2019-01-31'),
  titleClosed: false,
  alternateTitle: '',
  descriptionClosed: false,
  alternateDescription: '',
  ...extra,
});

describe('FOI exemption codes and closure', () => {
  it('holds the 38 distinct codes TDR accepts, spelt as TDR spells them', () => {
    expect(FOI_EXEMPTION_CODES).toHaveLength(38);
    expect(new Set(FOI_EXEMPTION_CODES).size).toBe(38);
    for (const code of [
      '27(1)',
      '38(1a)',
      '40(2)',
      '43(2)',
      '22A',
      '37(1)(ad)',
      'EIRs 12(3) & 13',
      'EIR 12(5)(g)',
    ]) {
      expect(FOI_EXEMPTION_CODES).toContain(code);
    }
    // TDR leaves these out on purpose.
    for (const code of ['23', '24', '30', '36']) expect(FOI_EXEMPTION_CODES).not.toContain(code);
  });

  it('reads codes typed loosely as the code TDR uses', () => {
    expect(canonicalCode('s40(2)')).toBe('40(2)');
    expect(canonicalCode('section 43(2)')).toBe('43(2)');
    expect(canonicalCode('eir 12(5)(a)')).toBe('EIR 12(5)(a)');
    expect(canonicalCode('22a')).toBe('22A');
    expect(canonicalCode('99')).toBeNull();
  });

  it('suggests exemptions from the descriptors recorded at declaration', () => {
    expect(suggestExemptions(['PERSONAL DATA'])).toEqual(['40(2)']);
    expect(suggestExemptions(['HR/MANAGEMENT', 'COMMERCIAL'])).toEqual(['40(2)', '43(2)']);
    expect(suggestExemptions(['LEGAL PROFESSIONAL PRIVILEGE'])).toEqual(['42']);
    expect(suggestExemptions(['LOCSEN'])).toEqual([]);
    const form = suggestClosure(['PERSONAL DATA'], day('2019-01-31'));
    expect(form).toMatchObject({ status: 'Closed', codes: '40(2)', period: '84' });
    expect(iso(form.startDate)).toBe('2019-01-31');
    expect(suggestClosure([], day('2019-01-31'))).toMatchObject({
      status: 'Open',
      codes: '',
      period: '',
    });
  });

  it('accepts a complete closure and normalises its codes', () => {
    const { closure, errors } = validateClosure(openForm({ codes: 's40(2); 43(2), 40(2)' }));
    expect(errors).toEqual([]);
    expect(closure).toMatchObject({ status: 'Closed', period: 84, codes: ['40(2)', '43(2)'] });
  });

  it('names an unknown code, a period out of range and a missing alternate title, field by field', () => {
    const { closure, errors } = validateClosure(
      openForm({ codes: '40(2); 99(9)', period: '151', titleClosed: true })
    );
    expect(closure).toBeNull();
    expect(errors).toEqual([
      { field: 'codes', message: expect.stringContaining('"99(9)"') },
      {
        field: 'period',
        message: expect.stringMatching(/whole number of years from 1 to 150 \("151" is not\)/),
      },
      { field: 'alternateTitle', message: expect.stringMatching(/alternate title/) },
    ]);
  });

  it('requires a closed record to have a code, a period and a start date', () => {
    const { errors } = validateClosure(openForm({ codes: '', period: '', startDate: null }));
    expect(errors.map(e => e.field)).toEqual(['codes', 'period', 'startDate']);
    // With several records, an empty start date means each record's own date.
    const several = validateClosure(openForm({ startDate: null }), { startDateOptional: true });
    expect(several.errors).toEqual([]);
  });

  it('refuses closure details on an open record', () => {
    const { errors } = validateClosure(openForm({ status: 'Open', startDate: null }));
    expect(errors[0].message).toMatch(/open record has no exemption codes or closure period/);
    expect(validateClosure(openForm({ status: 'Maybe' })).errors[0].field).toBe('status');
  });
});

describe('review decisions', () => {
  it('retains for N more years from the later of the due date and today, with the reason', () => {
    const plan = planDecision(
      record(),
      decision({ kind: 'retain', years: '5', reason: 'Inquiry pending' }),
      ctx()
    );
    expect(plan.status).toBe('change');
    if (plan.status !== 'change') return;
    expect(iso(plan.values.disposalDue)).toBe('2031-01-31');
    expect(plan.values).toMatchObject({
      selection: 'Retain',
      lifecycle: 'Declared',
      decisionBy: A,
      decisionAt: NOW,
      updatedAt: NOW,
      decisionReason: 'Retain 5 years more: Inquiry pending',
    });
    expect(plan.audit).toMatchObject({ action: 'Retained' });
    expect(String(plan.audit.details)).toMatch(/Disposal due 2031-01-31 \(was 2026-01-31\)/);

    // A date already passed counts from today.
    const overdue = extendDue(day('2020-03-01'), 2, NOW);
    expect(iso(overdue.due)).toBe('2027-06-10');
  });

  it('counts from today, and says so, when the due date was edited by hand into something else', () => {
    const { due, note } = extendDue('31/02/2030', 3, NOW);
    expect(iso(due)).toBe('2028-06-10');
    expect(note).toMatch(/"31\/02\/2030"\) is not a date/);
    expect(iso(extendDue('2030-05-01', 1, NOW).due)).toBe('2031-05-01');
    expect(extendDue('', 1, NOW).note).toMatch(/had no disposal date/);
  });

  it('validates retain input: whole years 1 to 99 and a reason', () => {
    expect(validateDecision({ kind: 'retain', years: '0', reason: 'x' }).errors[0]).toMatch(
      /whole number from 1 to 99/
    );
    expect(validateDecision({ kind: 'retain', years: '2.5', reason: 'x' }).errors[0]).toMatch(
      /"2.5" is not/
    );
    expect(validateDecision({ kind: 'retain', years: '3', reason: ' ' }).errors).toEqual([
      'Give a reason for retaining the records for longer.',
    ]);
    expect(validateDecision({ kind: 'destroy', reason: '' }).errors[0]).toMatch(
      /reason for destroying/
    );
    expect(validateDecision({ kind: 'explode' }).errors).toEqual(['Choose a decision.']);
  });

  it('treats the same retain decision repeated the same day as already recorded', () => {
    const d = decision({ kind: 'retain', years: '5', reason: 'Inquiry pending' });
    const first = planDecision(record(), d, ctx());
    if (first.status !== 'change') throw new Error('expected a change');
    const again = planDecision(record(first.values), d, ctx());
    expect(again).toEqual({
      status: 'unchanged',
      message: expect.stringMatching(/already retained today/),
    });
  });

  it('selects for transfer, noting that a held record is skipped while held', () => {
    const plan = planDecision(record(), decision({ kind: 'transfer' }), ctx(A, true));
    expect(plan.status).toBe('change');
    if (plan.status !== 'change') return;
    expect(plan.values).toMatchObject({
      selection: 'Transfer to TNA',
      lifecycle: 'Selected for transfer',
      decisionReason: 'Selected for permanent preservation',
    });
    expect(plan.message).toMatch(/on legal hold: the transfer will skip it/);
    expect(planDecision(record(plan.values), decision({ kind: 'transfer' }), ctx()).status).toBe(
      'unchanged'
    );
  });

  it('records a sensitivity review with its closure fields', () => {
    const { closure } = validateClosure(
      openForm({ titleClosed: true, alternateTitle: 'Personnel file' })
    );
    const plan = planDecision(record(), decision({ kind: 'sensitivity', closure }), ctx());
    if (plan.status !== 'change') throw new Error('expected a change');
    expect(plan.values).toMatchObject({
      lifecycle: 'Sensitivity reviewed',
      closureStatus: 'Closed',
      closurePeriod: '84',
      foiExemptions: '40(2)',
      titleClosed: 'Yes',
      alternateTitle: 'Personnel file',
      descriptionClosed: 'No',
    });
    expect(iso(plan.values.closureStartDate)).toBe('2019-01-31');
    expect(
      planDecision(record(plan.values), decision({ kind: 'sensitivity', closure }), ctx()).status
    ).toBe('unchanged');
  });

  it('needs two different members to destroy, and never a held record', () => {
    const propose = planDecision(
      record(),
      decision({ kind: 'destroy', reason: 'Retention ended' }),
      ctx(A)
    );
    if (propose.status !== 'change') throw new Error('expected a change');
    expect(propose.values).toMatchObject({
      lifecycle: 'Destruction proposed',
      selection: 'Destroy',
      decisionBy: A,
    });
    const proposed = record(propose.values);
    const confirm = decision({ kind: 'confirm' });

    const self = planDecision(proposed, confirm, ctx(A));
    expect(self).toEqual({
      status: 'refused',
      message: expect.stringMatching(/a different member of the records team must confirm/),
    });

    const held = planDecision(
      { ...proposed, holdReason: 'Tribunal (HOLD-2025-0001)' },
      confirm,
      ctx(B, true)
    );
    expect(held).toEqual({
      status: 'refused',
      message: expect.stringMatching(/on legal hold \(Tribunal/),
    });

    const done = planDecision(proposed, confirm, ctx(B));
    if (done.status !== 'change') throw new Error('expected a change');
    expect(done.values).toMatchObject({ lifecycle: 'Destroyed', decisionBy: `${A}; ${B}` });
    expect(String(done.audit.details)).toMatch(
      /proposed by alice@dfrr.gov.uk on 2025-06-10 and confirmed by dro@dfrr.gov.uk/
    );

    expect(planDecision(record(done.values), confirm, ctx(B)).status).toBe('unchanged');
    expect(planDecision(record(done.values), decision({ kind: 'transfer' }), ctx(B))).toEqual({
      status: 'refused',
      message: expect.stringMatching(/is destroyed: no further decision/),
    });
    expect(
      planDecision(record(), decision({ kind: 'destroy', reason: 'x' }), ctx(A, true)).status
    ).toBe('refused');
  });

  it('refuses to confirm a destruction nobody proposed', () => {
    expect(planDecision(record(), decision({ kind: 'confirm' }), ctx(B))).toEqual({
      status: 'refused',
      message: expect.stringMatching(/has not been proposed for destruction \(it is Declared\)/),
    });
    expect(
      planDecision(
        record({ lifecycle: 'Destruction proposed' }),
        decision({ kind: 'confirm' }),
        ctx(B)
      )
    ).toEqual({ status: 'refused', message: expect.stringMatching(/no proposer recorded/) });
  });
});

describe('ids', () => {
  it('reads typed record IDs and names what is not one', () => {
    expect(
      parseRecordIds('REC-2024-000123, rec-2024-000124\nREC-2024-000123 REC-24-1; foo')
    ).toEqual({
      ids: ['REC-2024-000123', 'REC-2024-000124'],
      malformed: ['REC-24-1', 'foo'],
    });
  });

  it('numbers holds and certificates per year after the highest used', () => {
    expect(nextHoldId(['HOLD-2025-0003', 'HOLD-2025-0001', 'HOLD-2024-0009', ''], NOW)).toBe(
      'HOLD-2025-0004'
    );
    expect(nextHoldId([], NOW)).toBe('HOLD-2025-0001');
    expect(nextCertificateIds(['DSP-2025-000007', 'x'], NOW, 2)).toEqual([
      'DSP-2025-000008',
      'DSP-2025-000009',
    ]);
  });

  it('finds the Drive file ids in saved-file links', () => {
    expect(
      fileIdsInLinks(
        'https://drive.google.com/file/d/1abcdefghijk_-XYZ/view?usp=drivesdk\nhttps://docs.google.com/document/d/1zyxwvutsrqp/edit\nhttps://drive.google.com/open?id=1mnopqrstuvw'
      )
    ).toEqual(['1abcdefghijk_-XYZ', '1zyxwvutsrqp', '1mnopqrstuvw']);
  });
});
