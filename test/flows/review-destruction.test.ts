import { textOf } from '../../fakes/card-service/query';
import { driveEvent } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import type { Workspace } from '../../fakes/harness/workspace';
import {
  ALICE,
  BOB,
  declareDoc,
  department,
  DRO,
  invoices,
  newDocument,
  press,
  registerRows,
} from '../support/department';
import {
  addToTeam,
  auditRows,
  editRegisterCell,
  openReview,
  openReviewHome,
  pressButton,
  rowOf,
} from '../support/records-team';

const INVOICES = { series: ['FIN-ACC-01'], businessUnit: ['FCE'] };

/** Invoices owned and declared in Drive by `owner`; Alice joins the records team. */
function declaredInvoices(owner: string, n = 1): { ws: Workspace; ids: string[]; files: string[] } {
  const ws = department();
  addToTeam(ws, ALICE);
  const files = invoices(ws, owner, n);
  const event = driveEvent(files);
  const card = firstCard(ws.run('onDriveItemsSelected', event, { user: owner }).json);
  const declared = press(ws, event, card, 'onDeclare', owner, INVOICES);
  if (!/Declared/.test(textOf(declared.json))) throw new Error(textOf(declared.json));
  const rows = registerRows(ws);
  return {
    ws,
    ids: rows.map(r => String(r['Record ID'])),
    files: rows.map(r => String(r['File ID'])),
  };
}

/** Alice proposes destroying the records. */
function propose(ws: Workspace, ids: string[], reason = 'Retention period (6 years) has ended') {
  const { card } = openReview(ws, ALICE, ids.join(' '));
  return pressButton(ws, card, 'Propose destruction', ALICE, { destroyReason: reason });
}

/** The DRO opens what awaits a second approval and confirms it. */
function confirmAsDro(ws: Workspace) {
  const home = openReviewHome(ws, DRO);
  const awaiting = pressButton(ws, home.card, 'Open', DRO);
  return pressButton(ws, awaiting.card, 'Confirm destruction', DRO);
}

function certificates(ws: Workspace): Record<string, unknown>[] {
  return registerRows(ws, 'Disposals');
}

describe('four-eyes destruction', () => {
  it('certifies a destroyed Google Doc by the SHA-256 of its PDF, as Drive keeps no checksum for it', () => {
    const ws = department();
    addToTeam(ws, ALICE);
    const docs = ['Old minutes', 'Other minutes'].map(title => {
      const doc = newDocument(ws, DRO, title, [`${title} of the Board.`]);
      declareDoc(ws, DRO, doc, { series: ['GOV-BRD-01'], businessUnit: ['BGS'] });
      return doc;
    });
    const ids = registerRows(ws).map(r => String(r['Record ID']));
    expect(registerRows(ws)[0]['Checksum (SHA-256)']).toBe('');
    propose(ws, ids);
    confirmAsDro(ws);
    const certified = certificates(ws).map(c => String(c['Checksum (SHA-256)']));
    expect(certified).toHaveLength(2);
    for (const checksum of certified) expect(checksum).toMatch(/^[0-9a-f]{64} \(PDF\)$/);
    expect(certified[0]).not.toBe(certified[1]);
    expect(docs.every(id => ws.state.drive[id].trashed)).toBe(true);
  });

  it('refuses the proposer confirming; a second member confirms: files binned, row kept as Destroyed, certificate written', () => {
    const { ws, ids, files } = declaredInvoices(DRO);
    const checksum = rowOf(ws, ids[0])['Checksum (SHA-256)'];
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);

    const proposed = propose(ws, ids);
    expect(proposed.text).toContain(
      `${ids[0]} proposed for destruction: a second member of the records team must confirm it.`
    );
    expect(rowOf(ws, ids[0])).toMatchObject({
      'Lifecycle state': 'Destruction proposed',
      'Selection decision': 'Destroy',
      'Decision by': ALICE,
      'Decision reason': 'Retention period (6 years) has ended',
    });
    expect(proposed.text).toMatch(/Awaiting a second member’s confirmation/);

    // Alice presses Confirm on her own proposal.
    const alone = pressButton(ws, proposed.card, 'Confirm destruction', ALICE);
    expect(alone.text).toContain(
      `${ids[0]}: you proposed its destruction, so a different member of the records team must confirm it (two people must agree).`
    );
    expect(ws.state.drive[files[0]].trashed).toBe(false);
    expect(rowOf(ws, ids[0])['Lifecycle state']).toBe('Destruction proposed');
    expect(certificates(ws)).toHaveLength(0);
    expect(auditRows(ws, 'Destruction refused')).toHaveLength(1);
    expect(alone.result.log.join('\n')).toMatch(/Destruction refused/);

    const home = openReviewHome(ws, DRO);
    expect(textOf(home.card)).toContain('Awaiting second approval: 1');
    const awaiting = pressButton(ws, home.card, 'Open', DRO);
    const confirmed = pressButton(ws, awaiting.card, 'Confirm destruction', DRO);
    expect(textOf(openReviewHome(ws, DRO).card)).toContain('Awaiting second approval: 0');
    const year = new Date(ws.state.now).getUTCFullYear();
    expect(confirmed.text).toContain(`${ids[0]} destroyed: certificate DSP-${year}-000001.`);
    expect(ws.state.drive[files[0]].trashed).toBe(true);
    const row = rowOf(ws, ids[0]);
    expect(row).toMatchObject({
      'Lifecycle state': 'Destroyed',
      'Decision by': `${ALICE}; ${DRO}`,
      Title: 'Invoice DfRR-2016-17-00417.pdf',
    });
    expect(String(row.Notes)).toContain(`certificate DSP-${year}-000001`);
    const [certificate] = certificates(ws);
    expect(certificate).toMatchObject({
      Certificate: `DSP-${year}-000001`,
      'Record ID': ids[0],
      Title: 'Invoice DfRR-2016-17-00417.pdf',
      Series: 'FIN-ACC-01',
      'Retention schedule': 'R-FIN6',
      Decision: 'Destroy',
      Reason: 'Retention period (6 years) has ended',
      'Proposed by': ALICE,
      'Confirmed by': DRO,
      'Checksum (SHA-256)': checksum,
      Notes: '',
    });
    expect(certificate['Proposed at']).toBeInstanceOf(Date);
    expect(certificate['Confirmed at']).toBeInstanceOf(Date);
    expect(certificate['Files destroyed']).toBe(
      `${files[0]} "[OFFICIAL] Invoice DfRR-2016-17-00417.pdf"`
    );
    const audit = auditRows(ws, 'Destroyed');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ Actor: DRO, 'Record ID': ids[0], 'File ID': files[0] });

    // Once destroyed, nothing more can be decided; confirming again changes nothing.
    expect(confirmed.text).toMatch(/no chosen record is still held by the department/);
    const again = pressButton(ws, awaiting.card, 'Confirm destruction', DRO);
    expect(again.text).toContain(`${ids[0]} is already destroyed.`);
    expect(certificates(ws)).toHaveLength(1);
    expect(auditRows(ws, 'Destroyed')).toHaveLength(1);
  });

  it('bins an OFFICIAL-SENSITIVE record kept in place together with its shortcut in the series folder', () => {
    const ws = department();
    addToTeam(ws, ALICE);
    const doc = newDocument(ws, DRO, 'Grievance case', ['Case'], {
      header: ['OFFICIAL-SENSITIVE - PERSONAL DATA'],
    });
    declareDoc(ws, DRO, doc, { series: ['HRM-PER-01'], businessUnit: ['PCP'] });
    const id = String(registerRows(ws)[0]['Record ID']);
    const shortcut = Object.values(ws.state.drive).find(
      i => i.mimeType === 'application/vnd.google-apps.shortcut'
    )!;
    propose(ws, [id]);
    confirmAsDro(ws);
    expect(ws.state.drive[doc].trashed).toBe(true);
    expect(ws.state.drive[shortcut.id].trashed).toBe(true);
    expect(String(certificates(ws)[0]['Files destroyed']).split('\n')).toEqual([
      `${doc} "Grievance case"`,
      `${shortcut.id} shortcut "Grievance case"`,
    ]);
  });

  it('destroys several proposed records in one confirmation, one certificate each', () => {
    const { ws, ids, files } = declaredInvoices(DRO, 3);
    propose(ws, ids);
    const confirmed = confirmAsDro(ws);
    expect(confirmed.text).toContain('3 done');
    expect(files.every(f => ws.state.drive[f].trashed)).toBe(true);
    const year = new Date(ws.state.now).getUTCFullYear();
    expect(certificates(ws).map(c => [c.Certificate, c['Record ID']])).toEqual(
      ids.map((id, i) => [`DSP-${year}-00000${i + 1}`, id])
    );
    expect(ids.every(id => rowOf(ws, id)['Lifecycle state'] === 'Destroyed')).toBe(true);
  });

  it('refuses to confirm a record nobody proposed', () => {
    const { ws, ids } = declaredInvoices(DRO);
    const { card } = openReview(ws, DRO, ids[0]);
    expect(() => pressButton(ws, card, 'Confirm destruction', DRO)).toThrow(
      /No button "Confirm destruction"/
    );
    // A confirmation sent for it anyway (an old card) is refused.
    const result = ws.run(
      'onConfirmDestruction',
      {
        commonEventObject: {
          hostApp: 'SHEETS',
          platform: 'WEB',
          parameters: { recordIds: ids[0] },
        },
      },
      { user: DRO }
    );
    expect(textOf(result.json)).toMatch(/has not been proposed for destruction \(it is Declared\)/);
    expect(rowOf(ws, ids[0])['Lifecycle state']).toBe('Declared');
  });
});

describe('when Drive cannot bin the files', () => {
  it('notes a file already deleted from Drive on the certificate and goes ahead', () => {
    const { ws, ids, files } = declaredInvoices(DRO);
    propose(ws, ids);
    delete ws.state.drive[files[0]];
    const confirmed = confirmAsDro(ws);
    expect(confirmed.text).toContain(`${files[0]} already deleted before disposal`);
    expect(rowOf(ws, ids[0])['Lifecycle state']).toBe('Destroyed');
    const [certificate] = certificates(ws);
    expect(certificate['Files destroyed']).toBe(`${files[0]} (already deleted before disposal)`);
    expect(certificate.Notes).toBe(`${files[0]}: already deleted before disposal`);
  });

  it('destroys nothing when the file belongs to someone else, and names the owner', () => {
    const { ws, ids, files } = declaredInvoices(BOB);
    propose(ws, ids);
    const confirmed = confirmAsDro(ws);
    expect(confirmed.text).toContain(`${ids[0]} was not destroyed`);
    expect(confirmed.text).toContain(
      `it belongs to ${BOB}, and in My Drive only a file's owner can move it to the bin`
    );
    expect(confirmed.text).toContain('Nothing was recorded as destroyed');
    expect(ws.state.drive[files[0]].trashed).toBe(false);
    expect(rowOf(ws, ids[0])['Lifecycle state']).toBe('Destruction proposed');
    expect(certificates(ws)).toHaveLength(0);
    expect(auditRows(ws, 'Destruction failed')).toHaveLength(1);
    expect(auditRows(ws, 'Destroyed')).toHaveLength(0);
  });

  it('restores the files already binned when a later file of the record is refused', () => {
    const { ws, ids, files } = declaredInvoices(DRO);
    const [other] = invoices(ws, BOB, 1);
    ws.state.drive[other.id].editors.push(DRO); // the DRO can see and edit it, but not bin it
    editRegisterCell(
      ws,
      ids[0],
      'Saved files',
      `https://drive.google.com/file/d/${other.id}/view?usp=drivesdk`
    );
    propose(ws, ids);
    const confirmed = confirmAsDro(ws);
    expect(confirmed.text).toContain(`Drive refused to move "${other.title}" to the bin`);
    expect(confirmed.text).toContain('the files already binned for it were restored');
    expect(ws.state.drive[files[0]].trashed).toBe(false);
    expect(ws.state.drive[other.id].trashed).toBe(false);
    expect(rowOf(ws, ids[0])['Lifecycle state']).toBe('Destruction proposed');
    expect(certificates(ws)).toHaveLength(0);
  });

  it('undoes the destruction if the register cannot record it', () => {
    const { ws, ids, files } = declaredInvoices(DRO);
    propose(ws, ids);
    const home = openReviewHome(ws, DRO);
    const awaiting = pressButton(ws, home.card, 'Open', DRO);
    ws.state.faults.push({
      key: 'SpreadsheetApp.Range.setValues',
      message: 'Service invoked too many times for one day: spreadsheets.',
      skip: 0,
      times: 1,
    });
    const confirmed = pressButton(ws, awaiting.card, 'Confirm destruction', DRO);
    expect(confirmed.text).toMatch(/Google Sheets refused the write/);
    expect(ws.state.drive[files[0]].trashed).toBe(false);
    expect(rowOf(ws, ids[0])['Lifecycle state']).toBe('Destruction proposed');
    expect(certificates(ws)).toHaveLength(0);
  });

  it('undoes the destruction if its certificate cannot be written', () => {
    const { ws, ids, files } = declaredInvoices(DRO);
    propose(ws, ids);
    const home = openReviewHome(ws, DRO);
    const awaiting = pressButton(ws, home.card, 'Open', DRO);
    // The register row and its audit row are written; the certificate write then fails.
    ws.state.faults.push({
      key: 'SpreadsheetApp.Range.setValues',
      message: 'Service invoked too many times for one day: spreadsheets.',
      skip: 2,
      times: 1,
    });
    const confirmed = pressButton(ws, awaiting.card, 'Confirm destruction', DRO);
    expect(confirmed.text).toMatch(/Google Sheets refused the write/);
    expect(ws.state.drive[files[0]].trashed).toBe(false);
    expect(rowOf(ws, ids[0])).toMatchObject({
      'Lifecycle state': 'Destruction proposed',
      'Decision by': ALICE,
    });
    expect(certificates(ws)).toHaveLength(0);
    expect(auditRows(ws, 'Destruction undone')).toHaveLength(1);
  });
});
