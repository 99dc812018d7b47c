// Protected ranges and sheets. A new protection starts as a copy of who may edit the file (Apps
// Script: "the permissions mirror those of the spreadsheet itself"); the owner can always edit.
import type { FakeContext } from '../core/context';
import { newId, type ProtectionState } from '../core/state';
import { sameEmail } from '../drive/access';
import {
  canEditProtection,
  driveItemOf,
  ownerOf,
  protectedArea,
  requireWrite,
  sheetById,
  spreadsheetOf,
} from './access';
import { SHEETS_MESSAGES, sheetsError } from './messages';
import { createRange } from './range';

export const PROTECTION_TYPE = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

type Protection = GoogleAppsScript.Spreadsheet.Protection;

function unique(emails: string[]): string[] {
  const out: string[] = [];
  for (const email of emails) if (email && !out.some(e => sameEmail(e, email))) out.push(email);
  return out;
}

/** Adds a protection of `a1` (null: the whole sheet) to the spreadsheet and returns it. */
export function newProtection(
  ctx: FakeContext,
  spreadsheetId: string,
  sheetName: string,
  a1: string | null
): ProtectionState {
  const item = driveItemOf(ctx, spreadsheetId);
  const domainEdit =
    !!item &&
    (item.sharingAccess === 'DOMAIN' || item.sharingAccess === 'DOMAIN_WITH_LINK') &&
    item.sharingPermission === 'EDIT';
  const protection: ProtectionState = {
    id: newId(ctx.state),
    sheetName,
    a1,
    description: '',
    editors: unique([ctx.user, ...(item?.editors ?? [])]).filter(
      e => !sameEmail(e, item?.owner ?? '')
    ),
    warningOnly: false,
    domainEdit,
  };
  spreadsheetOf(ctx, spreadsheetId).protections.push(protection);
  return protection;
}

function userView(ctx: FakeContext, email: string): GoogleAppsScript.Base.User {
  return ctx.wrap(
    { getEmail: () => email, toString: () => email },
    'SpreadsheetApp.User'
  ) as unknown as GoogleAppsScript.Base.User;
}

/** A user's email, read through toString where it gives one so no service call is counted. */
function emailOf(user: string | GoogleAppsScript.Base.User): string {
  if (typeof user === 'string') return user;
  const text = String(user);
  return text.includes('@') ? text : user.getEmail();
}

type ProtectionApi = Pick<
  Protection,
  | 'setDescription'
  | 'getDescription'
  | 'addEditor'
  | 'addEditors'
  | 'removeEditor'
  | 'removeEditors'
  | 'getEditors'
  | 'setWarningOnly'
  | 'isWarningOnly'
  | 'canEdit'
  | 'setDomainEdit'
  | 'canDomainEdit'
  | 'getRange'
  | 'getProtectionType'
  | 'remove'
>;

export class FakeProtection implements ProtectionApi {
  private self!: Protection;

  private constructor(
    private ctx: FakeContext,
    private spreadsheetId: string,
    private protectionId: string
  ) {}

  static create(ctx: FakeContext, spreadsheetId: string, protectionId: string): Protection {
    const raw = new FakeProtection(ctx, spreadsheetId, protectionId);
    raw.self = ctx.wrap(raw, 'SpreadsheetApp.Protection') as unknown as Protection;
    return raw.self;
  }

  private state(): ProtectionState {
    const found = spreadsheetOf(this.ctx, this.spreadsheetId).protections.find(
      p => p.id === this.protectionId
    );
    if (!found) throw sheetsError(SHEETS_MESSAGES.protectionRemoved);
    return found;
  }

  /** Changing a protection takes edit rights on the file and on the protection itself. */
  private editable(): ProtectionState {
    requireWrite(this.ctx, this.spreadsheetId);
    const protection = this.state();
    if (!canEditProtection(this.ctx, this.spreadsheetId, protection)) {
      throw sheetsError(SHEETS_MESSAGES.protectedCell);
    }
    return protection;
  }

  setDescription(description: string): Protection {
    this.editable().description = String(description);
    return this.self;
  }
  getDescription(): string {
    return this.state().description;
  }

  addEditor(user: string | GoogleAppsScript.Base.User): Protection {
    return this.addEditors([emailOf(user)]);
  }
  addEditors(emailAddresses: string[]): Protection {
    const protection = this.editable();
    protection.editors = unique([...protection.editors, ...emailAddresses.map(String)]);
    return this.self;
  }
  removeEditor(user: string | GoogleAppsScript.Base.User): Protection {
    return this.removeEditors([emailOf(user)]);
  }
  /** Neither the spreadsheet's owner nor the user running the script can be removed. */
  removeEditors(users: string[] | GoogleAppsScript.Base.User[]): Protection {
    const protection = this.editable();
    const emails = (users as (string | GoogleAppsScript.Base.User)[]).map(emailOf);
    protection.editors = protection.editors.filter(
      editor => sameEmail(editor, this.ctx.user) || !emails.some(e => sameEmail(e, editor))
    );
    return this.self;
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    const protection = this.state();
    return unique([ownerOf(this.ctx, this.spreadsheetId), ...protection.editors]).map(email =>
      userView(this.ctx, email)
    );
  }

  setWarningOnly(warningOnly: boolean): Protection {
    this.editable().warningOnly = !!warningOnly;
    return this.self;
  }
  isWarningOnly(): boolean {
    return this.state().warningOnly;
  }
  canEdit(): boolean {
    return canEditProtection(this.ctx, this.spreadsheetId, this.state());
  }
  setDomainEdit(editable: boolean): Protection {
    this.editable().domainEdit = !!editable;
    return this.self;
  }
  canDomainEdit(): boolean {
    return !!this.state().domainEdit;
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const protection = this.state();
    const spreadsheet = spreadsheetOf(this.ctx, this.spreadsheetId);
    const sheet = spreadsheet.sheets.find(s => s.name === protection.sheetName);
    if (!sheet) throw sheetsError(SHEETS_MESSAGES.sheetDeleted);
    const area =
      protection.a1 === null
        ? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns }
        : protectedArea(sheet, protection);
    if (!area) throw sheetsError(SHEETS_MESSAGES.rangeNotFound);
    return createRange(this.ctx, {
      spreadsheetId: this.spreadsheetId,
      sheetId: sheet.sheetId,
      ...area,
    });
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    const type = this.state().a1 === null ? PROTECTION_TYPE.SHEET : PROTECTION_TYPE.RANGE;
    return type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  remove(): void {
    this.editable();
    const spreadsheet = spreadsheetOf(this.ctx, this.spreadsheetId);
    spreadsheet.protections = spreadsheet.protections.filter(p => p.id !== this.protectionId);
  }
}

export function createProtection(
  ctx: FakeContext,
  spreadsheetId: string,
  protectionId: string
): Protection {
  return FakeProtection.create(ctx, spreadsheetId, protectionId);
}

/** Protections of the given type, optionally of one sheet, in creation order. */
export function protectionsOf(
  ctx: FakeContext,
  spreadsheetId: string,
  type: unknown,
  sheetId?: number
): Protection[] {
  const spreadsheet = spreadsheetOf(ctx, spreadsheetId);
  const sheetName = sheetId === undefined ? null : sheetById(spreadsheet, sheetId).name;
  const wantSheet = String(type) === PROTECTION_TYPE.SHEET;
  return spreadsheet.protections
    .filter(p => (p.a1 === null) === wantSheet && (sheetName === null || p.sheetName === sheetName))
    .map(p => createProtection(ctx, spreadsheetId, p.id));
}
