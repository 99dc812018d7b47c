import { textOf } from '../../fakes/card-service/query';
import { gmailEvent } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import {
  alternativeMessage,
  attachmentsMessage,
  ATTACHMENT_NAMES,
  calendarInviteMessage,
  CREST_CONTENT_ID,
  ENCODED_SUBJECT,
  encodedWordMessage,
  inlineImageMessage,
  malformedMessage,
  smimeMessage,
  noMessageIdMessage,
  plainMessage,
  threadMessages,
} from '../../fakes/gmail/fixtures';
import { addMessageFromRaw, deleteMessageInState } from '../../fakes/gmail/seed';
import type { Workspace } from '../../fakes/harness/workspace';
import { ALICE, BOB, department, press, registerRows } from '../support/department';

const CAPTURE = { series: ['POL-DEV-01'], businessUnit: ['PPD'] };

async function inbox(ws: Workspace, owner: string, raw: string, threadId?: string) {
  const id = await addMessageFromRaw(ws.state, { owner, raw, threadId });
  const message = ws.state.gmail!.messages[id];
  return { id, event: gmailEvent({ messageId: id, threadId: message.threadId }) };
}

function openEmail(ws: Workspace, user: string, event: ReturnType<typeof gmailEvent>) {
  const result = ws.run('onGmailMessage', event, { user });
  if (result.error) throw new Error(result.error);
  return firstCard(result.json);
}

function savedFiles(ws: Workspace, folderId: string) {
  return Object.values(ws.state.drive).filter(i => i.parents.includes(folderId) && !i.trashed);
}

describe('capturing an email from the Gmail sidebar', () => {
  it('shows the open email and captures it: original .eml, PDF rendition, attachments, one register row', async () => {
    const ws = department();
    const { event } = await inbox(
      ws,
      ALICE,
      attachmentsMessage({
        subject: 'Grant allocations: final figures',
        messageId: 'grant-final.1@dfrr.gov.uk',
      })
    );
    const card = openEmail(ws, ALICE, event);
    const text = textOf(card);
    expect(text).toMatch(/Capture email/);
    expect(text).toMatch(/Attachments \(3\)/);
    const result = press(ws, event, card, 'onCaptureEmail', ALICE, CAPTURE);
    expect(textOf(result.json)).toMatch(/Captured as REC-\d{4}-000001/);

    const [row] = registerRows(ws);
    expect(row).toMatchObject({
      'Record type': 'Email',
      Title: 'Grant allocations: final figures',
      'Message-ID': '<grant-final.1@dfrr.gov.uk>',
      Series: 'POL-DEV-01',
      Attachments: 3,
      Filing: 'Complete',
    });
    expect(String(row.From)).toContain('@dfrr.gov.uk');
    const files = savedFiles(ws, String(row['Folder ID']));
    const names = files.map(f => f.name).sort();
    expect(
      names.some(n => /^REC-\d{4}-000001 2016-12-14 Grant allocations- final figures\.eml$/.test(n))
    ).toBe(true);
    expect(names.some(n => /\.pdf$/.test(n) && n.startsWith('REC-'))).toBe(true);
    for (const attachment of Object.values(ATTACHMENT_NAMES))
      expect(names.some(n => n.endsWith(attachment))).toBe(true);
    const eml = files.find(f => f.name.endsWith('.eml'))!;
    expect(eml.id).toBe(row['File ID']);
    const message = Object.values(ws.state.gmail!.messages)[0];
    expect(eml.contentBase64).toBe(message.rawBase64); // byte for byte
    expect(String(row['Checksum (SHA-256)']).match(/[0-9a-f]{64}/g)).toHaveLength(files.length);
    expect(String(row['Saved files']).split('\n')).toHaveLength(files.length);
    expect(registerRows(ws, 'Audit log')[0]).toMatchObject({
      Action: 'Email captured',
      Actor: ALICE,
    });
  });

  it('makes one record when the sender and a recipient both capture the same email', async () => {
    const ws = department();
    const raw = alternativeMessage({
      subject: 'Board paper',
      messageId: 'board-paper.7@dfrr.gov.uk',
    });
    const sent = await inbox(ws, ALICE, raw);
    const received = await inbox(ws, BOB, raw);
    press(ws, sent.event, openEmail(ws, ALICE, sent.event), 'onCaptureEmail', ALICE, CAPTURE);
    const bobCard = openEmail(ws, BOB, received.event);
    expect(textOf(bobCard)).toMatch(/Already a record/);
    expect(textOf(bobCard)).toContain(ALICE);
    expect(registerRows(ws)).toHaveLength(1);
  });

  it('deduplicates an email without a Message-ID by its content', async () => {
    const ws = department();
    const raw = noMessageIdMessage({ subject: 'Note without an id' });
    const first = await inbox(ws, ALICE, raw);
    const second = await inbox(ws, BOB, raw);
    press(ws, first.event, openEmail(ws, ALICE, first.event), 'onCaptureEmail', ALICE, CAPTURE);
    expect(String(registerRows(ws)[0]['Message-ID'])).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(textOf(openEmail(ws, BOB, second.event))).toMatch(/Already a record/);
  });

  it('pre-fills the marking from the subject and refuses SECRET mail', async () => {
    const ws = department();
    const sensitive = await inbox(
      ws,
      ALICE,
      plainMessage({
        subject: 'OFFICIAL-SENSITIVE - PERSONAL DATA: casework',
        messageId: 'c1@dfrr.gov.uk',
      })
    );
    expect(JSON.stringify(openEmail(ws, ALICE, sensitive.event))).toContain(
      '"value":"OFFICIAL-SENSITIVE","selected":true'
    );
    const secret = await inbox(
      ws,
      ALICE,
      plainMessage({ marking: 'SECRET', subject: 'assessment', messageId: 's1@dfrr.gov.uk' })
    );
    const result = ws.run('onGmailMessage', secret.event, { user: ALICE });
    expect(textOf(result.json)).toMatch(/Cannot be captured/);
    expect(textOf(result.json)).toMatch(/Rosa/);
    expect(result.log.join('\n')).toMatch(/Refused SECRET email/);
  });

  it('embeds inline images in the PDF and fetches nothing remote', async () => {
    const ws = department();
    const { event } = await inbox(
      ws,
      ALICE,
      inlineImageMessage({ subject: 'Crest', messageId: 'crest@dfrr.gov.uk' })
    );
    press(ws, event, openEmail(ws, ALICE, event), 'onCaptureEmail', ALICE, CAPTURE);
    const pdf = Object.values(ws.state.drive).find(i => i.name.endsWith('.pdf'))!;
    const rendered = Buffer.from(pdf.contentBase64 ?? '', 'base64').toString('utf8');
    expect(rendered).toContain('data:image/png;base64,');
    expect(rendered).not.toContain(`cid:${CREST_CONTENT_ID}`);
    expect(rendered.match(/OFFICIAL/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('captures a whole thread, each message once', async () => {
    const ws = department();
    const raws = threadMessages(4, { subject: 'Retention reform' });
    let last: Awaited<ReturnType<typeof inbox>> | null = null;
    let threadId: string | undefined;
    for (const raw of raws) {
      last = await inbox(ws, ALICE, raw, threadId);
      threadId = ws.state.gmail!.messages[last.id].threadId;
    }
    const form = openEmail(ws, ALICE, last!.event);
    const thread = { ...CAPTURE, scope: ['thread'] };
    const result = press(ws, last!.event, form, 'onCaptureEmail', ALICE, thread);
    expect(textOf(result.json)).toMatch(/Captured 4 emails/);
    expect(registerRows(ws)).toHaveLength(4);
    expect(textOf(openEmail(ws, ALICE, last!.event))).toMatch(/Already a record/);
    // The same (stale) form pressed again captures nothing twice.
    const again = press(ws, last!.event, form, 'onCaptureEmail', ALICE, thread);
    expect(textOf(again.json)).toMatch(/Already records \(not captured again\)/);
    expect(registerRows(ws)).toHaveLength(4);
  });
});

describe('difficult emails get a clear outcome and lose nothing', () => {
  it('keeps encoded-word and right-to-left subjects and non-ASCII attachment names intact', async () => {
    const ws = department();
    const subject = await inbox(
      ws,
      ALICE,
      encodedWordMessage({ messageId: 'encoded@dfrr.gov.uk' })
    );
    press(ws, subject.event, openEmail(ws, ALICE, subject.event), 'onCaptureEmail', ALICE, CAPTURE);
    expect(registerRows(ws)[0].Title).toBe(ENCODED_SUBJECT);
    const attachments = await inbox(
      ws,
      ALICE,
      attachmentsMessage({ messageId: 'names@dfrr.gov.uk' })
    );
    press(
      ws,
      attachments.event,
      openEmail(ws, ALICE, attachments.event),
      'onCaptureEmail',
      ALICE,
      CAPTURE
    );
    expect(Object.values(ws.state.drive).some(i => i.name.endsWith(ATTACHMENT_NAMES.csv))).toBe(
      true
    );
  });

  it('captures a malformed message with what can be read', async () => {
    const ws = department();
    const { event } = await inbox(ws, ALICE, malformedMessage({ messageId: 'broken@dfrr.gov.uk' }));
    const result = press(ws, event, openEmail(ws, ALICE, event), 'onCaptureEmail', ALICE, CAPTURE);
    expect(textOf(result.json)).toMatch(/Captured as/);
    const [row] = registerRows(ws);
    const eml = ws.state.drive[String(row['File ID'])];
    expect(eml.name).toMatch(/\.eml$/);
    expect(eml.contentBase64).toBe(Object.values(ws.state.gmail!.messages)[0].rawBase64);
  });

  it('keeps S/MIME mail exactly as received and says why the PDF is bare', async () => {
    const ws = department();
    const { event } = await inbox(ws, ALICE, smimeMessage({ messageId: 'smime@dfrr.gov.uk' }));
    const result = press(ws, event, openEmail(ws, ALICE, event), 'onCaptureEmail', ALICE, CAPTURE);
    expect(textOf(result.json)).toMatch(/Encrypted \(S\/MIME\)/);
    expect(String(registerRows(ws)[0].Filing)).toMatch(/Complete with gaps: Encrypted/);
  });

  it('captures a calendar invitation with its .ics', async () => {
    const ws = department();
    const { event } = await inbox(
      ws,
      ALICE,
      calendarInviteMessage({ messageId: 'invite@dfrr.gov.uk' })
    );
    press(ws, event, openEmail(ws, ALICE, event), 'onCaptureEmail', ALICE, CAPTURE);
    expect(Object.values(ws.state.drive).some(i => i.name.endsWith('.ics'))).toBe(true);
    expect(registerRows(ws)[0]['Record type']).toBe('Email');
  });

  it('says so when the email was deleted after the sidebar opened, and saves nothing', async () => {
    const ws = department();
    const { id, event } = await inbox(ws, ALICE, plainMessage({ messageId: 'gone@dfrr.gov.uk' }));
    const card = openEmail(ws, ALICE, event);
    deleteMessageInState(ws.state, id);
    const result = press(ws, event, card, 'onCaptureEmail', ALICE, CAPTURE);
    expect(textOf(result.json)).toMatch(/could not be read .*deleted\. Nothing was captured/);
    expect(registerRows(ws)).toHaveLength(0);
  });
});

describe('OFFICIAL-SENSITIVE email', () => {
  it('is saved in the capturer’s restricted folder, with shortcuts in the shared series folder', async () => {
    const ws = department();
    const { event } = await inbox(
      ws,
      ALICE,
      attachmentsMessage({
        subject: 'OFFICIAL-SENSITIVE - PERSONAL DATA: casework',
        messageId: 'os@dfrr.gov.uk',
      })
    );
    press(ws, event, openEmail(ws, ALICE, event), 'onCaptureEmail', ALICE, CAPTURE);
    const [row] = registerRows(ws);
    expect(row.Classification).toBe('OFFICIAL-SENSITIVE');
    const eml = ws.state.drive[String(row['File ID'])];
    const home = ws.state.drive[eml.parents[0]];
    expect(home.name).toMatch(/OFFICIAL-SENSITIVE email records/);
    expect(home.owner).toBe(ALICE);
    expect(home.sharingAccess).toBe('PRIVATE');
    const inSeries = Object.values(ws.state.drive).filter(i =>
      i.parents.includes(String(row['Folder ID']))
    );
    expect(inSeries.length).toBeGreaterThanOrEqual(2);
    expect(inSeries.every(i => i.mimeType === 'application/vnd.google-apps.shortcut')).toBe(true);
    expect(String(row.Filing)).toMatch(/restricted folder/);
  });
});

describe('flagging an email for capture later', () => {
  const labelNames = (ws: Workspace, threadId: string) => {
    const labels = ws.state.gmail!.messages;
    return [
      ...new Set(
        Object.values(labels)
          .filter(m => m.threadId === threadId)
          .flatMap(m => m.labels)
      ),
    ];
  };

  it('labels the thread, remembers the choices, and can be undone', async () => {
    const ws = department();
    const { id, event } = await inbox(
      ws,
      ALICE,
      plainMessage({ subject: 'Weekly update', messageId: 'weekly@dfrr.gov.uk' })
    );
    const threadId = ws.state.gmail!.messages[id].threadId;
    const flagged = press(ws, event, openEmail(ws, ALICE, event), 'onFlagEmail', ALICE, {
      series: ['POL-STK-01'],
      businessUnit: ['PPD'],
      classification: ['OFFICIAL-SENSITIVE'],
    });
    expect(textOf(flagged.json)).toMatch(/Flagged for capture/);
    expect(labelNames(ws, threadId)).toContain('Records/To capture');
    expect(registerRows(ws)).toHaveLength(0);
    // Opened again, the card shows the choices made when flagging.
    const card = openEmail(ws, ALICE, event);
    expect(JSON.stringify(card)).toContain('"value":"POL-STK-01","selected":true');
    expect(JSON.stringify(card)).toContain('"value":"OFFICIAL-SENSITIVE","selected":true');
    expect(textOf(card)).toMatch(/Remove flag/);
    const removed = press(ws, event, card, 'onRemoveFlag', ALICE);
    expect(textOf(removed.json)).toMatch(/Flag removed/);
    expect(labelNames(ws, threadId)).not.toContain('Records/To capture');
  });

  it('moves a flagged thread to Records/Captured when it is captured now', async () => {
    const ws = department();
    const { id, event } = await inbox(
      ws,
      ALICE,
      plainMessage({ subject: 'Decision', messageId: 'decision@dfrr.gov.uk' })
    );
    press(ws, event, openEmail(ws, ALICE, event), 'onFlagEmail', ALICE, CAPTURE);
    press(ws, event, openEmail(ws, ALICE, event), 'onCaptureEmail', ALICE, CAPTURE);
    const labels = labelNames(ws, ws.state.gmail!.messages[id].threadId);
    expect(labels).toContain('Records/Captured');
    expect(labels).not.toContain('Records/To capture');
  });
});
