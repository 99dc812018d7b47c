// Drive for the transfer package: reads a record's file, puts a copy (or, for a Google file, its
// PDF export) into the package, and writes the package's text files. Every file placed is hashed
// from the very bytes written, so the checksum list describes what is in the package.
import { sha256OfBytes } from './digest';
import { messageOf, UserFacingError } from '../app/errors';

type Folder = GoogleAppsScript.Drive.Folder;

/** Apps Script refuses blobs of 50 MB and more: larger files are copied inside Drive instead. */
export const MAX_BLOB_BYTES = 50 * 1024 * 1024;

export interface SourceFile {
  id: string;
  name: string;
  mimeType: string;
  /** Bytes; null for Google files, which have no size until exported. */
  size: number | null;
  modifiedTime: Date | null;
  trashed: boolean;
}

export interface PlacedFile {
  fileId: string;
  name: string;
  size: number;
  sha256: string;
}

/** A file already in a package folder, as the folder listing gives it. */
export interface ListedFile {
  id: string;
  size: number;
  sha256: string;
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

/** Drive's answers for an item that is gone or not shared with the user. */
const GONE =
  /not found|no item with the given id|does not exist|insufficient permissions|not have permission/i;

/** The record's file as Drive describes it (one call), or why it cannot be read. */
export function readSource(fileId: string): SourceFile | { missing: string } {
  if (!fileId) return { missing: 'The register row has no file' };
  let file: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
  try {
    file = drive().Files!.get(fileId, {
      fields: 'id,name,mimeType,size,modifiedTime,trashed',
      supportsAllDrives: true,
    });
  } catch (error) {
    // Gone or hidden: reported. Anything else (a quota, a Drive outage) stops the run, so the
    // next run tries the record again.
    if (!GONE.test(messageOf(error))) throw error;
    return {
      missing: `The file cannot be opened in Drive (${messageOf(error).replace(/\.$/, '')}): it was deleted, or is not shared with you`,
    };
  }
  const mimeType = String(file.mimeType ?? '');
  return {
    id: String(file.id ?? fileId),
    name: String(file.name ?? ''),
    mimeType,
    size: file.size === undefined || file.size === null ? null : Number(file.size),
    modifiedTime: file.modifiedTime ? new Date(String(file.modifiedTime)) : null,
    trashed: !!file.trashed,
  };
}

/** The folder named `name` in `parent`, made if it is not there yet. */
export function folderIn(parent: Folder, name: string): Folder {
  const found = parent.getFoldersByName(name);
  return found.hasNext() ? found.next() : parent.createFolder(name);
}

/** Files (not trashed) in a folder by name, with their size and SHA-256, a page of 1,000 a call. */
export function listFolder(folderId: string): Map<string, ListedFile> {
  const out = new Map<string, ListedFile>();
  let pageToken: string | undefined;
  do {
    const page = drive().Files!.list({
      q: `'${folderId}' in parents and trashed = false`,
      fields: 'nextPageToken,files(id,name,size,sha256Checksum)',
      pageSize: 1000,
      ...(pageToken ? { pageToken } : {}),
    });
    for (const f of page.files ?? []) {
      out.set(String(f.name ?? ''), {
        id: String(f.id ?? ''),
        size: Number(f.size ?? 0),
        sha256: String(f.sha256Checksum ?? ''),
      });
    }
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}

/** A refusal found in the content: the file is not placed and the reason is returned. */
export type ContentCheck = (bytes: GoogleAppsScript.Byte[]) => string | null;

/**
 * Writes a Google file's export (File.getAs) into the folder. Returns the placed file, or a
 * reason when Drive cannot export it (over its 10 MB export limit, say) or the export is refused.
 */
export function placeExport(
  source: SourceFile,
  mimeType: string,
  name: string,
  folder: Folder,
  check: ContentCheck
): PlacedFile | { rejected: string } {
  let blob: GoogleAppsScript.Base.Blob;
  try {
    blob = DriveApp.getFileById(source.id).getAs(mimeType);
  } catch (error) {
    const message = messageOf(error);
    if (/too large to be exported/i.test(message)) {
      return {
        rejected:
          'Too large for Google to export (Drive exports at most 10 MB): save it as PDF by hand and declare that',
      };
    }
    if (/is not supported/i.test(message)) {
      return { rejected: `Google cannot export it (${message.replace(/\.$/, '')})` };
    }
    // A quota ("Files converted" per day) or an outage: the run stops and a later one retries.
    throw error;
  }
  const bytes = blob.getBytes();
  const refusal = check(bytes);
  if (refusal) return { rejected: refusal };
  const file = folder.createFile(blob.setName(name));
  return { fileId: file.getId(), name, size: bytes.length, sha256: sha256OfBytes(bytes) };
}

/**
 * Copies a file into the folder. Files Apps Script can hold are read (their content checked,
 * then written and hashed); larger ones are copied inside Drive, with Drive's own SHA-256.
 */
export function placeCopy(
  source: SourceFile,
  name: string,
  folder: Folder,
  check: ContentCheck
): PlacedFile | { rejected: string } {
  const original = DriveApp.getFileById(source.id);
  if ((source.size ?? 0) >= MAX_BLOB_BYTES) {
    const copy = original.makeCopy(name, folder);
    const meta = drive().Files!.get(copy.getId(), { fields: 'size,sha256Checksum' });
    return {
      fileId: copy.getId(),
      name,
      size: Number(meta.size ?? source.size ?? 0),
      sha256: String(meta.sha256Checksum ?? ''),
    };
  }
  const blob = original.getBlob();
  const bytes = blob.getBytes();
  const refusal = check(bytes);
  if (refusal) return { rejected: refusal };
  const file = folder.createFile(blob.setName(name));
  return { fileId: file.getId(), name, size: bytes.length, sha256: sha256OfBytes(bytes) };
}

/** Writes a text file (UTF-8) into the folder and returns it. */
export function writeTextFile(
  folder: Folder,
  name: string,
  text: string,
  mimeType: string
): GoogleAppsScript.Drive.File {
  return folder.createFile(Utilities.newBlob(text, mimeType, name));
}

/** A text file's content (UTF-8). */
export function readTextFile(fileId: string): string {
  return DriveApp.getFileById(fileId).getBlob().getDataAsString('UTF-8');
}
