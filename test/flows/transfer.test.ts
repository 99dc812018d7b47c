import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { textOf } from '../../fakes/card-service/query';
import type { DriveItemState } from '../../fakes/core/state';
import { actionEvent, driveEvent, homepageEvent } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import { createFileInState } from '../../fakes/drive/seed';
import type { Workspace } from '../../fakes/harness/workspace';
import { createSpreadsheetInState } from '../../fakes/spreadsheet/seed';
import { PURVIEW_HEADERS, purviewProblems } from '../../src/domain/purview';
import type { PurviewLabel } from '../../src/domain/purview';
import {
  ALICE,
  BOB,
  department,
  DRO,
  newDocument,
  press,
  registerId,
  registerRows,
  TYPICAL,
} from '../support/department';

const TDR_HEADER_LINE =
  'filepath,filename,date last modified,date of the record,description,former reference,' +
  'closure status,closure start date,closure period,foi exemption code,foi schedule date,' +
  'is filename closed,alternate filename,is description closed,alternate description,language,' +
  'translated filename,copyright,related material,restrictions on use,evidence provided by';

const TEAM_HOST = homepageEvent('SHEETS');
const DAY = Date.UTC(2016, 4, 3);

/** Sets register cells by header, as the records team's review decisions leave them. */
function setFields(ws: Workspace, recordId: string, fields: Record<string, unknown>): void {
  const sheet = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === 'Register')!;
  const headers = sheet.rows[0]!.map(String);
  const row = sheet.rows.find(r => r && r[0] === recordId);
  if (!row) throw new Error(`No register row for ${recordId}`);
  for (const [header, value] of Object.entries(fields)) {
    const at = headers.indexOf(header);
    if (at < 0) throw new Error(`No column ${header}`);
    while (row.length <= at) row.push('');
    row[at] = (value instanceof Date ? { d: value.getTime() } : value) as string;
  }
}

/** What a sensitivity review leaves on an open record selected for transfer. */
const REVIEWED = {
  'Lifecycle state': 'Sensitivity reviewed',
  'Selection decision': 'Transfer to TNA',
  'Closure status': 'Open',
  'Date of the record': new Date(DAY),
};

function rootFolderId(ws: Workspace): string {
  return JSON.parse(ws.state.properties.script['records-capture.config']).rootFolderId;
}

function children(ws: Workspace, folderId: string): DriveItemState[] {
  return Object.values(ws.state.drive).filter(i => i.parents.includes(folderId) && !i.trashed);
}

function child(ws: Workspace, folderId: string, name: string): DriveItemState {
  const found = children(ws, folderId).filter(i => i.name === name);
  if (found.length !== 1) throw new Error(`${found.length} items named ${name}`);
  return found[0];
}

function packages(ws: Workspace): DriveItemState[] {
  return children(ws, rootFolderId(ws)).filter(i =>
    i.name.startsWith('Transfer to The National Archives')
  );
}

const content = (item: DriveItemState) => Buffer.from(item.contentBase64 ?? '', 'base64');
const textFile = (ws: Workspace, folderId: string, name: string) =>
  content(child(ws, folderId, name)).toString('utf8');
const parse = (csv: string) => Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;

/** The file a package path names, found by walking the package's folders. */
function byPath(ws: Workspace, packageId: string, path: string): DriveItemState {
  return path.split('/').reduce((folder, name) => child(ws, folder.id, name), {
    id: packageId,
  } as DriveItemState);
}

function openTransfer(ws: Workspace, user = DRO) {
  const result = ws.run('onOpenTransfer', actionEvent(TEAM_HOST), { user });
  return { result, card: firstCard(result.json) };
}

function build(ws: Workspace, user = DRO) {
  return press(ws, TEAM_HOST, openTransfer(ws, user).card, 'onBuildTransferPackage', user);
}

/** Alice's eight items, declared together from Drive: the records of a closed policy file. */
function declareMixedFile(ws: Workspace) {
  const doc = newDocument(ws, ALICE, 'Grant options', [
    'Options for the Community Resilience Grant.',
  ]);
  const sheet = createSpreadsheetInState(ws.state, {
    owner: ALICE,
    name: 'Grant allocations',
    sheets: [
      {
        name: 'Summary',
        rows: [
          ['Region', 'Amount'],
          ['North', 1200],
        ],
      },
    ],
  });
  const file = (name: string, mimeType: string, bytes: string | Uint8Array) =>
    createFileInState(ws.state, { owner: ALICE, name, mimeType, content: bytes });
  const pdf = file('Board minutes.pdf', 'application/pdf', '%PDF-1.4\nBoard minutes, 3 May 2016');
  const ids = {
    doc,
    sheet,
    pdf,
    zip: file('Evidence bundle.zip', 'application/zip', new Uint8Array([0x50, 0x4b, 3, 4, 20, 0])),
    empty: file('Empty note.txt', 'text/plain', ''),
    shortcut: file('Board minutes shortcut', 'application/vnd.google-apps.shortcut', pdf),
    encrypted: file(
      'Salaries.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    ),
    exe: file('Setup tool.exe', 'application/x-msdownload', 'MZ\x90\x00tool'),
  };
  const items = Object.values(ids).map(id => ({
    id,
    title: ws.state.drive[id].name,
    mimeType: ws.state.drive[id].mimeType,
  }));
  const event = driveEvent(items);
  const selected = ws.run('onDriveItemsSelected', event, { user: ALICE });
  const declared = press(ws, event, firstCard(selected.json), 'onDeclare', ALICE, TYPICAL);
  expect(textOf(declared.json)).toMatch(/Declared 8 records/);
  const recordOf = (id: string) =>
    String(registerRows(ws).find(r => r['File ID'] === id)!['Record ID']);
  return Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, recordOf(id)])) as Record<
    keyof typeof ids,
    string
  >;
}

describe('the transfer package for The National Archives', () => {
  it('packages the reviewed records TDR accepts, with metadata, checksums and a report of the rest', () => {
    const ws = department();
    const rec = declareMixedFile(ws);
    for (const id of Object.values(rec)) setFields(ws, id, REVIEWED);
    // The Doc was closed at sensitivity review: personal data, 84 years, title closed.
    setFields(ws, rec.doc, {
      'Closure status': 'Closed',
      'Closure period': '84',
      'FOI exemption codes': '40(2)',
      'Decision at': new Date(Date.UTC(2016, 11, 1)),
      'Title closed': 'Yes',
      'Alternate title': 'Grant options (names withheld)',
      'Description closed': 'No',
      Description: 'Options for the grant, with applicants named',
    });
    // Three more records of the file: one held, one not yet reviewed, one destroyed long ago.
    const more = newDocument(ws, ALICE, 'Inquiry correspondence');
    const pending = newDocument(ws, ALICE, 'Later submission');
    const gone = newDocument(ws, ALICE, 'Routine note');
    const items = [more, pending, gone].map(id => ({
      id,
      title: ws.state.drive[id].name,
      mimeType: ws.state.drive[id].mimeType,
    }));
    const event = driveEvent(items);
    press(
      ws,
      event,
      firstCard(ws.run('onDriveItemsSelected', event, { user: ALICE }).json),
      'onDeclare',
      ALICE,
      TYPICAL
    );
    const idOf = (fileId: string) =>
      String(registerRows(ws).find(r => r['File ID'] === fileId)!['Record ID']);
    const held = idOf(more);
    const awaiting = idOf(pending);
    setFields(ws, held, { ...REVIEWED, 'Legal hold': 'Yes', 'Hold reason': 'Resilience inquiry' });
    setFields(ws, awaiting, { 'Lifecycle state': 'Selected for transfer' });
    setFields(ws, idOf(gone), { 'Lifecycle state': 'Destroyed' });

    const run = build(ws);
    expect(run.error).toBeUndefined();
    expect(textOf(run.json)).toMatch(/The package is ready: 3 file\(s\) in it/);

    const [pkg] = packages(ws);
    expect(pkg.name).toBe('Transfer to The National Archives 2017-01-02 1');

    // The files: the Doc and the Sheet as PDF, the PDF copied as it is.
    const series = child(ws, child(ws, pkg.id, 'content').id, 'POL-DEV-01');
    expect(
      children(ws, series.id)
        .map(f => [f.name, f.mimeType])
        .sort()
    ).toEqual([
      [`${rec.doc} Grant options.pdf`, 'application/pdf'],
      [`${rec.sheet} Grant allocations.pdf`, 'application/pdf'],
      [`${rec.pdf} Board minutes.pdf`, 'application/pdf'],
    ]);
    expect(content(child(ws, series.id, `${rec.pdf} Board minutes.pdf`)).toString()).toBe(
      '%PDF-1.4\nBoard minutes, 3 May 2016'
    );
    expect(content(child(ws, series.id, `${rec.sheet} Grant allocations.pdf`)).toString()).toBe(
      'Summary\nRegion\tAmount\nNorth\t1200'
    );

    // metadata.csv: TDR's headers exactly, one row per file, closure from the review.
    const metadata = textFile(ws, pkg.id, 'metadata.csv');
    expect(metadata.split('\r\n')[0]).toBe(TDR_HEADER_LINE);
    const [headers, ...rows] = parse(metadata);
    expect(rows).toHaveLength(3);
    const row = (recordId: string) =>
      Object.fromEntries(
        headers.map((h, i) => [h, rows.find(r => r[5] === recordId)![i]])
      ) as Record<string, string>;
    expect(row(rec.doc)).toMatchObject({
      filepath: `content/POL-DEV-01/${rec.doc} Grant options.pdf`,
      filename: `${rec.doc} Grant options.pdf`,
      'date last modified': '2017-01-02',
      'date of the record': '2016-05-03',
      description: 'Options for the grant, with applicants named',
      'former reference': rec.doc,
      'closure status': 'Closed',
      'closure start date': '2016-05-03',
      'closure period': '84',
      'foi exemption code': '40(2)',
      'foi schedule date': '2016-12-01',
      'is filename closed': 'Yes',
      'alternate filename': 'Grant options (names withheld)',
      'is description closed': 'No',
      language: 'English',
      copyright: 'Crown copyright',
    });
    expect(row(rec.pdf)).toMatchObject({
      'closure status': 'Open',
      'closure period': '',
      'foi exemption code': '',
      'is filename closed': 'No',
    });

    // checksums.sha256: the SHA-256 of the bytes stored in Drive, for every file.
    const lines = textFile(ws, pkg.id, 'checksums.sha256').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const [, sha, path] = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)!;
      const stored = content(byPath(ws, pkg.id, path));
      expect(sha).toBe(createHash('sha256').update(stored).digest('hex'));
    }
    expect(lines.map(l => l.slice(66)).sort()).toEqual(rows.map(r => r[0]).sort());

    // rejected-files.csv: every selected record left out, with why.
    const [reportHeader, ...report] = parse(textFile(ws, pkg.id, 'rejected-files.csv'));
    expect(reportHeader).toEqual(['record', 'file', 'reason']);
    const reason = (recordId: string) => report.find(r => r[0] === recordId)?.[2] ?? '';
    expect(reason(rec.zip)).toMatch(/^Archive \(\.zip\): TDR rejects archives/);
    expect(reason(rec.empty)).toMatch(/^Empty file \(0 bytes\)/);
    expect(reason(rec.shortcut)).toMatch(/^A Drive shortcut, not a file/);
    expect(reason(rec.encrypted)).toMatch(/^Password-protected Office file/);
    expect(reason(rec.exe)).toMatch(/^Executable program/);
    expect(reason(held)).toMatch(/^On legal hold \(Resilience inquiry\)/);
    expect(reason(awaiting)).toMatch(/^Awaiting sensitivity review/);
    expect(report).toHaveLength(7);
    // Nothing of the rejected or held records was placed in the package.
    expect(children(ws, series.id)).toHaveLength(3);

    const readme = textFile(ws, pkg.id, 'README.txt');
    expect(readme).toMatch(/On legal hold: not transferred \(1\)/);
    expect(readme).toMatch(/Awaiting sensitivity review \(1\)/);

    // The register: each packaged record names the package, with an audit row.
    const register = registerRows(ws);
    const inPackage = register
      .filter(r => r['Transfer package'] === pkg.id)
      .map(r => r['Record ID']);
    expect(inPackage.sort()).toEqual([rec.doc, rec.sheet, rec.pdf].sort());
    const audit = registerRows(ws, 'Audit log').filter(
      r => r.Action === 'Added to transfer package'
    );
    expect(audit.map(r => r['Record ID']).sort()).toEqual([rec.doc, rec.sheet, rec.pdf].sort());

    // After the upload: Mark as transferred.
    const ready = openTransfer(ws);
    expect(textOf(ready.card)).toMatch(/Ready to upload/);
    // Meanwhile the Sheet was put on legal hold: it is not marked.
    setFields(ws, rec.sheet, { 'Legal hold': 'Yes' });
    const marked = press(ws, TEAM_HOST, ready.card, 'onMarkTransferred', DRO);
    expect(textOf(marked.json)).toMatch(/2 record\(s\) marked as transferred/);
    expect(textOf(marked.json)).toMatch(/not marked: .*placed on legal hold/);
    const after = registerRows(ws);
    const state = (id: string) => after.find(r => r['Record ID'] === id)!['Lifecycle state'];
    expect(state(rec.doc)).toBe('Transferred');
    expect(state(rec.pdf)).toBe('Transferred');
    expect(state(rec.sheet)).toBe('Sensitivity reviewed');
    expect(state(held)).toBe('Sensitivity reviewed');
    expect(
      registerRows(ws, 'Audit log')
        .filter(r => r.Action === 'Transferred to The National Archives')
        .map(r => r['Record ID'])
        .sort()
    ).toEqual([rec.doc, rec.pdf].sort());

    // A second package leaves out what was transferred, and what is held.
    const second = press(ws, TEAM_HOST, openTransfer(ws).card, 'onBuildTransferPackage', DRO);
    expect(textOf(second.json)).toMatch(/The package is ready: 0 file\(s\) in it/);
    expect(
      packages(ws)
        .map(p => p.name)
        .sort()
    ).toEqual([
      'Transfer to The National Archives 2017-01-02 1',
      'Transfer to The National Archives 2017-01-02 2',
    ]);
    const next = packages(ws).find(p => p.name.endsWith(' 2'))!;
    const [, ...nextReport] = parse(textFile(ws, next.id, 'rejected-files.csv'));
    expect(nextReport.map(r => r[0])).not.toContain(rec.doc);
    expect(nextReport.find(r => r[0] === rec.sheet)?.[2]).toMatch(/^On legal hold/);
  });

  it('stops when its time runs out, resumes, and never puts a file in twice', () => {
    const ws = department();
    // Twenty reviewed Google Docs: more than one 30-second card action can export.
    const docs = Array.from({ length: 20 }, (_, i) =>
      newDocument(ws, ALICE, `Submission ${i + 1}`, [`Submission number ${i + 1}.`])
    );
    // Declared five at a time, so every one is filed in its series folder at once.
    for (let i = 0; i < docs.length; i += 5) {
      const event = driveEvent(
        docs.slice(i, i + 5).map(id => ({
          id,
          title: ws.state.drive[id].name,
          mimeType: ws.state.drive[id].mimeType,
        }))
      );
      press(
        ws,
        event,
        firstCard(ws.run('onDriveItemsSelected', event, { user: ALICE }).json),
        'onDeclare',
        ALICE,
        TYPICAL
      );
    }
    expect(registerRows(ws).every(r => r.Filing === 'Complete')).toBe(true);
    const ids = registerRows(ws).map(r => String(r['Record ID']));
    expect(ids).toHaveLength(20);
    for (const id of ids) setFields(ws, id, REVIEWED);

    const first = build(ws);
    expect(textOf(first.json)).toMatch(/Time ran out before the end of the register/);
    const [pkg] = packages(ws);
    const series = () => child(ws, child(ws, pkg.id, 'content').id, 'POL-DEV-01');
    const placedFirst = children(ws, series().id).length;
    expect(placedFirst).toBeGreaterThan(0);
    expect(placedFirst).toBeLessThan(20);
    // The hourly run is set to carry on.
    expect(ws.state.triggers.map(t => [t.handlerFunction, t.schedule.everyHours])).toEqual([
      ['onContinueTransferPackage', 1],
    ]);

    // The next run dies half-way: Drive fails after two more files are placed.
    ws.state.faults.push({
      key: 'DriveApp.Folder.createFile',
      message: 'Service error: Drive',
      skip: 2,
      times: 1,
    });
    const failed = build(ws);
    expect(textOf(failed.json)).toMatch(
      /Transfer package paused[\s\S]*The run stopped: Service error: Drive\. Everything saved before it is kept/
    );
    expect(children(ws, series().id).length).toBe(placedFirst + 2);

    // Continue now, then the hourly run finishes the package.
    expect(textOf(build(ws).json)).toMatch(/Time ran out/);
    expect(children(ws, pkg.id).map(f => f.name)).not.toContain('metadata.csv');
    const hourly = ws.run('onContinueTransferPackage', {}, { user: DRO, budgetMs: 360_000 });
    expect(hourly.error).toBeUndefined();
    const done = openTransfer(ws);
    expect(textOf(done.card)).toMatch(/Ready to upload/);

    const files = children(ws, series().id).map(f => f.name);
    expect(files).toHaveLength(20);
    expect(new Set(files).size).toBe(20);
    const [, ...rows] = parse(textFile(ws, pkg.id, 'metadata.csv'));
    expect(rows.map(r => r[5]).sort()).toEqual([...ids].sort());
    const lines = textFile(ws, pkg.id, 'checksums.sha256').trimEnd().split('\n');
    expect(lines).toHaveLength(20);
    for (const line of lines) {
      const [sha, path] = line.split('  ');
      expect(sha).toBe(
        createHash('sha256')
          .update(content(byPath(ws, pkg.id, path)))
          .digest('hex')
      );
    }
    // One audit row per record, however many runs it took.
    const audit = registerRows(ws, 'Audit log').filter(
      r => r.Action === 'Added to transfer package'
    );
    expect(audit.map(r => r['Record ID']).sort()).toEqual([...ids].sort());
    // The working files are gone, and so is the hourly trigger.
    expect(
      children(ws, pkg.id)
        .map(f => f.name)
        .sort()
    ).toEqual(['README.txt', 'checksums.sha256', 'content', 'metadata.csv', 'rejected-files.csv']);
    expect(ws.state.triggers).toHaveLength(0);
    expect(packages(ws)).toHaveLength(1);
  });

  it('reports records whose file is gone or too large to export, and retries after a quota error', () => {
    const ws = department();
    const docs = ['Deleted memo', 'Binned memo', 'Evidence bundle', 'Grant options'].map(name =>
      newDocument(ws, ALICE, name, [
        name === 'Evidence bundle' ? 'x'.repeat(11 * 1024 * 1024) : name,
      ])
    );
    const event = driveEvent(
      docs.map(id => ({
        id,
        title: ws.state.drive[id].name,
        mimeType: ws.state.drive[id].mimeType,
      }))
    );
    press(
      ws,
      event,
      firstCard(ws.run('onDriveItemsSelected', event, { user: ALICE }).json),
      'onDeclare',
      ALICE,
      TYPICAL
    );
    const recordOf = (id: string) =>
      String(registerRows(ws).find(r => r['File ID'] === id)!['Record ID']);
    for (const id of docs) setFields(ws, recordOf(id), REVIEWED);
    delete ws.state.drive[docs[0]];
    ws.state.drive[docs[1]].trashed = true;

    // Google's daily conversion quota runs out: nothing is given up, the run just stops.
    ws.state.faults.push({
      key: 'DriveApp.File.getAs',
      message: 'Service invoked too many times for one day: convert.',
      skip: 0,
      times: 1,
    });
    const stopped = build(ws);
    expect(textOf(stopped.json)).toMatch(
      /Transfer package paused[\s\S]*Service invoked too many times for one day: convert/
    );
    const run = build(ws);
    expect(textOf(run.json)).toMatch(/The package is ready: 1 file\(s\) in it/);
    const [pkg] = packages(ws);
    const [, ...report] = parse(textFile(ws, pkg.id, 'rejected-files.csv'));
    const reason = (id: string) => report.find(r => r[0] === recordOf(id))?.[2] ?? '';
    expect(reason(docs[1])).toMatch(/^The file is in the Drive trash: restore it/);
    expect(reason(docs[2])).toMatch(
      /^Too large for Google to export \(Drive exports at most 10 MB\)/
    );
    const deleted = report.find(r => r[1] === docs[0]);
    expect(deleted?.[2]).toMatch(/^The file cannot be opened in Drive .*File not found/);
    expect(report).toHaveLength(3);
    const [, ...rows] = parse(textFile(ws, pkg.id, 'metadata.csv'));
    expect(rows.map(r => r[5])).toEqual([recordOf(docs[3])]);
  });

  it('lets one run at a time work on a package', () => {
    const ws = department();
    const doc = newDocument(ws, ALICE, 'Grant options');
    const event = driveEvent([
      { id: doc, title: 'Grant options', mimeType: ws.state.drive[doc].mimeType },
    ]);
    press(
      ws,
      event,
      firstCard(ws.run('onDriveItemsSelected', event, { user: ALICE }).json),
      'onDeclare',
      ALICE,
      TYPICAL
    );
    setFields(ws, String(registerRows(ws)[0]['Record ID']), REVIEWED);
    let meanwhile = '';
    const run = ws.run('onBuildTransferPackage', actionEvent(TEAM_HOST), {
      user: DRO,
      hooks: [
        {
          key: 'DriveApp.Folder.createFile',
          once: true,
          run: () => {
            // The hourly run fires while the card action is placing the file.
            const other = ws.run('onContinueTransferPackage', {}, { user: DRO, budgetMs: 360_000 });
            meanwhile = other.log.join('\n');
          },
        },
      ],
    });
    expect(meanwhile).toMatch(/Another run is working on the package right now/);
    expect(textOf(run.json)).toMatch(/The package is ready: 1 file\(s\) in it/);
    const [pkg] = packages(ws);
    const series = child(ws, child(ws, pkg.id, 'content').id, 'POL-DEV-01');
    expect(children(ws, series.id)).toHaveLength(1);
  });

  it('is for the records team only', () => {
    const ws = department();
    const opened = openTransfer(ws, BOB);
    expect(textOf(opened.result.json)).toMatch(/Only members of the records team can use/);
    const run = ws.run('onBuildTransferPackage', actionEvent(TEAM_HOST), { user: BOB });
    expect(textOf(run.json)).toMatch(/Records team only/);
    expect(packages(ws)).toHaveLength(0);
    const exported = ws.run('onExportFilePlan', actionEvent(TEAM_HOST), { user: BOB });
    expect(textOf(exported.json)).toMatch(/Only members of the records team/);
  });
});

describe('the file plan export for Microsoft Purview', () => {
  it('writes a Purview file-plan CSV of every series to the records folder', () => {
    const ws = department();
    const opened = openTransfer(ws);
    const result = press(ws, TEAM_HOST, opened.card, 'onExportFilePlan', DRO);
    expect(result.error).toBeUndefined();
    expect(textOf(result.json)).toMatch(/File plan exported/);
    expect(textOf(result.json)).toMatch(/Create these event types in Purview before importing/);
    const file = children(ws, rootFolderId(ws)).find(
      f => f.name === 'Purview file plan 2017-01-02.csv'
    )!;
    expect(file.mimeType).toBe('text/csv');
    const csv = content(file).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(PURVIEW_HEADERS.join(','));
    const [headers, ...rows] = parse(csv);
    const labels = rows.map(
      r => Object.fromEntries(headers.map((h, i) => [h, r[i]])) as PurviewLabel
    );
    const series = registerRows(ws, 'File plan');
    expect(labels.map(l => l.ReferenceId).sort()).toEqual(series.map(s => String(s.Series)).sort());
    expect(purviewProblems(labels)).toEqual([]);
    const board = labels.find(l => l.ReferenceId === 'GOV-BRD-01')!;
    expect(board).toMatchObject({ RetentionAction: 'Keep', RetentionDuration: 'Unlimited' });
    const policy = labels.find(l => l.ReferenceId === 'POL-DEV-01')!;
    expect(policy.RetentionAction).toBe('KeepAndDelete');
    expect(policy.ReviewerEmail).toBe(DRO);
  });
});
