// DriveApp's File, Folder, User and iterators: thin views over `state.drive`, holding only ids.
import type { FakeContext } from '../core/context';
import { FakeBlob } from '../core/blob';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from '../core/bytes';
import { invalidArgument, MESSAGES } from '../core/errors';
import { cellDisplay } from '../spreadsheet/cells';
import { newDriveItem } from '../core/state';
import type { AccessName, DriveItemState, PermissionName, WorkspaceState } from '../core/state';
import {
  accessDenied,
  canEdit,
  freshId,
  handOver,
  canView,
  domainOf,
  ensureRoot,
  isLocked,
  isRootFolder,
  MIME,
  notFound,
  sameEmail,
  scriptException,
  selfAndAncestors,
  shortcutTarget,
  urlOf,
} from './access';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;
type DriveUser = GoogleAppsScript.Drive.User;
type Blob = GoogleAppsScript.Base.Blob;

/** createFile(name, content, mimeType) refuses content over 10 MB (reference: DriveApp.createFile). */
export const MAX_TYPED_TEXT_FILE_BYTES = 10 * 1024 * 1024;

export const ACCESS: Record<AccessName, AccessName> = {
  ANYONE: 'ANYONE',
  ANYONE_WITH_LINK: 'ANYONE_WITH_LINK',
  DOMAIN: 'DOMAIN',
  DOMAIN_WITH_LINK: 'DOMAIN_WITH_LINK',
  PRIVATE: 'PRIVATE',
};

export const PERMISSION: Record<PermissionName | 'FILE_ORGANIZER', string> = {
  VIEW: 'VIEW',
  EDIT: 'EDIT',
  COMMENT: 'COMMENT',
  OWNER: 'OWNER',
  ORGANIZER: 'ORGANIZER',
  FILE_ORGANIZER: 'FILE_ORGANIZER',
  NONE: 'NONE',
};

// ---------------------------------------------------------------------------------------------
// Factories: every object handed to product code is instrumented.

export function wrapFile(ctx: FakeContext, id: string): File {
  const raw = new FakeFile(ctx, id);
  const proxy = ctx.wrap(raw, 'DriveApp.File') as unknown as File;
  raw.__self = proxy;
  return proxy;
}

export function wrapFolder(ctx: FakeContext, id: string): Folder {
  const raw = new FakeFolder(ctx, id);
  const proxy = ctx.wrap(raw, 'DriveApp.Folder') as unknown as Folder;
  raw.__self = proxy;
  return proxy;
}

function wrapUser(ctx: FakeContext, email: string): DriveUser {
  return ctx.wrap(new FakeDriveUser(ctx, email), 'DriveApp.User') as unknown as DriveUser;
}

export function wrapFileIterator(ctx: FakeContext, ids: string[], position = 0) {
  const iterator = new FakeFileIterator(ctx, ids, position);
  return ctx.wrap(
    iterator,
    'DriveApp.FileIterator'
  ) as unknown as GoogleAppsScript.Drive.FileIterator;
}

export function wrapFolderIterator(ctx: FakeContext, ids: string[], position = 0) {
  const iterator = new FakeFolderIterator(ctx, ids, position);
  return ctx.wrap(
    iterator,
    'DriveApp.FolderIterator'
  ) as unknown as GoogleAppsScript.Drive.FolderIterator;
}

// ---------------------------------------------------------------------------------------------
// Shared helpers for DriveApp and Folder.

/** The email behind a `string | User` argument, without counting a call on a fake User. */
function emailOf(user: string | GoogleAppsScript.Base.User): string {
  if (typeof user === 'string') return user;
  const fake = (user as { __email?: string }).__email;
  return fake ?? user.getEmail();
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return 'Object[]';
  return 'Object';
}

function signatureMismatch(args: unknown[], method: string): Error {
  return scriptException(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`
  );
}

/**
 * Bytes, type and name of a blob source, read without counting script calls: a fake blob's
 * fields are read off its prototype methods, a Drive file's content straight from the state.
 */
export function blobOf(
  ctx: FakeContext,
  source: GoogleAppsScript.Base.BlobSource
): { bytes: Uint8Array; contentType: string | null; name: string | null } {
  const fileId = (source as unknown as { __id?: unknown }).__id;
  if (typeof fileId === 'string' && ctx.state.drive[fileId]?.kind === 'file') {
    const raw = rawBlobOf(ctx, ctx.state.drive[fileId]);
    return { bytes: raw.__bytes(), contentType: raw.getContentType(), name: raw.getName() };
  }
  const direct = source as unknown as Partial<FakeBlob>;
  const blob = (typeof direct.__bytes === 'function'
    ? source
    : source.getBlob()) as unknown as FakeBlob;
  if (typeof blob.__bytes !== 'function') throw invalidArgument('blob');
  return {
    bytes: blob.__bytes(),
    contentType: FakeBlob.prototype.getContentType.call(blob),
    name: FakeBlob.prototype.getName.call(blob),
  };
}

export function createFileIn(
  ctx: FakeContext,
  parent: DriveItemState,
  args: unknown[],
  method: string
): File {
  let name: string;
  let bytes: Uint8Array;
  let mimeType: string;
  if (typeof args[0] === 'string') {
    if (args.length < 2 || typeof args[1] !== 'string') throw signatureMismatch(args, method);
    name = args[0];
    const typed = args.length >= 3;
    // Each character is at least one byte, so a long string fails before it is encoded.
    if (typed && args[1].length > MAX_TYPED_TEXT_FILE_BYTES) {
      throw scriptException(MESSAGES.driveFileTooLarge);
    }
    bytes = utf8Encode(args[1]);
    if (typed) {
      if (typeof args[2] !== 'string') throw signatureMismatch(args, method);
      if (args[2].startsWith('application/vnd.google-apps.')) throw invalidArgument('mimeType');
      if (bytes.length > MAX_TYPED_TEXT_FILE_BYTES) {
        throw scriptException(MESSAGES.driveFileTooLarge);
      }
      mimeType = args[2];
    } else {
      mimeType = 'text/plain';
    }
    // Content at or over the blob limit fails as the blob would.
    bytes = new FakeBlob(ctx, bytes, mimeType, name).__bytes();
  } else if (args.length === 1 && args[0] && typeof args[0] === 'object') {
    const blob = blobOf(ctx, args[0] as GoogleAppsScript.Base.BlobSource);
    if (blob.name === null) throw scriptException(MESSAGES.blobNeedsName);
    name = blob.name;
    bytes = blob.bytes;
    mimeType = blob.contentType ?? 'application/octet-stream';
  } else {
    throw signatureMismatch(args, method);
  }
  if (!canEdit(ctx.state, parent, ctx.user)) throw accessDenied();
  const item = newDriveItem(ctx.state, {
    id: freshId(ctx.state),
    kind: 'file',
    name,
    mimeType,
    owner: ctx.user,
    parents: [parent.id],
    contentBase64: base64Encode(bytes),
    size: bytes.length,
  });
  ctx.execution.units(bytes.length / 1024);
  return wrapFile(ctx, item.id);
}

export function createFolderIn(ctx: FakeContext, parent: DriveItemState, name: string): Folder {
  if (typeof name !== 'string') throw signatureMismatch([name], 'DriveApp.createFolder');
  if (!canEdit(ctx.state, parent, ctx.user)) throw accessDenied();
  const item = newDriveItem(ctx.state, {
    id: freshId(ctx.state),
    kind: 'folder',
    name,
    mimeType: MIME.folder,
    owner: ctx.user,
    parents: [parent.id],
  });
  return wrapFolder(ctx, item.id);
}

/** Text of a Google Doc as its PDF rendition carries it: header, body, footer. */
function documentText(state: WorkspaceState, id: string): string {
  const doc = state.documents[id];
  if (!doc) return '';
  const lines = [...(doc.header ?? []), ...doc.body, ...(doc.footer ?? [])];
  return lines.map(paragraph => paragraph.text).join('\n');
}

/** Text of a Google Sheet as its PDF rendition carries it: each tab's name, then its rows. */
function spreadsheetText(state: WorkspaceState, id: string): string {
  const spreadsheet = state.spreadsheets[id];
  if (!spreadsheet) return '';
  const lines: string[] = [];
  for (const sheet of spreadsheet.sheets) {
    if (sheet.hidden) continue;
    lines.push(sheet.name);
    for (const row of sheet.rows) {
      if (!row) continue;
      lines.push(row.map(cell => cellDisplay(cell, undefined)).join('\t'));
    }
  }
  return lines.join('\n');
}

/**
 * Drive's export of Docs editors files returns at most 10 MB (Drive API reference, files.export:
 * "the exported content is limited to 10 MB"; over it the API answers 403 exportSizeLimitExceeded
 * with this message). File.getAs of a Google file is such an export and is held to the same
 * limit here; the exact wording Apps Script throws for it is unconfirmed.
 */
export const MAX_EXPORT_BYTES = 10 * 1024 * 1024;
export const EXPORT_TOO_LARGE = 'This file is too large to be exported.';

/** Google files Drive can render as PDF; the others (forms, sites, shortcuts…) have no content. */
const PDF_EXPORTABLE = new Set<string>([
  MIME.document,
  MIME.spreadsheet,
  MIME.presentation,
  'application/vnd.google-apps.drawing',
]);

/**
 * The raw (uncounted) blob of an item: a binary file's bytes, or for a Google file the PDF that
 * Drive exports (its text stands in for the rendering: a Doc's paragraphs, a Sheet's cells, the
 * title of a presentation or drawing). A Google file Drive cannot render, or one whose rendering
 * is over the export limit, fails as the conversion does.
 */
function rawBlobOf(ctx: FakeContext, item: DriveItemState): FakeBlob {
  if (!item.mimeType.startsWith('application/vnd.google-apps.')) {
    return new FakeBlob(ctx, base64Decode(item.contentBase64 ?? ''), item.mimeType, item.name);
  }
  if (!PDF_EXPORTABLE.has(item.mimeType)) {
    throw scriptException(`Converting from ${item.mimeType} to application/pdf is not supported.`);
  }
  const text =
    item.mimeType === MIME.document
      ? documentText(ctx.state, item.id)
      : item.mimeType === MIME.spreadsheet
        ? spreadsheetText(ctx.state, item.id)
        : item.name;
  const bytes = utf8Encode(text);
  if (bytes.length > MAX_EXPORT_BYTES) throw scriptException(EXPORT_TOO_LARGE);
  return new FakeBlob(ctx, bytes, 'application/pdf', `${item.name}.pdf`);
}

export function itemIds(state: WorkspaceState, test: (item: DriveItemState) => boolean): string[] {
  return Object.keys(state.drive).filter(id => test(state.drive[id]));
}

// ---------------------------------------------------------------------------------------------

type UserApi = Pick<DriveUser, 'getEmail' | 'getName' | 'getDomain' | 'getPhotoUrl'>;

class FakeDriveUser implements UserApi {
  constructor(
    private ctx: FakeContext,
    readonly __email: string
  ) {}
  getEmail(): string {
    return this.__email;
  }
  getName(): string {
    return this.ctx.state.users[this.__email]?.name ?? '';
  }
  getDomain(): string {
    return this.__email.slice(this.__email.lastIndexOf('@') + 1);
  }
  getPhotoUrl(): string {
    return '';
  }
}

/** What File and Folder have in common; `Self` is the Apps Script type methods return. */
abstract class DriveItemView<Self> {
  /** The instrumented proxy of this object, returned by chaining methods. */
  __self: Self;

  constructor(
    protected ctx: FakeContext,
    readonly __id: string
  ) {
    this.__self = undefined as unknown as Self;
  }

  protected abstract className(): string;

  protected item(): DriveItemState {
    const item = this.ctx.state.drive[this.__id];
    if (!item) throw notFound();
    return item;
  }
  protected editable(): DriveItemState {
    const item = this.item();
    if (!canEdit(this.ctx.state, item, this.ctx.user)) throw accessDenied();
    return item;
  }
  private touch(item: DriveItemState): void {
    item.updatedAt = this.ctx.state.now;
  }

  getId(): string {
    return this.__id;
  }
  getName(): string {
    return this.item().name;
  }
  setName(name: string): Self {
    const item = this.editable();
    // A read-only content restriction freezes the title too (Drive content-restrictions guide);
    // My Drive itself cannot be renamed.
    if (isLocked(item) || isRootFolder(this.ctx.state, item.id)) throw accessDenied();
    item.name = String(name);
    this.touch(item);
    return this.__self;
  }
  getDescription(): string | null {
    return this.item().description || null;
  }
  setDescription(description: string): Self {
    const item = this.editable();
    item.description = String(description);
    this.touch(item);
    return this.__self;
  }
  getUrl(): string {
    return urlOf(this.item());
  }
  getOwner(): DriveUser {
    return wrapUser(this.ctx, this.item().owner);
  }
  /** Apps Script returns an empty list to users who cannot edit the item. */
  getEditors(): DriveUser[] {
    const item = this.item();
    if (!canEdit(this.ctx.state, item, this.ctx.user)) return [];
    return item.editors.map(email => wrapUser(this.ctx, email));
  }
  getViewers(): DriveUser[] {
    const item = this.item();
    if (!canEdit(this.ctx.state, item, this.ctx.user)) return [];
    return item.viewers.map(email => wrapUser(this.ctx, email));
  }
  addEditor(user: string | GoogleAppsScript.Base.User): Self {
    const item = this.editable();
    const email = this.checkedEmail(user);
    item.viewers = item.viewers.filter(entry => !sameEmail(entry, email));
    if (!sameEmail(item.owner, email) && !item.editors.some(entry => sameEmail(entry, email))) {
      item.editors.push(email);
    }
    return this.__self;
  }
  /** No effect on someone who already edits. */
  addViewer(user: string | GoogleAppsScript.Base.User): Self {
    const item = this.editable();
    const email = this.checkedEmail(user);
    const already =
      sameEmail(item.owner, email) ||
      [...item.editors, ...item.viewers].some(e => sameEmail(e, email));
    if (!already) item.viewers.push(email);
    return this.__self;
  }
  removeEditor(user: string | GoogleAppsScript.Base.User): Self {
    const item = this.editable();
    const email = emailOf(user);
    item.editors = item.editors.filter(entry => !sameEmail(entry, email));
    return this.__self;
  }
  /** No effect on an editor (reference: File.removeViewer). */
  removeViewer(user: string | GoogleAppsScript.Base.User): Self {
    const item = this.editable();
    const email = emailOf(user);
    item.viewers = item.viewers.filter(entry => !sameEmail(entry, email));
    return this.__self;
  }
  getSharingAccess(): GoogleAppsScript.Drive.Access {
    return this.item().sharingAccess as unknown as GoogleAppsScript.Drive.Access;
  }
  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    return this.item().sharingPermission as unknown as GoogleAppsScript.Drive.Permission;
  }
  setSharing(
    accessType: GoogleAppsScript.Drive.Access,
    permissionType: GoogleAppsScript.Drive.Permission
  ): Self {
    const access = String(accessType) as AccessName;
    const permission = String(permissionType) as PermissionName;
    if (!(access in ACCESS)) throw invalidArgument('accessType');
    const settable = ['VIEW', 'EDIT', 'COMMENT'].includes(permission);
    // NONE is accepted only together with ANYONE (reference: Permission.NONE).
    if (!settable && !(permission === 'NONE' && access === 'ANYONE')) {
      throw invalidArgument('permissionType');
    }
    const item = this.editable();
    item.sharingAccess = access;
    item.sharingPermission = access === 'PRIVATE' ? 'NONE' : permission;
    return this.__self;
  }
  /** Only the parents the user can see (Apps Script filters them by permission). */
  getParents(): GoogleAppsScript.Drive.FolderIterator {
    const state = this.ctx.state;
    const ids = this.item().parents.filter(
      id => state.drive[id] && canView(state, state.drive[id], this.ctx.user)
    );
    return wrapFolderIterator(this.ctx, ids);
  }
  /** Needs edit access to the item and to the destination; replaces all parents. */
  moveTo(destination: Folder): Self {
    const state = this.ctx.state;
    const item = this.item();
    const destinationId = (destination as unknown as { __id?: unknown })?.__id;
    if (typeof destinationId !== 'string')
      throw signatureMismatch([destination], `${this.className()}.moveTo`);
    const target = state.drive[destinationId];
    if (!target || target.kind !== 'folder' || !canView(state, target, this.ctx.user)) {
      throw notFound();
    }
    if (isRootFolder(state, item.id)) throw accessDenied();
    if (!canEdit(state, item, this.ctx.user) || !canEdit(state, target, this.ctx.user)) {
      throw accessDenied();
    }
    if (selfAndAncestors(state, target).some(node => node.id === item.id)) {
      throw invalidArgument('destination');
    }
    item.parents = [target.id];
    return this.__self;
  }
  getDateCreated(): GoogleAppsScript.Base.Date {
    return new Date(this.item().createdAt) as unknown as GoogleAppsScript.Base.Date;
  }
  getLastUpdated(): GoogleAppsScript.Base.Date {
    return new Date(this.item().updatedAt) as unknown as GoogleAppsScript.Base.Date;
  }
  getSize(): number {
    const item = this.item();
    return item.kind === 'folder' ? 0 : item.size;
  }
  isTrashed(): boolean {
    return this.item().trashed;
  }
  /** In My Drive only the owner may trash or restore an item. */
  setTrashed(trashed: boolean): Self {
    const item = this.item();
    if (!sameEmail(item.owner, this.ctx.user) || isRootFolder(this.ctx.state, item.id)) {
      throw accessDenied();
    }
    item.trashed = !!trashed;
    return this.__self;
  }
  /**
   * Makes someone else the owner; the old owner stays an editor (reference: File.setOwner). Only
   * the owner may do it, inside their own organisation (Drive Help "Transfer ownership"); Apps
   * Script's error text for either refusal is unconfirmed, taken to be its usual access denial.
   */
  setOwner(user: string | GoogleAppsScript.Base.User): Self {
    const item = this.item();
    const email = this.checkedEmail(user);
    if (!sameEmail(item.owner, this.ctx.user) || isRootFolder(this.ctx.state, item.id)) {
      throw accessDenied();
    }
    if (!sameEmail(domainOf(email), domainOf(item.owner))) throw accessDenied();
    handOver(item, email);
    return this.__self;
  }
  isStarred(): boolean {
    return this.item().starred;
  }
  setStarred(starred: boolean): Self {
    this.item().starred = !!starred;
    return this.__self;
  }

  private checkedEmail(user: string | GoogleAppsScript.Base.User): string {
    const email = emailOf(user);
    if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email)) {
      throw invalidArgument('emailAddress');
    }
    return email;
  }
}

type SharedApi =
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getDescription'
  | 'setDescription'
  | 'getUrl'
  | 'getOwner'
  | 'getEditors'
  | 'getViewers'
  | 'addEditor'
  | 'addViewer'
  | 'removeEditor'
  | 'removeViewer'
  | 'getSharingAccess'
  | 'getSharingPermission'
  | 'setSharing'
  | 'getParents'
  | 'moveTo'
  | 'getDateCreated'
  | 'getLastUpdated'
  | 'getSize'
  | 'isTrashed'
  | 'setTrashed'
  | 'setOwner'
  | 'isStarred'
  | 'setStarred';

type FileApi = Pick<
  File,
  SharedApi | 'getMimeType' | 'getBlob' | 'getAs' | 'makeCopy' | 'getTargetId'
>;

export class FakeFile extends DriveItemView<File> implements FileApi {
  protected className(): string {
    return 'DriveApp.File';
  }
  getMimeType(): string {
    return this.item().mimeType;
  }
  /** The target of a shortcut; null for any other file. */
  getTargetId(): string | null {
    return shortcutTarget(this.item());
  }
  getBlob(): Blob {
    const raw = rawBlobOf(this.ctx, this.item());
    this.ctx.execution.units(raw.__bytes().length / 1024);
    return FakeBlob.create(
      this.ctx,
      raw.__bytes(),
      raw.getContentType(),
      raw.getName()
    ) as unknown as Blob;
  }
  /** PDF for any file; otherwise the conversions Blob.getAs supports. */
  getAs(contentType: string): Blob {
    const raw = rawBlobOf(this.ctx, this.item());
    if (raw.getContentType() === 'application/pdf' && contentType === 'application/pdf') {
      return FakeBlob.create(
        this.ctx,
        raw.__bytes(),
        'application/pdf',
        raw.getName()
      ) as unknown as Blob;
    }
    return raw.getAs(contentType);
  }
  /**
   * A copy owned by the user, named "Copy of …" unless named, placed in the destination or else
   * beside the original (in My Drive when the user cannot add to the original's folder).
   */
  makeCopy(nameOrDestination?: string | Folder, destination?: Folder): File {
    const state = this.ctx.state;
    const item = this.item();
    const name = typeof nameOrDestination === 'string' ? nameOrDestination : `Copy of ${item.name}`;
    const target = typeof nameOrDestination === 'object' ? nameOrDestination : destination;
    let parents: string[];
    if (target !== undefined) {
      const targetId = (target as unknown as { __id?: unknown })?.__id;
      if (typeof targetId !== 'string') throw invalidArgument('destination');
      const folder = state.drive[targetId];
      if (!folder || !canView(state, folder, this.ctx.user)) throw notFound();
      if (!canEdit(state, folder, this.ctx.user)) throw accessDenied();
      parents = [folder.id];
    } else {
      parents = item.parents.filter(
        id => state.drive[id] && canEdit(state, state.drive[id], this.ctx.user)
      );
      if (parents.length === 0) parents = [ensureRoot(state, this.ctx.user)];
    }
    const copy = newDriveItem(state, {
      id: freshId(state),
      kind: 'file',
      name,
      mimeType: item.mimeType,
      owner: this.ctx.user,
      parents,
      description: item.description,
      size: item.size,
      appProperties: { ...item.appProperties },
      ...(item.contentBase64 !== undefined ? { contentBase64: item.contentBase64 } : {}),
    });
    // Google files keep their content in their own store; copy it alongside.
    const doc = state.documents[item.id];
    if (doc) state.documents[copy.id] = { ...clone(doc), id: copy.id };
    const sheet = state.spreadsheets[item.id];
    if (sheet) state.spreadsheets[copy.id] = { ...clone(sheet), id: copy.id };
    return wrapFile(this.ctx, copy.id);
  }
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

type FolderApi = Pick<
  Folder,
  | SharedApi
  | 'createFile'
  | 'createFolder'
  | 'getFiles'
  | 'getFolders'
  | 'getFilesByName'
  | 'getFoldersByName'
>;

export class FakeFolder extends DriveItemView<Folder> implements FolderApi {
  protected className(): string {
    return 'DriveApp.Folder';
  }
  createFile(
    blobOrName: GoogleAppsScript.Base.BlobSource | string,
    content?: string,
    mimeType?: string
  ): File {
    const args = [blobOrName, content, mimeType].slice(0, arguments.length);
    return createFileIn(this.ctx, this.item(), args, 'DriveApp.Folder.createFile');
  }
  createFolder(name: string): Folder {
    return createFolderIn(this.ctx, this.item(), name);
  }
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    return wrapFileIterator(this.ctx, this.children('file'));
  }
  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    return wrapFolderIterator(this.ctx, this.children('folder'));
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return wrapFileIterator(this.ctx, this.children('file', name));
  }
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    return wrapFolderIterator(this.ctx, this.children('folder', name));
  }

  /** Children the user can see, trashed ones included (as Drive lists them by default). */
  private children(kind: 'file' | 'folder', name?: string): string[] {
    const state = this.ctx.state;
    this.item();
    return itemIds(
      state,
      item =>
        item.kind === kind &&
        item.parents.includes(this.__id) &&
        (name === undefined || item.name === name) &&
        canView(state, item, this.ctx.user)
    );
  }
}

// ---------------------------------------------------------------------------------------------

const TOKEN_PREFIX = 'DriveAppIterator:';

abstract class ItemIterator<T> {
  constructor(
    protected ctx: FakeContext,
    private ids: string[],
    private position: number,
    private kind: 'file' | 'folder'
  ) {}
  protected abstract wrap(id: string): T;

  hasNext(): boolean {
    return this.position < this.ids.length;
  }
  next(): T {
    if (this.position >= this.ids.length) throw scriptException(MESSAGES.iteratorExhausted);
    return this.wrap(this.ids[this.position++]);
  }
  getContinuationToken(): string {
    const json = JSON.stringify({ kind: this.kind, ids: this.ids, position: this.position });
    return TOKEN_PREFIX + base64Encode(utf8Encode(json));
  }
}

export class FakeFileIterator
  extends ItemIterator<File>
  implements Pick<GoogleAppsScript.Drive.FileIterator, 'hasNext' | 'next' | 'getContinuationToken'>
{
  constructor(ctx: FakeContext, ids: string[], position: number) {
    super(ctx, ids, position, 'file');
  }
  protected wrap(id: string): File {
    return wrapFile(this.ctx, id);
  }
}

export class FakeFolderIterator
  extends ItemIterator<Folder>
  implements
    Pick<GoogleAppsScript.Drive.FolderIterator, 'hasNext' | 'next' | 'getContinuationToken'>
{
  constructor(ctx: FakeContext, ids: string[], position: number) {
    super(ctx, ids, position, 'folder');
  }
  protected wrap(id: string): Folder {
    return wrapFolder(this.ctx, id);
  }
}

/** Reads a token from getContinuationToken back into ids and position. */
export function parseContinuationToken(
  token: string,
  kind: 'file' | 'folder'
): { ids: string[]; position: number } {
  try {
    if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX)) throw new Error();
    const parsed = JSON.parse(utf8Decode(base64Decode(token.slice(TOKEN_PREFIX.length)))) as {
      kind: string;
      ids: unknown;
      position: unknown;
    };
    if (parsed.kind !== kind || !Array.isArray(parsed.ids) || typeof parsed.position !== 'number') {
      throw new Error();
    }
    return { ids: parsed.ids.map(String), position: parsed.position };
  } catch {
    throw invalidArgument('continuationToken');
  }
}
