// The file plan and retention schedules as a Microsoft Purview file-plan import: one retention
// label per series, so the department can move its records management to Microsoft 365 without
// retyping the plan. Pure: no Apps Script globals.
//
// Source: MicrosoftDocs/microsoft-365-docs, microsoft-365/compliance/file-plan-manager.md
// (commit 00fff532a1b0d08b49839d923081ccdd4ba49f88), "Information about the label properties for
// import": the template's columns in order, and the rules checked in purviewProblems below.
import { FUNCTIONS } from './file-plan';
import type { Series } from './file-plan';
import type { RetentionSchedule, RetentionTrigger } from './retention';

export const PURVIEW_HEADERS = [
  'LabelName',
  'Comment',
  'Notes',
  'IsRecordLabel',
  'RetentionAction',
  'RetentionDuration',
  'RetentionType',
  'ReviewerEmail',
  'ReferenceId',
  'DepartmentName',
  'Category',
  'SubCategory',
  'AuthorityType',
  'CitationName',
  'CitationUrl',
  'CitationJurisdiction',
  'Regulatory',
  'EventType',
  'IsRecordUnlockedAsDefault',
  'ComplianceTagForNextStage',
] as const;

export type PurviewHeader = (typeof PURVIEW_HEADERS)[number];
export type PurviewLabel = Record<PurviewHeader, string>;

export const MAX_LABEL_NAME = 64;
export const MAX_COMMENT = 1024;
/** 100 years; anything longer must be "Unlimited". */
export const MAX_DURATION_DAYS = 36_525;
export const RETENTION_ACTIONS = ['Delete', 'Keep', 'KeepAndDelete'] as const;
export const RETENTION_TYPES = [
  'CreationAgeInDays',
  'EventAgeInDays',
  'TaggedAgeInDays',
  'ModificationAgeInDays',
] as const;
const LABEL_NAME = /^[A-Za-z0-9 -]+$/;

/**
 * Purview counts retention from one of four dates. A declared record's own date (CREATED) is its
 * creation; MOD its last modification; every other trigger is an event the department records
 * in Purview (a file closing, a financial year ending, a date of birth, a named event), so those
 * labels are event-based, each with an event type named after its trigger. Purview validates
 * event types on import: create them (Records management > Events > Manage event types) first.
 */
export const PURVIEW_EVENT_TYPES: Record<Exclude<RetentionTrigger, 'CREATED' | 'MOD'>, string> = {
  CLOSE: 'File closed',
  FYE: 'Financial year end',
  DOB: 'Date of birth',
  EVENT: 'Named event',
};

function retentionType(trigger: RetentionTrigger): (typeof RETENTION_TYPES)[number] {
  if (trigger === 'CREATED') return 'CreationAgeInDays';
  if (trigger === 'MOD') return 'ModificationAgeInDays';
  return 'EventAgeInDays';
}

/** The event type a schedule's label needs ('' for labels counted from creation or change). */
export function eventTypeFor(schedule: RetentionSchedule): string {
  if (schedule.trigger === 'CREATED' || schedule.trigger === 'MOD') return '';
  // Named events differ schedule by schedule (Royal Assent, a minister leaving post, a contract
  // ending): each schedule gets its own event type.
  if (schedule.trigger === 'EVENT') return `${PURVIEW_EVENT_TYPES.EVENT} ${schedule.code}`;
  return PURVIEW_EVENT_TYPES[schedule.trigger];
}

/**
 * Years as Purview days (365.25 a year, as Purview's own 36,525 days = 100 years). At least one
 * day: Purview takes positive whole numbers, so a schedule of 0 years (act at the event) becomes
 * one day. Beyond 100 years: "Unlimited".
 */
export function retentionDays(years: number): string {
  const days = Math.max(1, Math.round(years * 365.25));
  return days > MAX_DURATION_DAYS ? 'Unlimited' : String(days);
}

/**
 * The retention settings for a schedule's disposal action:
 * - Destroy: keep for the period, then delete (KeepAndDelete, no reviewer).
 * - Review: keep for the period, then a disposition review by the records team (KeepAndDelete
 *   with ReviewerEmail: nothing is deleted until a reviewer approves).
 * - Transfer to TNA: keep, with no end (Keep, Unlimited). Records selected for permanent
 *   preservation must never be deleted by the platform; transfer to The National Archives is a
 *   deliberate act by the records team, not the end of a retention clock. "Keep" for 20 years
 *   would only stop protecting them at 20 years (Keep does nothing when the period ends), and a
 *   retention instrument under PRA s3(4) can hold them beyond 20 years.
 */
export function retentionSettings(
  schedule: RetentionSchedule,
  reviewers: string[]
): Pick<
  PurviewLabel,
  'RetentionAction' | 'RetentionDuration' | 'RetentionType' | 'ReviewerEmail' | 'EventType'
> {
  if (schedule.action === 'Transfer to TNA') {
    return {
      RetentionAction: 'Keep',
      RetentionDuration: 'Unlimited',
      RetentionType: retentionType(schedule.trigger),
      ReviewerEmail: '',
      EventType: eventTypeFor(schedule),
    };
  }
  return {
    RetentionAction: 'KeepAndDelete',
    RetentionDuration: retentionDays(schedule.periodYears),
    RetentionType: retentionType(schedule.trigger),
    ReviewerEmail: schedule.action === 'Review' ? reviewers.join(';') : '',
    EventType: eventTypeFor(schedule),
  };
}

/** Only a-z, A-Z, 0-9, hyphen and space, at most 64 characters, no doubled spaces. */
export function labelName(text: string): string {
  return text
    .replace(/[^A-Za-z0-9 -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_LABEL_NAME)
    .trim();
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const TRIGGER_WORDS: Record<RetentionTrigger, string> = {
  CLOSE: 'after the file closes',
  FYE: 'after the end of the financial year',
  EVENT: 'after the event',
  DOB: 'after the date of birth',
  MOD: 'after the last change',
  CREATED: 'after the date of the record',
};

function years(n: number): string {
  return `${n} year${n === 1 ? '' : 's'}`;
}

/** What users see when they hover over the label. */
function notesFor(schedule: RetentionSchedule): string {
  const when = `${years(schedule.periodYears)} ${TRIGGER_WORDS[schedule.trigger]}`;
  if (schedule.action === 'Destroy') return `Kept for ${when}, then deleted.`;
  if (schedule.action === 'Review') return `Kept for ${when}, then reviewed by the records team.`;
  return `Selected for permanent preservation: kept, and transferred to The National Archives by 20 years (first review ${when}).`;
}

/** Statute-based authorities are legal; departmental schedules and guidance are business. */
function authorityType(authority: string): string {
  return /\b(Act|PRA|Regulations?|Order|s\d+)\b/.test(authority) ? 'Legal' : 'Business';
}

export interface PurviewExport {
  labels: PurviewLabel[];
  /** Series left out, and why. */
  skipped: { series: string; reason: string }[];
  /** Event types that must exist in Purview before the import. */
  eventTypes: string[];
}

/** One label per active series of the file plan, with its retention schedule's settings. */
export function purviewLabels(
  series: Series[],
  schedules: RetentionSchedule[],
  reviewers: string[]
): PurviewExport {
  const byCode = new Map(schedules.map(s => [s.code, s]));
  const labels: PurviewLabel[] = [];
  const skipped: PurviewExport['skipped'] = [];
  const used = new Set<string>();
  for (const s of [...series].sort((a, b) => a.code.localeCompare(b.code))) {
    if (!s.active) {
      skipped.push({ series: s.code, reason: 'not active in the file plan' });
      continue;
    }
    const schedule = byCode.get(s.retentionCode);
    if (!schedule) {
      skipped.push({
        series: s.code,
        reason: `its retention schedule "${s.retentionCode}" is missing or not usable`,
      });
      continue;
    }
    if (schedule.action === 'Review' && !reviewers.length) {
      skipped.push({
        series: s.code,
        reason: 'a review schedule needs a reviewer, and none is known',
      });
      continue;
    }
    const name = uniqueName(labelName(`${s.code} ${s.title}`) || labelName(s.code), used);
    const functionName = FUNCTIONS[s.functionCode] ?? s.functionCode;
    labels.push({
      LabelName: name,
      Comment: cut(
        `Series ${s.code}: ${s.title}. Retention schedule ${schedule.code} (${schedule.title}): ${schedule.action}, ${years(schedule.periodYears)} ${TRIGGER_WORDS[schedule.trigger]}. Authority: ${schedule.authority || 'not recorded'}. Exported from the Records Capture register.`,
        MAX_COMMENT
      ),
      Notes: cut(notesFor(schedule), MAX_COMMENT),
      IsRecordLabel: 'TRUE',
      ...retentionSettings(schedule, reviewers),
      ReferenceId: s.code,
      DepartmentName: functionName,
      Category: functionName,
      SubCategory: s.title,
      AuthorityType: schedule.authority ? authorityType(schedule.authority) : '',
      CitationName: schedule.authority,
      CitationUrl: '',
      CitationJurisdiction: schedule.authority ? 'United Kingdom' : '',
      Regulatory: 'FALSE',
      IsRecordUnlockedAsDefault: 'FALSE',
      ComplianceTagForNextStage: '',
    });
  }
  const eventTypes = [...new Set(labels.map(l => l.EventType).filter(Boolean))].sort();
  return { labels, skipped, eventTypes };
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const suffix = ` ${n}`;
    candidate = `${name.slice(0, MAX_LABEL_NAME - suffix.length).trim()}${suffix}`;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

export function purviewRow(label: PurviewLabel): string[] {
  return PURVIEW_HEADERS.map(h => label[h]);
}

const EMAIL = /^[^@\s;]+@[^@\s;]+\.[^@\s;]+$/;

/** Every rule of the import page a label breaks (empty when Purview would accept it). */
export function purviewProblems(labels: PurviewLabel[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  labels.forEach((l, i) => {
    const at = `Row ${i + 1} (${l.LabelName || 'no name'})`;
    if (!l.LabelName) problems.push(`${at}: LabelName is required`);
    if (l.LabelName.length > MAX_LABEL_NAME) problems.push(`${at}: LabelName over 64 characters`);
    if (l.LabelName && !LABEL_NAME.test(l.LabelName)) {
      problems.push(`${at}: LabelName has characters other than a-z, A-Z, 0-9, hyphen and space`);
    }
    const key = l.LabelName.toLowerCase();
    if (names.has(key)) problems.push(`${at}: LabelName is not unique`);
    names.add(key);
    if (l.Comment.length > MAX_COMMENT) problems.push(`${at}: Comment over 1024 characters`);
    if (l.Notes.length > MAX_COMMENT) problems.push(`${at}: Notes over 1024 characters`);
    const retention = [l.RetentionAction, l.RetentionDuration, l.RetentionType];
    if (retention.some(Boolean) && !retention.every(Boolean)) {
      problems.push(`${at}: RetentionAction, RetentionDuration and RetentionType go together`);
    }
    if (l.IsRecordLabel === 'TRUE' && !retention.every(Boolean)) {
      problems.push(`${at}: IsRecordLabel needs the retention settings`);
    }
    if (
      l.RetentionAction &&
      !(RETENTION_ACTIONS as readonly string[]).includes(l.RetentionAction)
    ) {
      problems.push(`${at}: RetentionAction must be Delete, Keep or KeepAndDelete`);
    }
    if (l.RetentionDuration && l.RetentionDuration !== 'Unlimited') {
      const days = Number(l.RetentionDuration);
      if (!/^\d+$/.test(l.RetentionDuration) || days < 1 || days > MAX_DURATION_DAYS) {
        problems.push(`${at}: RetentionDuration must be Unlimited or 1 to 36525 days`);
      }
    }
    if (l.RetentionType && !(RETENTION_TYPES as readonly string[]).includes(l.RetentionType)) {
      problems.push(`${at}: RetentionType is not one Purview knows`);
    }
    if (l.ReviewerEmail) {
      if (l.RetentionAction !== 'KeepAndDelete') {
        problems.push(`${at}: ReviewerEmail is only for the KeepAndDelete action`);
      }
      if (!l.ReviewerEmail.split(';').every(e => EMAIL.test(e.trim()))) {
        problems.push(`${at}: ReviewerEmail is not a list of email addresses`);
      }
    }
    if (l.RetentionType === 'EventAgeInDays' && !l.EventType) {
      problems.push(`${at}: EventType is required for event-based retention`);
    }
    for (const flag of ['IsRecordLabel', 'Regulatory', 'IsRecordUnlockedAsDefault'] as const) {
      if (l[flag] && l[flag] !== 'TRUE' && l[flag] !== 'FALSE') {
        problems.push(`${at}: ${flag} must be TRUE or FALSE`);
      }
    }
    if (l.Regulatory === 'TRUE' && l.IsRecordLabel !== 'TRUE') {
      problems.push(`${at}: a regulatory label must also be a record label`);
    }
    if (
      l.IsRecordUnlockedAsDefault === 'TRUE' &&
      (l.IsRecordLabel !== 'TRUE' || l.Regulatory === 'TRUE')
    ) {
      problems.push(`${at}: IsRecordUnlockedAsDefault needs a record label that is not regulatory`);
    }
    if (l.Regulatory === 'TRUE' && l.ComplianceTagForNextStage) {
      problems.push(`${at}: a regulatory label cannot name a next-stage label`);
    }
  });
  return problems;
}
