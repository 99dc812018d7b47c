import Papa from 'papaparse';
import { toCsv } from '../../src/domain/csv';
import type { Series } from '../../src/domain/file-plan';
import {
  eventTypeFor,
  labelName,
  PURVIEW_HEADERS,
  purviewLabels,
  purviewProblems,
  purviewRow,
  retentionDays,
  retentionSettings,
} from '../../src/domain/purview';
import type { PurviewLabel } from '../../src/domain/purview';
import type { RetentionSchedule } from '../../src/domain/retention';
import { SEED_FILE_PLAN, SEED_RETENTION } from '../../src/domain/seed';

const TEAM = ['dro@dfrr.gov.uk', 'records@dfrr.gov.uk'];

/** The sample file plan a new register starts with, as the register reads it back. */
const PLAN: Series[] = SEED_FILE_PLAN.map(s => ({
  ...s,
  functionCode: s.code.slice(0, 3),
  folderId: '',
  active: true,
}));

const schedule = (extra: Partial<RetentionSchedule>): RetentionSchedule => ({
  code: 'R-X',
  title: 'Test schedule',
  periodYears: 6,
  trigger: 'FYE',
  action: 'Destroy',
  authority: 'TNA accounting schedule; HMRC',
  ...extra,
});

const series = (extra: Partial<Series>): Series => ({
  code: 'FIN-ACC-01',
  title: 'Payments, invoices, ledgers, journals',
  functionCode: 'FIN',
  retentionCode: 'R-X',
  folderId: '',
  active: true,
  ...extra,
});

describe('the Purview file-plan import', () => {
  it('has the template columns in order', () => {
    expect(PURVIEW_HEADERS.join(',')).toBe(
      'LabelName,Comment,Notes,IsRecordLabel,RetentionAction,RetentionDuration,RetentionType,' +
        'ReviewerEmail,ReferenceId,DepartmentName,Category,SubCategory,AuthorityType,CitationName,' +
        'CitationUrl,CitationJurisdiction,Regulatory,EventType,IsRecordUnlockedAsDefault,' +
        'ComplianceTagForNextStage'
    );
  });

  it('makes one valid label per active series of the seed file plan', () => {
    const { labels, skipped, eventTypes } = purviewLabels(PLAN, SEED_RETENTION, TEAM);
    expect(labels).toHaveLength(PLAN.length);
    expect(skipped).toEqual([]);
    expect(purviewProblems(labels)).toEqual([]);
    expect(new Set(labels.map(l => l.LabelName.toLowerCase())).size).toBe(labels.length);
    expect(eventTypes).toEqual(expect.arrayContaining(['File closed', 'Financial year end']));
    // The CSV reads back to the same labels, column for column.
    const csv = toCsv(PURVIEW_HEADERS, labels.map(purviewRow));
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
    expect(parsed[0]).toEqual([...PURVIEW_HEADERS]);
    expect(parsed.slice(1)).toEqual(labels.map(purviewRow));
  });

  it('maps a series to the file plan descriptors', () => {
    const [label] = purviewLabels([series({})], [schedule({})], TEAM).labels;
    expect(label).toMatchObject({
      LabelName: 'FIN-ACC-01 Payments invoices ledgers journals',
      ReferenceId: 'FIN-ACC-01',
      DepartmentName: 'Finance',
      Category: 'Finance',
      SubCategory: 'Payments, invoices, ledgers, journals',
      CitationName: 'TNA accounting schedule; HMRC',
      IsRecordLabel: 'TRUE',
      Regulatory: 'FALSE',
      IsRecordUnlockedAsDefault: 'FALSE',
    });
  });

  it('maps Destroy to KeepAndDelete with no reviewer', () => {
    expect(retentionSettings(schedule({ action: 'Destroy' }), TEAM)).toEqual({
      RetentionAction: 'KeepAndDelete',
      RetentionDuration: '2192',
      RetentionType: 'EventAgeInDays',
      ReviewerEmail: '',
      EventType: 'Financial year end',
    });
  });

  it('maps Review to KeepAndDelete with the records team as reviewers', () => {
    const settings = retentionSettings(schedule({ action: 'Review', trigger: 'CLOSE' }), TEAM);
    expect(settings.RetentionAction).toBe('KeepAndDelete');
    expect(settings.ReviewerEmail).toBe('dro@dfrr.gov.uk;records@dfrr.gov.uk');
    expect(settings.EventType).toBe('File closed');
  });

  it('keeps records for transfer to The National Archives without end', () => {
    expect(
      retentionSettings(schedule({ action: 'Transfer to TNA', trigger: 'CLOSE' }), TEAM)
    ).toEqual({
      RetentionAction: 'Keep',
      RetentionDuration: 'Unlimited',
      RetentionType: 'EventAgeInDays',
      ReviewerEmail: '',
      EventType: 'File closed',
    });
  });

  it('counts from creation, last change, or an event named after the trigger', () => {
    expect(retentionSettings(schedule({ trigger: 'CREATED' }), TEAM).RetentionType).toBe(
      'CreationAgeInDays'
    );
    expect(retentionSettings(schedule({ trigger: 'MOD' }), TEAM).RetentionType).toBe(
      'ModificationAgeInDays'
    );
    expect(eventTypeFor(schedule({ trigger: 'CREATED' }))).toBe('');
    expect(eventTypeFor(schedule({ trigger: 'DOB' }))).toBe('Date of birth');
    expect(eventTypeFor(schedule({ trigger: 'EVENT', code: 'R-BILL' }))).toBe('Named event R-BILL');
  });

  it('turns years into Purview days: at least one, Unlimited past 100 years', () => {
    expect(retentionDays(1)).toBe('365');
    expect(retentionDays(6)).toBe('2192');
    expect(retentionDays(0)).toBe('1');
    expect(retentionDays(100)).toBe('36525');
    expect(retentionDays(101)).toBe('Unlimited');
  });

  it('makes label names Purview accepts: letters, digits, hyphens, spaces, 64 at most, unique', () => {
    expect(labelName("MIN-DRY-01 Ministers' official diaries (master)")).toBe(
      'MIN-DRY-01 Ministers official diaries master'
    );
    const long = 'POL-DEV-01 ' + 'Policy development files '.repeat(5);
    expect(labelName(long).length).toBeLessThanOrEqual(64);
    const { labels } = purviewLabels(
      [
        series({ code: 'POL-DEV-01', title: 'Policy development files '.repeat(5) }),
        series({ code: 'POL-DEV-01', title: 'Policy development files '.repeat(5) }),
      ],
      [schedule({})],
      TEAM
    );
    expect(labels[0].LabelName).not.toBe(labels[1].LabelName);
    expect(labels.every(l => l.LabelName.length <= 64)).toBe(true);
    expect(purviewProblems(labels)).toEqual([]);
  });

  it('leaves out inactive series, series without a usable schedule, and reviews without reviewers', () => {
    const result = purviewLabels(
      [
        series({ code: 'OLD-SER-01', active: false }),
        series({ code: 'NEW-SER-01', retentionCode: 'R-MISSING' }),
        series({ code: 'REV-SER-01', retentionCode: 'R-REV' }),
      ],
      [schedule({ code: 'R-REV', action: 'Review' })],
      []
    );
    expect(result.labels).toEqual([]);
    expect(result.skipped.map(s => s.series)).toEqual(['NEW-SER-01', 'OLD-SER-01', 'REV-SER-01']);
  });

  it('keeps Comment and Notes within 1,024 characters', () => {
    const [label] = purviewLabels(
      [series({ title: 'Long '.repeat(300) })],
      [schedule({ authority: 'Act '.repeat(300) })],
      TEAM
    ).labels;
    expect(label.Comment.length).toBeLessThanOrEqual(1024);
    expect(label.Notes.length).toBeLessThanOrEqual(1024);
    expect(purviewProblems([label])).toEqual([]);
  });
});

describe('the import rules, checked', () => {
  const good: PurviewLabel = purviewLabels([series({})], [schedule({})], TEAM).labels[0];

  it.each<[string, Partial<PurviewLabel>, RegExp]>([
    ['a name with other characters', { LabelName: 'FIN/ACC' }, /characters other than/],
    ['a name over 64 characters', { LabelName: 'a'.repeat(65) }, /over 64 characters/],
    ['no name', { LabelName: '' }, /LabelName is required/],
    ['a long comment', { Comment: 'c'.repeat(1025) }, /Comment over 1024/],
    ['long notes', { Notes: 'n'.repeat(1025) }, /Notes over 1024/],
    ['an unknown action', { RetentionAction: 'Archive' }, /Delete, Keep or KeepAndDelete/],
    ['a duration over 100 years', { RetentionDuration: '36526' }, /Unlimited or 1 to 36525/],
    ['a duration that is not days', { RetentionDuration: '6y' }, /Unlimited or 1 to 36525/],
    ['an unknown retention type', { RetentionType: 'AgeInYears' }, /RetentionType/],
    [
      'a reviewer without KeepAndDelete',
      { RetentionAction: 'Keep', ReviewerEmail: 'dro@dfrr.gov.uk' },
      /only for the KeepAndDelete/,
    ],
    ['a reviewer that is not an address', { ReviewerEmail: 'the DRO' }, /email addresses/],
    ['an event-based label without an event type', { EventType: '' }, /EventType is required/],
    ['half the retention settings', { RetentionDuration: '', RetentionType: '' }, /go together/],
    ['a flag that is not TRUE or FALSE', { Regulatory: 'yes' }, /TRUE or FALSE/],
  ])('catches %s', (_what, change, problem) => {
    expect(purviewProblems([{ ...good, ...change }]).join('\n')).toMatch(problem);
  });

  it('catches names used twice, whatever their case', () => {
    expect(purviewProblems([good, { ...good, LabelName: good.LabelName.toUpperCase() }])).toEqual([
      `Row 2 (${good.LabelName.toUpperCase()}): LabelName is not unique`,
    ]);
  });
});
