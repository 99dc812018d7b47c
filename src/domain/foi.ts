// Closure of records on transfer to The National Archives: the closure status, period and start
// date, and the Freedom of Information Act (and Environmental Information Regulations) exemptions
// that justify it, exactly as TNA's Transfer Digital Records (TDR) service takes them.

/**
 * The exemption codes TDR accepts, in TDR's order. Source: repository
 * nationalarchives/tdr-consignment-api-data, migration
 * V131__add_ordinal_to_FilePropertyValues_and_expand_Foi_Exemptions.sql (FilePropertyValues,
 * PropertyName 'FoiExemptionCode'). TDR leaves out 23, 24, 30 and 36 on purpose; that migration
 * lists 43(1) and 43(2) twice, held once here.
 */
export const FOI_EXEMPTION_CODES = [
  '27(1)',
  '27(2)',
  '31',
  '33',
  '38(1a)',
  '38(1b)',
  '38(2)',
  '40(2)',
  '43(1)',
  '43(2)',
  '22',
  '22A',
  '26',
  '28',
  '29',
  '32',
  '34',
  '35',
  '37(1)(a)',
  '37(1)(aa)',
  '37(1)(ab)',
  '37(1)(ac)',
  '37(1)(ad)',
  '37(1)(b)',
  '37(2)',
  '39',
  '40',
  '41',
  '42',
  '44',
  'EIRs 12(3) & 13',
  'EIR 12(5)(a)',
  'EIR 12(5)(b)',
  'EIR 12(5)(c)',
  'EIR 12(5)(d)',
  'EIR 12(5)(e)',
  'EIR 12(5)(f)',
  'EIR 12(5)(g)',
] as const;

/** TDR's closure_type values. */
export const CLOSURE_STATUSES = ['Open', 'Closed'] as const;
export type ClosureStatus = (typeof CLOSURE_STATUSES)[number];

/** TDR's closure_period: whole years from the closure start date. */
export const CLOSURE_PERIOD_MIN = 1;
export const CLOSURE_PERIOD_MAX = 150;

/** How several codes are written in one register cell. */
export const CODE_SEPARATOR = '; ';

/**
 * Exemptions a reviewer is likely to need, from the descriptors recorded at declaration. These
 * are suggestions for the reviewer, who decides: a descriptor says what kind of information a
 * record holds, not that an exemption applies.
 */
const SUGGESTED_BY_DESCRIPTOR: Record<string, string[]> = {
  'PERSONAL DATA': ['40(2)'],
  PERSONAL: ['40(2)'],
  'HR/MANAGEMENT': ['40(2)'],
  COMMERCIAL: ['43(2)'],
  'MARKET SENSITIVE': ['43(2)'],
  'LEGAL PROFESSIONAL PRIVILEGE': ['42'],
  LEGAL: ['42'],
};

/**
 * Suggested closure periods per exemption, again only a starting point for the reviewer: 84
 * years under 40(2) is TNA's closure-on-transfer worked example (a person aged 16 at the date of
 * the record, closed to their 100th year); 43 lapses for historical records at 30 years and 42 at
 * 20 (FOI Act s63 as amended by the Constitutional Reform and Governance Act 2010).
 */
const SUGGESTED_PERIOD: Record<string, number> = {
  '40(2)': 84,
  '40': 84,
  '43(1)': 30,
  '43(2)': 30,
  '42': 20,
};
const DEFAULT_SUGGESTED_PERIOD = 20;

export interface Closure {
  status: ClosureStatus;
  /** Whole years; null for an open record. */
  period: number | null;
  codes: string[];
  /** Null for an open record, or (several records at once) each record's own date. */
  startDate: Date | null;
  titleClosed: boolean;
  alternateTitle: string;
  descriptionClosed: boolean;
  alternateDescription: string;
}

/** The sensitivity review form as typed: every field text, so nothing typed is lost on errors. */
export interface ClosureForm {
  status: string;
  period: string;
  codes: string;
  startDate: Date | null;
  titleClosed: boolean;
  alternateTitle: string;
  descriptionClosed: boolean;
  alternateDescription: string;
}

export interface FieldError {
  field: keyof ClosureForm;
  message: string;
}

/** Descriptors as the register holds them ("PERSONAL DATA; LEGAL"), one per entry. */
export function splitDescriptors(text: string): string[] {
  return text
    .split(/[;,\n]/)
    .map(d => d.trim().toUpperCase())
    .filter(Boolean);
}

export function suggestExemptions(descriptors: string[]): string[] {
  const codes = new Set<string>();
  for (const d of descriptors) for (const c of SUGGESTED_BY_DESCRIPTOR[d] ?? []) codes.add(c);
  return FOI_EXEMPTION_CODES.filter(c => codes.has(c));
}

export function suggestPeriod(codes: string[]): number {
  const periods = codes.map(c => SUGGESTED_PERIOD[c]).filter((p): p is number => p !== undefined);
  return periods.length ? Math.max(...periods) : DEFAULT_SUGGESTED_PERIOD;
}

/**
 * The form pre-filled for records with these descriptors: closed under the suggested codes when
 * there are any, from the date of the record.
 */
export function suggestClosure(descriptors: string[], recordDate: Date | null): ClosureForm {
  const codes = suggestExemptions(descriptors);
  const closed = codes.length > 0;
  return {
    status: closed ? 'Closed' : 'Open',
    period: closed ? String(suggestPeriod(codes)) : '',
    codes: codes.join(CODE_SEPARATOR),
    startDate: closed ? recordDate : null,
    titleClosed: false,
    alternateTitle: '',
    descriptionClosed: false,
    alternateDescription: '',
  };
}

/** Codes as typed, separated by semicolons, commas or new lines. */
export function splitCodes(text: string): string[] {
  return text
    .split(/[;,\n]/)
    .map(c => c.trim())
    .filter(Boolean);
}

const CANONICAL = new Map<string, string>(FOI_EXEMPTION_CODES.map(c => [squash(c), c]));

/** Case and spaces do not matter, and "s40(2)" or "section 40(2)" mean 40(2). */
function squash(code: string): string {
  return code
    .toLowerCase()
    .replace(/^(section|sect\.?|s\.?)\s*(?=\d)/, '')
    .replace(/\s+/g, '');
}

/** The code as TDR spells it, or null when TDR has no such code. */
export function canonicalCode(code: string): string | null {
  return CANONICAL.get(squash(code)) ?? null;
}

/**
 * Checks the form field by field. `startDateOptional` is for several records at once, where an
 * empty start date means each record's own date.
 */
export function validateClosure(
  form: ClosureForm,
  options: { startDateOptional?: boolean } = {}
): { closure: Closure | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const status = CLOSURE_STATUSES.find(s => s.toLowerCase() === form.status.trim().toLowerCase());
  if (!status) {
    errors.push({ field: 'status', message: 'Choose a closure status: Open or Closed.' });
  }
  const typed = splitCodes(form.codes);
  const unknown = typed.filter(c => !canonicalCode(c));
  const codes = [...new Set(typed.map(canonicalCode).filter((c): c is string => !!c))];
  if (unknown.length) {
    errors.push({
      field: 'codes',
      message: `${unknown.length > 1 ? 'These are not FOI exemption codes' : 'This is not an FOI exemption code'} TDR accepts: ${unknown.map(c => `"${c}"`).join(', ')}. Use codes such as 40(2), 43(2), 27(1) or EIR 12(5)(a).`,
    });
  }
  const periodText = form.period.trim();
  let period: number | null = null;
  if (periodText) {
    const n = Number(periodText);
    if (!/^\d+$/.test(periodText) || n < CLOSURE_PERIOD_MIN || n > CLOSURE_PERIOD_MAX) {
      errors.push({
        field: 'period',
        message: `The closure period must be a whole number of years from ${CLOSURE_PERIOD_MIN} to ${CLOSURE_PERIOD_MAX} ("${periodText}" is not).`,
      });
    } else {
      period = n;
    }
  }
  if (status === 'Closed') {
    if (!codes.length && !unknown.length) {
      errors.push({
        field: 'codes',
        message: 'A closed record needs at least one FOI exemption code, e.g. 40(2).',
      });
    }
    if (!periodText) {
      errors.push({ field: 'period', message: 'A closed record needs a closure period in years.' });
    }
    if (!form.startDate && !options.startDateOptional) {
      errors.push({
        field: 'startDate',
        message: 'A closed record needs a closure start date (usually the date of the record).',
      });
    }
  }
  if (status === 'Open') {
    if (typed.length || periodText) {
      errors.push({
        field: 'codes',
        message:
          'An open record has no exemption codes or closure period: clear them, or choose Closed.',
      });
    }
    if (form.titleClosed || form.descriptionClosed) {
      errors.push({
        field: 'titleClosed',
        message:
          'Only a closed record can have its title or description closed: choose Closed, or untick them.',
      });
    }
  }
  if (form.titleClosed && !form.alternateTitle.trim()) {
    errors.push({
      field: 'alternateTitle',
      message: 'The title is closed: give an alternate title to publish in its place.',
    });
  }
  if (form.descriptionClosed && !form.alternateDescription.trim()) {
    errors.push({
      field: 'alternateDescription',
      message: 'The description is closed: give an alternate description to publish in its place.',
    });
  }
  if (errors.length || !status) return { closure: null, errors };
  const closed = status === 'Closed';
  return {
    closure: {
      status,
      period: closed ? period : null,
      codes: closed ? codes : [],
      startDate: closed ? form.startDate : null,
      titleClosed: closed && form.titleClosed,
      alternateTitle: closed && form.titleClosed ? form.alternateTitle.trim() : '',
      descriptionClosed: closed && form.descriptionClosed,
      alternateDescription:
        closed && form.descriptionClosed ? form.alternateDescription.trim() : '',
    },
    errors: [],
  };
}

/** One line for the register and the audit log: "Closed 84 years from 2024-03-01 under 40(2)". */
export function describeClosure(
  closure: Closure,
  startDate: Date | null = closure.startDate
): string {
  if (closure.status === 'Open') return 'Open';
  const years = closure.period === 1 ? '1 year' : `${closure.period} years`;
  const from = startDate ? ` from ${startDate.toISOString().slice(0, 10)}` : '';
  const parts = [`Closed ${years}${from} under ${closure.codes.join(CODE_SEPARATOR)}`];
  if (closure.titleClosed) parts.push('title closed');
  if (closure.descriptionClosed) parts.push('description closed');
  return parts.join('; ');
}
