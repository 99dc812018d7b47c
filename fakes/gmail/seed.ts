// Host-side helpers that put mail straight into the state, for tests, the benchmark and the
// emulator's demo data. Every field is derived from the raw RFC 822 message by a real MIME parser
// (postal-mime), so tests run on what real mail looks like. Node only: the sandbox bundle never
// imports this file.
import PostalMimeModule, { addressParser, decodeWords } from 'postal-mime';
import type { Address, Attachment, Email } from 'postal-mime';
import type {
  AddressState,
  AttachmentState,
  GmailMessageState,
  GmailThreadState,
  WorkspaceState,
} from '../core/state';
import {
  base64Size,
  base64ToBytes,
  binaryStringToBytes,
  bytesToBase64,
  bytesToBinaryString,
  stringToUtf8,
  utf8ToString,
} from './codec';
import {
  deleteMessage,
  gmailOf,
  insertInThread,
  isSystemLabel,
  newGmailId,
  userLabels,
} from './store';
import { inspectStructure } from './structure';

type Parser = typeof PostalMimeModule;
// CommonJS hands over the class itself; some ESM loaders wrap it in `default`.
const PostalMime: Parser =
  (PostalMimeModule as unknown as { default?: Parser }).default ?? PostalMimeModule;

export interface RawMessageSeed {
  /** Whose mailbox receives it. */
  owner: string;
  /** The RFC 822 message: text (stored as UTF-8) or its exact bytes. */
  raw: string | Uint8Array;
  /** Put it in this thread (created with that id if new); otherwise threads follow References. */
  threadId?: string;
  /** User label names and system labels (INBOX, SENT, SPAM, ...); default `['INBOX']`. */
  labels?: string[];
  /** Default true: new mail. */
  unread?: boolean;
  starred?: boolean;
  trashed?: boolean;
  /** When Gmail received it, epoch ms; default the Date header, else the Workspace clock. */
  internalDate?: number;
}

/**
 * Parses `seed.raw`, stores the message in the owner's mailbox and returns its Gmail id. Seed a
 * conversation in order (await each call): a reply joins its thread only once its parent is in.
 */
export async function addMessageFromRaw(
  state: WorkspaceState,
  seed: RawMessageSeed
): Promise<string> {
  const bytes = typeof seed.raw === 'string' ? stringToUtf8(seed.raw) : seed.raw;
  const parsed = await parse(bytes);
  const gmail = gmailOf(state);
  const internalDate = seed.internalDate ?? parsed.date ?? state.now;
  const id = newGmailId(state, internalDate);
  const labels = [...new Set(seed.labels ?? ['INBOX'])];
  for (const name of labels) if (!isSystemLabel(name)) createLabelInState(state, seed.owner, name);
  const message: GmailMessageState = {
    id,
    threadId: '',
    owner: seed.owner,
    rawBase64: bytesToBase64(bytes),
    ...parsed.fields,
    date: parsed.date,
    parseProblem: parsed.problem,
    labels,
    starred: seed.starred ?? false,
    unread: seed.unread ?? true,
    trashed: seed.trashed ?? false,
    internalDate,
  };
  const thread = threadFor(state, seed, message, parsed.references);
  message.threadId = thread.id;
  gmail.messages[id] = message;
  insertInThread(state, thread, message);
  return id;
}

/** Adds a user label to the owner's mailbox (no-op if it exists) and returns its name. */
export function createLabelInState(state: WorkspaceState, owner: string, name: string): string {
  if (!name.trim()) throw new Error('A label needs a name');
  if (isSystemLabel(name)) throw new Error(`${name} is a system label`);
  const labels = userLabels(state, owner);
  if (!labels.includes(name)) labels.push(name);
  return name;
}

/**
 * Deletes a message for good, as emptying the trash or another mail client does: later reads
 * by id fail, and its thread forgets it (and goes when empty).
 */
export function deleteMessageInState(state: WorkspaceState, id: string): void {
  if (!gmailOf(state).messages[id]) throw new Error(`No message ${id}`);
  deleteMessage(state, id);
}

type DerivedFields = Pick<
  GmailMessageState,
  | 'headers'
  | 'subject'
  | 'from'
  | 'to'
  | 'cc'
  | 'bcc'
  | 'replyTo'
  | 'messageId'
  | 'inReplyTo'
  | 'plainBody'
  | 'htmlBody'
  | 'attachments'
>;

interface Parsed {
  fields: DerivedFields;
  date: number | null;
  references: string[];
  problem: string | null;
}

async function parse(bytes: Uint8Array): Promise<Parsed> {
  const binary = bytesToBinaryString(bytes);
  const { problems, attachedMessages } = inspectStructure(binary);
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, {
      attachmentEncoding: 'base64',
      // A forwarded message stays one attachment, as Gmail lists it.
      forceRfc822Attachments: true,
    });
  } catch (error) {
    problems.unshift(`The MIME parser gave up: ${(error as Error).message}`);
    return { ...headersOnly(binary), problem: problems.join('; ') };
  }
  const html = email.html ?? '';
  const date = email.date === undefined ? null : Date.parse(email.date);
  return {
    fields: {
      headers: email.headers.map(h => ({ key: h.originalKey, value: h.value })),
      subject: email.subject ?? '',
      from: email.from ? (mailboxes([email.from])[0] ?? null) : null,
      to: mailboxes(email.to),
      cc: mailboxes(email.cc),
      bcc: mailboxes(email.bcc),
      replyTo: mailboxes(email.replyTo),
      messageId: email.messageId ?? null,
      inReplyTo: email.inReplyTo ?? null,
      plainBody: email.text ?? (html ? htmlToText(html) : ''),
      htmlBody: html,
      attachments: attachmentsOf(email.attachments, attachedMessages),
    },
    date: date === null || Number.isNaN(date) ? null : date,
    references: messageIds(`${email.references ?? ''} ${email.inReplyTo ?? ''}`),
    problem: problems.length ? problems.join('; ') : null,
  };
}

/** What can still be read when the parser refuses the message: its top-level headers. */
function headersOnly(binary: string): Omit<Parsed, 'problem'> {
  const end = binary.search(/\r?\n\r?\n/);
  const head = end < 0 ? binary : binary.slice(0, end);
  const headers: { key: string; value: string }[] = [];
  for (const line of head.split(/\r?\n/)) {
    const match = /^([\x21-\x39\x3b-\x7e]+):[ \t]*(.*)$/.exec(line);
    if (match) headers.push({ key: match[1], value: match[2] });
    else if (/^[ \t]/.test(line) && headers.length)
      headers[headers.length - 1].value += ` ${line.trim()}`;
  }
  const get = (name: string) => headers.find(h => h.key.toLowerCase() === name)?.value;
  const text = (name: string) => {
    const value = get(name);
    return value === undefined ? undefined : decodeWords(latin1ToUtf8(value));
  };
  const addresses = (name: string) => {
    const value = text(name);
    return value === undefined ? [] : mailboxes(addressParser(value));
  };
  const date = get('date') === undefined ? NaN : Date.parse(get('date') as string);
  return {
    fields: {
      headers,
      subject: text('subject') ?? '',
      from: addresses('from')[0] ?? null,
      to: addresses('to'),
      cc: addresses('cc'),
      bcc: addresses('bcc'),
      replyTo: addresses('reply-to'),
      messageId: get('message-id')?.trim() ?? null,
      inReplyTo: get('in-reply-to')?.trim() ?? null,
      plainBody: '',
      htmlBody: '',
      attachments: [],
    },
    date: Number.isNaN(date) ? null : date,
    references: messageIds(`${get('references') ?? ''} ${get('in-reply-to') ?? ''}`),
  };
}

/** Header bytes were read one per character; decode them as the UTF-8 they usually are. */
function latin1ToUtf8(text: string): string {
  if (!/[\x80-\xff]/.test(text)) return text;
  return utf8ToString(Uint8Array.from(text, ch => ch.charCodeAt(0) & 0xff));
}

function mailboxes(list: Address[] | undefined): AddressState[] {
  const out: AddressState[] = [];
  for (const entry of list ?? []) {
    if (entry.group) out.push(...entry.group.map(m => ({ name: m.name, address: m.address })));
    else if (entry.address !== undefined) out.push({ name: entry.name, address: entry.address });
  }
  return out;
}

function messageIds(text: string): string[] {
  return text.match(/<[^<>\s]+>/g) ?? [];
}

/**
 * Attached messages keep the bytes they have in the raw message (the parser re-serialises them),
 * when the raw text and the parser agree on how many there are.
 */
function attachmentsOf(
  parts: Attachment[],
  attachedMessages: { content: string; encoding: string }[]
): AttachmentState[] {
  const exact =
    parts.filter(p => p.mimeType === 'message/rfc822').length === attachedMessages.length;
  let next = 0;
  return parts.flatMap(part => {
    if (part.mimeType !== 'message/rfc822' || !exact) return attachmentOf(part);
    const { content, encoding } = attachedMessages[next++];
    if (!['7bit', '8bit', 'binary', 'base64'].includes(encoding)) return attachmentOf(part);
    const bytes = encoding === 'base64' ? base64ToBytes(content) : binaryStringToBytes(content);
    return attachmentOf({ ...part, content: bytesToBase64(bytes), encoding: 'base64' });
  });
}

/**
 * Gmail lists parts that carry a file; a calendar request that is only an alternative body
 * (no name, no disposition) is not one. Unnamed files are called "noname", as Gmail shows them.
 */
function attachmentOf(part: Attachment): AttachmentState[] {
  if (!part.filename && !part.disposition && part.mimeType === 'text/calendar') return [];
  const content =
    typeof part.content === 'string' ? part.content : bytesToBase64(asBytes(part.content));
  const contentId = part.contentId ? part.contentId.replace(/^<|>$/g, '') : null;
  const inline =
    part.mimeType.startsWith('image/') &&
    contentId !== null &&
    (part.related === true || part.disposition === 'inline');
  return [
    {
      filename: part.filename ?? 'noname',
      mimeType: part.mimeType,
      size: base64Size(content),
      contentBase64: content,
      contentId,
      inline,
    },
  ];
}

function asBytes(content: ArrayBuffer | Uint8Array): Uint8Array {
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/** Text of an HTML-only message, as Gmail derives the plain body. */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The thread a new message joins: the one named by the seed, else the thread of an earlier
 * message it refers to (References or In-Reply-To) with the same subject once Re:/Fwd: are set
 * aside, as Gmail threads conversations; else a new thread with the message's id.
 */
function threadFor(
  state: WorkspaceState,
  seed: RawMessageSeed,
  message: GmailMessageState,
  references: string[]
): GmailThreadState {
  const gmail = gmailOf(state);
  if (seed.threadId) {
    const existing = gmail.threads[seed.threadId];
    if (existing && existing.owner !== seed.owner) {
      throw new Error(`Thread ${seed.threadId} is in ${existing.owner}'s mailbox`);
    }
    return existing ?? newThread(state, seed.threadId, seed.owner);
  }
  if (references.length) {
    const subject = baseSubject(message.subject);
    for (const other of Object.values(gmail.messages)) {
      if (other.owner !== seed.owner || !other.messageId) continue;
      if (!references.includes(other.messageId)) continue;
      if (baseSubject(other.subject) !== subject) continue;
      const thread = gmail.threads[other.threadId];
      if (thread) return thread;
    }
  }
  return newThread(state, message.id, seed.owner);
}

function newThread(state: WorkspaceState, id: string, owner: string): GmailThreadState {
  const thread: GmailThreadState = { id, owner, messageIds: [] };
  gmailOf(state).threads[id] = thread;
  return thread;
}

function baseSubject(subject: string): string {
  return subject
    .replace(/^(\s*(re|fw|fwd|aw|wg)\s*(\[\d+\])?\s*:\s*)+/i, '')
    .trim()
    .toLowerCase();
}
