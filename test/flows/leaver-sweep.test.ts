// The leaver sweep, through the built bundle: a records team member lists the files a leaver owns
// in the team's shared folders that are not records yet, then declares or hands them over.
import { textOf } from '../../fakes/card-service/query';
import { actionEvent } from '../../fakes/events';
import type { FormValue } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import { createFileInState, createFolderInState } from '../../fakes/drive/seed';
import { shortcutContent } from '../../fakes/drive/access';
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

/** The script properties the sweep's progress is kept in (its count and its pieces). */
function progress(ws: Workspace): Record<string, string> {
  return Object.fromEntries(
    Object.entries(ws.state.properties.script).filter(
      ([key]) => key === STATE_KEY || key.startsWith(`${STATE_KEY}#`)
    )
  );
}

/** Puts back progress saved earlier, as if the runs since had never saved theirs. */
function restore(ws: Workspace, saved: Record<string, string>): void {
  for (const key of Object.keys(progress(ws))) delete ws.state.properties.script[key];
  Object.assign(ws.state.properties.script, saved);
}

interface SavedSweep {
  complete: boolean;
  finishedAt?: string;
  finishing?: boolean;
  queue: unknown[];
}

/** The sweep as saved, read from its pieces as a person inspecting the properties would. */
function savedSweep(ws: Workspace): SavedSweep | null {
  const saved = progress(ws);
  if (!saved[STATE_KEY]) return null;
  const count = Number(saved[STATE_KEY]);
  const text = Array.from({ length: count }, (_, i) => saved[`${STATE_KEY}#${i}`]).join('');
  return JSON.parse(text) as SavedSweep;
}

/** Hourly runs, an hour apart, until the sweep is finished (at most `max`). */
function hourlyUntilFinished(ws: Workspace, max: number): number {
  let runs = 0;
  while (runs < max && !savedSweep(ws)?.finishedAt) {
    ws.state.now += 3_600_000;
    const result = ws.run('onContinueLeaverSweep', {}, HOURLY);
    expect(result.error).toBeUndefined();
    runs++;
  }
  return runs;
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
    for (let f = 0; f < 150; f++) {
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
    const saved = progress(ws);
    const cont = pressOnSweep(ws, 'onContinueLeaverSweepNow', DRO, {});
    expect(listedIds(ws).length).toBeGreaterThan(afterFirst);
    expect(cont.text).toContain('Time ran out');
    restore(ws, saved);

    hourlyUntilFinished(ws, 10);
    const ids = listedIds(ws);
    expect(ids.sort()).toEqual([...expected].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(auditRows(ws, 'Leaver sweep finished')).toHaveLength(1);
    expect(ws.state.triggers.filter(t => t.handlerFunction === 'onContinueLeaverSweep')).toEqual(
      []
    );
  });

  it('sweeps a tree of 600 folders, wide and deep, across several runs: every file once', () => {
    const ws = department();
    const team = createFolderInState(ws.state, {
      owner: DRO,
      name: 'Regional resilience team',
      editors: [ALICE, BOB],
    });
    const folders: string[] = [team];
    const folder = (name: string, parentId: string) => {
      const id = createFolderInState(ws.state, { owner: ALICE, name, parentId });
      folders.push(id);
      return id;
    };
    // Wide: 20 areas of 9 cases of 2 years each; deep: a chain of 40 folders under the first.
    for (let a = 0; a < 20; a++) {
      const area = folder(`Area ${a} — grants and emergency planning`, team);
      for (let c = 0; c < 9; c++) {
        const kase = folder(`Case ${a}-${c}: Cronfa Gwydnwch Cymunedol`, area);
        for (let y = 0; y < 2; y++) folder(`${2019 + y} correspondence`, kase);
      }
    }
    let deep = folders[1];
    for (let d = 0; d < 40; d++) deep = folder(`Level ${d + 1}`, deep);
    expect(folders).toHaveLength(601);
    const expected = folders.map((parentId, i) =>
      createFileInState(ws.state, {
        owner: ALICE,
        name: `Note ${i}.pdf`,
        parentId,
        mimeType: 'application/pdf',
      })
    );
    // Not listed: a colleague's file, Alice's shortcut to it, and what lies behind Alice's
    // shortcut to a folder outside the team's.
    const bobs = createFileInState(ws.state, {
      owner: BOB,
      name: 'Bob notes.pdf',
      parentId: folders[5],
      mimeType: 'application/pdf',
    });
    createFileInState(ws.state, {
      owner: ALICE,
      name: 'Bob notes.pdf',
      parentId: folders[6],
      mimeType: 'application/vnd.google-apps.shortcut',
      content: shortcutContent(bobs),
    });
    const elsewhere = createFolderInState(ws.state, { owner: ALICE, name: 'Alice personal' });
    createFileInState(ws.state, {
      owner: ALICE,
      name: 'Private.pdf',
      parentId: elsewhere,
      mimeType: 'application/pdf',
    });
    createFileInState(ws.state, {
      owner: ALICE,
      name: 'Alice personal',
      parentId: folders[7],
      mimeType: 'application/vnd.google-apps.shortcut',
      content: shortcutContent(elsewhere),
    });

    const first = startSweep(ws, ALICE, team);
    // Once the areas are listed, hundreds of folders are queued: more than one property holds.
    let mostPieces = Number(progress(ws)[STATE_KEY]);
    let runs = 1;
    while (!savedSweep(ws)?.finishedAt && runs < 20) {
      ws.state.now += 3_600_000;
      const result = ws.run('onContinueLeaverSweep', {}, HOURLY);
      expect(result.error).toBeUndefined();
      mostPieces = Math.max(mostPieces, Number(progress(ws)[STATE_KEY]));
      runs++;
    }
    expect(savedSweep(ws)?.finishedAt).toBeDefined();
    expect(first.text).toContain('Time ran out');
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(mostPieces).toBeGreaterThan(1);

    const ids = listedIds(ws);
    expect(ids).toHaveLength(expected.length);
    expect([...ids].sort()).toEqual([...expected].sort());
    expect(rowFor(ws, expected[600]).Folder).toBe('Level 40');
    expect(rowFor(ws, expected[1]).Folder).toBe('Area 0 — grants and emergency planning');
    const finished = auditRows(ws, 'Leaver sweep finished');
    expect(finished).toHaveLength(1);
    expect(String(finished[0].Details)).toContain(
      `601 folders, 601 files owned by ${ALICE}; 601 not declared listed`
    );
    // Done: the progress shrinks back to one piece, and the hourly run is gone.
    expect(progress(ws)[STATE_KEY]).toBe('1');
    expect(ws.state.triggers.filter(t => t.handlerFunction === 'onContinueLeaverSweep')).toEqual(
      []
    );
  });

  /**
   * Starts a sweep of the team folders in a run that fails at call `skip` of `key` (and, with
   * `times` -1, at every later one, as a run that dies there), then lets the hourly run finish
   * it. Returns whether the run left the "finished" row written but not saved as written.
   */
  function sweepFailingAt(key: string, skip: number, times: number): boolean {
    const ws = department();
    const ids = teamFolders(ws);
    const opened = openSweep(ws);
    ws.state.faults.push({ key, message: 'Service error', skip, times });
    press(ws, TEAM_HOST, opened.card, 'onStartLeaverSweep', DRO, {
      leaverEmail: ALICE,
      leaverFolders: ids.team,
    });
    ws.state.faults.length = 0;
    const saved = savedSweep(ws);
    const finishedNotSaved =
      auditRows(ws, 'Leaver sweep finished').length > 0 && !saved?.finishedAt;
    if (!saved) {
      // Failed before the sweep was saved: nothing was started; the member starts it again.
      expect(auditRows(ws, 'Leaver sweep started')).toHaveLength(0);
      startSweep(ws, ALICE, ids.team);
    }
    hourlyUntilFinished(ws, 3);

    expect(savedSweep(ws)?.finishedAt).toBeDefined();
    expect(auditRows(ws, 'Leaver sweep started')).toHaveLength(1);
    expect(auditRows(ws, 'Leaver sweep finished')).toHaveLength(1);
    expect(listedIds(ws).sort()).toEqual([ids.minutes, ids.plan, ids.letter].sort());
    return finishedNotSaved;
  }

  /** How often a clean Start sweep of the team folders makes the call. */
  function callsInCleanSweep(key: string): number {
    const ws = department();
    const ids = teamFolders(ws);
    const { card } = openSweep(ws);
    const result = press(ws, TEAM_HOST, card, 'onStartLeaverSweep', DRO, {
      leaverEmail: ALICE,
      leaverFolders: ids.team,
    });
    return result.counts.byKey[key] ?? 0;
  }

  it('records the end of a sweep once, wherever a run dies while saving its progress', () => {
    const key = 'PropertiesService.Properties.setProperties';
    const saves = callsInCleanSweep(key);
    expect(saves).toBeGreaterThan(5);
    let diedAfterFinishedRow = 0;
    for (let k = 0; k < saves; k++) if (sweepFailingAt(key, k, -1)) diedAfterFinishedRow++;
    // The case that matters was met: a run died after writing the row, before saving that.
    expect(diedAfterFinishedRow).toBeGreaterThan(0);
  });

  it('lists every file once when a Drive listing fails part-way through a run', () => {
    const key = 'Drive.Files.list';
    const lists = callsInCleanSweep(key);
    expect(lists).toBe(6);
    for (let k = 0; k < lists; k++) sweepFailingAt(key, k, 1);
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
