import { textOf } from '../../fakes/card-service/query';
import { actionEvent, driveEvent } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import type { Workspace } from '../../fakes/harness/workspace';
import { ALICE, BOB, department, DRO, invoices, press, registerRows } from '../support/department';
import {
  addToTeam,
  auditRows,
  openReview,
  openReviewHome,
  pressButton,
  rowOf,
  TEAM_HOST,
} from '../support/records-team';

const INVOICES = { series: ['FIN-ACC-01'], businessUnit: ['FCE'] };

function declared(n = 1): { ws: Workspace; ids: string[]; files: string[] } {
  const ws = department();
  addToTeam(ws, ALICE);
  const files = invoices(ws, DRO, n);
  const event = driveEvent(files);
  const card = firstCard(ws.run('onDriveItemsSelected', event, { user: DRO }).json);
  press(ws, event, card, 'onDeclare', DRO, INVOICES);
  const rows = registerRows(ws);
  return {
    ws,
    ids: rows.map(r => String(r['Record ID'])),
    files: rows.map(r => String(r['File ID'])),
  };
}

/** Opens the legal holds card from the decision card of `ids`, so they are filled in. */
function holdsFor(ws: Workspace, user: string, ids: string[]) {
  const { card } = openReview(ws, user, ids.join(' '));
  return pressButton(ws, card, 'Legal holds', user);
}

function placeRecordHold(ws: Workspace, ids: string[], reason = 'Employment tribunal 2024/118') {
  const holds = holdsFor(ws, ALICE, ids);
  return pressButton(ws, holds.card, 'Place hold', ALICE, {
    holdReason: reason,
    holdAuthority: 'Government Legal Department',
  });
}

function placeSeriesHold(ws: Workspace, series: string) {
  const home = openReviewHome(ws, ALICE);
  const holds = pressButton(ws, home.card, 'Legal holds', ALICE);
  return pressButton(ws, holds.card, 'Place hold', ALICE, {
    holdScope: ['Series'],
    holdTargets: series,
    holdReason: 'Covid inquiry module 7',
    holdAuthority: 'UK Covid-19 Inquiry, Rule 9 request',
  });
}

function proposeAndConfirm(ws: Workspace, ids: string[]) {
  const { card } = openReview(ws, ALICE, ids.join(' '));
  const proposed = pressButton(ws, card, 'Propose destruction', ALICE, {
    destroyReason: 'Retention ended',
  });
  const home = openReviewHome(ws, DRO);
  const awaiting = pressButton(ws, home.card, 'Open', DRO);
  return { proposed, awaiting };
}

describe('legal holds on records', () => {
  it('places a hold with reason and authority: holds tab row, register row flagged, audit row', () => {
    const { ws, ids } = declared();
    const placed = placeRecordHold(ws, ids);
    const year = new Date(ws.state.now).getUTCFullYear();
    const holdId = `HOLD-${year}-0001`;
    expect(placed.text).toContain(`${holdId} placed on ${ids[0]}.`);
    expect(placed.text).toMatch(/In force \(1\)/);
    expect(placed.text).toContain(
      'Employment tribunal 2024/118 · Authority: Government Legal Department'
    );
    expect(registerRows(ws, 'Legal holds')).toEqual([
      expect.objectContaining({
        'Hold ID': holdId,
        Scope: 'Record',
        'Record or series': ids[0],
        Reason: 'Employment tribunal 2024/118',
        Authority: 'Government Legal Department',
        'Placed by': ALICE,
        'Lifted by': '',
      }),
    ]);
    expect(rowOf(ws, ids[0])).toMatchObject({
      'Legal hold': 'Yes',
      'Hold reason': `Employment tribunal 2024/118 (${holdId})`,
      'Hold authority': 'Government Legal Department',
    });
    expect(auditRows(ws, 'Legal hold placed')).toEqual([
      expect.objectContaining({ Actor: ALICE, 'Record ID': ids[0] }),
    ]);
    // The decision card and the home card show the hold.
    expect(openReview(ws, ALICE, ids[0]).text).toContain('On legal hold');
    expect(textOf(openReviewHome(ws, DRO).card)).toContain('Legal holds in force: 1');
    // Placing the same hold again changes nothing.
    const again = placeRecordHold(ws, ids);
    expect(again.text).toMatch(/Already on hold under the same terms/);
    expect(registerRows(ws, 'Legal holds')).toHaveLength(1);
  });

  it('refuses to propose or confirm the destruction of a held record, and nothing is binned', () => {
    const { ws, ids, files } = declared(2);
    const { proposed, awaiting } = proposeAndConfirm(ws, ids);
    expect(proposed.text).toContain('2 done');
    // A hold arrives between the proposal and the confirmation.
    placeRecordHold(ws, [ids[0]]);
    const confirmed = pressButton(ws, awaiting.card, 'Confirm destruction', DRO);
    expect(confirmed.text).toContain(
      `${ids[0]} is on legal hold (Employment tribunal 2024/118 (HOLD-`
    );
    expect(confirmed.text).toContain('it cannot be destroyed while the hold lasts');
    expect(confirmed.text).toContain(`${ids[1]} destroyed: certificate DSP-`);
    expect(ws.state.drive[files[0]].trashed).toBe(false);
    expect(ws.state.drive[files[1]].trashed).toBe(true);
    expect(rowOf(ws, ids[0])['Lifecycle state']).toBe('Destruction proposed');
    expect(registerRows(ws, 'Disposals').map(c => c['Record ID'])).toEqual([ids[1]]);

    const { card } = openReview(ws, ALICE, ids[0]);
    const refused = pressButton(ws, card, 'Propose destruction', ALICE, { destroyReason: 'x' });
    expect(refused.text).toMatch(/on legal hold .*: it cannot be destroyed while the hold lasts/);
  });

  it('lets a held record be selected for transfer, saying the transfer will skip it while held', () => {
    const { ws, ids } = declared();
    placeRecordHold(ws, ids);
    const { card } = openReview(ws, ALICE, ids[0]);
    const selected = pressButton(ws, card, 'Select for transfer', ALICE);
    expect(selected.text).toContain(
      'It is on legal hold: the transfer will skip it while the hold lasts.'
    );
    expect(rowOf(ws, ids[0])['Selection decision']).toBe('Transfer to TNA');
  });

  it('lifts a hold with a reason, clearing the register row, after which destruction goes ahead', () => {
    const { ws, ids, files } = declared();
    const placed = placeRecordHold(ws, ids);
    const noReason = pressButton(ws, placed.card, 'Lift', ALICE);
    expect(noReason.text).toMatch(/Give the reason for lifting the hold/);
    expect(rowOf(ws, ids[0])['Legal hold']).toBe('Yes');

    const lifted = pressButton(ws, placed.card, 'Lift', ALICE, { liftReason: 'Claim withdrawn' });
    expect(lifted.text).toMatch(/HOLD-\d{4}-0001 lifted from REC-/);
    expect(lifted.text).toContain('No legal holds are in force.');
    expect(rowOf(ws, ids[0])).toMatchObject({
      'Legal hold': 'No',
      'Hold reason': '',
      'Hold authority': '',
    });
    expect(registerRows(ws, 'Legal holds')[0]).toMatchObject({
      'Lifted by': ALICE,
      'Lift reason': 'Claim withdrawn',
    });
    expect(auditRows(ws, 'Legal hold lifted')).toHaveLength(1);
    const again = pressButton(ws, placed.card, 'Lift', ALICE, { liftReason: 'Claim withdrawn' });
    expect(again.text).toMatch(/was already lifted by alice@dfrr.gov.uk on \d{4}-\d{2}-\d{2}/);

    const { awaiting } = proposeAndConfirm(ws, ids);
    const confirmed = pressButton(ws, awaiting.card, 'Confirm destruction', DRO);
    expect(confirmed.text).toContain(`${ids[0]} destroyed`);
    expect(ws.state.drive[files[0]].trashed).toBe(true);
  });

  it('keeps a record held while another hold still covers it', () => {
    const { ws, ids } = declared();
    placeRecordHold(ws, ids, 'Tribunal claim');
    const second = placeRecordHold(ws, ids, 'Subject access request 2025-004');
    const year = new Date(ws.state.now).getUTCFullYear();
    const lifted = pressButton(ws, second.card, 'Lift', ALICE, { liftReason: 'Tribunal settled' });
    expect(lifted.text).toContain(`Still held by another hold: ${ids[0]}.`);
    expect(rowOf(ws, ids[0])).toMatchObject({
      'Legal hold': 'Yes',
      'Hold reason': `Subject access request 2025-004 (HOLD-${year}-0002)`,
    });
  });

  it('keeps a record held by its series when its own hold is lifted, naming the series hold', () => {
    const { ws, ids } = declared();
    const own = placeRecordHold(ws, ids, 'Tribunal claim');
    placeSeriesHold(ws, 'FIN-ACC-01');
    const year = new Date(ws.state.now).getUTCFullYear();
    const lifted = pressButton(ws, own.card, 'Lift', ALICE, { liftReason: 'Tribunal settled' });
    expect(lifted.text).toContain(`Still held by another hold: ${ids[0]}.`);
    expect(rowOf(ws, ids[0])).toMatchObject({
      'Legal hold': 'Yes',
      'Hold reason': `Covid inquiry module 7 (HOLD-${year}-0002)`,
      'Hold authority': 'UK Covid-19 Inquiry, Rule 9 request',
    });
  });

  it('names what is wrong with a hold and saves nothing', () => {
    const { ws, ids } = declared();
    const holds = holdsFor(ws, ALICE, ids);
    const missing = pressButton(ws, holds.card, 'Place hold', ALICE, {
      holdTargets: `${ids[0]} REC-12`,
    });
    expect(missing.text).toContain('Give the reason for the hold');
    expect(missing.text).toContain('Give the authority that ordered the hold');
    expect(missing.text).toContain('This is not a record ID: "REC-12"');
    const unknown = pressButton(ws, holds.card, 'Place hold', ALICE, {
      holdTargets: 'REC-2001-000009',
      holdReason: 'Inquiry',
      holdAuthority: 'Inquiry chair',
    });
    expect(unknown.text).toContain(
      'This record is not in the register: REC-2001-000009. Nothing was saved.'
    );
    const series = pressButton(ws, holds.card, 'Place hold', ALICE, {
      holdScope: ['Series'],
      holdTargets: 'FIN-ACC-01 NOPE-01',
      holdReason: 'Inquiry',
      holdAuthority: 'Inquiry chair',
    });
    expect(series.text).toContain('This series is not in the file plan: NOPE-01.');
    expect(registerRows(ws, 'Legal holds')).toHaveLength(0);
    expect(rowOf(ws, ids[0])['Legal hold']).toBe('No');
  });
});

describe('legal holds on a whole series', () => {
  it('holds every record of the series without rewriting their rows, until lifted', () => {
    const { ws, ids, files } = declared(2);
    const placed = placeSeriesHold(ws, 'fin-acc-01');
    expect(placed.text).toMatch(/HOLD-\d{4}-0001 placed on FIN-ACC-01\./);
    expect(registerRows(ws, 'Legal holds')[0]).toMatchObject({
      Scope: 'Series',
      'Record or series': 'FIN-ACC-01',
    });
    // The register rows are not rewritten; the hold still covers them.
    expect(ids.map(id => rowOf(ws, id)['Legal hold'])).toEqual(['No', 'No']);
    expect(auditRows(ws, 'Legal hold placed')).toEqual([
      expect.objectContaining({
        'Record ID': '',
        Details: expect.stringContaining('series FIN-ACC-01'),
      }),
    ]);
    const { proposed } = proposeAndConfirm(ws, ids);
    expect(proposed.text).toContain('2 refused');
    expect(proposed.text).toContain(
      `${ids[0]} is on legal hold: it cannot be destroyed while the hold lasts.`
    );
    expect(openReview(ws, ALICE, ids[0]).text).toContain('On legal hold');

    const lifted = pressButton(ws, placed.card, 'Lift', ALICE, { liftReason: 'Module closed' });
    expect(lifted.text).toContain('No legal holds are in force.');
    const after = proposeAndConfirm(ws, ids);
    const confirmed = pressButton(ws, after.awaiting.card, 'Confirm destruction', DRO);
    expect(confirmed.text).toContain('2 done');
    expect(files.every(f => ws.state.drive[f].trashed)).toBe(true);
  });
});

describe('legal holds are for the records team', () => {
  it('tells a non-member the holds card is for the records team only', () => {
    const { ws } = declared();
    const result = ws.run('onOpenHolds', actionEvent(TEAM_HOST), { user: BOB });
    expect(textOf(result.json)).toContain('Records team only');
    const placed = ws.run(
      'onPlaceHold',
      actionEvent(
        TEAM_HOST,
        {},
        {
          holdScope: ['Series'],
          holdTargets: 'FIN-ACC-01',
          holdReason: 'x',
          holdAuthority: 'y',
        }
      ),
      { user: BOB }
    );
    expect(textOf(placed.json)).toContain('Records team only');
    expect(registerRows(ws, 'Legal holds')).toHaveLength(0);
  });
});
