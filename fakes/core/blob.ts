// Blob, as Utilities.newBlob, File.getBlob and friends return it. Content is held as bytes;
// Apps Script refuses blobs of 50 MB and more.
import type { FakeContext } from './context';
import { base64Encode, toSigned, toUnsigned, utf8Decode, utf8Encode } from './bytes';

export const MAX_BLOB_BYTES = 50 * 1024 * 1024;

type BlobApi = Pick<
  GoogleAppsScript.Base.Blob,
  | 'getBytes'
  | 'getDataAsString'
  | 'getContentType'
  | 'getName'
  | 'setName'
  | 'setContentType'
  | 'setBytes'
  | 'setDataFromString'
  | 'copyBlob'
  | 'isGoogleType'
  | 'getBlob'
  | 'getAs'
>;

export class FakeBlob implements BlobApi {
  constructor(
    private ctx: FakeContext,
    private bytes: Uint8Array,
    private contentType: string | null,
    private name: string | null
  ) {
    if (bytes.length >= MAX_BLOB_BYTES) {
      throw new Error(
        `Blob too large: ${bytes.length} bytes; the limit is ${MAX_BLOB_BYTES} bytes.`
      );
    }
  }

  static create(
    ctx: FakeContext,
    bytes: Uint8Array,
    contentType: string | null,
    name: string | null
  ) {
    const raw = new FakeBlob(ctx, bytes, contentType, name);
    const wrapped = ctx.wrap(raw, 'Utilities.Blob');
    raw.view = wrapped as unknown as GoogleAppsScript.Base.Blob;
    return wrapped;
  }

  /** The counted view of this blob, so chained setters are counted too. */
  private view: GoogleAppsScript.Base.Blob | null = null;

  private self(): GoogleAppsScript.Base.Blob {
    return this.view ?? (this as unknown as GoogleAppsScript.Base.Blob);
  }

  getBytes(): GoogleAppsScript.Byte[] {
    return toSigned(this.bytes);
  }
  getDataAsString(charset?: string): string {
    if (charset && !/^utf-?8$/i.test(charset)) {
      let out = '';
      for (const b of this.bytes) out += String.fromCharCode(b);
      return out;
    }
    return utf8Decode(this.bytes);
  }
  getContentType(): string | null {
    return this.contentType;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): GoogleAppsScript.Base.Blob {
    this.name = name;
    return this.self();
  }
  setContentType(contentType: string | null): GoogleAppsScript.Base.Blob {
    this.contentType = contentType;
    return this.self();
  }
  setBytes(data: GoogleAppsScript.Byte[]): GoogleAppsScript.Base.Blob {
    this.bytes = toUnsigned(data);
    return this.self();
  }
  setDataFromString(text: string): GoogleAppsScript.Base.Blob {
    this.bytes = utf8Encode(text);
    return this.self();
  }
  copyBlob(): GoogleAppsScript.Base.Blob {
    return FakeBlob.create(
      this.ctx,
      this.bytes.slice(),
      this.contentType,
      this.name
    ) as unknown as GoogleAppsScript.Base.Blob;
  }
  isGoogleType(): boolean {
    return (this.contentType ?? '').startsWith('application/vnd.google-apps.');
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.self();
  }
  /** Conversion to PDF keeps the text and renames the extension, as Apps Script does. */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType !== 'application/pdf') {
      throw new Error(`Converting from ${this.contentType} to ${contentType} is not supported.`);
    }
    const base = (this.name ?? 'Untitled').replace(/\.[^.]*$/, '');
    return FakeBlob.create(
      this.ctx,
      this.bytes.slice(),
      'application/pdf',
      `${base}.pdf`
    ) as unknown as GoogleAppsScript.Base.Blob;
  }

  /** Raw access for other fakes (not an Apps Script method; never counted). */
  __bytes(): Uint8Array {
    return this.bytes;
  }
  __base64(): string {
    return base64Encode(this.bytes);
  }
}
