// The transfer package for The National Archives: the records selected for transfer and
// sensitivity reviewed, copied into a Drive folder (Google files as PDF) with the TDR metadata
// CSV, a SHA-256 checksum list and a report of every selected record left out and why.
//
// Building is resumable. Each run scans the register from where the last one stopped (a server
// search of the Lifecycle state column, then reads of 2,000 rows at a time), places files until
// its time budget is nearly spent, marks the register rows it placed, and saves what it did as a
// part file named by the register rows it covers. The part files are the checkpoint: a run that
// dies before saving its part leaves its rows to the next run, which finds the files already
// placed by name and reuses them, so nothing is lost and no file is placed twice. When the scan
// reaches the end, the parts are combined into the package's CSV and text files.
import { parseSaved } from '../domain/saved-json';
import { createTrigger, deleteTriggers, ownTriggers } from '../adapters/triggers';
import {
  folderIn,
  listFolder,
  placeCopy,
  placeExport,
  readSource,
  readTextFile,
  writeTextFile,
} from '../adapters/drive-export';
import type { ListedFile, SourceFile } from '../adapters/drive-export';
import { withScriptLock } from '../adapters/lock';
import type { EntryRow } from '../adapters/register';
import { toCsv } from '../domain/csv';
import type { RegisterEntry } from '../domain/declaration';
import { FINAL_STATES } from '../domain/register-schema';
import {
  CHECKSUM_FILE,
  checksumLine,
  CONTENT_FOLDER,
  exportFormat,
  isGoogleType,
  METADATA_FILE,
  packageExtension,
  README_FILE,
  REJECTED_FILE,
  rejectionByContent,
  rejectionByType,
  selectedForTransfer,
  seriesFolderName,
  TDR_HEADERS,
  TDR_SCHEMA,
  tdrFileName,
  tdrProblems,
  tdrRow,
} from '../domain/tdr';
import type { TdrRecordFields } from '../domain/tdr';
import { toCellText } from '../domain/text';
import type { Workplace } from './deployment';
import { messageOf, UserFacingError } from './errors';
import { isHeld, readActiveHolds } from './holds';
import type { ActiveHolds } from './holds';
import { requireTeamMember, upgradeRegister } from './records-team';

/** Register rows read at a time while scanning. */
export const BLOCK_ROWS = 2000;
/** Kept back from a run's budget to mark the register, save the part and set the trigger. */
export const RUN_RESERVE_MS = 5_000;
/** First guess at one record's time, until the run has timed one. */
const FIRST_RECORD_MS = 3_000;
export const CONTINUE_HANDLER = 'onContinueTransferPackage';
export const WORK_FOLDER = 'Working files (not for upload)';
export const PACKAGE_PREFIX = 'Transfer to The National Archives';
const STATE_KEY = 'records-capture.transfer';
const WHAT = 'the transfer to The National Archives';
/** Lifecycle states a selected record can be in before transfer. */
const CANDIDATE_STATES = ['Sensitivity reviewed', 'Selected for transfer', 'On hold'];

export interface PackageCounts {
  included: number;
  exported: number;
  notIncluded: number;
  held: number;
  awaiting: number;
  problems: number;
  /** Register rows scanned so far, of `scope`. */
  scanned: number;
  scope: number;
}

export interface PackageState {
  folderId: string;
  folderUrl: string;
  name: string;
  contentFolderId: string;
  workFolderId: string;
  /** Content subfolder of each series, by series code. */
  seriesFolders: Record<string, string>;
  /** The register's last row when the package was started: later rows are for a later package. */
  lastRow: number;
  startedBy: string;
  startedAt: string;
  status: 'building' | 'ready';
  finishedAt?: string;
  runs: number;
  counts: PackageCounts;
  /** Held while a run works on the package, so two runs never work on it at once. */
  lease?: { token: string; until: number };
  /** Packages made today so far, to number the next one. */
  day: string;
  dayCount: number;
}

export function readPackageState(): PackageState | null {
  return parseSaved<PackageState>(PropertiesService.getScriptProperties().getProperty(STATE_KEY));
}

function savePackageState(state: PackageState): void {
  PropertiesService.getScriptProperties().setProperty(STATE_KEY, JSON.stringify(state));
}

// ---------------------------------------------------------------------------------------------
// What a run saves: one part file per run, named by the register rows it covers.

interface IncludedFile {
  recordId: string;
  row: number;
  filepath: string;
  sha256: string;
  size: number;
  exported: boolean;
  metadata: string[];
  problems: string[];
}

interface LeftOut {
  recordId: string;
  file: string;
  reason: string;
  kind: 'rejected' | 'held' | 'awaiting';
}

interface Part {
  from: number;
  to: number;
  included: IncludedFile[];
  leftOut: LeftOut[];
}

const PART_NAME = /^part-(\d{7})-(\d{7})\.json$/;

function partName(from: number, to: number): string {
  return `part-${String(from).padStart(7, '0')}-${String(to).padStart(7, '0')}.json`;
}

/** The parts saved so far, and the first register row none of them covers. */
function savedParts(workFolderId: string): {
  files: { id: string; from: number; to: number }[];
  next: number;
} {
  const files: { id: string; from: number; to: number }[] = [];
  for (const [name, file] of listFolder(workFolderId)) {
    const match = PART_NAME.exec(name);
    if (match) files.push({ id: file.id, from: Number(match[1]), to: Number(match[2]) });
  }
  files.sort((a, b) => a.from - b.from);
  const next = files.reduce((n, f) => Math.max(n, f.to + 1), 2);
  return { files, next };
}

// ---------------------------------------------------------------------------------------------

export interface BuildReport {
  state: PackageState;
  started: boolean;
  /** Records placed, left out, in this run. */
  placed: number;
  leftOut: number;
  finished: boolean;
  stoppedForTime: boolean;
  /** Another run was working on the package: this one did nothing. */
  busy: boolean;
}

export interface BuildOptions {
  /** Start a new package even though the last one is ready. */
  startNew?: boolean;
}

/**
 * Starts a package, or continues the one being built, for as long as `budgetMs` allows
 * (time measured from the call). Records team only.
 */
export function buildTransferPackage(
  w: Workplace,
  now: Date,
  budgetMs: number,
  options: BuildOptions = {}
): BuildReport {
  const startedAt = Date.now();
  requireTeamMember(w, WHAT);
  let state = readPackageState();
  let started = false;
  if (!state || (state.status === 'ready' && options.startNew)) {
    const seen = state;
    // Under the lock, so two people pressing Build at once make one package, not two.
    const outcome = withScriptLock(() => {
      const current = readPackageState();
      if (current && current.folderId !== seen?.folderId) return { state: current, started: false };
      return { state: startPackage(w, now, current), started: true };
    });
    state = outcome.state;
    started = outcome.started;
  }
  const report: BuildReport = {
    state,
    started,
    placed: 0,
    leftOut: 0,
    finished: state.status === 'ready',
    stoppedForTime: false,
    busy: false,
  };
  if (state.status === 'ready') return report;

  const token = Utilities.getUuid();
  const leased = takeLease(token, startedAt + budgetMs + 60_000);
  if (!leased) return { ...report, busy: true };
  state = leased;
  report.state = state;
  let failure: unknown = null;
  try {
    const run = new PackageRun(w, state, now, startedAt, budgetMs);
    const outcome = run.work();
    report.placed = outcome.placed;
    report.leftOut = outcome.leftOut;
    report.finished = state.status === 'ready';
    report.stoppedForTime = !report.finished;
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    failure = error;
  } finally {
    state.lease = undefined;
    state.runs += 1;
    savePackageState(state);
  }
  if (report.finished) removeContinueTriggers();
  else ensureContinueTrigger();
  if (failure) {
    console.error(failure);
    throw new UserFacingError(
      `The run stopped: ${messageOf(failure).replace(/\.$/, '')}. Everything saved before it is kept, and no file will be placed twice: the hourly run carries on from there, or press Continue now later.`,
      'Transfer package paused'
    );
  }
  return report;
}

function takeLease(token: string, until: number): PackageState | null {
  return withScriptLock(() => {
    const current = readPackageState();
    if (!current) return null;
    if (current.lease && current.lease.until > Date.now() && current.lease.token !== token) {
      return null;
    }
    current.lease = { token, until };
    savePackageState(current);
    return current;
  });
}

function isoDay(date: Date, timeZone: string): string {
  return Utilities.formatDate(date, timeZone, 'yyyy-MM-dd');
}

/** Makes the package's folders and saves its state. Call while holding the script lock. */
function startPackage(w: Workplace, now: Date, previous: PackageState | null): PackageState {
  const timeZone = Session.getScriptTimeZone();
  const day = isoDay(now, timeZone);
  // The transfer columns of the register are added to an older register first.
  upgradeRegister(w.register, w.user, now);
  w.register.forgetPositions();
  const lastRow = w.register.lastRow('register');
  const dayCount = previous && previous.day === day ? previous.dayCount + 1 : 1;
  const name = `${PACKAGE_PREFIX} ${day} ${dayCount}`;
  let root: GoogleAppsScript.Drive.Folder;
  try {
    root = DriveApp.getFolderById(w.config.rootFolderId);
  } catch (error) {
    throw new UserFacingError(
      `The records folder cannot be opened (${messageOf(error)}). Ask your records administrator to check it is shared with you. Nothing was made.`,
      'Records folder not available'
    );
  }
  const folder = root.createFolder(name);
  const content = folder.createFolder(CONTENT_FOLDER);
  const work = folder.createFolder(WORK_FOLDER);
  const state: PackageState = {
    folderId: folder.getId(),
    folderUrl: folder.getUrl(),
    name,
    contentFolderId: content.getId(),
    workFolderId: work.getId(),
    seriesFolders: {},
    lastRow,
    startedBy: w.user,
    startedAt: now.toISOString(),
    status: 'building',
    runs: 0,
    counts: {
      included: 0,
      exported: 0,
      notIncluded: 0,
      held: 0,
      awaiting: 0,
      problems: 0,
      scanned: 0,
      scope: Math.max(0, lastRow - 1),
    },
    day,
    dayCount,
  };
  savePackageState(state);
  return state;
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

class PackageRun {
  private readonly timeZone = Session.getScriptTimeZone();
  private slowestRecordMs = FIRST_RECORD_MS;
  private holds: ActiveHolds | null = null;
  private placedInFolder = new Map<string, Map<string, ListedFile>>();
  private folders = new Map<string, GoogleAppsScript.Drive.Folder>();

  constructor(
    private w: Workplace,
    private state: PackageState,
    private now: Date,
    private startedAt: number,
    private budgetMs: number
  ) {}

  private left(): number {
    return this.budgetMs - (Date.now() - this.startedAt);
  }

  work(): { placed: number; leftOut: number } {
    const saved = savedParts(this.state.workFolderId);
    let placed = 0;
    let leftOut = 0;
    if (saved.next <= this.state.lastRow) {
      const part = this.scan(saved.next);
      if (!part) return { placed, leftOut };
      this.markRegister(part.included);
      writeTextFile(
        DriveApp.getFolderById(this.state.workFolderId),
        partName(part.from, part.to),
        JSON.stringify(part),
        'application/json'
      );
      this.count(part);
      this.state.counts.scanned = Math.max(0, part.to - 1);
      placed = part.included.length;
      leftOut = part.leftOut.length;
      if (part.to < this.state.lastRow) return { placed, leftOut };
      // Finishing reads every part back: only with time for it.
      const parts = saved.files.length + 1;
      if (this.left() < RUN_RESERVE_MS + 2_000 + parts * 400) return { placed, leftOut };
    }
    this.finish();
    return { placed, leftOut };
  }

  private count(part: Part): void {
    const c = this.state.counts;
    c.included += part.included.length;
    c.exported += part.included.filter(i => i.exported).length;
    c.notIncluded += part.leftOut.filter(l => l.kind === 'rejected').length;
    c.held += part.leftOut.filter(l => l.kind === 'held').length;
    c.awaiting += part.leftOut.filter(l => l.kind === 'awaiting').length;
    c.problems += part.included.filter(i => i.problems.length).length;
  }

  /**
   * Scans register rows from `from` on, placing files until the time is nearly spent. Returns
   * the part for the rows it finished (null when it had no time to finish any).
   */
  private scan(from: number): Part | null {
    const register = this.w.register;
    const columns = register.columns('register');
    const last = this.state.lastRow;
    const candidates = register
      .sheet('register')
      .getRange(from, columns.lifecycle + 1, last - from + 1, 1)
      .createTextFinder(`^(${CANDIDATE_STATES.join('|')})$`)
      .useRegularExpression(true)
      .matchEntireCell(true)
      .findAll()
      .map(r => r.getRow());
    const part: Part = { from, to: from - 1, included: [], leftOut: [] };
    let block: EntryRow[] = [];
    for (const row of candidates) {
      // Rows before this candidate need no work: they are done.
      part.to = row - 1;
      if (this.left() < RUN_RESERVE_MS + this.slowestRecordMs) {
        return part.to >= from ? part : null;
      }
      const recordStarted = Date.now();
      if (!block.length || row > block[block.length - 1].row) {
        block = register.readEntries('register', row, Math.min(BLOCK_ROWS, last - row + 1));
      }
      this.consider(block[row - block[0].row], part);
      part.to = row;
      this.slowestRecordMs = Math.max(this.slowestRecordMs, Date.now() - recordStarted);
    }
    // Every candidate is done: the rest of the register needs no work.
    part.to = last;
    return part;
  }

  /** Decides on one candidate row: placed, left out with a reason, or not for this package. */
  private consider(row: EntryRow, part: Part): void {
    const e = row.entry;
    const lifecycle = text(e.lifecycle);
    const selected = selectedForTransfer(text(e.selection));
    if (FINAL_STATES.includes(lifecycle)) return;
    if (!selected && lifecycle !== 'Selected for transfer') return;
    const recordId = text(e.recordId);
    const title = text(e.title);
    this.holds ??= readActiveHolds(this.w.register);
    if (lifecycle === 'On hold' || isHeld(e, this.holds)) {
      part.leftOut.push({
        recordId,
        file: title,
        kind: 'held',
        reason: `On legal hold${text(e.holdReason) ? ` (${text(e.holdReason)})` : ''}: held records are not transferred until the hold is lifted`,
      });
      return;
    }
    if (lifecycle === 'Selected for transfer') {
      part.leftOut.push({
        recordId,
        file: title,
        kind: 'awaiting',
        reason:
          'Awaiting sensitivity review: The National Archives needs it before transfer (open, closed or retained)',
      });
      return;
    }
    if (lifecycle !== 'Sensitivity reviewed') return;
    const placed = this.place(row, title);
    if ('rejected' in placed) {
      part.leftOut.push({ recordId, file: placed.file, kind: 'rejected', reason: placed.rejected });
      return;
    }
    part.included.push(placed);
  }

  private day(value: unknown): string {
    if (Object.prototype.toString.call(value) === '[object Date]') {
      return isoDay(value as Date, this.timeZone);
    }
    const t = text(value);
    return /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : t;
  }

  private fields(e: RegisterEntry): TdrRecordFields {
    return {
      recordId: text(e.recordId),
      description: text(e.description),
      recordDate: this.day(e.recordDate),
      closureStatus: text(e.closureStatus),
      closureStartDate: this.day(e.closureStartDate),
      closurePeriod: text(e.closurePeriod),
      foiExemptions: text(e.foiExemptions),
      foiScheduleDate: this.day(e.decisionAt),
      titleClosed: text(e.titleClosed),
      alternateTitle: text(e.alternateTitle),
      descriptionClosed: text(e.descriptionClosed),
      alternateDescription: text(e.alternateDescription),
    };
  }

  /** Puts the record's file into its series folder, or says why it cannot go in. */
  private place(row: EntryRow, title: string): IncludedFile | { rejected: string; file: string } {
    const e = row.entry;
    const recordId = text(e.recordId);
    const source = readSource(text(e.fileId));
    if ('missing' in source) {
      return {
        rejected: `${source.missing}: restore it, or transfer it by hand`,
        file: text(e.fileId),
      };
    }
    if (source.trashed) {
      return {
        rejected: 'The file is in the Drive trash: restore it, then build the package again',
        file: source.name,
      };
    }
    const google = isGoogleType(source.mimeType);
    const byType = rejectionByType({
      name: source.name,
      mimeType: source.mimeType,
      size: google ? null : source.size,
    });
    if (byType) return { rejected: byType, file: source.name };
    const series = text(e.series) || 'No series';
    const folder = this.seriesFolder(series);
    const name = tdrFileName(
      recordId,
      title || source.name,
      packageExtension(source.name, source.mimeType)
    );
    const filepath = `${CONTENT_FOLDER}/${seriesFolderName(series)}/${name}`;
    const already = this.placed(folder.getId()).get(name);
    let placed: { size: number; sha256: string };
    if (already && already.sha256) {
      // Placed by a run that stopped before saving its part: kept, not placed twice.
      placed = already;
    } else {
      const check = (bytes: GoogleAppsScript.Byte[]) => rejectionByContent(name, bytes);
      const format = exportFormat(source.mimeType);
      const result = format
        ? placeExport(source, format.mimeType, name, folder, check)
        : placeCopy(source, name, folder, check);
      if ('rejected' in result) return { rejected: result.rejected, file: source.name };
      placed = result;
      this.placed(folder.getId()).set(name, { id: result.fileId, ...result });
    }
    const fields = this.fields(e);
    return {
      recordId,
      row: row.row,
      filepath,
      sha256: placed.sha256,
      size: placed.size,
      exported: google,
      metadata: tdrRow(fields, {
        filepath,
        filename: name,
        lastModified: this.lastModified(source),
      }),
      problems: tdrProblems(fields),
    };
  }

  private lastModified(source: SourceFile): string {
    return source.modifiedTime ? isoDay(source.modifiedTime, this.timeZone) : '';
  }

  /** What is already in a package folder (listed once per run). */
  private placed(folderId: string): Map<string, ListedFile> {
    let listed = this.placedInFolder.get(folderId);
    if (!listed) {
      listed = listFolder(folderId);
      this.placedInFolder.set(folderId, listed);
    }
    return listed;
  }

  private seriesFolder(series: string): GoogleAppsScript.Drive.Folder {
    const open = this.folders.get(series);
    if (open) return open;
    let folder: GoogleAppsScript.Drive.Folder | null = null;
    const known = this.state.seriesFolders[series];
    if (known) {
      try {
        folder = DriveApp.getFolderById(known);
      } catch {
        // Deleted by hand: found or made again below.
      }
    }
    if (!folder) {
      folder = folderIn(
        DriveApp.getFolderById(this.state.contentFolderId),
        seriesFolderName(series)
      );
      this.state.seriesFolders[series] = folder.getId();
      // Saved at once: a run that dies later must not make the folder a second time.
      savePackageState(this.state);
    }
    this.folders.set(series, folder);
    return folder;
  }

  /**
   * Records the package on the register rows placed in this run (Transfer package, Last updated)
   * with one audit row each: two writes for all the rows, however scattered. Rows marked by a run
   * that stopped before saving its part are not marked or audited again.
   */
  private markRegister(included: IncludedFile[]): void {
    const register = this.w.register;
    const columns = register.columns('register');
    if (columns.transferPackage === undefined || !included.length) return;
    withScriptLock(() => {
      register.forgetPositions();
      const rows = included.map(i => i.row);
      const first = Math.min(...rows);
      const span = Math.max(...rows) - first + 1;
      const sheet = register.sheet('register');
      const ids = sheet.getRange(first, columns.recordId + 1, span, 1).getValues();
      const packages = sheet.getRange(first, columns.transferPackage + 1, span, 1).getValues();
      const toMark = included.filter(
        i =>
          text(ids[i.row - first][0]) === i.recordId &&
          text(packages[i.row - first][0]) !== this.state.folderId
      );
      if (!toMark.length) return;
      try {
        sheet
          .getRangeList(toMark.map(i => a1(i.row, columns.transferPackage + 1)))
          .setValue(toCellText(this.state.folderId).cell);
        if (columns.updatedAt !== undefined) {
          sheet.getRangeList(toMark.map(i => a1(i.row, columns.updatedAt + 1))).setValue(this.now);
        }
      } catch (error) {
        throw writeError(error);
      }
      register.updateEntries(
        'register',
        [],
        toMark.map(i => ({
          at: this.now,
          actor: this.w.user,
          action: 'Added to transfer package',
          recordId: i.recordId,
          fileId: '',
          details: `${this.state.name} (folder ${this.state.folderId}): ${i.filepath}, SHA-256 ${i.sha256}`,
        }))
      );
    });
  }

  /** Combines the parts into the package's files, once every register row is scanned. */
  private finish(): void {
    const saved = savedParts(this.state.workFolderId);
    const included = new Map<string, IncludedFile>();
    const leftOut = new Map<string, LeftOut>();
    for (const file of saved.files) {
      const part = JSON.parse(readTextFile(file.id)) as Part;
      for (const i of part.included) included.set(i.recordId, i);
      for (const l of part.leftOut) leftOut.set(`${l.recordId}|${l.kind}`, l);
    }
    const files = [...included.values()].sort((a, b) => a.filepath.localeCompare(b.filepath));
    const out = [...leftOut.values()].sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.recordId.localeCompare(b.recordId)
    );
    const counts = this.state.counts;
    counts.included = files.length;
    counts.exported = files.filter(f => f.exported).length;
    counts.notIncluded = out.filter(l => l.kind === 'rejected').length;
    counts.held = out.filter(l => l.kind === 'held').length;
    counts.awaiting = out.filter(l => l.kind === 'awaiting').length;
    counts.problems = files.filter(f => f.problems.length).length;
    counts.scanned = counts.scope;
    const outputs: [string, string, string][] = [
      [
        METADATA_FILE,
        toCsv(
          TDR_HEADERS,
          files.map(f => f.metadata)
        ),
        'text/csv',
      ],
      [
        CHECKSUM_FILE,
        files.map(f => `${checksumLine(f.sha256, f.filepath)}\n`).join(''),
        'text/plain',
      ],
      [
        REJECTED_FILE,
        toCsv(
          ['record', 'file', 'reason'],
          out.map(l => [l.recordId, l.file, l.reason])
        ),
        'text/csv',
      ],
      [README_FILE, this.readme(files, out), 'text/plain'],
    ];
    const folder = DriveApp.getFolderById(this.state.folderId);
    const present = listFolder(this.state.folderId);
    for (const [name, content, mime] of outputs) {
      // Written once: a run that stopped after writing some of them writes only the rest.
      if (!present.has(name)) writeTextFile(folder, name, content, mime);
    }
    this.state.status = 'ready';
    this.state.finishedAt = this.now.toISOString();
    try {
      // The parts are no longer needed; only their owner may bin them.
      DriveApp.getFolderById(this.state.workFolderId).setTrashed(true);
    } catch (error) {
      console.warn(`Transfer package working files left in place: ${messageOf(error)}`);
    }
  }

  private readme(files: IncludedFile[], out: LeftOut[]): string {
    const s = this.state;
    const lines = [
      s.name,
      '='.repeat(s.name.length),
      '',
      `Built from the Records Capture register (${this.w.config.registerUrl}) by ${s.startedBy},`,
      `started ${s.startedAt.slice(0, 10)}, finished ${this.now.toISOString().slice(0, 10)}, in ${s.runs + 1} run${s.runs ? 's' : ''}.`,
      `Register rows scanned: 2 to ${s.lastRow}.`,
      '',
      'What is here',
      `- ${CONTENT_FOLDER}/: ${files.length} file${files.length === 1 ? '' : 's'}, one folder per series; ${files.filter(f => f.exported).length} Google file(s) exported as PDF.`,
      `- ${METADATA_FILE}: the TDR metadata, one row per file (TDR metadata schema ${TDR_SCHEMA.version}, ${TDR_SCHEMA.repository} ${TDR_SCHEMA.commit.slice(0, 7)}).`,
      `- ${CHECKSUM_FILE}: the SHA-256 of every file; check with "sha256sum -c ${CHECKSUM_FILE}" in this folder.`,
      `- ${REJECTED_FILE}: ${out.length} selected record${out.length === 1 ? '' : 's'} not in the package, and why.`,
      '',
      'Transferring',
      `1. Upload the "${CONTENT_FOLDER}" folder to TDR (https://www.nationalarchives.gov.uk/information-management/manage-information/digital-records-transfer/). The filepath column is the path TDR shows for each file.`,
      `2. Fill TDR's metadata template from ${METADATA_FILE} (same columns, same order) and upload it.`,
      '3. When The National Archives confirms the transfer, press "Mark as transferred" in Records Capture: the records become Transferred in the register.',
    ];
    const problems = files.filter(f => f.problems.length);
    if (problems.length) {
      lines.push('', 'Metadata to check before upload');
      for (const f of problems) lines.push(`- ${f.recordId}: ${f.problems.join('; ')}`);
    }
    const section = (title: string, kind: LeftOut['kind']) => {
      const items = out.filter(l => l.kind === kind);
      if (!items.length) return;
      lines.push('', `${title} (${items.length})`);
      for (const l of items) lines.push(`- ${l.recordId} ${l.file}: ${l.reason}`);
    };
    section('Not included: TDR would refuse the file, or it cannot be read', 'rejected');
    section('On legal hold: not transferred', 'held');
    section('Awaiting sensitivity review', 'awaiting');
    lines.push('');
    return lines.join('\n');
  }
}

// ---------------------------------------------------------------------------------------------
// After the upload: Mark as transferred.

export interface MarkOutcome {
  marked: string[];
  already: string[];
  /** Records of the package not marked, with why. */
  skipped: { recordId: string; reason: string }[];
}

/**
 * Sets Lifecycle state "Transferred" on the register rows of a package (found by their Transfer
 * package cell with one server search), except records held since, or changed since packaging.
 */
export function markTransferred(w: Workplace, packageId: string, now: Date): MarkOutcome {
  requireTeamMember(w, WHAT);
  const state = readPackageState();
  if (state && state.folderId === packageId && state.status !== 'ready') {
    throw new UserFacingError(
      'That package is still being built: finish it, upload it to The National Archives, then mark it as transferred. Nothing was changed.',
      'Package not finished'
    );
  }
  const register = w.register;
  const columns = register.columns('register');
  if (!packageId || columns.transferPackage === undefined) {
    throw new UserFacingError(
      'No records in the register are in that package. Nothing was changed.',
      'Nothing to mark'
    );
  }
  const sheet = register.sheet('register');
  const find = () => {
    const last = register.lastRow('register');
    if (last < 2) return [];
    return sheet
      .getRange(2, columns.transferPackage + 1, last - 1, 1)
      .createTextFinder(packageId)
      .matchEntireCell(true)
      .matchCase(true)
      .findAll()
      .map(r => r.getRow());
  };
  return withScriptLock(() => {
    register.forgetPositions();
    const rows = find();
    if (!rows.length) {
      throw new UserFacingError(
        'No records in the register are in that package. Nothing was changed.',
        'Nothing to mark'
      );
    }
    const first = Math.min(...rows);
    const span = Math.max(...rows) - first + 1;
    const column = (key: string) =>
      columns[key] === undefined
        ? new Array<unknown[]>(span).fill([''])
        : sheet.getRange(first, columns[key] + 1, span, 1).getValues();
    const ids = column('recordId');
    const series = column('series');
    const legal = column('legalHold');
    const lifecycles = column('lifecycle');
    const fileIds = column('fileId');
    const holds = readActiveHolds(register);
    const outcome: MarkOutcome = { marked: [], already: [], skipped: [] };
    const toMark: { row: number; recordId: string; fileId: string }[] = [];
    for (const row of rows) {
      const i = row - first;
      const recordId = text(ids[i][0]);
      const lifecycle = text(lifecycles[i][0]);
      if (lifecycle === 'Transferred') {
        outcome.already.push(recordId);
        continue;
      }
      if (
        isHeld({ recordId, series: text(series[i][0]), legalHold: text(legal[i][0]) }, holds) ||
        lifecycle === 'On hold'
      ) {
        outcome.skipped.push({
          recordId,
          reason:
            'placed on legal hold since it was packaged: tell The National Archives before it is accessioned',
        });
        continue;
      }
      if (lifecycle !== 'Sensitivity reviewed') {
        outcome.skipped.push({
          recordId,
          reason: `its lifecycle state changed since packaging (${lifecycle || 'empty'})`,
        });
        continue;
      }
      toMark.push({ row, recordId, fileId: text(fileIds[i][0]) });
    }
    if (toMark.length) {
      try {
        sheet
          .getRangeList(toMark.map(m => a1(m.row, columns.lifecycle + 1)))
          .setValue(toCellText('Transferred').cell);
        if (columns.updatedAt !== undefined) {
          sheet.getRangeList(toMark.map(m => a1(m.row, columns.updatedAt + 1))).setValue(now);
        }
      } catch (error) {
        throw writeError(error);
      }
      register.updateEntries(
        'register',
        [],
        toMark.map(m => ({
          at: now,
          actor: w.user,
          action: 'Transferred to The National Archives',
          recordId: m.recordId,
          fileId: m.fileId,
          details: `In transfer package ${packageId}`,
        }))
      );
      outcome.marked = toMark.map(m => m.recordId);
    }
    return outcome;
  });
}

// ---------------------------------------------------------------------------------------------
// The hourly trigger that continues a package (add-ons may run one at most hourly).

export function ensureContinueTrigger(): void {
  if (!ownTriggers(CONTINUE_HANDLER).length) createTrigger(CONTINUE_HANDLER, { every: 'hour' });
}

export function removeContinueTriggers(): void {
  deleteTriggers(CONTINUE_HANDLER);
}

/** A1 notation of one cell, e.g. BJ1024. */
export function a1(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${row}`;
}

/** A failed write to the register, said as the register's own writes say it. */
function writeError(error: unknown): Error {
  if (error instanceof UserFacingError) return error;
  const message = messageOf(error);
  if (/protected cell|permission|not allowed|access denied/i.test(message)) {
    return new UserFacingError(
      'You can open the register but cannot change it: your account needs edit access. Ask the records team. Nothing was changed in the register.',
      'Cannot write to the register'
    );
  }
  return new UserFacingError(
    `Google Sheets refused the write (${message.replace(/\.$/, '')}). Nothing was changed in the register. Please try again.`,
    'Register not updated'
  );
}
