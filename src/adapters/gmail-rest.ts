// Reading many messages at once: Gmail REST requests sent together with UrlFetchApp.fetchAll,
// which Apps Script runs in parallel (every other service call blocks).
const API = 'https://gmail.googleapis.com/gmail/v1/users/me';

export interface RawMessage {
  id: string;
  threadId: string;
  /** The exact RFC 822 bytes. */
  bytes: GoogleAppsScript.Byte[];
}

export type Fetched<T> = { ok: true; value: T } | { ok: false; reason: string };

function headers(): Record<string, string> {
  return { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` };
}

function reasonOf(response: GoogleAppsScript.URL_Fetch.HTTPResponse): string {
  try {
    const body = JSON.parse(response.getContentText()) as { error?: { message?: string } };
    return body.error?.message ?? `HTTP ${response.getResponseCode()}`;
  } catch {
    return `HTTP ${response.getResponseCode()}`;
  }
}

/** GETs many Gmail API paths in one parallel round; each answer parsed, or the reason it failed. */
function getAll<T>(paths: string[], parse: (body: unknown) => T): Fetched<T>[] {
  if (!paths.length) return [];
  const responses = UrlFetchApp.fetchAll(
    paths.map(path => ({ url: `${API}${path}`, headers: headers(), muteHttpExceptions: true }))
  );
  return responses.map(response =>
    response.getResponseCode() === 200
      ? { ok: true as const, value: parse(JSON.parse(response.getContentText())) }
      : { ok: false as const, reason: reasonOf(response) }
  );
}

/** The raw messages, in the order asked; a message that cannot be read says why. */
export function fetchRawMessages(ids: string[]): Fetched<RawMessage>[] {
  return getAll(
    ids.map(id => `/messages/${encodeURIComponent(id)}?format=raw`),
    body => {
      const m = body as { id: string; threadId: string; raw: string };
      return { id: m.id, threadId: m.threadId, bytes: Utilities.base64DecodeWebSafe(m.raw) };
    }
  );
}

/** Adds and removes labels on many messages in one parallel round. */
export function relabelMessages(changes: { id: string; add: string[]; remove: string[] }[]): void {
  if (!changes.length) return;
  UrlFetchApp.fetchAll(
    changes.map(c => ({
      url: `${API}/messages/${encodeURIComponent(c.id)}/modify`,
      method: 'post' as const,
      contentType: 'application/json',
      payload: JSON.stringify({ addLabelIds: c.add, removeLabelIds: c.remove }),
      headers: headers(),
      muteHttpExceptions: true,
    }))
  );
}

export interface MessageMetadata {
  id: string;
  threadId: string;
  /** Gmail's estimate of the message's size in bytes. */
  sizeEstimate: number;
  /** Header values by lower-case name. */
  headers: Record<string, string>;
}

const METADATA_HEADERS = ['Subject', 'From', 'To', 'Cc', 'Date', 'Message-ID', 'In-Reply-To'];

/** Headers and size of many messages in one parallel round (no content). */
export function fetchMessageMetadata(ids: string[]): Fetched<MessageMetadata>[] {
  const query = METADATA_HEADERS.map(h => `&metadataHeaders=${encodeURIComponent(h)}`).join('');
  return getAll(
    ids.map(id => `/messages/${encodeURIComponent(id)}?format=metadata${query}`),
    body => {
      const m = body as { id: string; threadId: string; sizeEstimate?: number; payload?: ApiPart };
      return {
        id: m.id,
        threadId: m.threadId,
        sizeEstimate: m.sizeEstimate ?? 0,
        headers: toPart(m.payload ?? {}).headers,
      };
    }
  );
}

export interface MessagePart {
  partId: string;
  mimeType: string;
  filename: string;
  headers: Record<string, string>;
  /** Inline content (base64url), for small text parts. */
  data: string | null;
  attachmentId: string | null;
  size: number;
  parts: MessagePart[];
}

export interface FullMessage {
  id: string;
  threadId: string;
  payload: MessagePart;
}

interface ApiPart {
  partId?: string;
  mimeType?: string;
  filename?: string;
  headers?: { name: string; value: string }[];
  body?: { data?: string; attachmentId?: string; size?: number };
  parts?: ApiPart[];
}

function toPart(part: ApiPart): MessagePart {
  const found: Record<string, string> = {};
  for (const h of part.headers ?? []) {
    const name = h.name.toLowerCase();
    if (!(name in found)) found[name] = h.value;
  }
  return {
    partId: part.partId ?? '',
    mimeType: (part.mimeType ?? '').toLowerCase(),
    filename: part.filename ?? '',
    headers: found,
    data: part.body?.data ?? null,
    attachmentId: part.body?.attachmentId ?? null,
    size: part.body?.size ?? 0,
    parts: (part.parts ?? []).map(toPart),
  };
}

/** The MIME structure of many messages in one parallel round (format=full). */
export function fetchFullMessages(ids: string[]): Fetched<FullMessage>[] {
  return getAll(
    ids.map(id => `/messages/${encodeURIComponent(id)}?format=full`),
    body => {
      const m = body as { id: string; threadId: string; payload?: ApiPart };
      return { id: m.id, threadId: m.threadId, payload: toPart(m.payload ?? {}) };
    }
  );
}

/** Attachment contents (bytes), fetched together. */
export function fetchAttachments(
  wanted: { messageId: string; attachmentId: string }[]
): Fetched<GoogleAppsScript.Byte[]>[] {
  return getAll(
    wanted.map(
      w =>
        `/messages/${encodeURIComponent(w.messageId)}/attachments/${encodeURIComponent(w.attachmentId)}`
    ),
    body => Utilities.base64DecodeWebSafe((body as { data: string }).data)
  );
}

/** The bytes of a part's inline content. */
export function partBytes(part: MessagePart): GoogleAppsScript.Byte[] {
  return part.data ? Utilities.base64DecodeWebSafe(part.data) : [];
}
