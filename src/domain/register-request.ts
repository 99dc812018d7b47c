// What staff may ask the register service to write, and the checks every request passes before
// anything is written. The service runs with the records team's authority, so it trusts nothing
// in a request: who is asking comes from their sign-in token, never from the request; each new
// register row must be a well-formed declaration by that person (known codes, a consistent
// marking and retention, text within limits, nothing a spreadsheet would run as a formula); later
// changes touch only the columns staff flows change, on rows the caller declared.
import {
  DESCRIPTORS,
  formatMarking,
  HANDLING_INSTRUCTIONS,
  isHeldClassification,
  NATIONAL_CAVEATS,
  normaliseMarking,
} from './classification';
import { DESCRIPTION_LIMIT, recordTypeOf } from './declaration';
import type { ReferenceData, RegisterEntry } from './declaration';
import { functionOf } from './file-plan';
import { parseRecordId } from './record-id';
import { FINAL_STATES, REGISTER_COLUMNS } from './register-schema';
import type { ColumnSpec } from './register-schema';
import { computeDueDates } from './retention';
import { CELL_CHARACTER_LIMIT } from './text';

export const SERVICE_VERSION = 1;
export const SERVICE_NAME = 'Records Capture register service';
/** Entries or changes in one request: a scheduled capture batch is 25. */
export const MAX_REQUEST_ITEMS = 100;

export type WireValue = string | number | null;
/** A register entry as sent: dates as ISO 8601 text. */
export type WireEntry = Record<string, WireValue>;

export interface WireAudit {
  action: string;
  details: string;
}

export interface DeclareRequest {
  version: number;
  token: string;
  operation: 'declare';
  entries: { entry: WireEntry; audit: WireAudit }[];
}

export interface UpdateRequest {
  version: number;
  token: string;
  operation: 'update';
  changes: { recordId: string; fileId: string; values: WireEntry; audit: WireAudit }[];
}

export interface SeriesFolderRequest {
  version: number;
  token: string;
  operation: 'seriesFolder';
  series: string;
}

/** A lesson learned for the Lessons tab: its fields only (the service sets id, who and when). */
export interface LessonRequest {
  version: number;
  token: string;
  operation: 'lesson';
  lesson: Record<string, string>;
}

export type ServiceRequest = DeclareRequest | UpdateRequest | SeriesFolderRequest | LessonRequest;

/** A register row as the service reports it back (what the sidebar shows of a record). */
export interface WireRecord {
  row: number;
  recordId: string;
  fileId: string;
  title: string;
  classification: string;
  marking: string;
  series: string;
  declaredBy: string;
  declaredAt: string;
  filing: string;
  folderId: string;
  checksum: string;
  savedFiles: string;
}

export type ServiceResponse =
  | {
      ok: true;
      operation: 'declare';
      results: { key: string; status: 'added' | 'existing'; record: WireRecord }[];
      truncatedFields: string[];
    }
  | { ok: true; operation: 'update'; updated: string[] }
  | { ok: true; operation: 'seriesFolder'; folderId: string }
  | { ok: true; operation: 'lesson'; lessonId: string; status: 'added' | 'existing' }
  | { ok: false; error: string };

/** Audit actions a staff flow writes, per operation. */
export const DECLARE_ACTIONS = ['Declared', 'Email captured', 'Email captured (scheduled)'];
export const UPDATE_ACTIONS = ['Filing finished', 'Email rendition made'];

/** Register columns a declaration by a member of staff may fill. */
export const DECLARE_FIELDS = [
  'recordId',
  'fileId',
  'url',
  'title',
  'originalTitle',
  'description',
  'recordType',
  'mimeType',
  'functionCode',
  'series',
  'businessUnit',
  'classification',
  'handling',
  'descriptors',
  'caveats',
  'marking',
  'declaredBy',
  'declaredAt',
  'recordDate',
  'retentionCode',
  'disposalAction',
  'disposalDue',
  'transferDue',
  'lifecycle',
  'filing',
  'folderId',
  'locked',
  'lockedAt',
  'checksum',
  'owner',
  'onBehalfOf',
  'legalHold',
  'messageId',
  'inReplyTo',
  'from',
  'to',
  'cc',
  'sentAt',
  'subject',
  'threadId',
  'attachments',
  'savedFiles',
  'notes',
  'updatedAt',
];

/** Columns staff flows change later (finishing filing, adding an email's rendition). */
export const UPDATE_FIELDS = [
  'filing',
  'locked',
  'lockedAt',
  'savedFiles',
  'checksum',
  'attachments',
];

const SPEC: Record<string, ColumnSpec> = Object.fromEntries(REGISTER_COLUMNS.map(c => [c.key, c]));
const CODE_LIMIT = 500;
const AUDIT_DETAILS_LIMIT = 2000;
const DAY_MS = 86_400_000;
/** A cell value Sheets would run: `=SUM(`, `+IMPORTXML(`, `@HYPERLINK(`, `-CMD(`. */
const FORMULA = /^[=+@-][A-Za-z_][\w.]*\(/;
const DRIVE_ID = /^[\w-]{10,200}$/;
const GOOGLE_URL = /^https:\/\/(docs|drive)\.google\.com\/\S+$/;

/** Dates become ISO text for the wire; everything else is sent as it is. */
export function toWire(entry: RegisterEntry): WireEntry {
  const out: WireEntry = {};
  for (const [key, value] of Object.entries(entry)) {
    out[key] = isDate(value) ? value.toISOString() : value === undefined ? null : value;
  }
  return out;
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The request as sent, checked for shape only (not yet for what it asks). */
export function parseRequest(text: string): { request: ServiceRequest } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'The request is not valid JSON.' };
  }
  if (!isRecord(value)) return { error: 'The request must be a JSON object.' };
  if (value.version !== SERVICE_VERSION) {
    return {
      error: `The request is for version ${String(value.version)} of the register service; this is version ${SERVICE_VERSION}. Reload the sidebar.`,
    };
  }
  if (typeof value.token !== 'string' || !value.token) {
    return {
      error: 'The request carries no sign-in token, so the service cannot tell who you are.',
    };
  }
  const list = (name: string) => {
    const items = value[name];
    if (!Array.isArray(items) || !items.length) return `The request has no ${name}.`;
    if (items.length > MAX_REQUEST_ITEMS) {
      return `The request has ${items.length} ${name}; at most ${MAX_REQUEST_ITEMS} are taken at once.`;
    }
    return null;
  };
  switch (value.operation) {
    case 'declare': {
      const problem = list('entries');
      if (problem) return { error: problem };
      const ok = (value.entries as unknown[]).every(
        e => isRecord(e) && isRecord(e.entry) && isAudit(e.audit)
      );
      if (!ok) return { error: 'Each entry must be {entry, audit: {action, details}}.' };
      return { request: value as unknown as DeclareRequest };
    }
    case 'update': {
      const problem = list('changes');
      if (problem) return { error: problem };
      const ok = (value.changes as unknown[]).every(
        c =>
          isRecord(c) &&
          typeof c.recordId === 'string' &&
          typeof c.fileId === 'string' &&
          isRecord(c.values) &&
          isAudit(c.audit)
      );
      if (!ok) return { error: 'Each change must be {recordId, fileId, values, audit}.' };
      return { request: value as unknown as UpdateRequest };
    }
    case 'seriesFolder':
      if (typeof value.series !== 'string' || !value.series) {
        return { error: 'The request names no series.' };
      }
      return { request: value as unknown as SeriesFolderRequest };
    case 'lesson': {
      const lesson = value.lesson;
      if (!isRecord(lesson) || !Object.values(lesson).every(v => typeof v === 'string')) {
        return { error: 'The request must carry the lesson as {field: text}.' };
      }
      return { request: value as unknown as LessonRequest };
    }
    default:
      return {
        error: `The register service does not do "${String(value.operation)}": only declare, update, seriesFolder and lesson.`,
      };
  }
}

export interface EntryContext {
  /** Who is asking, as their sign-in token says. */
  caller: string;
  reference: ReferenceData;
  now: Date;
}

/**
 * A new register row from a member of staff, checked field by field; the entry to write (with
 * the service's own time for Declared at and Last updated) or what is wrong with it.
 */
export function checkDeclaredEntry(
  wire: WireEntry,
  ctx: EntryContext
): { entry: RegisterEntry; problems: string[] } {
  const problems: string[] = [];
  const entry = readFields(wire, DECLARE_FIELDS, problems);
  const text = (key: string) => (typeof entry[key] === 'string' ? (entry[key] as string) : '');
  const date = (key: string) => (isDate(entry[key]) ? (entry[key] as Date) : null);
  const label = `"${text('title') || text('fileId') || text('recordId') || 'an entry'}"`;
  const say = (message: string) => problems.push(`${label}: ${message}`);

  if (!parseRecordId(text('recordId'))) say('Record ID must look like REC-2017-000042.');
  if (text('declaredBy').toLowerCase() !== ctx.caller.toLowerCase()) {
    say(`Declared by must be you (${ctx.caller}), not "${text('declaredBy')}".`);
  }
  if (text('lifecycle') !== 'Declared') say('A new record’s lifecycle state must be Declared.');
  if (!['', 'No'].includes(text('legalHold'))) {
    say('Only the records team places legal holds.');
  }
  if (!['', 'Yes', 'No'].includes(text('locked'))) say('Locked must be Yes or No.');

  const email = text('recordType') === 'Email';
  if (email ? !text('messageId') : !DRIVE_ID.test(text('fileId'))) {
    say(email ? 'An email record needs its Message-ID.' : 'File ID is not a Drive file id.');
  }
  if (text('fileId') && !DRIVE_ID.test(text('fileId'))) say('File ID is not a Drive file id.');
  if (text('recordType') !== recordTypeOf(text('mimeType'))) {
    say(`Record type "${text('recordType')}" does not match the MIME type "${text('mimeType')}".`);
  }
  if (text('url') && !GOOGLE_URL.test(text('url'))) say('Link must be a Google Drive address.');
  for (const line of text('savedFiles').split('\n').filter(Boolean)) {
    if (!GOOGLE_URL.test(line)) say('Saved files must be Google Drive addresses, one per line.');
  }

  const classification = text('classification');
  if (!isHeldClassification(classification)) {
    say(
      `Classification "${classification}" is not held here: only OFFICIAL or OFFICIAL-SENSITIVE.`
    );
  } else {
    const listOf = (key: string) => text(key).split('; ').filter(Boolean);
    const marking = {
      classification,
      handlingInstructions: listOf('handling'),
      descriptors: listOf('descriptors'),
      caveats: listOf('caveats'),
    };
    const unknown = [
      ...marking.handlingInstructions.filter(h => !HANDLING_INSTRUCTIONS.includes(h as never)),
      ...marking.descriptors.filter(d => !DESCRIPTORS.includes(d as never)),
      ...marking.caveats.filter(c => !NATIONAL_CAVEATS.includes(c as never)),
    ];
    if (unknown.length) say(`Unknown marking words: ${unknown.join(', ')}.`);
    const expected = formatMarking(normaliseMarking(marking));
    if (text('marking') !== expected) {
      say(`Marking "${text('marking')}" does not match its classification (${expected}).`);
    }
  }

  const series = ctx.reference.series.find(s => s.code === text('series'));
  const schedule = series && ctx.reference.schedules.find(r => r.code === series.retentionCode);
  if (!series || !series.active) {
    say(`Series "${text('series')}" is not in the file plan (or is closed).`);
  } else if (!schedule) {
    say(`Series ${series.code} names a retention schedule that is not in the register.`);
  } else {
    if (text('functionCode') !== functionOf(series.code)) {
      say(`Function must be ${functionOf(series.code)} for series ${series.code}.`);
    }
    if (text('retentionCode') !== schedule.code || text('disposalAction') !== schedule.action) {
      say(`Series ${series.code} is kept under ${schedule.code} (${schedule.action}).`);
    }
    const recordDate = date('recordDate');
    if (!recordDate) {
      say('Date of the record is missing.');
    } else {
      const due = computeDueDates(recordDate, schedule);
      if (
        !sameDay(date('disposalDue'), due.disposalDue) ||
        !sameDay(date('transferDue'), due.transferDue)
      ) {
        say(
          'Disposal and transfer dates do not follow from the date of the record and the schedule.'
        );
      }
    }
  }
  if (!ctx.reference.businessUnits.some(u => u.code === text('businessUnit'))) {
    say(`Business unit "${text('businessUnit')}" is not in the register.`);
  }
  const recordDate = date('recordDate');
  if (
    recordDate &&
    (recordDate.getTime() > ctx.now.getTime() + DAY_MS || recordDate.getUTCFullYear() < 1900)
  ) {
    say('The date of the record must be between 1900 and today.');
  }
  const lockedAt = date('lockedAt');
  if (lockedAt && lockedAt.getTime() > ctx.now.getTime() + 60_000) {
    say('Locked at is in the future.');
  }
  if (text('description').length > DESCRIPTION_LIMIT) {
    say(`The description is longer than ${DESCRIPTION_LIMIT.toLocaleString('en-GB')} characters.`);
  }
  const attachments = entry.attachments;
  if (attachments !== undefined && attachments !== null && attachments !== '') {
    if (typeof attachments !== 'number' || !Number.isInteger(attachments) || attachments < 0) {
      say('Attachments must be a whole number.');
    }
  }
  entry.declaredAt = ctx.now;
  entry.updatedAt = ctx.now;
  return { entry, problems };
}

/**
 * Later changes to a row the caller declared: only the columns staff flows change; the lists of
 * saved files and checksums only grow. `current` is the row as read under the lock.
 */
export function checkUpdate(
  wire: WireEntry,
  current: RegisterEntry,
  ctx: { caller: string; now: Date }
): { values: RegisterEntry; problems: string[] } {
  const problems: string[] = [];
  const values = readFields(wire, UPDATE_FIELDS, problems);
  const label = `${String(current.recordId)}`;
  const say = (message: string) => problems.push(`${label}: ${message}`);
  if (String(current.declaredBy ?? '').toLowerCase() !== ctx.caller.toLowerCase()) {
    say(`only ${String(current.declaredBy)}, who declared it, or the records team can change it.`);
  }
  if (FINAL_STATES.includes(String(current.lifecycle ?? ''))) {
    say(`it is ${String(current.lifecycle)}: the register row is closed.`);
  }
  for (const key of ['savedFiles', 'checksum']) {
    if (values[key] === undefined) continue;
    const before = String(current[key] ?? '');
    if (!String(values[key] ?? '').startsWith(before)) {
      say(`${SPEC[key].header} can only be added to, not rewritten.`);
    }
  }
  if (values.locked !== undefined && !['Yes', 'No'].includes(String(values.locked))) {
    say('Locked must be Yes or No.');
  }
  for (const line of String(values.savedFiles ?? '')
    .split('\n')
    .filter(Boolean)) {
    if (!GOOGLE_URL.test(line)) say('Saved files must be Google Drive addresses, one per line.');
  }
  if (
    values.attachments !== undefined &&
    (typeof values.attachments !== 'number' || !Number.isInteger(values.attachments))
  ) {
    say('Attachments must be a whole number.');
  }
  const lockedAt = values.lockedAt;
  if (isDate(lockedAt) && lockedAt.getTime() > ctx.now.getTime() + 60_000) {
    say('Locked at is in the future.');
  }
  values.updatedAt = ctx.now;
  return { values, problems };
}

/** The audit row's action and details, from the allowed actions of the operation. */
export function checkAudit(audit: WireAudit, allowed: string[]): string[] {
  const problems: string[] = [];
  if (!allowed.includes(audit.action)) {
    problems.push(`Audit action "${audit.action}" is not one a member of staff records.`);
  }
  if (audit.details.length > AUDIT_DETAILS_LIMIT) {
    problems.push(`Audit details are longer than ${AUDIT_DETAILS_LIMIT} characters.`);
  }
  if (FORMULA.test(audit.details)) problems.push('Audit details look like a spreadsheet formula.');
  return problems;
}

/**
 * Reads the allowed fields of a wire entry: every other field, a value of the wrong type, text
 * too long for its column or text a spreadsheet would run as a formula is a problem.
 */
function readFields(wire: WireEntry, allowed: string[], problems: string[]): RegisterEntry {
  const entry: RegisterEntry = {};
  const refused = Object.keys(wire).filter(k => !allowed.includes(k));
  if (refused.length) {
    const names = refused.map(k => (SPEC[k] ? SPEC[k].header : k));
    problems.push(`Only the records team can set ${names.join(', ')}.`);
  }
  for (const key of Object.keys(wire).filter(k => allowed.includes(k))) {
    const spec = SPEC[key];
    const value = wire[key];
    if (value === null || value === '') {
      entry[key] = value;
      continue;
    }
    if (spec.kind === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        problems.push(`${spec.header} must be a number.`);
      } else entry[key] = value;
      continue;
    }
    if (typeof value !== 'string') {
      problems.push(`${spec.header} must be text.`);
      continue;
    }
    if (spec.kind === 'date' || spec.kind === 'datetime') {
      const parsed = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(value)
        ? new Date(value)
        : null;
      if (!parsed || Number.isNaN(parsed.getTime())) {
        problems.push(`${spec.header} must be a date (ISO 8601, UTC).`);
      } else entry[key] = parsed;
      continue;
    }
    const limit =
      spec.kind === 'code' || spec.kind === 'flag' ? CODE_LIMIT : CELL_CHARACTER_LIMIT - 1;
    if (value.length > limit) {
      problems.push(
        `${spec.header} is longer than a register cell takes (${limit.toLocaleString('en-GB')} characters).`
      );
    } else if ((spec.kind === 'code' || spec.kind === 'flag') && /[\r\n]/.test(value)) {
      problems.push(`${spec.header} must be on one line.`);
    } else if (FORMULA.test(value)) {
      problems.push(`${spec.header} "${value.slice(0, 40)}" looks like a spreadsheet formula.`);
    } else entry[key] = value;
  }
  return entry;
}

function sameDay(a: Date | null, b: Date | null): boolean {
  if (!a || !b) return !a && !b;
  return a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isAudit(value: unknown): value is WireAudit {
  return isRecord(value) && typeof value.action === 'string' && typeof value.details === 'string';
}
