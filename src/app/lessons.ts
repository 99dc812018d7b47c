// Lessons learned: recorded before, during and after a project, kept in the register's Lessons tab
// and shown in the sidebar of every document in the project's series. Reading a series' lessons
// is one search of the Lessons tab's Series column and a read of the newest few rows; recording
// one is one write to the Lessons tab and its audit row, under the script lock.
import { withScriptLock } from '../adapters/lock';
import { readPreferences, savePreferences } from '../adapters/properties';
import type { EntryRow } from '../adapters/register';
import { callRegisterService } from '../adapters/register-service';
import type { RegisterEntry } from '../domain/declaration';
import {
  emptyLessonForm,
  formatLessonId,
  isSameSubmission,
  LESSON_AUDIT_ACTION,
  lessonAuditDetails,
  lessonEntry,
  lessonFields,
  validateLesson,
} from '../domain/lesson';
import type { LessonError, LessonForm, ValidLesson } from '../domain/lesson';
import { TABS } from '../domain/register-schema';
import type { Workplace } from './deployment';
import { UserFacingError } from './errors';
import { registerWriter } from './register-writer';

export interface LessonSummary {
  lessonId: string;
  project: string;
  stage: string;
  lesson: string;
  action: string;
  owner: string;
  recordedAt: Date | null;
}

/** The newest lessons of a series, and how many it has in all. */
export interface SeriesLessons {
  lessons: LessonSummary[];
  total: number;
}

/** Lessons the sidebar shows for a series (the newest); the rest are in the Lessons tab. */
export const LESSONS_SHOWN = 5;
/** Rows closer together than this are read in one block rather than one read each. */
const BLOCK_READ_SPAN = 40;
/** A person's own latest lessons, searched for the same submission sent again. */
const RECENT_OWN_LESSONS = 3;
const SEQUENCE_PREFIX = 'records-capture.lesson-sequence.';

/** The lessons recorded against a series, most recent first (at most LESSONS_SHOWN read). */
export function lessonsForSeries(w: Workplace, series: string): SeriesLessons {
  const register = w.register;
  // An older register without the tab has no lessons yet; the form explains what to do.
  if (!series || !register.spreadsheet.getSheetByName(TABS.lessons.name)) {
    return { lessons: [], total: 0 };
  }
  const rows = searchColumn(w, 'series', series, true);
  const newest = readRows(w, rows.slice(-LESSONS_SHOWN));
  return {
    // Rows are appended in order, so ties in time go to the later row.
    lessons: newest.reverse().map(summarise).sort(newestFirst),
    total: rows.length,
  };
}

/** What the lesson form opens with: the project last used in the series, the user's unit. */
export function lessonDefaults(series: string, project: string): LessonForm {
  return {
    ...emptyLessonForm(),
    series,
    project,
    businessUnit: readPreferences().businessUnit,
  };
}

export interface LessonOutcome {
  /** Problems with the form: nothing was saved. */
  errors: LessonError[];
  lessonId: string;
  /** 'existing' when the same submission had already been recorded (a second press). */
  status: 'added' | 'existing' | null;
}

/**
 * Records a lesson (checked first; nothing is saved while the form has a problem), through the
 * register service when the deployment has one, else straight to the register. `fileId` is the
 * document the lesson was recorded from, if any.
 */
export function recordLesson(
  w: Workplace,
  form: LessonForm,
  source: { fileId: string } = { fileId: '' },
  now: Date
): LessonOutcome {
  const { errors, valid } = validateLesson(form, w.reference);
  if (!valid) return { errors, lessonId: '', status: null };
  requireLessonsTab(w);
  const writer = registerWriter(w);
  const url = w.config.registerService?.url;
  const result =
    writer.viaService && url
      ? sendToService(w, url, valid, source.fileId)
      : commitLesson(w, w.user, valid, source.fileId, now);
  rememberUnit(valid.businessUnit);
  return { errors: [], ...result };
}

/**
 * Writes a checked lesson and its audit row as `actor`, under the script lock, unless the same
 * person sent the same lesson moments ago. The register service calls this too.
 */
export function commitLesson(
  w: Workplace,
  actor: string,
  lesson: ValidLesson,
  fileId: string,
  now: Date
): { lessonId: string; status: 'added' | 'existing' } {
  // The document's record, when it is one (read before the lock: it does not change the write).
  const recordId = fileId ? (w.register.findByFileIds([fileId]).get(fileId)?.recordId ?? '') : '';
  return withScriptLock(() => {
    w.register.forgetPositions();
    requireLessonsTab(w);
    const own = readRows(w, searchColumn(w, 'recordedBy', actor, false).slice(-RECENT_OWN_LESSONS));
    const same = own.find(r => isSameSubmission(r.entry, lesson, actor, now));
    if (same) return { lessonId: String(same.entry.lessonId ?? ''), status: 'existing' as const };

    const lessonId = reserveLessonId(now.getUTCFullYear());
    const audit: RegisterEntry = {
      at: now,
      actor,
      action: LESSON_AUDIT_ACTION,
      recordId,
      fileId,
      details: lessonAuditDetails(lesson, lessonId),
    };
    w.register.appendTo(
      'lessons',
      [lessonEntry(lesson, { lessonId, recordedBy: actor, recordedAt: now, fileId, recordId })],
      [audit]
    );
    return { lessonId, status: 'added' as const };
  });
}

/** An older register, made before lessons, lacks the tab until the records team's tools add it. */
function requireLessonsTab(w: Workplace): void {
  if (w.register.spreadsheet.getSheetByName(TABS.lessons.name)) return;
  throw new UserFacingError(
    `The register has no "${TABS.lessons.name}" tab yet: it was made by an earlier version of Records Capture. Ask the records team (${w.administrators.join(', ') || 'your records administrator'}) to open the register with the Records Capture sidebar once, which adds the tab. Your lesson was not saved; the form still has it.`,
    'Lessons tab missing'
  );
}

function sendToService(
  w: Workplace,
  url: string,
  lesson: ValidLesson,
  fileId: string
): { lessonId: string; status: 'added' | 'existing' } {
  const answer = callRegisterService(url, {
    operation: 'lesson',
    lesson: { ...lessonFields(lesson), fileId },
  });
  if (answer.operation !== 'lesson') {
    throw new UserFacingError(
      'The register service answered a different question than it was asked. Nothing more was saved. Tell the records team.',
      'Register service failed'
    );
  }
  w.register.forgetPositions();
  return { lessonId: answer.lessonId, status: answer.status };
}

/** Rows of the Lessons tab whose `key` column is `value`: one server-side search, no rows read. */
function searchColumn(w: Workplace, key: string, value: string, matchCase: boolean): number[] {
  const register = w.register;
  const columns = register.columns('lessons');
  const last = register.lastRow('lessons');
  if (last < 2 || columns[key] === undefined) return [];
  return register
    .sheet('lessons')
    .getRange(2, columns[key] + 1, last - 1, 1)
    .createTextFinder(value)
    .matchEntireCell(true)
    .matchCase(matchCase)
    .findAll()
    .map(range => range.getRow())
    .sort((a, b) => a - b);
}

/** Reads the given rows: one block when they lie close together, else one read per row. */
function readRows(w: Workplace, rows: number[]): EntryRow[] {
  if (!rows.length) return [];
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (last - first < BLOCK_READ_SPAN) {
    const wanted = new Set(rows);
    return w.register
      .readEntries('lessons', first, last - first + 1)
      .filter(r => wanted.has(r.row));
  }
  return rows.flatMap(row => w.register.readEntries('lessons', row, 1));
}

function summarise({ entry }: EntryRow): LessonSummary {
  const text = (key: string) => String(entry[key] ?? '').trim();
  const at = entry.recordedAt;
  return {
    lessonId: text('lessonId'),
    project: text('project'),
    stage: text('stage'),
    lesson: text('lesson'),
    action: text('action'),
    owner: text('owner'),
    recordedAt: Object.prototype.toString.call(at) === '[object Date]' ? (at as Date) : null,
  };
}

function newestFirst(a: LessonSummary, b: LessonSummary): number {
  return (b.recordedAt?.getTime() ?? 0) - (a.recordedAt?.getTime() ?? 0);
}

/** The next lesson number of the year. Call only while holding the script lock. */
function reserveLessonId(year: number): string {
  const props = PropertiesService.getScriptProperties();
  const key = SEQUENCE_PREFIX + year;
  const next = Number(props.getProperty(key) ?? '0') + 1;
  props.setProperty(key, String(next));
  return formatLessonId(year, next);
}

function rememberUnit(businessUnit: string): void {
  const preferences = readPreferences();
  if (preferences.businessUnit === businessUnit) return;
  savePreferences({ ...preferences, businessUnit });
}
