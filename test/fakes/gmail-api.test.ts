import * as vm from 'node:vm';
import { installFakes, NOT_EMULATED } from '../../fakes';
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createGmailApp, GMAIL_SCOPES } from '../../fakes/gmail';
import * as fixtures from '../../fakes/gmail/fixtures';
import {
  addMessageFromRaw,
  createLabelInState,
  deleteMessageInState,
} from '../../fakes/gmail/seed';
import { createAdvancedGmail, GMAIL_API_SCOPES, userLabelId } from '../../fakes/gmail-api';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };
const TO_CAPTURE = 'Records/To capture';
const CAPTURED = 'Records/Captured';

type Part = GoogleAppsScript.Gmail.Schema.MessagePart;

function workspace(): WorkspaceState {
  return createWorkspaceState({ users: [alice, bob] });
}

function session(state: WorkspaceState, user = alice.email, scopes?: string[]) {
  const execution = new Execution(state, { user, budgetMs: 360_000 });
  const ctx = createContext(state, execution);
  return {
    execution,
    Gmail: createAdvancedGmail(ctx, { scopes }),
    GmailApp: createGmailApp(ctx, { scopes }),
  };
}

function seed(
  state: WorkspaceState,
  raw: string | Uint8Array,
  extra: Partial<Parameters<typeof addMessageFromRaw>[1]> = {}
) {
  return addMessageFromRaw(state, { owner: alice.email, raw, ...extra });
}

function thrown(fn: () => unknown): Error & { details?: unknown } {
  try {
    fn();
  } catch (error) {
    return error as Error & { details?: unknown };
  }
  throw new Error('expected an error');
}

/** Bytes of an advanced-service bytes field (signed 8-bit integers). */
const unsigned = (bytes: unknown) => Buffer.from(Uint8Array.from(bytes as number[], b => b & 0xff));

const NOT_FOUND = 'Requested entity was not found.';
const SCOPES_MESSAGE = 'Request had insufficient authentication scopes.';

describe('Gmail.Users.Messages.get', () => {
  it('answers format raw with the exact bytes as a signed byte array, and the message fields', async () => {
    const state = workspace();
    const original = Buffer.concat([
      Buffer.from(fixtures.plainMessage({ subject: 'Latin-1 postscript' }), 'utf8'),
      Buffer.from('P.S. R\xe9union g\xe9n\xe9rale\r\n', 'latin1'),
    ]);
    const id = await seed(state, new Uint8Array(original));
    const { Gmail, execution } = session(state);

    const message = Gmail.Users.Messages.get('me', id, { format: 'raw' });
    expect(Array.isArray(message.raw)).toBe(true);
    expect((message.raw as unknown as number[]).some(b => b < 0)).toBe(true);
    expect(unsigned(message.raw).equals(original)).toBe(true);
    expect(message).toMatchObject({
      id,
      threadId: id,
      labelIds: ['INBOX', 'UNREAD'],
      sizeEstimate: original.length,
      internalDate: String(fixtures.FIXTURE_DATE),
    });
    expect(message.payload).toBeUndefined();
    expect(message.snippet).toMatch(/^Please find my comments on the draft retention schedule/);

    const [call] = execution.calls;
    expect(call.key).toBe('Gmail.Users.Messages.get');
    expect(call.ms).toBeCloseTo(200 + original.length / 1024, 6);
    expect(execution.snapshot().byKey).toEqual({ 'Gmail.Users.Messages.get': 1 });
  });

  it('gives the raw message back the way Google’s sample reads it, with Utilities.base64Encode', async () => {
    const state = workspace();
    const raw = fixtures.attachmentsMessage();
    const id = await seed(state, raw);
    const globals: Record<string, unknown> = {};
    installFakes(globals, state, { user: alice.email });
    const context = vm.createContext({ ...globals, id });
    const encoded = vm.runInContext(
      "Utilities.base64Encode(Gmail.Users.Messages.get('me', id, { format: 'raw' }).raw)",
      context
    );
    expect(Buffer.from(encoded as string, 'base64').toString('utf8')).toBe(raw);
    expect(NOT_EMULATED).not.toContain('Gmail');
  });

  it('answers format full with the MIME tree: part ids, headers, inline text, attachment ids', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.attachmentsMessage());
    const { Gmail, GmailApp } = session(state);

    const message = Gmail.Users.Messages.get('me', id);
    const payload = message.payload as Part;
    expect(payload).toMatchObject({ partId: '', mimeType: 'multipart/mixed', filename: '' });
    expect(payload.body).toEqual({ size: 0 });
    expect(payload.headers?.find(h => h.name === 'Subject')?.value).toBe('Papers for Thursday');
    const parts = payload.parts as Part[];
    expect(parts.map(p => [p.partId, p.mimeType, p.filename])).toEqual([
      ['0', 'multipart/alternative', ''],
      ['1', 'application/pdf', fixtures.ATTACHMENT_NAMES.pdf],
      [
        '2',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        fixtures.ATTACHMENT_NAMES.docx,
      ],
      ['3', 'text/csv', fixtures.ATTACHMENT_NAMES.csv],
    ]);
    const [text, html] = parts[0].parts as Part[];
    expect(text.partId).toBe('0.0');
    expect(unsigned(text.body?.data).toString('utf8')).toBe(
      'Three papers for Thursday: the schedule, the submission and the spending summary.'
    );
    expect(text.body?.size).toBe(text.body?.data?.length);
    expect(html.mimeType).toBe('text/html');
    expect(unsigned(html.body?.data).toString('utf8')).toContain('<p>Three papers for Thursday');

    // Each attachment is fetched by its id, with the bytes GmailApp gives for the same file.
    const files = GmailApp.getMessageById(id).getAttachments();
    parts.slice(1).forEach((part, i) => {
      expect(part.body?.data).toBeUndefined();
      expect(part.body?.size).toBe(files[i].getSize());
      const body = Gmail.Users.Messages.Attachments.get(
        'me',
        id,
        part.body?.attachmentId as string
      );
      expect(body.size).toBe(files[i].getSize());
      expect(unsigned(body.data).equals(unsigned(files[i].getBytes()))).toBe(true);
    });
    expect(
      unsigned(
        Gmail.Users.Messages.Attachments.get('me', id, parts[3].body?.attachmentId as string).data
      ).toString('utf8')
    ).toBe(fixtures.CSV_TEXT);
  });

  it('names inline images and forwarded messages, and keeps a cut-short multipart readable', async () => {
    const state = workspace();
    const inline = await seed(state, fixtures.inlineImageMessage());
    const forwarded = await seed(state, fixtures.forwardedMessage());
    const malformed = await seed(state, fixtures.malformedMessage());
    const { Gmail } = session(state);

    const related = Gmail.Users.Messages.get('me', inline).payload as Part;
    expect(related.mimeType).toBe('multipart/related');
    const image = (related.parts as Part[])[1];
    expect(image).toMatchObject({ partId: '1', mimeType: 'image/png', filename: 'crest.png' });
    expect(image.headers?.find(h => h.name === 'Content-ID')?.value).toBe(
      `<${fixtures.CREST_CONTENT_ID}>`
    );
    const png = Gmail.Users.Messages.Attachments.get(
      'me',
      inline,
      image.body?.attachmentId as string
    );
    expect(unsigned(png.data).toString('base64')).toBe(fixtures.CREST_PNG_BASE64);

    const attached = (Gmail.Users.Messages.get('me', forwarded).payload?.parts as Part[])[1];
    expect(attached).toMatchObject({
      mimeType: 'message/rfc822',
      filename: 'Consultation response: retention periods.eml',
    });
    const eml = Gmail.Users.Messages.Attachments.get(
      'me',
      forwarded,
      attached.body?.attachmentId as string
    );
    expect(unsigned(eml.data).toString('utf8')).toMatch(
      /^Received: [^]*Subject: Consultation response: retention periods\r\n/
    );

    const broken = Gmail.Users.Messages.get('me', malformed).payload?.parts as Part[];
    expect(broken.map(p => p.filename)).toEqual(['', 'Minutes.pdf']);
    expect(unsigned(broken[0].body?.data).toString('utf8')).toBe('The minutes are attached.');
  });

  it('answers format metadata with the chosen headers and format minimal with ids and labels', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.encodedWordMessage(), { starred: true });
    const { Gmail, execution } = session(state);

    const metadata = Gmail.Users.Messages.get('me', id, {
      format: 'metadata',
      metadataHeaders: ['subject', 'From'],
    });
    expect(metadata.payload).toEqual({
      mimeType: 'text/plain',
      headers: [
        {
          name: 'From',
          value: expect.stringContaining('<dg.archives@example.org>') as unknown as string,
        },
        { name: 'Subject', value: expect.stringContaining('=?ISO-8859-1?Q?') as unknown as string },
      ],
    });
    // Content stays on the server: no per-KB charge.
    expect(execution.calls[0].ms).toBe(200);

    const minimal = Gmail.Users.Messages.get('me', id, { format: 'minimal' });
    expect(Object.keys(minimal).sort()).toEqual(
      ['id', 'internalDate', 'labelIds', 'sizeEstimate', 'snippet', 'threadId'].sort()
    );
    expect(minimal.labelIds).toEqual(['INBOX', 'UNREAD', 'STARRED']);
  });

  it('answers a message that is not there, or not the caller’s, as the advanced services do', async () => {
    const state = workspace();
    const mine = await seed(state, fixtures.plainMessage());
    const bobs = await seed(state, fixtures.plainMessage({ subject: 'Bob only' }), {
      owner: bob.email,
    });
    const { Gmail } = session(state);

    const error = thrown(() => Gmail.Users.Messages.get('me', bobs));
    expect(error.name).toBe('GoogleJsonResponseException');
    expect(error.message).toBe(
      `API call to gmail.users.messages.get failed with error: ${NOT_FOUND}`
    );
    expect(String(error)).toBe(
      `GoogleJsonResponseException: API call to gmail.users.messages.get failed with error: ${NOT_FOUND}`
    );
    expect(error.details).toEqual({
      errors: [{ reason: 'notFound', domain: 'global', message: NOT_FOUND }],
      code: 404,
      message: NOT_FOUND,
    });

    deleteMessageInState(state, mine);
    expect(() => Gmail.Users.Messages.get('me', mine, { format: 'raw' })).toThrow(NOT_FOUND);
    expect(() => Gmail.Users.Threads.get('me', mine)).toThrow(
      `API call to gmail.users.threads.get failed with error: ${NOT_FOUND}`
    );
    expect(thrown(() => Gmail.Users.Messages.get('me', 'not-a-gmail-id')).details).toMatchObject({
      code: 400,
      message: 'Invalid id value',
    });
    expect(() => Gmail.Users.Messages.Attachments.get('me', bobs, 'x')).toThrow(NOT_FOUND);
    expect(() => Gmail.Users.Messages.get(bob.email, bobs)).toThrow(
      `API call to gmail.users.messages.get failed with error: Delegation denied for ${alice.email}`
    );
  });
});

describe('Gmail.Users.Labels and modify, seen through GmailApp too', () => {
  it('lists system and user labels with stable ids, and creates labels GmailApp then finds', async () => {
    const state = workspace();
    await seed(state, fixtures.plainMessage(), { labels: ['INBOX', TO_CAPTURE] });
    const { Gmail, GmailApp, execution } = session(state);

    const { labels } = Gmail.Users.Labels.list('me');
    expect(labels).toEqual(
      expect.arrayContaining([
        { id: 'INBOX', name: 'INBOX', type: 'system' },
        { id: 'UNREAD', name: 'UNREAD', type: 'system' },
        { id: 'TRASH', name: 'TRASH', type: 'system' },
        {
          id: userLabelId(TO_CAPTURE),
          name: TO_CAPTURE,
          messageListVisibility: 'show',
          labelListVisibility: 'labelShow',
          type: 'user',
        },
      ])
    );
    expect(userLabelId(TO_CAPTURE)).toMatch(/^Label_\d+$/);
    expect(userLabelId(CAPTURED)).not.toBe(userLabelId(TO_CAPTURE));

    const created = Gmail.Users.Labels.create({ name: CAPTURED }, 'me');
    expect(created).toMatchObject({ id: userLabelId(CAPTURED), name: CAPTURED, type: 'user' });
    expect(GmailApp.getUserLabelByName(CAPTURED)?.getName()).toBe(CAPTURED);
    GmailApp.createLabel('Made by GmailApp');
    expect(Gmail.Users.Labels.get('me', userLabelId('Made by GmailApp'))).toMatchObject({
      name: 'Made by GmailApp',
      messagesTotal: 0,
    });
    expect(Gmail.Users.Labels.get('me', userLabelId(TO_CAPTURE))).toMatchObject({
      messagesTotal: 1,
      messagesUnread: 1,
      threadsTotal: 1,
    });

    const taken = thrown(() => Gmail.Users.Labels.create({ name: 'records/captured' }, 'me'));
    expect(taken.message).toBe(
      'API call to gmail.users.labels.create failed with error: Label name exists or conflicts'
    );
    expect(taken.details).toMatchObject({ code: 409 });
    expect(() => Gmail.Users.Labels.create({ name: 'INBOX' }, 'me')).toThrow('Invalid label name');
    expect(execution.snapshot().byKey).toMatchObject({
      'Gmail.Users.Labels.list': 1,
      'Gmail.Users.Labels.create': 3,
      'Gmail.Users.Labels.get': 2,
    });
  });

  it('moves a message from one label to another and marks it read; GmailApp sees the change', async () => {
    const state = workspace();
    const [first, reply] = fixtures.threadMessages(2);
    const id = await seed(state, first, { labels: ['INBOX', TO_CAPTURE] });
    const replyId = await seed(state, reply, { labels: ['INBOX', TO_CAPTURE] });
    createLabelInState(state, alice.email, CAPTURED);
    const { Gmail, GmailApp, execution } = session(state);

    const modified = Gmail.Users.Messages.modify(
      { addLabelIds: [userLabelId(CAPTURED)], removeLabelIds: [userLabelId(TO_CAPTURE), 'UNREAD'] },
      'me',
      id
    );
    expect(modified).toEqual({
      id,
      threadId: id,
      labelIds: ['INBOX', userLabelId(CAPTURED)],
    });
    expect(execution.calls[execution.calls.length - 1]).toEqual({
      key: 'Gmail.Users.Messages.modify',
      ms: 200,
    });
    const message = GmailApp.getMessageById(id);
    expect(message.isUnread()).toBe(false);
    expect(GmailApp.getMessageById(replyId).isUnread()).toBe(true);
    expect(
      message
        .getThread()
        .getLabels()
        .map(l => l.getName())
    ).toEqual([TO_CAPTURE, CAPTURED]);

    const thread = Gmail.Users.Threads.modify({ addLabelIds: ['STARRED', 'TRASH'] }, 'me', id);
    expect(thread.messages?.map(m => m.id)).toEqual([id, replyId]);
    expect(thread.messages?.[1].labelIds).toEqual([
      'UNREAD',
      'STARRED',
      'TRASH',
      userLabelId(TO_CAPTURE),
    ]);
    expect(GmailApp.getThreadById(id).hasStarredMessages()).toBe(true);
    expect(GmailApp.getThreadById(id).isInTrash()).toBe(true);
    Gmail.Users.Threads.modify({ removeLabelIds: ['TRASH'] }, 'me', id);
    expect(GmailApp.getThreadById(id).isInInbox()).toBe(true);

    expect(() => Gmail.Users.Messages.modify({ addLabelIds: ['Label_1'] }, 'me', id)).toThrow(
      'API call to gmail.users.messages.modify failed with error: Invalid label: Label_1'
    );
    expect(() => Gmail.Users.Messages.modify({}, 'me', id)).toThrow(
      'No label add or removes specified'
    );
  });
});

describe('Gmail.Users.Messages.list', () => {
  it('pages through a label, newest first, with pageToken; a label id filters the same', async () => {
    const state = workspace();
    const flagged: string[] = [];
    for (let i = 0; i < 7; i++) {
      const date = fixtures.FIXTURE_DATE + i * 60_000;
      const raw = fixtures.plainMessage({ subject: `Flagged ${i}`, date });
      flagged.push(await seed(state, raw, { labels: ['INBOX', TO_CAPTURE] }));
    }
    for (let i = 0; i < 3; i++) {
      await seed(state, fixtures.plainMessage({ subject: `Other ${i}` }));
    }
    await seed(state, fixtures.plainMessage({ subject: 'Binned' }), {
      labels: [TO_CAPTURE],
      trashed: true,
    });
    const { Gmail } = session(state);
    const newestFirst = [...flagged].reverse();

    const pages: GoogleAppsScript.Gmail.Schema.ListMessagesResponse[] = [];
    let pageToken: string | undefined;
    do {
      const page = Gmail.Users.Messages.list('me', {
        q: 'label:records-to-capture',
        maxResults: 3,
        pageToken,
      });
      pages.push(page);
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(pages.map(p => p.messages?.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap(p => p.messages?.map(m => m.id))).toEqual(newestFirst);
    expect(pages[0].resultSizeEstimate).toBe(7);
    expect(pages[0].messages?.[0]).toEqual({ id: newestFirst[0], threadId: newestFirst[0] });

    const byId = Gmail.Users.Messages.list('me', { labelIds: [userLabelId(TO_CAPTURE)] });
    expect(byId.messages?.map(m => m.id)).toEqual(newestFirst);
    expect(byId.nextPageToken).toBeUndefined();
    const withTrash = Gmail.Users.Messages.list('me', {
      q: 'label:records-to-capture',
      includeSpamTrash: true,
    });
    expect(withTrash.resultSizeEstimate).toBe(8);
    expect(Gmail.Users.Messages.list('me', { q: 'subject:"No such subject"' })).toEqual({
      resultSizeEstimate: 0,
    });
  });

  it('keeps its place when the caller relabels the messages of the page it took', async () => {
    const state = workspace();
    const flagged: string[] = [];
    for (let i = 0; i < 5; i++) {
      const raw = fixtures.plainMessage({ subject: `Sweep ${i}`, date: fixtures.FIXTURE_DATE + i });
      flagged.push(await seed(state, raw, { labels: ['INBOX', TO_CAPTURE] }));
    }
    const { Gmail } = session(state);
    const q = 'label:records-to-capture';
    const first = Gmail.Users.Messages.list('me', { q, maxResults: 2 });
    for (const m of first.messages ?? []) {
      Gmail.Users.Messages.modify(
        { removeLabelIds: [userLabelId(TO_CAPTURE)] },
        'me',
        m.id as string
      );
    }
    const second = Gmail.Users.Messages.list('me', {
      q,
      maxResults: 2,
      pageToken: first.nextPageToken,
    });
    expect(second.messages?.map(m => m.id)).toEqual([flagged[2], flagged[1]]);
  });

  it('returns at most 500 messages a page', async () => {
    const state = workspace();
    for (let i = 0; i < 502; i++) {
      await seed(state, fixtures.noMessageIdMessage({ date: fixtures.FIXTURE_DATE + i }));
    }
    const { Gmail } = session(state);
    const page = Gmail.Users.Messages.list('me', { maxResults: 1000 });
    expect(page.messages).toHaveLength(500);
    expect(page.resultSizeEstimate).toBe(502);
    expect(Gmail.Users.Messages.list('me').messages).toHaveLength(100);
    const rest = Gmail.Users.Messages.list('me', {
      maxResults: 1000,
      pageToken: page.nextPageToken,
    });
    expect(rest.messages).toHaveLength(2);
  });
});

describe('scopes', () => {
  it('reads with gmail.readonly and refuses changes that need gmail.modify', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.plainMessage());
    const { Gmail } = session(state, alice.email, [GMAIL_SCOPES.readonly]);
    expect(Gmail.Users.Messages.get('me', id, { format: 'raw' }).id).toBe(id);
    expect(Gmail.Users.Labels.list('me').labels?.length).toBeGreaterThan(0);

    const refused = thrown(() =>
      Gmail.Users.Messages.modify({ addLabelIds: ['STARRED'] }, 'me', id)
    );
    expect(refused.message).toBe(
      `API call to gmail.users.messages.modify failed with error: ${SCOPES_MESSAGE}`
    );
    expect(refused.details).toEqual({
      errors: [
        { reason: 'insufficientPermissions', domain: 'global', message: 'Insufficient Permission' },
      ],
      code: 403,
      message: SCOPES_MESSAGE,
    });
    expect(() => Gmail.Users.Threads.modify({ addLabelIds: ['STARRED'] }, 'me', id)).toThrow(
      SCOPES_MESSAGE
    );
    expect(() => Gmail.Users.Labels.create({ name: CAPTURED }, 'me')).toThrow(SCOPES_MESSAGE);
    expect(state.gmail?.messages[id].starred).toBe(false);
  });

  it('modifies with gmail.modify, and reaches nothing with only the add-on scopes', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.plainMessage());
    const modify = session(state, alice.email, [GMAIL_SCOPES.modify]).Gmail;
    expect(modify.Users.Messages.modify({ addLabelIds: ['STARRED'] }, 'me', id).labelIds).toContain(
      'STARRED'
    );

    const addOn = session(state, alice.email, [GMAIL_SCOPES.currentMessageRead]).Gmail;
    expect(() => addOn.Users.Messages.get('me', id)).toThrow(SCOPES_MESSAGE);
    expect(() => addOn.Users.Messages.list('me')).toThrow(
      `API call to gmail.users.messages.list failed with error: ${SCOPES_MESSAGE}`
    );
    expect(() => addOn.Users.Labels.list('me')).toThrow(SCOPES_MESSAGE);
  });

  it('with gmail.metadata, gives headers and labels but no content and no search', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.plainMessage());
    const { Gmail } = session(state, alice.email, [GMAIL_API_SCOPES.metadata]);
    expect(Gmail.Users.Messages.get('me', id, { format: 'metadata' }).payload?.headers).toEqual(
      expect.arrayContaining([{ name: 'Subject', value: 'Draft retention schedule' }])
    );
    expect(Gmail.Users.Messages.list('me').resultSizeEstimate).toBe(1);
    expect(() => Gmail.Users.Messages.get('me', id, { format: 'raw' })).toThrow(
      "Metadata scope doesn't allow format RAW"
    );
    expect(() => Gmail.Users.Messages.get('me', id)).toThrow(
      "Metadata scope doesn't allow format FULL"
    );
    expect(() => Gmail.Users.Messages.list('me', { q: 'is:unread' })).toThrow(
      "Metadata scope does not support 'q' parameter"
    );
  });

  it('is installed with the manifest scopes', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.plainMessage());
    const globals: Record<string, unknown> = {};
    installFakes(globals, state, { user: alice.email, oauthScopes: [GMAIL_SCOPES.readonly] });
    const context = vm.createContext({ ...globals, id });
    expect(
      vm.runInContext("Gmail.Users.Messages.get('me', id, { format: 'minimal' }).id", context)
    ).toBe(id);
    expect(() =>
      vm.runInContext(
        "Gmail.Users.Messages.modify({ addLabelIds: ['STARRED'] }, 'me', id)",
        context
      )
    ).toThrow(SCOPES_MESSAGE);
  });
});

describe('members and options the fake does not emulate', () => {
  it('names them instead of ignoring them', async () => {
    const state = workspace();
    const id = await seed(state, fixtures.plainMessage());
    const { Gmail } = session(state);
    expect(() => Gmail.Users.Messages.list('me', { fields: 'messages(id)' })).toThrow(
      'not emulated: Gmail.Users.Messages.list option fields'
    );
    expect(() => Gmail.Users.Drafts).toThrow('not emulated: Gmail.Users.Drafts');
    expect(() => Gmail.Users.Messages.trash('me', id)).toThrow(
      'not emulated: Gmail.Users.Messages.trash'
    );
    expect(() => Gmail.Users.Threads.get('me', id, { format: 'raw' })).toThrow(
      `Invalid value at 'format'`
    );
  });
});
