// Values larger than one script property, saved in pieces, against the PropertiesService fake
// (which refuses a value over 9 KB and a store over 500 KB, as Apps Script does).
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createPropertiesService } from '../../fakes/properties';
import {
  deleteLargeJson,
  MAX_LARGE_JSON_CHARS,
  PIECE_CHARS,
  readLargeJson,
  saveLargeJson,
} from '../../src/adapters/properties';

const DRO = { email: 'dro@dfrr.gov.uk', name: 'DRO' };
const KEY = 'records-capture.leaver-sweep';

function scriptProperties(state: WorkspaceState) {
  const execution = new Execution(state, { user: DRO.email });
  const store = createPropertiesService(createContext(state, execution)).getScriptProperties();
  return { store, calls: () => execution.snapshot().byKey };
}

/** A queue of folders with names in Welsh and with emoji: multi-byte characters. */
function queue(folders: number) {
  return Array.from({ length: folders }, (_, i) => ({
    id: `1folder${String(i).padStart(26, '0')}`,
    name: `Ffolder ${i}: Ŵyl y Gwanwyn 📁`,
  }));
}

describe('large values in script properties', () => {
  it('saves a value of many pieces in one call and reads it back whole in one call', () => {
    const state = createWorkspaceState({ users: [DRO] });
    const { store, calls } = scriptProperties(state);
    const value = { sweepId: 'LVS-1', queue: queue(1_000) };
    saveLargeJson(store, KEY, value);
    const pieces = Object.keys(state.properties.script).filter(k => k.startsWith(`${KEY}#`));
    expect(pieces.length).toBeGreaterThan(5);
    expect(state.properties.script[KEY]).toBe(String(pieces.length));
    for (const key of pieces) {
      expect(state.properties.script[key].length).toBeLessThanOrEqual(PIECE_CHARS);
      expect(Buffer.byteLength(state.properties.script[key], 'utf8')).toBeLessThanOrEqual(9 * 1024);
    }
    expect(readLargeJson(store, KEY)).toEqual(value);
    expect(calls()).toEqual({
      'PropertiesService.getScriptProperties': 1,
      'PropertiesService.Properties.setProperties': 1,
      'PropertiesService.Properties.getProperties': 1,
    });
  });

  it('reads a shorter value saved over a longer one, its unused pieces blanked', () => {
    const state = createWorkspaceState({ users: [DRO] });
    const { store } = scriptProperties(state);
    saveLargeJson(store, KEY, { queue: queue(500) });
    const before = Number(state.properties.script[KEY]);
    saveLargeJson(store, KEY, { queue: queue(2) });
    expect(state.properties.script[KEY]).toBe('1');
    expect(state.properties.script[`${KEY}#${before - 1}`]).toBe('');
    expect(readLargeJson(store, KEY)).toEqual({ queue: queue(2) });
  });

  it('reads a value saved whole in one property, as earlier versions saved it', () => {
    const state = createWorkspaceState({ users: [DRO] });
    const { store } = scriptProperties(state);
    store.setProperty(KEY, JSON.stringify({ sweepId: 'LVS-0', queue: ['a'] }));
    expect(readLargeJson(store, KEY)).toEqual({ sweepId: 'LVS-0', queue: ['a'] });
  });

  it('has nothing to read when a value is missing, or a piece of it is', () => {
    const state = createWorkspaceState({ users: [DRO] });
    const { store } = scriptProperties(state);
    expect(readLargeJson(store, KEY)).toBeNull();
    saveLargeJson(store, KEY, { queue: queue(300) });
    delete state.properties.script[`${KEY}#1`];
    expect(readLargeJson(store, KEY)).toBeNull();
  });

  it('refuses a value larger than half the store, and keeps the one saved before', () => {
    const state = createWorkspaceState({ users: [DRO] });
    const { store } = scriptProperties(state);
    saveLargeJson(store, KEY, { queue: queue(3) });
    const huge = { queue: queue(6_000) };
    expect(() => saveLargeJson(store, KEY, huge)).toThrow(
      new RegExp(
        `^${KEY} is too large to keep \\(\\d+ characters; at most ${MAX_LARGE_JSON_CHARS}\\)$`
      )
    );
    expect(readLargeJson(store, KEY)).toEqual({ queue: queue(3) });
  });

  it('deletes the value and every piece, leaving other settings alone', () => {
    const state = createWorkspaceState({ users: [DRO] });
    const { store } = scriptProperties(state);
    store.setProperty('records-capture.config', '{}');
    saveLargeJson(store, KEY, { queue: queue(500) });
    saveLargeJson(store, KEY, { queue: [] });
    deleteLargeJson(store, KEY);
    expect(state.properties.script).toEqual({ 'records-capture.config': '{}' });
    expect(readLargeJson(store, KEY)).toBeNull();
  });
});
