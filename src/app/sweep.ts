// The scheduled capture of flagged email: messages labelled "Records/To capture" are read in
// parallel batches, saved (the exact original), registered with one register write per batch,
// and relabelled. The label is the checkpoint: a run that stops early (time) resumes where it
// left off, and a message that fails is labelled "Records/Capture failed" with its reason and
// never stops the batch.
import { sha256OfBytes } from '../adapters/digest';
import { fetchMessageMetadata, fetchRawMessages, relabelMessages } from '../adapters/gmail-rest';
import type { MessageMetadata, RawMessage } from '../adapters/gmail-rest';
import {
  CAPTURE_FAILED_LABEL,
  CAPTURED_LABEL,
  labelIds,
  messagesLabelled,
  RENDITION_PENDING_LABEL,
  TO_CAPTURE_LABEL,
} from '../adapters/gmail-labels';
import { withScriptLock } from '../adapters/lock';
import { reserveSequence } from '../adapters/properties';
import { scanForMarkings } from '../domain/classification';
import { validateDeclaration } from '../domain/declaration';
import type { RegisterEntry, ValidDeclaration } from '../domain/declaration';
import { dedupeKey, emailFileBase } from '../domain/email';
import { decodeEncodedWords } from '../domain/mime-headers';
import { formatRecordId } from '../domain/record-id';
import {
  captureFolder,
  emailRecord,
  FLAG_KEY_PREFIX,
  fileSensitiveCopies,
  readFlag,
  trashCopies,
} from './capture';
import type { SavedFile } from './capture';
import { ensureSeriesFolder } from './declare';
import type { Workplace } from './deployment';
import { messageOf } from './errors';
import { registerWriter } from './register-writer';
import type { DeclareWrite } from './register-writer';

export const BATCH_SIZE = 25;
/** Time-driven runs have 6 minutes; stop early enough to finish the batch and save the status. */
export const TRIGGER_BUDGET_MS = 280_000;
/** A card action has 30 seconds. */
export const CARD_BUDGET_MS = 25_000;
const MAX_FAILURES_KEPT = 50;

export interface SweepStatus {
  captured: number;
  failed: { messageId: string; subject: string; reason: string }[];
  remaining: number;
  lastRunAt: string | null;
}

const STATUS_KEY = 'records-capture.sweep';

export function readSweepStatus(): SweepStatus {
  const text = PropertiesService.getUserProperties().getProperty(STATUS_KEY);
  const empty: SweepStatus = { captured: 0, failed: [], remaining: 0, lastRunAt: null };
  if (!text) return empty;
  try {
    return { ...empty, ...(JSON.parse(text) as SweepStatus) };
  } catch {
    return empty;
  }
}

function saveSweepStatus(status: SweepStatus): void {
  status.failed = status.failed.slice(-MAX_FAILURES_KEPT);
  PropertiesService.getUserProperties().setProperty(STATUS_KEY, JSON.stringify(status));
}

export interface SweepReport {
  captured: number;
  alreadyRecords: number;
  failed: number;
  remaining: number;
  stoppedForTime: boolean;
}

interface Prepared {
  meta: MessageMetadata;
  /** Null when the message is too large to read into Apps Script: only its metadata is kept. */
  raw: RawMessage | null;
  key: string;
  subject: string;
  declaration: ValidDeclaration;
  onBehalfOf: string;
}

/**
 * Largest message read whole: its base64 form must stay under UrlFetchApp's 50 MB response and
 * the bytes under the 50 MB blob limit (base64 grows text by a third).
 */
export const MAX_RAW_BYTES = 36 * 1024 * 1024;

export function runSweep(w: Workplace, budgetMs: number, now: Date): SweepReport {
  const startedAt = Date.now();
  const labels = labelIds([
    TO_CAPTURE_LABEL,
    CAPTURED_LABEL,
    CAPTURE_FAILED_LABEL,
    RENDITION_PENDING_LABEL,
  ]);
  const status = readSweepStatus();
  const report: SweepReport = {
    captured: 0,
    alreadyRecords: 0,
    failed: 0,
    remaining: 0,
    stoppedForTime: false,
  };
  const listed = messagesLabelled(labels[TO_CAPTURE_LABEL]).messages;
  const ids = listed.map(m => m.id);
  let next = 0;
  let slowestBatchMs = 0;
  while (next < ids.length) {
    // Another batch starts only if one as slow as the slowest so far still fits.
    if (Date.now() - startedAt + slowestBatchMs > budgetMs) {
      report.stoppedForTime = true;
      break;
    }
    const batchStartedAt = Date.now();
    const batch = ids.slice(next, next + BATCH_SIZE);
    next += batch.length;
    const relabel: { id: string; add: string[]; remove: string[] }[] = [];
    const fail = (messageId: string, subject: string, reason: string) => {
      report.failed++;
      status.failed.push({ messageId, subject, reason });
      relabel.push({
        id: messageId,
        add: [labels[CAPTURE_FAILED_LABEL]],
        remove: [labels[TO_CAPTURE_LABEL]],
      });
    };
    const prepared: Prepared[] = [];
    const metadata = fetchMessageMetadata(batch);
    const readable = metadata.flatMap(m =>
      m.ok && m.value.sizeEstimate <= MAX_RAW_BYTES ? [m.value.id] : []
    );
    const raws = new Map<string, RawMessage>();
    fetchRawMessages(readable).forEach((fetched, i) => {
      if (fetched.ok) raws.set(readable[i], fetched.value);
    });
    metadata.forEach((fetched, i) => {
      if (!fetched.ok)
        return fail(
          batch[i],
          '',
          `Could not be read (${fetched.reason}); it may have been deleted`
        );
      const meta = fetched.value;
      const subject = decodeEncodedWords(meta.headers.subject ?? '', decoder) || '(no subject)';
      const raw = raws.get(meta.id) ?? null;
      if (!raw && meta.sizeEstimate <= MAX_RAW_BYTES)
        return fail(meta.id, subject, 'Its content could not be read');
      const item = prepare(w, meta, subject, raw, now);
      if (typeof item === 'string') return fail(meta.id, subject, item);
      prepared.push(item);
    });
    const known = w.register.findByMessageKeys(prepared.map(p => p.key));
    const fresh = prepared.filter(p => {
      if (!known.has(p.key)) return true;
      report.alreadyRecords++;
      relabel.push({
        id: p.meta.id,
        add: [labels[CAPTURED_LABEL]],
        remove: [labels[TO_CAPTURE_LABEL]],
      });
      return false;
    });
    if (fresh.length) {
      const year = now.getUTCFullYear();
      const first = withScriptLock(() => reserveSequence(year, fresh.length));
      const entries: RegisterEntry[] = [];
      const audits: RegisterEntry[] = [];
      const filed: { item: Prepared; saved: SavedFile[] }[] = [];
      fresh.forEach((item, i) => {
        const recordId = formatRecordId(year, first + i);
        try {
          const saved = saveOriginal(w, item, recordId);
          const { entry, audit } = emailRecord({
            recordId,
            key: item.key,
            email: emailFields(item),
            attachmentCount: 0,
            d: item.declaration,
            onBehalfOf: item.onBehalfOf,
            folderId: item.declaration.series.folderId,
            saved,
            notes: item.raw
              ? []
              : [
                  `The message (about ${Math.round(item.meta.sizeEstimate / 1024 / 1024)} MB) is over the size Apps Script can read, so only its details are recorded: save it by hand`,
                ],
            pending: item.raw
              ? 'PDF rendition and attachments are made by a later pass'
              : undefined,
            sensitive: item.declaration.marking.classification === 'OFFICIAL-SENSITIVE',
            user: w.user,
            now,
          });
          entries.push(entry);
          audits.push({ ...audit, action: 'Email captured (scheduled)' });
          filed.push({ item, saved });
        } catch (error) {
          fail(item.meta.id, item.subject, messageOf(error));
        }
      });
      if (entries.length) {
        // One register write for the whole batch; anything captured meanwhile is left out.
        let written: DeclareWrite;
        try {
          written = registerWriter(w).declare(
            filed.map((f, i) => ({
              key: f.item.key,
              recordId: String(entries[i].recordId),
              build: () => ({
                entry: entries[i],
                audit: { action: String(audits[i].action), details: String(audits[i].details) },
              }),
            })),
            'messageId',
            now
          );
        } catch (error) {
          // Not registered: the batch's copies go, and its messages stay flagged for the next run.
          for (const f of filed) trashCopies(f.saved);
          throw error;
        }
        const raced = new Set(written.existing.map(e => e.key));
        for (const f of filed) if (raced.has(f.item.key)) trashCopies(f.saved);
        report.captured += filed.length;
        for (const f of filed)
          relabel.push({
            id: f.item.meta.id,
            // Originals only so far: the rendition pass finds them by this label.
            add: f.item.raw
              ? [labels[CAPTURED_LABEL], labels[RENDITION_PENDING_LABEL]]
              : [labels[CAPTURED_LABEL]],
            remove: [labels[TO_CAPTURE_LABEL]],
          });
      }
    }
    relabelMessages(relabel);
    slowestBatchMs = Math.max(slowestBatchMs, Date.now() - batchStartedAt);
  }
  report.remaining = ids.length - next;
  forgetSettledFlags(listed.slice(0, next), listed.slice(next));
  status.captured += report.captured;
  status.remaining = report.remaining;
  status.lastRunAt = now.toISOString();
  saveSweepStatus(status);
  return report;
}

/** A thread's remembered choices go once none of its flagged messages is left to capture. */
function forgetSettledFlags(done: { threadId: string }[], left: { threadId: string }[]): void {
  const waiting = new Set(left.map(m => m.threadId));
  const props = PropertiesService.getUserProperties();
  for (const threadId of new Set(done.map(m => m.threadId))) {
    if (!waiting.has(threadId)) props.deleteProperty(FLAG_KEY_PREFIX + threadId);
  }
}

function decoder(bytes: number[], charset: string): string {
  return Utilities.newBlob(bytes).getDataAsString(charset);
}

/** The message's choices and checks; a string says why it cannot be captured. */
function prepare(
  w: Workplace,
  meta: MessageMetadata,
  subject: string,
  raw: RawMessage | null,
  now: Date
): Prepared | string {
  const flag = readFlag(meta.threadId);
  if (!flag)
    return 'Labelled "Records/To capture" without choices: open it and use Flag for capture in the sidebar';
  const scan = scanForMarkings([subject]);
  if (scan.refused)
    return `Marked ${scan.refused}: it cannot be held here; report it to your security adviser`;
  const { errors, valid } = validateDeclaration(
    { ...flag.form, recordDate: now },
    w.reference,
    now
  );
  if (!valid) return errors.map(e => e.message).join(' ');
  ensureSeriesFolder(w, valid.series);
  const messageId = meta.headers['message-id'] ?? '';
  const key = messageId
    ? dedupeKey(messageId, '')
    : raw
      ? dedupeKey('', sha256OfBytes(raw.bytes))
      : `gmail:${meta.id}`;
  return { meta, raw, key, subject, declaration: valid, onBehalfOf: flag.form.onBehalfOf };
}

function emailFields(item: Prepared) {
  const headers = item.meta.headers;
  const date = headers.date ? new Date(headers.date) : null;
  const text = (name: string) => decodeEncodedWords(headers[name] ?? '', decoder);
  return {
    subject: item.subject,
    from: text('from'),
    to: text('to'),
    cc: text('cc'),
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    inReplyTo: headers['in-reply-to'] ?? '',
    threadId: item.meta.threadId,
  };
}

function saveOriginal(w: Workplace, item: Prepared, recordId: string): SavedFile[] {
  if (!item.raw) return [];
  const sensitive = item.declaration.marking.classification === 'OFFICIAL-SENSITIVE';
  const folder = captureFolder(sensitive, item.declaration.series.folderId);
  const name = `${emailFileBase(recordId, emailFields(item).date, item.subject)}.eml`;
  const file = folder.createFile(Utilities.newBlob(item.raw.bytes, 'message/rfc822', name));
  const saved = [{ label: 'eml', file, sha256: sha256OfBytes(item.raw.bytes) }];
  if (sensitive) fileSensitiveCopies(w, saved, item.declaration.series.folderId);
  return saved;
}
