import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createPropertiesService } from '../../fakes/properties';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };

const VALUE_TOO_LARGE = new Error('Argument too large: value');
const STORE_FULL = new Error(
  'You have exceeded the property storage quota. Please remove some properties and try again.'
);

function start(state: WorkspaceState, user: string) {
  const execution = new Execution(state, { user });
  return {
    execution,
    PropertiesService: createPropertiesService(createContext(state, execution)),
  };
}

describe('PropertiesService', () => {
  it('returns null for a key never set and the stored string otherwise', () => {
    const state = createWorkspaceState({ users: [alice] });
    const props = start(state, alice.email).PropertiesService.getScriptProperties();
    expect(props.getProperty('records-capture.config')).toBeNull();
    props.setProperty('records-capture.config', '{"registerId":"abc"}');
    expect(props.getProperty('records-capture.config')).toBe('{"registerId":"abc"}');
    expect(props.getProperty('toString')).toBeNull();
  });

  it('stores every value as a string', () => {
    const state = createWorkspaceState({ users: [alice] });
    const props = start(state, alice.email).PropertiesService.getScriptProperties();
    props.setProperty('n', 5 as unknown as string);
    props.setProperties({ flag: true as unknown as string });
    expect(props.getProperty('n')).toBe('5');
    expect(props.getProperty('flag')).toBe('true');
    expect(state.properties.script).toEqual({ n: '5', flag: 'true' });
  });

  it('hands out copies from getProperties, never a live view', () => {
    const state = createWorkspaceState({ users: [alice] });
    const props = start(state, alice.email).PropertiesService.getScriptProperties();
    props.setProperty('a', '1');
    const all = props.getProperties();
    all.a = 'changed';
    all.b = 'added';
    expect(props.getProperty('a')).toBe('1');
    expect(props.getKeys()).toEqual(['a']);
  });

  it('keeps script properties for every user and user properties for their user only', () => {
    const state = createWorkspaceState({ users: [alice, bob] });
    const asAlice = start(state, alice.email).PropertiesService;
    asAlice.getScriptProperties().setProperty('shared', 'yes');
    asAlice.getUserProperties().setProperty('records-capture.preferences', 'alice');

    const asBob = start(state, bob.email).PropertiesService;
    expect(asBob.getScriptProperties().getProperty('shared')).toBe('yes');
    expect(asBob.getUserProperties().getProperty('records-capture.preferences')).toBeNull();
    asBob.getUserProperties().setProperty('records-capture.preferences', 'bob');
    expect(
      start(state, alice.email)
        .PropertiesService.getUserProperties()
        .getProperty('records-capture.preferences')
    ).toBe('alice');
  });

  it('refuses a value over 9 KB (UTF-8 bytes) and keeps the old value', () => {
    const state = createWorkspaceState({ users: [alice] });
    const props = start(state, alice.email).PropertiesService.getScriptProperties();
    props.setProperty('k', 'x'.repeat(9 * 1024));
    expect(props.getProperty('k')).toHaveLength(9216);
    expect(() => props.setProperty('k', 'y'.repeat(9 * 1024 + 1))).toThrow(VALUE_TOO_LARGE);
    // 4,609 characters, but 9,218 bytes once encoded.
    expect(() => props.setProperty('k', 'é'.repeat(4609))).toThrow(VALUE_TOO_LARGE);
    expect(() => props.setProperties({ ok: '1', big: 'z'.repeat(9217) })).toThrow(VALUE_TOO_LARGE);
    expect(props.getProperty('k')).toBe('x'.repeat(9216));
    expect(props.getProperty('ok')).toBeNull();
  });

  it('refuses a write that takes the store past 500 KB of keys and values', () => {
    const state = createWorkspaceState({ users: [alice] });
    const props = start(state, alice.email).PropertiesService.getScriptProperties();
    const value = 'v'.repeat(9000);
    // 56 entries of 9,003 bytes (three-byte key plus value) take 504,168 of 512,000 bytes.
    for (let i = 10; i < 66; i++) props.setProperty(`k${i}`, value);
    expect(() => props.setProperty('k66', value)).toThrow(STORE_FULL);
    expect(props.getProperty('k66')).toBeNull();
    // Exactly full is allowed; one more byte is not.
    props.setProperty('k66', 'v'.repeat(7829));
    expect(() => props.setProperty('k67', '')).toThrow(STORE_FULL);
    // Overwriting counts the new value in place of the old one (frees 8,995 bytes).
    props.setProperty('k10', 'short');
    props.setProperty('k67', 'v'.repeat(8992));
    expect(props.getKeys()).toHaveLength(58);
  });

  it('replaces the whole store with setProperties(values, true)', () => {
    const state = createWorkspaceState({ users: [alice] });
    const props = start(state, alice.email).PropertiesService.getUserProperties();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ c: '3' }, true);
    expect(props.getProperties()).toEqual({ c: '3' });
    props.setProperties({ d: '4' });
    expect(props.getProperties()).toEqual({ c: '3', d: '4' });
  });

  it('deletes one property or all of them', () => {
    const state = createWorkspaceState({ users: [alice] });
    const props = start(state, alice.email).PropertiesService.getScriptProperties();
    props.setProperties({ a: '1', b: '2', c: '3' });
    props.deleteProperty('b');
    expect(props.getKeys()).toEqual(['a', 'c']);
    props.deleteAllProperties();
    expect(props.getProperties()).toEqual({});
  });

  it('keeps values in the shared state, so a later execution reads them', () => {
    const state = createWorkspaceState({ users: [alice] });
    start(state, alice.email).PropertiesService.getScriptProperties().setProperty('seq', '41');
    const later = start(state, alice.email).PropertiesService.getScriptProperties();
    expect(later.getProperty('seq')).toBe('41');
  });

  it('counts and charges each call, including calls chained on a setter', () => {
    const state = createWorkspaceState({ users: [alice] });
    const { execution, PropertiesService } = start(state, alice.email);
    const props = PropertiesService.getScriptProperties();
    const before = state.now;
    props.setProperty('a', '1').setProperty('b', '2').deleteProperty('a');
    props.getProperty('b');
    const counts = execution.snapshot();
    expect(counts.byKey['PropertiesService.Properties.setProperty']).toBe(2);
    expect(counts.byKey['PropertiesService.Properties.deleteProperty']).toBe(1);
    expect(counts.byKey['PropertiesService.Properties.getProperty']).toBe(1);
    expect(state.now - before).toBe(62 + 62 + 62 + 30);
  });

  it('has no document properties in an add-on without a containing document', () => {
    const state = createWorkspaceState({ users: [alice] });
    expect(start(state, alice.email).PropertiesService.getDocumentProperties()).toBeNull();
  });
});
