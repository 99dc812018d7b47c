import { FakeBlob } from '../../fakes/core/blob';
import { utf8Decode } from '../../fakes/core/bytes';
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createDocumentInState } from '../../fakes/document';
import {
  createAdvancedDrive,
  createDriveApp,
  createFileInState,
  createFolderInState,
} from '../../fakes/drive';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };
const eve = { email: 'eve@example.com', name: 'Eve' };

const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
const ACCESS_DENIED = 'Access denied: DriveApp.';
/** Scripts pass null for "no new content"; the published types do not allow it. */
const NO_MEDIA = null as unknown as GoogleAppsScript.Base.Blob;

function workspace(): WorkspaceState {
  return createWorkspaceState({ users: [alice, bob, eve] });
}

function session(state: WorkspaceState, user: string) {
  const execution = new Execution(state, { user, budgetMs: 360_000 });
  const ctx = createContext(state, execution);
  return { execution, ctx, DriveApp: createDriveApp(ctx), Drive: createAdvancedDrive(ctx) };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

function memo(state: WorkspaceState, extra: Partial<Parameters<typeof createFileInState>[1]> = {}) {
  return createFileInState(state, {
    owner: alice.email,
    name: 'memo.txt',
    mimeType: 'text/plain',
    content: 'hello',
    ...extra,
  });
}

describe('DriveApp lookups and access', () => {
  it('returns a file by id with its metadata and counts the call at its modelled cost', () => {
    const state = workspace();
    const id = memo(state, { description: 'A memo' });
    const { DriveApp, execution } = session(state, alice.email);
    const before = state.now;
    const file = DriveApp.getFileById(id);
    expect(file.getId()).toBe(id);
    expect(file.getName()).toBe('memo.txt');
    expect(file.getMimeType()).toBe('text/plain');
    expect(file.getDescription()).toBe('A memo');
    expect(file.getSize()).toBe(5);
    expect(file.getUrl()).toBe(`https://drive.google.com/file/d/${id}/view?usp=drivesdk`);
    expect(file.getOwner().getEmail()).toBe(alice.email);
    expect(file.getOwner().getName()).toBe('Alice');
    expect(file.getDateCreated().getTime()).toBe(before);
    const counts = execution.finish();
    expect(counts.byKey['DriveApp.getFileById']).toBe(1);
    expect(counts.byKey['DriveApp.File.getName']).toBe(1);
    expect(counts.byKey['DriveApp.File.getOwner']).toBe(2);
    expect(counts.byKey['DriveApp.User.getEmail']).toBe(1);
    // 150 lookup + 5 metadata getters at 20 + 2 owner lookups at 100.
    expect(state.now - before).toBe(150 + 5 * 20 + 2 * 100);
  });

  it('gives Google files their editor URLs', () => {
    const state = workspace();
    const doc = createDocumentInState(state, {
      owner: alice.email,
      name: 'Doc',
      paragraphs: ['x'],
    });
    const sheet = createFileInState(state, {
      owner: alice.email,
      name: 'Sheet',
      mimeType: 'application/vnd.google-apps.spreadsheet',
    });
    const folder = createFolderInState(state, { owner: alice.email, name: 'Records' });
    const { DriveApp } = session(state, alice.email);
    expect(DriveApp.getFileById(doc).getUrl()).toBe(
      `https://docs.google.com/document/d/${doc}/edit`
    );
    expect(DriveApp.getFileById(sheet).getUrl()).toBe(
      `https://docs.google.com/spreadsheets/d/${sheet}/edit`
    );
    expect(DriveApp.getFolderById(folder).getUrl()).toBe(
      `https://drive.google.com/drive/folders/${folder}`
    );
  });

  it('throws the same not-found error for a missing id, a hidden file and a wrong kind', () => {
    const state = workspace();
    const id = memo(state);
    const folder = createFolderInState(state, { owner: bob.email, name: 'Bob only' });
    const { DriveApp } = session(state, bob.email);
    expect(() => DriveApp.getFileById('no-such-id')).toThrow(NOT_FOUND);
    expect(() => DriveApp.getFileById(id)).toThrow(NOT_FOUND);
    expect(() => DriveApp.getFileById(folder)).toThrow(NOT_FOUND);
    expect(String(thrown(() => DriveApp.getFileById(id)))).toBe(`Exception: ${NOT_FOUND}`);
  });

  it('lets named viewers, link and domain sharing and parent folders grant access', () => {
    const state = workspace();
    const viewed = memo(state, { viewers: [bob.email] });
    const linked = memo(state, { sharing: { access: 'ANYONE_WITH_LINK', permission: 'VIEW' } });
    const domain = memo(state, { sharing: { access: 'DOMAIN_WITH_LINK', permission: 'VIEW' } });
    const folder = createFolderInState(state, {
      owner: alice.email,
      name: 'Team',
      editors: [bob.email],
    });
    const inFolder = memo(state, { parentId: folder });

    const asBob = session(state, bob.email).DriveApp;
    for (const id of [viewed, linked, domain, inFolder]) {
      expect(asBob.getFileById(id).getId()).toBe(id);
    }
    const asEve = session(state, eve.email).DriveApp;
    expect(asEve.getFileById(linked).getId()).toBe(linked);
    expect(() => asEve.getFileById(domain)).toThrow(NOT_FOUND);
    expect(() => asEve.getFileById(inFolder)).toThrow(NOT_FOUND);
  });

  it('refuses writes without edit rights and allows them to editors of a parent folder', () => {
    const state = workspace();
    const viewed = memo(state, { viewers: [bob.email] });
    const folder = createFolderInState(state, {
      owner: alice.email,
      name: 'Team',
      editors: [bob.email],
    });
    const inFolder = memo(state, { parentId: folder });
    const { DriveApp } = session(state, bob.email);
    const readOnly = DriveApp.getFileById(viewed);
    expect(() => readOnly.setName('renamed')).toThrow(ACCESS_DENIED);
    expect(() => readOnly.setDescription('x')).toThrow(ACCESS_DENIED);
    expect(() => readOnly.setSharing(DriveApp.Access.ANYONE, DriveApp.Permission.VIEW)).toThrow(
      ACCESS_DENIED
    );
    expect(state.drive[viewed].name).toBe('memo.txt');

    DriveApp.getFileById(inFolder).setName('renamed');
    expect(state.drive[inFolder].name).toBe('renamed');
  });

  it('still returns trashed files, and only the owner may trash or restore', () => {
    const state = workspace();
    const id = memo(state, { editors: [bob.email] });
    expect(() => session(state, bob.email).DriveApp.getFileById(id).setTrashed(true)).toThrow(
      ACCESS_DENIED
    );
    session(state, alice.email).DriveApp.getFileById(id).setTrashed(true);
    const again = session(state, bob.email).DriveApp.getFileById(id);
    expect(again.isTrashed()).toBe(true);
  });

  it('names a DriveApp member the fake does not emulate', () => {
    const state = workspace();
    const { DriveApp } = session(state, alice.email);
    expect(() => DriveApp.searchFiles('title contains "x"')).toThrow(
      'not emulated: DriveApp.searchFiles'
    );
  });
});

describe('DriveApp folders, creation and moves', () => {
  it("creates folders and files in the user's My Drive", () => {
    const state = workspace();
    const { DriveApp, execution } = session(state, alice.email);
    const root = DriveApp.getRootFolder();
    expect(root.getId()).toBe(state.roots[alice.email]);
    expect(root.getName()).toBe('My Drive');
    const folder = DriveApp.createFolder('Records');
    const file = DriveApp.createFile('note.txt', 'abc');
    expect(state.drive[folder.getId()].parents).toEqual([root.getId()]);
    expect(state.drive[file.getId()]).toMatchObject({
      owner: alice.email,
      mimeType: 'text/plain',
      size: 3,
      parents: [root.getId()],
    });
    expect(execution.finish().byKey['DriveApp.createFile']).toBe(1);
  });

  it('creates a file from a blob and gives the same bytes back, charging upload and download by size', () => {
    const state = workspace();
    const folder = createFolderInState(state, { owner: alice.email, name: 'In' });
    const { DriveApp, ctx, execution } = session(state, alice.email);
    const bytes = new Uint8Array(10 * 1024).map((_, i) => i % 251);
    const blob = FakeBlob.create(ctx, bytes, 'application/octet-stream', 'data.bin');
    const before = state.now;
    const file = DriveApp.getFolderById(folder).createFile(blob);
    const created = state.now - before;
    // 150 getFolderById + 500 upload + 0.1 ms per KB for 10 KB.
    expect(created).toBe(150 + 500 + 1);
    expect(file.getName()).toBe('data.bin');
    expect(file.getMimeType()).toBe('application/octet-stream');
    const copy = file.getBlob();
    expect(Uint8Array.from(copy.getBytes(), b => b & 0xff)).toEqual(bytes);
    const counts = execution.finish();
    expect(counts.byKey['DriveApp.Folder.createFile']).toBe(1);
    expect(counts.byKey['DriveApp.File.getBlob']).toBe(1);
    // Reading the blob's name and type inside createFile is not a script call.
    expect(counts.byKey['Utilities.Blob.getName']).toBeUndefined();
  });

  it('creates a file from another Drive file without counting a read of its blob', () => {
    const state = workspace();
    const source = memo(state);
    const { DriveApp, execution } = session(state, alice.email);
    const copy = DriveApp.createFile(DriveApp.getFileById(source));
    expect(copy.getName()).toBe('memo.txt');
    expect(utf8Decode(Uint8Array.from(copy.getBlob().getBytes(), b => b & 0xff))).toBe('hello');
    expect(execution.finish().byKey['DriveApp.File.getBlob']).toBe(1);
  });

  it('does not rename, move or trash My Drive', () => {
    const state = workspace();
    const { DriveApp } = session(state, alice.email);
    const root = DriveApp.getRootFolder();
    expect(() => root.setName('Mine')).toThrow(ACCESS_DENIED);
    expect(() => root.setTrashed(true)).toThrow(ACCESS_DENIED);
    expect(() => root.moveTo(DriveApp.createFolder('Inner'))).toThrow(ACCESS_DENIED);
  });

  it('refuses a nameless blob, content over 10 MB with a MIME type, and bad arguments', () => {
    const state = workspace();
    const { DriveApp, ctx } = session(state, alice.email);
    const nameless = FakeBlob.create(ctx, new Uint8Array(1), 'text/plain', null);
    expect(() => DriveApp.createFile(nameless)).toThrow(
      'Blob object must have non-null name for this operation.'
    );
    const big = 'x'.repeat(10 * 1024 * 1024 + 1);
    expect(() => DriveApp.createFile('big.txt', big, 'text/plain')).toThrow(
      'File content is larger than the maximum of 10 MB for this operation.'
    );
    expect(() =>
      (DriveApp.createFile as unknown as (name: string) => unknown)('only-name')
    ).toThrow("The parameters (String) don't match the method signature for DriveApp.createFile.");
  });

  it('refuses to create in a folder the user can only view', () => {
    const state = workspace();
    const folder = createFolderInState(state, {
      owner: alice.email,
      name: 'Ro',
      viewers: [bob.email],
    });
    const { DriveApp } = session(state, bob.email);
    const target = DriveApp.getFolderById(folder);
    expect(() => target.createFile('a.txt', 'a')).toThrow(ACCESS_DENIED);
    expect(() => target.createFolder('sub')).toThrow(ACCESS_DENIED);
  });

  it('moves a file to a folder, replacing its parents, only with edit rights on both', () => {
    const state = workspace();
    const from = createFolderInState(state, {
      owner: alice.email,
      name: 'From',
      editors: [bob.email],
    });
    const open = createFolderInState(state, {
      owner: alice.email,
      name: 'Open',
      editors: [bob.email],
    });
    const shut = createFolderInState(state, {
      owner: alice.email,
      name: 'Shut',
      viewers: [bob.email],
    });
    const id = memo(state, { parentId: from });
    const { DriveApp } = session(state, bob.email);
    const file = DriveApp.getFileById(id);
    expect(() => file.moveTo(DriveApp.getFolderById(shut))).toThrow(ACCESS_DENIED);
    expect(state.drive[id].parents).toEqual([from]);
    expect(file.moveTo(DriveApp.getFolderById(open)).getId()).toBe(id);
    expect(state.drive[id].parents).toEqual([open]);

    const viewed = memo(state, { viewers: [bob.email] });
    expect(() => DriveApp.getFileById(viewed).moveTo(DriveApp.getFolderById(open))).toThrow(
      ACCESS_DENIED
    );
  });

  it('lists only the parents the user can see', () => {
    const state = workspace();
    const visible = createFolderInState(state, {
      owner: alice.email,
      name: 'Shared',
      viewers: [bob.email],
    });
    const hidden = createFolderInState(state, { owner: alice.email, name: 'Hidden' });
    const id = memo(state, { parentId: visible, viewers: [bob.email] });
    state.drive[id].parents.push(hidden);
    const parents = session(state, bob.email).DriveApp.getFileById(id).getParents();
    expect(parents.next().getId()).toBe(visible);
    expect(parents.hasNext()).toBe(false);
  });

  it('makes a copy owned by the user, beside the original or in a destination', () => {
    const state = workspace();
    const folder = createFolderInState(state, { owner: alice.email, name: 'Dest' });
    const doc = createDocumentInState(state, {
      owner: alice.email,
      name: 'Plan',
      paragraphs: ['one', 'two'],
      sharing: { access: 'DOMAIN_WITH_LINK', permission: 'VIEW' },
    });
    const asBob = session(state, bob.email).DriveApp;
    const copy = asBob.getFileById(doc).makeCopy();
    expect(copy.getName()).toBe('Copy of Plan');
    expect(state.drive[copy.getId()].owner).toBe(bob.email);
    // Bob cannot add to Alice's My Drive, so his copy lands in his own.
    expect(state.drive[copy.getId()].parents).toEqual([state.roots[bob.email]]);
    expect(state.documents[copy.getId()].body.map(p => p.text)).toEqual(['one', 'two']);

    const asAlice = session(state, alice.email).DriveApp;
    const named = asAlice.getFileById(doc).makeCopy('Plan v2', asAlice.getFolderById(folder));
    expect(state.drive[named.getId()]).toMatchObject({ name: 'Plan v2', parents: [folder] });
  });
});

describe('DriveApp searches and iterators', () => {
  it('finds files and folders by name among those the user owns or was given', () => {
    const state = workspace();
    const mine = memo(state, { name: 'Budget' });
    memo(state, { name: 'Budget', owner: bob.email });
    const shared = memo(state, { name: 'Budget', owner: bob.email, viewers: [alice.email] });
    memo(state, {
      name: 'Budget',
      owner: bob.email,
      sharing: { access: 'DOMAIN_WITH_LINK', permission: 'EDIT' },
    });
    const folder = createFolderInState(state, { owner: alice.email, name: 'Budget' });
    const { DriveApp } = session(state, alice.email);
    const found: string[] = [];
    const files = DriveApp.getFilesByName('Budget');
    while (files.hasNext()) found.push(files.next().getId());
    expect(found).toEqual([mine, shared]);
    const folders = DriveApp.getFoldersByName('Budget');
    expect(folders.next().getId()).toBe(folder);
    expect(folders.hasNext()).toBe(false);
  });

  it("throws Apps Script's error when next() runs past the end", () => {
    const state = workspace();
    const { DriveApp } = session(state, alice.email);
    const none = DriveApp.getFilesByName('nothing');
    expect(none.hasNext()).toBe(false);
    expect(() => none.next()).toThrow(
      'Cannot retrieve the next object: iterator has reached the end.'
    );
  });

  it('lists a folder’s children, trashed ones included, and resumes from a continuation token', () => {
    const state = workspace();
    const folder = createFolderInState(state, { owner: alice.email, name: 'Box' });
    const ids = [1, 2, 3].map(n => memo(state, { name: `f${n}`, parentId: folder }));
    state.drive[ids[2]].trashed = true;
    createFolderInState(state, { owner: alice.email, name: 'Sub', parentId: folder });
    const first = session(state, alice.email).DriveApp;
    const files = first.getFolderById(folder).getFiles();
    expect(files.next().getId()).toBe(ids[0]);
    const token = files.getContinuationToken();

    const later = session(state, alice.email).DriveApp.continueFileIterator(token);
    expect(later.next().getId()).toBe(ids[1]);
    const last = later.next();
    expect(last.getId()).toBe(ids[2]);
    expect(last.isTrashed()).toBe(true);
    expect(later.hasNext()).toBe(false);
    expect(first.getFolderById(folder).getFolders().next().getName()).toBe('Sub');
  });
});

describe('DriveApp sharing', () => {
  it('sets and reports link sharing with the DriveApp enums', () => {
    const state = workspace();
    const id = memo(state);
    const { DriveApp } = session(state, alice.email);
    const file = DriveApp.getFileById(id);
    expect(file.getSharingAccess()).toBe(DriveApp.Access.PRIVATE);
    expect(file.getSharingPermission()).toBe(DriveApp.Permission.NONE);
    file.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.EDIT);
    expect(file.getSharingAccess()).toBe('ANYONE_WITH_LINK');
    expect(file.getSharingPermission()).toBe('EDIT');
    file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.VIEW);
    expect(state.drive[id]).toMatchObject({ sharingAccess: 'PRIVATE', sharingPermission: 'NONE' });
    expect(() => file.setSharing(DriveApp.Access.DOMAIN, DriveApp.Permission.OWNER)).toThrow(
      'Invalid argument: permissionType'
    );
  });

  it('adds and removes editors and viewers, hiding the lists from non-editors', () => {
    const state = workspace();
    const id = memo(state, { viewers: [bob.email] });
    const { DriveApp } = session(state, alice.email);
    const file = DriveApp.getFileById(id);
    expect(session(state, bob.email).DriveApp.getFileById(id).getViewers()).toEqual([]);
    file.addEditor(bob.email).addViewer(eve.email).addViewer(bob.email);
    expect(file.getEditors().map(u => u.getEmail())).toEqual([bob.email]);
    expect(file.getViewers().map(u => u.getEmail())).toEqual([eve.email]);
    file.removeEditor(file.getEditors()[0]);
    expect(state.drive[id].editors).toEqual([]);
    expect(() => file.addEditor('not-an-email')).toThrow('Invalid argument: emailAddress');
  });
});

describe('Advanced Drive service', () => {
  it('returns the default fields, or the fields asked for', () => {
    const state = workspace();
    const id = memo(state, { editors: [bob.email] });
    state.drive[id].appProperties = { recordId: 'R-1' };
    const { Drive, execution } = session(state, bob.email);
    expect(Drive.Files.get(id)).toEqual({
      kind: 'drive#file',
      id,
      name: 'memo.txt',
      mimeType: 'text/plain',
    });
    const file = Drive.Files.get(id, {
      fields:
        'id,appProperties,capabilities(canEdit,canModifyContentRestriction),owners(emailAddress)',
    });
    expect(file).toEqual({
      id,
      appProperties: { recordId: 'R-1' },
      capabilities: { canEdit: true, canModifyContentRestriction: true },
      owners: [{ emailAddress: alice.email }],
    });
    expect(execution.finish().byKey['Drive.Files.get']).toBe(2);
  });

  it('reports a missing or hidden file as the API does', () => {
    const state = workspace();
    const id = memo(state);
    const { Drive } = session(state, bob.email);
    const error = thrown(() => Drive.Files.get(id));
    expect(error.message).toBe(
      `API call to drive.files.get failed with error: File not found: ${id}.`
    );
    expect(error.name).toBe('GoogleJsonResponseException');
    expect(() => Drive.Files.get('gone')).toThrow('File not found: gone.');
  });

  it('merges appProperties, deleting those set to null', () => {
    const state = workspace();
    const id = memo(state);
    const { Drive } = session(state, alice.email);
    Drive.Files.update({ appProperties: { recordId: 'R-1', status: 'draft' } }, id);
    const result = Drive.Files.update(
      { appProperties: { status: null, class: 'OFFICIAL' } },
      id,
      NO_MEDIA,
      {
        fields: 'appProperties',
      }
    );
    expect(result).toEqual({ appProperties: { recordId: 'R-1', class: 'OFFICIAL' } });
    expect(state.drive[id].appProperties).toEqual({ recordId: 'R-1', class: 'OFFICIAL' });
  });

  it('limits each app property to 124 UTF-8 bytes of key and value, changing nothing on failure', () => {
    const state = workspace();
    const id = memo(state);
    const { Drive } = session(state, alice.email);
    Drive.Files.update({ appProperties: { k: 'v'.repeat(123) } }, id);
    const tooLong =
      'API call to drive.files.update failed with error: Properties and app properties are limited to 124 bytes in UTF-8 encoding, counting both the key and the value.';
    // 'é' is two bytes in UTF-8: 1 + 62 × 2 = 125.
    expect(() => Drive.Files.update({ appProperties: { ok: 'x', k: 'é'.repeat(62) } }, id)).toThrow(
      tooLong
    );
    expect(state.drive[id].appProperties).toEqual({ k: 'v'.repeat(123) });
  });

  it('allows at most 30 app properties on a file', () => {
    const state = workspace();
    const id = memo(state);
    const { Drive } = session(state, alice.email);
    const thirty: Record<string, string> = {};
    for (let i = 0; i < 30; i++) thirty[`p${i}`] = 'v';
    Drive.Files.update({ appProperties: thirty }, id);
    expect(() => Drive.Files.update({ appProperties: { one: 'more' } }, id)).toThrow(
      'A file can have at most 30 app properties per app.'
    );
    expect(Object.keys(state.drive[id].appProperties)).toHaveLength(30);
  });

  it('locks content with a read-only restriction that records who set it and when', () => {
    const state = workspace();
    const id = memo(state, { editors: [bob.email], viewers: [eve.email] });
    const { Drive, DriveApp } = session(state, bob.email);
    const lockedAt = state.now;
    const result = Drive.Files.update(
      { contentRestrictions: [{ readOnly: true, reason: 'Declared as a record' }] },
      id,
      NO_MEDIA,
      { fields: 'contentRestrictions,capabilities(canRename)' }
    );
    expect(result.contentRestrictions?.[0]).toMatchObject({
      readOnly: true,
      reason: 'Declared as a record',
      restrictingUser: { emailAddress: bob.email },
    });
    expect(result.capabilities).toEqual({ canRename: false });
    expect(state.drive[id].contentRestrictions).toEqual([
      {
        readOnly: true,
        reason: 'Declared as a record',
        restrictingUser: bob.email,
        restrictionTime: lockedAt + 300,
      },
    ]);

    // Title changes are blocked; description, sharing and moves are not.
    const file = DriveApp.getFileById(id);
    expect(() => file.setName('new')).toThrow(ACCESS_DENIED);
    expect(() => Drive.Files.update({ name: 'new' }, id)).toThrow(
      'The file has a read-only content restriction: its content and title cannot be modified.'
    );
    file.setDescription('kept');
    file.setSharing(DriveApp.Access.DOMAIN_WITH_LINK, DriveApp.Permission.VIEW);
    file.moveTo(DriveApp.getRootFolder());
    expect(state.drive[id].description).toBe('kept');

    const viewer = session(state, eve.email).Drive;
    expect(() => viewer.Files.update({ contentRestrictions: [{ readOnly: false }] }, id)).toThrow(
      `API call to drive.files.update failed with error: The user does not have sufficient permissions for file ${id}.`
    );
    Drive.Files.update({ contentRestrictions: [{ readOnly: false }] }, id);
    expect(state.drive[id].contentRestrictions).toEqual([]);
    file.setName('new');
    expect(state.drive[id].name).toBe('new');
  });

  it('refuses to write fields the API computes', () => {
    const state = workspace();
    const id = memo(state);
    const { Drive } = session(state, alice.email);
    expect(() => Drive.Files.update({ id: 'other' }, id)).toThrow(
      'The resource body includes fields which are not directly writable.'
    );
  });
});

describe('Advanced Drive service: sharing, moves and creation', () => {
  it('shows permissions and checksums to editors only', () => {
    const state = workspace();
    const id = memo(state, {
      editors: [bob.email],
      viewers: [eve.email],
      sharing: { access: 'DOMAIN_WITH_LINK', permission: 'VIEW' },
    });
    const fields = 'sha256Checksum,permissions(type,role,emailAddress,domain)';
    const asBob = session(state, bob.email).Drive.Files.get(id, { fields });
    expect(asBob.sha256Checksum).toBe(
      '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'
    );
    expect(asBob.permissions).toEqual([
      { type: 'user', role: 'owner', emailAddress: alice.email },
      { type: 'user', role: 'writer', emailAddress: bob.email },
      { type: 'user', role: 'reader', emailAddress: eve.email },
      { type: 'domain', role: 'reader', domain: 'dfrr.gov.uk' },
    ]);
    const asEve = session(state, eve.email).Drive.Files.get(id, { fields });
    expect(asEve.permissions).toBeUndefined();
  });

  it('moves with addParents and removeParents, keeping a single parent', () => {
    const state = workspace();
    const from = createFolderInState(state, { owner: alice.email, name: 'From' });
    const to = createFolderInState(state, { owner: alice.email, name: 'To' });
    const shut = createFolderInState(state, {
      owner: bob.email,
      name: 'Shut',
      viewers: [alice.email],
    });
    const id = memo(state, { parentId: from });
    const { Drive } = session(state, alice.email);
    expect(() => Drive.Files.update({}, id, NO_MEDIA, { addParents: to })).toThrow(
      'Increasing the number of parents is not allowed.'
    );
    expect(() =>
      Drive.Files.update({}, id, NO_MEDIA, { addParents: shut, removeParents: from })
    ).toThrow('Insufficient permissions for the specified parent.');
    const moved = Drive.Files.update({}, id, NO_MEDIA, {
      addParents: to,
      removeParents: from,
      fields: 'id,parents',
    });
    expect(moved).toEqual({ id, parents: [to] });
    expect(() => Drive.Files.update({ parents: [from] }, id)).toThrow(
      'The parents field is not directly writable in update requests.'
    );
  });

  it('creates folders, files with content and shortcuts owned by the user', () => {
    const state = workspace();
    const series = createFolderInState(state, {
      owner: alice.email,
      name: 'Series',
      editors: [bob.email],
    });
    const target = memo(state, { viewers: [bob.email] });
    const hidden = memo(state);
    const readOnly = createFolderInState(state, {
      owner: alice.email,
      name: 'Read only',
      viewers: [bob.email],
    });
    const { Drive, DriveApp, ctx, execution } = session(state, bob.email);
    const folder = Drive.Files.create({
      name: 'Sub',
      mimeType: 'application/vnd.google-apps.folder',
      parents: [series],
    });
    expect(state.drive[folder.id!]).toMatchObject({
      kind: 'folder',
      owner: bob.email,
      parents: [series],
    });

    const blob = FakeBlob.create(
      ctx,
      new Uint8Array([1, 2, 3]),
      'application/pdf',
      'scan.pdf'
    ) as unknown as GoogleAppsScript.Base.Blob;
    const file = Drive.Files.create({ parents: [series] }, blob, {
      fields: 'id,name,mimeType,size',
    });
    expect(file).toMatchObject({ name: 'scan.pdf', mimeType: 'application/pdf', size: '3' });

    const shortcut = Drive.Files.create({
      name: 'Memo (record)',
      mimeType: 'application/vnd.google-apps.shortcut',
      shortcutDetails: { targetId: target },
      parents: [series],
    });
    expect(DriveApp.getFileById(shortcut.id!).getTargetId()).toBe(target);
    expect(Drive.Files.get(shortcut.id!, { fields: 'shortcutDetails' })).toEqual({
      shortcutDetails: { targetId: target, targetMimeType: 'text/plain' },
    });
    expect(() =>
      Drive.Files.create({
        mimeType: 'application/vnd.google-apps.shortcut',
        shortcutDetails: { targetId: hidden },
        parents: [series],
      })
    ).toThrow(`File not found: ${hidden}.`);
    expect(() => Drive.Files.create({ name: 'x', parents: [readOnly] })).toThrow(
      'Insufficient permissions for the specified parent.'
    );
    expect(() => Drive.Files.create({ name: 'x', parents: [state.roots[alice.email]] })).toThrow(
      `File not found: ${state.roots[alice.email]}.`
    );
    expect(execution.finish().byKey['Drive.Files.create']).toBe(6);
  });

  it('shares through permissions with users, groups, the domain and anyone', () => {
    const state = workspace();
    const id = memo(state, { viewers: [bob.email] });
    const { Drive } = session(state, alice.email);
    const created = Drive.Permissions.create(
      { role: 'writer', type: 'user', emailAddress: bob.email },
      id,
      { sendNotificationEmail: false }
    );
    expect(created).toMatchObject({ type: 'user', role: 'writer' });
    expect(state.drive[id]).toMatchObject({ editors: [bob.email], viewers: [] });
    Drive.Permissions.create(
      { role: 'reader', type: 'group', emailAddress: 'records@dfrr.gov.uk' },
      id
    );
    Drive.Permissions.create({ role: 'reader', type: 'domain', domain: 'dfrr.gov.uk' }, id);
    expect(state.drive[id]).toMatchObject({
      viewers: ['records@dfrr.gov.uk'],
      sharingAccess: 'DOMAIN_WITH_LINK',
      sharingPermission: 'VIEW',
    });
    Drive.Permissions.create({ role: 'commenter', type: 'anyone', allowFileDiscovery: true }, id);
    expect(state.drive[id]).toMatchObject({
      sharingAccess: 'ANYONE',
      sharingPermission: 'COMMENT',
    });

    const asEve = session(state, eve.email).Drive;
    expect(() =>
      asEve.Permissions.create({ role: 'writer', type: 'user', emailAddress: eve.email }, id)
    ).toThrow(
      `API call to drive.permissions.create failed with error: The user does not have sufficient permissions for file ${id}.`
    );
  });
});

describe('Google Doc content through DriveApp', () => {
  it('exports a Google Doc as a PDF blob carrying its text', () => {
    const state = workspace();
    const doc = createDocumentInState(state, {
      owner: alice.email,
      name: 'Minutes',
      paragraphs: ['Item 1', 'Item 2'],
      header: ['OFFICIAL'],
    });
    const blob = session(state, alice.email).DriveApp.getFileById(doc).getBlob();
    expect(blob.getContentType()).toBe('application/pdf');
    expect(blob.getName()).toBe('Minutes.pdf');
    expect(utf8Decode(Uint8Array.from(blob.getBytes(), b => b & 0xff))).toBe(
      'OFFICIAL\nItem 1\nItem 2'
    );
  });
});
