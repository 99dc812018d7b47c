// SHA-256 of text inside the script itself. Checking the audit chain hashes every row of the log;
// doing it here instead of one Utilities.computeDigest call per row keeps a 100,000-row check
// within one execution. The text is encoded as UTF-8 by hand: the runtime has no TextEncoder.
import { sha256 } from '@noble/hashes/sha2';

export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000)
      out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else
      out.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 63),
        0x80 | ((code >> 6) & 63),
        0x80 | (code & 63)
      );
  }
  return Uint8Array.from(out);
}

export function sha256Hex(text: string): string {
  let hex = '';
  for (const byte of sha256(utf8Bytes(text))) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
