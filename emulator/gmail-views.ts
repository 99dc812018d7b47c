// What the page shows of Gmail, read from the state as the signed-in user sees it: their inbox
// (one row per conversation, as Gmail lists it) and one of their messages. A mailbox is its
// owner's alone: another person's message is as good as missing.
import type { AddressState, GmailMessageState, WorkspaceState } from '../fakes/core/state';
import { isSystemLabel } from '../fakes/gmail/store';
import type { EmailView, InboxEntry } from './contract';

export type { EmailView, InboxEntry };

const SNIPPET_LENGTH = 120;

/** The user's own message with this id, or null (missing, trashed and another's look alike). */
export function ownMessage(
  state: WorkspaceState,
  id: string,
  user: string
): GmailMessageState | null {
  const messages = state.gmail?.messages ?? {};
  const message = Object.prototype.hasOwnProperty.call(messages, id) ? messages[id] : null;
  return message && message.owner === user && !message.trashed ? message : null;
}

function conversation(state: WorkspaceState, message: GmailMessageState): GmailMessageState[] {
  const thread = state.gmail?.threads[message.threadId];
  const ids = thread?.messageIds ?? [message.id];
  return ids
    .map(id => ownMessage(state, id, message.owner))
    .filter((m): m is GmailMessageState => m !== null && !m.labels.includes('SPAM'));
}

export function inboxView(state: WorkspaceState, user: string): InboxEntry[] {
  const threads = new Map<string, GmailMessageState[]>();
  for (const message of Object.values(state.gmail?.messages ?? {})) {
    if (message.owner !== user || message.trashed || threads.has(message.threadId)) continue;
    threads.set(message.threadId, conversation(state, message));
  }
  const entries: InboxEntry[] = [];
  for (const [threadId, messages] of threads) {
    if (!messages.some(m => m.labels.includes('INBOX'))) continue;
    const newest = messages.reduce((a, b) => (b.internalDate >= a.internalDate ? b : a));
    const senders = [...new Set(messages.map(m => senderName(m, user)))];
    entries.push({
      id: newest.id,
      threadId,
      subject: newest.subject,
      from: senders.join(', '),
      date: newest.internalDate,
      unread: messages.some(m => m.unread),
      count: messages.length,
      snippet: snippetOf(newest),
      userLabels: userLabels(messages),
    });
  }
  return entries.sort((a, b) => b.date - a.date || b.id.localeCompare(a.id));
}

export function emailView(state: WorkspaceState, id: string, user: string): EmailView | null {
  const message = ownMessage(state, id, user);
  if (!message) return null;
  const messages = conversation(state, message);
  return {
    id: message.id,
    threadId: message.threadId,
    subject: message.subject,
    from: message.from ? mailbox(message.from) : '',
    to: message.to.map(mailbox),
    cc: message.cc.map(mailbox),
    date: message.date ?? message.internalDate,
    body: bodyText(message),
    attachments: message.attachments.map(a => ({
      name: a.filename,
      size: a.size,
      mimeType: a.mimeType,
      inline: a.inline,
    })),
    labels: [...message.labels],
    userLabels: userLabels(messages),
    thread: messages.map(m => ({
      id: m.id,
      from: senderName(m, user),
      date: m.date ?? m.internalDate,
      snippet: snippetOf(m),
      unread: m.unread,
    })),
  };
}

/** The user labels on any message of a conversation, sorted by name. */
function userLabels(messages: GmailMessageState[]): string[] {
  const names = new Set(messages.flatMap(m => m.labels).filter(name => !isSystemLabel(name)));
  return [...names].sort((a, b) => a.localeCompare(b));
}

function mailbox(address: AddressState): string {
  return address.name ? `${address.name} <${address.address}>` : address.address;
}

function senderName(message: GmailMessageState, user: string): string {
  const from = message.from;
  if (!from) return '(unknown sender)';
  if (from.address.toLowerCase() === user.toLowerCase()) return 'me';
  return from.name || from.address;
}

function bodyText(message: GmailMessageState): string {
  return message.plainBody.trim() ? message.plainBody : htmlToText(message.htmlBody);
}

function snippetOf(message: GmailMessageState): string {
  const text = bodyText(message).replace(/\s+/g, ' ').trim();
  return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH - 1)}…` : text;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** The text of an HTML body: scripts and styles dropped, tags removed, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : +name.slice(1);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
