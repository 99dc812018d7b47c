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

/** The raw messages, in the order asked; a message that cannot be read says why. */
export function fetchRawMessages(ids: string[]): Fetched<RawMessage>[] {
  if (!ids.length) return [];
  const responses = UrlFetchApp.fetchAll(
    ids.map(id => ({
      url: `${API}/messages/${encodeURIComponent(id)}?format=raw`,
      headers: headers(),
      muteHttpExceptions: true,
    }))
  );
  return responses.map(response => {
    if (response.getResponseCode() !== 200) return { ok: false, reason: reasonOf(response) };
    const body = JSON.parse(response.getContentText()) as {
      id: string;
      threadId: string;
      raw: string;
    };
    return {
      ok: true,
      value: {
        id: body.id,
        threadId: body.threadId,
        bytes: Utilities.base64DecodeWebSafe(body.raw),
      },
    };
  });
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
  if (!ids.length) return [];
  const query = METADATA_HEADERS.map(h => `&metadataHeaders=${encodeURIComponent(h)}`).join('');
  const responses = UrlFetchApp.fetchAll(
    ids.map(id => ({
      url: `${API}/messages/${encodeURIComponent(id)}?format=metadata${query}`,
      headers: headers(),
      muteHttpExceptions: true,
    }))
  );
  return responses.map(response => {
    if (response.getResponseCode() !== 200) return { ok: false, reason: reasonOf(response) };
    const body = JSON.parse(response.getContentText()) as {
      id: string;
      threadId: string;
      sizeEstimate?: number;
      payload?: { headers?: { name: string; value: string }[] };
    };
    const found: Record<string, string> = {};
    for (const h of body.payload?.headers ?? []) {
      const name = h.name.toLowerCase();
      if (!(name in found)) found[name] = h.value;
    }
    return {
      ok: true,
      value: {
        id: body.id,
        threadId: body.threadId,
        sizeEstimate: body.sizeEstimate ?? 0,
        headers: found,
      },
    };
  });
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
  if (!ids.length) return [];
  const responses = UrlFetchApp.fetchAll(
    ids.map(id => ({
      url: `${API}/messages/${encodeURIComponent(id)}?format=full`,
      headers: headers(),
      muteHttpExceptions: true,
    }))
  );
  return responses.map(response => {
    if (response.getResponseCode() !== 200) return { ok: false, reason: reasonOf(response) };
    const body = JSON.parse(response.getContentText()) as {
      id: string;
      threadId: string;
      payload?: ApiPart;
    };
    return {
      ok: true,
      value: { id: body.id, threadId: body.threadId, payload: toPart(body.payload ?? {}) },
    };
  });
}

/** Attachment contents (bytes), fetched together. */
export function fetchAttachments(
  wanted: { messageId: string; attachmentId: string }[]
): Fetched<GoogleAppsScript.Byte[]>[] {
  if (!wanted.length) return [];
  const responses = UrlFetchApp.fetchAll(
    wanted.map(w => ({
      url: `${API}/messages/${encodeURIComponent(w.messageId)}/attachments/${encodeURIComponent(w.attachmentId)}`,
      headers: headers(),
      muteHttpExceptions: true,
    }))
  );
  return responses.map(response => {
    if (response.getResponseCode() !== 200) return { ok: false, reason: reasonOf(response) };
    const body = JSON.parse(response.getContentText()) as { data: string };
    return { ok: true, value: Utilities.base64DecodeWebSafe(body.data) };
  });
}

/** The bytes of a part's inline content. */
export function partBytes(part: MessagePart): GoogleAppsScript.Byte[] {
  return part.data ? Utilities.base64DecodeWebSafe(part.data) : [];
}
