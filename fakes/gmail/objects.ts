// GmailMessage, GmailThread, GmailLabel and GmailAttachment: thin views over the state, each
// re-reading it on every call, so a message deleted mid-execution fails the next call on it.
import { sha1 } from '@noble/hashes/legacy';
import { FakeBlob } from '../core/blob';
import type { FakeContext } from '../core/context';
import { invalidArgument } from '../core/errors';
import type { AddressState, GmailMessageState, GmailThreadState } from '../core/state';
import type { MailAccess } from './access';
import { base64ToBytes, utf8ToString } from './codec';
import { compileQuery } from './search';
import { gmailOf, messagesOf, userLabels } from './store';

/** Documented: "You can add labels for up to 100 threads per batch." */
export const MAX_THREADS_PER_BATCH = 100;
/** The Gmail API's page ceiling, which paged GmailApp calls share. */
export const MAX_PAGE = 500;

export interface GmailViews {
  ctx: FakeContext;
  access: MailAccess;
}

export function wrapMessage(views: GmailViews, id: string): GoogleAppsScript.Gmail.GmailMessage {
  return views.ctx.wrap(
    new FakeGmailMessage(views, id),
    'GmailApp.GmailMessage'
  ) as unknown as GoogleAppsScript.Gmail.GmailMessage;
}

export function wrapThread(views: GmailViews, id: string): GoogleAppsScript.Gmail.GmailThread {
  return views.ctx.wrap(
    new FakeGmailThread(views, id),
    'GmailApp.GmailThread'
  ) as unknown as GoogleAppsScript.Gmail.GmailThread;
}

export function wrapLabel(views: GmailViews, name: string): GoogleAppsScript.Gmail.GmailLabel {
  return views.ctx.wrap(
    new FakeGmailLabel(views, name),
    'GmailApp.GmailLabel'
  ) as unknown as GoogleAppsScript.Gmail.GmailLabel;
}

/** The id behind a thread view handed back by the script. */
export function threadIdOf(thread: unknown, name = 'thread'): string {
  const id = (thread as { __threadId?: unknown } | null)?.__threadId;
  if (typeof id !== 'string') throw invalidArgument(name);
  return id;
}

export function messageIdOf(message: unknown, name = 'message'): string {
  const id = (message as { __messageId?: unknown } | null)?.__messageId;
  if (typeof id !== 'string') throw invalidArgument(name);
  return id;
}

export function labelNameOf(label: unknown): string {
  const name = (label as { __labelName?: unknown } | null)?.__labelName;
  if (typeof name !== 'string') throw invalidArgument('label');
  return name;
}

/** Threads of the caller's mailbox with a message matching the query, newest activity first. */
export function findThreads(
  views: GmailViews,
  query: string,
  start = 0,
  max?: number
): GoogleAppsScript.Gmail.GmailThread[] {
  const compiled = compileQuery(query);
  const { state, user } = views.ctx;
  const threads = Object.values(gmailOf(state).threads).filter(
    t => t.owner === user && messagesOf(state, t).some(m => compiled.matches(m))
  );
  threads.sort((a, b) => lastDate(state, b) - lastDate(state, a) || (a.id < b.id ? 1 : -1));
  const page = threads.slice(start, max === undefined ? undefined : start + max);
  return page.map(t => wrapThread(views, t.id));
}

export function checkPage(start: unknown, max: unknown): void {
  if (typeof start !== 'number' || start < 0 || !Number.isInteger(start)) {
    throw invalidArgument('start');
  }
  if (typeof max !== 'number' || max < 0 || !Number.isInteger(max) || max > MAX_PAGE) {
    throw invalidArgument('max');
  }
}

function lastDate(state: FakeContext['state'], thread: GmailThreadState): number {
  return Math.max(0, ...messagesOf(state, thread).map(m => m.internalDate));
}

function formatAddress(a: AddressState): string {
  if (!a.name) return a.address;
  const name = /[(),.:;<>@[\\\]"]/.test(a.name)
    ? `"${a.name.replace(/(["\\])/g, '\\$1')}"`
    : a.name;
  return `${name} <${a.address}>`;
}

function formatAddresses(list: AddressState[]): string {
  return list.map(formatAddress).join(', ');
}

type MessageApi = Pick<
  GoogleAppsScript.Gmail.GmailMessage,
  | 'getId'
  | 'getThread'
  | 'getSubject'
  | 'getFrom'
  | 'getTo'
  | 'getCc'
  | 'getBcc'
  | 'getReplyTo'
  | 'getDate'
  | 'getHeader'
  | 'getRawContent'
  | 'getBody'
  | 'getPlainBody'
  | 'getAttachments'
  | 'isInTrash'
  | 'isInInbox'
  | 'isDraft'
  | 'isUnread'
  | 'isStarred'
  | 'markRead'
  | 'markUnread'
  | 'star'
  | 'unstar'
  | 'moveToTrash'
  | 'refresh'
>;

class FakeGmailMessage implements MessageApi {
  constructor(
    private views: GmailViews,
    readonly __messageId: string
  ) {}

  private read(method: string): GmailMessageState {
    return this.views.access.message(this.__messageId, `GmailApp.GmailMessage.${method}`);
  }

  private write(method: string): GmailMessageState {
    this.views.access.requireMailboxWrite(`GmailApp.GmailMessage.${method}`);
    return this.read(method);
  }

  private self(): GoogleAppsScript.Gmail.GmailMessage {
    return wrapMessage(this.views, this.__messageId);
  }

  getId(): string {
    return this.read('getId').id;
  }
  getThread(): GoogleAppsScript.Gmail.GmailThread {
    return wrapThread(this.views, this.read('getThread').threadId);
  }
  getSubject(): string {
    return this.read('getSubject').subject;
  }
  getFrom(): string {
    const from = this.read('getFrom').from;
    return from ? formatAddress(from) : '';
  }
  getTo(): string {
    return formatAddresses(this.read('getTo').to);
  }
  getCc(): string {
    return formatAddresses(this.read('getCc').cc);
  }
  getBcc(): string {
    return formatAddresses(this.read('getBcc').bcc);
  }
  getReplyTo(): string {
    return formatAddresses(this.read('getReplyTo').replyTo);
  }
  /** When Gmail received it (its internal date), which is the Date header for seeded mail. */
  getDate(): GoogleAppsScript.Base.Date {
    return new Date(this.read('getDate').internalDate);
  }
  /** The header's raw value (unfolded, encoded words left as they are); '' when absent. */
  getHeader(name: string): string {
    if (typeof name !== 'string') throw invalidArgument('name');
    const key = name.toLowerCase();
    return this.read('getHeader').headers.find(h => h.key.toLowerCase() === key)?.value ?? '';
  }
  /** The message exactly as received, read as UTF-8. */
  getRawContent(): string {
    const bytes = base64ToBytes(this.read('getRawContent').rawBase64);
    this.views.ctx.execution.units(bytes.length / 1024);
    return utf8ToString(bytes);
  }
  /** The HTML body, or the plain text when the message has no HTML part. */
  getBody(): string {
    const message = this.read('getBody');
    return message.htmlBody || message.plainBody;
  }
  getPlainBody(): string {
    return this.read('getPlainBody').plainBody;
  }
  getAttachments(
    options?: GoogleAppsScript.Gmail.GmailAttachmentOptions
  ): GoogleAppsScript.Gmail.GmailAttachment[] {
    const message = this.read('getAttachments');
    const inline = options?.includeInlineImages !== false;
    const regular = options?.includeAttachments !== false;
    const chosen = message.attachments.filter(a => (a.inline ? inline : regular));
    this.views.ctx.execution.units(chosen.reduce((kb, a) => kb + a.size / 1024, 0));
    return chosen.map(
      a =>
        FakeGmailAttachment.create(
          this.views.ctx,
          base64ToBytes(a.contentBase64),
          a.mimeType,
          a.filename
        ) as unknown as GoogleAppsScript.Gmail.GmailAttachment
    );
  }
  isInTrash(): boolean {
    return this.read('isInTrash').trashed;
  }
  isInInbox(): boolean {
    const message = this.read('isInInbox');
    return message.labels.includes('INBOX') && !message.trashed;
  }
  isDraft(): boolean {
    return this.read('isDraft').labels.includes('DRAFT');
  }
  isUnread(): boolean {
    return this.read('isUnread').unread;
  }
  isStarred(): boolean {
    return this.read('isStarred').starred;
  }
  markRead(): GoogleAppsScript.Gmail.GmailMessage {
    this.write('markRead').unread = false;
    return this.self();
  }
  markUnread(): GoogleAppsScript.Gmail.GmailMessage {
    this.write('markUnread').unread = true;
    return this.self();
  }
  star(): GoogleAppsScript.Gmail.GmailMessage {
    this.write('star').starred = true;
    return this.self();
  }
  unstar(): GoogleAppsScript.Gmail.GmailMessage {
    this.write('unstar').starred = false;
    return this.self();
  }
  /** Trash keeps the message (Gmail empties it after 30 days); it stays readable by id. */
  moveToTrash(): GoogleAppsScript.Gmail.GmailMessage {
    this.write('moveToTrash').trashed = true;
    return this.self();
  }
  refresh(): GoogleAppsScript.Gmail.GmailMessage {
    this.read('refresh');
    return this.self();
  }
}

type ThreadApi = Pick<
  GoogleAppsScript.Gmail.GmailThread,
  | 'getId'
  | 'getMessages'
  | 'getMessageCount'
  | 'getFirstMessageSubject'
  | 'getLabels'
  | 'addLabel'
  | 'removeLabel'
  | 'getLastMessageDate'
  | 'getPermalink'
  | 'isInTrash'
  | 'isInInbox'
  | 'isUnread'
  | 'hasStarredMessages'
  | 'markRead'
  | 'markUnread'
  | 'moveToTrash'
  | 'moveToArchive'
  | 'moveToInbox'
  | 'refresh'
>;

class FakeGmailThread implements ThreadApi {
  constructor(
    private views: GmailViews,
    readonly __threadId: string
  ) {}

  private messages(method: string): GmailMessageState[] {
    const thread = this.views.access.thread(this.__threadId, `GmailApp.GmailThread.${method}`);
    return messagesOf(this.views.ctx.state, thread);
  }

  private write(method: string): GmailMessageState[] {
    this.views.access.requireMailboxWrite(`GmailApp.GmailThread.${method}`);
    return this.messages(method);
  }

  private self(): GoogleAppsScript.Gmail.GmailThread {
    return wrapThread(this.views, this.__threadId);
  }

  getId(): string {
    this.messages('getId');
    return this.__threadId;
  }
  getMessages(): GoogleAppsScript.Gmail.GmailMessage[] {
    return this.messages('getMessages').map(m => wrapMessage(this.views, m.id));
  }
  getMessageCount(): number {
    return this.messages('getMessageCount').length;
  }
  getFirstMessageSubject(): string {
    return this.messages('getFirstMessageSubject')[0].subject;
  }
  /** User labels only, in the order the mailbox lists them. */
  getLabels(): GoogleAppsScript.Gmail.GmailLabel[] {
    const used = new Set(this.messages('getLabels').flatMap(m => m.labels));
    return userLabels(this.views.ctx.state, this.views.ctx.user)
      .filter(name => used.has(name))
      .map(name => wrapLabel(this.views, name));
  }
  addLabel(label: GoogleAppsScript.Gmail.GmailLabel): GoogleAppsScript.Gmail.GmailThread {
    labelThread(
      this.views,
      labelNameOf(label),
      this.__threadId,
      true,
      'GmailApp.GmailThread.addLabel'
    );
    return this.self();
  }
  removeLabel(label: GoogleAppsScript.Gmail.GmailLabel): GoogleAppsScript.Gmail.GmailThread {
    labelThread(
      this.views,
      labelNameOf(label),
      this.__threadId,
      false,
      'GmailApp.GmailThread.removeLabel'
    );
    return this.self();
  }
  getLastMessageDate(): GoogleAppsScript.Base.Date {
    return new Date(Math.max(...this.messages('getLastMessageDate').map(m => m.internalDate)));
  }
  getPermalink(): string {
    this.messages('getPermalink');
    return `https://mail.google.com/mail/u/0/#all/${this.__threadId}`;
  }
  /** As Gmail's thread labels are the union of its messages': true if any message is in trash. */
  isInTrash(): boolean {
    return this.messages('isInTrash').some(m => m.trashed);
  }
  isInInbox(): boolean {
    return this.messages('isInInbox').some(m => m.labels.includes('INBOX') && !m.trashed);
  }
  isUnread(): boolean {
    return this.messages('isUnread').some(m => m.unread);
  }
  hasStarredMessages(): boolean {
    return this.messages('hasStarredMessages').some(m => m.starred);
  }
  markRead(): GoogleAppsScript.Gmail.GmailThread {
    for (const m of this.write('markRead')) m.unread = false;
    return this.self();
  }
  markUnread(): GoogleAppsScript.Gmail.GmailThread {
    for (const m of this.write('markUnread')) m.unread = true;
    return this.self();
  }
  moveToTrash(): GoogleAppsScript.Gmail.GmailThread {
    for (const m of this.write('moveToTrash')) m.trashed = true;
    return this.self();
  }
  moveToArchive(): GoogleAppsScript.Gmail.GmailThread {
    for (const m of this.write('moveToArchive')) m.labels = m.labels.filter(l => l !== 'INBOX');
    return this.self();
  }
  moveToInbox(): GoogleAppsScript.Gmail.GmailThread {
    for (const m of this.write('moveToInbox')) {
      m.trashed = false;
      if (!m.labels.includes('INBOX')) m.labels.push('INBOX');
    }
    return this.self();
  }
  refresh(): GoogleAppsScript.Gmail.GmailThread {
    this.messages('refresh');
    return this.self();
  }
}

/** Adds or removes a user label on every message of a thread. */
function labelThread(
  views: GmailViews,
  name: string,
  threadId: string,
  add: boolean,
  method: string
): void {
  views.access.requireMailboxWrite(method);
  if (!userLabels(views.ctx.state, views.ctx.user).includes(name)) throw invalidArgument('label');
  const thread = views.access.thread(threadId, method);
  for (const message of messagesOf(views.ctx.state, thread)) {
    const has = message.labels.includes(name);
    if (add && !has) message.labels.push(name);
    if (!add && has) message.labels = message.labels.filter(l => l !== name);
  }
}

type LabelApi = Pick<
  GoogleAppsScript.Gmail.GmailLabel,
  | 'getName'
  | 'getThreads'
  | 'getUnreadCount'
  | 'addToThread'
  | 'addToThreads'
  | 'removeFromThread'
  | 'removeFromThreads'
  | 'deleteLabel'
>;

class FakeGmailLabel implements LabelApi {
  constructor(
    private views: GmailViews,
    readonly __labelName: string
  ) {}

  private self(): GoogleAppsScript.Gmail.GmailLabel {
    return wrapLabel(this.views, this.__labelName);
  }

  getName(): string {
    return this.__labelName;
  }
  getThreads(start?: number, max?: number): GoogleAppsScript.Gmail.GmailThread[] {
    this.views.access.requireMailbox('GmailApp.GmailLabel.getThreads');
    if (arguments.length) checkPage(start, max);
    return findThreads(this.views, this.query(), start ?? 0, max);
  }
  getUnreadCount(): number {
    this.views.access.requireMailbox('GmailApp.GmailLabel.getUnreadCount');
    return findThreads(this.views, `${this.query()} is:unread`).length;
  }
  addToThread(thread: GoogleAppsScript.Gmail.GmailThread): GoogleAppsScript.Gmail.GmailLabel {
    labelThread(
      this.views,
      this.__labelName,
      threadIdOf(thread),
      true,
      'GmailApp.GmailLabel.addToThread'
    );
    return this.self();
  }
  removeFromThread(thread: GoogleAppsScript.Gmail.GmailThread): GoogleAppsScript.Gmail.GmailLabel {
    labelThread(
      this.views,
      this.__labelName,
      threadIdOf(thread),
      false,
      'GmailApp.GmailLabel.removeFromThread'
    );
    return this.self();
  }
  addToThreads(threads: GoogleAppsScript.Gmail.GmailThread[]): GoogleAppsScript.Gmail.GmailLabel {
    for (const id of batch(threads)) {
      labelThread(this.views, this.__labelName, id, true, 'GmailApp.GmailLabel.addToThreads');
    }
    return this.self();
  }
  removeFromThreads(
    threads: GoogleAppsScript.Gmail.GmailThread[]
  ): GoogleAppsScript.Gmail.GmailLabel {
    for (const id of batch(threads)) {
      labelThread(this.views, this.__labelName, id, false, 'GmailApp.GmailLabel.removeFromThreads');
    }
    return this.self();
  }
  deleteLabel(): void {
    deleteUserLabel(this.views, this.__labelName, 'GmailApp.GmailLabel.deleteLabel');
  }

  private query(): string {
    return `label:"${this.__labelName}"`;
  }
}

function batch(threads: GoogleAppsScript.Gmail.GmailThread[]): string[] {
  if (!Array.isArray(threads)) throw invalidArgument('threads');
  if (threads.length > MAX_THREADS_PER_BATCH) throw invalidArgument('threads');
  return threads.map(t => threadIdOf(t));
}

export function deleteUserLabel(views: GmailViews, name: string, method: string): void {
  views.access.requireMailboxWrite(method);
  const { state, user } = views.ctx;
  const labels = userLabels(state, user);
  if (!labels.includes(name)) throw invalidArgument('label');
  labels.splice(labels.indexOf(name), 1);
  for (const message of Object.values(gmailOf(state).messages)) {
    if (message.owner === user && message.labels.includes(name)) {
      message.labels = message.labels.filter(l => l !== name);
    }
  }
}

type AttachmentApi = Pick<
  GoogleAppsScript.Gmail.GmailAttachment,
  | 'getName'
  | 'getContentType'
  | 'getSize'
  | 'getBytes'
  | 'getDataAsString'
  | 'copyBlob'
  | 'getHash'
  | 'isGoogleType'
  | 'getAs'
  | 'setName'
  | 'setContentType'
  | 'setBytes'
  | 'setDataFromString'
>;

/** A Blob with a size and a SHA-1 hash; Drive accepts it as it accepts any blob. */
export class FakeGmailAttachment extends FakeBlob implements AttachmentApi {
  static create(
    ctx: FakeContext,
    bytes: Uint8Array,
    contentType: string | null,
    name: string | null
  ): FakeGmailAttachment {
    const raw = new FakeGmailAttachment(ctx, bytes, contentType, name);
    const wrapped = ctx.wrap(raw, 'GmailApp.GmailAttachment');
    // Chained setters answer with the counted view, as FakeBlob.create arranges for blobs.
    (raw as unknown as { view: unknown }).view = wrapped;
    return wrapped;
  }

  getName(): string {
    return super.getName() ?? '';
  }
  getContentType(): string {
    return super.getContentType() ?? '';
  }
  getSize(): number {
    return this.__bytes().length;
  }
  /** SHA-1 of the content in hex, as Gmail reports it. */
  getHash(): string {
    return Array.from(sha1(this.__bytes()), b => b.toString(16).padStart(2, '0')).join('');
  }
}
