// Reading an email's header block (RFC 5322) and its encoded words (RFC 2047), for mail read
// through the Gmail API as raw bytes. Character sets are decoded by the caller's decoder.

/** Header values by lower-case name (the first occurrence), unfolded. */
export function parseHeaderBlock(message: string): Record<string, string> {
  const end = message.search(/\r?\n\r?\n/);
  const block = end >= 0 ? message.slice(0, end) : message;
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Bytes(text: string): number[] {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text.replace(/[^A-Za-z0-9+/]/g, '')) {
    buffer = (buffer << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return out;
}

function quotedBytes(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '_') out.push(0x20);
    else if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(ch.charCodeAt(0) & 0xff);
  }
  return out;
}

/**
 * Decodes `=?charset?B|Q?text?=` words; whitespace between adjacent encoded words is dropped,
 * as RFC 2047 says. A word in a character set the decoder cannot read is left as it is.
 */
export function decodeEncodedWords(
  value: string,
  decode: (bytes: number[], charset: string) => string
): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?[^?]+\?[BbQq]\?[^?]*\?=)/g, '$1')
    .replace(
      /=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g,
      (word, charset: string, encoding: string, text: string) => {
        try {
          const bytes = encoding.toUpperCase() === 'B' ? base64Bytes(text) : quotedBytes(text);
          return decode(bytes, charset);
        } catch {
          return word;
        }
      }
    );
}
