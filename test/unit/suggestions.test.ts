import {
  addressQuery,
  DEFAULT_RULE_CELLS,
  editedWithin,
  matchedAddress,
  matchedWord,
  parseRules,
  ruleRow,
  rulesFor,
  subjectQuery,
} from '../../src/domain/suggestions';
import type { RuleCells } from '../../src/domain/suggestions';
import { SUGGESTION_RULE_COLUMNS } from '../../src/domain/register-schema';
import { SEED_FILE_PLAN } from '../../src/domain/seed';

const SERIES = SEED_FILE_PLAN.map(s => s.code);

const row = (n: number, cells: Partial<RuleCells>) => ({
  row: n,
  entry: {
    rule: 'A rule',
    hosts: 'Docs',
    kind: 'Title or subject words',
    pattern: 'minutes',
    series: '',
    classification: '',
    why: 'Because',
    active: 'Yes',
    ...cells,
  },
});

describe('reading the suggestion rules tab', () => {
  it('uses the built-in rules when the tab is empty, and they are all valid', () => {
    const set = parseRules([{ row: 2, entry: { rule: '', kind: '  ' } }], SERIES);
    expect(set.builtIn).toBe(true);
    expect(set.problems).toEqual([]);
    expect(set.rules.map(r => r.name)).toEqual(DEFAULT_RULE_CELLS.map(c => c.rule));
    const edited = set.rules.find(r => r.kind === 'Edited recently in a series folder')!;
    expect(edited.days).toBe(14);
    expect(edited.hosts).toEqual(['Docs', 'Drive']);
    const office = set.rules.find(r => r.kind === 'Email to or from')!;
    expect(office.addresses).toContain('ps.sos@dfrr.gov.uk');
    expect(office.series).toBe('POL-DEV-01');
  });

  it('writes the built-in rules in the tab’s column order', () => {
    const cells = ruleRow(DEFAULT_RULE_CELLS[1]);
    expect(cells).toHaveLength(SUGGESTION_RULE_COLUMNS.length);
    expect(cells[SUGGESTION_RULE_COLUMNS.findIndex(c => c.key === 'kind')]).toBe(
      'Email to or from'
    );
  });

  it('skips inactive rows and reports unusable ones with their row and what to fix', () => {
    const set = parseRules(
      [
        row(2, { rule: 'Good', pattern: 'minutes, Action Points', series: 'gov-brd-01' }),
        row(3, { rule: 'Switched off', active: 'No' }),
        row(4, { rule: 'Typo kind', kind: 'Title words' }),
        row(5, { rule: 'Bad days', kind: 'Edited recently in a series folder', pattern: 'two' }),
        row(6, { rule: 'Unknown series', series: 'XYZ-ABC-99' }),
        row(7, { rule: 'Bad host', hosts: 'Docs, Slack' }),
        row(8, {
          rule: 'Bad address',
          hosts: 'Gmail',
          kind: 'Email to or from',
          pattern: 'ps sos',
        }),
        row(9, { rule: 'Secret', classification: 'SECRET' }),
      ],
      SERIES
    );
    expect(set.builtIn).toBe(false);
    expect(set.rules).toHaveLength(1);
    expect(set.rules[0]).toMatchObject({
      name: 'Good',
      words: ['minutes', 'action points'],
      series: 'GOV-BRD-01',
    });
    expect(set.problems.map(p => [p.row, p.rule])).toEqual([
      [4, 'Typo kind'],
      [5, 'Bad days'],
      [6, 'Unknown series'],
      [7, 'Bad host'],
      [8, 'Bad address'],
      [9, 'Secret'],
    ]);
    expect(set.problems[0].problem).toMatch(/Unknown kind "Title words"/);
    expect(set.problems[1].problem).toMatch(/whole number of days/);
    expect(set.problems[2].problem).toMatch(/"XYZ-ABC-99" is not in the file plan/);
    expect(set.problems[3].problem).toMatch(/not "Slack"/);
    expect(set.problems[4].problem).toMatch(/"ps sos" is not one/);
    expect(set.problems[5].problem).toMatch(/OFFICIAL or OFFICIAL-SENSITIVE/);
  });

  it('puts title-word rules before recency rules, and keeps each host to its own', () => {
    const set = parseRules([], SERIES);
    expect(rulesFor(set.rules, 'Drive').map(r => r.kind)).toEqual([
      'Title or subject words',
      'Title or subject words',
      'Edited recently in a series folder',
    ]);
    expect(rulesFor(set.rules, 'Gmail').map(r => r.name)).toContain('To or from a private office');
    expect(rulesFor(set.rules, 'Docs').map(r => r.name)).not.toContain(
      'To or from a private office'
    );
  });
});

describe('matching items against rules', () => {
  it('matches title words and phrases whole, ignoring case and punctuation', () => {
    expect(matchedWord('ExCo MINUTES, 14 Feb 2017', ['minutes'])).toBe('minutes');
    expect(matchedWord('Board: action points (draft)', ['action points'])).toBe('action points');
    expect(matchedWord('Minutesheet for the canteen', ['minutes'])).toBeNull();
    expect(matchedWord('Ten minutes-long video', ['minutes'])).toBe('minutes');
    expect(matchedWord('Undecided options', ['decided'])).toBeNull();
  });

  it('matches addresses exactly, and domains by their ending', () => {
    const patterns = ['ps.sos@dfrr.gov.uk', '@cabinet.example.gov.uk'];
    expect(matchedAddress(['Private Office <PS.SOS@dfrr.gov.uk>'], patterns)).toBe(
      'ps.sos@dfrr.gov.uk'
    );
    expect(matchedAddress(['a@dfrr.gov.uk, b@cabinet.example.gov.uk'], patterns)).toBe(
      'b@cabinet.example.gov.uk'
    );
    expect(matchedAddress(['xps.sos@dfrr.gov.uk'], patterns)).toBeNull();
    expect(matchedAddress(['someone@dfrr.gov.uk'], ['dfrr.gov.uk'])).toBe('someone@dfrr.gov.uk');
  });

  it('counts an edit as recent within the rule’s days', () => {
    const now = new Date(Date.UTC(2017, 1, 15));
    expect(editedWithin(new Date(Date.UTC(2017, 1, 2)), now, 14)).toBe(true);
    expect(editedWithin(new Date(Date.UTC(2017, 0, 31)), now, 14)).toBe(false);
  });

  it('builds Gmail searches that match any address or any subject word', () => {
    expect(addressQuery(['ps.sos@dfrr.gov.uk'])).toBe(
      '{from:ps.sos@dfrr.gov.uk to:ps.sos@dfrr.gov.uk cc:ps.sos@dfrr.gov.uk}'
    );
    expect(subjectQuery(['minutes', 'action points'])).toBe(
      '{subject:minutes subject:"action points"}'
    );
  });
});
