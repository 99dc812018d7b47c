import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createAdvancedDrive, createDriveApp, createFileInState } from '../../fakes/drive';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };
const carol = { email: 'carol@dfrr.gov.uk', name: 'Carol' };

function session(state: WorkspaceState, user: string) {
  const execution = new Execution(state, { user, budgetMs: 360_000 });
  const ctx = createContext(state, execution);
  return { execution, Drive: createAdvancedDrive(ctx), DriveApp: createDriveApp(ctx) };
}

function setup() {
  const state = createWorkspaceState({ users: [alice, bob, carol] });
  const id = createFileInState(state, {
    owner: alice.email,
    name: 'Plan',
    mimeType: 'text/plain',
    editors: [bob.email],
    viewers: [carol.email],
  });
  return { state, id };
}

function failure(run: () => unknown): { name: string; message: string; details?: unknown } {
  try {
    run();
  } catch (error) {
    const e = error as Error & { details?: unknown };
    return { name: e.name, message: e.message, details: e.details };
  }
  throw new Error('expected the call to fail');
}

describe('Drive ownership transfer', () => {
  it('lets the owner hand a file over with File.setOwner; the old owner keeps editing', () => {
    const { state, id } = setup();
    const { DriveApp, execution } = session(state, alice.email);
    const file = DriveApp.getFileById(id).setOwner(carol.email);
    expect(file.getOwner().getEmail()).toBe(carol.email);
    expect(state.drive[id].owner).toBe(carol.email);
    expect(state.drive[id].editors).toEqual([bob.email, alice.email]);
    expect(state.drive[id].viewers).toEqual([]);
    expect(execution.finish().byKey['DriveApp.File.setOwner']).toBe(1);
  });

  it('refuses File.setOwner from an editor who is not the owner, changing nothing', () => {
    const { state, id } = setup();
    const { DriveApp } = session(state, bob.email);
    expect(failure(() => DriveApp.getFileById(id).setOwner(bob.email))).toMatchObject({
      name: 'Exception',
      message: 'Access denied: DriveApp.',
    });
    expect(state.drive[id].owner).toBe(alice.email);
  });

  it('refuses File.setOwner to someone outside the organisation', () => {
    const { state, id } = setup();
    const { DriveApp } = session(state, alice.email);
    expect(() => DriveApp.getFileById(id).setOwner('someone@example.com')).toThrow(
      'Access denied: DriveApp.'
    );
    expect(state.drive[id].owner).toBe(alice.email);
  });

  it('transfers with Permissions.create role owner and transferOwnership', () => {
    const { state, id } = setup();
    const { Drive, execution } = session(state, alice.email);
    const created = Drive.Permissions!.create(
      { role: 'owner', type: 'user', emailAddress: bob.email },
      id,
      { transferOwnership: true, fields: 'id,role,emailAddress' }
    );
    expect(created).toEqual({ id: 'user:bob@dfrr.gov.uk', role: 'owner', emailAddress: bob.email });
    expect(state.drive[id].owner).toBe(bob.email);
    expect(state.drive[id].editors).toEqual([alice.email]);
    const owners = Drive.Files!.get(id, { fields: 'owners(emailAddress)' }).owners;
    expect(owners).toEqual([{ emailAddress: bob.email }]);
    expect(execution.finish().byKey['Drive.Permissions.create']).toBe(1);
  });

  it('asks for transferOwnership before making anyone owner', () => {
    const { state, id } = setup();
    const { Drive } = session(state, alice.email);
    expect(
      failure(() =>
        Drive.Permissions!.create({ role: 'owner', type: 'user', emailAddress: bob.email }, id)
      )
    ).toEqual({
      name: 'GoogleJsonResponseException',
      message:
        "API call to drive.permissions.create failed with error: The transferOwnership parameter must be enabled when the permission role is 'owner'.",
      details: {
        code: 403,
        message:
          "The transferOwnership parameter must be enabled when the permission role is 'owner'.",
      },
    });
    expect(state.drive[id].owner).toBe(alice.email);
  });

  it('refuses an editor who is not the owner with insufficient permissions', () => {
    const { state, id } = setup();
    const { Drive } = session(state, bob.email);
    const error = failure(() =>
      Drive.Permissions!.create({ role: 'owner', type: 'user', emailAddress: carol.email }, id, {
        transferOwnership: true,
      })
    );
    expect(error.details).toEqual({
      code: 403,
      message: `The user does not have sufficient permissions for file ${id}.`,
    });
    expect(state.drive[id].owner).toBe(alice.email);
  });

  it('refuses a transfer outside the organisation', () => {
    const { state, id } = setup();
    const { Drive } = session(state, alice.email);
    const error = failure(() =>
      Drive.Permissions!.create(
        { role: 'owner', type: 'user', emailAddress: 'someone@example.com' },
        id,
        { transferOwnership: true }
      )
    );
    expect(error.message).toContain(
      'Ownership can only be transferred to another user in the same organization as the current owner.'
    );
    expect(state.drive[id].owner).toBe(alice.email);
  });
});
