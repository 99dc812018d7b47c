// Who may read what in Gmail, per execution.
//
// The rule: a mailbox is its owner's alone (another user's message is "not found"). Within it,
// what a script reaches depends on the OAuth scopes the add-on was granted:
//  - a mailbox scope (mail.google.com, gmail.modify, gmail.readonly) reaches every message,
//    with or without a current-message token, as in Apps Script;
//  - with only the Gmail add-on current-message scopes, a message (and its thread) is readable
//    only after `GmailApp.setCurrentMessageAccessToken(token)` with the token Gmail put in the
//    event for that message. The fakes' event builder issues it as `token-<messageId>`
//    (fakes/events.ts, gmailEvent); any other token grants nothing;
//  - mailbox-wide calls (search, labels, inbox, changes to messages) need a mailbox scope, and
//    writes need mail.google.com or gmail.modify.
// Scopes come from the add-on manifest (`installFakes` option `oauthScopes`); when none are
// given, every scope counts as granted.
import type { FakeContext } from '../core/context';
import { invalidArgument, MESSAGES } from '../core/errors';
import type { GmailMessageState, GmailThreadState } from '../core/state';
import { gmailOf } from './store';

export const GMAIL_SCOPES = {
  full: 'https://mail.google.com/',
  modify: 'https://www.googleapis.com/auth/gmail.modify',
  readonly: 'https://www.googleapis.com/auth/gmail.readonly',
  currentMessageRead: 'https://www.googleapis.com/auth/gmail.addons.current.message.readonly',
  currentMessageMetadata: 'https://www.googleapis.com/auth/gmail.addons.current.message.metadata',
  currentMessageAction: 'https://www.googleapis.com/auth/gmail.addons.current.message.action',
} as const;

const TOKEN_PREFIX = 'token-';

/** The access token Gmail puts in the add-on event for the open message. */
export function currentMessageToken(messageId: string): string {
  return `${TOKEN_PREFIX}${messageId}`;
}

export class MailAccess {
  private tokenMessageId: string | null = null;

  constructor(
    private ctx: FakeContext,
    private scopes: readonly string[] | undefined
  ) {}

  setToken(token: unknown): void {
    if (typeof token !== 'string' || !token) throw invalidArgument('accessToken');
    this.tokenMessageId = token.startsWith(TOKEN_PREFIX) ? token.slice(TOKEN_PREFIX.length) : null;
  }

  private granted(...scopes: string[]): boolean {
    return !this.scopes || scopes.some(s => this.scopes?.includes(s));
  }

  private mailboxRead(): boolean {
    return this.granted(GMAIL_SCOPES.full, GMAIL_SCOPES.modify, GMAIL_SCOPES.readonly);
  }

  private currentMessage(): boolean {
    return this.granted(
      GMAIL_SCOPES.currentMessageRead,
      GMAIL_SCOPES.currentMessageMetadata,
      GMAIL_SCOPES.currentMessageAction
    );
  }

  /** For calls that reach beyond the open message: search, labels, the inbox. */
  requireMailbox(method: string): void {
    if (!this.mailboxRead()) throw missingPermission(method);
  }

  /** For calls that change the mailbox: labels, read state, stars, trash. */
  requireMailboxWrite(method: string): void {
    if (!this.granted(GMAIL_SCOPES.full, GMAIL_SCOPES.modify)) throw missingPermission(method);
  }

  /** The caller's message with this id, if the grant reaches it. */
  message(id: unknown, method: string): GmailMessageState {
    if (typeof id !== 'string') throw invalidArgument('id');
    const gmail = gmailOf(this.ctx.state);
    if (!this.mailboxRead()) {
      if (!this.currentMessage()) throw missingPermission(method);
      const current = this.tokenMessageId ? gmail.messages[this.tokenMessageId] : undefined;
      const message = gmail.messages[id];
      const sameThread = current && message && current.threadId === message.threadId;
      if (!current || current.owner !== this.ctx.user || (id !== current.id && !sameThread)) {
        throw new Error(MESSAGES.gmailMissingAccessToken);
      }
    }
    const message = gmail.messages[id];
    if (!message || message.owner !== this.ctx.user) throw new Error(MESSAGES.gmailNotFound);
    return message;
  }

  /** The caller's thread with this id, if the grant reaches it. */
  thread(id: unknown, method: string): GmailThreadState {
    if (typeof id !== 'string') throw invalidArgument('id');
    const gmail = gmailOf(this.ctx.state);
    if (!this.mailboxRead()) {
      if (!this.currentMessage()) throw missingPermission(method);
      const current = this.tokenMessageId ? gmail.messages[this.tokenMessageId] : undefined;
      if (!current || current.owner !== this.ctx.user || current.threadId !== id) {
        throw new Error(MESSAGES.gmailMissingAccessToken);
      }
    }
    const thread = gmail.threads[id];
    if (!thread || thread.owner !== this.ctx.user || !thread.messageIds.length) {
      throw new Error(MESSAGES.gmailNotFound);
    }
    return thread;
  }
}

/** Apps Script's message when the manifest lacks a scope the call needs. */
export function missingPermission(method: string): Error {
  return new Error(
    `You do not have permission to call ${method}. Required permissions: ${GMAIL_SCOPES.full}`
  );
}
