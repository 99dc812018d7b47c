import {
  addRow,
  countChange,
  emptyMetrics,
  figuresByMonth,
  missingMetadata,
  monthsUpTo,
  mostOftenMissing,
  parsePeriod,
  percent,
  percentChange,
  periodId,
  periodJustEnded,
  periodLabel,
  periodMonths,
  periodOf,
  periodRows,
  previousPeriod,
  recentPeriods,
  storedMetrics,
  toDate,
  ukMonth,
} from '../../src/domain/metrics';
import type { MetricRow } from '../../src/domain/metrics';

const TODAY = '2026-05-20';

/** A declaration with every field a complete one has. */
function complete(extra: MetricRow = {}): MetricRow {
  return {
    title: 'Board minutes',
    description: 'Minutes of the March board',
    recordType: 'Document',
    series: 'GOV-BRD-01',
    businessUnit: 'BGS',
    classification: 'OFFICIAL',
    declaredAt: new Date('2026-04-10T10:00:00Z'),
    recordDate: new Date('2026-03-31T00:00:00Z'),
    retentionCode: 'R-PERM',
    lifecycle: 'Declared',
    owner: 'bgs@dfrr.gov.uk',
    legalHold: 'No',
    reviewDue: '',
    ...extra,
  };
}

describe('complete metadata', () => {
  it('names every field a declaration lacks, and none for a complete one', () => {
    expect(missingMetadata(complete())).toEqual([]);
    expect(
      missingMetadata(complete({ description: '  ', owner: '', recordDate: '2019-02-31' }))
    ).toEqual(['Description', 'Date of the record', 'Owner']);
    expect(missingMetadata({})).toEqual([
      'Title',
      'Description',
      'Series',
      'Business unit',
      'Classification',
      'Retention schedule',
      'Date of the record',
      'Owner',
    ]);
  });
});

describe('adding up register rows', () => {
  it('counts declarations and emails per unit and month, and what is complete and sensitive', () => {
    const m = emptyMetrics();
    addRow(m, complete(), TODAY);
    addRow(m, complete({ description: '' }), TODAY);
    addRow(m, complete({ classification: 'OFFICIAL-SENSITIVE' }), TODAY);
    // An email: never counted as a declaration, so never as incomplete.
    addRow(m, complete({ recordType: 'Email', description: '', owner: '' }), TODAY);
    // Another unit, another month; one declared at 23:30 UTC on 31 May is 1 June in London.
    addRow(
      m,
      complete({ businessUnit: 'FCE', declaredAt: new Date('2026-05-31T23:30:00Z') }),
      TODAY
    );
    addRow(m, complete({ businessUnit: '', declaredAt: new Date('2026-01-31T23:30:00Z') }), TODAY);

    expect(m.months.BGS['2026-04']).toEqual({ declared: 3, emails: 1, complete: 2, sensitive: 1 });
    expect(Object.keys(m.months.FCE)).toEqual(['2026-06']);
    // In winter London is on UTC.
    expect(Object.keys(m.months['(none)'])).toEqual(['2026-01']);
    expect(m.units.BGS.missing).toEqual({ Description: 1 });
    expect(mostOftenMissing(m.units.BGS)).toBe('Description (1)');
    expect(m.rows).toBe(6);
  });

  it('counts overdue reviews and holds only for records the department still holds', () => {
    const m = emptyMetrics();
    addRow(m, complete({ reviewDue: new Date('2026-05-19T00:00:00Z') }), TODAY);
    addRow(m, complete({ reviewDue: '2026-05-01' }), TODAY);
    // Due today is not overdue; later neither.
    addRow(m, complete({ reviewDue: new Date('2026-05-20T00:00:00Z') }), TODAY);
    addRow(m, complete({ reviewDue: new Date('2027-01-01T00:00:00Z') }), TODAY);
    addRow(m, complete({ reviewDue: '2020-01-01', lifecycle: 'Destroyed' }), TODAY);
    addRow(m, complete({ reviewDue: '2020-01-01', lifecycle: 'Transferred' }), TODAY);
    addRow(m, complete({ legalHold: 'Yes' }), TODAY);
    addRow(m, complete({ legalHold: 'Yes', lifecycle: 'Destroyed' }), TODAY);
    expect(m.units.BGS.overdueReviews).toBe(2);
    expect(m.units.BGS.onHold).toBe(1);
  });

  it('keeps going past rows broken by hand: blank rows and dates that are not dates', () => {
    const m = emptyMetrics();
    addRow(m, {}, TODAY);
    addRow(m, complete({ declaredAt: 'last Tuesday', reviewDue: 'soon' }), TODAY);
    addRow(m, complete({ declaredAt: '2026-04-02 09:15' }), TODAY);
    expect(m.blank).toBe(1);
    expect(m.undated).toBe(1);
    // The undated row still counts for its unit, just in no month.
    expect(m.units.BGS.declared).toBe(2);
    expect(m.months.BGS['2026-04'].declared).toBe(1);
    expect(m.units.BGS.overdueReviews).toBe(0);
  });
});

describe('dates', () => {
  it('reads dates as Sheets gives them or as typed, and refuses what is not one', () => {
    expect(toDate(new Date('2026-01-02T00:00:00Z'))?.toISOString()).toBe(
      '2026-01-02T00:00:00.000Z'
    );
    expect(toDate('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(toDate('2026-02-30')).toBeNull();
    expect(toDate('')).toBeNull();
    expect(toDate(new Date(NaN))).toBeNull();
  });

  it('puts a moment in its UK month across the clock changes', () => {
    // BST starts 01:00 UTC on 29 March 2026 and ends 01:00 UTC on 25 October 2026.
    expect(ukMonth(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04');
    expect(ukMonth(new Date('2026-10-31T23:30:00Z'))).toBe('2026-10');
    expect(ukMonth(new Date('2026-09-30T23:30:00Z'))).toBe('2026-10');
  });

  it('lists the last months, across a year end', () => {
    expect(monthsUpTo('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('half-year periods', () => {
  it('follows the financial year: H1 April to September, H2 October to March', () => {
    const h1 = periodOf(new Date('2026-04-01T00:30:00+01:00'));
    expect(h1).toEqual({ fyStart: 2026, half: 1 });
    expect(periodLabel(h1)).toBe('2026-27 H1 (1 April – 30 September 2026)');
    expect(periodMonths(h1)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    const h2 = periodOf(new Date('2027-02-14T12:00:00Z'));
    expect(h2).toEqual({ fyStart: 2026, half: 2 });
    expect(periodLabel(h2)).toBe('2026-27 H2 (1 October 2026 – 31 March 2027)');
    expect(periodMonths(h2)[0]).toBe('2026-10');
    expect(periodMonths(h2)[5]).toBe('2027-03');
    expect(previousPeriod(h1)).toEqual({ fyStart: 2025, half: 2 });
    expect(previousPeriod(h2)).toEqual(h1);
  });

  it('names periods for parameters and reads them back, refusing anything else', () => {
    expect(periodId({ fyStart: 2099, half: 2 })).toBe('2099-00-H2');
    expect(parsePeriod('2026-27-H1')).toEqual({ fyStart: 2026, half: 1 });
    expect(parsePeriod('2099-00-H2')).toEqual({ fyStart: 2099, half: 2 });
    expect(parsePeriod('2026-28-H1')).toBeNull();
    expect(parsePeriod('2026-27-H3')).toBeNull();
    expect(parsePeriod('')).toBeNull();
  });

  it('reports in April on the half ending in March, in October on the half ending in September', () => {
    expect(periodJustEnded(new Date('2026-04-01T07:00:00Z'))).toEqual({ fyStart: 2025, half: 2 });
    expect(periodJustEnded(new Date('2026-10-01T07:00:00Z'))).toEqual({ fyStart: 2026, half: 1 });
    expect(periodJustEnded(new Date('2026-05-01T07:00:00Z'))).toBeNull();
    expect(periodJustEnded(new Date('2026-03-01T07:00:00Z'))).toBeNull();
  });

  it('offers the half under way and those before it', () => {
    expect(recentPeriods(new Date('2026-05-20T12:00:00Z'), 3).map(periodId)).toEqual([
      '2026-27-H1',
      '2025-26-H2',
      '2025-26-H1',
    ]);
  });
});

describe('the ExCo table', () => {
  it('sets each unit’s period beside the one before, with lessons learned', () => {
    const m = emptyMetrics();
    const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
    for (let i = 0; i < 5; i++) addRow(m, complete({ declaredAt: at('2026-05-01') }), TODAY);
    addRow(m, complete({ declaredAt: at('2026-05-01'), owner: '' }), TODAY);
    for (let i = 0; i < 3; i++) addRow(m, complete({ declaredAt: at('2025-11-01') }), TODAY);
    addRow(m, complete({ declaredAt: at('2024-11-01') }), TODAY);
    const rows = periodRows(
      m,
      { fyStart: 2026, half: 1 },
      {
        BGS: { '2026-06': 2, '2025-12': 1 },
        LAO: { '2026-04': 1 },
      }
    );
    expect(rows.map(r => r.unit)).toEqual(['BGS', 'LAO']);
    const bgs = rows[0];
    expect(bgs.now.declared).toBe(6);
    expect(bgs.before.declared).toBe(3);
    expect(countChange(bgs.now.declared, bgs.before.declared)).toBe('6 (+3)');
    expect(
      percentChange(
        percent(bgs.now.complete, bgs.now.declared),
        percent(bgs.before.complete, bgs.before.declared)
      )
    ).toBe('83% (−17 pts)');
    expect([bgs.lessons, bgs.lessonsBefore]).toEqual([2, 1]);
    expect(rows[1].now.declared).toBe(0);
    expect(countChange(4, 4)).toBe('4 (±0)');
    expect(percentChange(null, 50)).toBe('—');
    expect(percentChange(50, null)).toBe('50% (new)');
  });
});

describe('the figures the Dashboard keeps for the ExCo report', () => {
  /** Two years of mixed declarations from three units, one undated, one destroyed. */
  function register() {
    const m = emptyMetrics();
    const units = ['BGS', 'FCE', ''];
    for (let i = 0; i < 300; i++) {
      const day = new Date(Date.UTC(2024, 3, 1) + i * 2.4 * 86_400_000);
      addRow(
        m,
        complete({
          businessUnit: units[i % 3],
          declaredAt: i === 17 ? 'not a date' : day,
          recordType: i % 4 === 0 ? 'Email' : 'Document',
          description: i % 5 === 0 ? '' : 'Described',
          classification: i % 7 === 0 ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
          legalHold: i % 11 === 0 ? 'Yes' : 'No',
          reviewDue: i % 13 === 0 ? '2025-01-01' : '',
          lifecycle: i % 50 === 0 ? 'Destroyed' : 'Declared',
        }),
        TODAY
      );
    }
    return m;
  }

  /** The summary rows as the Dashboard writes them: unit, declared, emails, %, %, overdue, held. */
  const summaryOf = (m: ReturnType<typeof emptyMetrics>) =>
    Object.entries(m.units).map(([unit, u]) => [
      unit,
      u.declared,
      u.emails,
      percent(u.complete, u.declared) ?? '',
      percent(u.sensitive, u.declared + u.emails) ?? '',
      u.overdueReviews,
      u.onHold,
      '',
    ]);

  it('give every period the same ExCo table as the register rows themselves', () => {
    const m = register();
    const stored = storedMetrics(figuresByMonth(m), summaryOf(m), m.rows - m.blank);
    if (typeof stored === 'string') throw new Error(stored);
    for (const period of [
      { fyStart: 2024, half: 1 as const },
      { fyStart: 2024, half: 2 as const },
      { fyStart: 2025, half: 1 as const },
      { fyStart: 2025, half: 2 as const },
    ]) {
      expect(periodRows(stored, period, {}, ['LAO'])).toEqual(periodRows(m, period, {}, ['LAO']));
    }
    for (const [unit, u] of Object.entries(m.units)) {
      expect([stored.units[unit].onHold, stored.units[unit].overdueReviews]).toEqual([
        u.onHold,
        u.overdueReviews,
      ]);
    }
    // Undated rows are in no month, and so in no stored figure.
    expect(m.undated).toBe(1);
    expect(figuresByMonth(m).reduce((n, r) => n + r[2] + r[3], 0)).toBe(m.rows - m.blank - 1);
  });

  it('refuse figures typed over by hand, saying which row', () => {
    const m = register();
    const figures: unknown[][] = figuresByMonth(m);
    figures[3] = [...figures[3]];
    figures[3][2] = 'lots';
    expect(storedMetrics(figures, summaryOf(m), 300)).toBe(
      'row 4 of "Figures by month (used by the ExCo report)" is not a figure'
    );
    const summary = summaryOf(m);
    summary[0][6] = -1;
    expect(storedMetrics(figuresByMonth(m), summary, 300)).toBe('summary row 1 is not a figure');
  });
});
