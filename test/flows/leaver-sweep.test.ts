// The leaver sweep, through the built bundle: a records team member lists the files a leaver owns
// in the team's shared folders that are not records yet, then declares or hands them over.
import { textOf } from '../../fakes/card-service/query';
import { actionEvent } from '../../fakes/events';
import type { FormValue } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import { createFileInState, createFolderInState } from '../../fakes/drive/seed';
import type { Workspace } from '../../fakes/harness/workspace';
import { LEAVER_COLUMNS } from '../../src/domain/register-schema';
import {
  ALICE,
  BOB,
  department,
  DRO,
  press,
  registerId,
  registerRows,
} from '../support/department';
import { sheetsAs } from '../support/direct';
import { addToTeam, auditRows, TEAM_HOST } from '../support/records-team';

const TAB = 'Leaver sweep';
const STATE_KEY = 'records-capture.leaver-sweep';
/** A time-driven run: six minutes. */
const HOURLY = { user: DRO, budgetMs: 360_000 };

/** The team's shared folder (the DRO's, Alice and Bob edit it) with two levels of subfolders. */
function teamFolders(ws: Workspace) {
  const team = createFolderInState(ws.state, {
    owner: DRO,
    name: 'Resilience team',
    editors: [ALICE, BOB],
  });
  const sub = createFolderInState(ws.state, { owner: ALICE, name: 'Grants', parentId: team });
  const deeper = createFolderInState(ws.state, { owner: BOB, name: '2016', parentId: sub });
  const file = (owner: string, name: string, parentId: string) =>
    createFileInState(ws.state, {
      owner,
      name,
      parentId,
      mimeType: 'application/pdf',
      content: name,
    });
  const ids = {
    team,
    sub,
    deeper,
    minutes: file(ALICE, 'Team minutes.pdf', team),
    plan: file(ALICE, 'Grant plan.pdf', sub),
    letter: file(ALICE, 'Award letter.pdf', deeper),
    bobs: file(BOB, 'Bob notes.pdf', team),
    declared: file(ALICE, 'Signed contract.pdf', team),
    binned: file(ALICE, 'Old draft.pdf', sub),
  };
  ws.state.drive[ids.binned].trashed = true;
  // Already a record: on the register with its file id.
  sheetsAs(ws, DRO)
    .openById(registerId(ws))
    .getSheetByName('Register')!
    .appendRow(['REC-2016-000001', ids.declared]);
  return ids;
}

function openSweep(ws: Workspace, user = DRO) {
  const result = ws.run('onOpenLeaverSweep', actionEvent(TEAM_HOST), { user });
  if (result.error) throw new Error(result.error);
  return { result, card: firstCard(result.json), text: textOf(result.json) };
}

function startSweep(ws: Workspace, leaver: string, folders: string, user = DRO) {
  const { card } = openSweep(ws, user);
  const result = press(ws, TEAM_HOST, card, 'onStartLeaverSweep', user, {
    leaverEmail: leaver,
    leaverFolders: folders,
  });
  if (result.error) throw new Error(result.error);
  return { result, card: firstCard(result.json), text: textOf(result.json) };
}

function pressOnSweep(ws: Workspace, fn: string, user: string, changes: Record<string, FormValue>) {
  const { card } = openSweep(ws, user);
  const result = press(ws, TEAM_HOST, card, fn, user, changes);
  if (result.error) throw new Error(result.error);
  return { result, text: textOf(result.json) };
}

const leaverRows = (ws: Workspace) => registerRows(ws, TAB);
const listedIds = (ws: Workspace) => leaverRows(ws).map(r => String(r['File ID']));

/** Ticks the tab's rows for these files, as a member clicking the Select checkboxes would. */
function tick(ws: Workspace, fileIds: string[]): void {
  const sheet = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === TAB)!;
  const select = LEAVER_COLUMNS.findIndex(c => c.key === 'select');
  const file = LEAVER_COLUMNS.findIndex(c => c.key === 'fileId');
  for (const row of sheet.rows.slice(1)) {
    if (row && fileIds.includes(String(row[file]))) row[select] = true;
  }
}

const rowFor = (ws: Workspace, fileId: string) =>
  leaverRows(ws).find(r => r['File ID'] === fileId)!;

describe('Leaver sweep', () => {
  it("lists the leaver's undeclared files in the folders and all their subfolders, once", () => {
    const ws = department();
    const ids = teamFolders(ws);
    const link = `https://drive.google.com/drive/folders/${ids.team}?usp=sharing`;
    const { text } = startSweep(ws, 'Alice@DFRR.gov.uk', link);
    expect(text).toContain('Sweep finished');
    expect(listedIds(ws).sort()).toEqual([ids.minutes, ids.plan, ids.letter].sort());
    const letter = rowFor(ws, ids.letter);
    expect(letter).toMatchObject({
      Leaver: ALICE,
      Title: 'Award letter.pdf',
      Folder: '2016',
      Status: 'Not declared',
      'MIME type': 'application/pdf',
    });
    expect(String(letter.Link)).toContain(ids.letter);
    expect(auditRows(ws, 'Leaver sweep started')).toHaveLength(1);
    const finished = auditRows(ws, 'Leaver sweep finished');
    expect(finished).toHaveLength(1);
    expect(String(finished[0].Details)).toContain(
      '3 not declared listed, 0 already on the tab, 1 already records'
    );
    // Nothing left for the hourly run.
    expect(ws.state.triggers.filter(t => t.handlerFunction === 'onContinueLeaverSweep')).toEqual(
      []
    );

    // A second sweep of the same folders lists nothing new.
    startSweep(ws, ALICE, ids.team);
    expect(listedIds(ws)).toHaveLength(3);
  });

  it('resumes a sweep that ran out of time and never lists a file twice', () => {
    const ws = department();
    const team = createFolderInState(ws.state, { owner: DRO, name: 'Team', editors: [ALICE] });
    const expected: string[] = [];
    for (let f = 0; f < 40; f++) {
      const folder = createFolderInState(ws.state, {
        owner: ALICE,
        name: `Case ${f}`,
        parentId: team,
      });
      for (let i = 0; i < 2; i++) {
        expected.push(
          createFileInState(ws.state, {
            owner: ALICE,
            name: `Case ${f} note ${i}.pdf`,
            parentId: folder,
            mimeType: 'application/pdf',
          })
        );
      }
    }
    const first = startSweep(ws, ALICE, team);
    expect(first.text).toContain('Time ran out');
    expect(ws.state.triggers.map(t => t.handlerFunction)).toContain('onContinueLeaverSweep');
    const afterFirst = listedIds(ws).length;
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(expected.length);

    // A run that dies after writing pages but before saving its place: the saved place is from
    // before those pages, so the next run lists them again, and must not add them twice.
    const saved = ws.state.properties.script[STATE_KEY];
    const cont = pressOnSweep(ws, 'onContinueLeaverSweepNow', DRO, {});
    expect(listedIds(ws).length).toBeGreaterThan(afterFirst);
    expect(cont.text).toContain('Time ran out');
    ws.state.properties.script[STATE_KEY] = saved;

    for (
      let run = 0;
      run < 10 && JSON.parse(ws.state.properties.script[STATE_KEY]).complete !== true;
      run++
    ) {
      const result = ws.run('onContinueLeaverSweep', {}, HOURLY);
      expect(result.error).toBeUndefined();
    }
    const ids = listedIds(ws);
    expect(ids.sort()).toEqual([...expected].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(auditRows(ws, 'Leaver sweep finished')).toHaveLength(1);
    expect(ws.state.triggers.filter(t => t.handlerFunction === 'onContinueLeaverSweep')).toEqual(
      []
    );
  });

  it('declares the ticked files through the normal declaration: register rows, marking, filing', () => {
    const ws = department();
    const ids = teamFolders(ws);
    startSweep(ws, ALICE, ids.team);
    tick(ws, [ids.minutes, ids.plan]);
    const { text } = pressOnSweep(ws, 'onDeclareLeaverFiles', DRO, {
      leaverSeries: ['POL-DEV-01'],
      leaverBusinessUnit: ['PPD'],
      leaverClassification: ['OFFICIAL'],
    });
    expect(text).toContain('2 declared');
    for (const fileId of [ids.minutes, ids.plan]) {
      const row = rowFor(ws, fileId);
      expect(row.Status).toBe('Declared');
      expect(row['Done by']).toBe(DRO);
      expect(row.Select).toBe(false);
      const record = registerRows(ws).find(r => r['File ID'] === fileId)!;
      expect(record['Record ID']).toBe(row['Record ID']);
      expect(record).toMatchObject({ Series: 'POL-DEV-01', Classification: 'OFFICIAL' });
      // Marked and filed as any declaration is.
      expect(ws.state.drive[fileId].name).toMatch(/^\[OFFICIAL\] /);
      expect(String(ws.state.drive[fileId].description)).toContain('Record, series POL-DEV-01');
    }
    expect(rowFor(ws, ids.letter).Status).toBe('Not declared');
    expect(auditRows(ws, 'Leaver file declared')).toHaveLength(2);
    expect(auditRows(ws, 'Declared')).toHaveLength(2);
  });

  it("records Drive's refusal when the records team cannot hand files over, and says who can", () => {
    const ws = department();
    const ids = teamFolders(ws);
    startSweep(ws, ALICE, ids.team);
    tick(ws, [ids.minutes]);
    const { text } = pressOnSweep(ws, 'onHandOverLeaverFiles', DRO, { leaverNewOwner: BOB });
    expect(text).toContain('1 could not be handed over');
    expect(text).toContain(`Ask ${ALICE} to transfer these files before leaving`);
    expect(text).toContain('Data transfer');
    const row = rowFor(ws, ids.minutes);
    expect(row.Status).toBe('Could not hand over');
    expect(String(row.Note)).toContain('does not have sufficient permissions');
    expect(ws.state.drive[ids.minutes].owner).toBe(ALICE);
    expect(auditRows(ws, 'Leaver file not handed over')).toHaveLength(1);
  });

  it('hands files over when the leaver, in the records team, runs it before leaving; a deleted file is Gone', () => {
    const ws = department();
    addToTeam(ws, ALICE);
    const ids = teamFolders(ws);
    startSweep(ws, ALICE, ids.team, ALICE);
    tick(ws, [ids.minutes, ids.plan]);
    delete ws.state.drive[ids.plan];
    const { text } = pressOnSweep(ws, 'onHandOverLeaverFiles', ALICE, { leaverNewOwner: BOB });
    expect(text).toContain('1 handed over');
    expect(text).toContain('1 no longer exist');
    expect(ws.state.drive[ids.minutes].owner).toBe(BOB);
    expect(rowFor(ws, ids.minutes)).toMatchObject({ Status: 'Handed over', 'New owner': BOB });
    expect(rowFor(ws, ids.plan).Status).toBe('Gone');
    expect(auditRows(ws, 'Leaver file handed over')).toHaveLength(1);
    expect(auditRows(ws, 'Leaver file gone')).toHaveLength(1);
  });

  it('refuses someone outside the records team', () => {
    const ws = department();
    const result = ws.run('onOpenLeaverSweep', actionEvent(TEAM_HOST), { user: BOB });
    expect(textOf(result.json)).toContain(
      'Only members of the records team can use the leaver sweep'
    );
  });

  it('explains a bad address or folder link and starts nothing', () => {
    const ws = department();
    const ids = teamFolders(ws);
    const bad = startSweep(ws, 'alice at dfrr', 'not-a-link');
    expect(bad.text).toContain('"alice at dfrr" is not an email address.');
    expect(bad.text).toContain('"not-a-link" is not a Drive folder link or id.');
    expect(bad.text).toContain('No sweep was started.');
    const outside = startSweep(ws, 'pat@example.com', ids.team);
    expect(outside.text).toContain('pat@example.com is not a dfrr.gov.uk address');
    const missing = startSweep(
      ws,
      ALICE,
      'https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOp'
    );
    expect(missing.text).toContain('The folder 1AbCdEfGhIjKlMnOp could not be opened');
    expect(ws.state.properties.script[STATE_KEY]).toBeUndefined();
    expect(auditRows(ws, 'Leaver sweep started')).toHaveLength(0);
    // Hand over to a bad address: nothing changes.
    startSweep(ws, ALICE, ids.team);
    tick(ws, [ids.minutes]);
    const { text } = pressOnSweep(ws, 'onHandOverLeaverFiles', DRO, { leaverNewOwner: 'bob' });
    expect(text).toContain('"bob" is not an email address. Nothing was handed over.');
    expect(rowFor(ws, ids.minutes).Status).toBe('Not declared');
  });
});
