// A small PNG encoder for chart images. The fakes run inside a bare V8 sandbox (no node:zlib), so
// the deflate stream is written here: fixed Huffman codes with two kinds of back-reference, "same
// byte as the one before" and "same byte as the row above", which is all a chart of flat colour
// areas needs to shrink to a few kilobytes. Pixels are palette indices (colour type 3).

export interface Raster {
  width: number;
  height: number;
  /** RGB triples, at most 256. */
  palette: [number, number, number][];
  /** One palette index per pixel, row by row. */
  pixels: Uint8Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** Writes bits least-significant first, as deflate packs them. */
class BitWriter {
  private out: number[] = [];
  private bits = 0;
  private count = 0;

  write(value: number, length: number): void {
    for (let i = 0; i < length; i++) {
      this.bits |= ((value >>> i) & 1) << this.count;
      if (++this.count === 8) {
        this.out.push(this.bits);
        this.bits = 0;
        this.count = 0;
      }
    }
  }
  /** Huffman codes go most-significant bit first. */
  writeCode(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.write((code >>> i) & 1, 1);
  }
  finish(): number[] {
    if (this.count > 0) this.out.push(this.bits);
    return this.out;
  }
}

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258,
];
const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
  3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
const MAX_DISTANCE = 32768;

function writeLiteralOrLength(w: BitWriter, symbol: number): void {
  if (symbol < 144) w.writeCode(0x30 + symbol, 8);
  else if (symbol < 256) w.writeCode(0x190 + symbol - 144, 9);
  else if (symbol < 280) w.writeCode(symbol - 256, 7);
  else w.writeCode(0xc0 + symbol - 280, 8);
}

function lastIndexAtMost(table: number[], value: number): number {
  let i = table.length - 1;
  while (table[i] > value) i--;
  return i;
}

function writeMatch(w: BitWriter, length: number, distance: number): void {
  const li = lastIndexAtMost(LENGTH_BASE, length);
  writeLiteralOrLength(w, 257 + li);
  w.write(length - LENGTH_BASE[li], LENGTH_EXTRA[li]);
  const di = lastIndexAtMost(DISTANCE_BASE, distance);
  w.writeCode(di, 5);
  w.write(distance - DISTANCE_BASE[di], DISTANCE_EXTRA[di]);
}

function matchLength(data: Uint8Array, at: number, distance: number): number {
  if (distance > at || distance > MAX_DISTANCE) return 0;
  let n = 0;
  while (n < 258 && at + n < data.length && data[at + n] === data[at + n - distance]) n++;
  return n;
}

/** A zlib stream (RFC 1950) of one fixed-Huffman deflate block (RFC 1951). */
export function zlibCompress(data: Uint8Array, rowLength: number): Uint8Array {
  const w = new BitWriter();
  w.write(1, 1); // final block
  w.write(1, 2); // fixed Huffman codes
  let i = 0;
  while (i < data.length) {
    const run = matchLength(data, i, 1);
    const above = matchLength(data, i, rowLength);
    if (Math.max(run, above) >= 3) {
      const length = Math.max(run, above);
      writeMatch(w, length, above >= run ? rowLength : 1);
      i += length;
    } else {
      writeLiteralOrLength(w, data[i]);
      i++;
    }
  }
  writeLiteralOrLength(w, 256);
  const body = w.finish();
  const out = new Uint8Array(2 + body.length + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  out.set(body, 2);
  writeUint32(out, 2 + body.length, adler32(data));
  return out;
}

function writeUint32(out: Uint8Array, at: number, value: number): void {
  out[at] = (value >>> 24) & 0xff;
  out[at + 1] = (value >>> 16) & 0xff;
  out[at + 2] = (value >>> 8) & 0xff;
  out[at + 3] = value & 0xff;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  writeUint32(out, 0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  writeUint32(out, 8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

export function encodePng(raster: Raster): Uint8Array {
  const { width, height, palette, pixels } = raster;
  if (palette.length < 1 || palette.length > 256)
    throw new Error('A PNG palette holds 1-256 colours.');
  const ihdr = new Uint8Array(13);
  writeUint32(ihdr, 0, width);
  writeUint32(ihdr, 4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // indexed colour
  const plte = new Uint8Array(palette.length * 3);
  palette.forEach(([r, g, b], i) => plte.set([r, g, b], i * 3));
  // Each row starts with its filter type: 0, none.
  const rowLength = width + 1;
  const filtered = new Uint8Array(rowLength * height);
  for (let y = 0; y < height; y++) {
    filtered.set(pixels.subarray(y * width, (y + 1) * width), y * rowLength + 1);
  }
  const parts = [
    Uint8Array.from(SIGNATURE),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', zlibCompress(filtered, rowLength)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Pixel size of a PNG, GIF or JPEG image, or null when the bytes are none of these. */
export function imageSize(
  bytes: Uint8Array
): { width: number; height: number; type: string } | null {
  const u32 = (at: number) =>
    ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
  if (bytes.length >= 24 && SIGNATURE.every((b, i) => bytes[i] === b)) {
    return { width: u32(16), height: u32(20), type: 'image/png' };
  }
  if (bytes.length >= 10 && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) {
    return {
      width: bytes[6] | (bytes[7] << 8),
      height: bytes[8] | (bytes[9] << 8),
      type: 'image/gif',
    };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1];
      const length = (bytes[at + 2] << 8) | bytes[at + 3];
      // Start-of-frame markers carry the size; C4, C8 and CC are other tables.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return {
          width: (bytes[at + 7] << 8) | bytes[at + 8],
          height: (bytes[at + 5] << 8) | bytes[at + 6],
          type: 'image/jpeg',
        };
      }
      at += 2 + length;
    }
  }
  return null;
}
