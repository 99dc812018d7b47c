// The HTTP edges of the emulator: who may talk to it (this machine only, through the page it
// serves), how much they may send, JSON replies, and the page's static files.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

export const MAX_BODY_BYTES = 1024 * 1024;

/** An error answered with its status and `{error: message}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // The page is never framed, so another site cannot overlay it to steer clicks.
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status, { error: message });
}

/**
 * Why the request must be refused, or null. Only this machine, by the address the server
 * listens on, may call: a Host check defeats DNS rebinding, an Origin check defeats other sites'
 * pages posting to it.
 */
export function refusal(req: IncomingMessage, port: number): string | null {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHosts.includes(host)) return `Host not allowed: ${req.headers.host ?? '(none)'}`;
  const origin = req.headers.origin;
  if (
    origin !== undefined &&
    !allowedHosts.map(h => `http://${h}`).includes(origin.toLowerCase())
  ) {
    return `Origin not allowed: ${origin}`;
  }
  return null;
}

/** The request's body as JSON; an empty body is `{}`. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const bytes = await readBody(req);
  if (bytes.length === 0) return {};
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'Malformed JSON: the body is not UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HttpError(400, `Malformed JSON: ${(e as Error).message}`);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `Request body over ${MAX_BODY_BYTES} bytes`);
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
      // Read and drop the rest so the client can finish sending and read the answer.
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
    // A client that hangs up mid-body would otherwise leave this waiting for ever.
    req.on('close', () => {
      if (!req.readableEnded) reject(new HttpError(400, 'The request was cut short'));
    });
  });
}

/**
 * Splits a raw URL path into decoded segments. Each segment is decoded on its own, so an
 * encoded slash stays inside its segment (and is then refused where files are concerned).
 */
export function pathSegments(rawPath: string): string[] {
  try {
    return rawPath
      .split('/')
      .filter(segment => segment !== '')
      .map(segment => decodeURIComponent(segment));
  } catch {
    throw new HttpError(400, 'Malformed URL');
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Sends `segments` (already decoded) from inside `webDir`. Anything that could reach outside
 * it (`..`, `.` or dot-files, separators or NUL inside a segment, a symlink pointing out) is
 * answered as not found.
 */
export async function sendStatic(
  res: ServerResponse,
  webDir: string,
  segments: string[]
): Promise<void> {
  const notFound = new HttpError(404, 'Not found');
  if (
    segments.length === 0 ||
    segments.some(s => s.startsWith('.') || /[\\/\0:]/.test(s) || s.trim() !== s)
  ) {
    throw notFound;
  }
  let root: string;
  let file: string;
  try {
    root = await realpath(webDir);
    file = await realpath(join(root, ...segments));
  } catch {
    throw notFound;
  }
  if (!file.startsWith(root + sep)) throw notFound;
  const info = await stat(file);
  if (!info.isFile()) throw notFound;
  const body = await readFile(file);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': body.length,
  });
  res.end(body);
}
