// Destruction, confirmed by a second member of the records team (four-eyes): the record's Drive
// files go to the bin, the register row is kept with lifecycle state "Destroyed", and the
// Disposals tab gets a certificate (who proposed and confirmed it, when, what was destroyed and
// the checksum recorded at declaration). A record on legal hold is never destroyed. If Drive
// refuses one of a record's files, the files already binned for it are restored and nothing is
// recorded as destroyed.
import { contentChecksum, fileForDisposal, setTrashed, shortcutsIn } from '../adapters/drive';
import type { DisposalFile } from '../adapters/drive';
import type { EntryRow } from '../adapters/register';
import type { RegisterEntry } from '../domain/declaration';
import {
  deciders,
  fileIdsInLinks,
  isoDay,
  nextCertificateIds,
  planDecision,
  SELECTION_DESTROY,
} from '../domain/review';
import { messageOf } from './errors';
import type { Workplace } from './deployment';
import { isHeld, readActiveHolds } from './holds';
import { requireTeamMember } from './records-team';
import { checkRecordIds, notFound, underRegisterLock } from './review';
import type { DecisionReport, RecordResult } from './review';

/** Drive work stops after this long, so the card answers within Apps Script's 30 seconds. */
export const DISPOSAL_BUDGET_MS = 20_000;

export const ALREADY_DELETED = 'already deleted before disposal';
export const ALREADY_IN_BIN = 'already in the bin before disposal';

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value).trim();

interface Binned {
  file: DisposalFile | { id: string; name: ''; owner: ''; trashed: false; mimeType: '' };
  /** What happened to it: binned now, or why it was not. */
  note: '' | typeof ALREADY_DELETED | typeof ALREADY_IN_BIN;
  shortcut: boolean;
  /** SHA-256 of the content destroyed (of its PDF for Google files), read before binning. */
  checksum?: string;
}

type Disposal = { ok: true; files: Binned[] } | { ok: false; message: string };

/**
 * Confirms the destruction of records proposed by another member: bins their files, marks them
 * Destroyed and writes their disposal certificates, all under the script lock.
 */
export function confirmDestruction(
  w: Workplace,
  recordIds: string[],
  now: Date,
  budgetMs = DISPOSAL_BUDGET_MS
): DecisionReport {
  requireTeamMember(w);
  const ids = checkRecordIds(recordIds);
  return underRegisterLock(w, now, () => {
    const startedAt = Date.now();
    const holds = readActiveHolds(w.register);
    const found = w.register.findEntries('register', 'recordId', ids);
    const shortcuts = new Map<string, ReturnType<typeof shortcutsIn>>();
    const results: RecordResult[] = [];
    const audits: RegisterEntry[] = [];
    const destroyed: { row: EntryRow; values: RegisterEntry; files: Binned[] }[] = [];
    for (const id of ids) {
      const row = found.get(id);
      if (!row) {
        results.push(notFound(id));
        continue;
      }
      const held = isHeld(row.entry, holds);
      const plan = planDecision(
        row.entry,
        { kind: 'confirm', years: 0, reason: '', closure: null },
        { user: w.user, now, held }
      );
      if (plan.status === 'unchanged') {
        results.push({
          recordId: id,
          status: 'unchanged',
          message: plan.message,
          entry: row.entry,
          held,
        });
        continue;
      }
      if (plan.status === 'refused') {
        console.warn(`Destruction refused: ${plan.message}`);
        audits.push(audit(w, now, row, 'Destruction refused', plan.message));
        results.push({
          recordId: id,
          status: 'refused',
          message: plan.message,
          entry: row.entry,
          held,
        });
        continue;
      }
      if (Date.now() - startedAt > budgetMs) {
        results.push({
          recordId: id,
          status: 'not reached',
          message: `${id} was not reached in the time one action has: confirm its destruction again. Nothing was changed for it.`,
          entry: row.entry,
        });
        continue;
      }
      const disposal = binRecordFiles(w, row.entry, shortcuts);
      if (!disposal.ok) {
        console.warn(`Destruction failed: ${disposal.message}`);
        audits.push(audit(w, now, row, 'Destruction failed', disposal.message));
        results.push({
          recordId: id,
          status: 'refused',
          message: disposal.message,
          entry: row.entry,
        });
        continue;
      }
      destroyed.push({ row, values: plan.values, files: disposal.files });
      results.push({
        recordId: id,
        status: 'done',
        message: plan.message,
        entry: { ...row.entry, ...plan.values },
      });
    }
    if (!destroyed.length) {
      if (audits.length) w.register.updateEntries('register', [], audits);
      return { errors: [], results };
    }

    const certificates = nextCertificateIds(existingCertificates(w), now, destroyed.length);
    const changes = destroyed.map((d, i) => {
      const notes = [
        text(d.row.entry.notes),
        `Destroyed ${isoDay(now)}: certificate ${certificates[i]}`,
      ]
        .filter(Boolean)
        .join('. ');
      return { row: d.row, values: { ...d.values, notes } };
    });
    for (const [i, d] of destroyed.entries()) {
      audits.push(
        audit(
          w,
          now,
          d.row,
          'Destroyed',
          `Certificate ${certificates[i]}. ${d.files.length} file${d.files.length === 1 ? '' : 's'}: ${d.files.map(f => f.file.id + (f.note ? ` (${f.note})` : '')).join(', ')}. Proposed by ${deciders(d.row.entry.decisionBy).join(', ')}: ${text(d.row.entry.decisionReason)}`
        )
      );
    }
    const restoreAll = () => destroyed.forEach(d => restore(d.files));
    try {
      w.register.updateEntries('register', changes, audits);
    } catch (error) {
      restoreAll();
      throw error;
    }
    try {
      w.register.appendTo(
        'disposals',
        destroyed.map((d, i) => certificate(w, now, certificates[i], d.row.entry, d.files)),
        []
      );
    } catch (error) {
      // Without its certificate a destruction is not proven: undo it.
      restoreAll();
      try {
        w.register.updateEntries(
          'register',
          changes.map(c => ({
            row: c.row,
            values: Object.fromEntries(Object.keys(c.values).map(k => [k, c.row.entry[k] ?? ''])),
          })),
          destroyed.map(d =>
            audit(
              w,
              now,
              d.row,
              'Destruction undone',
              'The disposal certificate could not be written; files restored from the bin.'
            )
          )
        );
      } catch {
        // The first error is the one to report; the audit log already holds the destruction.
      }
      throw error;
    }
    for (const [i, d] of destroyed.entries()) {
      const result = results.find(r => r.recordId === text(d.row.entry.recordId));
      if (result) {
        result.message = `${result.message.replace(/\.$/, '')}: certificate ${certificates[i]}${
          d.files.some(f => f.note)
            ? ` (${d.files
                .filter(f => f.note)
                .map(f => `${f.file.id} ${f.note}`)
                .join('; ')})`
            : ''
        }.`;
        result.entry = { ...result.entry, ...changes[i].values };
      }
    }
    return { errors: [], results };
  });
}

function audit(
  w: Workplace,
  now: Date,
  row: EntryRow,
  action: string,
  details: string
): RegisterEntry {
  return {
    at: now,
    actor: w.user,
    action,
    recordId: text(row.entry.recordId),
    fileId: text(row.entry.fileId),
    details,
  };
}

/** Certificate numbers already used, from one read of the Disposals tab's Certificate column. */
function existingCertificates(w: Workplace): unknown[] {
  const register = w.register;
  const last = register.lastRow('disposals');
  if (last < 2) return [];
  const column = register.columns('disposals').certificate;
  return register
    .sheet('disposals')
    .getRange(2, column + 1, last - 1, 1)
    .getValues()
    .map(r => r[0]);
}

function certificate(
  w: Workplace,
  now: Date,
  id: string,
  entry: RegisterEntry,
  files: Binned[]
): RegisterEntry {
  const notes = files
    .filter(f => f.note)
    .map(f => `${f.file.id}: ${f.note}`)
    .join('\n');
  return {
    certificate: id,
    recordId: text(entry.recordId),
    title: text(entry.title),
    series: text(entry.series),
    retentionCode: text(entry.retentionCode),
    decision: SELECTION_DESTROY,
    reason: text(entry.decisionReason),
    proposedBy: deciders(entry.decisionBy).join('; '),
    proposedAt: entry.decisionAt ?? '',
    confirmedBy: w.user,
    confirmedAt: now,
    files: files
      .map(f =>
        `${f.file.id} ${f.shortcut ? 'shortcut ' : ''}${f.file.name ? `"${f.file.name}"` : ''}${f.note ? ` (${f.note})` : ''}`.replace(
          /\s+/g,
          ' '
        )
      )
      .join('\n'),
    checksum: destroyedChecksums(files, text(entry.checksum)),
    notes,
  };
}

/**
 * Bins every file of a record: its File ID, the files its "Saved files" links name, and the
 * shortcuts to them in the series folder. On the first refusal, what was binned is restored.
 */
function binRecordFiles(
  w: Workplace,
  entry: RegisterEntry,
  shortcutCache: Map<string, ReturnType<typeof shortcutsIn>>
): Disposal {
  const id = text(entry.recordId);
  const fileIds = [
    ...new Set([text(entry.fileId), ...fileIdsInLinks(text(entry.savedFiles))].filter(Boolean)),
  ];
  const targets: Binned[] = fileIds.map(fileId => {
    const file = fileForDisposal(fileId);
    if (!file) {
      return {
        file: { id: fileId, name: '', owner: '', trashed: false, mimeType: '' },
        note: ALREADY_DELETED,
        shortcut: false,
      };
    }
    return { file, note: file.trashed ? ALREADY_IN_BIN : '', shortcut: false };
  });
  // OFFICIAL-SENSITIVE records stay where they are with a shortcut in the series folder.
  const folderId = text(entry.folderId);
  if (folderId && text(entry.classification) === 'OFFICIAL-SENSITIVE') {
    if (!shortcutCache.has(folderId)) shortcutCache.set(folderId, shortcutsIn(folderId));
    for (const shortcut of shortcutCache.get(folderId) ?? []) {
      if (fileIds.includes(shortcut.targetId))
        targets.push({ file: shortcut, note: '', shortcut: true });
    }
  }
  const binned: Binned[] = [];
  for (const target of targets) {
    if (target.note) continue;
    if (!target.shortcut && 'sha256' in target.file) {
      const content = contentChecksum(target.file);
      if (content.sha256)
        target.checksum = content.of === 'pdf' ? `${content.sha256} (PDF)` : content.sha256;
    }
    try {
      setTrashed(target.file.id, true);
      binned.push(target);
    } catch (error) {
      const failedRestores = restore(binned);
      const owner = target.file.owner;
      const why =
        owner && owner.toLowerCase() !== w.user
          ? `it belongs to ${owner}, and in My Drive only a file's owner can move it to the bin. Ask ${owner} to make a records team member its owner (or move it to a shared drive the records team manages), then confirm again`
          : `Drive said: ${messageOf(error).replace(/\.$/, '')}. Try again later`;
      return {
        ok: false,
        message: `${id} was not destroyed: Drive refused to move "${target.file.name || target.file.id}" to the bin: ${why}. Nothing was recorded as destroyed${binned.length ? (failedRestores.length ? `; these files could not be restored from the bin and must be restored by hand: ${failedRestores.join(', ')}` : '; the files already binned for it were restored') : ''}.`,
      };
    }
  }
  return { ok: true, files: targets };
}

/**
 * The SHA-256 of what was destroyed: of the record's one file, or one line per file. Falls back
 * to the checksum recorded at declaration when a file's content could not be read.
 */
function destroyedChecksums(files: Binned[], declared: string): string {
  const content = files.filter(f => !f.shortcut && f.checksum);
  if (!content.length) return declared;
  if (content.length === 1) return content[0].checksum!;
  return content.map(f => `${f.file.id} ${f.checksum}`).join('\n');
}

/** Takes binned files back out of the bin; returns the ids that could not be restored. */
function restore(files: Binned[]): string[] {
  const failed: string[] = [];
  for (const f of files) {
    if (f.note) continue;
    try {
      setTrashed(f.file.id, false);
    } catch {
      failed.push(f.file.id);
    }
  }
  return failed;
}
