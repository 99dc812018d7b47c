// Retention schedules and the dates they give a record: when it is due for disposal action and,
// under the 20-year rule (PRA 1958 s3(4) as amended by CRaG 2010 s45), when a record selected for
// permanent preservation must be transferred to The National Archives.

export const RETENTION_TRIGGERS = ['CLOSE', 'FYE', 'EVENT', 'DOB', 'MOD', 'CREATED'] as const;
export type RetentionTrigger = (typeof RETENTION_TRIGGERS)[number];

export const DISPOSAL_ACTIONS = ['Destroy', 'Review', 'Transfer to TNA'] as const;
export type DisposalAction = (typeof DISPOSAL_ACTIONS)[number];

export const TRANSFER_RULE_YEARS = 20;

export interface RetentionSchedule {
  code: string;
  title: string;
  periodYears: number;
  trigger: RetentionTrigger;
  action: DisposalAction;
  authority: string;
}

export const TRIGGER_LABELS: Record<RetentionTrigger, string> = {
  CLOSE: 'after the file or part closes',
  FYE: 'after the end of the financial year',
  EVENT: 'after a named event',
  DOB: 'after the date of birth',
  MOD: 'after last modification',
  CREATED: 'after the date of the record',
};

export interface DueDates {
  /** Null while the trigger has not happened yet (an event, a date of birth). */
  disposalDue: Date | null;
  /** Null for records that are destroyed, never transferred. */
  transferDue: Date | null;
  /** Why a date is missing, for the register's notes. */
  note: string;
}

/** Adds whole years in UTC; 29 February falls back to 28 February. */
export function addYears(date: Date, years: number): Date {
  const out = new Date(
    Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate())
  );
  if (out.getUTCMonth() !== date.getUTCMonth()) out.setUTCDate(0);
  return out;
}

/** The end of the UK financial year (31 March) on or after the date. */
export function financialYearEnd(date: Date): Date {
  const year = date.getUTCMonth() >= 3 ? date.getUTCFullYear() + 1 : date.getUTCFullYear();
  return new Date(Date.UTC(year, 2, 31));
}

/**
 * Due dates for a record of the given date. A single declared record is treated as closed on its
 * own date, so CLOSE, MOD and CREATED count from the date of the record; the records team moves
 * the date when a file closes later.
 */
export function computeDueDates(recordDate: Date, schedule: RetentionSchedule): DueDates {
  const transferDue =
    schedule.action === 'Destroy' ? null : addYears(recordDate, TRANSFER_RULE_YEARS);
  switch (schedule.trigger) {
    case 'EVENT':
      return {
        disposalDue: null,
        transferDue,
        note: `Disposal date set when the event occurs (${schedule.code}).`,
      };
    case 'DOB':
      return {
        disposalDue: null,
        transferDue,
        note: `Disposal date set from the date of birth (${schedule.code}).`,
      };
    case 'FYE':
      return {
        disposalDue: addYears(financialYearEnd(recordDate), schedule.periodYears),
        transferDue,
        note: '',
      };
    default:
      return { disposalDue: addYears(recordDate, schedule.periodYears), transferDue, note: '' };
  }
}

export function describeSchedule(schedule: RetentionSchedule): string {
  const period = schedule.periodYears === 1 ? '1 year' : `${schedule.periodYears} years`;
  return `${schedule.code}: ${period} ${TRIGGER_LABELS[schedule.trigger]}, then ${schedule.action.toLowerCase()}`;
}
