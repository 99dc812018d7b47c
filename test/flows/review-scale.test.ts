import { textOf } from '../../fakes/card-service/query';
import { actionEvent } from '../../fakes/events';
import { fillRegister } from '../support/big-register';
import { ALICE, department, DRO, invoices, registerRows } from '../support/department';
import {
  addToTeam,
  openReviewHome,
  pressButton,
  rowOf,
  TEAM_HOST,
  tickInQueue,
} from '../support/records-team';

const BIG = 50_000;
const CARD_LIMIT_MS = 30_000;

describe('the records team’s decisions on a large register', () => {
  it(`decides on 100 ticked records among ${BIG.toLocaleString('en-GB')} within the card time limit`, () => {
    const ws = department();
    addToTeam(ws, ALICE);
    fillRegister(ws, BIG);
    const ids = Array.from(
      { length: 100 },
      (_, i) => `REC-2016-${String(i * 497 + 1).padStart(6, '0')}`
    );
    tickInQueue(ws, ids);
    const home = openReviewHome(ws, ALICE);
    const opened = pressButton(ws, home.card, 'Decide on ticked rows', ALICE);
    expect(opened.text).toContain('Chosen records (100)');
    const retained = pressButton(ws, opened.card, 'Retain', ALICE, {
      retainYears: '2',
      retainReason: 'Programme extended',
    });
    expect(retained.text).toContain('100 done');
    for (const run of [opened, retained]) {
      expect(run.result.counts.byKey['SpreadsheetApp.TextFinder.findAll']).toBe(1);
      expect(run.result.counts.modelledMs).toBeLessThan(CARD_LIMIT_MS);
    }
    const rows = new Map(registerRows(ws).map(r => [r['Record ID'], r]));
    expect(ids.every(id => rows.get(id)?.['Selection decision'] === 'Retain')).toBe(true);
  });

  it('stops binning files before the card time limit and names the records not reached', () => {
    const ws = department();
    addToTeam(ws, ALICE);
    const files = invoices(ws, DRO, 60);
    const proposedAt = ws.state.now;
    fillRegister(ws, 60, {
      fields: i => ({
        fileId: files[i].id,
        lifecycle: 'Destruction proposed',
        selection: 'Destroy',
        decisionBy: ALICE,
        decisionAt: { d: proposedAt },
        decisionReason: 'Retention ended',
      }),
    });
    const ids = registerRows(ws).map(r => String(r['Record ID']));
    const run = ws.run(
      'onConfirmDestruction',
      actionEvent(TEAM_HOST, { recordIds: ids.join(',') }),
      { user: DRO }
    );
    const text = textOf(run.json);
    expect(run.counts.modelledMs).toBeLessThan(CARD_LIMIT_MS);
    const done = ids.filter(id => rowOf(ws, id)['Lifecycle state'] === 'Destroyed');
    const left = ids.filter(id => rowOf(ws, id)['Lifecycle state'] === 'Destruction proposed');
    expect(done.length).toBeGreaterThan(10);
    expect(left.length).toBeGreaterThan(0);
    expect(done.length + left.length).toBe(60);
    expect(text).toContain(`${left.length} not reached`);
    expect(text).toContain(`${left[0]} was not reached in the time one action has`);
    // Exactly the destroyed records' files are in the bin, each with its certificate.
    const binned = files.filter(f => ws.state.drive[f.id].trashed).map(f => f.id);
    expect(binned).toEqual(done.map(id => String(rowOf(ws, id)['File ID'])));
    expect(registerRows(ws, 'Disposals').map(c => c['Record ID'])).toEqual(done);
  });
});
