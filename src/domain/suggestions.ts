// The rules behind the "probably a record" suggestions: read from the register's "Suggestion
// rules" tab, which the records team edits by hand. A row that cannot be used is skipped with a
// problem the records team is shown; it never stops staff getting the other suggestions.
import { HELD_CLASSIFICATIONS } from './classification';
import type { HeldClassification } from './classification';
import { SUGGESTION_HOSTS, SUGGESTION_KINDS, SUGGESTION_RULE_COLUMNS } from './register-schema';

export type SuggestionHost = (typeof SUGGESTION_HOSTS)[number];
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export const EDITED_RECENTLY: SuggestionKind = 'Edited recently in a series folder';
export const EMAIL_TO_OR_FROM: SuggestionKind = 'Email to or from';
export const TITLE_WORDS: SuggestionKind = 'Title or subject words';

/** How far back "recently" reaches when a rule names no number of days (emails, title words). */
export const DEFAULT_RECENT_DAYS = 14;
/** A rule reaching back further would list most of a user's Drive: not a nudge any more. */
export const MAX_RECENT_DAYS = 366;

export interface SuggestionRule {
  /** The rule's name, as the records team wrote it. */
  name: string;
  hosts: SuggestionHost[];
  kind: SuggestionKind;
  /** Edited recently: how many days count as recent. */
  days: number;
  /** Email to or from: lower-case addresses (`ps.sos@dfrr.gov.uk`) or domains (`@dfrr.gov.uk`). */
  addresses: string[];
  /** Title or subject words: lower-case words or phrases, matched as whole words. */
  words: string[];
  /** File-plan series to pre-select ('' to keep the form's own choice). */
  series: string;
  /** Classification to pre-select ('' to keep the form's own choice). */
  classification: HeldClassification | '';
  /** Why the item is suggested, shown to staff. */
  why: string;
}

export interface RuleProblem {
  /** Row in the rules tab. */
  row: number;
  rule: string;
  problem: string;
}

export interface RuleSet {
  rules: SuggestionRule[];
  problems: RuleProblem[];
  /** True when the tab was missing or empty and the built-in rules were used. */
  builtIn: boolean;
}

/** One row of the rules tab, by column key (see SUGGESTION_RULE_COLUMNS). */
export type RuleCells = Record<
  'rule' | 'hosts' | 'kind' | 'pattern' | 'series' | 'classification' | 'why' | 'active',
  string
>;

/**
 * The rules a new register starts with, written as the tab's first rows. The private office
 * mailboxes are the demo department's (research/file-plan-and-retention.md §3 and §5): the
 * records team replaces them with its own. Submissions and decisions are filed once, on the
 * policy file (POL-DEV-01); the private office copy is not the master.
 */
export const DEFAULT_RULE_CELLS: RuleCells[] = [
  {
    rule: 'Edited in the last 14 days in a series folder',
    hosts: 'Docs, Drive',
    kind: EDITED_RECENTLY,
    pattern: '14',
    series: '',
    classification: '',
    why: 'It sits in a file-plan series folder and was edited recently, but it is not in the register yet.',
    active: 'Yes',
  },
  {
    rule: 'To or from a private office',
    hosts: 'Gmail',
    kind: EMAIL_TO_OR_FROM,
    pattern: 'ps.sos@dfrr.gov.uk, ps.mos@dfrr.gov.uk, ps.puss@dfrr.gov.uk, pso@dfrr.gov.uk',
    series: 'POL-DEV-01',
    classification: 'OFFICIAL',
    why: 'Emails with a private office often carry a minister’s decision or a submission: they belong on the policy file.',
    active: 'Yes',
  },
  {
    rule: 'Minutes',
    hosts: 'Docs, Drive, Gmail',
    kind: TITLE_WORDS,
    pattern: 'minutes, action points, record of meeting',
    series: 'GOV-BRD-01',
    classification: 'OFFICIAL',
    why: 'Minutes record what a meeting decided: the agreed version is a record.',
    active: 'Yes',
  },
  {
    rule: 'Decisions and submissions',
    hosts: 'Docs, Drive, Gmail',
    kind: TITLE_WORDS,
    pattern: 'decision, decided, agreed, submission',
    series: 'POL-DEV-01',
    classification: 'OFFICIAL',
    why: 'Decisions and the submissions behind them must be on the official record.',
    active: 'Yes',
  },
];

const text = (value: unknown) => String(value ?? '').trim();

/**
 * Reads the rules tab's rows (`row` is the sheet row, for the problems). Inactive and empty rows
 * are skipped; unusable ones are skipped and reported. An empty tab means the built-in rules.
 */
export function parseRules(
  rows: { row: number; entry: Record<string, unknown> }[],
  seriesCodes: readonly string[]
): RuleSet {
  const filled = rows.filter(r => Object.values(r.entry).some(v => text(v) !== ''));
  if (!filled.length) {
    return {
      rules: DEFAULT_RULE_CELLS.map(cells => parseRule(cells, seriesCodes)).filter(
        (r): r is SuggestionRule => typeof r !== 'string'
      ),
      problems: [],
      builtIn: true,
    };
  }
  const rules: SuggestionRule[] = [];
  const problems: RuleProblem[] = [];
  for (const { row, entry } of filled) {
    const cells = Object.fromEntries(
      ['rule', 'hosts', 'kind', 'pattern', 'series', 'classification', 'why', 'active'].map(k => [
        k,
        text(entry[k]),
      ])
    ) as RuleCells;
    if (cells.active.toLowerCase() === 'no') continue;
    const parsed = parseRule(cells, seriesCodes);
    if (typeof parsed === 'string')
      problems.push({ row, rule: cells.rule || `Row ${row}`, problem: parsed });
    else rules.push(parsed);
  }
  return { rules, problems, builtIn: false };
}

/** A rule, or what is wrong with it in words the records team can act on. */
export function parseRule(
  cells: RuleCells,
  seriesCodes: readonly string[]
): SuggestionRule | string {
  const kind = SUGGESTION_KINDS.find(k => k.toLowerCase() === cells.kind.toLowerCase());
  if (!kind) {
    return `Unknown kind "${cells.kind}": use one of ${SUGGESTION_KINDS.map(k => `"${k}"`).join(', ')}.`;
  }
  const hostNames = list(cells.hosts);
  const hosts = SUGGESTION_HOSTS.filter(h =>
    hostNames.some(n => n.toLowerCase() === h.toLowerCase())
  );
  const unknownHosts = hostNames.filter(
    n => !SUGGESTION_HOSTS.some(h => h.toLowerCase() === n.toLowerCase())
  );
  if (!hosts.length || unknownHosts.length) {
    return `"Applies to" must name ${SUGGESTION_HOSTS.join(', ')} (any of them, comma separated)${unknownHosts.length ? `, not ${unknownHosts.map(n => `"${n}"`).join(', ')}` : ''}.`;
  }
  const series = cells.series.toUpperCase();
  if (series && !seriesCodes.includes(series)) {
    return `Suggested series "${cells.series}" is not in the file plan.`;
  }
  const classification = cells.classification.toUpperCase();
  if (classification && !(HELD_CLASSIFICATIONS as readonly string[]).includes(classification)) {
    return `Suggested classification "${cells.classification}" must be ${HELD_CLASSIFICATIONS.join(' or ')}, or left empty.`;
  }
  const rule: SuggestionRule = {
    name: cells.rule || kind,
    hosts,
    kind,
    days: DEFAULT_RECENT_DAYS,
    addresses: [],
    words: [],
    series,
    classification: classification as HeldClassification | '',
    why: cells.why || cells.rule || kind,
  };
  if (kind === EDITED_RECENTLY) {
    const days = Number(cells.pattern);
    if (!/^\d+$/.test(cells.pattern) || days < 1 || days > MAX_RECENT_DAYS) {
      return `Pattern "${cells.pattern}" must be a whole number of days from 1 to ${MAX_RECENT_DAYS}.`;
    }
    if (hosts.includes('Gmail')) return `"${kind}" applies to Docs and Drive, not Gmail.`;
    rule.days = days;
  } else if (kind === EMAIL_TO_OR_FROM) {
    const addresses = list(cells.pattern).map(a => a.toLowerCase());
    const bad = addresses.filter(a => !/^([^\s@"(){}]+@|@)?[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(a));
    if (!addresses.length || bad.length) {
      return `Pattern must list email addresses or domains (e.g. ps.sos@dfrr.gov.uk, @dfrr.gov.uk)${bad.length ? `; "${bad.join('", "')}" is not one` : ''}.`;
    }
    if (hosts.some(h => h !== 'Gmail')) return `"${kind}" applies to Gmail only.`;
    rule.addresses = addresses;
  } else {
    const words = list(cells.pattern).map(w => w.toLowerCase());
    const bad = words.filter(w => !/^[\p{L}\p{N}][\p{L}\p{N}' -]*$/u.test(w));
    if (!words.length || bad.length) {
      return `Pattern must list words or phrases, comma separated (letters, digits, spaces)${bad.length ? `; "${bad.join('", "')}" is not one` : ''}.`;
    }
    rule.words = words;
  }
  return rule;
}

function list(value: string): string[] {
  return value
    .split(/[,;\n]/)
    .map(v => v.trim())
    .filter(Boolean);
}

/** The first of `words` found in `title` as a whole word or phrase, case-insensitively. */
export function matchedWord(title: string, words: readonly string[]): string | null {
  const normal = ` ${title.toLowerCase().replace(/[^\p{L}\p{N}']+/gu, ' ')} `;
  return (
    words.find(w => normal.includes(` ${w.replace(/[^\p{L}\p{N}']+/gu, ' ').trim()} `)) ?? null
  );
}

/** The first address in `people` (header text such as `Name <a@b>`, comma separated) that matches. */
export function matchedAddress(
  people: readonly string[],
  patterns: readonly string[]
): string | null {
  const addresses = people
    .flatMap(p => p.match(/[^\s<>,;"()]+@[^\s<>,;"()]+/g) ?? [])
    .map(a => a.toLowerCase());
  for (const address of addresses) {
    const hit = patterns.find(p =>
      p.includes('@') && !p.startsWith('@')
        ? address === p
        : address.endsWith(p.startsWith('@') ? p : `@${p}`)
    );
    if (hit) return address;
  }
  return null;
}

export function editedWithin(modifiedAt: Date, now: Date, days: number): boolean {
  return now.getTime() - modifiedAt.getTime() <= days * 24 * 60 * 60 * 1000;
}

/** The rules for one host, title-word rules first: they say more about the item than recency. */
export function rulesFor(rules: readonly SuggestionRule[], host: SuggestionHost): SuggestionRule[] {
  const specific = (r: SuggestionRule) => (r.kind === TITLE_WORDS ? 0 : 1);
  return rules.filter(r => r.hosts.includes(host)).sort((a, b) => specific(a) - specific(b));
}

/** Gmail search words for addresses: `from:` or `to:` or `cc:` each of them. */
export function addressQuery(addresses: readonly string[]): string {
  return `{${addresses.flatMap(a => ['from', 'to', 'cc'].map(op => `${op}:${searchTerm(a)}`)).join(' ')}}`;
}

/** Gmail search words for subject words: any of them. */
export function subjectQuery(words: readonly string[]): string {
  return `{${words.map(w => `subject:${searchTerm(w)}`).join(' ')}}`;
}

function searchTerm(value: string): string {
  const bare = value.replace(/"/g, '');
  return /\s/.test(bare) ? `"${bare}"` : bare;
}

/** A Drive query string literal. */
export function driveLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Cells of a rules-tab row, in the tab's column order. */
export function ruleRow(cells: RuleCells): string[] {
  return SUGGESTION_RULE_COLUMNS.map(c => cells[c.key as keyof RuleCells]);
}
