// Finishing the filing of records that were registered before they could be marked and filed
// (time ran out, or a Drive call failed): retried from the record card, safe to repeat.
import { getItem } from '../adapters/drive';
import { OpenDocument } from '../adapters/docs';
import { scanForMarkings } from '../domain/classification';
import type { Workplace } from './deployment';
import {
  DOCUMENT_MIME,
  ensureSeriesFolder,
  LOCK_REQUESTED,
  markAndFile,
  pendingFiling,
} from './declare';
import { messageOf } from './errors';
import { registerWriter } from './register-writer';

export function finishFiling(
  w: Workplace,
  fileIds: string[],
  now: Date
): { finished: number; stillPending: number } {
  const pending = [...w.register.findByFileIds(fileIds).values()].filter(r =>
    r.filing.startsWith('Pending')
  );
  const results: { fileId: string; recordId: string; filing: string; lockedAt: Date | null }[] = [];
  for (const record of pending) {
    const lock = record.filing.endsWith(LOCK_REQUESTED);
    const marking = scanForMarkings([record.marking]).found;
    const series = w.reference.series.find(s => s.code === record.series);
    if (!marking || !series) {
      results.push({
        fileId: record.fileId,
        recordId: record.recordId,
        filing: pendingFiling(
          `the register row's marking or series is not valid (${record.marking}, ${record.series})`,
          lock
        ),
        lockedAt: null,
      });
      continue;
    }
    try {
      const item = getItem(record.fileId, w.domain);
      const doc = item.mimeType === DOCUMENT_MIME ? OpenDocument.open(item.id) : null;
      const folderId = ensureSeriesFolder(w, series);
      const filed = markAndFile(w, item, doc, { marking, series, lock }, folderId, now);
      results.push({ fileId: record.fileId, recordId: record.recordId, ...filed });
    } catch (error) {
      results.push({
        fileId: record.fileId,
        recordId: record.recordId,
        filing: pendingFiling(messageOf(error), lock),
        lockedAt: null,
      });
    }
  }
  if (!results.length) return { finished: 0, stillPending: 0 };
  registerWriter(w).update(
    results.map(r => ({
      recordId: r.recordId,
      fileId: r.fileId,
      // Found again when written: the records team may have sorted the register.
      findBy: { column: 'fileId' as const, value: r.fileId },
      values: { filing: r.filing, locked: r.lockedAt ? 'Yes' : 'No', lockedAt: r.lockedAt },
      audit: { action: 'Filing finished', details: r.filing },
    })),
    now
  );
  const still = results.filter(r => r.filing.startsWith('Pending')).length;
  return { finished: results.length - still, stillPending: still };
}
