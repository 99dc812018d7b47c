// The later pass of the scheduled capture: for email captured as its original only, the PDF
// rendition and the attachments are made and added to the record. Messages waiting for it carry
// the label "Records/Rendition pending", which is this pass's checkpoint.
import {
  fetchAttachments,
  fetchFullMessages,
  partBytes,
  relabelMessages,
} from '../adapters/gmail-rest';
import type { FullMessage, MessagePart } from '../adapters/gmail-rest';
import { labelIds, messagesLabelled, RENDITION_PENDING_LABEL } from '../adapters/gmail-labels';
import { scanForMarkings, formatMarking } from '../domain/classification';
import { dedupeKey, emailFileBase, plainToHtml, renditionHtml } from '../domain/email';
import { sanitiseEmailHtml } from '../domain/html';
import { decodeEncodedWords } from '../domain/mime-headers';
import { captureFolder, fileSensitiveCopies, trashCopies } from './capture';
import { sha256OfBytes } from '../adapters/digest';
import type { SavedFile } from './capture';
import type { Workplace } from './deployment';
import { messageOf } from './errors';
import { registerWriter } from './register-writer';
import type { RowChange } from './register-writer';

/** PDF conversion is the slow step (about 1.5 s each): small batches keep the time guard honest. */
export const RENDITION_BATCH = 10;

export interface RenditionReport {
  done: number;
  failed: number;
  remaining: number;
}

const decoder = (bytes: number[], charset: string) =>
  Utilities.newBlob(bytes).getDataAsString(charset);

function leaves(part: MessagePart): MessagePart[] {
  return part.parts.length ? part.parts.flatMap(leaves) : [part];
}

function text(part: MessagePart): string {
  const charset = /charset="?([^";]+)"?/i.exec(part.headers['content-type'] ?? '')?.[1] ?? 'UTF-8';
  return Utilities.newBlob(partBytes(part)).getDataAsString(charset);
}

export function runRenditionPass(w: Workplace, budgetMs: number, now: Date): RenditionReport {
  const startedAt = Date.now();
  const label = labelIds([RENDITION_PENDING_LABEL])[RENDITION_PENDING_LABEL];
  const waiting = messagesLabelled(label).messages.map(m => m.id);
  const report: RenditionReport = { done: 0, failed: 0, remaining: 0 };
  let next = 0;
  let slowest = 0;
  while (next < waiting.length && Date.now() - startedAt + slowest <= budgetMs) {
    const batchStartedAt = Date.now();
    const batch = waiting.slice(next, next + RENDITION_BATCH);
    next += batch.length;
    const settled: string[] = [];
    const messages = fetchFullMessages(batch).flatMap((f, i) => {
      if (f.ok) return [f.value];
      report.failed++;
      console.warn(`Rendition not made for ${batch[i]}: ${f.reason}`);
      return [];
    });
    const keyOf = (m: FullMessage) => dedupeKey(m.payload.headers['message-id'] ?? '', '');
    const records = w.register.findByMessageKeys(messages.map(keyOf).filter(k => k !== '<>'));
    const changes: RowChange[] = [];
    const made: SavedFile[] = [];
    for (const message of messages) {
      const record = records.get(keyOf(message));
      if (!record) {
        // Captured without a Message-ID (found by content hash) or not registered: nothing to add to.
        settled.push(message.id);
        continue;
      }
      try {
        const added = renderInto(
          w,
          message,
          record.recordId,
          record.classification === 'OFFICIAL-SENSITIVE',
          record.folderId
        );
        made.push(...added);
        const attachments = added.filter(a => a.label !== 'pdf').length;
        changes.push({
          recordId: record.recordId,
          fileId: record.fileId,
          findBy: { column: 'messageId', value: keyOf(message) },
          audit: {
            action: 'Email rendition made',
            details: `PDF and ${attachments} attachment(s) saved`,
          },
          values: {
            filing: record.filing.replace(
              /^Pending: PDF rendition and attachments are made by a later pass/,
              'Complete'
            ),
            savedFiles: [record.savedFiles, ...added.map(a => a.file.getUrl())]
              .filter(Boolean)
              .join('\n'),
            checksum: [record.checksum, ...added.map(a => `${a.label}: ${a.sha256}`)]
              .filter(Boolean)
              .join('; '),
            attachments,
          },
        });
        settled.push(message.id);
        report.done++;
      } catch (error) {
        report.failed++;
        console.warn(`Rendition not made for ${record.recordId}: ${messageOf(error)}`);
      }
    }
    if (changes.length) {
      try {
        // Rows are found again when written: the register may have been sorted meanwhile.
        registerWriter(w).update(changes, now);
      } catch (error) {
        // Not recorded: the renditions go, and the messages wait for the next pass.
        trashCopies(made);
        throw error;
      }
    }
    relabelMessages(settled.map(id => ({ id, add: [], remove: [label] })));
    slowest = Math.max(slowest, Date.now() - batchStartedAt);
  }
  report.remaining = waiting.length - next + report.failed;
  return report;
}

/** Saves the PDF rendition and the attachments of one message beside its original. */
function renderInto(
  w: Workplace,
  message: FullMessage,
  recordId: string,
  sensitive: boolean,
  folderId: string
): SavedFile[] {
  const headers = message.payload.headers;
  const subject = decodeEncodedWords(headers.subject ?? '', decoder) || '(no subject)';
  const dateHeader = headers.date ? new Date(headers.date) : null;
  const date = dateHeader && !Number.isNaN(dateHeader.getTime()) ? dateHeader : null;
  const parts = leaves(message.payload);
  const files = parts.filter(
    p =>
      p.attachmentId &&
      p.filename &&
      !headers['content-id'] &&
      !/^inline/i.test(p.headers['content-disposition'] ?? '')
  );
  const images = parts.filter(p => p.attachmentId && p.headers['content-id']);
  const fetched = fetchAttachments(
    [...images, ...files].map(p => ({ messageId: message.id, attachmentId: p.attachmentId ?? '' }))
  );
  const bytesOf = (i: number) => {
    const f = fetched[i];
    if (!f.ok) throw new Error(`an attachment could not be read (${f.reason})`);
    return f.value;
  };
  const inline: Record<string, string> = {};
  images.forEach((image, i) => {
    inline[(image.headers['content-id'] ?? '').replace(/^<|>$/g, '')] =
      `data:${image.mimeType};base64,${Utilities.base64Encode(bytesOf(i))}`;
  });
  const html = parts.find(p => p.mimeType === 'text/html' && !p.attachmentId);
  const plain = parts.find(p => p.mimeType === 'text/plain' && !p.attachmentId);
  const body = html
    ? sanitiseEmailHtml(text(html), inline).html
    : plainToHtml(plain ? text(plain) : '');
  const marking = formatMarking(
    scanForMarkings([subject]).found ?? {
      classification: sensitive ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
      handlingInstructions: [],
      descriptors: [],
      caveats: [],
    }
  );
  const from = decodeEncodedWords(headers.from ?? '', decoder);
  const page = renditionHtml(
    {
      subject,
      from,
      to: decodeEncodedWords(headers.to ?? '', decoder),
      cc: decodeEncodedWords(headers.cc ?? '', decoder),
      date,
      messageId: headers['message-id'] ?? '',
    },
    marking,
    body,
    date ? Utilities.formatDate(date, Session.getScriptTimeZone(), 'd MMMM yyyy, HH:mm') : ''
  );
  const base = emailFileBase(recordId, date, subject);
  const folder = captureFolder(sensitive, folderId);
  const saved: SavedFile[] = [];
  const save = (label: string, blob: GoogleAppsScript.Base.Blob) => {
    saved.push({ label, file: folder.createFile(blob), sha256: sha256OfBytes(blob.getBytes()) });
  };
  save(
    'pdf',
    Utilities.newBlob(page, 'text/html', 'rendition.html')
      .getAs('application/pdf')
      .setName(`${base}.pdf`)
  );
  files.forEach((file, i) => {
    save(
      `attachment ${file.filename}`,
      Utilities.newBlob(
        bytesOf(images.length + i),
        file.mimeType,
        `${base} ${i + 1} ${file.filename}`
      )
    );
  });
  if (sensitive) fileSensitiveCopies(w, saved, folderId);
  return saved;
}
