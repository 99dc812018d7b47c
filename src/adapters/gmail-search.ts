// Searching the user's mailbox through the Gmail API (`gmail.modify` covers search; GmailApp's
// search would need full mailbox access, https://mail.google.com/). One list call per query, then
// the few messages found are read as headers only.
import { UserFacingError } from '../app/errors';

export interface FoundMessage {
  id: string;
  threadId: string;
}

export interface MessageHeaders {
  id: string;
  threadId: string;
  /** Header values by lower-case name ('' when absent). */
  headers: Record<string, string>;
  /** When Gmail received it. */
  receivedAt: Date | null;
}

function gmail(): NonNullable<typeof Gmail> {
  if (typeof Gmail === 'undefined' || !Gmail) {
    throw new UserFacingError(
      'The advanced Gmail service is not enabled for this deployment. The administrator must enable "Gmail API" under Services in the Apps Script project.',
      'Deployment incomplete'
    );
  }
  return Gmail;
}

/** Messages matching a Gmail search query, newest first, at most `max` (one list call). */
export function searchMessages(query: string, max: number): FoundMessage[] {
  const page = gmail().Users!.Messages!.list('me', { q: query, maxResults: max });
  return (page.messages ?? [])
    .filter(m => m.id)
    .map(m => ({ id: m.id ?? '', threadId: m.threadId ?? '' }));
}

/** The named headers of each message (one metadata read per message: call for a few only). */
export function readHeaders(ids: string[], names: string[]): MessageHeaders[] {
  const api = gmail();
  return ids.map(id => {
    const message = api.Users!.Messages!.get('me', id, {
      format: 'metadata',
      metadataHeaders: names,
    });
    const headers: Record<string, string> = {};
    for (const name of names) headers[name.toLowerCase()] = '';
    for (const h of message.payload?.headers ?? []) {
      const name = (h.name ?? '').toLowerCase();
      if (name in headers && !headers[name]) headers[name] = h.value ?? '';
    }
    const received = Number(message.internalDate);
    return {
      id,
      threadId: message.threadId ?? '',
      headers,
      receivedAt: Number.isFinite(received) && received > 0 ? new Date(received) : null,
    };
  });
}
