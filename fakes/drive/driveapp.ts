// DriveApp: lookups by id (with Apps Script's not-found error for hidden items), the user's My
// Drive root, creation and name searches.
import type { FakeContext } from '../core/context';
import type { DriveItemState } from '../core/state';
import { ensureRoot, isListed, isRootFolder, visibleItem } from './access';
import {
  ACCESS,
  createFileIn,
  createFolderIn,
  itemIds,
  parseContinuationToken,
  PERMISSION,
  wrapFile,
  wrapFileIterator,
  wrapFolder,
  wrapFolderIterator,
} from './items';

type DriveAppApi = Pick<
  GoogleAppsScript.Drive.DriveApp,
  | 'Access'
  | 'Permission'
  | 'getFileById'
  | 'getFolderById'
  | 'getRootFolder'
  | 'createFile'
  | 'createFolder'
  | 'getFiles'
  | 'getFolders'
  | 'getFilesByName'
  | 'getFoldersByName'
  | 'continueFileIterator'
  | 'continueFolderIterator'
>;

class FakeDriveApp implements DriveAppApi {
  Access: typeof GoogleAppsScript.Drive.Access;
  Permission: typeof GoogleAppsScript.Drive.Permission;

  constructor(private ctx: FakeContext) {
    this.Access = ACCESS as unknown as typeof GoogleAppsScript.Drive.Access;
    this.Permission = PERMISSION as unknown as typeof GoogleAppsScript.Drive.Permission;
  }

  getFileById(id: string): GoogleAppsScript.Drive.File {
    return wrapFile(this.ctx, visibleItem(this.ctx.state, id, this.ctx.user, 'file').id);
  }
  getFolderById(id: string): GoogleAppsScript.Drive.Folder {
    return wrapFolder(this.ctx, visibleItem(this.ctx.state, id, this.ctx.user, 'folder').id);
  }
  getRootFolder(): GoogleAppsScript.Drive.Folder {
    return wrapFolder(this.ctx, this.root().id);
  }
  createFile(
    blobOrName: GoogleAppsScript.Base.BlobSource | string,
    content?: string,
    mimeType?: string
  ): GoogleAppsScript.Drive.File {
    const args = [blobOrName, content, mimeType].slice(0, arguments.length);
    return createFileIn(this.ctx, this.root(), args, 'DriveApp.createFile');
  }
  createFolder(name: string): GoogleAppsScript.Drive.Folder {
    return createFolderIn(this.ctx, this.root(), name);
  }
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    return wrapFileIterator(this.ctx, this.listed('file'));
  }
  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    return wrapFolderIterator(this.ctx, this.listed('folder'));
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return wrapFileIterator(this.ctx, this.listed('file', name));
  }
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    return wrapFolderIterator(this.ctx, this.listed('folder', name));
  }
  continueFileIterator(continuationToken: string): GoogleAppsScript.Drive.FileIterator {
    const { ids, position } = parseContinuationToken(continuationToken, 'file');
    return wrapFileIterator(this.ctx, ids, position);
  }
  continueFolderIterator(continuationToken: string): GoogleAppsScript.Drive.FolderIterator {
    const { ids, position } = parseContinuationToken(continuationToken, 'folder');
    return wrapFolderIterator(this.ctx, ids, position);
  }

  /** The user's My Drive folder, created on first use for a user the state does not know yet. */
  private root(): DriveItemState {
    return this.ctx.state.drive[ensureRoot(this.ctx.state, this.ctx.user)];
  }

  /**
   * What the user's Drive lists: items they own or were given by name, trashed ones included
   * (Drive's default listing), never a My Drive root.
   */
  private listed(kind: 'file' | 'folder', name?: string): string[] {
    const state = this.ctx.state;
    return itemIds(
      state,
      item =>
        item.kind === kind &&
        (name === undefined || item.name === name) &&
        !isRootFolder(state, item.id) &&
        isListed(state, item, this.ctx.user)
    );
  }
}

export function createDriveApp(ctx: FakeContext): GoogleAppsScript.Drive.DriveApp {
  return ctx.wrap(new FakeDriveApp(ctx), 'DriveApp') as unknown as GoogleAppsScript.Drive.DriveApp;
}
