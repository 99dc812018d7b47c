// Byte conversions sized for whole mail messages (tens of MB): typed arrays filled in place and
// strings built in chunks, where the shared helpers in core/bytes.ts grow plain arrays.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;
// Base64url as well, as the Gmail API writes it.
B64_VALUE['-'.charCodeAt(0)] = 62;
B64_VALUE['_'.charCodeAt(0)] = 63;

const CHUNK = 0x3000;

function fromCodes(codes: ArrayLike<number>): string {
  return String.fromCharCode.apply(null, codes as unknown as number[]);
}

export function bytesToBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  const codes = new Uint16Array((CHUNK / 3) * 4);
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    let o = 0;
    for (let i = start; i < end; i += 3) {
      const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
      codes[o++] = B64.charCodeAt((n >> 18) & 63);
      codes[o++] = B64.charCodeAt((n >> 12) & 63);
      codes[o++] = i + 1 < end ? B64.charCodeAt((n >> 6) & 63) : 61;
      codes[o++] = i + 2 < end ? B64.charCodeAt(n & 63) : 61;
    }
    pieces.push(fromCodes(codes.subarray(0, o)));
  }
  return pieces.join('');
}

/** Decodes base64 or base64url, skipping line breaks and padding. */
export function base64ToBytes(text: string): Uint8Array {
  let valid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && B64_VALUE[c] >= 0) valid++;
  }
  const out = new Uint8Array(Math.floor((valid * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64_VALUE[c] : -1;
    if (v < 0) continue;
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/** Decoded length of a base64 text without decoding it. */
export function base64Size(text: string): number {
  let valid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && B64_VALUE[c] >= 0) valid++;
  }
  return Math.floor((valid * 3) / 4);
}

export function stringToUtf8(text: string): Uint8Array {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) length += 1;
    else if (c < 0x800) length += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      length += 4;
      i++;
    } else length += 3;
  }
  const out = new Uint8Array(length);
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[o++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      out[o++] = 0xf0 | (c >> 18);
      out[o++] = 0x80 | ((c >> 12) & 63);
      out[o++] = 0x80 | ((c >> 6) & 63);
      out[o++] = 0x80 | (c & 63);
    } else if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 63);
    } else {
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 63);
      out[o++] = 0x80 | (c & 63);
    }
  }
  return out;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** UTF-8 to text; a byte that does not start a valid sequence becomes U+FFFD. */
export function utf8ToString(bytes: Uint8Array): string {
  const pieces: string[] = [];
  const codes = new Uint16Array(CHUNK + 2);
  let o = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    let code = 0xfffd;
    let size = 1;
    if (b < 0x80) code = b;
    else if (b >= 0xc2 && b < 0xe0 && isContinuation(bytes[i + 1])) {
      code = ((b & 31) << 6) | (bytes[i + 1] & 63);
      size = 2;
    } else if (
      b >= 0xe0 &&
      b < 0xf0 &&
      isContinuation(bytes[i + 1]) &&
      isContinuation(bytes[i + 2])
    ) {
      code = ((b & 15) << 12) | ((bytes[i + 1] & 63) << 6) | (bytes[i + 2] & 63);
      size = 3;
    } else if (
      b >= 0xf0 &&
      b < 0xf5 &&
      isContinuation(bytes[i + 1]) &&
      isContinuation(bytes[i + 2]) &&
      isContinuation(bytes[i + 3])
    ) {
      code =
        ((b & 7) << 18) |
        ((bytes[i + 1] & 63) << 12) |
        ((bytes[i + 2] & 63) << 6) |
        (bytes[i + 3] & 63);
      size = 4;
    }
    i += size;
    if (code > 0xffff) {
      code -= 0x10000;
      codes[o++] = 0xd800 + (code >> 10);
      codes[o++] = 0xdc00 + (code & 1023);
    } else codes[o++] = code;
    if (o >= CHUNK) {
      pieces.push(fromCodes(codes.subarray(0, o)));
      o = 0;
    }
  }
  pieces.push(fromCodes(codes.subarray(0, o)));
  return pieces.join('');
}

function isContinuation(b: number | undefined): boolean {
  return b !== undefined && (b & 0xc0) === 0x80;
}

/** One character per byte (ISO-8859-1), for scanning MIME structure without decoding text. */
export function bytesToBinaryString(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    pieces.push(fromCodes(bytes.subarray(start, start + CHUNK)));
  }
  return pieces.join('');
}

export function binaryStringToBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}
