import type { ReferenceData, RegisterEntry } from '../../src/domain/declaration';
import {
  formatLessonId,
  isSameSubmission,
  lessonAuditDetails,
  lessonEntry,
  parseLessonId,
  readLessonRequest,
  validateLesson,
} from '../../src/domain/lesson';
import type { LessonForm, ValidLesson } from '../../src/domain/lesson';
import { parseRequest } from '../../src/domain/register-request';
import { LESSON_COLUMNS } from '../../src/domain/register-schema';
import { SEED_BUSINESS_UNITS, SEED_FILE_PLAN, SEED_RETENTION } from '../../src/domain/seed';

const reference: ReferenceData = {
  series: SEED_FILE_PLAN.map(s => ({
    ...s,
    functionCode: s.code.slice(0, 3),
    folderId: '',
    active: s.code !== 'FIN-ACC-01',
  })),
  schedules: SEED_RETENTION,
  businessUnits: SEED_BUSINESS_UNITS,
};

const form = (changes: Partial<LessonForm> = {}): LessonForm => ({
  project: 'Grant scheme 2017',
  series: 'POL-DEV-01',
  businessUnit: 'PPD',
  stage: 'After',
  happened: 'Applications opened before the guidance was cleared.',
  lesson: 'Clear the guidance with legal first.',
  action: 'Add legal clearance to the launch checklist',
  owner: 'alice@dfrr.gov.uk',
  ...changes,
});

const messages = (changes: Partial<LessonForm>) =>
  validateLesson(form(changes), reference).errors.map(e => `${e.field}: ${e.message}`);

describe('checking a lesson', () => {
  it('accepts a complete lesson, trimmed', () => {
    const { errors, valid } = validateLesson(
      form({ project: '  Grant scheme 2017 ', lesson: ' Clear it first.\n' }),
      reference
    );
    expect(errors).toEqual([]);
    expect(valid).toMatchObject({ project: 'Grant scheme 2017', lesson: 'Clear it first.' });
  });

  it('lists every missing field at once', () => {
    expect(messages({ project: ' ', series: '', businessUnit: '', stage: '', lesson: '' })).toEqual(
      [
        'project: Name the project the lesson comes from.',
        'series: Choose the project’s file-plan series.',
        'businessUnit: Choose your business unit.',
        'stage: Choose when the lesson was learned: Before, During or After the project.',
        'lesson: Write the lesson: what should be done differently next time.',
      ]
    );
  });

  it('refuses a series outside the file plan or closed, an unknown unit and an unknown stage', () => {
    expect(messages({ series: 'XXX-YYY-01' })).toEqual([
      expect.stringMatching(/^series: Series XXX-YYY-01 is not in the file plan \(or is closed\)/),
    ]);
    expect(messages({ series: 'FIN-ACC-01' })[0]).toMatch(
      /is not in the file plan \(or is closed\)/
    );
    expect(messages({ businessUnit: 'NOPE' })).toEqual([
      'businessUnit: Business unit NOPE is not in the register.',
    ]);
    expect(messages({ stage: 'Afterwards' })[0]).toMatch(/^stage: Choose when/);
    for (const stage of ['Before', 'During', 'After']) expect(messages({ stage })).toEqual([]);
  });

  it('takes an email address or a name as the action owner, and needs one for an action', () => {
    for (const owner of ['alice@dfrr.gov.uk', 'Head of Estates', 'Siân O’Brien-Jones', 'محمد'])
      expect(messages({ owner })).toEqual([]);
    for (const owner of ['12345', '=cmd()', 'alice@', '@team'])
      expect(messages({ owner })[0]).toMatch(/is not an email address or a name/);
    expect(messages({ owner: '' })).toEqual([
      'owner: Name who owns the action (an email address or a name).',
    ]);
    expect(messages({ owner: '', action: '' })).toEqual([]);
  });

  it('caps each field with a message that gives the length and the limit', () => {
    expect(messages({ project: 'p'.repeat(151) })).toEqual([
      'project: The project name is 151 characters long; at most 150 are taken. Shorten it (a longer account belongs in a document).',
    ]);
    expect(messages({ happened: 'h'.repeat(4000) })).toEqual([]);
    expect(messages({ happened: 'h'.repeat(4001) })[0]).toMatch(/What happened is 4,001/);
    expect(messages({ action: 'a'.repeat(2001) })[0]).toMatch(/^action: The action is 2,001/);
  });
});

describe('lesson ids, rows and audit notes', () => {
  it('numbers lessons LES-YYYY-NNNNNN and reads them back', () => {
    expect(formatLessonId(2017, 42)).toBe('LES-2017-000042');
    expect(parseLessonId('LES-2017-000042')).toEqual({ year: 2017, sequence: 42 });
    expect(parseLessonId('REC-2017-000042')).toBeNull();
    expect(() => formatLessonId(2017, 0)).toThrow(/out of range/);
    expect(() => formatLessonId(2017, 1_000_000)).toThrow(/out of range/);
  });

  it('builds a row with every Lessons column, and an audit note that names it', () => {
    const valid = validateLesson(form(), reference).valid!;
    const at = new Date('2017-03-01T10:00:00Z');
    const entry = lessonEntry(valid, {
      lessonId: 'LES-2017-000001',
      recordedBy: 'alice@dfrr.gov.uk',
      recordedAt: at,
      fileId: 'doc-1234567890',
      recordId: 'REC-2017-000003',
    });
    expect(Object.keys(entry).sort()).toEqual(LESSON_COLUMNS.map(c => c.key).sort());
    expect(entry).toMatchObject({ stage: 'After', recordedAt: at, recordId: 'REC-2017-000003' });
    expect(lessonAuditDetails(valid, 'LES-2017-000001')).toBe(
      'LES-2017-000001: after project "Grant scheme 2017", series POL-DEV-01, business unit PPD'
    );
  });
});

describe('the same submission sent twice', () => {
  const valid = validateLesson(form(), reference).valid as ValidLesson;
  const now = new Date('2017-03-01T10:05:00Z');
  const row = (changes: RegisterEntry = {}): RegisterEntry => ({
    ...lessonEntry(valid, {
      lessonId: 'LES-2017-000001',
      recordedBy: 'alice@dfrr.gov.uk',
      recordedAt: new Date('2017-03-01T10:00:00Z'),
      fileId: '',
      recordId: '',
    }),
    ...changes,
  });

  it('is the same lesson by the same person within ten minutes', () => {
    expect(isSameSubmission(row(), valid, 'Alice@dfrr.gov.uk', now)).toBe(true);
  });

  it('is a new lesson from someone else, with other text, or later', () => {
    expect(isSameSubmission(row(), valid, 'bob@dfrr.gov.uk', now)).toBe(false);
    expect(
      isSameSubmission(row({ lesson: 'Another lesson' }), valid, 'alice@dfrr.gov.uk', now)
    ).toBe(false);
    expect(isSameSubmission(row({ stage: 'During' }), valid, 'alice@dfrr.gov.uk', now)).toBe(false);
    const later = new Date('2017-03-01T10:11:00Z');
    expect(isSameSubmission(row(), valid, 'alice@dfrr.gov.uk', later)).toBe(false);
  });
});

describe('lesson requests to the register service', () => {
  it('reads only the lesson’s own fields, as text', () => {
    const read = readLessonRequest({ ...form(), fileId: 'doc-1234567890' });
    expect(read.problems).toEqual([]);
    expect(read.form).toEqual(form());
    expect(read.fileId).toBe('doc-1234567890');
  });

  it('refuses fields the service sets, values that are not text and a bad file id', () => {
    const read = readLessonRequest({
      ...form(),
      recordedBy: 'bob@dfrr.gov.uk',
      recordedAt: '2017-01-01T00:00:00.000Z',
      fileId: '../../etc',
      stage: 3 as unknown as string,
    });
    expect(read.problems).toEqual([
      'A lesson request may not set recordedBy, recordedAt: the service sets them.',
      'stage must be text.',
      'File ID is not a Drive file id.',
    ]);
  });

  it('is a request kind the service parses, with its lesson as {field: text}', () => {
    const base = { version: 1, token: 't', operation: 'lesson' };
    expect(parseRequest(JSON.stringify({ ...base, lesson: form() }))).toEqual({
      request: { ...base, lesson: form() },
    });
    expect(parseRequest(JSON.stringify({ ...base, lesson: { project: 1 } }))).toEqual({
      error: 'The request must carry the lesson as {field: text}.',
    });
    expect(parseRequest(JSON.stringify({ ...base, lesson: [] }))).toEqual({
      error: 'The request must carry the lesson as {field: text}.',
    });
    expect(parseRequest(JSON.stringify({ ...base, operation: 'erase' }))).toEqual({
      error: expect.stringMatching(/only declare, update, seriesFolder and lesson/),
    });
  });
});
