// `npm run bench`: what declaring costs, from the fakes' call counters, at several register
// sizes, and for a 50-file Drive selection; then the records team's batch work (review queue,
// transfer package, audit log check, dashboard and ExCo report, leaver sweep) and register search
// on registers of up to 100,000 rows. Modelled time uses the per-call latency table in
// fakes/core/latency.ts (each row names its source). Counts, not wall-clock time, are the result.
import { line, roundTrips } from './report';
import { LATENCY, COMMIT_COST, EXECUTION_START_MS } from '../fakes/core/latency';
import type { CallCounts } from '../fakes/core/execution';
import { driveEvent, gmailEvent } from '../fakes/events';
import { attachmentsMessage } from '../fakes/gmail/fixtures';
import { addMessageFromRaw } from '../fakes/gmail/seed';
import { flagMany } from '../test/support/mail';
import { firstCard } from '../fakes/form';
import { fillRegister } from '../test/support/big-register';
import { benchAuditCheck } from './audit';
import { benchDashboard } from './dashboard';
import { benchLeaverSweep } from './leaver';
import { benchReviewQueue } from './review-queue';
import { benchSearch } from './search';
import { benchTransfer, reportTransfer } from './transfer';
import {
  ALICE,
  declareDoc,
  invoices,
  newDocument,
  newWorkspace,
  openDoc,
  press,
  registerRows,
  setUpRegister,
  TYPICAL,
} from '../test/support/department';

const SIZES = [0, 1_000, 20_000, 100_000];
const CALL_TARGET = 40;

interface Row {
  label: string;
  counts: CallCounts;
}

function table(title: string, rows: Row[]): void {
  const widths = [22, 10, 12, 12, 14, 8, 12];
  console.log(`\n${title}`);
  console.log(
    line(
      ['', 'calls', 'round trips', 'cells read', 'cells searched', 'commits', 'modelled s'],
      widths
    )
  );
  for (const r of rows) {
    console.log(
      line(
        [
          r.label,
          r.counts.serviceCalls,
          roundTrips(r.counts),
          r.counts.cellsRead,
          r.counts.cellsSearched,
          r.counts.commits,
          (r.counts.modelledMs / 1000).toFixed(2),
        ],
        widths
      )
    );
  }
}

function breakdown(counts: CallCounts): void {
  const entries = Object.entries(counts.byKey)
    .filter(([k]) => !k.startsWith('CardService'))
    .sort();
  for (const [key, n] of entries) {
    const cost = LATENCY[key];
    console.log(
      `    ${key.padEnd(48)} ${String(n).padStart(3)}  ${cost ? `${cost.ms} ms (${cost.basis})` : 'local'}`
    );
  }
}

/** One declaration of a new Doc in a series whose folder already exists, at each register size. */
function declareOneDoc(): { open: Row[]; declare: Row[]; last: CallCounts } {
  const open: Row[] = [];
  const declare: Row[] = [];
  let last: CallCounts | null = null;
  for (const size of SIZES) {
    const ws = newWorkspace();
    setUpRegister(ws);
    // Alice has declared before (her series and unit are remembered; the series folder exists).
    declareDoc(ws, ALICE, newDocument(ws, ALICE, 'Earlier submission'), TYPICAL);
    fillRegister(ws, size);
    const doc = newDocument(ws, ALICE, 'Submission to SoS: allocation options', [
      'Options for the Community Resilience Grant.',
    ]);
    const opened = openDoc(ws, ALICE, doc);
    const result = press(ws, opened.event, opened.card, 'onDeclare', ALICE);
    if (result.error || !/Declared as/.test(JSON.stringify(result.json)))
      throw new Error(
        `Declaration failed at ${size} rows: ${result.error ?? JSON.stringify(result.json)}`
      );
    if (registerRows(ws).length !== size + 2) throw new Error('Register row count is wrong');
    open.push({ label: `${size.toLocaleString('en-GB')} rows`, counts: opened.result.counts });
    declare.push({ label: `${size.toLocaleString('en-GB')} rows`, counts: result.counts });
    last = result.counts;
  }
  return { open, declare, last: last! };
}

/** A department that has declared before, with `rows` records, and `n` PDFs in Alice's Drive. */
function driveDepartment(rows: number, n: number) {
  const ws = newWorkspace();
  setUpRegister(ws);
  declareDoc(ws, ALICE, newDocument(ws, ALICE, 'Earlier submission'), TYPICAL);
  fillRegister(ws, rows);
  const files = invoices(ws, ALICE, n);
  return { ws, files };
}

/** Files selected in Drive and declared in one action (the series folder exists already). */
function declareDriveFiles(n: number): { select: CallCounts; declare: CallCounts } {
  const { ws, files } = driveDepartment(20_000, n);
  const event = driveEvent(files);
  const selected = ws.run('onDriveItemsSelected', event, { user: ALICE });
  const result = press(ws, event, firstCard(selected.json), 'onDeclare', ALICE, TYPICAL);
  const declared = registerRows(ws).filter(r => String(r.Title).startsWith('Invoice'));
  const filed = declared.filter(r => r.Filing === 'Complete');
  if (declared.length !== n || filed.length !== n) {
    throw new Error(
      `Expected ${n} invoices declared and filed, found ${declared.length} and ${filed.length}: ${result.error ?? ''}`
    );
  }
  return { select: selected.counts, declare: result.counts };
}

/** One email with three attachments captured from the Gmail sidebar (register of 20,000 rows). */
async function captureOneEmail(): Promise<{ open: CallCounts; capture: CallCounts }> {
  const ws = newWorkspace();
  setUpRegister(ws);
  declareDoc(ws, ALICE, newDocument(ws, ALICE, 'Earlier submission'), TYPICAL);
  fillRegister(ws, 20_000);
  const id = await addMessageFromRaw(ws.state, {
    owner: ALICE,
    raw: attachmentsMessage({
      subject: 'Grant allocations: final figures',
      messageId: 'bench.1@dfrr.gov.uk',
    }),
  });
  const event = gmailEvent({ messageId: id, threadId: ws.state.gmail!.messages[id].threadId });
  const opened = ws.run('onGmailMessage', event, { user: ALICE });
  const result = press(ws, event, firstCard(opened.json), 'onCaptureEmail', ALICE, TYPICAL);
  if (!/Captured as/.test(JSON.stringify(result.json)))
    throw new Error(`Capture failed: ${result.error ?? JSON.stringify(result.json)}`);
  return { open: opened.counts, capture: result.counts };
}

/** 500 flagged emails and one time-driven run of the scheduled capture (6 minutes). */
async function sweepFlagged(): Promise<{
  counts: CallCounts;
  captured: number;
  batches: number;
  runs: string[];
}> {
  const ws = newWorkspace();
  setUpRegister(ws);
  declareDoc(ws, ALICE, newDocument(ws, ALICE, 'Earlier submission'), TYPICAL);
  fillRegister(ws, 20_000);
  await flagMany(ws, ALICE, 500);
  const before = registerRows(ws).length;
  const run = ws.run('onCaptureSweep', {}, { user: ALICE, budgetMs: 360_000 });
  if (run.error) throw new Error(run.error);
  const captured = registerRows(ws).length - before;
  // The next hourly runs finish the capture and make the PDF renditions and attachments.
  const later = [1, 2, 3].map(() =>
    ws.run('onCaptureSweep', {}, { user: ALICE, budgetMs: 360_000 })
  );
  const runs = [run, ...later].map(
    r => r.log.find(l => l.includes('Scheduled capture')) ?? r.error ?? ''
  );
  const batches = (run.counts.byKey['SpreadsheetApp.Range.setValues'] ?? 0) / 2;
  return { counts: run.counts, captured, batches, runs };
}

async function main(): Promise<void> {
  console.log(
    'Records Capture benchmark: service calls counted by the fakes; time modelled from fakes/core/latency.ts'
  );
  console.log(
    `(execution start ${EXECUTION_START_MS} ms; a commit of buffered sheet writes ${COMMIT_COST.ms} ms + ${COMMIT_COST.perUnit} ms/cell)`
  );

  const doc = declareOneDoc();
  table('Opening the Docs sidebar on a new document (declare form shown)', doc.open);
  table('Declaring one Google Doc (press Declare)', doc.declare);
  console.log('  Calls of one declaration (100,000-row register):');
  breakdown(doc.last);

  const one = declareDriveFiles(1);
  const fifty = declareDriveFiles(50);
  table('Declaring files selected in Drive (20,000-row register)', [
    { label: '1 file: open sidebar', counts: one.select },
    { label: '1 file: declare', counts: one.declare },
    { label: '50 files: open sidebar', counts: fifty.select },
    { label: '50 files: declare', counts: fifty.declare },
  ]);
  const writes = (c: CallCounts) => c.byKey['SpreadsheetApp.Range.setValues'] ?? 0;

  const calls = doc.declare.map(r => r.counts.serviceCalls);
  const trips = doc.declare.map(r => roundTrips(r.counts));
  const largestRead = Math.max(...doc.declare.map(r => r.counts.cellsRead));
  const checks = [
    [
      `same number of calls at every register size (${calls.join(', ')})`,
      new Set(calls).size === 1,
    ],
    [`no full-register read (largest read ${largestRead} cells)`, largestRead < 1_000],
    [
      `at most ${CALL_TARGET} round trips per declaration (${Math.max(...trips)})`,
      Math.max(...trips) <= CALL_TARGET,
    ],
    [
      `50 files: one register write (${writes(fifty.declare)} setValues: the register rows and the audit rows), as for 1 file (${writes(one.declare)})`,
      writes(fifty.declare) === 2 && writes(one.declare) === 2,
    ],
    [
      `50 files fit the 30 s card limit (${(fifty.declare.modelledMs / 1000).toFixed(1)} s modelled)`,
      fifty.declare.modelledMs < 30_000,
    ],
  ] as const;
  console.log('\nTargets');
  for (const [text, ok] of checks) console.log(`  ${ok ? 'met   ' : 'MISSED'}  ${text}`);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(
    `\nRatios (this run): 50 files vs 1 file: ${ratio(fifty.declare.serviceCalls, one.declare.serviceCalls)}x the calls and ${ratio(fifty.declare.modelledMs, one.declare.modelledMs)}x the modelled time for 50x the files; ` +
      `100,000 vs 0 register rows: ${ratio(doc.declare[3].counts.serviceCalls, doc.declare[0].counts.serviceCalls)}x the calls and ${ratio(doc.declare[3].counts.modelledMs, doc.declare[0].counts.modelledMs)}x the modelled time.`
  );

  const email = await captureOneEmail();
  table('Capturing one email with 3 attachments from the Gmail sidebar (20,000-row register)', [
    { label: 'open the sidebar', counts: email.open },
    { label: 'capture now', counts: email.capture },
  ]);
  const perMessage = email.capture.modelledMs - EXECUTION_START_MS;
  console.log(
    `  Serial capture of flagged mail at this cost: ${Math.floor(280_000 / perMessage)} messages per 6-minute run (280 s guard), ` +
      `${(perMessage / 1000).toFixed(1)} s each.`
  );
  const sweep = await sweepFlagged();
  table('Scheduled capture: one time-driven run with 500 flagged emails (20,000-row register)', [
    { label: 'run', counts: sweep.counts },
  ]);
  console.log(
    `  ${sweep.captured} captured in one run (${sweep.batches} batches of up to 25, one register write each: ` +
      `${sweep.counts.byKey['SpreadsheetApp.Range.setValues'] ?? 0} setValues for register + audit rows); ` +
      `${(sweep.counts.serviceCalls / Math.max(1, sweep.captured)).toFixed(1)} calls per captured email; ` +
      `${(sweep.counts.modelledMs / 1000).toFixed(0)} s modelled. Target 300 per run: ${sweep.captured >= 300 ? 'met' : 'MISSED'}. ` +
      'Shape: parallel raw reads (UrlFetchApp.fetchAll), originals first, PDF renditions and attachments in a later pass.'
  );
  sweep.runs.forEach((line, i) =>
    console.log(`  Hourly run ${i + 1}: ${line.replace(/^INFO /, '')}`)
  );

  console.log('\n=== Records team ===');
  benchReviewQueue();
  console.log('\nTransfer package to The National Archives');
  reportTransfer(benchTransfer());
  benchAuditCheck();
  benchDashboard();
  benchSearch();
  benchLeaverSweep();
}

void main();
