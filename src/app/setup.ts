// First run: a records administrator creates the register (or links an existing one). The
// configuration is stored once for the whole deployment.
import { saveConfig } from '../adapters/properties';
import type { RegisterConfig } from '../adapters/properties';
import { forgetReferenceData } from '../adapters/reference-cache';
import { Register } from '../adapters/register';
import { SEED_BUSINESS_UNITS, SEED_FILE_PLAN, SEED_RETENTION } from '../domain/seed';
import { SCHEMA_VERSION, TAB_ORDER, TABS } from '../domain/register-schema';
import type { ColumnSpec, TabKey } from '../domain/register-schema';
import { DEFAULT_RULE_CELLS, ruleRow } from '../domain/suggestions';
import { toCellText } from '../domain/text';
import type { Deployment } from './deployment';
import { isAdministrator } from './deployment';
import { messageOf, UserFacingError } from './errors';

export const SETTINGS_TAB = 'Settings';
/** First audit log row of the hash chain; rows above it were written before the log was chained. */
export const AUDIT_CHAIN_START_SETTING = 'Audit chain starts at row';
export const ROOT_FOLDER_SETTING = 'Records folder ID';
const DATA_ROWS = 1000;

export interface SetupOptions {
  /** Share the register and the records folder with everyone in the domain as editors. */
  shareWithDomain: boolean;
  recordsTeamGroup: string;
}

function requireAdministrator(deployment: Deployment): void {
  if (!isAdministrator(deployment)) {
    throw new UserFacingError(
      `Only the records administrators (${deployment.administrators.join(', ')}) can set up the register.`,
      'Not a records administrator'
    );
  }
}

export function createRegister(
  deployment: Deployment,
  options: SetupOptions,
  now: Date
): RegisterConfig {
  requireAdministrator(deployment);
  const root = DriveApp.createFolder('Records (Records Capture)');
  root.setDescription(
    'Declared records, one folder per file-plan series. Managed by Records Capture.'
  );
  const spreadsheet = SpreadsheetApp.create('Records register');
  DriveApp.getFileById(spreadsheet.getId()).moveTo(root);

  const first = spreadsheet.getSheets()[0];
  first.setName(TABS.register.name);
  const order = TAB_ORDER;
  const sheets: Record<string, GoogleAppsScript.Spreadsheet.Sheet> = { register: first };
  for (const key of order.slice(1)) sheets[key] = spreadsheet.insertSheet(TABS[key].name);
  const administrators = deployment.administrators.length
    ? deployment.administrators
    : [deployment.user];

  for (const key of order) {
    const sheet = sheets[key];
    const columns = TABS[key].columns;
    const maxColumns = sheet.getMaxColumns();
    if (maxColumns < columns.length)
      sheet.insertColumnsAfter(maxColumns, columns.length - maxColumns);
    sheet
      .getRange(1, 1, 1, columns.length)
      .setValues([columns.map(c => c.header)])
      .setFontWeight('bold')
      .setBackground('#f3f2f1');
    sheet.setFrozenRows(1);
    const protection = sheet
      .getRange(1, 1, 1, sheet.getMaxColumns())
      .protect()
      .setDescription('Register headers: Records Capture finds columns by these names');
    // The spreadsheet is brand new, so its creator is the only editor: adding the other
    // administrators is all it takes (no need to read and prune each protection's editors).
    const others = administrators.filter(e => e !== deployment.user);
    if (others.length) protection.addEditors(others);
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
    for (const [i, column] of columns.entries()) formatColumn(sheet, i + 1, column);
  }
  const seedRows = (rows: unknown[][]) =>
    rows.map(r => r.map(v => (typeof v === 'string' ? toCellText(v).cell : v)));
  sheets.filePlan
    .getRange(2, 1, SEED_FILE_PLAN.length, 6)
    .setValues(
      seedRows(
        SEED_FILE_PLAN.map(s => [s.code, s.title, s.code.slice(0, 3), s.retentionCode, '', 'Yes'])
      )
    );
  sheets.retention
    .getRange(2, 1, SEED_RETENTION.length, 6)
    .setValues(
      seedRows(
        SEED_RETENTION.map(r => [r.code, r.title, r.periodYears, r.trigger, r.action, r.authority])
      )
    );
  sheets.businessUnits
    .getRange(2, 1, SEED_BUSINESS_UNITS.length, 3)
    .setValues(
      seedRows(SEED_BUSINESS_UNITS.map(u => [u.code, u.name, u.privateOffice ? 'Yes' : 'No']))
    );
  // The suggestion rules start as the built-in ones, for the records team to edit.
  sheets.suggestions
    .getRange(2, 1, DEFAULT_RULE_CELLS.length, TABS.suggestions.columns.length)
    .setValues(seedRows(DEFAULT_RULE_CELLS.map(ruleRow)));
  // The administrators are the first members of the records team.
  sheets.team
    .getRange(2, 1, administrators.length, 6)
    .setValues(
      administrators.map(email => [email, '', 'Records manager', 'Yes', deployment.user, now])
    );
  // Coded columns are validated against the reference tabs, which now hold their codes.
  for (const key of order) {
    TABS[key].columns.forEach((column, i) =>
      validateColumn(spreadsheet, sheets[key], i + 1, column)
    );
  }

  const settings = spreadsheet.insertSheet(SETTINGS_TAB);
  settings.getRange(1, 1, 5, 2).setValues([
    ['Setting', 'Value'],
    [ROOT_FOLDER_SETTING, `'${root.getId()}`],
    ['Set up by', deployment.user],
    ['Schema version', SCHEMA_VERSION],
    [AUDIT_CHAIN_START_SETTING, 2],
  ]);
  settings.protect().setDescription('Records Capture settings');
  settings.hideSheet();

  if (options.shareWithDomain) {
    DriveApp.getFileById(spreadsheet.getId()).setSharing(
      DriveApp.Access.DOMAIN_WITH_LINK,
      DriveApp.Permission.EDIT
    );
    root.setSharing(DriveApp.Access.DOMAIN_WITH_LINK, DriveApp.Permission.EDIT);
  }
  SpreadsheetApp.flush();
  const config: RegisterConfig = {
    registerId: spreadsheet.getId(),
    registerUrl: spreadsheet.getUrl(),
    rootFolderId: root.getId(),
    administrators,
    recordsTeamGroup: options.recordsTeamGroup.trim().toLowerCase(),
    setUpBy: deployment.user,
    setUpAt: now.toISOString(),
  };
  saveConfig(config);
  return config;
}

/** Links a register created earlier (by URL), after checking it is one. */
export function linkRegister(
  deployment: Deployment,
  url: string,
  recordsTeamGroup: string,
  now: Date
): RegisterConfig {
  requireAdministrator(deployment);
  const id =
    /\/spreadsheets\/d\/([A-Za-z0-9_-]{20,})/.exec(url)?.[1] ??
    (/^[A-Za-z0-9_-]{20,}$/.test(url.trim()) ? url.trim() : '');
  if (!id) {
    throw new UserFacingError(
      "That is not a Google Sheets address. Paste the register's URL from the browser, e.g. https://docs.google.com/spreadsheets/d/…/edit",
      'Not a spreadsheet URL'
    );
  }
  const register = Register.open(id, deployment.administrators);
  // Tabs added in later versions are created when the records team first needs them.
  for (const key of TAB_ORDER) if (!TABS[key].addedLater) register.columns(key);
  const settings = register.spreadsheet.getSheetByName(SETTINGS_TAB);
  const rows = settings
    ? settings.getRange(1, 1, Math.max(1, settings.getLastRow()), 2).getValues()
    : [];
  const rootFolderId = String(rows.find(r => r[0] === ROOT_FOLDER_SETTING)?.[1] ?? '').trim();
  if (!rootFolderId) {
    throw new UserFacingError(
      `This spreadsheet has the register's tabs but no "${SETTINGS_TAB}" tab naming its records folder. Create a new register instead, or restore the tab.`,
      'Register settings missing'
    );
  }
  try {
    DriveApp.getFolderById(rootFolderId).getName();
  } catch (error) {
    throw new UserFacingError(
      `The register's records folder (${rootFolderId}) cannot be opened: ${messageOf(error)}`,
      'Records folder missing'
    );
  }
  const administrators = deployment.administrators.length
    ? deployment.administrators
    : [deployment.user];
  const config: RegisterConfig = {
    registerId: id,
    registerUrl: register.spreadsheet.getUrl(),
    rootFolderId,
    administrators,
    recordsTeamGroup: recordsTeamGroup.trim().toLowerCase(),
    setUpBy: deployment.user,
    setUpAt: now.toISOString(),
  };
  saveConfig(config);
  forgetReferenceData(id);
  return config;
}

export function formatColumn(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  column: number,
  spec: ColumnSpec
): void {
  const data = sheet.getRange(2, column, DATA_ROWS - 1, 1);
  if (spec.kind === 'date') data.setNumberFormat('yyyy-mm-dd');
  else if (spec.kind === 'datetime') data.setNumberFormat('yyyy-mm-dd hh:mm');
}

export function validateColumn(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  column: number,
  spec: ColumnSpec
): void {
  if (!spec.allowed) return;
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(false);
  if (Array.isArray(spec.allowed)) {
    builder.requireValueInList([...spec.allowed], true);
  } else {
    const tab = TABS[(spec.allowed as { tab: TabKey }).tab];
    const source = spreadsheet.getSheetByName(tab.name);
    if (!source) return;
    builder.requireValueInRange(source.getRange(2, 1, DATA_ROWS - 1, 1), true);
  }
  builder.setHelpText(`Choose a value from the list (${spec.header}).`);
  sheet.getRange(2, column, DATA_ROWS - 1, 1).setDataValidation(builder.build());
}
