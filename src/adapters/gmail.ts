// Gmail: the message open in the sidebar, read with the event's access token under the
// current-message scope (no access to the rest of the mailbox).
import { messageOf, UserFacingError } from '../app/errors';

export interface AttachmentInfo {
  name: string;
  contentType: string;
  size: number;
}

export interface EmailMessage {
  id: string;
  threadId: string;
  subject: string;
  from: string;
  to: string;
  cc: string;
  date: Date | null;
  messageId: string;
  inReplyTo: string;
  attachments: AttachmentInfo[];
  /** The Apps Script message, for content (raw, bodies, attachment blobs). */
  message: GoogleAppsScript.Gmail.GmailMessage;
}

/** Opens the message the user has open in Gmail (add-ons read it with the event's token). */
export function openCurrentMessage(messageId: string, accessToken: string): EmailMessage {
  try {
    GmailApp.setCurrentMessageAccessToken(accessToken);
    return describe(GmailApp.getMessageById(messageId));
  } catch (error) {
    throw new UserFacingError(
      `This email could not be read (${messageOf(error).replace(/\.$/, '')}). It may have been deleted. Nothing was captured.`,
      'Email not available'
    );
  }
}

/** The message's fields; its attachments' names and sizes only when asked (a costly read). */
export function describe(
  message: GoogleAppsScript.Gmail.GmailMessage,
  withAttachments = true
): EmailMessage {
  const attachments = withAttachments
    ? message.getAttachments({ includeInlineImages: false, includeAttachments: true })
    : [];
  return {
    id: message.getId(),
    threadId: message.getThread().getId(),
    subject: message.getSubject(),
    from: message.getFrom(),
    to: message.getTo(),
    cc: message.getCc(),
    date: message.getDate() ? new Date(message.getDate().getTime()) : null,
    messageId: message.getHeader('Message-ID'),
    inReplyTo: message.getHeader('In-Reply-To'),
    attachments: attachments.map(a => ({
      name: a.getName(),
      contentType: a.getContentType(),
      size: a.getSize(),
    })),
    message,
  };
}
