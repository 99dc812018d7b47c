import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';

describe('execution accounting', () => {
  const user = { email: 'alice@dfrr.gov.uk', name: 'Alice' };

  it('counts each call by key and charges its modelled latency to the virtual clock', () => {
    const state = createWorkspaceState({ users: [user] });
    const execution = new Execution(state, { user: user.email });
    const ctx = createContext(state, execution);
    const props = ctx.wrap(
      { getProperty: (k: string) => `v-${k}` },
      'PropertiesService.Properties'
    );
    const before = state.now;
    expect(props.getProperty('a')).toBe('v-a');
    props.getProperty('b');
    const counts = execution.finish();
    expect(counts.byKey['PropertiesService.Properties.getProperty']).toBe(2);
    expect(counts.serviceCalls).toBe(2);
    expect(state.now - before).toBe(60);
  });

  it('names a member the fakes do not emulate instead of failing obscurely', () => {
    const state = createWorkspaceState({ users: [user] });
    const ctx = createContext(state, new Execution(state, { user: user.email }));
    const obj = ctx.wrap({ known: () => 1 } as Record<string, unknown>, 'DriveApp.File');
    expect(() => (obj.unknownMethod as () => void)()).toThrow(
      'not emulated: DriveApp.File.unknownMethod'
    );
  });

  it('throws an injected fault after letting the chosen number of calls through', () => {
    const state = createWorkspaceState({ users: [user] });
    state.faults.push({
      key: 'X.Y.z',
      message: 'Service invoked too many times',
      skip: 1,
      times: 1,
    });
    const ctx = createContext(state, new Execution(state, { user: user.email }));
    const obj = ctx.wrap({ z: () => 'ok' }, 'X.Y');
    expect(obj.z()).toBe('ok');
    expect(() => obj.z()).toThrow('Service invoked too many times');
    expect(obj.z()).toBe('ok');
  });

  it('stops an execution that runs past its time budget', () => {
    const state = createWorkspaceState({ users: [user] });
    const execution = new Execution(state, { user: user.email, budgetMs: 1000 });
    expect(() => execution.advance(1001)).toThrow('Exceeded maximum execution time');
  });
});
