// Drive for the leaver sweep: the files one person owns in a folder, a folder's subfolders, a
// page at a time, and handing a file to a new owner. Advanced Drive service (v3).
import { messageOf, UserFacingError } from '../app/errors';
import { FOLDER_MIME, isMissingItemError, SHORTCUT_MIME } from './drive';

/** Items per listing call: the API's largest page. */
export const PAGE_SIZE = 1000;

export interface OwnedFile {
  id: string;
  name: string;
  mimeType: string;
  url: string;
  modifiedAt: Date | null;
}

export interface Page<T> {
  items: T[];
  nextPageToken: string | null;
}

function drive(): NonNullable<typeof Drive> {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new UserFacingError(
      'The advanced Drive service is not enabled for this deployment. The administrator must enable "Drive API" (v3) under Services in the Apps Script project.',
      'Deployment incomplete'
    );
  }
  return Drive;
}

/** Quotes a value for a Drive query. */
function quoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The folder's name, or null when it does not exist, is not a folder or cannot be opened. */
export function folderName(folderId: string): string | null {
  try {
    const file = drive().Files!.get(folderId, {
      fields: 'id,name,mimeType,trashed',
      supportsAllDrives: true,
    });
    return file.mimeType === FOLDER_MIME && !file.trashed ? String(file.name ?? '') : null;
  } catch (error) {
    if (isMissingItemError(error)) return null;
    throw error;
  }
}

/**
 * One page of the files `owner` owns directly in the folder, bin excluded. Folders are walked,
 * not listed; shortcuts are pointers to files kept elsewhere, not records to declare.
 */
export function ownedFilesIn(
  folderId: string,
  owner: string,
  pageToken: string | null
): Page<OwnedFile> {
  const list = drive().Files!.list({
    q: `${quoted(folderId)} in parents and ${quoted(owner)} in owners and trashed = false and mimeType != '${FOLDER_MIME}' and mimeType != '${SHORTCUT_MIME}'`,
    fields: 'nextPageToken,files(id,name,mimeType,webViewLink,modifiedTime)',
    orderBy: 'name',
    pageSize: PAGE_SIZE,
    supportsAllDrives: true,
    includeItemsFromAllDrives: true,
    ...(pageToken ? { pageToken } : {}),
  });
  return {
    items: (list.files ?? []).map(file => ({
      id: String(file.id),
      name: String(file.name ?? ''),
      mimeType: String(file.mimeType ?? ''),
      url: String(file.webViewLink ?? ''),
      modifiedAt: file.modifiedTime ? new Date(file.modifiedTime) : null,
    })),
    nextPageToken: list.nextPageToken ?? null,
  };
}

/**
 * One page of the folder's subfolders, whoever owns them. Only real folders: a shortcut to a
 * folder has the shortcut type, so the walk does not follow it out of the folders swept.
 */
export function subfoldersOf(
  folderId: string,
  pageToken: string | null
): Page<{ id: string; name: string }> {
  const list = drive().Files!.list({
    q: `${quoted(folderId)} in parents and mimeType = '${FOLDER_MIME}' and trashed = false`,
    fields: 'nextPageToken,files(id,name)',
    orderBy: 'name',
    pageSize: PAGE_SIZE,
    supportsAllDrives: true,
    includeItemsFromAllDrives: true,
    ...(pageToken ? { pageToken } : {}),
  });
  return {
    items: (list.files ?? []).map(file => ({ id: String(file.id), name: String(file.name ?? '') })),
    nextPageToken: list.nextPageToken ?? null,
  };
}

export type HandOverResult = { ok: true } | { ok: false; gone: boolean; reason: string };

/**
 * Makes `email` the file's owner (the old owner keeps edit access). Drive allows it only to the
 * file's owner, within the organisation; its refusal is returned, not thrown.
 */
export function transferOwnership(fileId: string, email: string): HandOverResult {
  try {
    drive().Permissions!.create({ role: 'owner', type: 'user', emailAddress: email }, fileId, {
      transferOwnership: true,
      supportsAllDrives: true,
      fields: 'id',
    });
    return { ok: true };
  } catch (error) {
    const reason = messageOf(error).replace(/^API call to drive\.[a-z.]+ failed with error: /, '');
    return { ok: false, gone: /not found/i.test(reason), reason };
  }
}
