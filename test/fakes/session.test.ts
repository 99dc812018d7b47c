import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createSession } from '../../fakes/session';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };

function start(state: WorkspaceState, user: string) {
  const execution = new Execution(state, { user });
  return { execution, Session: createSession(createContext(state, execution)) };
}

describe('Session', () => {
  it('names the user running each execution', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    expect(start(state, alice.email).Session.getActiveUser().getEmail()).toBe(alice.email);
    expect(start(state, bob.email).Session.getActiveUser().getEmail()).toBe(bob.email);
    expect(start(state, bob.email).Session.getEffectiveUser().getEmail()).toBe(bob.email);
  });

  it("reports the script's time zone as Europe/London", () => {
    const state = createWorkspaceState({ users: [alice] });
    expect(start(state, alice.email).Session.getScriptTimeZone()).toBe('Europe/London');
  });

  it('counts the user lookup and the email read as separate calls', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { execution, Session } = start(state, alice.email);
    const before = state.now;
    Session.getActiveUser().getEmail();
    Session.getScriptTimeZone();
    const counts = execution.snapshot();
    expect(counts.byKey['Session.getActiveUser']).toBe(1);
    expect(counts.byKey['Session.User.getEmail']).toBe(1);
    expect(counts.byKey['Session.getScriptTimeZone']).toBe(1);
    expect(state.now - before).toBe(20 + 5);
  });
});
