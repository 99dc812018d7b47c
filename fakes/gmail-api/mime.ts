// The MIME tree of a stored message, read from its exact bytes as the Gmail API presents it in
// `payload`: every entity with its headers, media type and file name; leaves with their content
// decoded from the transfer encoding (the charset is left alone). Header values are unfolded and
// otherwise as in the message (whether Gmail decodes RFC 2047 words in them is unconfirmed); file
// names are decoded (RFC 2231 and 2047). Lenient: a multipart cut short keeps the parts that
// arrived, a line that is not a header is skipped. Works on the message read one char per byte.
import {
  base64ToBytes,
  binaryStringToBytes,
  bytesToBinaryString,
  utf8ToString,
} from '../gmail/codec';

const MAX_DEPTH = 50;

export interface MimeHeader {
  name: string;
  value: string;
}

export interface MimeEntity {
  /** '' for the message itself, then `0`, `1`, … and `0.1` for nested parts, as Gmail numbers them. */
  partId: string;
  mimeType: string;
  /** The decoded file name, '' when the part names none. */
  filename: string;
  headers: MimeHeader[];
  /** Null for a multipart; the entity's body, still transfer-encoded, for a leaf. */
  body: string | null;
  encoding: string;
  parts: MimeEntity[];
}

export function parseMessage(raw: Uint8Array): MimeEntity {
  return parseEntity(bytesToBinaryString(raw), '', 'text/plain', 0);
}

/** A leaf's content with its transfer encoding undone. */
export function decodedContent(entity: MimeEntity): Uint8Array {
  const body = entity.body ?? '';
  if (entity.encoding === 'base64') return base64ToBytes(body);
  if (entity.encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return binaryStringToBytes(body);
}

/** Every entity of the tree, parents before their parts. */
export function allEntities(root: MimeEntity): MimeEntity[] {
  const out: MimeEntity[] = [];
  const walk = (entity: MimeEntity) => {
    out.push(entity);
    entity.parts.forEach(walk);
  };
  walk(root);
  return out;
}

function parseEntity(
  entity: string,
  partId: string,
  defaultType: string,
  depth: number
): MimeEntity {
  const { head, body } = splitEntity(entity);
  const headers = readHeaders(head);
  const get = (name: string) => headers.find(h => h.name.toLowerCase() === name)?.value;
  const contentType = parseHeaderValue(get('content-type') ?? '');
  const mimeType = /^[\w.+-]+\/[\w.+-]+$/.test(contentType.value)
    ? contentType.value.toLowerCase()
    : defaultType;
  const disposition = parseHeaderValue(get('content-disposition') ?? '');
  const filename = decodeWords(disposition.params.filename ?? contentType.params.name ?? '').trim();
  const encoding = (get('content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  const result: MimeEntity = {
    partId,
    mimeType,
    filename,
    headers,
    body,
    encoding,
    parts: [],
  };
  const boundary = contentType.params.boundary;
  if (mimeType.startsWith('multipart/') && boundary && depth < MAX_DEPTH) {
    result.body = null;
    const childType = mimeType === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
    result.parts = splitMultipart(body, boundary).map((part, i) =>
      parseEntity(part, partId === '' ? String(i) : `${partId}.${i}`, childType, depth + 1)
    );
  }
  return result;
}

function splitEntity(entity: string): { head: string; body: string } {
  if (entity.startsWith('\r\n') || entity.startsWith('\n')) {
    return { head: '', body: entity.replace(/^\r?\n/, '') };
  }
  const match = /\r?\n\r?\n/.exec(entity);
  if (!match) return { head: entity, body: '' };
  return { head: entity.slice(0, match.index), body: entity.slice(match.index + match[0].length) };
}

/** Unfolded headers in order; lines that are not headers are skipped. Values read as UTF-8. */
function readHeaders(head: string): MimeHeader[] {
  const headers: MimeHeader[] = [];
  let current: MimeHeader | null = null;
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line)) {
      if (current) current.value += line;
      continue;
    }
    const match = /^([\x21-\x39\x3b-\x7e]+):(.*)$/.exec(line);
    current = match ? { name: match[1], value: match[2] } : null;
    if (current) headers.push(current);
  }
  return headers.map(h => ({
    name: h.name,
    value: utf8ToString(binaryStringToBytes(h.value.trim())),
  }));
}

/** The parts of a multipart body, between its delimiter lines (RFC 2046 §5.1.1). */
function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const starts: number[] = [];
  let closed = false;
  for (let at = body.indexOf(delimiter); at >= 0; at = body.indexOf(delimiter, at + 1)) {
    if (at > 0 && body[at - 1] !== '\n') continue;
    starts.push(at);
    if (body.startsWith('--', at + delimiter.length)) {
      closed = true;
      break;
    }
  }
  if (!closed) starts.push(body.length);
  const parts: string[] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    const lineEnd = body.indexOf('\n', starts[i]);
    if (lineEnd < 0 || lineEnd >= starts[i + 1]) continue;
    // The line break before a delimiter belongs to the delimiter.
    let end = starts[i + 1];
    if (end < body.length) {
      if (body[end - 1] === '\n') end--;
      if (body[end - 1] === '\r') end--;
    }
    parts.push(body.slice(lineEnd + 1, Math.max(end, lineEnd + 1)));
  }
  return parts;
}

interface HeaderValue {
  value: string;
  params: Record<string, string>;
}

/**
 * `type/subtype; a=b; c="d"` with RFC 2231 parameters (`name*=utf-8''…`, `name*0*=…`) joined and
 * decoded.
 */
function parseHeaderValue(text: string): HeaderValue {
  const semicolon = text.indexOf(';');
  const value = (semicolon < 0 ? text : text.slice(0, semicolon)).trim();
  const pieces: Record<string, { index: number; text: string; extended: boolean }[]> = {};
  const pattern = /;\s*([^\s=;*]+)(\*(\d+))?(\*)?\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const name = m[1].toLowerCase();
    const quoted = m[5] !== undefined;
    const piece = quoted ? m[5].replace(/\\(.)/g, '$1') : (m[6] ?? '');
    if (!pieces[name]) pieces[name] = [];
    pieces[name].push({
      index: m[3] === undefined ? -1 : Number(m[3]),
      text: piece,
      extended: m[4] === '*',
    });
  }
  const params: Record<string, string> = {};
  for (const [name, list] of Object.entries(pieces)) {
    list.sort((a, b) => a.index - b.index);
    const first = list[0];
    if (!list.some(p => p.extended)) {
      params[name] = list.map(p => p.text).join('');
      continue;
    }
    // charset'language'%XX… in the first extended piece; later ones are percent-encoded only.
    const head = /^([^']*)'[^']*'(.*)$/.exec(first.text);
    const charset = head ? head[1].toLowerCase() : 'us-ascii';
    let binary = '';
    list.forEach((p, i) => {
      const text = i === 0 && head ? head[2] : p.text;
      binary += p.extended ? percentDecode(text) : text;
    });
    params[name] = decodeCharset(binaryStringToBytes(binary), charset) ?? binary;
  }
  return { value, params };
}

function percentDecode(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

/** RFC 2047 encoded words in UTF-8, ISO-8859-1 or US-ASCII; other charsets stay encoded. */
export function decodeWords(text: string): string {
  const word = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
  // Whitespace between two encoded words is not part of the text.
  const joined = text.replace(/(\?=)\s+(?==\?)/g, '$1');
  return joined.replace(word, (whole, charset: string, kind: string, data: string) => {
    const bytes =
      kind.toUpperCase() === 'B'
        ? base64ToBytes(data)
        : binaryStringToBytes(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) =>
                String.fromCharCode(parseInt(hex, 16))
              )
          );
    return decodeCharset(bytes, charset.split('*')[0].toLowerCase()) ?? whole;
  });
}

function decodeCharset(bytes: Uint8Array, charset: string): string | null {
  if (charset === 'utf-8' || charset === 'utf8') return utf8ToString(bytes);
  if (['iso-8859-1', 'latin1', 'us-ascii', 'ascii', 'windows-1252'].includes(charset)) {
    return bytesToBinaryString(bytes);
  }
  return null;
}

function decodeQuotedPrintable(text: string): Uint8Array {
  const binary = text
    .replace(/[ \t]+(?=\r?\n)/g, '')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  // Characters above one byte cannot occur in a message read one character per byte.
  return binaryStringToBytes(binary);
}
