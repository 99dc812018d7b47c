import type { ReferenceData, RegisterEntry } from '../../src/domain/declaration';
import {
  addMonths,
  addToSummary,
  emptySummary,
  queueLinesFor,
  readDay,
  windowOf,
} from '../../src/domain/review-queue';
import type { QueueContext } from '../../src/domain/review-queue';
import { SEED_BUSINESS_UNITS, SEED_FILE_PLAN, SEED_RETENTION } from '../../src/domain/seed';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const NOW = new Date('2025-06-15T09:30:00Z');

function reference(): ReferenceData {
  return {
    series: SEED_FILE_PLAN.map(s => ({
      code: s.code,
      title: s.title,
      functionCode: s.code.slice(0, 3),
      retentionCode: s.retentionCode,
      folderId: '',
      active: true,
    })),
    schedules: SEED_RETENTION.map(s => ({ ...s })),
    businessUnits: SEED_BUSINESS_UNITS,
  };
}

function context(overrides: Partial<QueueContext> = {}): QueueContext {
  return {
    reference: reference(),
    holds: { records: new Set(), series: new Set() },
    now: NOW,
    ...overrides,
  };
}

/** A register row as readEntries gives it: every column present, blank as ''. */
function entry(fields: RegisterEntry): RegisterEntry {
  const blank: RegisterEntry = {
    recordId: '',
    title: '',
    series: '',
    businessUnit: '',
    classification: '',
    recordDate: '',
    retentionCode: '',
    disposalAction: '',
    disposalDue: '',
    transferDue: '',
    lifecycle: '',
    legalHold: '',
    reviewDue: '',
    decisionAt: '',
  };
  return {
    ...blank,
    recordId: 'REC-2016-000001',
    title: 'A record',
    businessUnit: 'PPD',
    classification: 'OFFICIAL',
    lifecycle: 'Declared',
    legalHold: 'No',
    ...fields,
  };
}

const summary = (lines: ReturnType<typeof queueLinesFor>['lines']) =>
  lines.map(l => [l.due, iso(l.dueDate), l.window, l.legalHold, l.problem]);

describe('review queue: what is due', () => {
  it('lists an overdue disposal from the schedule (FY 2016-17 invoice, 6 years from year end)', () => {
    const out = queueLinesFor(
      7,
      entry({ series: 'FIN-ACC-01', recordDate: day('2016-11-14'), retentionCode: 'R-FIN6' }),
      context()
    );
    expect(summary(out.lines)).toEqual([['Disposal', '2023-03-31', 'Overdue', 'No', '']]);
    expect(out.lines[0].row).toBe(7);
  });

  it('lists a review due within 3 months, and not a transfer 15 years away', () => {
    const out = queueLinesFor(
      2,
      entry({ series: 'POL-DEV-01', recordDate: day('2020-08-01'), retentionCode: 'R-POL' }),
      context()
    );
    expect(summary(out.lines)).toEqual([['Review', '2025-08-01', 'Next 3 months', 'No', '']]);
  });

  it('takes the series’ schedule when the row has none, and leaves out what is over a year away', () => {
    const out = queueLinesFor(
      2,
      entry({ series: 'POL-DEV-01', recordDate: day('2024-01-01') }),
      context()
    );
    expect(out.lines).toEqual([]);
    expect(out.problem).toBe(false);
  });

  it('keeps dates current from the schedules: a shorter period brings records forward', () => {
    const ctx = context();
    ctx.reference.schedules.find(s => s.code === 'R-POL')!.periodYears = 3;
    const out = queueLinesFor(
      2,
      entry({
        series: 'POL-DEV-01',
        recordDate: day('2022-07-01'),
        retentionCode: 'R-POL',
        // Written at declaration under the old 5-year period.
        disposalDue: day('2027-07-01'),
      }),
      ctx
    );
    expect(summary(out.lines)).toEqual([['Review', '2025-07-01', 'Next 3 months', 'No', '']]);
  });

  it('keeps the register’s own dates once a review decision is recorded', () => {
    const out = queueLinesFor(
      2,
      entry({
        series: 'POL-DEV-01',
        recordDate: day('2006-01-10'),
        retentionCode: 'R-POL',
        disposalAction: 'Review',
        disposalDue: day('2030-01-10'),
        transferDue: day('2026-01-10'),
        decisionAt: new Date('2024-02-01T10:00:00Z'),
      }),
      context()
    );
    // The schedule alone would make the review overdue since 2011.
    expect(summary(out.lines)).toEqual([['Transfer', '2026-01-10', 'Next 12 months', 'No', '']]);
  });

  it('lists the 20-year transfer of a record kept for review', () => {
    const out = queueLinesFor(
      2,
      entry({ series: 'POL-DEV-01', recordDate: day('2005-09-01'), retentionCode: 'R-POL' }),
      context()
    );
    expect(summary(out.lines)).toEqual([
      ['Review', '2010-09-01', 'Overdue', 'No', ''],
      ['Transfer', '2025-09-01', 'Next 3 months', 'No', ''],
    ]);
  });

  it('takes the earlier of the schedule’s review and the Next review date', () => {
    const out = queueLinesFor(
      2,
      entry({
        series: 'POL-DEV-01',
        recordDate: day('2024-01-01'),
        reviewDue: day('2025-11-30'),
      }),
      context()
    );
    expect(summary(out.lines)).toEqual([['Review', '2025-11-30', 'Next 12 months', 'No', '']]);
  });

  it('uses the date the records team entered for event-triggered schedules', () => {
    const waiting = queueLinesFor(
      2,
      entry({ series: 'CPM-CON-01', recordDate: day('2017-01-10'), retentionCode: 'R-CON6' }),
      context()
    );
    expect(waiting.lines).toEqual([]);
    const happened = queueLinesFor(
      2,
      entry({
        series: 'CPM-CON-01',
        recordDate: day('2017-01-10'),
        retentionCode: 'R-CON6',
        disposalDue: day('2025-03-01'),
      }),
      context()
    );
    expect(happened.lines.map(l => [l.due, l.window])).toEqual([['Disposal', 'Overdue']]);
  });

  it('lists every proposed destruction for its second approval, whatever its date', () => {
    const out = queueLinesFor(
      2,
      entry({
        series: 'FIN-ACC-01',
        recordDate: day('2024-11-14'),
        lifecycle: 'Destruction proposed',
      }),
      context()
    );
    expect(summary(out.lines)).toEqual([['Destroy: second approval', '2031-03-31', '', 'No', '']]);
    expect(out.secondApproval).toBe(true);
  });

  it('marks held records, by their flag, a record hold or a series hold', () => {
    const ctx = context({
      holds: { records: new Set(['REC-2016-000002']), series: new Set(['HRM-PRF-01']) },
    });
    const overdue = { recordDate: day('2010-01-01') };
    const byFlag = queueLinesFor(
      2,
      entry({ ...overdue, series: 'FIN-ACC-01', legalHold: 'Yes' }),
      ctx
    );
    const byRecord = queueLinesFor(
      3,
      entry({ ...overdue, series: 'FIN-ACC-01', recordId: 'REC-2016-000002' }),
      ctx
    );
    const bySeries = queueLinesFor(4, entry({ ...overdue, series: 'HRM-PRF-01' }), ctx);
    const notHeld = queueLinesFor(5, entry({ ...overdue, series: 'FIN-ACC-01' }), ctx);
    expect([byFlag, byRecord, bySeries].map(o => [o.held, o.lines[0].legalHold])).toEqual([
      [true, 'Yes'],
      [true, 'Yes'],
      [true, 'Yes'],
    ]);
    expect([notHeld.held, notHeld.lines[0].legalHold]).toEqual([false, 'No']);
  });

  it('leaves out destroyed and transferred records, and rows cleared by hand', () => {
    const destroyed = queueLinesFor(
      2,
      entry({ series: 'FIN-ACC-01', recordDate: day('2010-01-01'), lifecycle: 'Destroyed' }),
      context()
    );
    expect([destroyed.skipped, destroyed.lines]).toEqual(['final', []]);
    const cleared = Object.fromEntries(Object.keys(entry({})).map(k => [k, ''])) as RegisterEntry;
    const blank = queueLinesFor(3, cleared, context());
    expect([blank.skipped, blank.lines]).toEqual(['blank', []]);
  });

  it('does not list a transfer for a record retained under s3(4)', () => {
    const out = queueLinesFor(
      2,
      entry({
        series: 'GOV-BRD-01',
        recordDate: day('2005-09-01'),
        lifecycle: 'Retained (s3(4))',
      }),
      context()
    );
    expect(out.lines).toEqual([]);
  });
});

describe('review queue: rows edited by hand', () => {
  const problemOf = (fields: RegisterEntry) => {
    const out = queueLinesFor(9, entry(fields), context());
    expect(out.problem).toBe(true);
    const line = out.lines.find(l => l.problem)!;
    expect([line.due, line.window, line.dueDate]).toEqual(['', '', null]);
    return line.problem;
  };

  it('says what is wrong with a date that is not a date', () => {
    expect(problemOf({ series: 'FIN-ACC-01', recordDate: '31/02/2019' })).toBe(
      'Date of the record "31/02/2019" is not a date: enter it as yyyy-mm-dd.'
    );
    expect(problemOf({ series: 'FIN-ACC-01', recordDate: 'last spring' })).toMatch(
      /"last spring" is not a date/
    );
    expect(problemOf({ series: 'FIN-ACC-01', recordDate: '' })).toBe(
      'No date of the record: enter it as yyyy-mm-dd.'
    );
    expect(
      problemOf({ series: 'FIN-ACC-01', recordDate: day('2020-01-01'), reviewDue: 'soon' })
    ).toBe('Next review "soon" is not a date: enter it as yyyy-mm-dd.');
  });

  it('names an unknown retention schedule or series code', () => {
    expect(
      problemOf({ series: 'FIN-ACC-01', recordDate: day('2016-11-14'), retentionCode: 'R-FIN66' })
    ).toBe(
      'Retention schedule "R-FIN66" is not in the "Retention schedules" tab (or that row is incomplete): correct the code.'
    );
    expect(problemOf({ series: 'FIN-XXX-01', recordDate: day('2016-11-14') })).toBe(
      'Series "FIN-XXX-01" is not in the file plan: correct the series code.'
    );
  });

  it('still lists what is due when the row’s own schedule is known but its series is not', () => {
    const out = queueLinesFor(
      9,
      entry({ series: 'FIN-XXX-01', recordDate: day('2016-11-14'), retentionCode: 'R-FIN6' }),
      context()
    );
    expect(out.lines.map(l => [l.due, l.problem !== ''])).toEqual([
      ['Disposal', false],
      ['', true],
    ]);
  });

  it('reports a row without a record ID and lists nothing else for it', () => {
    const out = queueLinesFor(
      9,
      entry({ recordId: '', series: 'FIN-ACC-01', recordDate: day('2010-01-01') }),
      context()
    );
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0].problem).toMatch(/^No record ID/);
  });

  it('reports an unknown lifecycle state and a bad disposal action after a decision', () => {
    expect(
      problemOf({ series: 'FIN-ACC-01', recordDate: day('2020-01-01'), lifecycle: 'Shredded' })
    ).toMatch(/Lifecycle state "Shredded" is not one of Declared, On hold/);
    expect(
      problemOf({
        series: 'POL-DEV-01',
        recordDate: day('2020-01-01'),
        decisionAt: day('2024-01-01'),
        disposalAction: 'Keep',
      })
    ).toMatch(/Disposal action "Keep" is not one of Destroy, Review, Transfer to TNA/);
  });

  it('never throws, whatever the cells hold', () => {
    const odd: unknown[] = [
      '',
      ' ',
      'REC-x',
      0,
      -1,
      1e308,
      NaN,
      true,
      new Date(NaN),
      new Date(-1e15),
      '=SUM(A1)',
      '#ERROR!',
      '2019-13-45',
      null,
    ];
    const keys = Object.keys(entry({}));
    for (let i = 0; i < 500; i++) {
      const fields: RegisterEntry = {};
      for (const [k, key] of keys.entries())
        fields[key] = odd[(i * 7 + k * 3) % odd.length] as RegisterEntry[string];
      expect(() => queueLinesFor(i + 2, fields, context())).not.toThrow();
    }
  });
});

describe('review queue: dates and windows', () => {
  it('reads hand-typed dates (midnight in London, 23:00 UTC in summer) as the day typed', () => {
    const typed = new Date('2019-06-30T23:00:00Z'); // 1 July 2019 in London
    const read = readDay(typed);
    expect(read.ok && iso(read.date)).toBe('2019-07-01');
    const text = readDay('01/07/2019');
    expect(text.ok && iso(text.date)).toBe('2019-07-01');
    expect(readDay('1899-12-31').ok).toBe(false);
  });

  it('counts windows from the day of the refresh', () => {
    expect(windowOf(day('2025-06-14'), NOW)).toBe('Overdue');
    expect(windowOf(day('2025-06-15'), NOW)).toBe('Next 3 months');
    expect(windowOf(day('2025-09-15'), NOW)).toBe('Next 3 months');
    expect(windowOf(day('2025-09-16'), NOW)).toBe('Next 12 months');
    expect(windowOf(day('2026-06-15'), NOW)).toBe('Next 12 months');
    expect(windowOf(day('2026-06-16'), NOW)).toBeNull();
    expect(iso(addMonths(day('2025-11-30'), 3))).toBe('2026-02-28');
  });

  it('adds rows up into the home card’s counts', () => {
    const ctx = context({ holds: { records: new Set(), series: new Set(['FIN-ACC-01']) } });
    const total = emptySummary();
    const rows: RegisterEntry[] = [
      entry({ series: 'FIN-ACC-01', recordDate: day('2016-11-14') }),
      entry({ series: 'POL-DEV-01', recordDate: day('2020-08-01') }),
      entry({ series: 'POL-DEV-01', recordDate: day('2005-09-01') }),
      entry({
        series: 'FIN-BNK-01',
        recordDate: day('2020-01-01'),
        lifecycle: 'Destruction proposed',
      }),
      entry({ series: 'FIN-ACC-01', recordDate: 'never' }),
      Object.fromEntries(Object.keys(entry({})).map(k => [k, ''])) as RegisterEntry,
      entry({ series: 'FIN-ACC-01', recordDate: day('2010-01-01'), lifecycle: 'Destroyed' }),
    ];
    rows.forEach((r, i) => addToSummary(total, queueLinesFor(i + 2, r, ctx)));
    expect(total).toEqual({
      due: {
        Review: { overdue: 1, next3: 1, next12: 0 },
        Disposal: { overdue: 1, next3: 0, next12: 0 },
        Transfer: { overdue: 0, next3: 1, next12: 0 },
      },
      onHold: 2,
      secondApprovals: 1,
      problems: 1,
      lines: 6,
      rowsScanned: 7,
    });
  });
});
