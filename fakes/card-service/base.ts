// What every CardService object shares. Product code only ever holds the instrumented proxy of a
// fake (so every call is counted); fakes reach each other's state through `__target`, which the
// proxy passes through uncounted. Builders are local objects, not Workspace state: a card lives
// for one execution and leaves it as JSON through `cardToJson`.
import type { FakeContext } from '../core/context';
import { signatureMismatch } from './messages';

export abstract class CardObject {
  readonly __className: string;
  /** The raw object, readable through the proxy. */
  readonly __target: CardObject;
  /** The counted view; setters return it so chained calls are counted too. */
  readonly __proxy: unknown;
  /** For builders that hand out new objects (built cards, responses). */
  readonly __ctx: FakeContext;

  constructor(ctx: FakeContext, className: string) {
    this.__ctx = ctx;
    this.__className = className;
    this.__target = this;
    this.__proxy = ctx.wrap(this, `CardService.${className}`);
  }

  /** `CardService.TextInput.setValue`, as Apps Script names a method in its errors. */
  __method(name: string): string {
    return `CardService.${this.__className}.${name}`;
  }

  /** Returns the counted view, typed as the Apps Script interface the method promises. */
  __self<T>(): T {
    return this.__proxy as T;
  }

  /** Builders are opaque in Apps Script; this keeps JSON.stringify off the proxy's internals. */
  toJSON(): Record<string, never> {
    return {};
  }
}

/** The fake behind a value, if the value is one of ours (from any realm). */
export function unwrap(value: unknown): CardObject | undefined {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function'))
    return undefined;
  const target = (value as { __target?: unknown }).__target;
  if (target === null || typeof target !== 'object') return undefined;
  return typeof (target as CardObject).__className === 'string'
    ? (target as CardObject)
    : undefined;
}

/** The fake of one of the given classes behind `value`, or a signature mismatch naming `method`. */
export function argOf<T extends CardObject>(
  owner: CardObject,
  method: string,
  value: unknown,
  classNames: readonly string[]
): T {
  const target = unwrap(value);
  if (!target || !classNames.includes(target.__className)) {
    throw signatureMismatch([value], owner.__method(method));
  }
  return target as T;
}

export function argString(owner: CardObject, method: string, value: unknown): string {
  if (typeof value !== 'string') throw signatureMismatch([value], owner.__method(method));
  return value;
}

export function argBoolean(owner: CardObject, method: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw signatureMismatch([value], owner.__method(method));
  return value;
}

export function argNumber(owner: CardObject, method: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw signatureMismatch([value], owner.__method(method));
  }
  return value;
}

export function argInteger(owner: CardObject, method: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw signatureMismatch([value], owner.__method(method));
  }
  return value;
}

/** A value of one of our string enums (see enums.ts). */
export function argEnum(
  owner: CardObject,
  method: string,
  value: unknown,
  enumObject: object
): string {
  if (typeof value !== 'string' || (enumObject as Record<string, unknown>)[value] !== value) {
    throw signatureMismatch([value], owner.__method(method));
  }
  return value;
}

/** Copies only the fields that were set, so the JSON carries no `undefined` keys. */
export function defined<T extends object>(fields: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out as T;
}

/** `#rgb` or `#rrggbb` as google.type.Color channels in 0–1. */
export function hexColor(hex: string): { red: number; green: number; blue: number } | null {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(hex);
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  const parts = long ? long.slice(1) : short ? short.slice(1).map(c => c + c) : null;
  if (!parts) return null;
  const [red, green, blue] = parts.map(p => parseInt(p, 16) / 255);
  return { red, green, blue };
}

export function isNonEmpty(value: string | undefined): value is string {
  return typeof value === 'string' && value.length > 0;
}
