// Utilities: digests, base64, dates, UUIDs, blobs and sleep (which only advances the clock).
import { md5 } from '@noble/hashes/legacy';
import { sha1 } from '@noble/hashes/legacy';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2';
import { FakeBlob } from '../core/blob';
import { base64Decode, base64Encode, toSigned, toUnsigned, utf8Encode } from '../core/bytes';
import type { FakeContext } from '../core/context';
import { isDate } from '../core/context';
import { formatDate } from './format-date';

export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;

export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

const DIGESTS: Record<string, (data: Uint8Array) => Uint8Array> = {
  MD5: md5,
  SHA_1: sha1,
  SHA_256: sha256,
  SHA_384: sha384,
  SHA_512: sha512,
};

function bytesOf(value: unknown): Uint8Array {
  if (typeof value === 'string') return utf8Encode(value);
  if (Array.isArray(value)) return toUnsigned(value as number[]);
  throw new Error('Invalid argument: value');
}

export function createUtilities(ctx: FakeContext): GoogleAppsScript.Utilities.Utilities {
  let uuidCounter = 0;
  const methods = {
    // The charset argument only matters for non-UTF-8 strings, which the product never digests.
    computeDigest(
      algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
      value: unknown,
      _charset?: GoogleAppsScript.Utilities.Charset
    ): number[] {
      // The enum's values are their names at run time.
      const digest = DIGESTS[String(algorithm)];
      if (!digest) throw new Error(`Invalid argument: algorithm`);
      const bytes = bytesOf(value);
      ctx.execution.units(bytes.length / 1024);
      return toSigned(digest(bytes));
    },
    base64Encode: (data: unknown) => base64Encode(bytesOf(data)),
    base64EncodeWebSafe: (data: unknown) =>
      base64Encode(bytesOf(data)).replace(/\+/g, '-').replace(/\//g, '_'),
    base64Decode: (encoded: string) => toSigned(base64Decode(encoded)),
    base64DecodeWebSafe: (encoded: string) => toSigned(base64Decode(encoded)),
    formatDate(date: Date, timeZone: string, format: string): string {
      if (!isDate(date)) throw new Error('Invalid argument: date');
      return formatDate(date, timeZone, format);
    },
    formatString(template: string, ...args: unknown[]): string {
      let i = 0;
      return template.replace(/%[sd]/g, () => String(args[i++]));
    },
    getUuid(): string {
      // Deterministic per state so runs repeat; shaped as a version-4 UUID.
      const n = (ctx.state.nextId++ * 2654435761 + ++uuidCounter) >>> 0;
      const hex = (n.toString(16) + '0'.repeat(32)).slice(0, 32);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
    sleep(milliseconds: number): void {
      ctx.execution.advance(milliseconds);
    },
  } satisfies Pick<
    GoogleAppsScript.Utilities.Utilities,
    | 'computeDigest'
    | 'base64Encode'
    | 'base64EncodeWebSafe'
    | 'base64Decode'
    | 'base64DecodeWebSafe'
    | 'formatDate'
    | 'formatString'
    | 'getUuid'
    | 'sleep'
  >;
  const service = {
    ...methods,
    DigestAlgorithm,
    Charset,
    newBlob(data: unknown, contentType?: string, name?: string) {
      return FakeBlob.create(ctx, bytesOf(data ?? ''), contentType ?? null, name ?? null);
    },
  };
  return ctx.wrap(service, 'Utilities') as unknown as GoogleAppsScript.Utilities.Utilities;
}
