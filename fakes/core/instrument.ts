// Wraps a fake so that every method call is counted (and charged to the virtual clock) under
// `Service.Class.method`, and so that a member Apps Script has but the fakes do not emulate fails
// with a clear "not emulated" error instead of `undefined is not a function`.
import type { Execution } from './execution';

export class NotEmulatedError extends Error {}

/** Members every object answers without being a service call. */
const PASS_THROUGH = new Set<PropertyKey>(['toJSON', 'then', 'constructor', 'toString', 'valueOf']);

/**
 * Returns a proxy of `target` that records each method call on `execution`. Methods run with the
 * raw object as `this`, so a fake's internal calls to its own methods are not counted twice.
 */
export function instrument<T extends object>(
  target: T,
  className: string,
  execution: Execution
): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === 'symbol' || PASS_THROUGH.has(prop) || prop.startsWith('__')) {
        return Reflect.get(obj, prop, receiver);
      }
      const value = Reflect.get(obj, prop, obj);
      if (value === undefined && !(prop in obj)) {
        throw new NotEmulatedError(`not emulated: ${className}.${prop}`);
      }
      if (typeof value !== 'function') return value;
      const key = `${className}.${prop}`;
      return function (this: unknown, ...args: unknown[]) {
        execution.record(key);
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
    set(obj, prop, value) {
      if (typeof prop === 'string' && !prop.startsWith('__') && !(prop in obj)) {
        throw new TypeError(
          `Cannot set ${className}.${prop}: Apps Script objects have no writable fields`
        );
      }
      return Reflect.set(obj, prop, value);
    },
  });
}
