// Where a staff flow's register writes go. When the deployment has a register service and the
// user is not in the records team, they go to the service (which writes them with the records
// team's authority, after checking them); otherwise straight to the register, as the user.
// Reads (finding a record by its File ID or Message-ID) always go straight to the register:
// everyone keeps view access to it.
//
// Both writers keep the same promises: an item already in the register is never added twice
// (the existing record is reported instead), register rows and their audit rows are written
// together or not at all, and record ids are reserved under the script lock so they stay unique.
import { createFolder } from '../adapters/drive';
import { withScriptLock } from '../adapters/lock';
import { reserveSequence } from '../adapters/properties';
import { forgetReferenceData } from '../adapters/reference-cache';
import type { RecordSummary } from '../adapters/register';
import { callRegisterService } from '../adapters/register-service';
import type { RegisterEntry } from '../domain/declaration';
import type { Series } from '../domain/file-plan';
import { formatRecordId } from '../domain/record-id';
import { toWire } from '../domain/register-request';
import type { WireRecord } from '../domain/register-request';
import type { Workplace } from './deployment';
import { messageOf, UserFacingError } from './errors';
import { isTeamMember } from './records-team';

export interface AuditNote {
  action: string;
  details: string;
}

/** A register entry to add, found again by `key` (its File ID, or an email's Message-ID key). */
export interface PendingEntry {
  key: string;
  /** Its record id when one was reserved already (an email's files are named after it). */
  recordId?: string;
  build(recordId: string): { entry: RegisterEntry; audit: AuditNote };
}

export interface DeclareWrite {
  added: { key: string; recordId: string }[];
  /** Items someone registered first: their record stands. */
  existing: { key: string; record: RecordSummary }[];
  truncatedFields: string[];
}

/** A change to a row the user declared, with the audit row that explains it. */
export interface RowChange {
  recordId: string;
  fileId: string;
  /** How to find the row again: its File ID, or an email's Message-ID key. */
  findBy: { column: 'fileId' | 'messageId'; value: string };
  values: RegisterEntry;
  audit: AuditNote;
}

export interface RegisterWriter {
  readonly viaService: boolean;
  /** Adds the entries whose key is not in the register yet; record ids for the rest are unused. */
  declare(items: PendingEntry[], dedupe: 'fileId' | 'messageId', now: Date): DeclareWrite;
  update(changes: RowChange[], now: Date): void;
  /** The series' Drive folder, created under the records folder on first use. */
  seriesFolder(series: Series): string;
}

const writers = new WeakMap<Workplace, RegisterWriter>();

/** The writer for this user and deployment (decided once per action). */
export function registerWriter(w: Workplace): RegisterWriter {
  let writer = writers.get(w);
  if (!writer) {
    const service = w.config.registerService;
    writer = service?.url && !isTeamMember(w) ? serviceWriter(w, service.url) : directWriter(w);
    writers.set(w, writer);
  }
  return writer;
}

function findBy(w: Workplace, column: 'fileId' | 'messageId', values: string[]) {
  return column === 'fileId'
    ? w.register.findByFileIds(values)
    : w.register.findByMessageKeys(values);
}

export function directWriter(w: Workplace): RegisterWriter {
  return {
    viaService: false,
    declare(items, dedupe, now) {
      return withScriptLock(() => {
        w.register.forgetPositions();
        // Someone may have registered the same items since they were first looked up.
        const known = findBy(
          w,
          dedupe,
          items.map(i => i.key)
        );
        const fresh = items.filter(i => !known.has(i.key));
        const result: DeclareWrite = {
          added: [],
          existing: items
            .filter(i => known.has(i.key))
            .map(i => ({ key: i.key, record: known.get(i.key)! })),
          truncatedFields: [],
        };
        if (!fresh.length) return result;
        const year = now.getUTCFullYear();
        const needIds = fresh.filter(i => !i.recordId).length;
        let next = needIds ? reserveSequence(year, needIds) : 0;
        const built = fresh.map(i => {
          const recordId = i.recordId ?? formatRecordId(year, next++);
          const { entry, audit } = i.build(recordId);
          result.added.push({ key: i.key, recordId });
          return {
            entry,
            audit: {
              at: now,
              actor: w.user,
              action: audit.action,
              recordId,
              fileId: String(entry.fileId ?? ''),
              details: audit.details,
            } as RegisterEntry,
          };
        });
        const appended = w.register.append(
          built.map(b => b.entry),
          built.map(b => b.audit)
        );
        result.truncatedFields = appended.truncatedFields;
        return result;
      });
    },
    update(changes, now) {
      if (!changes.length) return;
      withScriptLock(() => {
        w.register.forgetPositions();
        // Rows are found again under the lock: the records team may have sorted the register.
        const column = changes[0].findBy.column;
        const rows = findBy(
          w,
          column,
          changes.map(c => c.findBy.value)
        );
        const updates = changes.flatMap(c => {
          const row = rows.get(c.findBy.value);
          return row && row.recordId === c.recordId
            ? [{ row: row.row, values: { ...c.values, updatedAt: now } }]
            : [];
        });
        const audits: RegisterEntry[] = changes.map(c => ({
          at: now,
          actor: w.user,
          action: c.audit.action,
          recordId: c.recordId,
          fileId: c.fileId,
          details: c.audit.details,
        }));
        w.register.update(updates, audits);
      });
    },
    seriesFolder(series) {
      return createSeriesFolder(w, series);
    },
  };
}

/** The series folder, made under the script lock so two users never make it twice. */
export function createSeriesFolder(w: Workplace, series: Series): string {
  const folderId = withScriptLock(() => {
    w.register.forgetPositions();
    // Another user may have created it since the file plan was last read.
    const existing = w.register.seriesFolderId(series.code);
    if (existing) return existing;
    let created: string;
    try {
      created = createFolder(`${series.code} ${series.title}`, w.config.rootFolderId);
    } catch (error) {
      throw new UserFacingError(
        `The folder for series ${series.code} could not be created in the records folder (${messageOf(error)}). Nothing was declared. Ask the records team to check that the records folder exists and that you can add to it.`,
        'Series folder not available'
      );
    }
    w.register.setSeriesFolder(series.code, created);
    return created;
  });
  forgetReferenceData(w.config.registerId);
  return folderId;
}

function serviceWriter(w: Workplace, url: string): RegisterWriter {
  return {
    viaService: true,
    declare(items, _dedupe, now) {
      const year = now.getUTCFullYear();
      const needIds = items.filter(i => !i.recordId).length;
      // Record ids come from the project's shared sequence, reserved under the script lock the
      // service uses too; the service checks each id was reserved and is unused.
      let next = needIds ? withScriptLock(() => reserveSequence(year, needIds)) : 0;
      const built = items.map(i => {
        const recordId = i.recordId ?? formatRecordId(year, next++);
        return { item: i, recordId, ...i.build(recordId) };
      });
      const answer = callRegisterService(url, {
        operation: 'declare',
        entries: built.map(b => ({ entry: toWire(b.entry), audit: b.audit })),
      });
      // The service added rows this execution has not seen: look again next time.
      w.register.forgetPositions();
      if (answer.operation !== 'declare') throw unexpected();
      const result: DeclareWrite = {
        added: [],
        existing: [],
        truncatedFields: answer.truncatedFields,
      };
      answer.results.forEach((r, i) => {
        const item = built[i];
        if (!item) return;
        if (r.status === 'added')
          result.added.push({ key: item.item.key, recordId: item.recordId });
        else result.existing.push({ key: item.item.key, record: fromWire(r.record) });
      });
      return result;
    },
    update(changes) {
      if (!changes.length) return;
      const answer = callRegisterService(url, {
        operation: 'update',
        changes: changes.map(c => ({
          recordId: c.recordId,
          fileId: c.fileId,
          values: toWire(c.values),
          audit: c.audit,
        })),
      });
      w.register.forgetPositions();
      if (answer.operation !== 'update') throw unexpected();
    },
    seriesFolder(series) {
      const answer = callRegisterService(url, { operation: 'seriesFolder', series: series.code });
      if (answer.operation !== 'seriesFolder') throw unexpected();
      forgetReferenceData(w.config.registerId);
      return answer.folderId;
    },
  };
}

function unexpected(): UserFacingError {
  return new UserFacingError(
    'The register service answered a different question than it was asked. Nothing more was saved. Tell the records team.',
    'Register service failed'
  );
}

function fromWire(record: WireRecord): RecordSummary {
  const at = new Date(record.declaredAt);
  return { ...record, declaredAt: Number.isNaN(at.getTime()) ? record.declaredAt : at };
}
