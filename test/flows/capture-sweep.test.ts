import { textOf } from '../../fakes/card-service/query';
import { gmailEvent, homepageEvent } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import {
  attachmentsMessage,
  inlineImageMessage,
  plainMessage,
  threadMessages,
} from '../../fakes/gmail/fixtures';
import { addMessageFromRaw, deleteMessageInState } from '../../fakes/gmail/seed';
import type { Workspace } from '../../fakes/harness/workspace';
import { ALICE, department, press, registerRows } from '../support/department';
import { flagMany, TO_CAPTURE } from '../support/mail';

const CHOICES = { series: ['POL-DEV-01'], businessUnit: ['PPD'] };

async function receive(ws: Workspace, subject: string, n: number) {
  const id = await addMessageFromRaw(ws.state, {
    owner: ALICE,
    raw: plainMessage({ subject, messageId: `sweep-${n}@dfrr.gov.uk` }),
  });
  return {
    id,
    event: gmailEvent({ messageId: id, threadId: ws.state.gmail!.messages[id].threadId }),
  };
}

function flag(ws: Workspace, event: ReturnType<typeof gmailEvent>) {
  const card = firstCard(ws.run('onGmailMessage', event, { user: ALICE }).json);
  const result = press(ws, event, card, 'onFlagEmail', ALICE, CHOICES);
  if (!/Flagged for capture/.test(textOf(result.json))) throw new Error(textOf(result.json));
}

const labelled = (ws: Workspace, label: string) =>
  Object.values(ws.state.gmail!.messages).filter(m => m.labels.includes(label));

function homepage(ws: Workspace) {
  return firstCard(ws.run('onGmailHomepage', homepageEvent('GMAIL'), { user: ALICE }).json);
}

describe('the scheduled capture of flagged email', () => {
  it('captures flagged email, records what failed and why, and moves the labels', async () => {
    const ws = department();
    const kept = await receive(ws, 'Decision to keep', 1);
    const other = await receive(ws, 'Minutes to keep', 2);
    const gone = await receive(ws, 'Soon deleted', 3);
    const byHand = await receive(ws, 'Labelled by hand', 4);
    for (const m of [kept, other, gone]) flag(ws, m.event);
    deleteMessageInState(ws.state, gone.id);
    ws.state.gmail!.messages[byHand.id].labels.push(TO_CAPTURE);

    const run = press(ws, homepageEvent('GMAIL'), homepage(ws), 'onCaptureFlaggedNow', ALICE);
    expect(textOf(run.json)).toMatch(/2 captured, 1 not captured/);
    const rows = registerRows(ws);
    expect(rows.map(r => r.Title).sort()).toEqual(['Decision to keep', 'Minutes to keep']);
    expect(rows.every(r => String(r.Filing).startsWith('Pending: PDF rendition'))).toBe(true);
    expect(run.counts.byKey['SpreadsheetApp.Range.setValues']).toBe(2); // one register write (rows + audit)
    expect(
      labelled(ws, 'Records/Captured')
        .map(m => m.id)
        .sort()
    ).toEqual([kept.id, other.id].sort());
    expect(labelled(ws, 'Records/Capture failed').map(m => m.id)).toEqual([byHand.id]);
    expect(labelled(ws, TO_CAPTURE)).toHaveLength(0);
    const card = homepage(ws);
    expect(textOf(card)).toMatch(
      /Labelled by hand: Labelled "Records\/To capture" without choices/
    );
    const eml = ws.state.drive[String(rows[0]['File ID'])];
    expect(eml.name).toMatch(/\.eml$/);
  });

  it('stops before the time limit and resumes where it left off, never capturing twice', async () => {
    const ws = department();
    await flagMany(ws, ALICE, 60);
    const first = press(ws, homepageEvent('GMAIL'), homepage(ws), 'onCaptureFlaggedNow', ALICE);
    expect(textOf(first.json)).toMatch(/Time ran out/);
    const afterFirst = registerRows(ws).length;
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(60);
    // The hourly run has six minutes and finishes the rest.
    const hourly = ws.run('onCaptureSweep', {}, { user: ALICE, budgetMs: 360_000 });
    expect(hourly.error).toBeUndefined();
    const rows = registerRows(ws);
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map(r => r['Message-ID'])).size).toBe(60);
    expect(labelled(ws, TO_CAPTURE)).toHaveLength(0);
  });

  it('switches the hourly capture on and off from the Gmail homepage', () => {
    const ws = department();
    const on = press(ws, homepageEvent('GMAIL'), homepage(ws), 'onToggleHourlyCapture', ALICE, {
      hourly: ['yes'],
    });
    expect(textOf(on.json)).toMatch(/every hour/);
    expect(ws.state.triggers.map(t => [t.handlerFunction, t.schedule.everyHours])).toEqual([
      ['onCaptureSweep', 1],
    ]);
    press(ws, homepageEvent('GMAIL'), homepage(ws), 'onToggleHourlyCapture', ALICE, { hourly: [] });
    expect(ws.state.triggers).toHaveLength(0);
  });
});

describe('the scheduled capture and very large email', () => {
  it('records the details of a message too large for Apps Script and says it was not saved', async () => {
    const ws = department();
    const [small, large] = await flagMany(ws, ALICE, 2, 'Scans');
    // A 40 MB message: its content grows in place after parsing (parsing 40 MB is slow).
    const big = ws.state.gmail!.messages[large];
    big.rawBase64 = Buffer.concat([
      Buffer.from(big.rawBase64, 'base64'),
      Buffer.alloc(40 * 1024 * 1024, 65),
    ]).toString('base64');
    const run = ws.run('onCaptureSweep', {}, { user: ALICE, budgetMs: 360_000 });
    expect(run.error).toBeUndefined();
    const rows = registerRows(ws);
    expect(rows).toHaveLength(2);
    const bigRow = rows.find(r => r.Title === 'Scans 2')!;
    expect(bigRow['File ID']).toBe('');
    expect(String(bigRow.Filing)).toMatch(
      /Complete with gaps: The message \(about 40 MB\) is over the size Apps Script can read/
    );
    expect(rows.find(r => r.Title === 'Scans 1')!['File ID']).not.toBe('');
    expect(
      labelled(ws, 'Records/Captured')
        .map(m => m.id)
        .sort()
    ).toEqual([small, large].sort());
  });
});

describe('the rendition pass', () => {
  it('adds the PDF rendition and the attachments to email the scheduled capture saved as originals', async () => {
    const ws = department();
    const withFiles = await addMessageFromRaw(ws.state, {
      owner: ALICE,
      raw: attachmentsMessage({ subject: 'Retention schedule', messageId: 'files@dfrr.gov.uk' }),
    });
    const withImage = await addMessageFromRaw(ws.state, {
      owner: ALICE,
      raw: inlineImageMessage({ subject: 'Crest', messageId: 'crest-sweep@dfrr.gov.uk' }),
    });
    for (const id of [withFiles, withImage]) {
      flag(ws, gmailEvent({ messageId: id, threadId: ws.state.gmail!.messages[id].threadId }));
    }
    const run = ws.run('onCaptureSweep', {}, { user: ALICE, budgetMs: 360_000 });
    expect(run.log.join('\n')).toMatch(/2 captured.*2 renditions made, 0 waiting/);
    const rows = registerRows(ws);
    expect(rows.map(r => r.Filing)).toEqual(['Complete', 'Complete']);
    const files = rows.find(r => r.Title === 'Retention schedule')!;
    expect(files.Attachments).toBe(3);
    expect(String(files['Saved files']).split('\n')).toHaveLength(5); // .eml, PDF, 3 attachments
    expect(String(files['Checksum (SHA-256)']).match(/[0-9a-f]{64}/g)).toHaveLength(5);
    const pdf = Object.values(ws.state.drive).find(i => i.name.endsWith('Crest.pdf'))!;
    const rendered = Buffer.from(pdf.contentBase64 ?? '', 'base64').toString('utf8');
    expect(rendered).toContain('data:image/png;base64,');
    expect(labelled(ws, 'Records/Rendition pending')).toHaveLength(0);
    expect(registerRows(ws, 'Audit log').map(r => r.Action)).toEqual(
      expect.arrayContaining(['Email captured (scheduled)', 'Email rendition made'])
    );
  });
});

describe('a thread of 100 messages', () => {
  it('captures what fits in the sidebar’s time, says what was not reached, and the flag takes the rest', async () => {
    const ws = department();
    const raws = threadMessages(100, { subject: 'Flood defence review' });
    let threadId: string | undefined;
    let last = '';
    for (const raw of raws) {
      last = await addMessageFromRaw(ws.state, { owner: ALICE, raw, threadId });
      threadId = ws.state.gmail!.messages[last].threadId;
    }
    const event = gmailEvent({ messageId: last, threadId: threadId! });
    const card = firstCard(ws.run('onGmailMessage', event, { user: ALICE }).json);
    expect(textOf(card)).toMatch(/The whole thread \(100 messages\)/);
    const now = press(ws, event, card, 'onCaptureEmail', ALICE, { ...CHOICES, scope: ['thread'] });
    const captured = registerRows(ws).length;
    expect(captured).toBeGreaterThan(0);
    expect(captured).toBeLessThan(100);
    expect(textOf(now.json)).toMatch(
      new RegExp(`${100 - captured} message\\(s\\) of the thread were not reached in time`)
    );
    // Flagging the thread hands the rest to the scheduled capture, which skips what is captured.
    flag(ws, event);
    ws.run('onCaptureSweep', {}, { user: ALICE, budgetMs: 360_000 });
    const rows = registerRows(ws);
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map(r => r['Message-ID'])).size).toBe(100);
  });
});
