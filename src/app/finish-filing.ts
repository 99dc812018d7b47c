// Finishing the filing of records that were registered before they could be marked and filed
// (time ran out, or a Drive call failed): retried from the record card, safe to repeat.
import { getItem } from '../adapters/drive';
import { OpenDocument } from '../adapters/docs';
import { withScriptLock } from '../adapters/lock';
import { scanForMarkings } from '../domain/classification';
import type { RegisterEntry } from '../domain/declaration';
import type { Workplace } from './deployment';
import {
  DOCUMENT_MIME,
  ensureSeriesFolder,
  LOCK_REQUESTED,
  markAndFile,
  pendingFiling,
} from './declare';
import { messageOf } from './errors';

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
  withScriptLock(() => {
    w.register.forgetPositions();
    // Rows are found again under the lock: the records team may have sorted the register.
    const rows = w.register.findByFileIds(results.map(r => r.fileId));
    const updates = results.flatMap(r => {
      const row = rows.get(r.fileId);
      return row
        ? [
            {
              row: row.row,
              values: {
                filing: r.filing,
                locked: r.lockedAt ? 'Yes' : 'No',
                lockedAt: r.lockedAt,
                updatedAt: now,
              } as RegisterEntry,
            },
          ]
        : [];
    });
    const audits: RegisterEntry[] = results.map(r => ({
      at: now,
      actor: w.user,
      action: 'Filing finished',
      recordId: r.recordId,
      fileId: r.fileId,
      details: r.filing,
    }));
    w.register.update(updates, audits);
  });
  const still = results.filter(r => r.filing.startsWith('Pending')).length;
  return { finished: results.length - still, stillPending: still };
}
