// MIME structure checks a lenient parser does not report: header lines that are not headers,
// multiparts without a boundary parameter, and multiparts whose closing delimiter never comes
// (a message cut short). Also finds attached messages (message/rfc822) exactly as they are in
// the raw text, which parsers tend to re-serialise. Works on the raw message read one character
// per byte.

const MAX_DEPTH = 50;

export interface Structure {
  /** What is wrong with the message's structure, in reading order; empty when nothing is. */
  problems: string[];
  /** Content of each attached message of the top level, in order, still transfer-encoded. */
  attachedMessages: { content: string; encoding: string }[];
}

export function inspectStructure(raw: string): Structure {
  const structure: Structure = { problems: [], attachedMessages: [] };
  checkEntity(raw, 'message', structure, 0, true);
  return structure;
}

function checkEntity(
  entity: string,
  where: string,
  structure: Structure,
  depth: number,
  collect: boolean
): void {
  if (depth > MAX_DEPTH) return;
  const problems = structure.problems;
  const { head, body } = splitEntity(entity);
  const headers = readHeaders(head, where, problems);
  const contentType = headers.get('content-type') ?? '';
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = parameter(contentType, 'boundary');
    if (!boundary) {
      problems.push(`${where}: ${type} has no boundary parameter`);
      return;
    }
    checkMultipart(body, boundary, type, where, structure, depth, collect);
  } else if (type === 'message/rfc822') {
    const encoding = (headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase();
    if (collect && depth > 0) structure.attachedMessages.push({ content: body, encoding });
    if (!/base64|quoted-printable/.test(encoding)) {
      checkEntity(body, `${where} (attached message)`, structure, depth + 1, false);
    }
  }
}

function checkMultipart(
  body: string,
  boundary: string,
  type: string,
  where: string,
  structure: Structure,
  depth: number,
  collect: boolean
): void {
  const problems = structure.problems;
  const delimiter = `--${boundary}`;
  const starts: number[] = [];
  let closed = false;
  for (
    let at = body.indexOf(delimiter);
    at >= 0;
    at = body.indexOf(delimiter, at + delimiter.length)
  ) {
    if (at > 0 && body[at - 1] !== '\n') continue;
    if (body.startsWith('--', at + delimiter.length)) {
      closed = true;
      starts.push(at);
      break;
    }
    starts.push(at);
  }
  if (!starts.length) {
    problems.push(`${where}: ${type} boundary "${boundary}" never appears`);
    return;
  }
  if (!closed) {
    problems.push(
      `${where}: ${type} has no closing boundary (${delimiter}--); the message may be cut short`
    );
    starts.push(body.length);
  }
  for (let i = 0; i + 1 < starts.length; i++) {
    const lineEnd = body.indexOf('\n', starts[i]);
    if (lineEnd < 0 || lineEnd >= starts[i + 1]) continue;
    // The line break before a delimiter belongs to the delimiter.
    const end = body[starts[i + 1] - 1] === '\n' ? starts[i + 1] - 1 : starts[i + 1];
    const part = body.slice(lineEnd + 1, body[end - 1] === '\r' ? end - 1 : end);
    checkEntity(part, `${where} part ${i + 1}`, structure, depth + 1, collect);
  }
}

function splitEntity(entity: string): { head: string; body: string } {
  if (entity.startsWith('\r\n') || entity.startsWith('\n')) {
    return { head: '', body: entity.replace(/^\r?\n/, '') };
  }
  const match = /\r?\n\r?\n/.exec(entity);
  if (!match) return { head: entity, body: '' };
  return { head: entity.slice(0, match.index), body: entity.slice(match.index + match[0].length) };
}

/** Unfolded header values by lower-case name (first occurrence); reports lines that are not headers. */
function readHeaders(head: string, where: string, problems: string[]): Map<string, string> {
  const headers = new Map<string, string>();
  let current: { name: string; value: string } | null = null;
  const flush = () => {
    if (current && !headers.has(current.name)) headers.set(current.name, current.value.trim());
  };
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line)) {
      if (current) current.value += ` ${line.trim()}`;
      else
        problems.push(`${where}: header block starts with a continuation line "${excerpt(line)}"`);
      continue;
    }
    const match = /^([\x21-\x39\x3b-\x7e]+):(.*)$/.exec(line);
    flush();
    current = null;
    if (!match) {
      problems.push(`${where}: header line without a field name "${excerpt(line)}"`);
      continue;
    }
    current = { name: match[1].toLowerCase(), value: match[2] };
  }
  flush();
  return headers;
}

function parameter(value: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(
    value
  );
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
}

function excerpt(line: string): string {
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
