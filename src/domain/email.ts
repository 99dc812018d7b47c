// Emails as records: how a captured email is named, deduplicated and rendered for reading.
import { shorten } from './text';

export interface EmailSummary {
  subject: string;
  from: string;
  to: string;
  cc: string;
  date: Date | null;
  messageId: string;
}

/** Message-IDs compare without their angle brackets and surrounding space. */
export function normaliseMessageId(header: string): string {
  return header.trim().replace(/^<|>$/g, '').trim();
}

/**
 * The key that makes one record of one email, department-wide: its Message-ID, or, when the
 * header is absent, a hash of its exact content.
 */
export function dedupeKey(messageId: string, rawSha256Hex: string): string {
  const id = normaliseMessageId(messageId);
  return id ? `<${id}>` : `sha256:${rawSha256Hex}`;
}

/** Characters Drive, Windows and TNA's transfer tools all accept in a file name. */
export function safeFileName(text: string, max = 120): string {
  const cleaned = text
    // eslint-disable-next-line no-control-regex -- control characters never belong in a name
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[\\/:*?"<>|#%{}~&]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .trim();
  return shorten(cleaned || 'No subject', max).replace(/…$/, '');
}

/** `REC-2017-000123 2017-01-09 Grant allocation` — predictable, sortable, unique by record id. */
export function emailFileBase(recordId: string, date: Date | null, subject: string): string {
  const day = date ? date.toISOString().slice(0, 10) : 'undated';
  return `${recordId} ${day} ${safeFileName(subject, 80)}`;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The readable rendition of an email (turned into a PDF): the marking at top and bottom, a header
 * block with From, To, Cc, Date and Subject, then the (already sanitised) body.
 */
export function renditionHtml(
  summary: EmailSummary,
  marking: string,
  bodyHtml: string,
  sentText: string
): string {
  const row = (label: string, value: string) =>
    value
      ? `<tr><th style="text-align:left;padding:2px 12px 2px 0;vertical-align:top">${label}</th><td>${escape(value)}</td></tr>`
      : '';
  const banner = `<p style="text-align:center;font-weight:bold;margin:0 0 12px">${escape(marking)}</p>`;
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>',
    escape(summary.subject || 'No subject'),
    '</title></head><body style="font-family:Arial,sans-serif;font-size:11pt">',
    banner,
    '<table style="border-collapse:collapse;margin-bottom:12px">',
    row('From', summary.from),
    row('To', summary.to),
    row('Cc', summary.cc),
    row('Date', sentText),
    row('Subject', summary.subject),
    row('Message-ID', summary.messageId),
    '</table><hr>',
    bodyHtml,
    '<hr>',
    banner.replace('margin:0 0 12px', 'margin:12px 0 0'),
    '</body></html>',
  ].join('');
}

/** A plain-text body shown as HTML, keeping its line breaks. */
export function plainToHtml(text: string): string {
  return `<pre style="white-space:pre-wrap;font-family:inherit">${escape(text)}</pre>`;
}
