// Gmail's part of the Workspace state: created on first use (states saved before mail was
// emulated have none), Gmail-like ids, and the lookups every mailbox view shares.
import type {
  GmailMessageState,
  GmailState,
  GmailThreadState,
  WorkspaceState,
} from '../core/state';

/** Labels Gmail keeps itself; any other name in a message's `labels` is a user label. */
export const SYSTEM_LABELS = ['INBOX', 'SENT', 'DRAFT', 'SPAM', 'IMPORTANT', 'CHAT'] as const;

export function isSystemLabel(name: string): boolean {
  return (SYSTEM_LABELS as readonly string[]).includes(name);
}

export function gmailOf(state: WorkspaceState): GmailState {
  if (!state.gmail) state.gmail = { messages: {}, threads: {}, labels: {} };
  return state.gmail;
}

/**
 * A 16-hex-digit id as Gmail's: the time in ms shifted left by 20 bits plus a counter, so ids
 * sort by time and repeat from run to run.
 */
export function newGmailId(state: WorkspaceState, ms: number): string {
  const gmail = gmailOf(state);
  for (;;) {
    const counter = state.nextId++ & 0xfffff;
    const id =
      Math.max(0, Math.floor(ms)).toString(16).padStart(11, '0').slice(-11) +
      counter.toString(16).padStart(5, '0');
    if (!gmail.messages[id] && !gmail.threads[id]) return id;
  }
}

export function userLabels(state: WorkspaceState, owner: string): string[] {
  const labels = gmailOf(state).labels;
  if (!labels[owner]) labels[owner] = [];
  return labels[owner];
}

/** The thread's messages, oldest first. */
export function messagesOf(state: WorkspaceState, thread: GmailThreadState): GmailMessageState[] {
  const messages = gmailOf(state).messages;
  return thread.messageIds.map(id => messages[id]).filter(m => m !== undefined);
}

export function insertInThread(
  state: WorkspaceState,
  thread: GmailThreadState,
  message: GmailMessageState
) {
  const messages = gmailOf(state).messages;
  let at = thread.messageIds.length;
  while (at > 0 && (messages[thread.messageIds[at - 1]]?.internalDate ?? 0) > message.internalDate)
    at--;
  thread.messageIds.splice(at, 0, message.id);
}

/** Removes a message for good (deleted forever, or by another client), and its thread if empty. */
export function deleteMessage(state: WorkspaceState, id: string): void {
  const gmail = gmailOf(state);
  const message = gmail.messages[id];
  if (!message) return;
  delete gmail.messages[id];
  const thread = gmail.threads[message.threadId];
  if (!thread) return;
  thread.messageIds = thread.messageIds.filter(m => m !== id);
  if (!thread.messageIds.length) delete gmail.threads[thread.id];
}

/** How Gmail search spells a label: lower case, spaces and slashes as hyphens. */
export function searchLabelName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s/&()|]+/g, '-');
}
