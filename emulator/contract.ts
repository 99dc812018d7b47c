// Shapes the emulator's server sends and its page reads: one definition for both sides
// (types only, so the browser build takes nothing from the server).

/** A conversation in the inbox, shown by its newest message (the one Gmail opens). */
export interface InboxEntry {
  id: string;
  threadId: string;
  subject: string;
  /** Who wrote in the conversation, as Gmail lists them ("me" for the user). */
  from: string;
  /** Epoch ms of the newest message. */
  date: number;
  unread: boolean;
  /** Messages in the conversation. */
  count: number;
  snippet: string;
  /** The conversation's user labels (e.g. Records/To capture), as Gmail shows them by the subject. */
  userLabels: string[];
}

export interface EmailAttachment {
  name: string;
  size: number;
  mimeType: string;
  inline: boolean;
}

export interface EmailView {
  id: string;
  threadId: string;
  subject: string;
  from: string;
  to: string[];
  cc: string[];
  /** Epoch ms. */
  date: number;
  /** Plain text: the text part, or the HTML part reduced to text; never HTML. */
  body: string;
  attachments: EmailAttachment[];
  /** The message's labels, Gmail's own (INBOX, SENT, …) included. */
  labels: string[];
  /** The conversation's user labels, as Gmail shows them by the subject. */
  userLabels: string[];
  /** The whole conversation, oldest first, this message included. */
  thread: { id: string; from: string; date: number; snippet: string; unread: boolean }[];
}

/** How a paragraph is set: bold and alignment, as the add-on writes its marking line. */
export interface ParagraphStyle {
  bold: boolean;
  alignment: string | null;
}

/**
 * What a document body element is when it is more than a paragraph of text, index for index with
 * the body's lines (null: a plain paragraph). Images arrive as data URLs.
 */
export type DocBlock =
  | { kind: 'table'; rows: { text: string; background: string | null }[][] }
  | { kind: 'image'; src: string; width: number; height: number; alt: string }
  | { kind: 'listItem' }
  | { kind: 'pageBreak' }
  | { kind: 'rule' };

/** An embedded chart of a sheet: where it is anchored (1-based) and its picture as a data URL. */
export interface SheetChart {
  chartId: number;
  type: string;
  title: string;
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  src: string;
}
