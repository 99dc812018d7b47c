import * as vm from 'node:vm';
import { installFakes, NOT_EMULATED } from '../../fakes';
import { createWorkspaceState, DEFAULT_EPOCH } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };

/** One execution in a fresh V8 context, as the harness runs the bundle. */
function sandbox(state: WorkspaceState, log?: (line: string) => void) {
  const globals: Record<string, unknown> = {};
  const execution = installFakes(globals, state, { user: alice.email, log });
  const context = vm.createContext(globals);
  const run = (code: string): unknown => vm.runInContext(code, context);
  return { execution, run };
}

describe('installFakes: the virtual clock', () => {
  it('gives the Workspace clock to new Date() and Date.now()', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { run } = sandbox(state);
    expect(run('Date.now()')).toBe(DEFAULT_EPOCH);
    expect(run('new Date().getTime()')).toBe(DEFAULT_EPOCH);
    expect(run('new Date().toISOString()')).toBe('2017-01-02T09:00:00.000Z');
  });

  it('moves with the modelled time of service calls and sleeps', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { run } = sandbox(state);
    run('Utilities.sleep(1500)');
    expect(run('Date.now()')).toBe(DEFAULT_EPOCH + 1500);
    run("PropertiesService.getScriptProperties().getProperty('x')");
    expect(run('new Date().getTime()')).toBe(DEFAULT_EPOCH + 1500 + 30);
  });

  it('still builds explicit dates and answers instanceof and the static helpers', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { run } = sandbox(state);
    expect(run('new Date(Date.UTC(2017, 6, 1, 12)).toISOString()')).toBe(
      '2017-07-01T12:00:00.000Z'
    );
    expect(run("new Date('2017-04-01T00:00:00Z').getTime()")).toBe(Date.UTC(2017, 3, 1));
    expect(run("Date.parse('2017-04-01T00:00:00Z')")).toBe(Date.UTC(2017, 3, 1));
    expect(run('new Date() instanceof Date')).toBe(true);
    expect(run('typeof Date()')).toBe('string');
    expect(run('new Date(Date()).getTime()')).toBe(DEFAULT_EPOCH);
  });

  it('lets formatDate take a date made in the sandbox', () => {
    const state = createWorkspaceState({ users: [alice], now: Date.UTC(2017, 6, 1, 12) });
    const { run } = sandbox(state);
    expect(run("Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'HH:mm')")).toBe(
      '13:00'
    );
  });
});

describe('installFakes: console and Logger', () => {
  it("writes each line to the execution's log with its level", () => {
    const state = createWorkspaceState({ users: [alice] });
    const { execution, run } = sandbox(state);
    run("console.log('filed', 3, { id: 'r1' }, undefined)");
    run("console.info('info')");
    run("console.warn('careful')");
    run("Logger.log('from Logger')");
    run("console.error(new Error('boom'))");
    expect(execution.log.slice(0, 4)).toEqual([
      'INFO filed 3 {"id":"r1"} undefined',
      'INFO info',
      'WARNING careful',
      'INFO from Logger',
    ]);
    expect(execution.log[4]).toMatch(/^ERROR Error: boom\n\s+at /);
  });

  it('keeps the last 500 lines in the Workspace and passes each line to the log option', () => {
    const state = createWorkspaceState({ users: [alice] });
    const lines: string[] = [];
    const { run } = sandbox(state, line => lines.push(line));
    run('for (let i = 0; i < 510; i++) console.log(i)');
    expect(lines).toHaveLength(510);
    expect(state.log).toHaveLength(500);
    expect(state.log[0]).toBe('INFO 10');
    expect(state.log[499]).toBe('INFO 509');
  });
});

describe('installFakes: services', () => {
  it('names a service the fakes do not emulate when the script uses it', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { run } = sandbox(state);
    expect(NOT_EMULATED).toContain('MailApp');
    expect(() => run("MailApp.sendEmail('a@b', 's', 'b')")).toThrow(
      'not emulated: MailApp.sendEmail'
    );
    expect(() => run('CalendarApp.getDefaultCalendar()')).toThrow(
      'not emulated: CalendarApp.getDefaultCalendar'
    );
    // Serialising or awaiting the placeholder is not a use of the service.
    expect(run('JSON.stringify(MailApp)')).toBe('{}');
    expect(run('typeof MailApp.then')).toBe('undefined');
  });

  it('gives each execution fresh services over the same stored data', () => {
    const state = createWorkspaceState({ users: [alice] });
    const first = sandbox(state);
    first.run("PropertiesService.getScriptProperties().setProperty('seq', '7')");
    first.run("CacheService.getScriptCache().put('k', 'v')");
    first.execution.finish();
    const second = sandbox(state);
    expect(second.run("PropertiesService.getScriptProperties().getProperty('seq')")).toBe('7');
    expect(second.run("CacheService.getScriptCache().get('k')")).toBe('v');
    expect(second.execution.snapshot().byKey['PropertiesService.Properties.getProperty']).toBe(1);
    expect(first.execution.snapshot().byKey['PropertiesService.Properties.getProperty']).toBe(
      undefined
    );
  });

  it('releases a lock left held when the execution finishes', () => {
    const state = createWorkspaceState({ users: [alice] });
    const first = sandbox(state);
    expect(first.run('LockService.getScriptLock().tryLock(1000)')).toBe(true);
    first.execution.finish();
    expect(sandbox(state).run('LockService.getScriptLock().tryLock(0)')).toBe(true);
  });
});
