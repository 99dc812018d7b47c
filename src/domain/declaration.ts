// Declaring an item a record: checking the form and the item, and the register entry that results.
import {
  DESCRIPTORS,
  formatMarking,
  HANDLING_INSTRUCTIONS,
  HIGHER_CLASSIFICATION_GUIDANCE,
  isHeldClassification,
  isRefusedClassification,
  NATIONAL_CAVEATS,
  normaliseMarking,
} from './classification';
import type { Marking, MarkingScan } from './classification';
import type { BusinessUnit, Series } from './file-plan';
import { functionOf } from './file-plan';
import { computeDueDates } from './retention';
import type { RetentionSchedule } from './retention';

export interface ReferenceData {
  series: Series[];
  schedules: RetentionSchedule[];
  businessUnits: BusinessUnit[];
}

export interface DeclarationForm {
  classification: string;
  handlingInstructions: string[];
  descriptors: string[];
  caveats: string[];
  series: string;
  businessUnit: string;
  description: string;
  recordDate: Date | null;
  lock: boolean;
}

export interface FieldError {
  field: keyof DeclarationForm | 'item';
  message: string;
}

export interface ValidDeclaration {
  marking: Marking;
  series: Series;
  schedule: RetentionSchedule;
  businessUnit: BusinessUnit;
  recordDate: Date;
  description: string;
  lock: boolean;
}

/** TDR's limit for a description (research/features.md §2). */
export const DESCRIPTION_LIMIT = 8000;
const DAY_MS = 86_400_000;

export function validateDeclaration(
  form: DeclarationForm,
  reference: ReferenceData,
  now: Date
): { errors: FieldError[]; valid: ValidDeclaration | null } {
  const errors: FieldError[] = [];
  const classification = form.classification.trim().toUpperCase();
  if (!classification) {
    errors.push({ field: 'classification', message: 'Choose a classification.' });
  } else if (isRefusedClassification(classification)) {
    errors.push({
      field: 'classification',
      message: `${classification} cannot be declared here. ${HIGHER_CLASSIFICATION_GUIDANCE}`,
    });
  } else if (!isHeldClassification(classification)) {
    errors.push({
      field: 'classification',
      message: `"${form.classification}" is not a classification this system holds: choose OFFICIAL or OFFICIAL-SENSITIVE.`,
    });
  }
  const unknown = (values: string[], allowed: readonly string[]) =>
    values.filter(v => !allowed.includes(v));
  const badHandling = unknown(form.handlingInstructions, HANDLING_INSTRUCTIONS);
  const badDescriptors = unknown(form.descriptors, DESCRIPTORS);
  const badCaveats = unknown(form.caveats, NATIONAL_CAVEATS);
  if (badHandling.length)
    errors.push({
      field: 'handlingInstructions',
      message: `Unknown handling instruction: ${badHandling.join(', ')}.`,
    });
  if (badDescriptors.length)
    errors.push({
      field: 'descriptors',
      message: `Unknown descriptor: ${badDescriptors.join(', ')}.`,
    });
  if (badCaveats.length)
    errors.push({ field: 'caveats', message: `Unknown caveat: ${badCaveats.join(', ')}.` });
  if (
    classification === 'OFFICIAL' &&
    (form.handlingInstructions.length || form.descriptors.length)
  ) {
    errors.push({
      field: 'descriptors',
      message:
        'Handling instructions and descriptors apply only to OFFICIAL-SENSITIVE: choose OFFICIAL-SENSITIVE or clear them.',
    });
  }

  const series = reference.series.find(s => s.code === form.series.trim());
  let schedule: RetentionSchedule | undefined;
  if (!form.series.trim())
    errors.push({ field: 'series', message: 'Choose the file-plan series the record belongs to.' });
  else if (!series || !series.active)
    errors.push({
      field: 'series',
      message: `Series ${form.series} is not in the file plan (or is closed). Ask the records team.`,
    });
  else {
    schedule = reference.schedules.find(r => r.code === series.retentionCode);
    if (!schedule)
      errors.push({
        field: 'series',
        message: `Series ${series.code} names retention schedule "${series.retentionCode}", which is not in the register. Ask the records team to correct the file plan.`,
      });
  }

  const unit = reference.businessUnits.find(u => u.code === form.businessUnit.trim());
  if (!form.businessUnit.trim())
    errors.push({ field: 'businessUnit', message: 'Choose your business unit.' });
  else if (!unit)
    errors.push({
      field: 'businessUnit',
      message: `Business unit ${form.businessUnit} is not in the register.`,
    });

  const date = form.recordDate;
  if (!date || Number.isNaN(date.getTime()))
    errors.push({ field: 'recordDate', message: 'Give the date of the record.' });
  else if (date.getTime() > now.getTime() + DAY_MS)
    errors.push({
      field: 'recordDate',
      message: 'The date of the record cannot be in the future.',
    });
  else if (date.getUTCFullYear() < 1900)
    errors.push({
      field: 'recordDate',
      message: 'The date of the record is before 1900: check the year.',
    });

  if (form.description.length > DESCRIPTION_LIMIT) {
    errors.push({
      field: 'description',
      message: `The description is ${form.description.length.toLocaleString('en-GB')} characters; the limit is ${DESCRIPTION_LIMIT.toLocaleString('en-GB')}.`,
    });
  }

  if (
    errors.length ||
    !series ||
    !schedule ||
    !unit ||
    !date ||
    !isHeldClassification(classification)
  ) {
    return { errors, valid: null };
  }
  return {
    errors,
    valid: {
      marking: normaliseMarking({
        classification,
        handlingInstructions: form.handlingInstructions,
        descriptors: form.descriptors,
        caveats: form.caveats,
      }),
      series,
      schedule,
      businessUnit: unit,
      recordDate: date,
      description: form.description.trim(),
      lock: form.lock,
    },
  };
}

export interface SharingFacts {
  /** Anyone (with or without the link) can open it. */
  public: boolean;
  /** Editors and viewers outside the department's domain. */
  outsideDomain: string[];
}

export interface ItemFacts {
  fileId: string;
  title: string;
  mimeType: string;
  url: string;
  owner: string;
  sharing: SharingFacts;
  scan: MarkingScan;
  checksum: string;
}

export interface ItemCheck {
  /** Why the item cannot be declared now; null when it can. */
  blocked: string | null;
  /** Things to tell the user that do not stop the declaration. */
  warnings: string[];
  /** Things to record in the register's notes. */
  notes: string[];
}

/** Checks that depend on the item itself: its existing markings and who it is shared with. */
export function checkItem(item: ItemFacts, marking: Marking | null): ItemCheck {
  const warnings: string[] = [];
  const notes: string[] = [];
  if (item.scan.refused) {
    return {
      blocked: `"${item.title}" carries a ${item.scan.refused} marking and cannot be held here. ${HIGHER_CLASSIFICATION_GUIDANCE}`,
      warnings,
      notes,
    };
  }
  if (item.scan.legacy.length) {
    const words = item.scan.legacy.join(', ');
    warnings.push(
      `"${item.title}" carries the old marking ${words}. Declaring it re-marks it under the current scheme.`
    );
    notes.push(`Legacy marking ${words} found and re-marked`);
  }
  if (marking?.classification === 'OFFICIAL-SENSITIVE') {
    const problems: string[] = [];
    if (item.sharing.public) problems.push('anyone with the link can open it');
    if (item.sharing.outsideDomain.length)
      problems.push(
        `it is shared outside the department with ${item.sharing.outsideDomain.join(', ')}`
      );
    if (problems.length) {
      return {
        blocked: `"${item.title}" is OFFICIAL-SENSITIVE but ${problems.join(' and ')}. Restrict its sharing in Drive (Share → General access → Restricted; remove people outside the department), then declare it.`,
        warnings,
        notes,
      };
    }
  }
  return { blocked: null, warnings, notes };
}

export type RecordType = 'Document' | 'Spreadsheet' | 'Presentation' | 'PDF' | 'File' | 'Email';

export function recordTypeOf(mimeType: string): RecordType {
  if (mimeType === 'application/vnd.google-apps.document') return 'Document';
  if (mimeType === 'application/vnd.google-apps.spreadsheet') return 'Spreadsheet';
  if (mimeType === 'application/vnd.google-apps.presentation') return 'Presentation';
  if (mimeType === 'application/pdf') return 'PDF';
  if (mimeType === 'message/rfc822') return 'Email';
  return 'File';
}

/** A register entry, keyed by register column keys (see register-schema.ts). */
export type RegisterEntry = Record<string, string | number | Date | null>;

export interface EntryInput {
  recordId: string;
  item: ItemFacts;
  declaration: ValidDeclaration;
  declaredBy: string;
  declaredAt: Date;
  folderId: string;
  filing: string;
  lockedAt: Date | null;
  notes: string[];
}

export function buildRegisterEntry(input: EntryInput): RegisterEntry {
  const { item, declaration: d } = input;
  const due = computeDueDates(d.recordDate, d.schedule);
  return {
    recordId: input.recordId,
    fileId: item.fileId,
    url: item.url,
    title: stripMarkingPrefix(item.title),
    originalTitle: item.title,
    description: d.description,
    recordType: recordTypeOf(item.mimeType),
    mimeType: item.mimeType,
    functionCode: functionOf(d.series.code),
    series: d.series.code,
    businessUnit: d.businessUnit.code,
    classification: d.marking.classification,
    handling: d.marking.handlingInstructions.join('; '),
    descriptors: d.marking.descriptors.join('; '),
    caveats: d.marking.caveats.join('; '),
    marking: formatMarking(d.marking),
    declaredBy: input.declaredBy,
    declaredAt: input.declaredAt,
    recordDate: d.recordDate,
    retentionCode: d.schedule.code,
    disposalAction: d.schedule.action,
    disposalDue: due.disposalDue,
    transferDue: due.transferDue,
    lifecycle: 'Declared',
    filing: input.filing,
    folderId: input.folderId,
    locked: input.lockedAt ? 'Yes' : 'No',
    lockedAt: input.lockedAt,
    checksum: item.checksum,
    owner: item.owner,
    legalHold: 'No',
    notes: [due.note, ...input.notes].filter(Boolean).join('. '),
    updatedAt: input.declaredAt,
  };
}

/** File names of marked non-Google files start with `[MARKING] `; the register keeps the title. */
export function markedName(title: string, marking: Marking): string {
  return `[${formatMarking(marking)}] ${stripMarkingPrefix(title)}`;
}

export function stripMarkingPrefix(title: string): string {
  return title.replace(/^\[(OFFICIAL|OFFICIAL-SENSITIVE)[^\]]*\]\s*/, '');
}
