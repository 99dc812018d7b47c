// Google Drive through the advanced Drive service (v3): one call reads everything a declaration
// needs about an item (sharing included), one call renames, describes and files it.
import { sha256OfBytes } from './digest';
import { messageOf, UserFacingError } from '../app/errors';
import type { SharingFacts } from '../domain/declaration';

export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  url: string;
  description: string;
  owner: string;
  parents: string[];
  trashed: boolean;
  canEdit: boolean;
  sharing: SharingFacts;
  sha256: string;
  modifiedAt: Date | null;
  /** This add-on's private properties on the item (e.g. the id of its shortcut in a series folder). */
  appProperties: Record<string, string>;
}

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const SHORTCUT_MIME = 'application/vnd.google-apps.shortcut';

const ITEM_FIELDS =
  'id,name,mimeType,webViewLink,description,parents,trashed,sha256Checksum,modifiedTime,appProperties,' +
  'owners(emailAddress),capabilities(canEdit),permissions(type,role,emailAddress,domain)';

function drive(): NonNullable<typeof Drive> {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new UserFacingError(
      'The advanced Drive service is not enabled for this deployment. The administrator must enable "Drive API" (v3) under Services in the Apps Script project.',
      'Deployment incomplete'
    );
  }
  return Drive;
}

export function isMissingItemError(error: unknown): boolean {
  return /not found|no item with the given id|does not exist|insufficient permissions|403|404/i.test(
    messageOf(error)
  );
}

export function getItem(fileId: string, domain: string): DriveItem {
  let file: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
  try {
    file = drive().Files!.get(fileId, { fields: ITEM_FIELDS, supportsAllDrives: true });
  } catch (error) {
    if (isMissingItemError(error)) throw notAvailable();
    throw error;
  }
  return usable(file, domain);
}

/** Most selections come from one folder: listing it reads many items in a single call. */
const LIST_PAGES = 3;

/**
 * Reads several items with few calls: the first item's folder is listed (a page holds up to
 * 1,000), and only items found elsewhere are read one by one. Each entry is the item or the
 * reason it cannot be used.
 */
export function getItems(
  fileIds: string[],
  domain: string
): Map<string, DriveItem | UserFacingError> {
  const out = new Map<string, DriveItem | UserFacingError>();
  const read = (id: string) => {
    try {
      out.set(id, getItem(id, domain));
    } catch (error) {
      if (error instanceof UserFacingError) out.set(id, error);
      else throw error;
    }
  };
  if (!fileIds.length) return out;
  read(fileIds[0]);
  const first = out.get(fileIds[0]);
  const folder = first && !(first instanceof UserFacingError) ? first.parents[0] : undefined;
  const wanted = new Set(fileIds.slice(1));
  if (folder && wanted.size > 1) {
    let pageToken: string | undefined;
    for (let page = 0; page < LIST_PAGES && wanted.size; page++) {
      const list = drive().Files!.list({
        q: `'${folder}' in parents and trashed = false`,
        fields: `nextPageToken,files(${ITEM_FIELDS})`,
        pageSize: 1000,
        supportsAllDrives: true,
        includeItemsFromAllDrives: true,
        ...(pageToken ? { pageToken } : {}),
      });
      for (const file of list.files ?? []) {
        if (file.id && wanted.delete(file.id)) out.set(file.id, usable(file, domain));
      }
      pageToken = list.nextPageToken ?? undefined;
      if (!pageToken) break;
    }
  }
  for (const id of wanted) read(id);
  return out;
}

function notAvailable(): UserFacingError {
  return new UserFacingError(
    'This file no longer exists, or you no longer have access to it. Nothing was declared.',
    'File not available'
  );
}

function usable(file: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File, domain: string): DriveItem {
  if (file.trashed) {
    throw new UserFacingError(
      `"${file.name}" is in the bin. Restore it from the bin before declaring it a record.`,
      'File in the bin'
    );
  }
  return toItem(file, domain);
}

export function toItem(
  file: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File,
  domain: string
): DriveItem {
  const permissions = file.permissions ?? [];
  const inDomain = (email: string) => email.toLowerCase().endsWith(`@${domain.toLowerCase()}`);
  return {
    id: file.id ?? '',
    name: file.name ?? '',
    mimeType: file.mimeType ?? '',
    url: file.webViewLink ?? '',
    description: file.description ?? '',
    owner: file.owners?.[0]?.emailAddress ?? '',
    parents: file.parents ?? [],
    trashed: !!file.trashed,
    canEdit: file.capabilities?.canEdit !== false,
    sha256: file.sha256Checksum ?? '',
    modifiedAt: file.modifiedTime ? new Date(file.modifiedTime) : null,
    appProperties: { ...(file.appProperties ?? {}) },
    sharing: {
      public: permissions.some(p => p.type === 'anyone'),
      outsideDomain: permissions
        .filter(
          p =>
            ((p.type === 'user' || p.type === 'group') &&
              p.emailAddress &&
              !inDomain(p.emailAddress)) ||
            (p.type === 'domain' && p.domain && p.domain.toLowerCase() !== domain.toLowerCase())
        )
        .map(p => p.emailAddress || p.domain || ''),
    },
  };
}

export interface FileChange {
  name?: string;
  description?: string;
  /** Move into this folder (removing the item from its current folders). */
  folderId?: string;
  /** Private properties to set (each key plus value at most 124 bytes). */
  appProperties?: Record<string, string>;
}

/** Applies a rename, a description and a move in one Drive call. */
export function updateItem(item: DriveItem, change: FileChange): void {
  const resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File = {};
  if (change.name !== undefined && change.name !== item.name) resource.name = change.name;
  if (change.description !== undefined && change.description !== item.description)
    resource.description = change.description;
  const changedProperties = Object.entries(change.appProperties ?? {}).filter(
    ([k, v]) => item.appProperties[k] !== v
  );
  if (changedProperties.length) resource.appProperties = Object.fromEntries(changedProperties);
  const options: Record<string, string | boolean> = {
    supportsAllDrives: true,
    fields: 'id,parents',
  };
  const moving =
    change.folderId && !(item.parents.length === 1 && item.parents[0] === change.folderId);
  if (moving && change.folderId) {
    options.addParents = change.folderId;
    const remove = item.parents.filter(p => p !== change.folderId);
    if (remove.length) options.removeParents = remove.join(',');
  }
  if (!Object.keys(resource).length && !moving) return;
  // The advanced service takes the media argument positionally; there is no new content.
  drive().Files!.update(resource, item.id, null as unknown as GoogleAppsScript.Base.Blob, options);
}

/** Makes the item read-only (a Drive content restriction); editors can still move and share it. */
export function lockItem(fileId: string, reason: string): void {
  drive().Files!.update(
    { contentRestrictions: [{ readOnly: true, reason }] },
    fileId,
    null as unknown as GoogleAppsScript.Base.Blob,
    {
      supportsAllDrives: true,
      fields: 'id,contentRestrictions',
    }
  );
}

/** Files an item by reference: a shortcut in the series folder, the item itself left in place. */
export function createShortcut(targetId: string, name: string, folderId: string): string {
  const created = drive().Files!.create({
    name,
    mimeType: SHORTCUT_MIME,
    shortcutDetails: { targetId },
    parents: [folderId],
  });
  return created.id ?? '';
}

/** Gives a group (the records team) edit access without emailing it. */
export function addEditor(fileId: string, email: string): void {
  drive().Permissions!.create(
    { role: 'writer', type: email.includes('@') ? 'group' : 'domain', emailAddress: email },
    fileId,
    {
      sendNotificationEmail: false,
      supportsAllDrives: true,
    }
  );
}

/** Whether the user may edit a file (e.g. add rows to the register), without touching it. */
export function canEdit(fileId: string): boolean {
  try {
    const file = drive().Files!.get(fileId, {
      fields: 'capabilities(canEdit)',
      supportsAllDrives: true,
    });
    return file.capabilities?.canEdit !== false;
  } catch (error) {
    if (isMissingItemError(error)) return false;
    throw error;
  }
}

export function createFolder(name: string, parentId: string): string {
  return DriveApp.getFolderById(parentId).createFolder(name).getId();
}

// Disposal: a destroyed record's files go to the bin (Drive empties it after 30 days), and come
// back out if the disposal cannot be completed.

export interface DisposalFile {
  id: string;
  name: string;
  mimeType: string;
  owner: string;
  trashed: boolean;
  /** SHA-256 of the content as Drive holds it ('' for Google files, which have none). */
  sha256?: string;
}

const DISPOSAL_FIELDS = 'id,name,mimeType,trashed,sha256Checksum,owners(emailAddress)';

/**
 * SHA-256 of a file's content as it is now: Drive's own checksum for uploaded files; for Google
 * Docs, Sheets, Slides and Drawings (which have none) the SHA-256 of their PDF, so a certificate
 * can say exactly what was destroyed. '' when the content cannot be read.
 */
export function contentChecksum(file: DisposalFile): { sha256: string; of: 'file' | 'pdf' | '' } {
  if (file.sha256) return { sha256: file.sha256, of: 'file' };
  if (!file.mimeType.startsWith('application/vnd.google-apps.')) return { sha256: '', of: '' };
  try {
    const bytes = DriveApp.getFileById(file.id).getAs('application/pdf').getBytes();
    return { sha256: sha256OfBytes(bytes), of: 'pdf' };
  } catch {
    return { sha256: '', of: '' };
  }
}

function toDisposalFile(file: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File): DisposalFile {
  return {
    id: file.id ?? '',
    name: file.name ?? '',
    mimeType: file.mimeType ?? '',
    owner: file.owners?.[0]?.emailAddress ?? '',
    trashed: !!file.trashed,
    sha256: file.sha256Checksum ?? '',
  };
}

function isNotFound(error: unknown): boolean {
  return /not found|no item with the given id|does not exist|404/i.test(messageOf(error));
}

/** A file as disposal needs it, or null when Drive has no such file (for this user). */
export function fileForDisposal(fileId: string): DisposalFile | null {
  try {
    return toDisposalFile(
      drive().Files!.get(fileId, { fields: DISPOSAL_FIELDS, supportsAllDrives: true })
    );
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/**
 * Whether the current user can open the file, and it is not in the bin: one read as the user,
 * which Drive answers "not found" for a file not shared with them.
 */
export function canOpen(fileId: string): boolean {
  try {
    const file = drive().Files!.get(fileId, { fields: 'id,trashed', supportsAllDrives: true });
    return !file.trashed;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** The add-on's shortcuts in a folder (one listing), for finding those that point at a record. */
export function shortcutsIn(folderId: string): (DisposalFile & { targetId: string })[] {
  const found: (DisposalFile & { targetId: string })[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < LIST_PAGES; page++) {
    let list: GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;
    try {
      list = drive().Files!.list({
        q: `'${folderId}' in parents and mimeType = '${SHORTCUT_MIME}' and trashed = false`,
        fields: `nextPageToken,files(${DISPOSAL_FIELDS},shortcutDetails(targetId))`,
        pageSize: 1000,
        supportsAllDrives: true,
        includeItemsFromAllDrives: true,
        ...(pageToken ? { pageToken } : {}),
      });
    } catch (error) {
      if (isNotFound(error)) return found;
      throw error;
    }
    for (const file of list.files ?? []) {
      found.push({ ...toDisposalFile(file), targetId: file.shortcutDetails?.targetId ?? '' });
    }
    pageToken = list.nextPageToken ?? undefined;
    if (!pageToken) break;
  }
  return found;
}

/** Moves a file to the bin, or restores it. In My Drive only its owner may do either. */
export function setTrashed(fileId: string, trashed: boolean): void {
  drive().Files!.update({ trashed }, fileId, null as unknown as GoogleAppsScript.Base.Blob, {
    supportsAllDrives: true,
    fields: 'id,trashed',
  });
}
