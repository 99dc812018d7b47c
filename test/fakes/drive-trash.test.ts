import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createAdvancedDrive, createFileInState, createFolderInState } from '../../fakes/drive';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };
/** Scripts pass null for "no new content"; the published types do not allow it. */
const NO_MEDIA = null as unknown as GoogleAppsScript.Base.Blob;

function session(state: WorkspaceState, user: string) {
  const execution = new Execution(state, { user, budgetMs: 360_000 });
  return { execution, Drive: createAdvancedDrive(createContext(state, execution)) };
}

describe('Advanced Drive service: the bin', () => {
  it('lets the owner trash and restore a file with files.update, and reports it trashed', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    const id = createFileInState(state, {
      owner: alice.email,
      name: 'memo.txt',
      mimeType: 'text/plain',
      content: 'hello',
    });
    const { Drive, execution } = session(state, alice.email);
    const trashed = Drive.Files!.update({ trashed: true }, id, NO_MEDIA, {
      fields: 'id,trashed',
      supportsAllDrives: true,
    });
    expect(trashed).toEqual({ id, trashed: true });
    expect(state.drive[id].trashed).toBe(true);
    // A trashed file can still be read by id, as Drive does.
    expect(Drive.Files!.get(id, { fields: 'trashed' }).trashed).toBe(true);
    Drive.Files!.update({ trashed: false }, id, NO_MEDIA);
    expect(state.drive[id].trashed).toBe(false);
    expect(execution.finish().byKey['Drive.Files.update']).toBe(2);
  });

  it('refuses an editor who is not the owner with insufficientFilePermissions, changing nothing', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    const id = createFileInState(state, {
      owner: alice.email,
      name: 'memo.txt',
      mimeType: 'text/plain',
      content: 'hello',
    });
    state.drive[id].editors.push(bob.email);
    const { Drive } = session(state, bob.email);
    expect(() => Drive.Files!.update({ trashed: true }, id, NO_MEDIA)).toThrow(
      `API call to drive.files.update failed with error: The user does not have sufficient permissions for file ${id}.`
    );
    expect(state.drive[id].trashed).toBe(false);
    // Renaming in the same request is refused with it: nothing changes.
    expect(() => Drive.Files!.update({ trashed: true, name: 'x' }, id, NO_MEDIA)).toThrow(
      /sufficient permissions/
    );
    expect(state.drive[id].name).toBe('memo.txt');
  });

  it('reports a deleted file as not found', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    const { Drive } = session(state, alice.email);
    expect(() => Drive.Files!.update({ trashed: true }, 'gone0000000000000000', NO_MEDIA)).toThrow(
      'API call to drive.files.update failed with error: File not found: gone0000000000000000.'
    );
  });

  it("lists a folder's items of one MIME type with mimeType = '…'", () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    const folder = createFolderInState(state, { owner: alice.email, name: 'Series' });
    const target = createFileInState(state, {
      owner: alice.email,
      name: 'case.txt',
      mimeType: 'text/plain',
      content: 'x',
    });
    createFileInState(state, {
      owner: alice.email,
      name: 'other.txt',
      mimeType: 'text/plain',
      content: 'y',
      parentId: folder,
    });
    const { Drive } = session(state, alice.email);
    const shortcut = Drive.Files!.create({
      name: 'case.txt',
      mimeType: 'application/vnd.google-apps.shortcut',
      shortcutDetails: { targetId: target },
      parents: [folder],
    });
    const list = Drive.Files!.list({
      q: `'${folder}' in parents and mimeType = 'application/vnd.google-apps.shortcut' and trashed = false`,
      fields: 'files(id,shortcutDetails(targetId))',
    });
    expect(list.files).toEqual([{ id: shortcut.id, shortcutDetails: { targetId: target } }]);
  });
});
