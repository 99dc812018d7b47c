import { createHash } from 'node:crypto';
import * as vm from 'node:vm';
import { installFakes } from '../../fakes';
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { MAX_BLOB_BYTES } from '../../fakes/core/blob';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createDriveApp } from '../../fakes/drive';
import { gmailEvent } from '../../fakes/events';
import { createGmailApp, currentMessageToken, GMAIL_SCOPES } from '../../fakes/gmail';
import * as fixtures from '../../fakes/gmail/fixtures';
import {
  addMessageFromRaw,
  createLabelInState,
  deleteMessageInState,
} from '../../fakes/gmail/seed';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };

const NOT_FOUND = 'Invalid argument: id';
const MISSING_TOKEN = 'Access denied: : Missing access token for per message scope authorization.';
const ADDON_ONLY_SCOPES = [
  'https://www.googleapis.com/auth/gmail.addons.execute',
  GMAIL_SCOPES.currentMessageRead,
];
const TO_CAPTURE = 'Records/To capture';

function workspace(): WorkspaceState {
  return createWorkspaceState({ users: [alice, bob] });
}

function session(state: WorkspaceState, user = alice.email, scopes?: string[]) {
  const execution = new Execution(state, { user, budgetMs: 360_000 });
  const ctx = createContext(state, execution);
  return { execution, GmailApp: createGmailApp(ctx, { scopes }) };
}

function seed(state: WorkspaceState, raw: string | Uint8Array, extra: { owner?: string } = {}) {
  return addMessageFromRaw(state, { owner: alice.email, raw, ...extra });
}

function stored(state: WorkspaceState, id: string) {
  const message = state.gmail?.messages[id];
  if (!message) throw new Error(`no message ${id}`);
  return message;
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

const sha1 = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');
const unsigned = (bytes: number[]) => Uint8Array.from(bytes, b => b & 0xff);

describe('addMessageFromRaw: fields a MIME parser reads from the raw message', () => {
  it('reads a plain message: decoded headers, addresses, date, Message-ID, Gmail-like ids', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.plainMessage());
    const message = stored(state, id);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(message).toMatchObject({
      threadId: id,
      owner: alice.email,
      subject: 'Draft retention schedule',
      from: { name: 'Departmental Records Officer', address: 'dro@dfrr.gov.uk' },
      to: [{ name: 'Policy Lead, Retention Reform', address: 'policy.retention@dfrr.gov.uk' }],
      cc: [],
      date: fixtures.FIXTURE_DATE,
      internalDate: fixtures.FIXTURE_DATE,
      inReplyTo: null,
      htmlBody: '',
      attachments: [],
      parseProblem: null,
      labels: ['INBOX'],
      unread: true,
      trashed: false,
    });
    expect(message.messageId).toMatch(/^<[0-9a-f]{8}\.\w+@mail\.dfrr\.gov\.uk>$/);
    expect(message.plainBody).toContain('Please find my comments on the draft retention schedule');

    const m = session(state).GmailApp.getMessageById(id);
    expect(m.getId()).toBe(id);
    expect(m.getSubject()).toBe('Draft retention schedule');
    expect(m.getFrom()).toBe('Departmental Records Officer <dro@dfrr.gov.uk>');
    expect(m.getTo()).toBe('"Policy Lead, Retention Reform" <policy.retention@dfrr.gov.uk>');
    expect(m.getCc()).toBe('');
    expect(m.getDate().getTime()).toBe(fixtures.FIXTURE_DATE);
    expect(m.getHeader('message-id')).toBe(message.messageId);
    expect(m.getHeader('X-Not-There')).toBe('');
    // No HTML part: the body is the plain text.
    expect(m.getBody()).toBe(message.plainBody);
    expect(m.getThread().getId()).toBe(id);
  });

  it('gives the HTML part as the body and the text part as the plain body', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.alternativeMessage());
    const m = session(state).GmailApp.getMessageById(id);
    expect(m.getBody()).toContain('<p>The Permanent Secretary has <b>approved</b>');
    expect(m.getPlainBody()).toContain('The Permanent Secretary has approved the records review.');
    expect(m.getPlainBody()).not.toContain('<');
  });

  it('derives a plain body from an HTML-only message', async () => {
    const state = workspace();
    const raw =
      'From: FOI Team <foi@dfrr.gov.uk>\r\nSubject: HTML only\r\nDate: Wed, 14 Dec 2016 10:30:00 +0000\r\n' +
      'Content-Type: text/html; charset=utf-8\r\n\r\n<p>Request <b>FOI-2016-118</b> closed.</p><p>Thanks &amp; regards</p>\r\n';
    const m = session(state).GmailApp.getMessageById(await seed(state, raw));
    expect(m.getBody()).toContain('<b>FOI-2016-118</b>');
    expect(m.getPlainBody()).toBe('Request FOI-2016-118 closed.\nThanks & regards');
  });

  it('keeps an inline image with its Content-ID, left out when inline images are not wanted', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.inlineImageMessage());
    expect(stored(state, id).attachments).toEqual([
      expect.objectContaining({
        filename: 'crest.png',
        mimeType: 'image/png',
        contentId: fixtures.CREST_CONTENT_ID,
        inline: true,
        size: 70,
      }),
    ]);
    const m = session(state).GmailApp.getMessageById(id);
    expect(m.getBody()).toContain(`src="cid:${fixtures.CREST_CONTENT_ID}"`);
    const [image] = m.getAttachments();
    expect(image.getName()).toBe('crest.png');
    expect(image.getContentType()).toBe('image/png');
    expect(Buffer.from(unsigned(image.getBytes())).toString('base64')).toBe(
      fixtures.CREST_PNG_BASE64
    );
    expect(m.getAttachments({ includeInlineImages: false })).toHaveLength(0);
    expect(m.getAttachments({ includeAttachments: false })).toHaveLength(1);
  });

  it('lists attachments with their names (RFC 2231 non-ASCII included), types, sizes and hashes', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.attachmentsMessage());
    const attachments = session(state).GmailApp.getMessageById(id).getAttachments();
    expect(attachments.map(a => [a.getName(), a.getContentType()])).toEqual([
      [fixtures.ATTACHMENT_NAMES.pdf, 'application/pdf'],
      [
        fixtures.ATTACHMENT_NAMES.docx,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [fixtures.ATTACHMENT_NAMES.csv, 'text/csv'],
    ]);
    const [pdf, docx, csv] = attachments;
    expect(pdf.getDataAsString().startsWith('%PDF-1.4')).toBe(true);
    expect(docx.getSize()).toBe(1500);
    expect(docx.getBytes().slice(0, 4)).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(csv.getDataAsString()).toBe(fixtures.CSV_TEXT);
    expect(csv.getSize()).toBe(Buffer.byteLength(fixtures.CSV_TEXT));
    expect(csv.getHash()).toBe(sha1(Buffer.from(fixtures.CSV_TEXT)));
    expect(csv.isGoogleType()).toBe(false);
    const copy = csv.copyBlob();
    expect(copy.getName()).toBe(fixtures.ATTACHMENT_NAMES.csv);
    expect(copy.getDataAsString()).toBe(fixtures.CSV_TEXT);
    expect(pdf.getAs('application/pdf').getName()).toBe('Retention schedule 2016-17.pdf');
  });

  it('keeps a forwarded message whole, as an attachment of type message/rfc822', async () => {
    const state = workspace();
    const original = fixtures.plainMessage({
      from: fixtures.PEOPLE.consultation,
      subject: 'Consultation response: retention periods',
    });
    const id = await seed(state, fixtures.forwardedMessage({}, original));
    const m = session(state).GmailApp.getMessageById(id);
    expect(m.getSubject()).toBe('Fwd: Consultation response: retention periods');
    expect(m.getPlainBody()).toContain('Forwarding the response below');
    const [eml] = m.getAttachments();
    expect(eml.getContentType()).toBe('message/rfc822');
    expect(eml.getName()).toBe('Consultation response: retention periods.eml');
    expect(eml.getDataAsString()).toBe(original);
  });

  it('decodes encoded-word subjects (UTF-8 base64 with RTL text, ISO-8859-1 Q) and names', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.encodedWordMessage());
    const m = session(state).GmailApp.getMessageById(id);
    expect(m.getSubject()).toBe(fixtures.ENCODED_SUBJECT);
    expect(m.getFrom()).toBe('Directrice générale des archives <dg.archives@example.org>');
    expect(m.getHeader('Subject')).toMatch(
      /^=\?UTF-8\?B\?.+=\?ISO-8859-1\?Q\?R=E9union_g=E9n=E9rale\?=$/
    );
    expect(m.getPlainBody()).toContain('réunion générale');
  });

  it('stores null for a missing Message-ID and answers an empty header', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.noMessageIdMessage());
    expect(stored(state, id).messageId).toBeNull();
    expect(stored(state, id).parseProblem).toBeNull();
    expect(session(state).GmailApp.getMessageById(id).getHeader('Message-ID')).toBe('');
  });

  it('stores a malformed message with its problems and as much as could be read', async () => {
    const state = workspace();
    const raw = fixtures.malformedMessage();
    const id = await seed(state, raw);
    const message = stored(state, id);
    expect(message.parseProblem).toContain(
      'message: header line without a field name "This line is not a header and has no colon"'
    );
    expect(message.parseProblem).toMatch(/multipart\/mixed has no closing boundary/);
    expect(message.subject).toBe('Minutes of the records board');
    expect(message.from?.address).toBe('dro@dfrr.gov.uk');
    expect(message.plainBody).toContain('The minutes are attached.');
    expect(message.attachments.map(a => a.filename)).toEqual(['Minutes.pdf']);
    expect(session(state).GmailApp.getMessageById(id).getRawContent()).toBe(raw);
  });

  it('stores headers alone when the parser refuses the message', async () => {
    const state = workspace();
    const raw =
      'From: Press Office <press.office@dfrr.gov.uk>\r\nSubject: =?UTF-8?Q?Nested_r=C3=A9ply?=\r\n' +
      'Message-ID: <deep@mail.dfrr.gov.uk>\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n' +
      '--a\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n'.repeat(300);
    const message = stored(state, await seed(state, raw));
    expect(message.parseProblem).toMatch(/^The MIME parser gave up: Maximum MIME nesting depth/);
    expect(message).toMatchObject({
      subject: 'Nested réply',
      from: { name: 'Press Office', address: 'press.office@dfrr.gov.uk' },
      messageId: '<deep@mail.dfrr.gov.uk>',
      plainBody: '',
      attachments: [],
    });
  });

  it('keeps S/MIME content opaque: an encrypted message is one application/pkcs7-mime file', async () => {
    const state = workspace();
    const { GmailApp } = session(state);
    const encrypted = GmailApp.getMessageById(await seed(state, fixtures.smimeMessage()));
    expect(encrypted.getPlainBody()).toBe('');
    expect(encrypted.getBody()).toBe('');
    const [p7m] = encrypted.getAttachments();
    expect([p7m.getName(), p7m.getContentType(), p7m.getSize()]).toEqual([
      'smime.p7m',
      'application/pkcs7-mime',
      640,
    ]);
    expect(p7m.getBytes().slice(0, 2)).toEqual([0x30, -126]);

    const signed = GmailApp.getMessageById(await seed(state, fixtures.smimeMessage({}, 'signed')));
    expect(signed.getPlainBody()).toContain('The signed contract variation is confirmed.');
    expect(signed.getAttachments().map(a => a.getContentType())).toEqual([
      'application/pkcs7-signature',
    ]);
  });

  it('lists a calendar invitation once, as its .ics file with METHOD:REQUEST', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.calendarInviteMessage());
    const m = session(state).GmailApp.getMessageById(id);
    expect(m.getSubject()).toMatch(/^Invitation: Retention schedule review/);
    const attachments = m.getAttachments();
    expect(attachments.map(a => [a.getName(), a.getContentType()])).toEqual([
      ['invite.ics', 'application/ics'],
    ]);
    expect(attachments[0].getDataAsString()).toContain('METHOD:REQUEST');
    expect(attachments[0].getDataAsString()).toContain(`UID:${fixtures.INVITE_UID}`);
    expect(m.getPlainBody()).toContain('Tuesday 10 January 2017');
  });

  it('writes a protective marking into the subject', async () => {
    const state = workspace();
    const raw = fixtures.plainMessage({ marking: 'OFFICIAL-SENSITIVE', subject: 'Budget options' });
    const id = await seed(state, raw);
    expect(stored(state, id).subject).toBe('OFFICIAL-SENSITIVE: Budget options');
    expect(fixtures.markedSubject('SECRET', 'Vetting')).toBe('SECRET: Vetting');
  });

  it('gives back every fixture byte for byte from getRawContent', async () => {
    const state = workspace();
    const raws = [
      fixtures.plainMessage(),
      fixtures.alternativeMessage(),
      fixtures.inlineImageMessage(),
      fixtures.attachmentsMessage(),
      fixtures.forwardedMessage(),
      fixtures.encodedWordMessage(),
      fixtures.noMessageIdMessage(),
      fixtures.malformedMessage(),
      fixtures.smimeMessage(),
      fixtures.calendarInviteMessage(),
      fixtures.largeAttachmentMessage(10_000),
      ...fixtures.threadMessages(3),
    ];
    const { GmailApp } = session(state);
    for (const raw of raws) {
      expect(raw).toMatch(/\r\n/);
      expect(raw).not.toMatch(/[^\r]\n/);
      const id = await seed(state, raw);
      expect(Buffer.from(stored(state, id).rawBase64, 'base64').toString('latin1')).toBe(raw);
      expect(GmailApp.getMessageById(id).getRawContent()).toBe(raw);
    }
  });

  it('keeps raw bytes that are not UTF-8 exactly as given', async () => {
    const state = workspace();
    const bytes = Buffer.from(
      'From: dro@dfrr.gov.uk\r\nSubject: Latin-1 body\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n' +
        'Content-Transfer-Encoding: 8bit\r\n\r\nR\xe9union g\xe9n\xe9rale\r\n',
      'latin1'
    );
    const id = await seed(state, new Uint8Array(bytes));
    expect(stored(state, id).rawBase64).toBe(bytes.toString('base64'));
    expect(stored(state, id).plainBody).toContain('Réunion générale');
  });

  it('repeats ids from run to run and creates the Gmail store in states saved before mail', async () => {
    const first = workspace();
    const second = workspace();
    delete first.gmail;
    const a = await seed(first, fixtures.plainMessage());
    const b = await seed(second, fixtures.plainMessage());
    expect(a).toBe(b);
    expect(a.slice(0, 11)).toBe(fixtures.FIXTURE_DATE.toString(16).padStart(11, '0'));
    const old = workspace();
    delete old.gmail;
    expect(session(old).GmailApp.getUserLabels()).toEqual([]);
    expect(old.gmail).toEqual({ messages: {}, threads: {}, labels: { [alice.email]: [] } });
  });
});

describe('threads', () => {
  it('groups a 100-message conversation by In-Reply-To and References, oldest first', async () => {
    const state = workspace();
    const raws = fixtures.threadMessages(100);
    const ids: string[] = [];
    for (const raw of raws) ids.push(await seed(state, raw));
    expect(new Set(ids.map(id => stored(state, id).threadId))).toEqual(new Set([ids[0]]));
    const { GmailApp } = session(state);
    const thread = GmailApp.getThreadById(ids[0]);
    expect(thread.getMessageCount()).toBe(100);
    const messages = thread.getMessages();
    expect(messages.map(m => m.getId())).toEqual(ids);
    expect(thread.getFirstMessageSubject()).toBe('Retention of ministerial correspondence');
    expect(messages[99].getSubject()).toBe('Re: Retention of ministerial correspondence');
    expect(messages[99].getHeader('In-Reply-To')).toBe(messages[98].getHeader('Message-ID'));
    expect(thread.getLastMessageDate().getTime()).toBe(fixtures.FIXTURE_DATE + 99 * 17 * 60_000);
    expect(GmailApp.getMessagesForThreads([thread])[0]).toHaveLength(100);
  });

  it('starts a new thread for a reply whose subject changed, or in another mailbox', async () => {
    const state = workspace();
    const [first, second] = fixtures.threadMessages(2);
    const firstId = await seed(state, first);
    const renamed = await seed(state, second.replace('Subject: Re: ', 'Subject: Different: '));
    const elsewhere = await seed(state, second, { owner: bob.email });
    expect(stored(state, renamed).threadId).toBe(renamed);
    expect(stored(state, elsewhere).threadId).toBe(elsewhere);
    const joined = await seed(state, second);
    expect(stored(state, joined).threadId).toBe(firstId);
  });

  it('puts a message in the thread the seed names', async () => {
    const state = workspace();
    const a = await seed(state, fixtures.plainMessage());
    const b = await addMessageFromRaw(state, {
      owner: alice.email,
      raw: fixtures.alternativeMessage(),
      threadId: a,
    });
    expect(stored(state, b).threadId).toBe(a);
    expect(session(state).GmailApp.getThreadById(a).getMessageCount()).toBe(2);
    await expect(
      addMessageFromRaw(state, { owner: bob.email, raw: fixtures.plainMessage(), threadId: a })
    ).rejects.toThrow(`Thread ${a} is in ${alice.email}'s mailbox`);
  });
});

describe('labels and search', () => {
  it('flags a thread with a nested label and finds it by label in both search spellings', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.attachmentsMessage());
    await seed(state, fixtures.plainMessage());
    const { GmailApp } = session(state);
    expect(GmailApp.getUserLabelByName(TO_CAPTURE)).toBeNull();
    const label = GmailApp.createLabel(TO_CAPTURE);
    expect(label.getName()).toBe(TO_CAPTURE);
    expect(GmailApp.createLabel(TO_CAPTURE).getName()).toBe(TO_CAPTURE);
    expect(GmailApp.getUserLabels().map(l => l.getName())).toEqual([TO_CAPTURE]);

    const thread = GmailApp.getMessageById(id).getThread();
    expect(thread.getLabels()).toEqual([]);
    label.addToThread(thread);
    expect(thread.getLabels().map(l => l.getName())).toEqual([TO_CAPTURE]);
    expect(GmailApp.search(`label:"${TO_CAPTURE}"`).map(t => t.getId())).toEqual([id]);
    expect(GmailApp.search('label:Records-To-capture').map(t => t.getId())).toEqual([id]);
    expect(GmailApp.search('label:records-to-capture has:attachment in:inbox')).toHaveLength(1);
    expect(label.getThreads().map(t => t.getId())).toEqual([id]);
    expect(label.getUnreadCount()).toBe(1);

    label.removeFromThread(thread);
    expect(GmailApp.search('label:records-to-capture')).toEqual([]);
    thread.addLabel(label);
    expect(GmailApp.search('label:records-to-capture')).toHaveLength(1);
    thread.removeLabel(label);
    expect(thread.getLabels()).toEqual([]);
  });

  it('labels at most 100 threads per batch, as documented', async () => {
    const state = workspace();
    for (let i = 0; i < 101; i++) {
      await seed(
        state,
        fixtures.plainMessage({
          subject: `Registry file ${i}`,
          date: fixtures.FIXTURE_DATE + i * 1000,
        })
      );
    }
    const { GmailApp } = session(state);
    const label = GmailApp.createLabel(TO_CAPTURE);
    const threads = GmailApp.getInboxThreads();
    expect(threads).toHaveLength(101);
    expect(threads[0].getFirstMessageSubject()).toBe('Registry file 100');
    expect(thrown(() => label.addToThreads(threads)).message).toBe('Invalid argument: threads');
    label.addToThreads(threads.slice(0, 100));
    expect(label.getThreads()).toHaveLength(100);
    expect(label.getThreads(95, 10)).toHaveLength(5);
    label.removeFromThreads(threads.slice(0, 50));
    expect(GmailApp.search(`label:"${TO_CAPTURE}"`)).toHaveLength(50);
    expect(GmailApp.search('in:inbox', 100, 10)).toHaveLength(1);
    expect(thrown(() => GmailApp.search('in:inbox', 0, 501)).message).toBe('Invalid argument: max');
  });

  it('searches by sender, Message-ID, read state, size and leaves trash out unless asked', async () => {
    const state = workspace();
    const plain = await seed(state, fixtures.plainMessage({ from: fixtures.PEOPLE.pressOffice }));
    const large = await seed(state, fixtures.largeAttachmentMessage(300_000));
    const { GmailApp } = session(state);
    const ids = (query: string) => GmailApp.search(query).map(t => t.getId());
    expect(ids('from:press.office@dfrr.gov.uk')).toEqual([plain]);
    expect(ids(`rfc822msgid:${stored(state, plain).messageId}`)).toEqual([plain]);
    expect(ids('larger:200K')).toEqual([large]);
    expect(ids('filename:"Registry scans"')).toEqual([large]);
    expect(ids('-has:attachment')).toEqual([plain]);
    GmailApp.getMessageById(plain).markRead();
    expect(ids('is:unread')).toEqual([large]);
    expect(GmailApp.getInboxUnreadCount()).toBe(1);
    GmailApp.getMessageById(large).moveToTrash();
    expect(ids('registry')).toEqual([]);
    expect(ids('in:trash registry')).toEqual([large]);
    expect(GmailApp.getTrashThreads().map(t => t.getId())).toEqual([large]);
    expect(GmailApp.getInboxThreads().map(t => t.getId())).toEqual([plain]);
    // Trash keeps the message: it is still readable by id.
    expect(GmailApp.getMessageById(large).isInTrash()).toBe(true);
  });

  it('deletes a label from the mailbox and from every message', async () => {
    const state = workspace();
    const id = await addMessageFromRaw(state, {
      owner: alice.email,
      raw: fixtures.plainMessage(),
      labels: ['INBOX', TO_CAPTURE],
    });
    createLabelInState(state, alice.email, 'Records/Captured');
    const { GmailApp } = session(state);
    expect(GmailApp.getUserLabels().map(l => l.getName())).toEqual([
      TO_CAPTURE,
      'Records/Captured',
    ]);
    GmailApp.getUserLabelByName(TO_CAPTURE).deleteLabel();
    expect(stored(state, id).labels).toEqual(['INBOX']);
    expect(GmailApp.getUserLabelByName(TO_CAPTURE)).toBeNull();
  });
});

describe('access: the mailbox owner, the open message token, the granted scopes', () => {
  it('builds the Gmail event with a per-message token and its legacy mirror', () => {
    const event = gmailEvent({
      messageId: '1591a2b3c4d00001',
      threadId: '1591a2b3c4d00001',
      owner: alice.email,
    });
    expect(event).toEqual({
      commonEventObject: expect.objectContaining({ hostApp: 'GMAIL', platform: 'WEB' }),
      gmail: {
        messageId: '1591a2b3c4d00001',
        threadId: '1591a2b3c4d00001',
        accessToken: 'token-1591a2b3c4d00001',
      },
      messageMetadata: { messageId: '1591a2b3c4d00001', accessToken: 'token-1591a2b3c4d00001' },
      clientPlatform: 'web',
    });
  });

  it('with only the add-on scopes, reads the open message and its thread after the token, nothing else', async () => {
    const state = workspace();
    const [first, reply] = fixtures.threadMessages(2);
    const open = await seed(state, first);
    const replyId = await seed(state, reply);
    const other = await seed(state, fixtures.plainMessage());
    const { GmailApp } = session(state, alice.email, ADDON_ONLY_SCOPES);
    expect(thrown(() => GmailApp.getMessageById(open)).message).toBe(MISSING_TOKEN);
    GmailApp.setCurrentMessageAccessToken('token-not-issued');
    expect(thrown(() => GmailApp.getMessageById(open)).message).toBe(MISSING_TOKEN);

    const event = gmailEvent({ messageId: open, threadId: open, owner: alice.email });
    GmailApp.setCurrentMessageAccessToken(event.gmail?.accessToken as string);
    const message = GmailApp.getMessageById(open);
    expect(message.getSubject()).toBe('Retention of ministerial correspondence');
    expect(
      message
        .getThread()
        .getMessages()
        .map(m => m.getId())
    ).toEqual([open, replyId]);
    expect(thrown(() => GmailApp.getMessageById(other)).message).toBe(MISSING_TOKEN);
    expect(thrown(() => GmailApp.search('in:inbox')).message).toBe(
      'You do not have permission to call GmailApp.search. Required permissions: https://mail.google.com/'
    );
    expect(thrown(() => GmailApp.getUserLabelByName(TO_CAPTURE)).message).toBe(
      'You do not have permission to call GmailApp.getUserLabelByName. Required permissions: https://mail.google.com/'
    );
    expect(thrown(() => message.markRead()).message).toBe(
      'You do not have permission to call GmailApp.GmailMessage.markRead. Required permissions: https://mail.google.com/'
    );
  });

  it("with a mailbox scope, reads any of the caller's messages without a token", async () => {
    const state = workspace();
    const id = await seed(state, fixtures.plainMessage());
    const { GmailApp } = session(state, alice.email, [...ADDON_ONLY_SCOPES, GMAIL_SCOPES.full]);
    expect(GmailApp.getMessageById(id).getId()).toBe(id);
    expect(currentMessageToken(id)).toBe(`token-${id}`);
  });

  it("never reaches another user's mailbox, token or not", async () => {
    const state = workspace();
    const bobs = await seed(state, fixtures.plainMessage(), { owner: bob.email });
    const full = session(state).GmailApp;
    expect(thrown(() => full.getMessageById(bobs)).message).toBe(NOT_FOUND);
    expect(thrown(() => full.getThreadById(bobs)).message).toBe(NOT_FOUND);
    expect(full.search('in:anywhere')).toEqual([]);
    const addon = session(state, alice.email, ADDON_ONLY_SCOPES).GmailApp;
    addon.setCurrentMessageAccessToken(currentMessageToken(bobs));
    expect(thrown(() => addon.getMessageById(bobs)).message).toBe(MISSING_TOKEN);
    expect(thrown(() => full.getMessageById('0000000000000000')).message).toBe(NOT_FOUND);
    expect(thrown(() => full.setCurrentMessageAccessToken(42 as unknown as string)).message).toBe(
      'Invalid argument: accessToken'
    );
  });

  it('is installed for the sandbox, with the manifest scopes, and its dates belong to the sandbox', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.plainMessage());
    const globals: Record<string, unknown> = {};
    installFakes(globals, state, { user: alice.email, oauthScopes: ADDON_ONLY_SCOPES });
    const context = vm.createContext(globals);
    context.e = gmailEvent({ messageId: id, threadId: id });
    const run = (code: string) => vm.runInContext(code, context);
    expect(() => run('GmailApp.getMessageById(e.gmail.messageId)')).toThrow(MISSING_TOKEN);
    run('GmailApp.setCurrentMessageAccessToken(e.gmail.accessToken)');
    expect(run('GmailApp.getMessageById(e.gmail.messageId).getSubject()')).toBe(
      'Draft retention schedule'
    );
    expect(run('GmailApp.getMessageById(e.gmail.messageId).getDate() instanceof Date')).toBe(true);
  });
});

describe('deleted and trashed messages', () => {
  it('fails lookups of a message deleted for good, and calls on views taken before', async () => {
    const state = workspace();
    const [first, reply] = fixtures.threadMessages(2);
    const firstId = await seed(state, first);
    const replyId = await seed(state, reply);
    const { GmailApp } = session(state);
    const held = GmailApp.getMessageById(replyId);
    deleteMessageInState(state, replyId);
    expect(thrown(() => GmailApp.getMessageById(replyId)).message).toBe(NOT_FOUND);
    expect(thrown(() => held.getRawContent()).message).toBe(NOT_FOUND);
    expect(GmailApp.getThreadById(firstId).getMessageCount()).toBe(1);
    deleteMessageInState(state, firstId);
    expect(thrown(() => GmailApp.getThreadById(firstId)).message).toBe(NOT_FOUND);
  });

  it('fails the next call when another client deletes the message mid-execution', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.attachmentsMessage());
    const execution = new Execution(state, {
      user: alice.email,
      hooks: [
        {
          key: 'GmailApp.GmailMessage.getAttachments',
          once: true,
          run: () => deleteMessageInState(state, id),
        },
      ],
    });
    const GmailApp = createGmailApp(createContext(state, execution));
    const message = GmailApp.getMessageById(id);
    expect(message.getSubject()).toBe('Papers for Thursday');
    expect(thrown(() => message.getAttachments()).message).toBe(NOT_FOUND);
  });

  it('trashes a whole thread and brings it back to the inbox', async () => {
    const state = workspace();
    const ids: string[] = [];
    for (const raw of fixtures.threadMessages(3)) ids.push(await seed(state, raw));
    const { GmailApp } = session(state);
    const thread = GmailApp.getThreadById(ids[0]);
    GmailApp.moveThreadToTrash(thread);
    expect(ids.map(id => stored(state, id).trashed)).toEqual([true, true, true]);
    expect(thread.isInTrash()).toBe(true);
    expect(GmailApp.getInboxThreads()).toEqual([]);
    thread.moveToInbox();
    expect(thread.isInInbox()).toBe(true);
    thread.moveToArchive();
    expect(thread.isInInbox()).toBe(false);
  });
});

describe('sizes, call counts and modelled latency', () => {
  it('charges content calls per KB and label changes at their modelled cost', async () => {
    const state = workspace();
    const bytes = 1_500_000;
    const raw = fixtures.largeAttachmentMessage(bytes);
    const id = await seed(state, raw);
    const { GmailApp, execution } = session(state);
    const label = GmailApp.createLabel(TO_CAPTURE);
    const cost = () => execution.calls[execution.calls.length - 1].ms;

    const message = GmailApp.getMessageById(id);
    expect(cost()).toBe(150);
    expect(message.getRawContent()).toHaveLength(raw.length);
    expect(cost()).toBeCloseTo(150 + raw.length / 1024, 6);
    const [zip] = message.getAttachments();
    expect(cost()).toBeCloseTo(200 + (0.5 * bytes) / 1024, 6);
    expect(zip.getName()).toBe(fixtures.LARGE_ATTACHMENT_NAME);
    expect(zip.getSize()).toBe(bytes);
    message.getSubject();
    expect(cost()).toBe(0);
    label.addToThread(message.getThread());
    expect(cost()).toBe(200);
    GmailApp.search('label:records-to-capture');
    expect(cost()).toBe(200);
    message.getBody();
    expect(cost()).toBe(100);

    const counts = execution.snapshot();
    expect(counts.byKey).toMatchObject({
      'GmailApp.createLabel': 1,
      'GmailApp.getMessageById': 1,
      'GmailApp.GmailMessage.getRawContent': 1,
      'GmailApp.GmailMessage.getAttachments': 1,
      'GmailApp.GmailAttachment.getName': 1,
      'GmailApp.GmailAttachment.getSize': 1,
      'GmailApp.GmailMessage.getThread': 1,
      'GmailApp.GmailLabel.addToThread': 1,
      'GmailApp.search': 1,
    });
    expect(counts.byService.GmailApp).toBe(11);
  });

  it('refuses an attachment of 50 MB or more as a blob, and counts its size in the call', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.largeAttachmentMessage(1000));
    // The parser is slow on 70 MB of base64: the content is swapped in after parsing.
    Object.assign(stored(state, id).attachments[0], {
      contentBase64: Buffer.alloc(MAX_BLOB_BYTES, 7).toString('base64'),
      size: MAX_BLOB_BYTES,
    });
    const { GmailApp, execution } = session(state);
    const message = GmailApp.getMessageById(id);
    expect(thrown(() => message.getAttachments()).message).toBe(
      `Blob too large: ${MAX_BLOB_BYTES} bytes; the limit is ${MAX_BLOB_BYTES} bytes.`
    );
    expect(execution.calls[execution.calls.length - 1]).toEqual({
      key: 'GmailApp.GmailMessage.getAttachments',
      ms: 200 + 0.5 * 50 * 1024,
    });
  });

  it('hands attachments to Drive as blobs, content and name intact', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.attachmentsMessage());
    const execution = new Execution(state, { user: alice.email });
    const ctx = createContext(state, execution);
    const [, , csv] = createGmailApp(ctx).getMessageById(id).getAttachments();
    const file = createDriveApp(ctx).getRootFolder().createFile(csv.copyBlob());
    expect(file.getName()).toBe(fixtures.ATTACHMENT_NAMES.csv);
    expect(file.getBlob().getDataAsString()).toBe(fixtures.CSV_TEXT);
    const renamed = csv.setName('spending.csv');
    expect(renamed.getName()).toBe('spending.csv');
    expect(execution.snapshot().byKey['GmailApp.GmailAttachment.getName']).toBe(1);
  });

  it('names members it does not emulate', async () => {
    const state = workspace();
    const message = session(state).GmailApp.getMessageById(
      await seed(state, fixtures.plainMessage())
    );
    expect(() => message.reply('Noted.')).toThrow('not emulated: GmailApp.GmailMessage.reply');
  });
});
