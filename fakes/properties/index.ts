// PropertiesService: strings only, 9 KB per value, 500 KB per store (platform-facts §1.1).
import type { FakeContext } from '../core/context';
import { utf8Encode } from '../core/bytes';
import { MESSAGES } from '../core/errors';

export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

type PropertiesApi = Pick<
  GoogleAppsScript.Properties.Properties,
  | 'getProperty'
  | 'getProperties'
  | 'getKeys'
  | 'setProperty'
  | 'setProperties'
  | 'deleteProperty'
  | 'deleteAllProperties'
>;

type PropertiesView = GoogleAppsScript.Properties.Properties;

class FakeProperties implements PropertiesApi {
  /** The instrumented view, returned by the setters so chained calls are counted too. */
  __view!: PropertiesView;

  constructor(private store: () => Record<string, string>) {}

  getProperty(key: string): string | null {
    const store = this.store();
    return Object.prototype.hasOwnProperty.call(store, key) ? store[key] : null;
  }
  getProperties(): { [key: string]: string } {
    return { ...this.store() };
  }
  getKeys(): string[] {
    return Object.keys(this.store());
  }
  setProperty(key: string, value: string): PropertiesView {
    this.write({ [key]: String(value) }, false);
    return this.__view;
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): PropertiesView {
    const strings: Record<string, string> = {};
    for (const key of Object.keys(properties)) strings[key] = String(properties[key]);
    this.write(strings, !!deleteAllOthers);
    return this.__view;
  }
  deleteProperty(key: string): PropertiesView {
    delete this.store()[key];
    return this.__view;
  }
  deleteAllProperties(): PropertiesView {
    const store = this.store();
    for (const key of Object.keys(store)) delete store[key];
    return this.__view;
  }

  private write(values: Record<string, string>, replace: boolean): void {
    for (const key of Object.keys(values)) {
      if (utf8Encode(values[key]).length > MAX_PROPERTY_VALUE_BYTES) {
        throw new Error(MESSAGES.propertyValueTooLarge);
      }
    }
    const next = replace ? { ...values } : { ...this.store(), ...values };
    let total = 0;
    for (const key of Object.keys(next))
      total += utf8Encode(key).length + utf8Encode(next[key]).length;
    if (total > MAX_PROPERTY_STORE_BYTES) throw new Error(MESSAGES.propertyStoreFull);
    const store = this.store();
    if (replace) for (const key of Object.keys(store)) delete store[key];
    Object.assign(store, values);
  }
}

export function createPropertiesService(
  ctx: FakeContext
): GoogleAppsScript.Properties.PropertiesService {
  const props = ctx.state.properties;
  const view = (store: () => Record<string, string>) => {
    const properties = new FakeProperties(store);
    properties.__view = ctx.wrap(
      properties,
      'PropertiesService.Properties'
    ) as unknown as PropertiesView;
    return properties.__view as unknown as PropertiesApi;
  };
  const service = {
    getScriptProperties: () => view(() => props.script),
    getUserProperties: () => view(() => (props.user[ctx.user] ??= {})),
    // Standalone scripts (Workspace add-ons) have no document properties.
    getDocumentProperties: () => null,
  } satisfies Record<
    keyof Pick<
      GoogleAppsScript.Properties.PropertiesService,
      'getScriptProperties' | 'getUserProperties' | 'getDocumentProperties'
    >,
    () => PropertiesApi | null
  >;
  return ctx.wrap(
    service,
    'PropertiesService'
  ) as unknown as GoogleAppsScript.Properties.PropertiesService;
}
