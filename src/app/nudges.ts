// Suggestions of what probably should be a record and is not yet, from the rules the records team
// keeps in the register's "Suggestion rules" tab. Each homepage makes a bounded number of calls:
// the rules come from the cache, Drive asks one query, Gmail one search per rule, and only the few
// candidates left are checked against the register.
import { listRecentFiles } from '../adapters/drive-recent';
import type { RecentFile } from '../adapters/drive-recent';
import { readHeaders, searchMessages } from '../adapters/gmail-search';
import { CAPTURED_LABEL, TO_CAPTURE_LABEL } from '../adapters/gmail-labels';
import { dedupeKey } from '../domain/email';
import { TABS } from '../domain/register-schema';
import {
  addressQuery,
  DEFAULT_RECENT_DAYS,
  driveLiteral,
  EDITED_RECENTLY,
  editedWithin,
  EMAIL_TO_OR_FROM,
  matchedAddress,
  matchedWord,
  parseRules,
  rulesFor,
  subjectQuery,
  TITLE_WORDS,
} from '../domain/suggestions';
import type { RuleSet, SuggestionHost, SuggestionRule } from '../domain/suggestions';
import type { Workplace } from './deployment';
import { messageOf } from './errors';

/** At most this many suggestions on a homepage: a nudge, not a to-do list. */
export const MAX_SUGGESTIONS = 5;
/** Drive files read per homepage; some are dropped as records already. */
const DRIVE_PAGE = 25;
/** Series folders named in the one Drive query (a query has a length limit). */
const MAX_FOLDERS = 60;
/** Gmail searches per homepage (one per rule). */
const MAX_GMAIL_RULES = 4;

const RULES_TTL_SECONDS = 300;
const rulesKey = (registerId: string) => `records-capture.suggestion-rules.${registerId}`;

const FOLDER_MIME = 'application/vnd.google-apps.folder';
const SHORTCUT_MIME = 'application/vnd.google-apps.shortcut';

export interface SuggestionContext {
  /** The host the sidebar is in ('DOCS', 'DRIVE', 'GMAIL', …). */
  host: string;
  /** True on a host's homepage (nothing open); false when a sidebar is about one item. */
  homepage: boolean;
  /** The item the sidebar is about, when it is not a record yet. */
  item?: {
    id: string;
    title: string;
    mimeType: string;
    parents?: string[];
    modifiedAt?: Date | null;
  } | null;
}

export interface Suggestion {
  kind: 'file' | 'email';
  /** Drive file id, or Gmail message id. */
  id: string;
  title: string;
  why: string;
  /** The rule that made it, by name. */
  rule: string;
  /** What the form opens with (empty: the form's own default). */
  series: string;
  classification: string;
  /** Files: the Drive MIME type. */
  mimeType: string;
  /** Emails: the thread, the sender and the date received. */
  threadId: string;
  from: string;
  date: Date | null;
  url: string;
}

const HOSTS: Record<string, SuggestionHost> = { DOCS: 'Docs', DRIVE: 'Drive', GMAIL: 'Gmail' };

export function suggestionsFor(w: Workplace, context: SuggestionContext, now: Date): Suggestion[] {
  const host = HOSTS[context.host];
  if (!host) return [];
  const rules = rulesFor(readRules(w).rules, host);
  if (!rules.length) return [];
  if (!context.homepage) return context.item ? forItem(w, context.item, rules, now) : [];
  if (host === 'Drive') return forDrive(w, rules, now);
  if (host === 'Gmail') return forGmail(w, rules, now);
  return [];
}

/** The rules tab, parsed: cached for everyone for a few minutes like the file plan. */
export function readRules(w: Workplace): RuleSet {
  const cache = CacheService.getScriptCache();
  const cached = cache.get(rulesKey(w.config.registerId));
  if (cached) {
    try {
      return JSON.parse(cached) as RuleSet;
    } catch {
      // A damaged entry is read again from the register.
    }
  }
  const seriesCodes = w.reference.series.filter(s => s.active).map(s => s.code);
  let rules: RuleSet;
  if (!w.register.spreadsheet.getSheetByName(TABS.suggestions.name)) {
    rules = parseRules([], seriesCodes);
  } else {
    try {
      const last = w.register.lastRow('suggestions');
      rules = parseRules(w.register.readEntries('suggestions', 2, last - 1), seriesCodes);
    } catch (error) {
      // Headers renamed or removed: the built-in rules stand in, and the records team is told.
      rules = {
        ...parseRules([], seriesCodes),
        problems: [{ row: 1, rule: 'Header row', problem: messageOf(error) }],
      };
    }
  }
  for (const p of rules.problems) {
    console.warn(`Suggestion rule "${p.rule}" (row ${p.row}) left out: ${p.problem}`);
  }
  const text = JSON.stringify(rules);
  if (text.length < 90_000) cache.put(rulesKey(w.config.registerId), text, RULES_TTL_SECONDS);
  return rules;
}

/** Call after the records team changes the rules from the add-on. */
export function forgetRules(registerId: string): void {
  CacheService.getScriptCache().remove(rulesKey(registerId));
}

function folderSeries(w: Workplace): Map<string, string> {
  return new Map(
    w.reference.series.filter(s => s.folderId && s.active).map(s => [s.folderId, s.code])
  );
}

/** The first rule an item meets, with the reason it met it. */
function firstMatch(
  rules: SuggestionRule[],
  title: string,
  parents: readonly string[] | undefined,
  modifiedAt: Date | null | undefined,
  folders: Map<string, string>,
  now: Date
): { rule: SuggestionRule; series: string } | null {
  for (const rule of rules) {
    if (rule.kind === TITLE_WORDS && matchedWord(title, rule.words)) {
      return { rule, series: rule.series };
    }
    if (rule.kind === EDITED_RECENTLY && parents && modifiedAt) {
      const series = parents.map(p => folders.get(p)).find(Boolean);
      if (series && editedWithin(modifiedAt, now, rule.days)) {
        return { rule, series: rule.series || series };
      }
    }
  }
  return null;
}

function fileSuggestion(
  file: { id: string; title: string; mimeType: string; url?: string },
  match: { rule: SuggestionRule; series: string }
): Suggestion {
  return {
    kind: 'file',
    id: file.id,
    title: file.title,
    why: match.rule.why,
    rule: match.rule.name,
    series: match.series,
    classification: match.rule.classification,
    mimeType: file.mimeType,
    threadId: '',
    from: '',
    date: null,
    url: file.url ?? '',
  };
}

/** The item open in the sidebar: from what the sidebar knows already, no further call. */
function forItem(
  w: Workplace,
  item: NonNullable<SuggestionContext['item']>,
  rules: SuggestionRule[],
  now: Date
): Suggestion[] {
  const match = firstMatch(rules, item.title, item.parents, item.modifiedAt, folderSeries(w), now);
  return match ? [fileSuggestion(item, match)] : [];
}

/** Marks a declared item carries: its description line, a marking prefix, or a record id name. */
function looksDeclared(file: RecentFile): boolean {
  return (
    /\| Record, series [A-Z]{3}-[A-Z]{3}-\d{2} \|/.test(file.description) ||
    /^\[OFFICIAL/.test(file.name) ||
    /^REC-\d{4}-\d{6} /.test(file.name)
  );
}

function forDrive(w: Workplace, rules: SuggestionRule[], now: Date): Suggestion[] {
  const folders = folderSeries(w);
  const recent = rules.filter(r => r.kind === EDITED_RECENTLY);
  const words = [...new Set(rules.filter(r => r.kind === TITLE_WORDS).flatMap(r => r.words))];
  const days = Math.max(DEFAULT_RECENT_DAYS, ...recent.map(r => r.days));
  const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const either: string[] = [];
  const folderIds = [...folders.keys()].slice(0, MAX_FOLDERS);
  if (recent.length && folderIds.length) {
    either.push(`(${folderIds.map(id => `${driveLiteral(id)} in parents`).join(' or ')})`);
  }
  if (words.length) {
    either.push(`(${words.map(word => `name contains ${driveLiteral(word)}`).join(' or ')})`);
  }
  if (!either.length) return [];
  const query = `trashed = false and modifiedTime > '${since.toISOString()}' and (${either.join(' or ')})`;
  const candidates: Suggestion[] = [];
  for (const file of listRecentFiles(query, DRIVE_PAGE)) {
    if (file.mimeType === FOLDER_MIME || file.mimeType === SHORTCUT_MIME) continue;
    if (!file.canEdit || looksDeclared(file)) continue;
    const match = firstMatch(rules, file.name, file.parents, file.modifiedAt, folders, now);
    if (match) candidates.push(fileSuggestion({ ...file, title: file.name }, match));
    if (candidates.length >= MAX_SUGGESTIONS * 2) break;
  }
  if (!candidates.length) return [];
  // Google Docs keep their name when declared, so the register has the last word.
  const records = w.register.findByFileIds(candidates.map(c => c.id));
  return candidates.filter(c => !records.has(c.id)).slice(0, MAX_SUGGESTIONS);
}

function forGmail(w: Workplace, rules: SuggestionRule[], now: Date): Suggestion[] {
  const skip = `-label:"${CAPTURED_LABEL}" -label:"${TO_CAPTURE_LABEL}"`;
  const found: { id: string; threadId: string; rule: SuggestionRule }[] = [];
  const threads = new Set<string>();
  for (const rule of rules.slice(0, MAX_GMAIL_RULES)) {
    const what =
      rule.kind === EMAIL_TO_OR_FROM
        ? addressQuery(rule.addresses)
        : rule.kind === TITLE_WORDS
          ? subjectQuery(rule.words)
          : null;
    if (!what) continue;
    // `after:` takes seconds since the epoch as well as dates (Gmail search operators).
    const since = Math.floor((now.getTime() - rule.days * 24 * 60 * 60 * 1000) / 1000);
    for (const m of searchMessages(`${what} after:${since} ${skip}`, MAX_SUGGESTIONS)) {
      if (threads.has(m.threadId)) continue;
      threads.add(m.threadId);
      found.push({ ...m, rule });
    }
  }
  if (!found.length) return [];
  const read = readHeaders(
    found.slice(0, MAX_SUGGESTIONS * 2).map(f => f.id),
    ['Subject', 'From', 'To', 'Cc', 'Message-ID']
  );
  const candidates: (Suggestion & { key: string })[] = [];
  read.forEach((message, i) => {
    const { rule } = found[i];
    const h = message.headers;
    // Gmail's search matches parts of words; the rule means whole words and exact addresses.
    const meets =
      rule.kind === TITLE_WORDS
        ? !!matchedWord(h.subject, rule.words)
        : !!matchedAddress([h.from, h.to, h.cc], rule.addresses);
    if (!meets) return;
    candidates.push({
      kind: 'email',
      id: message.id,
      title: h.subject || '(no subject)',
      why: rule.why,
      rule: rule.name,
      series: rule.series,
      classification: rule.classification,
      mimeType: 'message/rfc822',
      threadId: message.threadId,
      from: h.from,
      date: message.receivedAt,
      url: `https://mail.google.com/mail/#all/${message.threadId}`,
      key: h['message-id'] ? dedupeKey(h['message-id'], '') : '',
    });
  });
  // Captured by someone else on the thread: a record already, for the whole department.
  const keys = candidates.map(c => c.key).filter(Boolean);
  const records = keys.length ? w.register.findByMessageKeys(keys) : new Map<string, unknown>();
  return candidates
    .filter(c => !c.key || !records.has(c.key))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ key: _key, ...suggestion }) => suggestion);
}
