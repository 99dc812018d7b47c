// Who the records team is, and bringing an older register up to the current schema before the
// team's tools write to it. Membership is the "Records team" tab of the register plus the
// deployment's records administrators, who are always members.
import type { Register } from '../adapters/register';
import { SCHEMA_VERSION, TAB_ORDER, TABS } from '../domain/register-schema';
import type { TabKey } from '../domain/register-schema';
import { DEFAULT_RULE_CELLS, ruleRow } from '../domain/suggestions';
import type { Workplace } from './deployment';
import { UserFacingError } from './errors';
import { AUDIT_CHAIN_START_SETTING, formatColumn, SETTINGS_TAB, validateColumn } from './setup';

export interface TeamMember {
  email: string;
  name: string;
  role: string;
}

/** Active members from the "Records team" tab (none if an older register has no such tab). */
export function readTeam(register: Register): TeamMember[] {
  if (!register.spreadsheet.getSheetByName(TABS.team.name)) return [];
  const last = register.lastRow('team');
  return register
    .readEntries('team', 2, last - 1)
    .map(r => ({
      email: String(r.entry.email ?? '')
        .trim()
        .toLowerCase(),
      name: String(r.entry.name ?? '').trim(),
      role: String(r.entry.role ?? '').trim() || 'Reviewer',
      active:
        String(r.entry.active ?? '')
          .trim()
          .toLowerCase() !== 'no',
    }))
    .filter(m => m.active && /@/.test(m.email))
    .map(({ email, name, role }) => ({ email, name, role }));
}

export function teamEmails(w: Workplace): string[] {
  return [...new Set([...w.administrators, ...readTeam(w.register).map(m => m.email)])];
}

export function isTeamMember(w: Workplace): boolean {
  return teamEmails(w).includes(w.user.toLowerCase());
}

/**
 * The records team's tools are for members only. Anyone else is told who to ask; the attempt is
 * written to the execution log (staff cannot write to the register's audit tab).
 */
export function requireTeamMember(w: Workplace, what = 'the records team’s tools'): void {
  if (isTeamMember(w)) return;
  console.warn(`Records team tools refused: ${w.user} is not a member of the records team.`);
  throw new UserFacingError(
    `Only members of the records team can use ${what}. Members are listed in the register's "${TABS.team.name}" tab; ask ${w.administrators.join(', ') || 'your records administrator'} to add you. Nothing was changed.`,
    'Records team only'
  );
}

/** Whether the register was made by an earlier version and lacks tabs or columns of this one. */
export function registerBehind(register: Register): boolean {
  return (Number(readSettings(register).values['Schema version']) || 1) < SCHEMA_VERSION;
}

/**
 * Adds the tabs and columns of later versions to a register made by an earlier one, once: the
 * Settings tab records the version reached. Call while holding the script lock.
 */
export function upgradeRegister(register: Register, user: string, now: Date): boolean {
  const spreadsheet = register.spreadsheet;
  const settings = readSettings(register);
  const version = Number(settings.values['Schema version']) || 1;
  if (version >= SCHEMA_VERSION) return false;

  for (const key of TAB_ORDER) {
    if (TABS[key].addedLater && !spreadsheet.getSheetByName(TABS[key].name)) {
      addTab(register, key, user, now);
    }
  }
  addMissingColumns(register, 'register');
  const addedToAudit = addMissingColumns(register, 'audit');
  if (addedToAudit.includes('hash') && settings.values[AUDIT_CHAIN_START_SETTING] === undefined) {
    // Rows already in the log were written before it was chained: the chain starts after them.
    writeSetting(settings, AUDIT_CHAIN_START_SETTING, register.sheet('audit').getLastRow() + 1);
  }
  writeSetting(settings, 'Schema version', SCHEMA_VERSION);
  SpreadsheetApp.flush();
  return true;
}

interface Settings {
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  values: Record<string, unknown>;
  rows: Record<string, number>;
}

/** The hidden Settings tab as name → value, in one read. */
export function readSettings(register: Register): Settings {
  const sheet = register.spreadsheet.getSheetByName(SETTINGS_TAB);
  const values: Record<string, unknown> = {};
  const rows: Record<string, number> = {};
  if (sheet) {
    sheet
      .getRange(1, 1, Math.max(1, sheet.getLastRow()), 2)
      .getValues()
      .forEach((r, i) => {
        const name = String(r[0] ?? '').trim();
        if (name && !(name in values)) {
          values[name] = r[1];
          rows[name] = i + 1;
        }
      });
  }
  return { sheet, values, rows };
}

function writeSetting(settings: Settings, name: string, value: unknown): void {
  if (!settings.sheet) return;
  const at = settings.rows[name] ?? settings.sheet.getLastRow() + 1;
  settings.sheet.getRange(at, 1, 1, 2).setValues([[name, value]]);
  settings.rows[name] = at;
  settings.values[name] = value;
}

function addTab(register: Register, key: TabKey, user: string, now: Date): void {
  const columns = TABS[key].columns;
  const sheet = register.spreadsheet.insertSheet(TABS[key].name);
  if (sheet.getMaxColumns() < columns.length) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns.length - sheet.getMaxColumns());
  }
  sheet
    .getRange(1, 1, 1, columns.length)
    .setValues([columns.map(c => c.header)])
    .setFontWeight('bold')
    .setBackground('#f3f2f1');
  sheet.setFrozenRows(1);
  columns.forEach((column, i) => {
    formatColumn(sheet, i + 1, column);
    validateColumn(register.spreadsheet, sheet, i + 1, column);
  });
  if (key === 'team') {
    // Whoever first opens the records team's tools on an older register is an administrator.
    sheet.getRange(2, 1, 1, 6).setValues([[user, '', 'Records manager', 'Yes', user, now]]);
  }
  if (key === 'suggestions') {
    // The built-in suggestion rules, written out for the records team to edit.
    sheet
      .getRange(2, 1, DEFAULT_RULE_CELLS.length, columns.length)
      .setValues(DEFAULT_RULE_CELLS.map(ruleRow));
  }
}

/**
 * Appends the headers of optional columns an older tab lacks, and refreshes coded lists.
 * Returns the keys of the columns added.
 */
function addMissingColumns(register: Register, key: TabKey): string[] {
  const sheet = register.sheet(key);
  const width = sheet.getLastColumn();
  const headers = sheet
    .getRange(1, 1, 1, Math.max(1, width))
    .getValues()[0]
    .map(h => String(h ?? '').trim());
  const missing = TABS[key].columns.filter(c => !headers.includes(c.header));
  if (missing.length) {
    const needed = width + missing.length;
    if (sheet.getMaxColumns() < needed) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), needed - sheet.getMaxColumns());
    }
    sheet
      .getRange(1, width + 1, 1, missing.length)
      .setValues([missing.map(c => c.header)])
      .setFontWeight('bold')
      .setBackground('#f3f2f1');
    missing.forEach((column, i) => {
      formatColumn(sheet, width + i + 1, column);
      validateColumn(register.spreadsheet, sheet, width + i + 1, column);
    });
  }
  // Lists that gained values (lifecycle states) are validated against the current list.
  const all = [...headers, ...missing.map(c => c.header)];
  for (const column of TABS[key].columns) {
    if (!Array.isArray(column.allowed)) continue;
    if (missing.includes(column)) continue;
    const at = all.indexOf(column.header);
    if (at >= 0) validateColumn(register.spreadsheet, sheet, at + 1, column);
  }
  register.forgetColumns(key);
  return missing.map(c => c.key);
}
