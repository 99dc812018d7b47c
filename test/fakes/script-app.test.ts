import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createScriptApp } from '../../fakes/script-app';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };

function start(state: WorkspaceState, user: string) {
  const execution = new Execution(state, { user, budgetMs: 360_000 });
  return { execution, ScriptApp: createScriptApp(createContext(state, execution)) };
}

describe('ScriptApp time-driven triggers', () => {
  it('stores a created trigger for the user who created it', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { execution, ScriptApp } = start(state, alice.email);
    const before = state.now;
    const trigger = ScriptApp.newTrigger('continueFiling').timeBased().everyHours(1).create();
    expect(trigger.getHandlerFunction()).toBe('continueFiling');
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(state.triggers).toEqual([
      {
        id: trigger.getUniqueId(),
        owner: alice.email,
        handlerFunction: 'continueFiling',
        eventType: 'CLOCK',
        schedule: { everyHours: 1 },
        createdAt: before + 300,
      },
    ]);
    expect(execution.snapshot().byKey['ScriptApp.TriggerBuilder.create']).toBe(1);
    expect(state.now - before).toBe(300);
  });

  it('stores a monthly trigger on a day of the month, and refuses a day that is not one', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { ScriptApp } = start(state, alice.email);
    ScriptApp.newTrigger('makeReport').timeBased().onMonthDay(1).atHour(8).create();
    expect(state.triggers[0].schedule).toEqual({ onMonthDay: 1, atHour: 8 });
    expect(() => ScriptApp.newTrigger('makeReport').timeBased().onMonthDay(32)).toThrow(
      'Invalid argument: day'
    );
  });

  it('refuses an add-on trigger that recurs more often than hourly', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { ScriptApp } = start(state, alice.email);
    const refusal = new Error(
      'The recurrence interval for an Add-on trigger must be at least one hour.'
    );
    expect(() => ScriptApp.newTrigger('poll').timeBased().everyMinutes(30).create()).toThrow(
      refusal
    );
    expect(() => ScriptApp.newTrigger('poll').timeBased().everyHours(0).create()).toThrow(refusal);
    expect(state.triggers).toEqual([]);
    ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(6).create();
    expect(state.triggers.map(t => t.schedule)).toEqual([{ everyDays: 1, atHour: 6 }]);
  });

  it('refuses a 21st trigger for one user but not a trigger of another user', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    const asAlice = start(state, alice.email).ScriptApp;
    for (let i = 0; i < 20; i++) asAlice.newTrigger(`job${i}`).timeBased().everyHours(6).create();
    expect(() => asAlice.newTrigger('job20').timeBased().everyHours(6).create()).toThrow(
      new Error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.'
      )
    );
    expect(state.triggers).toHaveLength(20);
    start(state, bob.email).ScriptApp.newTrigger('bobJob').timeBased().everyHours(6).create();
    expect(state.triggers).toHaveLength(21);
  });

  it("lists only the current user's triggers", () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    start(state, alice.email).ScriptApp.newTrigger('aliceJob').timeBased().everyHours(2).create();
    start(state, bob.email).ScriptApp.newTrigger('bobJob').timeBased().everyHours(2).create();
    const listed = start(state, bob.email).ScriptApp.getProjectTriggers();
    expect(listed.map(t => t.getHandlerFunction())).toEqual(['bobJob']);
  });

  it('deletes a trigger so it is no longer listed or stored', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { ScriptApp } = start(state, alice.email);
    ScriptApp.newTrigger('keep').timeBased().everyHours(1).create();
    const gone = ScriptApp.newTrigger('drop').timeBased().everyHours(1).create();
    ScriptApp.deleteTrigger(gone);
    expect(ScriptApp.getProjectTriggers().map(t => t.getHandlerFunction())).toEqual(['keep']);
    expect(state.triggers.map(t => t.handlerFunction)).toEqual(['keep']);
  });
});
