import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createAdvancedDrive, createFileInState, createFolderInState } from '../../fakes/drive';
import { NotEmulatedError } from '../../fakes/core/instrument';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };
const DOC = 'application/vnd.google-apps.document';
const FOLDER = 'application/vnd.google-apps.folder';

function session(state: WorkspaceState, user: string) {
  const execution = new Execution(state, { user, budgetMs: 360_000 });
  return { execution, Drive: createAdvancedDrive(createContext(state, execution)) };
}

/** A team folder shared with Bob, holding files of both and a subfolder. */
function teamFolder() {
  const state = createWorkspaceState({ users: [alice, bob] });
  const team = createFolderInState(state, {
    owner: alice.email,
    name: 'Team',
    editors: [bob.email],
  });
  const sub = createFolderInState(state, { owner: alice.email, name: 'Sub', parentId: team });
  const at = (time: string) => Date.parse(time);
  const file = (owner: string, name: string, modified: string, mimeType = 'text/plain') => {
    const id = createFileInState(state, { owner, name, parentId: team, mimeType, content: 'x' });
    state.drive[id].updatedAt = at(modified);
    return id;
  };
  const ids = {
    team,
    sub,
    aliceNotes: file(alice.email, 'Meeting notes', '2024-01-10T09:00:00Z'),
    bobPlan: file(bob.email, 'Plan 2024', '2024-03-01T12:00:00Z', DOC),
    bobOld: file(bob.email, 'HelloWorld draft', '2023-06-01T08:00:00Z'),
  };
  const binned = createFileInState(state, {
    owner: bob.email,
    name: 'Binned',
    parentId: team,
    mimeType: 'text/plain',
  });
  state.drive[binned].trashed = true;
  state.drive[binned].updatedAt = at('2024-02-01T00:00:00Z');
  return { state, ids: { ...ids, binned } };
}

function names(result: GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList): string[] {
  return (result.files ?? []).map(file => String(file.name));
}

function apiFailure(run: () => unknown): { message: string; details: unknown } {
  try {
    run();
  } catch (error) {
    const e = error as Error & { details?: unknown };
    return { message: e.message, details: e.details };
  }
  throw new Error('expected the call to fail');
}

describe('Advanced Drive service: files.list queries', () => {
  it("finds a person's files in a folder, leaving out others' files and the bin", () => {
    const { state, ids } = teamFolder();
    const { Drive, execution } = session(state, alice.email);
    const result = Drive.Files!.list({
      q: `'${ids.team}' in parents and 'BOB@dfrr.gov.uk' in owners and trashed = false`,
      fields: 'nextPageToken,files(id,name,parents,modifiedTime,owners(emailAddress),webViewLink)',
    });
    expect(result.files).toEqual([
      {
        id: ids.bobOld,
        name: 'HelloWorld draft',
        parents: [ids.team],
        modifiedTime: '2023-06-01T08:00:00.000Z',
        owners: [{ emailAddress: bob.email }],
        webViewLink: `https://drive.google.com/file/d/${ids.bobOld}/view?usp=drivesdk`,
      },
      {
        id: ids.bobPlan,
        name: 'Plan 2024',
        parents: [ids.team],
        modifiedTime: '2024-03-01T12:00:00.000Z',
        owners: [{ emailAddress: bob.email }],
        webViewLink: `https://docs.google.com/document/d/${ids.bobPlan}/edit`,
      },
    ]);
    expect(result.nextPageToken).toBeUndefined();
    expect(execution.finish().byKey['Drive.Files.list']).toBe(1);
  });

  it('combines or, not and parentheses as the API does', () => {
    const { state, ids } = teamFolder();
    const { Drive } = session(state, alice.email);
    const list = (q: string) => names(Drive.Files!.list({ q, fields: 'files(name)' }));
    expect(
      list(`'${ids.team}' in parents and (mimeType = '${FOLDER}' or mimeType = '${DOC}')`)
    ).toEqual(['Plan 2024', 'Sub']);
    expect(list(`'${ids.team}' in parents and not 'bob@dfrr.gov.uk' in owners`)).toEqual([
      'Meeting notes',
      'Sub',
    ]);
    expect(
      list(`'${ids.team}' in parents and mimeType != '${FOLDER}' and not (trashed = true)`)
    ).toEqual(['HelloWorld draft', 'Meeting notes', 'Plan 2024']);
    // `and` binds tighter than `or`.
    expect(list(`name = 'Sub' or name = 'Binned' and trashed = false`)).toEqual(['Sub']);
  });

  it('compares modifiedTime with RFC 3339 times, UTC when no zone is given', () => {
    const { state, ids } = teamFolder();
    const { Drive } = session(state, alice.email);
    const list = (q: string) =>
      names(Drive.Files!.list({ q: `'${ids.team}' in parents and ${q}`, fields: 'files(name)' }));
    expect(list(`modifiedTime > '2024-01-01T00:00:00'`)).toEqual([
      'Binned',
      'Meeting notes',
      'Plan 2024',
    ]);
    expect(list(`modifiedTime >= '2024-03-01T12:00:00Z'`)).toEqual(['Plan 2024']);
    expect(list(`modifiedTime < '2024-03-01T13:00:00+01:00' and mimeType != '${FOLDER}'`)).toEqual([
      'Binned',
      'HelloWorld draft',
      'Meeting notes',
    ]);
    expect(list(`modifiedTime <= '2023-06-01T08:00:00Z' and modifiedTime > '2023-01-01'`)).toEqual([
      'HelloWorld draft',
    ]);
  });

  it('matches name contains on word prefixes, and name = exactly', () => {
    const { state } = teamFolder();
    const { Drive } = session(state, alice.email);
    const list = (q: string) => names(Drive.Files!.list({ q, fields: 'files(name)' }));
    expect(list(`name contains 'Hello'`)).toEqual(['HelloWorld draft']);
    // Drive matches prefixes of words only: the middle of "HelloWorld" is not found.
    expect(list(`name contains 'World'`)).toEqual([]);
    expect(list(`name contains 'notes'`)).toEqual(['Meeting notes']);
    expect(list(`name = 'Plan 2024'`)).toEqual(['Plan 2024']);
    expect(list(`name = 'plan 2024'`)).toEqual([]);
  });

  it('reads quotes escaped with a backslash inside a value', () => {
    const state = createWorkspaceState({ users: [alice] });
    createFileInState(state, { owner: alice.email, name: "Bob's plan", mimeType: 'text/plain' });
    const { Drive } = session(state, alice.email);
    expect(names(Drive.Files!.list({ q: "name = 'Bob\\'s plan'", fields: 'files(name)' }))).toEqual(
      ["Bob's plan"]
    );
  });

  it('orders by modifiedTime desc or by name, and pages with nextPageToken', () => {
    const { state, ids } = teamFolder();
    const { Drive } = session(state, alice.email);
    const q = `'${ids.team}' in parents and trashed = false and mimeType != '${FOLDER}'`;
    expect(
      names(Drive.Files!.list({ q, orderBy: 'modifiedTime desc', fields: 'files(name)' }))
    ).toEqual(['Plan 2024', 'Meeting notes', 'HelloWorld draft']);
    const first = Drive.Files!.list({
      q,
      orderBy: 'name',
      pageSize: 2,
      fields: 'nextPageToken,files(name)',
    });
    expect(names(first)).toEqual(['HelloWorld draft', 'Meeting notes']);
    const second = Drive.Files!.list({
      q,
      orderBy: 'name',
      pageSize: 2,
      pageToken: first.nextPageToken,
      fields: 'nextPageToken,files(name)',
    });
    expect(names(second)).toEqual(['Plan 2024']);
    expect(second.nextPageToken).toBeUndefined();
  });

  it('lists only what the caller may open', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    createFileInState(state, { owner: bob.email, name: 'Private', mimeType: 'text/plain' });
    const { Drive } = session(state, alice.email);
    expect(
      names(Drive.Files!.list({ q: `'${bob.email}' in owners`, fields: 'files(name)' }))
    ).toEqual([]);
  });

  it('fails a malformed query with 400 Invalid Value, as the API does', () => {
    const { state } = teamFolder();
    const { Drive } = session(state, alice.email);
    for (const q of [
      "'abc' in parents and",
      '(trashed = false',
      "title = 'x'",
      'trashed = maybe',
      "name > 'x'",
      "modifiedTime > 'yesterday'",
      "name = 'unterminated",
      'mimeType = folder',
    ]) {
      expect(apiFailure(() => Drive.Files!.list({ q }))).toEqual({
        message: 'API call to drive.files.list failed with error: Invalid Value',
        details: { code: 400, message: 'Invalid Value' },
      });
    }
    expect(apiFailure(() => Drive.Files!.list({ orderBy: 'size' })).message).toBe(
      'API call to drive.files.list failed with error: Invalid Value'
    );
  });

  it('names the valid terms it does not emulate', () => {
    const { state } = teamFolder();
    const { Drive } = session(state, alice.email);
    expect(() => Drive.Files!.list({ q: "fullText contains 'budget'" })).toThrow(NotEmulatedError);
    expect(() => Drive.Files!.list({ q: "appProperties has { key='a' and value='b' }" })).toThrow(
      'not emulated: Drive.Files.list query term appProperties'
    );
  });
});
