import { addYears, computeDueDates, financialYearEnd } from '../../src/domain/retention';
import type { RetentionSchedule } from '../../src/domain/retention';
import { SEED_RETENTION } from '../../src/domain/seed';

const schedule = (code: string): RetentionSchedule => {
  const found = SEED_RETENTION.find(s => s.code === code);
  if (!found) throw new Error(code);
  return found;
};
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

describe('retention due dates', () => {
  it('counts financial records from the end of the financial year (FY 2016-17 invoice → destroy from 31 March 2023)', () => {
    const due = computeDueDates(day('2016-11-14'), schedule('R-FIN6'));
    expect(iso(due.disposalDue)).toBe('2023-03-31');
    expect(due.transferDue).toBeNull();
  });

  it('gives records that may be selected a 20-year transfer date', () => {
    const due = computeDueDates(day('2017-02-14'), schedule('R-PERM'));
    expect(iso(due.disposalDue)).toBe('2022-02-14');
    expect(iso(due.transferDue)).toBe('2037-02-14');
  });

  it('leaves the disposal date open until the triggering event', () => {
    const due = computeDueDates(day('2017-01-10'), schedule('R-CON6'));
    expect(due.disposalDue).toBeNull();
    expect(due.note).toMatch(/event/);
  });

  it('handles leap days and the financial year boundary', () => {
    expect(iso(addYears(day('2016-02-29'), 1))).toBe('2017-02-28');
    expect(iso(financialYearEnd(day('2017-03-31')))).toBe('2017-03-31');
    expect(iso(financialYearEnd(day('2017-04-01')))).toBe('2018-03-31');
  });
});
