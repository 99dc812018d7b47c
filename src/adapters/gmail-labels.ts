// Gmail labels through the Gmail API (`gmail.modify` scope): GmailApp's label methods would need
// full mailbox access (https://mail.google.com/), which records capture does not need.
import { UserFacingError } from '../app/errors';

export const TO_CAPTURE_LABEL = 'Records/To capture';
export const CAPTURED_LABEL = 'Records/Captured';
export const CAPTURE_FAILED_LABEL = 'Records/Capture failed';
/** Captured as the original only: the PDF rendition and attachments are still to be made. */
export const RENDITION_PENDING_LABEL = 'Records/Rendition pending';

function gmail(): NonNullable<typeof Gmail> {
  if (typeof Gmail === 'undefined' || !Gmail) {
    throw new UserFacingError(
      'The advanced Gmail service is not enabled for this deployment. The administrator must enable "Gmail API" under Services in the Apps Script project.',
      'Deployment incomplete'
    );
  }
  return Gmail;
}

/** The user's label ids by name, creating the ones that are missing (one list call). */
export function labelIds(names: string[]): Record<string, string> {
  const api = gmail();
  const existing = api.Users!.Labels!.list('me').labels ?? [];
  const ids: Record<string, string> = {};
  for (const name of names) {
    const found = existing.find(l => l.name === name);
    ids[name] =
      found?.id ??
      api.Users!.Labels!.create(
        { name, labelListVisibility: 'labelShow', messageListVisibility: 'show' },
        'me'
      ).id ??
      '';
  }
  return ids;
}

export function labelThread(threadId: string, add: string[], remove: string[]): void {
  gmail().Users!.Threads!.modify({ addLabelIds: add, removeLabelIds: remove }, 'me', threadId);
}

/** Messages carrying a label (id and thread), newest first, one page of up to 500. */
export function messagesLabelled(
  labelId: string,
  pageToken?: string
): { messages: { id: string; threadId: string }[]; next: string | null } {
  const page = gmail().Users!.Messages!.list('me', {
    labelIds: [labelId],
    maxResults: 500,
    ...(pageToken ? { pageToken } : {}),
  });
  return {
    messages: (page.messages ?? [])
      .filter(m => m.id)
      .map(m => ({ id: m.id ?? '', threadId: m.threadId ?? '' })),
    next: page.nextPageToken ?? null,
  };
}
