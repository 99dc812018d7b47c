// Who may read and change a spreadsheet and its protected ranges. Rights on the file come from
// its Drive item (shared with the Drive fakes); protections add a per-range editor list on top.
import type { FakeContext } from '../core/context';
import type { DriveItemState, ProtectionState, SheetState, SpreadsheetState } from '../core/state';
import { canEdit, canView, inDomain, isLocked, sameEmail } from '../drive/access';
import { areasOverlap, parseA1, type GridArea } from './cells';
import { SHEETS_MESSAGES, sheetsError } from './messages';

export function spreadsheetOf(ctx: FakeContext, id: string): SpreadsheetState {
  const spreadsheet = ctx.state.spreadsheets[id];
  if (!spreadsheet) throw sheetsError(SHEETS_MESSAGES.missing);
  return spreadsheet;
}

export function driveItemOf(ctx: FakeContext, id: string): DriveItemState | undefined {
  return ctx.state.drive[id];
}

export function ownerOf(ctx: FakeContext, id: string): string {
  return driveItemOf(ctx, id)?.owner ?? '';
}

export function canRead(ctx: FakeContext, id: string): boolean {
  const item = driveItemOf(ctx, id);
  return !!item && canView(ctx.state, item, ctx.user);
}

export function canWrite(ctx: FakeContext, id: string): boolean {
  const item = driveItemOf(ctx, id);
  return !!item && canEdit(ctx.state, item, ctx.user) && !isLocked(item);
}

/** Viewers, and everyone while the file is locked, get Apps Script's permission error. */
export function requireWrite(ctx: FakeContext, id: string): void {
  if (!canWrite(ctx, id)) throw sheetsError(SHEETS_MESSAGES.noEditAccess);
}

export function sheetById(spreadsheet: SpreadsheetState, sheetId: number): SheetState {
  const sheet = spreadsheet.sheets.find(s => s.sheetId === sheetId);
  if (!sheet) throw sheetsError(SHEETS_MESSAGES.sheetDeleted);
  return sheet;
}

/**
 * The cells a protection covers. A sheet protection covers the whole sheet, including rows and
 * columns it gains later.
 */
export function protectedArea(sheet: SheetState, protection: ProtectionState): GridArea | null {
  if (protection.a1 === null) {
    return {
      row: 1,
      column: 1,
      numRows: Number.MAX_SAFE_INTEGER,
      numColumns: Number.MAX_SAFE_INTEGER,
    };
  }
  return parseA1(protection.a1, sheet.maxRows, sheet.maxColumns)?.area ?? null;
}

/**
 * Whether the running user may edit inside the protection. The spreadsheet owner always may;
 * a warning-only protection lets every editor of the file through.
 */
export function canEditProtection(
  ctx: FakeContext,
  id: string,
  protection: ProtectionState
): boolean {
  if (!canWrite(ctx, id)) return false;
  if (protection.warningOnly) return true;
  const user = ctx.user;
  if (sameEmail(ownerOf(ctx, id), user)) return true;
  if (protection.editors.some(editor => sameEmail(editor, user))) return true;
  return !!protection.domainEdit && inDomain(ctx.state, user);
}

/**
 * Throws unless the user may change `area` of the sheet (or, with a null area, the sheet as a
 * whole: rename, freeze, delete), given every protection that covers it.
 */
export function requireEditable(
  ctx: FakeContext,
  id: string,
  sheet: SheetState,
  area: GridArea | null
): void {
  requireWrite(ctx, id);
  const spreadsheet = spreadsheetOf(ctx, id);
  for (const protection of spreadsheet.protections) {
    if (protection.sheetName !== sheet.name) continue;
    if (area === null && protection.a1 !== null) continue;
    if (area !== null) {
      const covered = protectedArea(sheet, protection);
      if (!covered || !areasOverlap(covered, area)) continue;
    }
    if (!canEditProtection(ctx, id, protection)) throw sheetsError(SHEETS_MESSAGES.protectedCell);
  }
}
