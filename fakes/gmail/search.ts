// The part of Gmail's search language the product and its tests use. Terms are ANDed; a leading
// `-` negates one. Operators: label: (`label:"Records/To capture"` or `label:records-to-capture`),
// in:inbox|trash|spam|anywhere|sent, is:unread|read|starred, has:attachment, from:, to:, cc:,
// subject:, filename:, rfc822msgid:, after:/before: (YYYY/MM/DD, UTC), larger:/smaller: (bytes,
// K or M). Anything else is free text, matched case-insensitively against subject, body,
// addresses and attachment names. Braces match any of the terms inside them
// (`{from:amy from:david}`, Gmail's "Search operators" page, support.google.com/mail/answer/7190);
// OR and parentheses are not supported.
// As in Gmail, a thread matches when one of its messages does, and trash and spam are left out
// unless the query names them.
import type { AddressState, GmailMessageState } from '../core/state';
import { base64Size } from './codec';
import { isSystemLabel, searchLabelName } from './store';

interface Term {
  negated: boolean;
  operator: string | null;
  value: string;
  /** A braced group: the term matches when any of these does. */
  any?: Term[];
}

export interface CompiledQuery {
  matches(message: GmailMessageState): boolean;
}

export function compileQuery(query: string): CompiledQuery {
  const terms = tokenize(query);
  const reachesTrash = terms.some(
    t => !t.negated && t.operator === 'in' && ['trash', 'anywhere'].includes(t.value.toLowerCase())
  );
  const reachesSpam = terms.some(
    t => !t.negated && t.operator === 'in' && ['spam', 'anywhere'].includes(t.value.toLowerCase())
  );
  return {
    matches(message) {
      if (message.trashed && !reachesTrash) return false;
      if (message.labels.includes('SPAM') && !reachesSpam) return false;
      return terms.every(term => termMatches(term, message) !== term.negated);
    },
  };
}

function tokenize(query: string): Term[] {
  const terms: Term[] = [];
  const pattern = /(-?)\{([^{}]*)\}|(-?)(?:([A-Za-z][A-Za-z0-9_]*):)?(?:"([^"]*)"|([^\s{}]+))/g;
  for (let m = pattern.exec(query); m; m = pattern.exec(query)) {
    if (m[2] !== undefined) {
      terms.push({ negated: m[1] === '-', operator: null, value: '', any: tokenize(m[2]) });
      continue;
    }
    const value = m[5] ?? m[6] ?? '';
    terms.push({ negated: m[3] === '-', operator: m[4] ? m[4].toLowerCase() : null, value });
  }
  return terms;
}

function termMatches(term: Term, message: GmailMessageState): boolean {
  if (term.any) return term.any.some(t => termMatches(t, message) !== t.negated);
  const value = term.value.toLowerCase();
  switch (term.operator) {
    case 'label':
      return message.labels.some(l => {
        const name = isSystemLabel(l) ? l.toLowerCase() : searchLabelName(l);
        return name === searchLabelName(term.value);
      });
    case 'in':
      if (value === 'anywhere') return true;
      if (value === 'trash') return message.trashed;
      if (value === 'inbox') return message.labels.includes('INBOX') && !message.trashed;
      return message.labels.includes(value.toUpperCase());
    case 'is':
      if (value === 'unread') return message.unread;
      if (value === 'read') return !message.unread;
      if (value === 'starred') return message.starred;
      return message.labels.includes(value.toUpperCase());
    case 'has':
      return value === 'attachment' ? message.attachments.some(a => !a.inline) : false;
    case 'from':
      return addressesMatch(message.from ? [message.from] : [], value);
    case 'to':
      return addressesMatch(message.to, value);
    case 'cc':
      return addressesMatch(message.cc, value);
    case 'subject':
      return message.subject.toLowerCase().includes(value);
    case 'filename':
      return message.attachments.some(a => a.filename.toLowerCase().includes(value));
    case 'rfc822msgid':
      return (
        (message.messageId ?? '').replace(/^<|>$/g, '').toLowerCase() ===
        value.replace(/^<|>$/g, '')
      );
    case 'after':
    case 'newer':
      return message.internalDate >= searchDate(term.value);
    case 'before':
    case 'older':
      return message.internalDate < searchDate(term.value);
    case 'larger':
      return base64Size(message.rawBase64) > searchSize(term.value);
    case 'smaller':
      return base64Size(message.rawBase64) < searchSize(term.value);
    default:
      return freeText(message, term.operator ? `${term.operator}:${value}` : value);
  }
}

function addressesMatch(addresses: AddressState[], value: string): boolean {
  return addresses.some(
    a => a.address.toLowerCase().includes(value) || a.name.toLowerCase().includes(value)
  );
}

function freeText(message: GmailMessageState, value: string): boolean {
  const people = [message.from, ...message.to, ...message.cc].filter(a => a !== null);
  return (
    message.subject.toLowerCase().includes(value) ||
    message.plainBody.toLowerCase().includes(value) ||
    addressesMatch(people, value) ||
    message.attachments.some(a => a.filename.toLowerCase().includes(value))
  );
}

function searchDate(value: string): number {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
}

function searchSize(value: string): number {
  const match = /^(\d+)([km]?)$/i.exec(value);
  if (!match) return NaN;
  const unit = match[2].toLowerCase();
  return Number(match[1]) * (unit === 'm' ? 1024 * 1024 : unit === 'k' ? 1024 : 1);
}
