// Lessons learned: what a project found before, during or after its work, and what will be done
// about it, linked to the project's file-plan series. This module checks the form, numbers
// lessons (LES-YYYY-NNNNNN) and builds the Lessons row and its audit note; it knows nothing of
// Apps Script.
import type { ReferenceData, RegisterEntry } from './declaration';
import { LESSON_STAGES } from './register-schema';
import { cleanText } from './text';

export type LessonStage = (typeof LESSON_STAGES)[number];

/** The lesson form as the user filled it in (every field as typed). */
export interface LessonForm {
  project: string;
  series: string;
  businessUnit: string;
  stage: string;
  happened: string;
  lesson: string;
  action: string;
  owner: string;
}

export type LessonField = keyof LessonForm;

export interface LessonError {
  field: LessonField;
  message: string;
}

/** A lesson that passed every check, trimmed. */
export interface ValidLesson extends LessonForm {
  stage: LessonStage;
}

/**
 * Longest text each field takes. Well under a cell's 50,000 characters: a lesson is read in a
 * sidebar and in the ExCo report, so a page of text belongs in a document, linked from the action.
 */
export const LESSON_LIMITS: Record<LessonField, number> = {
  project: 150,
  series: 40,
  businessUnit: 40,
  stage: 10,
  happened: 4000,
  lesson: 4000,
  action: 2000,
  owner: 200,
};

const LABELS: Record<LessonField, string> = {
  project: 'The project name',
  series: 'The series',
  businessUnit: 'The business unit',
  stage: 'The stage',
  happened: 'What happened',
  lesson: 'The lesson',
  action: 'The action',
  owner: 'The action owner',
};

export const LESSON_ID = /^LES-(\d{4})-(\d{6})$/;
export const LESSON_AUDIT_ACTION = 'Lesson recorded';
/** The same lesson sent again by the same person within this time is the same submission. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A person's name or a role: letters first, then letters, digits, spaces and name punctuation. */
const NAME = /^\p{L}[\p{L}\p{M}\d .,'’()&/-]*$/u;

export function emptyLessonForm(): LessonForm {
  return {
    project: '',
    series: '',
    businessUnit: '',
    stage: '',
    happened: '',
    lesson: '',
    action: '',
    owner: '',
  };
}

export function formatLessonId(year: number, sequence: number): string {
  if (sequence < 1 || sequence > 999_999)
    throw new Error(`Lesson sequence out of range: ${sequence}`);
  return `LES-${year}-${String(sequence).padStart(6, '0')}`;
}

export function parseLessonId(id: string): { year: number; sequence: number } | null {
  const m = LESSON_ID.exec(id);
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : null;
}

/** Every problem with the form at once (nothing is saved while there is one). */
export function validateLesson(
  form: LessonForm,
  reference: ReferenceData
): { errors: LessonError[]; valid: ValidLesson | null } {
  const errors: LessonError[] = [];
  const say = (field: LessonField, message: string) => errors.push({ field, message });
  const value = trimmed(form);

  if (!value.project) say('project', 'Name the project the lesson comes from.');
  const series = reference.series.find(s => s.code === value.series);
  if (!value.series) say('series', 'Choose the project’s file-plan series.');
  else if (!series || !series.active)
    say(
      'series',
      `Series ${value.series} is not in the file plan (or is closed). Choose another, or ask the records team.`
    );
  if (!value.businessUnit) say('businessUnit', 'Choose your business unit.');
  else if (!reference.businessUnits.some(u => u.code === value.businessUnit))
    say('businessUnit', `Business unit ${value.businessUnit} is not in the register.`);
  if (!(LESSON_STAGES as readonly string[]).includes(value.stage))
    say('stage', 'Choose when the lesson was learned: Before, During or After the project.');
  if (!value.lesson) say('lesson', 'Write the lesson: what should be done differently next time.');
  if (value.action && !value.owner)
    say('owner', 'Name who owns the action (an email address or a name).');
  if (value.owner && !EMAIL.test(value.owner) && !NAME.test(value.owner))
    say(
      'owner',
      `"${value.owner.slice(0, 60)}" is not an email address or a name. Give one, e.g. alice@example.gov.uk or Head of Estates.`
    );
  for (const field of Object.keys(LESSON_LIMITS) as LessonField[]) {
    const length = value[field].length;
    if (length > LESSON_LIMITS[field])
      say(
        field,
        `${LABELS[field]} is ${length.toLocaleString('en-GB')} characters long; at most ${LESSON_LIMITS[field].toLocaleString('en-GB')} are taken. Shorten it (a longer account belongs in a document).`
      );
  }
  return {
    errors,
    valid: errors.length ? null : { ...value, stage: value.stage as LessonStage },
  };
}

export interface LessonMeta {
  lessonId: string;
  recordedBy: string;
  recordedAt: Date;
  /** The document the lesson was recorded from, and its record when it is one. */
  fileId: string;
  recordId: string;
}

/** The fields a person fills in, as the register service receives them. */
export function lessonFields(lesson: ValidLesson): Record<LessonField, string> {
  return {
    project: lesson.project,
    series: lesson.series,
    businessUnit: lesson.businessUnit,
    stage: lesson.stage,
    happened: lesson.happened,
    lesson: lesson.lesson,
    action: lesson.action,
    owner: lesson.owner,
  };
}

/** The Lessons row, keyed by column key (the register adapter writes every string as text). */
export function lessonEntry(lesson: ValidLesson, meta: LessonMeta): RegisterEntry {
  return {
    lessonId: meta.lessonId,
    ...lessonFields(lesson),
    recordedBy: meta.recordedBy,
    recordedAt: meta.recordedAt,
    fileId: meta.fileId,
    recordId: meta.recordId,
  };
}

/** The audit row's details: enough to find the lesson, without repeating its text. */
export function lessonAuditDetails(lesson: ValidLesson, lessonId: string): string {
  const project = lesson.project.length > 80 ? `${lesson.project.slice(0, 79)}…` : lesson.project;
  return `${lessonId}: ${lesson.stage.toLowerCase()} project "${project}", series ${lesson.series}, business unit ${lesson.businessUnit}`;
}

/**
 * Whether a Lessons row already holds this lesson from the same person, recorded so recently
 * that it must be the same submission sent again (a double press, a retry after a timeout).
 */
export function isSameSubmission(
  row: RegisterEntry,
  lesson: ValidLesson,
  recordedBy: string,
  now: Date
): boolean {
  const text = (key: string) => String(row[key] ?? '').trim();
  const at = row.recordedAt;
  const recordedAt = Object.prototype.toString.call(at) === '[object Date]' ? (at as Date) : null;
  return (
    text('recordedBy').toLowerCase() === recordedBy.toLowerCase() &&
    !!recordedAt &&
    Math.abs(now.getTime() - recordedAt.getTime()) <= DUPLICATE_WINDOW_MS &&
    text('project') === lesson.project &&
    text('series') === lesson.series &&
    text('stage') === lesson.stage &&
    text('lesson') === cleanForCompare(lesson.lesson) &&
    text('happened') === cleanForCompare(lesson.happened) &&
    text('action') === cleanForCompare(lesson.action)
  );
}

/** Fields a lesson request to the register service may carry; everything else the service sets. */
export const LESSON_REQUEST_FIELDS: readonly string[] = [
  'project',
  'series',
  'businessUnit',
  'stage',
  'happened',
  'lesson',
  'action',
  'owner',
  'fileId',
];

const DRIVE_ID = /^[\w-]{10,200}$/;

/**
 * A lesson as sent to the register service, read strictly: only the lesson's own fields, each
 * text; the id, who recorded it and when are the service's to set. Free text is taken as typed,
 * formula-like or not: every string is written to the sheet as text, so none can run.
 */
export function readLessonRequest(wire: Record<string, unknown>): {
  form: LessonForm;
  fileId: string;
  problems: string[];
} {
  const problems: string[] = [];
  const refused = Object.keys(wire).filter(k => !LESSON_REQUEST_FIELDS.includes(k));
  if (refused.length)
    problems.push(`A lesson request may not set ${refused.join(', ')}: the service sets them.`);
  const text = (key: string): string => {
    const value = wire[key];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') {
      problems.push(`${key} must be text.`);
      return '';
    }
    return value;
  };
  const form: LessonForm = {
    project: text('project'),
    series: text('series'),
    businessUnit: text('businessUnit'),
    stage: text('stage'),
    happened: text('happened'),
    lesson: text('lesson'),
    action: text('action'),
    owner: text('owner'),
  };
  const fileId = text('fileId').trim();
  if (fileId && !DRIVE_ID.test(fileId)) problems.push('File ID is not a Drive file id.');
  return { form, fileId, problems };
}

function trimmed(form: LessonForm): LessonForm {
  const out = emptyLessonForm();
  for (const key of Object.keys(out) as LessonField[]) out[key] = String(form[key] ?? '').trim();
  return out;
}

/** Text as a cell gives it back: control characters gone, line ends as \n, trimmed. */
function cleanForCompare(value: string): string {
  return cleanText(value).trim();
}
