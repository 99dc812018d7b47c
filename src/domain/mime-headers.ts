// Encoded words (RFC 2047) in email headers read through the Gmail API. Character sets are
// decoded by the caller's decoder (Apps Script's Utilities, or a test's).

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
