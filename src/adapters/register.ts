// The register spreadsheet. This is the one module that knows where register rows live and how
// they are found: declarations never read the whole register (lookups use a server-side
// TextFinder on one column, appends write only new rows). Moving to a register per year, or to a
// BigQuery-backed register, changes this module only.
import { sha256OfText } from './digest';
import { isAccessError, isProtectionError, messageOf, UserFacingError } from '../app/errors';
import type { ReferenceData, RegisterEntry } from '../domain/declaration';
import type { BusinessUnit, Series } from '../domain/file-plan';
import type { RetentionSchedule } from '../domain/retention';
import { DISPOSAL_ACTIONS, RETENTION_TRIGGERS } from '../domain/retention';
import { mapHeaders, registerHeadroom, TABS } from '../domain/register-schema';
import type { ColumnSpec, Headroom, TabKey } from '../domain/register-schema';
import { toCellText } from '../domain/text';
import { chain } from '../domain/audit-chain';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RecordSummary {
  row: number;
  recordId: string;
  fileId: string;
  title: string;
  classification: string;
  marking: string;
  series: string;
  declaredBy: string;
  declaredAt: Date | string;
  filing: string;
  folderId: string;
  checksum: string;
  /** Links to the record's saved files, one per line ('' in registers without the column). */
  savedFiles: string;
}

export interface AppendResult {
  firstRow: number;
  truncatedFields: string[];
}

/** A row of a tab as read: its entry by column key and its raw cells (for safe rewrites). */
export interface EntryRow {
  row: number;
  entry: RegisterEntry;
  cells: unknown[];
}

export class Register {
  private sheets: Partial<Record<TabKey, Sheet>> = {};
  private headers: Partial<Record<TabKey, Record<string, number>>> = {};
  /** Last rows read in this execution; forgotten when the script lock is taken. */
  private lastRows: Partial<Record<TabKey, number>> = {};

  private constructor(
    readonly spreadsheet: Spreadsheet,
    readonly id: string
  ) {}

  static open(registerId: string, administrators: string[]): Register {
    try {
      return new Register(SpreadsheetApp.openById(registerId), registerId);
    } catch (error) {
      const who = administrators.length ? administrators.join(', ') : 'your records team';
      if (isAccessError(error)) {
        throw new UserFacingError(
          `You do not have access to the records register, or it has been deleted. Ask ${who} to share it with you. Nothing was saved.`,
          'No access to the register'
        );
      }
      throw error;
    }
  }

  sheet(tab: TabKey): Sheet {
    const cached = this.sheets[tab];
    if (cached) return cached;
    const name = TABS[tab].name;
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) {
      throw new UserFacingError(
        `The register has no tab named "${name}". It may have been renamed or deleted: ask the records team to restore it. Nothing was saved.`,
        'Register tab missing'
      );
    }
    this.sheets[tab] = sheet;
    return sheet;
  }

  /** Column positions (0-based) by column key, from the tab's header row. */
  columns(tab: TabKey): Record<string, number> {
    const cached = this.headers[tab];
    if (cached) return cached;
    const sheet = this.sheet(tab);
    const headerRow = sheet.getRange('1:1').getValues()[0];
    const { index, missing } = mapHeaders(headerRow, TABS[tab].columns);
    if (missing.length) {
      throw new UserFacingError(
        `The register's "${TABS[tab].name}" tab is missing the column${missing.length > 1 ? 's' : ''} ${missing.map(m => `"${m}"`).join(', ')}. Ask the records team to restore ${missing.length > 1 ? 'them' : 'it'}. Nothing was saved.`,
        'Register column missing'
      );
    }
    this.headers[tab] = index;
    return index;
  }

  /** The sheet's last row with content, read once until forgotten. */
  lastRow(tab: TabKey): number {
    const known = this.lastRows[tab];
    if (known !== undefined) return known;
    const last = this.sheet(tab).getLastRow();
    this.lastRows[tab] = last;
    return last;
  }

  /** Call after adding columns to a tab: its header row is read again. */
  forgetColumns(tab: TabKey): void {
    this.headers[tab] = undefined;
  }

  /** Call on taking the script lock: rows may have been added by others since they were read. */
  forgetPositions(): void {
    this.lastRows = {};
  }

  /**
   * Finds the register rows of the given files with one server-side search of the File ID column,
   * however large the register is.
   */
  findByFileIds(fileIds: string[]): Map<string, RecordSummary> {
    return this.findBy('fileId', fileIds);
  }

  /** Finds captured emails by their deduplication key (Message-ID, or content hash). */
  findByMessageKeys(keys: string[]): Map<string, RecordSummary> {
    return this.findBy('messageId', keys);
  }

  private findBy(key: 'fileId' | 'messageId', values: string[]): Map<string, RecordSummary> {
    const columns = this.columns('register');
    const found = new Map<string, RecordSummary>();
    for (const [value, { row, cells }] of this.findEntries('register', key, values)) {
      found.set(value, summarise(row, cells, columns));
    }
    return found;
  }

  /**
   * Appends register entries and their audit rows: one write per tab, committed together. If the
   * second write fails, the first is undone so the register and the audit log never disagree.
   * Call while holding the script lock.
   */
  append(entries: RegisterEntry[], audits: RegisterEntry[]): AppendResult {
    return this.appendTo('register', entries, audits);
  }

  /**
   * Appends rows to a tab (a disposal certificate, a legal hold) with their audit rows, committed
   * together as `append` does. Call while holding the script lock.
   */
  appendTo(tab: TabKey, entries: RegisterEntry[], audits: RegisterEntry[]): AppendResult {
    const target = this.sheet(tab);
    const audit = this.sheet('audit');
    const targetColumns = this.columns(tab);
    const auditColumns = this.columns('audit');
    const truncated: string[] = [];
    const rows = entries.map(e => toRow(e, TABS[tab].columns, targetColumns, truncated));
    const firstRow = this.lastRow(tab) + 1;
    const firstAuditRow = this.lastRow('audit') + 1;
    const auditRows = this.chained(audits).map(e =>
      toRow(e, TABS.audit.columns, auditColumns, truncated)
    );
    const written: GoogleAppsScript.Spreadsheet.Range[] = [];
    try {
      if (rows.length) written.push(this.writeRows(target, firstRow, rows));
      if (auditRows.length) written.push(this.writeRows(audit, firstAuditRow, auditRows));
      SpreadsheetApp.flush();
      this.lastRows[tab] = firstRow + rows.length - 1;
      this.lastRows.audit = firstAuditRow + auditRows.length - 1;
    } catch (error) {
      this.forgetPositions();
      for (const range of written) {
        try {
          range.clearContent();
        } catch {
          // Best effort: the original error is what the user needs to see.
        }
      }
      throw writeError(error);
    }
    return { firstRow, truncatedFields: truncated };
  }

  /** `count` rows of a tab from `firstRow`, in one read, as entries keyed by column key. */
  readEntries(tab: TabKey, firstRow: number, count: number): EntryRow[] {
    if (count <= 0) return [];
    const columns = this.columns(tab);
    const width = Math.max(...Object.values(columns)) + 1;
    const values = this.sheet(tab).getRange(firstRow, 1, count, width).getValues();
    return values.map((cells, i) => ({
      row: firstRow + i,
      entry: toEntry(cells, columns),
      cells,
    }));
  }

  /**
   * Rows of a tab whose `key` column holds one of `values`, found with one server-side search of
   * that column; each match is then read whole. First match per value.
   */
  findEntries(tab: TabKey, key: string, values: string[]): Map<string, EntryRow> {
    const found = new Map<string, EntryRow>();
    const wanted = [...new Set(values.filter(Boolean))];
    if (!wanted.length) return found;
    const sheet = this.sheet(tab);
    const columns = this.columns(tab);
    if (columns[key] === undefined) return found;
    const lastRow = this.lastRow(tab);
    if (lastRow < 2) return found;
    const pattern = wanted.map(escapeRegExp).join('|');
    const matches = sheet
      .getRange(2, columns[key] + 1, lastRow - 1, 1)
      .createTextFinder(wanted.length === 1 ? wanted[0] : `^(${pattern})$`)
      .matchEntireCell(true)
      .matchCase(true)
      .useRegularExpression(wanted.length > 1)
      .findAll();
    const width = Math.max(...Object.values(columns)) + 1;
    for (const match of matches) {
      const row = match.getRow();
      const cells = sheet.getRange(row, 1, 1, width).getValues()[0];
      const value = String(cells[columns[key]] ?? '');
      if (!found.has(value)) found.set(value, { row, entry: toEntry(cells, columns), cells });
    }
    return found;
  }

  /**
   * Rewrites rows read earlier with some of their fields changed (one write per row, spanning
   * the changed columns only) and appends audit rows. Cells between changed columns are written
   * back as read, as text where they were text. Call while holding the script lock, with rows
   * read under that lock.
   */
  updateEntries(
    tab: TabKey,
    changes: { row: EntryRow; values: RegisterEntry }[],
    audits: RegisterEntry[]
  ): void {
    const sheet = this.sheet(tab);
    const columns = this.columns(tab);
    const auditColumns = this.columns('audit');
    const truncated: string[] = [];
    try {
      for (const { row, values } of changes) {
        const positions = Object.keys(values)
          .map(k => columns[k])
          .filter((p): p is number => p !== undefined);
        if (!positions.length) continue;
        const from = Math.min(...positions);
        const to = Math.max(...positions);
        const cells = row.cells.slice(from, to + 1).map(asWritable);
        for (const key of Object.keys(values)) {
          const at = columns[key];
          if (at === undefined) continue;
          const value = values[key];
          cells[at - from] = typeof value === 'string' ? toCellText(value).cell : (value ?? '');
        }
        sheet.getRange(row.row, from + 1, 1, cells.length).setValues([cells]);
      }
      if (audits.length) {
        const first = this.lastRow('audit') + 1;
        const rows = this.chained(audits).map(e =>
          toRow(e, TABS.audit.columns, auditColumns, truncated)
        );
        this.writeRows(this.sheet('audit'), first, rows);
        this.lastRows.audit = first + rows.length - 1;
      }
      SpreadsheetApp.flush();
    } catch (error) {
      this.forgetPositions();
      throw writeError(error);
    }
  }

  /**
   * Changes cells of existing register rows and appends audit rows. Call while holding the
   * script lock, with rows found under that lock.
   */
  update(changes: { row: number; values: RegisterEntry }[], audits: RegisterEntry[]): void {
    const register = this.sheet('register');
    const columns = this.columns('register');
    const auditColumns = this.columns('audit');
    const truncated: string[] = [];
    try {
      for (const change of changes) {
        for (const key of Object.keys(change.values)) {
          const value = change.values[key];
          if (columns[key] === undefined) continue; // an optional column this register lacks
          const cell = typeof value === 'string' ? toCellText(value).cell : (value ?? '');
          register.getRange(change.row, columns[key] + 1).setValue(cell);
        }
      }
      if (audits.length) {
        const first = this.lastRow('audit') + 1;
        const rows = this.chained(audits).map(e =>
          toRow(e, TABS.audit.columns, auditColumns, truncated)
        );
        this.writeRows(this.sheet('audit'), first, rows);
        this.lastRows.audit = undefined;
      }
      SpreadsheetApp.flush();
    } catch (error) {
      throw writeError(error);
    }
  }

  /**
   * New audit rows linked into the log's hash chain (registers made before the chain have no hash
   * columns, and their rows are written as they are). Call while holding the script lock.
   */
  private chained(audits: RegisterEntry[]): RegisterEntry[] {
    const columns = this.columns('audit');
    if (columns.hash === undefined || columns.previousHash === undefined || !audits.length)
      return audits;
    const last = this.lastRow('audit');
    const lastHash =
      last >= 2
        ? String(
            this.sheet('audit')
              .getRange(last, columns.hash + 1)
              .getValue() ?? ''
          )
        : '';
    // Hash the text as the cells will hold it (cleaned, perhaps cut), so verification matches.
    const asStored = audits.map(a =>
      Object.fromEntries(
        Object.entries(a).map(([k, v]) => [k, typeof v === 'string' ? toCellText(v).text : v])
      )
    );
    return chain(lastHash, asStored, sha256OfText);
  }

  /** Reads the file plan, retention schedules and business units. */
  readReferenceData(): ReferenceData {
    const read = (tab: TabKey) => {
      const sheet = this.sheet(tab);
      const columns = this.columns(tab);
      const lastRow = sheet.getLastRow();
      if (lastRow < 2) return [] as Record<string, unknown>[];
      const width = Math.max(...Object.values(columns)) + 1;
      return sheet
        .getRange(2, 1, lastRow - 1, width)
        .getValues()
        .map(row => {
          const out: Record<string, unknown> = {};
          for (const key of Object.keys(columns)) out[key] = row[columns[key]];
          return out;
        })
        .filter(r => String(r.code ?? '').trim() !== '');
    };
    const text = (v: unknown) => String(v ?? '').trim();
    const schedules: RetentionSchedule[] = read('retention')
      .map(r => ({
        code: text(r.code),
        title: text(r.title),
        periodYears: Number(r.periodYears),
        trigger: text(r.trigger).toUpperCase() as RetentionSchedule['trigger'],
        action: text(r.action) as RetentionSchedule['action'],
        authority: text(r.authority),
      }))
      // A schedule edited by hand into something unusable is left out, so series that use it
      // are reported as having no valid schedule rather than given a wrong date.
      .filter(
        s =>
          Number.isFinite(s.periodYears) &&
          s.periodYears >= 0 &&
          (RETENTION_TRIGGERS as readonly string[]).includes(s.trigger) &&
          (DISPOSAL_ACTIONS as readonly string[]).includes(s.action)
      );
    const series: Series[] = read('filePlan').map(r => ({
      code: text(r.code),
      title: text(r.title),
      functionCode: text(r.functionCode) || text(r.code).slice(0, 3),
      retentionCode: text(r.retentionCode),
      folderId: text(r.folderId),
      active: text(r.active).toLowerCase() !== 'no',
    }));
    const businessUnits: BusinessUnit[] = read('businessUnits').map(r => ({
      code: text(r.code),
      name: text(r.name),
      privateOffice: text(r.privateOffice).toLowerCase() === 'yes',
    }));
    return { series, schedules, businessUnits };
  }

  /** Records the Drive folder of a series in the file plan. Call while holding the script lock. */
  setSeriesFolder(seriesCode: string, folderId: string): void {
    const sheet = this.sheet('filePlan');
    const columns = this.columns('filePlan');
    const lastRow = sheet.getLastRow();
    const match =
      lastRow >= 2
        ? sheet
            .getRange(2, columns.code + 1, lastRow - 1, 1)
            .createTextFinder(seriesCode)
            .matchEntireCell(true)
            .findNext()
        : null;
    if (!match) return;
    try {
      sheet.getRange(match.getRow(), columns.folderId + 1).setValue(`'${folderId}`);
    } catch (error) {
      throw writeError(error);
    }
  }

  /** The folder a series' records go to, re-read so two users never create it twice. */
  seriesFolderId(seriesCode: string): string {
    const sheet = this.sheet('filePlan');
    const columns = this.columns('filePlan');
    const lastRow = sheet.getLastRow();
    if (lastRow < 2) return '';
    const match = sheet
      .getRange(2, columns.code + 1, lastRow - 1, 1)
      .createTextFinder(seriesCode)
      .matchEntireCell(true)
      .findNext();
    return match
      ? String(sheet.getRange(match.getRow(), columns.folderId + 1).getValue() ?? '')
      : '';
  }

  headroom(): Headroom {
    let cells = 0;
    for (const sheet of this.spreadsheet.getSheets())
      cells += sheet.getMaxRows() * sheet.getMaxColumns();
    const register = this.sheet('register');
    return registerHeadroom(
      cells,
      Math.max(0, register.getLastRow() - 1),
      register.getMaxColumns()
    );
  }

  private writeRows(
    sheet: Sheet,
    firstRow: number,
    rows: unknown[][]
  ): GoogleAppsScript.Spreadsheet.Range {
    const width = rows[0]?.length ?? 0;
    const needed = firstRow + rows.length - 1;
    const maxRows = sheet.getMaxRows();
    if (needed > maxRows) {
      // Grow in steps so most appends need no structural change.
      sheet.insertRowsAfter(maxRows, Math.max(needed - maxRows, 500));
    }
    const range = sheet.getRange(firstRow, 1, rows.length, width);
    range.setValues(rows);
    return range;
  }

  // Searching: each criterion is one server-side search of one column, rows 2 to `upTo`; only
  // the rows a page shows are then read.

  /** Rows (ascending) whose `key` column matches, found by one TextFinder on that column. */
  matchingRows(
    tab: TabKey,
    key: string,
    find: { text: string; regex?: boolean; entireCell?: boolean; matchCase?: boolean },
    upTo: number
  ): number[] {
    const column = this.columns(tab)[key];
    if (column === undefined || upTo < 2) return [];
    return this.sheet(tab)
      .getRange(2, column + 1, upTo - 1, 1)
      .createTextFinder(find.text)
      .useRegularExpression(!!find.regex)
      .matchEntireCell(!!find.entireCell)
      .matchCase(!!find.matchCase)
      .findAll()
      .map(match => match.getRow());
  }

  /** The values of one column, rows 2 to `upTo`, in one read. */
  columnValues(tab: TabKey, key: string, upTo: number): unknown[] {
    const column = this.columns(tab)[key];
    if (column === undefined || upTo < 2) return [];
    return this.sheet(tab)
      .getRange(2, column + 1, upTo - 1, 1)
      .getValues()
      .map(r => r[0]);
  }

  /**
   * Reads the given rows, as far as the last of `keys`' columns, with one read per span (rows
   * close together share a span; see the domain's readSpans).
   */
  readRows(
    tab: TabKey,
    spans: { first: number; count: number }[],
    keys: string[]
  ): Map<number, EntryRow> {
    const columns = this.columns(tab);
    const positions = keys.map(k => columns[k]).filter((p): p is number => p !== undefined);
    const width = Math.max(0, ...positions) + 1;
    const out = new Map<number, EntryRow>();
    for (const span of spans) {
      const values = this.sheet(tab).getRange(span.first, 1, span.count, width).getValues();
      values.forEach((cells, i) =>
        out.set(span.first + i, { row: span.first + i, entry: toEntry(cells, columns), cells })
      );
    }
    return out;
  }
}

function writeError(error: unknown): Error {
  if (error instanceof UserFacingError) return error;
  const message = messageOf(error);
  if (isProtectionError(error) || /permission|not allowed|access denied/i.test(message)) {
    return new UserFacingError(
      'You can open the register but cannot add to it: your account needs edit access. Ask the records team. Nothing was saved.',
      'Cannot write to the register'
    );
  }
  if (/above the limit of 10000000 cells|10000000 cells/.test(message)) {
    return new UserFacingError(
      'The register is full: Google Sheets holds at most 10 million cells. Nothing was saved. The records team must start a new register (see the README, "Register headroom").',
      'Register full'
    );
  }
  return new UserFacingError(
    `Google Sheets refused the write (${message}). Nothing was saved: the register and its audit log are unchanged. Please try again.`,
    'Register not updated'
  );
}

function toRow(
  entry: RegisterEntry,
  specs: ColumnSpec[],
  positions: Record<string, number>,
  truncated: string[]
): unknown[] {
  const width = Math.max(...Object.values(positions)) + 1;
  const row: unknown[] = new Array(width).fill('');
  for (const spec of specs) {
    const value = entry[spec.key];
    if (value === undefined || value === null || value === '') continue;
    if (positions[spec.key] === undefined) continue; // an optional column this register lacks
    if (typeof value === 'string') {
      const cell = toCellText(value);
      if (cell.truncated) truncated.push(spec.header);
      row[positions[spec.key]] = cell.cell;
    } else {
      row[positions[spec.key]] = value;
    }
  }
  return row;
}

function toEntry(cells: unknown[], columns: Record<string, number>): RegisterEntry {
  const entry: RegisterEntry = {};
  for (const key of Object.keys(columns)) {
    const value = cells[columns[key]];
    entry[key] =
      value === undefined || value === null
        ? ''
        : Object.prototype.toString.call(value) === '[object Date]'
          ? (value as Date)
          : typeof value === 'number'
            ? value
            : String(value);
  }
  return entry;
}

/** A cell value as read, ready to be written back unchanged (text stays text). */
function asWritable(value: unknown): unknown {
  return typeof value === 'string' && value !== '' ? toCellText(value).cell : (value ?? '');
}

function summarise(row: number, values: unknown[], columns: Record<string, number>): RecordSummary {
  const text = (key: string) => String(values[columns[key]] ?? '');
  const declaredAt = values[columns.declaredAt];
  return {
    row,
    recordId: text('recordId'),
    fileId: text('fileId'),
    title: text('title'),
    classification: text('classification'),
    marking: text('marking'),
    series: text('series'),
    declaredBy: text('declaredBy'),
    declaredAt:
      Object.prototype.toString.call(declaredAt) === '[object Date]'
        ? (declaredAt as Date)
        : String(declaredAt ?? ''),
    filing: text('filing'),
    folderId: text('folderId'),
    checksum: text('checksum'),
    savedFiles: columns.savedFiles === undefined ? '' : text('savedFiles'),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
