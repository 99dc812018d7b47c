// Lessons learned, through the built add-on: recorded from a document's sidebar into the
// register's Lessons tab with an audit row, shown in the sidebar of every document of the same
// series (and of no other), checked before anything is saved, written as text, sent through the
// register service when the register is protected, never added twice, and explained clearly on
// an older register that has no Lessons tab yet.
import { findInput, textOf } from '../../fakes/card-service/query';
import { editorEvent, homepageEvent } from '../../fakes/events';
import type { FormValue } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import type { RunResult, Workspace } from '../../fakes/harness/workspace';
import type { Opened } from '../support/department';
import {
  ALICE,
  BOB,
  declareDoc,
  department,
  DRO,
  newDocument,
  openDoc,
  press,
  registerId,
  registerRows,
  TYPICAL,
} from '../support/department';
import { sheetsAs } from '../support/direct';

const LESSON = {
  project: 'Grant scheme 2017',
  stage: ['After'],
  happened: 'Applications opened before the guidance was cleared.',
  lesson: 'Clear the guidance with legal before the scheme opens.',
  action: 'Add legal clearance to the scheme launch checklist',
  owner: 'alice@dfrr.gov.uk',
};

/** A document of `user`'s declared in `series`, its sidebar open. */
function docInSeries(ws: Workspace, user: string, title: string, series = 'POL-DEV-01'): Opened {
  const doc = newDocument(ws, user, title);
  const declared = declareDoc(ws, user, doc, { ...TYPICAL, series: [series] });
  if (declared.error) throw new Error(declared.error);
  return openDoc(ws, user, doc);
}

/** Presses "Record a lesson" in a sidebar and returns the form it opens. */
function openForm(ws: Workspace, opened: { event: Opened['event']; card: unknown }, user: string) {
  const result = press(ws, opened.event, opened.card, 'onOpenLessonForm', user);
  if (result.error) throw new Error(result.error);
  return firstCard(result.json);
}

function recordLesson(
  ws: Workspace,
  opened: Opened,
  user: string,
  changes: Record<string, FormValue> = LESSON
): { form: unknown; result: RunResult } {
  const form = openForm(ws, opened, user);
  return { form, result: press(ws, opened.event, form, 'onRecordLesson', user, changes) };
}

const selected = (card: unknown, name: string) =>
  (findInput(card, name) as { items: { value: string; selected: boolean }[] }).items
    .filter(i => i.selected)
    .map(i => i.value);

const valueOf = (card: unknown, name: string) =>
  (findInput(card, name) as { value?: string } | undefined)?.value ?? '';

describe('lessons learned', () => {
  it('records a lesson from a document in a series: a Lessons row and an audit row', () => {
    const ws = department();
    const opened = docInSeries(ws, ALICE, 'Grant scheme evaluation');
    expect(textOf(opened.card)).toMatch(/Lessons from POL-DEV-01/);
    expect(textOf(opened.card)).toMatch(/No lessons recorded for this series yet/);

    const form = openForm(ws, opened, ALICE);
    // The form opens on the document's series and Alice's business unit; the stage is hers to say.
    expect(selected(form, 'series')).toEqual(['POL-DEV-01']);
    expect(selected(form, 'businessUnit')).toEqual(['PPD']);
    expect(selected(form, 'stage')).toEqual([]);

    const result = press(ws, opened.event, form, 'onRecordLesson', ALICE, LESSON);
    expect(result.error).toBeUndefined();
    expect(textOf(result.json)).toMatch(/Lesson recorded as LES-2017-000001/);

    const [row] = registerRows(ws, 'Lessons');
    const docId = opened.event.docs!.id!;
    expect(row).toMatchObject({
      'Lesson ID': 'LES-2017-000001',
      Project: 'Grant scheme 2017',
      Series: 'POL-DEV-01',
      'Business unit': 'PPD',
      Stage: 'After',
      'What happened': LESSON.happened,
      Lesson: LESSON.lesson,
      Action: LESSON.action,
      'Action owner': ALICE,
      'Recorded by': ALICE,
      'File ID': docId,
      'Record ID': 'REC-2017-000001',
    });
    expect(row['Recorded at']).toBeInstanceOf(Date);
    expect(registerRows(ws, 'Lessons')).toHaveLength(1);
    expect(registerRows(ws, 'Audit log').at(-1)).toMatchObject({
      Actor: ALICE,
      Action: 'Lesson recorded',
      'Record ID': 'REC-2017-000001',
      'File ID': docId,
      Details: expect.stringMatching(/^LES-2017-000001: after project "Grant scheme 2017"/),
    });
  });

  it('shows the lesson in the sidebar of another document in the series, and not in another series', () => {
    const ws = department();
    recordLesson(ws, docInSeries(ws, ALICE, 'Grant scheme evaluation'), ALICE);

    const sameSeries = docInSeries(ws, BOB, 'Grant scheme: next round');
    const text = textOf(sameSeries.card);
    expect(text).toMatch(/Lessons from POL-DEV-01/);
    expect(text).toContain('Grant scheme 2017');
    expect(text).toContain(LESSON.lesson);
    expect(text).toContain(`Action: ${LESSON.action} (${ALICE})`);
    expect(text).toContain('After · LES-2017-000001');
    // The form from there opens on the project last used in the series.
    const form = openForm(ws, sameSeries, BOB);
    expect(valueOf(form, 'project')).toBe('Grant scheme 2017');

    const otherSeries = docInSeries(ws, BOB, 'Board minutes', 'GOV-BRD-01');
    expect(textOf(otherSeries.card)).toMatch(/Lessons from GOV-BRD-01/);
    expect(textOf(otherSeries.card)).not.toContain(LESSON.lesson);
    expect(textOf(otherSeries.card)).toMatch(/Record a lesson/);
  });

  it('shows the newest five, grouped by project, and says how many more there are', () => {
    const ws = department();
    const opened = docInSeries(ws, ALICE, 'Programme board papers');
    for (let i = 1; i <= 7; i++) {
      ws.state.now += 60 * 60_000;
      const { result } = recordLesson(ws, opened, ALICE, {
        ...LESSON,
        project: i % 2 ? 'Grant scheme 2017' : 'Digital front door',
        lesson: `Lesson number ${i}`,
      });
      expect(textOf(result.json)).toMatch(new RegExp(`LES-2017-00000${i}`));
    }
    const sidebar = openDoc(ws, BOB, opened.event.docs!.id!);
    const text = textOf(sidebar.card);
    for (const n of [7, 6, 5, 4, 3]) expect(text).toContain(`Lesson number ${n}`);
    expect(text).not.toContain('Lesson number 2');
    expect(text).toMatch(/and 2 more lessons in the register’s Lessons tab/);
    // Grouped: each project's name once, the newest lesson's project first.
    expect(text.split('Grant scheme 2017').length - 1).toBe(1);
    expect(text.split('Digital front door').length - 1).toBe(1);
    expect(text.indexOf('Grant scheme 2017')).toBeLessThan(text.indexOf('Digital front door'));
    // One search of the Series column, then one read of the five newest rows.
    expect(sidebar.result.counts.byKey['SpreadsheetApp.TextFinder.findAll']).toBeGreaterThan(0);
    expect(sidebar.result.counts.modelledMs).toBeLessThan(5_000);
  });

  it('keeps the form, with every problem listed, when something is missing or not allowed', () => {
    const ws = department();
    const opened = docInSeries(ws, ALICE, 'Grant scheme evaluation');
    const { result } = recordLesson(ws, opened, ALICE, {
      project: '',
      stage: [],
      happened: 'We ran out of time.',
      lesson: '',
      action: 'Plan for it',
      owner: '12345',
    });
    const text = textOf(result.json);
    expect(text).toMatch(/Check these before recording/);
    expect(text).toMatch(/Name the project the lesson comes from/);
    expect(text).toMatch(/Choose when the lesson was learned/);
    expect(text).toMatch(/Write the lesson/);
    expect(text).toMatch(/"12345" is not an email address or a name/);
    const card = firstCard(result.json);
    expect(valueOf(card, 'happened')).toBe('We ran out of time.');
    expect(valueOf(card, 'action')).toBe('Plan for it');
    expect(registerRows(ws, 'Lessons')).toHaveLength(0);

    const tooLong = recordLesson(ws, opened, ALICE, { ...LESSON, lesson: 'x'.repeat(4001) });
    expect(textOf(tooLong.result.json)).toMatch(
      /The lesson is 4,001 characters long; at most 4,000 are taken/
    );
    expect(registerRows(ws, 'Lessons')).toHaveLength(0);
  });

  it('stores formula-like and right-to-left text exactly as typed, as text', () => {
    const ws = department();
    const opened = docInSeries(ws, ALICE, 'Grant scheme evaluation');
    const typed = {
      ...LESSON,
      project: '=HYPERLINK("http://evil.example","click")',
      lesson: 'الدرس: تحقق من التوجيهات قبل الإطلاق',
      action: '+44 20 7946 0000 must be on the form',
      owner: 'Head of Estates',
    };
    const { result } = recordLesson(ws, opened, ALICE, typed);
    expect(textOf(result.json)).toMatch(/Lesson recorded as LES-2017-000001/);
    expect(registerRows(ws, 'Lessons')[0]).toMatchObject({
      Project: typed.project,
      Lesson: typed.lesson,
      Action: typed.action,
      'Action owner': 'Head of Estates',
    });
    const sheet = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === 'Lessons')!;
    expect(JSON.stringify(sheet.rows)).not.toMatch(/"f":/);
    const audit = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === 'Audit log')!;
    expect(JSON.stringify(audit.rows)).not.toMatch(/"f":/);
  });

  it('adds nothing when the same lesson is submitted twice', () => {
    const ws = department();
    const opened = docInSeries(ws, ALICE, 'Grant scheme evaluation');
    const { form, result } = recordLesson(ws, opened, ALICE);
    expect(textOf(result.json)).toMatch(/Lesson recorded as LES-2017-000001/);
    // The same form pressed again a little later (a double press, a retry after a time-out).
    ws.state.now += 60_000;
    const again = press(ws, opened.event, form, 'onRecordLesson', ALICE, LESSON);
    expect(textOf(again.json)).toMatch(/Already recorded as LES-2017-000001/);
    expect(textOf(again.json)).toMatch(/it was not added twice/);
    expect(registerRows(ws, 'Lessons')).toHaveLength(1);
    expect(registerRows(ws, 'Audit log').filter(r => r.Action === 'Lesson recorded')).toHaveLength(
      1
    );
    // A different lesson, or the same one much later, is a new lesson.
    const other = press(ws, opened.event, form, 'onRecordLesson', ALICE, {
      ...LESSON,
      lesson: 'Brief ministers before launch.',
    });
    expect(textOf(other.json)).toMatch(/Lesson recorded as LES-2017-000002/);
    expect(registerRows(ws, 'Lessons')).toHaveLength(2);
  });

  it('records a lesson from a homepage, choosing the series on the form', () => {
    const ws = department();
    const home = firstCard(ws.run('onDriveHomepage', homepageEvent('DRIVE'), { user: BOB }).json);
    expect(textOf(home)).toMatch(/Lessons learned/);
    const form = openForm(ws, { event: homepageEvent('DRIVE'), card: home }, BOB);
    expect(selected(form, 'series')).toEqual(['']);
    const missing = press(ws, homepageEvent('DRIVE'), form, 'onRecordLesson', BOB, {
      ...LESSON,
      businessUnit: ['PPD'],
    });
    expect(textOf(missing.json)).toMatch(/Choose the project’s file-plan series/);
    const result = press(ws, homepageEvent('DRIVE'), form, 'onRecordLesson', BOB, {
      ...LESSON,
      series: ['PRJ-DEL-01'],
      businessUnit: ['PPD'],
    });
    expect(textOf(result.json)).toMatch(/Lesson recorded as LES-2017-000001/);
    expect(registerRows(ws, 'Lessons')[0]).toMatchObject({
      Series: 'PRJ-DEL-01',
      'Recorded by': BOB,
      'File ID': '',
      'Record ID': '',
    });
  });

  it('explains an older register without a Lessons tab, and keeps the lesson in the form', () => {
    const ws = department();
    const opened = docInSeries(ws, ALICE, 'Grant scheme evaluation');
    const spreadsheet = ws.state.spreadsheets[registerId(ws)];
    spreadsheet.sheets = spreadsheet.sheets.filter(s => s.name !== 'Lessons');
    // The sidebar still offers the button; the form says what to do and loses nothing.
    const sidebar = openDoc(ws, ALICE, opened.event.docs!.id!);
    expect(textOf(sidebar.card)).toMatch(/Record a lesson/);
    const { result } = recordLesson(ws, sidebar, ALICE);
    const text = textOf(result.json);
    expect(text).toMatch(/The register has no "Lessons" tab yet/);
    expect(text).toMatch(/Ask the records team \(dro@dfrr\.gov\.uk\) to open the register/);
    expect(text).toMatch(/Your lesson was not saved; the form still has it/);
    const card = firstCard(result.json);
    expect(valueOf(card, 'lesson')).toBe(LESSON.lesson);
    expect(valueOf(card, 'project')).toBe(LESSON.project);
    expect(selected(card, 'stage')).toEqual(['After']);
    expect(registerRows(ws, 'Audit log').filter(r => r.Action === 'Lesson recorded')).toEqual([]);

    // The DRO opens the register with the sidebar: the register is brought up to date, and the
    // lesson Alice sends again is recorded.
    const settings = spreadsheet.sheets.find(s => s.name === 'Settings')!;
    const version = settings.rows.find(r => r?.[0] === 'Schema version')!;
    version[1] = 2;
    const home = ws.run(
      'onSheetsHomepage',
      editorEvent('SHEETS', { id: registerId(ws), title: 'Records register' }),
      { user: DRO }
    );
    expect(home.error).toBeUndefined();
    expect(spreadsheet.sheets.map(s => s.name)).toContain('Lessons');
    const again = press(ws, opened.event, card, 'onRecordLesson', ALICE, LESSON);
    expect(textOf(again.json)).toMatch(/LES-\d{4}-\d{6}/);
    expect(registerRows(ws, 'Lessons').map(r => r.Lesson)).toEqual([LESSON.lesson]);
  });
});

describe('lessons through the register service', () => {
  function withService(): Workspace {
    const ws = department();
    const url = ws.deployWebApp({ deployer: DRO, access: 'DOMAIN', executeAs: 'USER_DEPLOYING' });
    const home = firstCard(ws.run('onHomepage', homepageEvent('DOCS'), { user: DRO }).json);
    const saved = press(ws, homepageEvent('DOCS'), home, 'onSaveRegisterService', DRO, {
      registerServiceUrl: url,
    });
    expect(textOf(saved.json)).toMatch(/Register service saved/);
    return ws;
  }

  it('writes the lesson with the service while the Lessons tab is protected from staff', () => {
    const ws = withService();
    const lessons = sheetsAs(ws, ALICE).openById(registerId(ws)).getSheetByName('Lessons')!;
    expect(() => lessons.getRange('A2:B2').setValues([['LES-2017-000099', 'x']])).toThrow(
      /protected cell or object/
    );

    const opened = docInSeries(ws, ALICE, 'Grant scheme evaluation');
    const { form, result } = recordLesson(ws, opened, ALICE, {
      ...LESSON,
      project: '=IMPORTXML("http://evil.example","//a")',
    });
    expect(result.error).toBeUndefined();
    expect(textOf(result.json)).toMatch(/Lesson recorded as LES-2017-000001/);
    expect(result.webApps.map(w => [w.function, w.user, w.result.error])).toEqual([
      ['doPost', DRO, undefined],
    ]);
    expect(registerRows(ws, 'Lessons')[0]).toMatchObject({
      'Lesson ID': 'LES-2017-000001',
      Project: '=IMPORTXML("http://evil.example","//a")',
      'Recorded by': ALICE,
      'Record ID': 'REC-2017-000001',
    });
    const sheet = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === 'Lessons')!;
    expect(JSON.stringify(sheet.rows)).not.toMatch(/"f":/);
    expect(registerRows(ws, 'Audit log').at(-1)).toMatchObject({
      Actor: ALICE,
      Action: 'Lesson recorded',
    });

    // Sent again through the service: still one lesson.
    const again = press(ws, opened.event, form, 'onRecordLesson', ALICE, {
      ...LESSON,
      project: '=IMPORTXML("http://evil.example","//a")',
    });
    expect(textOf(again.json)).toMatch(/Already recorded as LES-2017-000001/);
    expect(registerRows(ws, 'Lessons')).toHaveLength(1);
  });

  it('refuses a lesson request that sets what only the service sets, or names an unknown series', () => {
    const ws = withService();
    const url = JSON.parse(ws.state.properties.script['records-capture.config']!).registerService
      .url as string;
    const send = (lesson: Record<string, string>) => {
      const response = ws.request(url, {
        method: 'post',
        contentType: 'application/json',
        payload: JSON.stringify({
          version: 1,
          token: ws.oauthToken(BOB),
          operation: 'lesson',
          lesson,
        }),
        headers: { Authorization: `Bearer ${ws.oauthToken(BOB)}` },
      });
      return JSON.parse(response.text) as { ok: boolean; error?: string; lessonId?: string };
    };
    const base = {
      project: 'Grant scheme 2017',
      series: 'POL-DEV-01',
      businessUnit: 'PPD',
      stage: 'After',
      lesson: 'Clear the guidance first.',
    };
    const forged = send({ ...base, recordedBy: ALICE, lessonId: 'LES-2017-000500' });
    expect(forged.ok).toBe(false);
    expect(forged.error).toMatch(/may not set recordedBy, lessonId: the service sets them/);
    const unknown = send({ ...base, series: 'XXX-YYY-99' });
    expect(unknown.error).toMatch(/Series XXX-YYY-99 is not in the file plan/);
    expect(registerRows(ws, 'Lessons')).toHaveLength(0);

    const fine = send(base);
    expect(fine).toMatchObject({ ok: true, lessonId: 'LES-2017-000001' });
    expect(registerRows(ws, 'Lessons')[0]).toMatchObject({ 'Recorded by': BOB });
  });
});
