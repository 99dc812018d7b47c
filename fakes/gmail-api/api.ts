// The Gmail REST API (v1) over the same mailbox state as GmailApp: the calls the advanced `Gmail`
// service and `UrlFetchApp` requests to gmail.googleapis.com both reach. Resources are built here
// with byte fields (`raw`, `body.data`, attachment `data`) as Uint8Array; each front end encodes
// them as its platform does (the advanced service as byte arrays, REST as base64url text).
//
// Rules applied, in the API's order: the user id (`me` or the caller's own address), the OAuth
// scopes of the add-on manifest, the id's form, then the mailbox (another user's message is
// "not found"). User label ids are `Label_<n>`, derived from the label's name, so they stay the
// same from run to run and for GmailApp's labels.
import type { FakeContext } from '../core/context';
import { MESSAGES } from '../core/errors';
import { NotEmulatedError } from '../core/instrument';
import type { GmailMessageState, GmailThreadState } from '../core/state';
import { GMAIL_SCOPES } from '../gmail/access';
import {
  base64Size,
  base64ToBytes,
  bytesToBase64,
  stringToUtf8,
  utf8ToString,
} from '../gmail/codec';
import { compileQuery } from '../gmail/search';
import { gmailOf, isSystemLabel, messagesOf, userLabels } from '../gmail/store';
import { allEntities, decodedContent, parseMessage } from './mime';
import type { MimeEntity } from './mime';

export const GMAIL_API_SCOPES = {
  ...GMAIL_SCOPES,
  metadata: 'https://www.googleapis.com/auth/gmail.metadata',
  labels: 'https://www.googleapis.com/auth/gmail.labels',
} as const;

/** Documented: "The maximum allowed value for this field is 500"; larger values are capped. */
export const MAX_LIST_RESULTS = 500;
export const DEFAULT_LIST_RESULTS = 100;

const STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
};

/** An error answer of the API: HTTP code, message and the `errors[0]` entry. */
export class GmailApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly reason: string,
    /** `errors[0].message` where Google words it differently from the top-level message. */
    readonly entryMessage: string = message
  ) {
    super(message);
    this.name = 'GmailApiError';
  }

  get status(): string {
    return STATUS[this.code] ?? 'UNKNOWN';
  }

  /** The JSON body Google sends with the error. */
  body(): Record<string, unknown> {
    return {
      error: {
        code: this.code,
        message: this.message,
        errors: [{ message: this.entryMessage, domain: 'global', reason: this.reason }],
        status: this.status,
      },
    };
  }
}

const notFound = () => new GmailApiError(404, MESSAGES.gmailApiNotFound, 'notFound');
const insufficientScopes = () =>
  new GmailApiError(
    403,
    MESSAGES.gmailApiInsufficientScopes,
    'insufficientPermissions',
    'Insufficient Permission'
  );
const badRequest = (message: string) => new GmailApiError(400, message, 'invalidArgument');

/** A resource and the KB of content it carried, for the call's per-KB cost. */
export interface Served<T = Record<string, unknown>> {
  resource: T;
  kb: number;
}

export type MessageFormat = 'full' | 'metadata' | 'minimal' | 'raw';

export interface GetArgs {
  format?: string;
  metadataHeaders?: string[];
}

export interface ListArgs {
  q?: string;
  maxResults?: number;
  pageToken?: string;
  labelIds?: string[];
  includeSpamTrash?: boolean;
}

export interface ModifyBody {
  addLabelIds?: unknown;
  removeLabelIds?: unknown;
}

/** System labels every mailbox lists. */
const LISTED_SYSTEM_LABELS = [
  'CHAT',
  'SENT',
  'INBOX',
  'IMPORTANT',
  'TRASH',
  'DRAFT',
  'SPAM',
  'CATEGORY_FORUMS',
  'CATEGORY_UPDATES',
  'CATEGORY_PERSONAL',
  'CATEGORY_PROMOTIONS',
  'CATEGORY_SOCIAL',
  'STARRED',
  'UNREAD',
];
/** System labels a client may add or remove; SENT, DRAFT and CHAT are Gmail's to set. */
const MODIFIABLE_SYSTEM_LABELS = ['INBOX', 'SPAM', 'TRASH', 'UNREAD', 'STARRED', 'IMPORTANT'];

/** A user label's id, derived from its name (two 32-bit mixes, shown as one decimal number). */
export function userLabelId(name: string): string {
  const mix = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < name.length; i++) {
      h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    return Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  };
  const high = mix(0x811c9dc5) >>> 11;
  return `Label_${high * 0x100000000 + mix(0x9747b28c)}`;
}

/** The message's label ids as the API lists them. */
export function labelIdsOf(message: GmailMessageState): string[] {
  const ids = message.labels.filter(l => isSystemLabel(l) && !(l === 'INBOX' && message.trashed));
  if (message.unread) ids.push('UNREAD');
  if (message.starred) ids.push('STARRED');
  if (message.trashed) ids.push('TRASH');
  for (const name of message.labels) if (!isSystemLabel(name)) ids.push(userLabelId(name));
  return ids;
}

/** base64url with padding, as the REST API writes bytes fields. */
export function base64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_');
}

/** A copy of `value` with every Uint8Array replaced by `encode(bytes)`. */
export function encodeBytes(value: unknown, encode: (bytes: Uint8Array) => unknown): unknown {
  if (ArrayBuffer.isView(value)) return encode(value as Uint8Array);
  if (Array.isArray(value)) return value.map(v => encodeBytes(v, encode));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = encodeBytes(v, encode);
    return out;
  }
  return value;
}

function snippetOf(message: GmailMessageState): string {
  const text = message.plainBody.replace(/\s+/g, ' ').trim().slice(0, 200);
  // Gmail sends the snippet HTML-escaped.
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function attachmentId(messageId: string, partId: string): string {
  return base64Url(stringToUtf8(`${messageId}:${partId}`)).replace(/=+$/, '');
}

function partResource(entity: MimeEntity, messageId: string): Record<string, unknown> {
  const part: Record<string, unknown> = {
    partId: entity.partId,
    mimeType: entity.mimeType,
    filename: entity.filename,
    headers: entity.headers.map(h => ({ name: h.name, value: h.value })),
  };
  if (entity.body === null) {
    part.body = { size: 0 };
    part.parts = entity.parts.map(p => partResource(p, messageId));
    return part;
  }
  const content = decodedContent(entity);
  if (entity.filename) {
    part.body = { attachmentId: attachmentId(messageId, entity.partId), size: content.length };
  } else {
    part.body = content.length ? { size: content.length, data: content } : { size: 0 };
  }
  return part;
}

export function parseFormat(value: unknown, allowed: readonly MessageFormat[]): MessageFormat {
  if (value === undefined || value === null || value === '') return 'full';
  const format = String(value).toLowerCase();
  if (!(allowed as readonly string[]).includes(format)) {
    // Unconfirmed wording, after the API's answer to a bad value ("Invalid value at …").
    throw badRequest(`Invalid value at 'format' (TYPE_ENUM), "${String(value)}"`);
  }
  return format as MessageFormat;
}

type Access = 'metadata' | 'read' | 'write' | 'labelsRead' | 'labelsWrite';

const GRANTS: Record<Access, string[]> = {
  metadata: [
    GMAIL_API_SCOPES.full,
    GMAIL_API_SCOPES.modify,
    GMAIL_API_SCOPES.readonly,
    GMAIL_API_SCOPES.metadata,
  ],
  read: [GMAIL_API_SCOPES.full, GMAIL_API_SCOPES.modify, GMAIL_API_SCOPES.readonly],
  write: [GMAIL_API_SCOPES.full, GMAIL_API_SCOPES.modify],
  labelsRead: [
    GMAIL_API_SCOPES.full,
    GMAIL_API_SCOPES.modify,
    GMAIL_API_SCOPES.readonly,
    GMAIL_API_SCOPES.metadata,
    GMAIL_API_SCOPES.labels,
  ],
  labelsWrite: [GMAIL_API_SCOPES.full, GMAIL_API_SCOPES.modify, GMAIL_API_SCOPES.labels],
};

export class GmailApi {
  constructor(
    private ctx: FakeContext,
    /** The manifest's oauthScopes; absent means every scope is granted. */
    private scopes: readonly string[] | undefined
  ) {}

  // ---- labels ---------------------------------------------------------------------------------

  labelsList(userId: unknown): Served {
    this.user(userId);
    this.require('labelsRead');
    const labels = [
      ...LISTED_SYSTEM_LABELS.map(id => ({ id, name: id, type: 'system' })),
      ...this.labelNames().map(name => this.userLabelResource(name)),
    ];
    return { resource: { labels }, kb: 0 };
  }

  labelsGet(userId: unknown, id: unknown): Served {
    this.user(userId);
    this.require('labelsRead');
    const label = typeof id === 'string' ? id : '';
    let resource: Record<string, unknown>;
    if (LISTED_SYSTEM_LABELS.includes(label)) {
      resource = { id: label, name: label, type: 'system' };
    } else {
      const name = this.labelNames().find(n => userLabelId(n) === label);
      if (name === undefined) throw notFound();
      resource = this.userLabelResource(name);
    }
    const mine = this.mailbox().filter(m => labelIdsOf(m).includes(label));
    const threads = new Set(mine.map(m => m.threadId));
    const unreadThreads = new Set(mine.filter(m => m.unread).map(m => m.threadId));
    Object.assign(resource, {
      messagesTotal: mine.length,
      messagesUnread: mine.filter(m => m.unread).length,
      threadsTotal: threads.size,
      threadsUnread: unreadThreads.size,
    });
    return { resource, kb: 0 };
  }

  labelsCreate(userId: unknown, resource: unknown): Served {
    this.user(userId);
    this.require('labelsWrite');
    const body = (resource ?? {}) as Record<string, unknown>;
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (!name || LISTED_SYSTEM_LABELS.includes(name.toUpperCase())) {
      throw badRequest(MESSAGES.gmailApiInvalidLabelName);
    }
    const names = userLabels(this.ctx.state, this.ctx.user);
    if (names.some(n => n.toLowerCase() === name.toLowerCase())) {
      throw new GmailApiError(409, MESSAGES.gmailApiLabelExists, 'duplicate');
    }
    names.push(name);
    const created = this.userLabelResource(name);
    for (const key of ['messageListVisibility', 'labelListVisibility'] as const) {
      if (typeof body[key] === 'string') created[key] = body[key];
    }
    return { resource: created, kb: 0 };
  }

  // ---- messages -------------------------------------------------------------------------------

  messagesList(userId: unknown, args: ListArgs): Served {
    this.user(userId);
    this.require('metadata');
    if (args.q && !this.granted('read')) {
      throw new GmailApiError(403, "Metadata scope does not support 'q' parameter", 'forbidden');
    }
    const labelIds = (args.labelIds ?? []).map(id => this.listLabel(id));
    const anywhere =
      args.includeSpamTrash === true || labelIds.includes('TRASH') || labelIds.includes('SPAM');
    const query = compileQuery(`${args.q ?? ''}${anywhere ? ' in:anywhere' : ''}`);
    const all = this.mailbox()
      .filter(m => query.matches(m))
      .filter(m => {
        const ids = labelIdsOf(m);
        return labelIds.every(id => ids.includes(id));
      })
      .sort(newestFirst);
    let start = 0;
    if (args.pageToken) {
      const after = parsePageToken(args.pageToken);
      start = all.findIndex(m => newestFirst(m, after) > 0);
      if (start < 0) start = all.length;
    }
    const max = Math.min(
      args.maxResults && args.maxResults > 0 ? Math.floor(args.maxResults) : DEFAULT_LIST_RESULTS,
      MAX_LIST_RESULTS
    );
    const page = all.slice(start, start + max);
    const resource: Record<string, unknown> = {};
    if (page.length) resource.messages = page.map(m => ({ id: m.id, threadId: m.threadId }));
    if (start + max < all.length) resource.nextPageToken = pageToken(page[page.length - 1]);
    resource.resultSizeEstimate = all.length;
    return { resource, kb: 0 };
  }

  messagesGet(userId: unknown, id: unknown, args: GetArgs): Served {
    this.user(userId);
    this.require('metadata');
    const format = parseFormat(args.format, ['full', 'metadata', 'minimal', 'raw']);
    this.requireFormat(format);
    return this.messageResource(this.message(id), format, args.metadataHeaders);
  }

  messagesModify(userId: unknown, id: unknown, body: unknown): Served {
    this.user(userId);
    this.require('write');
    const message = this.message(id);
    this.applyChanges([message], body);
    return { resource: this.modifiedResource(message), kb: 0 };
  }

  attachmentsGet(userId: unknown, messageId: unknown, id: unknown): Served {
    this.user(userId);
    this.require('read');
    const message = this.message(messageId);
    const token = typeof id === 'string' ? utf8ToString(base64ToBytes(id)) : '';
    const separator = token.lastIndexOf(':');
    const entity =
      separator > 0 && token.slice(0, separator) === message.id
        ? allEntities(parseMessage(base64ToBytes(message.rawBase64))).find(
            e => e.partId === token.slice(separator + 1) && e.body !== null
          )
        : undefined;
    // Unconfirmed wording for an attachment id the message does not have.
    if (!entity) throw badRequest('Invalid attachment token');
    const data = decodedContent(entity);
    return { resource: { size: data.length, data }, kb: data.length / 1024 };
  }

  // ---- threads --------------------------------------------------------------------------------

  threadsGet(userId: unknown, id: unknown, args: GetArgs): Served {
    this.user(userId);
    this.require('metadata');
    const format = parseFormat(args.format, ['full', 'metadata', 'minimal']);
    this.requireFormat(format);
    const thread = this.thread(id);
    let kb = 0;
    const messages = messagesOf(this.ctx.state, thread).map(m => {
      const served = this.messageResource(m, format, args.metadataHeaders);
      kb += served.kb;
      return served.resource;
    });
    return { resource: { id: thread.id, messages }, kb };
  }

  threadsModify(userId: unknown, id: unknown, body: unknown): Served {
    this.user(userId);
    this.require('write');
    const thread = this.thread(id);
    const messages = messagesOf(this.ctx.state, thread);
    this.applyChanges(messages, body);
    return {
      resource: { id: thread.id, messages: messages.map(m => this.modifiedResource(m)) },
      kb: 0,
    };
  }

  // ---- shared ---------------------------------------------------------------------------------

  private granted(access: Access): boolean {
    return !this.scopes || GRANTS[access].some(s => this.scopes?.includes(s));
  }

  private require(access: Access): void {
    if (!this.granted(access)) throw insufficientScopes();
  }

  private requireFormat(format: MessageFormat): void {
    if ((format === 'full' || format === 'raw') && !this.granted('read')) {
      throw new GmailApiError(
        403,
        `Metadata scope doesn't allow format ${format.toUpperCase()}`,
        'forbidden'
      );
    }
  }

  /** `me` or the caller's own address; anyone else's mailbox needs domain-wide delegation. */
  private user(userId: unknown): void {
    if (typeof userId !== 'string') throw badRequest('Invalid user id specified in request');
    if (userId === 'me' || userId.toLowerCase() === this.ctx.user.toLowerCase()) return;
    throw new GmailApiError(403, `Delegation denied for ${this.ctx.user}`, 'forbidden');
  }

  private mailbox(): GmailMessageState[] {
    return Object.values(gmailOf(this.ctx.state).messages).filter(m => m.owner === this.ctx.user);
  }

  private labelNames(): string[] {
    return userLabels(this.ctx.state, this.ctx.user);
  }

  private userLabelResource(name: string): Record<string, unknown> {
    return {
      id: userLabelId(name),
      name,
      messageListVisibility: 'show',
      labelListVisibility: 'labelShow',
      type: 'user',
    };
  }

  private message(id: unknown): GmailMessageState {
    const text = typeof id === 'string' ? id : '';
    const message = gmailOf(this.ctx.state).messages[text];
    if (message && message.owner === this.ctx.user) return message;
    if (!/^[0-9a-f]{1,16}$/i.test(text)) throw badRequest(MESSAGES.gmailApiInvalidId);
    throw notFound();
  }

  private thread(id: unknown): GmailThreadState {
    const text = typeof id === 'string' ? id : '';
    const thread = gmailOf(this.ctx.state).threads[text];
    if (thread && thread.owner === this.ctx.user && thread.messageIds.length) return thread;
    if (!/^[0-9a-f]{1,16}$/i.test(text)) throw badRequest(MESSAGES.gmailApiInvalidId);
    throw notFound();
  }

  private messageResource(
    message: GmailMessageState,
    format: MessageFormat,
    metadataHeaders: string[] | undefined
  ): Served {
    const resource: Record<string, unknown> = {
      id: message.id,
      threadId: message.threadId,
      labelIds: labelIdsOf(message),
      snippet: snippetOf(message),
    };
    const size = base64Size(message.rawBase64);
    let kb = 0;
    if (format === 'full' || format === 'metadata') {
      const root = parseMessage(base64ToBytes(message.rawBase64));
      if (format === 'full') {
        resource.payload = partResource(root, message.id);
        kb = size / 1024;
      } else {
        const wanted = metadataHeaders?.map(h => h.toLowerCase());
        resource.payload = {
          mimeType: root.mimeType,
          headers: root.headers
            .filter(h => !wanted || wanted.includes(h.name.toLowerCase()))
            .map(h => ({ name: h.name, value: h.value })),
        };
      }
    }
    resource.sizeEstimate = size;
    if (format === 'raw') {
      resource.raw = base64ToBytes(message.rawBase64);
      kb = size / 1024;
    }
    resource.internalDate = String(message.internalDate);
    return { resource, kb };
  }

  private modifiedResource(message: GmailMessageState): Record<string, unknown> {
    return { id: message.id, threadId: message.threadId, labelIds: labelIdsOf(message) };
  }

  /** A label id in a list filter: any system label, or one of the mailbox's own. */
  private listLabel(id: unknown): string {
    const text = String(id);
    if (text.startsWith('CATEGORY_')) {
      throw new NotEmulatedError(`not emulated: Gmail inbox categories (${text})`);
    }
    if (LISTED_SYSTEM_LABELS.includes(text)) return text;
    if (this.labelNames().some(n => userLabelId(n) === text)) return text;
    throw badRequest(`Invalid label: ${text}`);
  }

  private applyChanges(messages: GmailMessageState[], body: unknown): void {
    const request = (body ?? {}) as ModifyBody;
    const add = this.labelList(request.addLabelIds, 'addLabelIds');
    const remove = this.labelList(request.removeLabelIds, 'removeLabelIds');
    if (!add.length && !remove.length) throw badRequest(MESSAGES.gmailApiNoLabelChange);
    const changes = [
      ...add.map(id => ({ id, on: true })),
      ...remove.map(id => ({ id, on: false })),
    ].map(change => ({ ...change, name: this.modifiableLabel(change.id) }));
    for (const message of messages) {
      for (const { id, on, name } of changes) setLabel(message, id, name, on);
    }
  }

  private labelList(value: unknown, field: string): string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
      throw badRequest(`Invalid value at '${field}'`);
    }
    return value as string[];
  }

  /** The label an id names for a change: null for a system label, else the user label's name. */
  private modifiableLabel(id: string): string | null {
    if (MODIFIABLE_SYSTEM_LABELS.includes(id)) return null;
    if (id.startsWith('CATEGORY_')) {
      throw new NotEmulatedError(`not emulated: Gmail inbox categories (${id})`);
    }
    const name = this.labelNames().find(n => userLabelId(n) === id);
    // SENT, DRAFT and CHAT land here too (unconfirmed: the API's refusal of those).
    if (name === undefined) throw badRequest(`Invalid label: ${id}`);
    return name;
  }
}

function setLabel(message: GmailMessageState, id: string, name: string | null, on: boolean): void {
  if (name === null && id === 'UNREAD') message.unread = on;
  else if (name === null && id === 'STARRED') message.starred = on;
  else if (name === null && id === 'TRASH') message.trashed = on;
  else {
    const label = name ?? id;
    const has = message.labels.includes(label);
    if (on && !has) message.labels.push(label);
    if (!on && has) message.labels = message.labels.filter(l => l !== label);
  }
}

/** Newest first, as Gmail lists mail; ties by id. Negative when `a` comes first. */
function newestFirst(
  a: Pick<GmailMessageState, 'internalDate' | 'id'>,
  b: Pick<GmailMessageState, 'internalDate' | 'id'>
): number {
  return b.internalDate - a.internalDate || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * A page token marks the last message of the page (its date and id), so the next page starts
 * after it even when earlier messages have left the result meanwhile: a sweep that relabels what
 * it took does not skip any. Real tokens are opaque; how they behave under change is unconfirmed.
 */
function pageToken(last: GmailMessageState): string {
  return `${last.internalDate.toString().padStart(15, '0')}${last.id}`;
}

function parsePageToken(token: string): Pick<GmailMessageState, 'internalDate' | 'id'> {
  const match = /^(\d{15})([0-9a-f]{1,16})$/i.exec(token);
  // Unconfirmed wording.
  if (!match) throw badRequest('Invalid pageToken');
  return { internalDate: Number(match[1]), id: match[2] };
}
