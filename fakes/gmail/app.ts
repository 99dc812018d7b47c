// GmailApp: the open message (read with the add-on event's token), lookups by id, labels, search
// and the inbox, over the caller's own mailbox in the shared state.
import type { FakeContext } from '../core/context';
import { invalidArgument } from '../core/errors';
import { MailAccess } from './access';
import {
  checkPage,
  deleteUserLabel,
  findThreads,
  labelNameOf,
  messageIdOf,
  threadIdOf,
  wrapLabel,
  wrapMessage,
  wrapThread,
} from './objects';
import type { GmailViews } from './objects';
import { isSystemLabel, messagesOf, userLabels } from './store';

export interface GmailAppOptions {
  /** The add-on manifest's oauthScopes; absent means every scope is granted. */
  scopes?: readonly string[];
}

type GmailAppApi = Pick<
  GoogleAppsScript.Gmail.GmailApp,
  | 'setCurrentMessageAccessToken'
  | 'getMessageById'
  | 'getThreadById'
  | 'getMessagesForThread'
  | 'getMessagesForThreads'
  | 'getUserLabelByName'
  | 'getUserLabels'
  | 'createLabel'
  | 'deleteLabel'
  | 'search'
  | 'getInboxThreads'
  | 'getTrashThreads'
  | 'getInboxUnreadCount'
  | 'moveMessageToTrash'
  | 'moveThreadToTrash'
>;

class FakeGmailApp implements GmailAppApi {
  private views: GmailViews;
  /** The counted view, which chained calls answer with. */
  __view: GoogleAppsScript.Gmail.GmailApp | null = null;

  constructor(ctx: FakeContext, options: GmailAppOptions) {
    this.views = { ctx, access: new MailAccess(ctx, options.scopes) };
  }

  private get self(): GoogleAppsScript.Gmail.GmailApp {
    return this.__view ?? (this as unknown as GoogleAppsScript.Gmail.GmailApp);
  }

  /** Kept for this execution only, as Apps Script keeps it. */
  setCurrentMessageAccessToken(accessToken: string): void {
    this.views.access.setToken(accessToken);
  }
  getMessageById(id: string): GoogleAppsScript.Gmail.GmailMessage {
    return wrapMessage(this.views, this.views.access.message(id, 'GmailApp.getMessageById').id);
  }
  getThreadById(id: string): GoogleAppsScript.Gmail.GmailThread {
    return wrapThread(this.views, this.views.access.thread(id, 'GmailApp.getThreadById').id);
  }
  getMessagesForThread(
    thread: GoogleAppsScript.Gmail.GmailThread
  ): GoogleAppsScript.Gmail.GmailMessage[] {
    return this.messagesFor(threadIdOf(thread), 'GmailApp.getMessagesForThread');
  }
  getMessagesForThreads(
    threads: GoogleAppsScript.Gmail.GmailThread[]
  ): GoogleAppsScript.Gmail.GmailMessage[][] {
    if (!Array.isArray(threads)) throw invalidArgument('threads');
    return threads.map(t => this.messagesFor(threadIdOf(t), 'GmailApp.getMessagesForThreads'));
  }
  /** null when the mailbox has no label of that name. */
  getUserLabelByName(name: string): GoogleAppsScript.Gmail.GmailLabel {
    this.views.access.requireMailbox('GmailApp.getUserLabelByName');
    const { state, user } = this.views.ctx;
    return (
      userLabels(state, user).includes(name) ? wrapLabel(this.views, name) : null
    ) as GoogleAppsScript.Gmail.GmailLabel;
  }
  getUserLabels(): GoogleAppsScript.Gmail.GmailLabel[] {
    this.views.access.requireMailbox('GmailApp.getUserLabels');
    const { state, user } = this.views.ctx;
    return userLabels(state, user).map(name => wrapLabel(this.views, name));
  }
  /** Answers the existing label when the name is taken (unconfirmed; the product checks first). */
  createLabel(name: string): GoogleAppsScript.Gmail.GmailLabel {
    this.views.access.requireMailboxWrite('GmailApp.createLabel');
    if (typeof name !== 'string' || !name.trim() || isSystemLabel(name.toUpperCase())) {
      throw invalidArgument('name');
    }
    const labels = userLabels(this.views.ctx.state, this.views.ctx.user);
    if (!labels.includes(name)) labels.push(name);
    return wrapLabel(this.views, name);
  }
  deleteLabel(label: GoogleAppsScript.Gmail.GmailLabel): GoogleAppsScript.Gmail.GmailApp {
    deleteUserLabel(this.views, labelNameOf(label), 'GmailApp.deleteLabel');
    return this.self;
  }
  search(query: string, start?: number, max?: number): GoogleAppsScript.Gmail.GmailThread[] {
    this.views.access.requireMailbox('GmailApp.search');
    if (typeof query !== 'string') throw invalidArgument('query');
    if (arguments.length > 1) checkPage(start, max);
    return findThreads(this.views, query, start ?? 0, max);
  }
  getInboxThreads(start?: number, max?: number): GoogleAppsScript.Gmail.GmailThread[] {
    this.views.access.requireMailbox('GmailApp.getInboxThreads');
    if (arguments.length) checkPage(start, max);
    return findThreads(this.views, 'in:inbox', start ?? 0, max);
  }
  getTrashThreads(start?: number, max?: number): GoogleAppsScript.Gmail.GmailThread[] {
    this.views.access.requireMailbox('GmailApp.getTrashThreads');
    if (arguments.length) checkPage(start, max);
    return findThreads(this.views, 'in:trash', start ?? 0, max);
  }
  getInboxUnreadCount(): number {
    this.views.access.requireMailbox('GmailApp.getInboxUnreadCount');
    return findThreads(this.views, 'in:inbox is:unread').length;
  }
  moveMessageToTrash(
    message: GoogleAppsScript.Gmail.GmailMessage
  ): GoogleAppsScript.Gmail.GmailApp {
    this.views.access.requireMailboxWrite('GmailApp.moveMessageToTrash');
    this.views.access.message(messageIdOf(message), 'GmailApp.moveMessageToTrash').trashed = true;
    return this.self;
  }
  moveThreadToTrash(thread: GoogleAppsScript.Gmail.GmailThread): GoogleAppsScript.Gmail.GmailApp {
    this.views.access.requireMailboxWrite('GmailApp.moveThreadToTrash');
    const state = this.views.access.thread(threadIdOf(thread), 'GmailApp.moveThreadToTrash');
    for (const m of messagesOf(this.views.ctx.state, state)) m.trashed = true;
    return this.self;
  }

  private messagesFor(threadId: string, method: string): GoogleAppsScript.Gmail.GmailMessage[] {
    const thread = this.views.access.thread(threadId, method);
    return messagesOf(this.views.ctx.state, thread).map(m => wrapMessage(this.views, m.id));
  }
}

export function createGmailApp(
  ctx: FakeContext,
  options: GmailAppOptions = {}
): GoogleAppsScript.Gmail.GmailApp {
  const raw = new FakeGmailApp(ctx, options);
  raw.__view = ctx.wrap(raw, 'GmailApp') as unknown as GoogleAppsScript.Gmail.GmailApp;
  return raw.__view;
}
