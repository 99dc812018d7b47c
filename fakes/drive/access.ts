// Who may see and change a Drive item, shared by the DriveApp, advanced Drive and DocumentApp
// fakes. Rights come from the item itself and from every folder above it, as in My Drive.
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from '../core/bytes';
import { MESSAGES } from '../core/errors';
import { newDriveItem, newId } from '../core/state';
import type { DriveItemState, PermissionName, WorkspaceState } from '../core/state';

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  document: 'application/vnd.google-apps.document',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  presentation: 'application/vnd.google-apps.presentation',
  form: 'application/vnd.google-apps.form',
  shortcut: 'application/vnd.google-apps.shortcut',
} as const;

export type Role = 'owner' | 'editor' | 'commenter' | 'viewer';

const RANK: Record<Role, number> = { viewer: 1, commenter: 2, editor: 3, owner: 4 };

function better(a: Role | null, b: Role | null): Role | null {
  if (!a) return b;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

function roleFromLink(permission: PermissionName): Role | null {
  if (permission === 'EDIT') return 'editor';
  if (permission === 'COMMENT') return 'commenter';
  if (permission === 'VIEW') return 'viewer';
  return null;
}

export function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function listHas(list: string[], email: string): boolean {
  return list.some(entry => sameEmail(entry, email));
}

export function inDomain(state: WorkspaceState, email: string): boolean {
  const at = email.lastIndexOf('@');
  return at >= 0 && sameEmail(email.slice(at + 1), state.domain);
}

/** The item followed by every folder above it (each once, even with several parents). */
export function selfAndAncestors(state: WorkspaceState, item: DriveItemState): DriveItemState[] {
  const out: DriveItemState[] = [];
  const seen = new Set<string>();
  const queue = [item];
  while (queue.length > 0) {
    const next = queue.shift() as DriveItemState;
    if (seen.has(next.id)) continue;
    seen.add(next.id);
    out.push(next);
    for (const parentId of next.parents) {
      const parent = state.drive[parentId];
      if (parent) queue.push(parent);
    }
  }
  return out;
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/** The new owner takes the item; the old owner stays on as an editor. */
export function handOver(item: DriveItemState, email: string): void {
  if (sameEmail(item.owner, email)) return;
  const previous = item.owner;
  item.owner = email;
  item.editors = item.editors.filter(entry => !sameEmail(entry, email));
  item.viewers = item.viewers.filter(entry => !sameEmail(entry, email));
  if (!item.editors.some(entry => sameEmail(entry, previous))) item.editors.push(previous);
}

/** Rights granted to the user by name (owner, editor, viewer lists), here or on a folder above. */
function namedRole(state: WorkspaceState, item: DriveItemState, user: string): Role | null {
  let role: Role | null = null;
  for (const node of selfAndAncestors(state, item)) {
    // A folder's owner edits what is filed in it; only the item's own owner is its owner.
    if (sameEmail(node.owner, user)) role = better(role, node === item ? 'owner' : 'editor');
    if (listHas(node.editors, user)) role = better(role, 'editor');
    if (listHas(node.viewers, user)) role = better(role, 'viewer');
  }
  return role;
}

function linkRole(state: WorkspaceState, item: DriveItemState, user: string): Role | null {
  let role: Role | null = null;
  for (const node of selfAndAncestors(state, item)) {
    const access = node.sharingAccess;
    const open =
      access === 'ANYONE' ||
      access === 'ANYONE_WITH_LINK' ||
      ((access === 'DOMAIN' || access === 'DOMAIN_WITH_LINK') && inDomain(state, user));
    if (open) role = better(role, roleFromLink(node.sharingPermission));
  }
  return role;
}

export function roleOf(state: WorkspaceState, item: DriveItemState, user: string): Role | null {
  return better(namedRole(state, item, user), linkRole(state, item, user));
}

export function canView(state: WorkspaceState, item: DriveItemState, user: string): boolean {
  return roleOf(state, item, user) !== null;
}

export function canEdit(state: WorkspaceState, item: DriveItemState, user: string): boolean {
  const role = roleOf(state, item, user);
  return role === 'owner' || role === 'editor';
}

/**
 * Whether the item shows up in the user's own Drive listings (getFiles, getFilesByName...):
 * Drive lists what the user owns or was given by name, not what a link merely opens.
 */
export function isListed(state: WorkspaceState, item: DriveItemState, user: string): boolean {
  return namedRole(state, item, user) !== null;
}

export function isLocked(item: DriveItemState): boolean {
  return item.contentRestrictions.some(restriction => restriction.readOnly);
}

export function isRootFolder(state: WorkspaceState, id: string): boolean {
  return Object.keys(state.roots).some(email => state.roots[email] === id);
}

/** Apps Script reports its service errors as `Exception: <message>`. */
export function scriptException(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

export function notFound(): Error {
  return scriptException(MESSAGES.driveNotFound);
}

export function accessDenied(): Error {
  return scriptException(MESSAGES.driveAccessDenied);
}

/** The item the user may see, or Apps Script's not-found error (missing and hidden look alike). */
export function visibleItem(
  state: WorkspaceState,
  id: string,
  user: string,
  kind?: 'file' | 'folder'
): DriveItemState {
  const item = typeof id === 'string' ? state.drive[id] : undefined;
  if (!item || (kind && item.kind !== kind) || !canView(state, item, user)) throw notFound();
  return item;
}

export function urlOf(item: DriveItemState): string {
  switch (item.mimeType) {
    case MIME.folder:
      return `https://drive.google.com/drive/folders/${item.id}`;
    case MIME.document:
      return `https://docs.google.com/document/d/${item.id}/edit`;
    case MIME.spreadsheet:
      return `https://docs.google.com/spreadsheets/d/${item.id}/edit`;
    case MIME.presentation:
      return `https://docs.google.com/presentation/d/${item.id}/edit`;
    case MIME.form:
      return `https://docs.google.com/forms/d/${item.id}/edit`;
    default:
      return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
  }
}

/**
 * A new item id no existing item uses. `newId` alone can repeat an id (its mixing loses bits in
 * floating point), which would overwrite an item, so draw again until the id is free.
 */
export function freshId(state: WorkspaceState): string {
  for (;;) {
    const id = newId(state);
    if (!state.drive[id] && !state.documents[id] && !state.spreadsheets[id]) return id;
  }
}

/** The user's My Drive folder id, creating the user and the folder if the state lacks them. */
export function ensureRoot(state: WorkspaceState, email: string): string {
  if (!state.users[email]) state.users[email] = { email, name: email };
  if (!state.roots[email]) {
    const root = newDriveItem(state, {
      id: freshId(state),
      kind: 'folder',
      name: 'My Drive',
      mimeType: MIME.folder,
      owner: email,
      parents: [],
    });
    state.roots[email] = root.id;
  }
  return state.roots[email];
}

/**
 * A shortcut's target id. The state has no field for it, so a shortcut keeps it as its content
 * (a shortcut has no content of its own).
 */
export function shortcutTarget(item: DriveItemState): string | null {
  if (item.mimeType !== MIME.shortcut || !item.contentBase64) return null;
  return utf8Decode(base64Decode(item.contentBase64));
}

export function shortcutContent(targetId: string): string {
  return base64Encode(utf8Encode(targetId));
}
