// Host-side helpers that put files and folders straight into the state, for tests, the benchmark
// and the emulator's demo data. No execution, no call counting.
import { base64Encode, utf8Encode } from '../core/bytes';
import { newDriveItem } from '../core/state';
import type { AccessName, PermissionName, WorkspaceState } from '../core/state';
import { ensureRoot, freshId, MIME } from './access';

export interface SeedSharing {
  access: AccessName;
  permission: PermissionName;
}

export interface SeedItem {
  owner: string;
  name: string;
  /** Defaults to the owner's My Drive. */
  parentId?: string;
  editors?: string[];
  viewers?: string[];
  sharing?: SeedSharing;
  description?: string;
}

export interface SeedFile extends SeedItem {
  mimeType: string;
  /** Text (stored as UTF-8) or bytes. */
  content?: string | Uint8Array;
}

function common(state: WorkspaceState, seed: SeedItem) {
  return {
    owner: seed.owner,
    name: seed.name,
    parents: [seed.parentId ?? ensureRoot(state, seed.owner)],
    editors: [...(seed.editors ?? [])],
    viewers: [...(seed.viewers ?? [])],
    description: seed.description ?? '',
    sharingAccess: seed.sharing?.access ?? 'PRIVATE',
    sharingPermission: seed.sharing?.permission ?? 'NONE',
  };
}

/** Adds a file and returns its id. Google files get no content here: their stores have seeds of their own. */
export function createFileInState(state: WorkspaceState, seed: SeedFile): string {
  const content = seed.content;
  const bytes = typeof content === 'string' ? utf8Encode(content) : content;
  const item = newDriveItem(state, {
    ...common(state, seed),
    id: freshId(state),
    kind: 'file',
    mimeType: seed.mimeType,
    ...(bytes ? { contentBase64: base64Encode(bytes), size: bytes.length } : {}),
  });
  return item.id;
}

export function createFolderInState(state: WorkspaceState, seed: SeedItem): string {
  const item = newDriveItem(state, {
    ...common(state, seed),
    id: freshId(state),
    kind: 'folder',
    mimeType: MIME.folder,
  });
  return item.id;
}
