// The Review queue refresh at scale: a register of 20,000 and 100,000 rows, refreshed by the
// daily time-driven run (6 minutes) and by the sidebar button (30 seconds). Counts come from the
// fakes; time is modelled from fakes/core/latency.ts. Runnable alone after `npm run build`:
// `npx tsx bench/review-queue.ts`.
import { line, roundTrips, RUN_COLUMNS } from './report';
import { COMMIT_COST, EXECUTION_START_MS } from '../fakes/core/latency';
import { editorEvent } from '../fakes/events';
import { firstCard } from '../fakes/form';
import { Workspace } from '../fakes/harness/workspace';
import type { WorkspaceState } from '../fakes/core/state';
import { readSheet } from '../fakes/spreadsheet/seed';
import { fillRegister } from '../test/support/big-register';
import { DRO, newWorkspace, press, registerId, setUpRegister } from '../test/support/department';
import type { RunResult } from '../fakes/harness/workspace';

const SIX_MINUTES_MS = 360_000;
const CARD_LIMIT_MS = 30_000;
const MAX_RUNS = 40;
/** The day the refreshes run: records from 2000 to 2025 have every kind of date due around it. */
const NOW = Date.UTC(2025, 5, 16, 6, 0, 0);

const SCHEDULED = ['R-POL', 'R-FIN6', 'R-PERM', 'R-HR5', 'R-FIN3', 'R-REV5', 'R-CON6', ''];

/**
 * A register of `rows` records over 25 years, with the hand edits a real one collects: dates that
 * are not dates, unknown schedule codes, cleared rows; records on hold; proposed destructions;
 * and the records already destroyed or transferred.
 */
function department(rows: number): Workspace {
  const ws = newWorkspace();
  ws.state.now = NOW;
  setUpRegister(ws);
  fillRegister(ws, rows, {
    fromYear: 2000,
    fields: i => {
      const date = Date.UTC(2000 + (i % 26), (i * 7) % 12, 1 + ((i * 13) % 28));
      const fields: Record<string, string | number | { d: number }> = {
        recordDate: { d: date },
        retentionCode: SCHEDULED[i % SCHEDULED.length],
      };
      if (i % 500 === 0) fields.recordDate = '30/02/2011';
      if (i % 700 === 1) fields.retentionCode = 'R-RETIRED';
      if (i % 250 === 2) fields.legalHold = 'Yes';
      if (i % 400 === 3) fields.lifecycle = 'Destruction proposed';
      if (i % 3 === 0 && date < Date.UTC(2015, 0, 1)) fields.lifecycle = 'Destroyed';
      return fields;
    },
  });
  const register = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === 'Register')!;
  for (let i = 4; i < rows; i += 900) register.rows[1 + i] = [];
  // Legal holds: one series and forty single records.
  const holds = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === 'Legal holds')!;
  holds.rows[1] = ['HOLD-1', 'Series', 'MIN-SUB-01', 'Inquiry', 'RRI/2025/14', DRO, { d: NOW }];
  for (let h = 0; h < 40; h++) {
    const id = `REC-2000-${String(h * 2_011 + 17).padStart(6, '0')}`;
    holds.rows[2 + h] = [`HOLD-${h + 2}`, 'Record', id, 'Litigation', 'LIT/88', DRO, { d: NOW }];
  }
  return ws;
}

interface Refresh {
  runs: RunResult[];
  queueLines: number;
  complete: boolean;
}

/** Daily runs until the refresh is complete. */
function dailyRuns(ws: Workspace): Refresh {
  const runs: RunResult[] = [];
  let complete = false;
  while (!complete && runs.length < MAX_RUNS) {
    const run = ws.run('onScheduledQueueRefresh', {}, { user: DRO, budgetMs: SIX_MINUTES_MS });
    if (run.error) throw new Error(`Daily refresh failed: ${run.error}`);
    runs.push(run);
    complete = run.log.some(l => l.includes('Review queue refreshed'));
  }
  return {
    runs,
    queueLines: readSheet(ws.state, registerId(ws), 'Review queue').length - 1,
    complete,
  };
}

/** Button presses until the refresh is complete. */
function buttonPresses(ws: Workspace): Refresh {
  const event = editorEvent('SHEETS', { id: registerId(ws), title: 'Records register' });
  let card = firstCard(ws.run('onSheetsHomepage', event, { user: DRO }).json);
  const runs: RunResult[] = [];
  let complete = false;
  while (!complete && runs.length < MAX_RUNS) {
    const run = press(ws, event, card, 'onRefreshReviewQueue', DRO);
    if (run.error) throw new Error(`Refresh failed: ${run.error}`);
    runs.push(run);
    card = firstCard(run.json);
    complete = /\(complete\)/.test(JSON.stringify(card));
  }
  return {
    runs,
    queueLines: readSheet(ws.state, registerId(ws), 'Review queue').length - 1,
    complete,
  };
}

/** The register reads a run made, as its log reports them. */
function chunkReads(run: RunResult): number {
  const m = /in (\d+) reads/.exec(run.log.join('\n'));
  if (!m) throw new Error(`No refresh report in the log: ${run.log.join(' | ')}`);
  return Number(m[1]);
}

function report(title: string, refresh: Refresh, limitMs: number): boolean {
  const widths = [10, 7, 12, 11, 14, 8, 11, 11];
  console.log(`\n${title}`);
  console.log(line(RUN_COLUMNS, widths));
  let ok = refresh.complete;
  refresh.runs.forEach((run, i) => {
    const c = run.counts;
    const within = c.modelledMs < limitMs;
    ok &&= within;
    console.log(
      line(
        [
          `run ${i + 1}`,
          c.serviceCalls,
          roundTrips(c),
          c.cellsRead.toLocaleString('en-GB'),
          c.cellsWritten.toLocaleString('en-GB'),
          c.commits,
          (c.modelledMs / 1000).toFixed(1),
          within ? 'yes' : 'NO',
        ],
        widths
      )
    );
  });
  const registerReads = refresh.runs.map(chunkReads).reduce((a, b) => a + b, 0);
  console.log(
    `  ${refresh.runs.length} run${refresh.runs.length > 1 ? 's' : ''} needed; ${refresh.complete ? 'complete' : 'NOT complete'}; ` +
      `${registerReads} register reads of up to 5,000 rows; ${refresh.queueLines.toLocaleString('en-GB')} queue lines written.`
  );
  return ok;
}

export function benchReviewQueue(): void {
  console.log(
    '\nReview queue refresh (records team): the register read in chunks of 5,000 rows, one queue write per chunk'
  );
  console.log(
    `(execution start ${EXECUTION_START_MS} ms; a commit of buffered sheet writes ${COMMIT_COST.ms} ms + ${COMMIT_COST.perUnit} ms/cell; daily runs stop starting chunks at 280 s, button presses at 20 s)`
  );
  const checks: [string, boolean][] = [];
  for (const rows of [20_000, 100_000]) {
    const size = rows.toLocaleString('en-GB');
    const ws = department(rows);
    const first = dailyRuns(ws);
    checks.push([
      `${size} rows: first daily refresh completes, every run under 6 minutes (${first.runs.length} run${first.runs.length > 1 ? 's' : ''})`,
      report(
        `First daily refresh (time-driven, 6-minute limit), ${size}-row register`,
        first,
        SIX_MINUTES_MS
      ),
    ]);
    // The next day: yesterday's queue is replaced (its ticks kept), by the daily run or the button.
    ws.state.now += 86_400_000;
    const saved = JSON.stringify(ws.state);
    const daily = dailyRuns(ws);
    checks.push([
      `${size} rows: next day's daily refresh completes, every run under 6 minutes (${daily.runs.length} run${daily.runs.length > 1 ? 's' : ''})`,
      report(
        `Next day's daily refresh, replacing yesterday's queue, ${size}-row register`,
        daily,
        SIX_MINUTES_MS
      ),
    ]);
    const again = new Workspace(JSON.parse(saved) as WorkspaceState);
    const button = buttonPresses(again);
    checks.push([
      `${size} rows: button refresh completes, every press under 30 seconds (${button.runs.length} presses)`,
      report(
        `Next day's refresh by the Refresh review queue button (30-second card limit), ${size}-row register`,
        button,
        CARD_LIMIT_MS
      ),
    ]);
    const chunks = Math.ceil(rows / 5_000);
    const reads = (r: Refresh) => r.runs.map(chunkReads).reduce((a, b) => a + b, 0);
    const otherReads = Math.max(
      ...[...daily.runs, ...button.runs].map(
        r => (r.counts.byKey['SpreadsheetApp.Range.getValues'] ?? 0) - chunkReads(r)
      )
    );
    checks.push([
      `${size} rows: ${chunks} register reads per refresh (ceil(rows / 5,000)), however many runs it takes (daily ${reads(daily)}, button ${reads(button)}); other reads (headers, settings, reference tabs, team, holds, ticks) per run: at most ${otherReads} of 20`,
      reads(daily) === chunks && reads(button) === chunks && otherReads <= 20,
    ]);
    checks.push([
      `${size} rows: the same queue whether refreshed by the daily run or the button (${daily.queueLines} lines)`,
      daily.queueLines === button.queueLines && daily.queueLines > 0,
    ]);
  }
  console.log('\nTargets');
  for (const [text, ok] of checks) console.log(`  ${ok ? 'met   ' : 'MISSED'}  ${text}`);
}

if (require.main === module) benchReviewQueue();
