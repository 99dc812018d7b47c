// Realistic RFC 822 messages for the fictional Department for Records and Retention (dfrr.gov.uk):
// CRLF line endings, MIME boundaries, base64 and quoted-printable bodies, RFC 2047 encoded words,
// RFC 2231 file names and RFC 5322 dates. Pure TypeScript, so tests and the emulator share them.
// Every address is a role mailbox of the department or of the reserved example.org domain.
import { base64Decode, base64Encode, utf8Encode } from '../core/bytes';

const CRLF = '\r\n';

/** A mailbox as `Display Name <address>`, or name and address apart (names may be non-ASCII). */
export type Mailbox = string | { name: string; address: string };

export const PEOPLE = {
  privateOffice: 'Private Office of the Secretary of State <ps.sos@dfrr.gov.uk>',
  permanentSecretary: 'Permanent Secretary <perm.sec@dfrr.gov.uk>',
  recordsOfficer: 'Departmental Records Officer <dro@dfrr.gov.uk>',
  policyLead: 'Policy Lead, Retention Reform <policy.retention@dfrr.gov.uk>',
  pressOffice: 'Press Office <press.office@dfrr.gov.uk>',
  financeDirector: 'Finance Director <fd@dfrr.gov.uk>',
  foiTeam: 'FOI Team <foi@dfrr.gov.uk>',
  legalAdviser: 'Legal Adviser <legal.adviser@dfrr.gov.uk>',
  consultation: 'Consultation Responses <responses@example.org>',
} as const;

/** Government Security Classifications, as they prefix a subject line. */
export type Marking = 'OFFICIAL' | 'OFFICIAL-SENSITIVE' | 'SECRET' | 'TOP SECRET';

export interface MessageOptions {
  from?: Mailbox;
  to?: Mailbox | Mailbox[];
  cc?: Mailbox | Mailbox[];
  bcc?: Mailbox | Mailbox[];
  replyTo?: Mailbox;
  subject?: string;
  /** Prefixes the subject as `MARKING: subject`. */
  marking?: Marking;
  /** Date header, epoch ms (written in UTC). */
  date?: number;
  /** With or without angle brackets; null leaves the header out. */
  messageId?: string | null;
  inReplyTo?: string;
  references?: string[];
}

/** Wednesday 14 December 2016, 10:30 UTC: a working day in the demo department's year. */
export const FIXTURE_DATE = Date.UTC(2016, 11, 14, 10, 30, 0);

export function markedSubject(marking: Marking, subject: string): string {
  return `${marking}: ${subject}`;
}

// ---------------------------------------------------------------------------------------------
// Message kinds

export function plainMessage(
  options: MessageOptions = {},
  text = 'Please find my comments on the draft retention schedule below.\n\nRegards,\nDepartmental Records Officer'
): string {
  return build(withDefaults(options, 'Draft retention schedule'), textPart(text));
}

export function alternativeMessage(
  options: MessageOptions = {},
  text = 'The Permanent Secretary has approved the records review.\n\nNext steps are attached to the tracker.',
  html = '<p>The Permanent Secretary has <b>approved</b> the records review.</p><p>Next steps are in the tracker.</p>'
): string {
  return build(withDefaults(options, 'Records review approved'), alternative(text, html));
}

/** A 1 x 1 PNG, the department crest stand-in. */
export const CREST_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
export const CREST_CONTENT_ID = 'crest.2016@dfrr.gov.uk';

/** `html`, when given, shows the crest with `<img src="cid:${CREST_CONTENT_ID}">`. */
export function inlineImageMessage(
  options: MessageOptions = {},
  text = 'Department for Records and Retention\n\nThe new letterhead is below.',
  html = `<p><img src="cid:${CREST_CONTENT_ID}" alt="DfRR crest" width="1" height="1"></p>` +
    '<p>Department for Records and Retention</p><p>The new letterhead is below.</p>'
): string {
  const image: Leaf = {
    type: 'image/png',
    params: { name: 'crest.png' },
    disposition: 'inline',
    filename: 'crest.png',
    contentId: CREST_CONTENT_ID,
    encoding: 'base64',
    body: base64Lines(base64Decode(CREST_PNG_BASE64)),
  };
  const related: Multi = {
    type: 'multipart/related',
    params: { type: 'multipart/alternative' },
    parts: [alternative(text, html), image],
  };
  return build(withDefaults(options, 'New letterhead'), related);
}

export const ATTACHMENT_NAMES = {
  pdf: 'Retention schedule 2016-17.pdf',
  docx: 'Submission to the Secretary of State.docx',
  /** Sent with RFC 2231 parameter continuations, percent-encoded UTF-8. */
  csv: 'Résumé des dépenses – 2016-17 (brouillon).csv',
} as const;

export const CSV_TEXT = 'Cost centre,Amount (£)\r\nRegistry,1200\r\nDigitisation,£3400\r\n';

export function attachmentsMessage(options: MessageOptions = {}): string {
  const mixed: Multi = {
    type: 'multipart/mixed',
    parts: [
      alternative(
        'Three papers for Thursday: the schedule, the submission and the spending summary.',
        '<p>Three papers for Thursday: the schedule, the submission and the spending summary.</p>'
      ),
      attachment('application/pdf', ATTACHMENT_NAMES.pdf, utf8Encode(pdfText())),
      attachment(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ATTACHMENT_NAMES.docx,
        docxLikeBytes()
      ),
      attachment('text/csv', ATTACHMENT_NAMES.csv, utf8Encode(CSV_TEXT), { charset: 'utf-8' }),
    ],
  };
  return build(withDefaults(options, 'Papers for Thursday'), mixed);
}

/** A file attached to a message. */
export interface FileAttachment {
  filename: string;
  mimeType: string;
  content: Uint8Array;
}

/** A text and HTML body with any files attached, as a mail client sends them. */
export function messageWithAttachments(
  options: MessageOptions,
  text: string,
  html: string,
  files: FileAttachment[]
): string {
  const mixed: Multi = {
    type: 'multipart/mixed',
    parts: [
      alternative(text, html),
      ...files.map(file => attachment(file.mimeType, file.filename, file.content)),
    ],
  };
  return build(withDefaults(options, 'Documents attached'), mixed);
}

/**
 * A one-page PDF (PDF 1.4, Helvetica) showing `lines`, with a correct cross-reference table.
 * Characters outside Windows-1252 are shown as `?`.
 */
export function pdfDocument(lines: string[]): Uint8Array {
  const text = lines
    .map((line, i) => `BT /F1 11 Tf 56 ${780 - i * 16} Td (${pdfString(line)}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, ch => ch.charCodeAt(0));
}

/** Windows-1252 code points of the characters beyond Latin-1 that documents use most. */
const WIN_ANSI: Record<string, number> = {
  '€': 0x80,
  '–': 0x96,
  '—': 0x97,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
};

function pdfString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = WIN_ANSI[ch] ?? ch.charCodeAt(0);
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xff && ch.length === 1) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += '?';
  }
  return out;
}

/** A message forwarded as an attachment (message/rfc822), as Gmail's "Forward as attachment". */
export function forwardedMessage(
  options: MessageOptions = {},
  original: string = plainMessage({
    from: PEOPLE.consultation,
    to: PEOPLE.policyLead,
    subject: 'Consultation response: retention periods',
    date: FIXTURE_DATE - 86_400_000,
  })
): string {
  const originalSubject = /^Subject: (.*)$/m.exec(original)?.[1] ?? 'Forwarded message';
  const mixed: Multi = {
    type: 'multipart/mixed',
    parts: [
      textPart('Forwarding the response below for the file.'),
      {
        type: 'message/rfc822',
        disposition: 'attachment',
        filename: `${originalSubject}.eml`,
        encoding: '7bit',
        body: original,
      },
    ],
  };
  return build(withDefaults(options, `Fwd: ${originalSubject}`), mixed);
}

/**
 * `count` messages of one conversation: the first and `count - 1` replies, each with In-Reply-To
 * its parent and References to every earlier message, alternating between two correspondents.
 */
export function threadMessages(
  count: number,
  options: MessageOptions = {},
  /** Each message's text, in order; a placeholder for any not given. */
  texts: string[] = []
): string[] {
  const base = withDefaults(options, 'Retention of ministerial correspondence');
  const first = base.from ?? PEOPLE.policyLead;
  const second = base.to && !Array.isArray(base.to) ? base.to : PEOPLE.legalAdviser;
  const start = base.date ?? FIXTURE_DATE;
  const tag = hash(`${base.subject}|${start}`);
  const ids: string[] = [];
  const messages: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `<thread.${tag}.${i + 1}@mail.dfrr.gov.uk>`;
    const [from, to] = i % 2 === 0 ? [first, second] : [second, first];
    const reply: MessageOptions = {
      ...base,
      from,
      to,
      subject: i === 0 ? base.subject : `Re: ${base.subject}`,
      date: start + i * 17 * 60_000,
      messageId: id,
      ...(i > 0 ? { inReplyTo: ids[i - 1], references: [...ids] } : {}),
    };
    const text = texts[i] ?? `Message ${i + 1} of ${count} in this conversation.`;
    messages.push(build(reply, textPart(text)));
    ids.push(id);
  }
  return messages;
}

export const ENCODED_SUBJECT = 'تقرير الحفظ / דו"ח שמירה – Réunion générale';

/**
 * Subject in two encoded words (UTF-8 base64 with Arabic and Hebrew, then ISO-8859-1 quoted
 * printable with accents), a sender name in an encoded word, and a Latin-1 body.
 */
export function encodedWordMessage(options: MessageOptions = {}): string {
  const utf8Words = encodeWords('تقرير الحفظ / דו"ח שמירה – ');
  const latin1Word = '=?ISO-8859-1?Q?R=E9union_g=E9n=E9rale?=';
  const body: Leaf = {
    type: 'text/plain',
    params: { charset: 'ISO-8859-1' },
    encoding: 'quoted-printable',
    body: 'Ordre du jour de la r=E9union g=E9n=E9rale : archivage, conservation.' + CRLF,
  };
  const opts = withDefaults(
    {
      from: { name: 'Directrice générale des archives', address: 'dg.archives@example.org' },
      ...options,
    },
    ENCODED_SUBJECT
  );
  const rawSubject = options.subject ? undefined : `${utf8Words}${CRLF} ${latin1Word}`;
  return build(opts, body, rawSubject);
}

export function noMessageIdMessage(options: MessageOptions = {}): string {
  return plainMessage(
    { subject: 'Sent from a scanner', ...options, messageId: null },
    'Scanned document from the registry MFD.'
  );
}

/**
 * Broken in two ways a sweep meets in real mailboxes: a header line without a colon, and a
 * multipart/mixed body whose closing boundary never comes (the attachment is cut short).
 */
export function malformedMessage(options: MessageOptions = {}): string {
  const opts = withDefaults(options, 'Minutes of the records board');
  const boundary = `----=_Part_${hash(opts.subject ?? '')}_broken`;
  const head = headerBlock(opts, `multipart/mixed; boundary="${boundary}"`).replace(
    /^(MIME-Version: 1\.0\r\n)/m,
    '$1This line is not a header and has no colon\r\n'
  );
  const attachmentBody = base64Lines(utf8Encode(pdfText())).split(CRLF).slice(0, 3).join(CRLF);
  return (
    head +
    CRLF +
    'This is a multi-part message in MIME format.' +
    CRLF +
    `--${boundary}` +
    CRLF +
    'Content-Type: text/plain; charset=utf-8' +
    CRLF +
    'Content-Transfer-Encoding: 7bit' +
    CRLF +
    CRLF +
    'The minutes are attached.' +
    CRLF +
    `--${boundary}` +
    CRLF +
    'Content-Type: application/pdf; name="Minutes.pdf"' +
    CRLF +
    'Content-Disposition: attachment; filename="Minutes.pdf"' +
    CRLF +
    'Content-Transfer-Encoding: base64' +
    CRLF +
    CRLF +
    attachmentBody +
    CRLF
  );
}

/** S/MIME: an encrypted (enveloped) message, or a clear-signed one. */
export function smimeMessage(
  options: MessageOptions = {},
  kind: 'enveloped' | 'signed' = 'enveloped'
): string {
  const opts = withDefaults(options, 'Encrypted: contract variation');
  const der = pseudoRandomBytes(640, opts.subject ?? '', [0x30, 0x82, 0x02, 0x7c]);
  if (kind === 'enveloped') {
    const p7m: Leaf = {
      type: 'application/pkcs7-mime',
      params: { 'smime-type': 'enveloped-data', name: 'smime.p7m' },
      disposition: 'attachment',
      filename: 'smime.p7m',
      encoding: 'base64',
      body: base64Lines(der),
    };
    return build(opts, p7m);
  }
  const signed: Multi = {
    type: 'multipart/signed',
    params: { protocol: 'application/pkcs7-signature', micalg: 'sha-256' },
    parts: [
      textPart('The signed contract variation is confirmed.'),
      {
        type: 'application/pkcs7-signature',
        params: { name: 'smime.p7s' },
        disposition: 'attachment',
        filename: 'smime.p7s',
        encoding: 'base64',
        body: base64Lines(der),
      },
    ],
  };
  return build(opts, signed);
}

export const INVITE_UID = 'retention-review-20170110@dfrr.gov.uk';

/** A calendar invitation as calendar services send it: text, HTML, text/calendar and an .ics. */
export function calendarInviteMessage(options: MessageOptions = {}): string {
  const opts = withDefaults(
    { from: PEOPLE.privateOffice, to: PEOPLE.recordsOfficer, ...options },
    'Invitation: Retention schedule review @ Tue 10 Jan 2017 10:00 - 11:00 (GMT)'
  );
  const ics = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Department for Records and Retention//Records Capture fixtures//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    'DTSTART:20170110T100000Z',
    'DTEND:20170110T110000Z',
    `DTSTAMP:${icsStamp(opts.date ?? FIXTURE_DATE)}`,
    'ORGANIZER;CN=Private Office of the Secretary of State:mailto:ps.sos@dfrr.gov.uk',
    `UID:${INVITE_UID}`,
    'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE',
    ' ;CN=Departmental Records Officer:mailto:dro@dfrr.gov.uk',
    'SUMMARY:Retention schedule review',
    'LOCATION:Room 4.12\\, 1 Example Street\\, London',
    'SEQUENCE:0',
    'STATUS:CONFIRMED',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join(CRLF);
  const mixed: Multi = {
    type: 'multipart/mixed',
    parts: [
      {
        type: 'multipart/alternative',
        parts: [
          textPart('Retention schedule review\nTuesday 10 January 2017, 10:00 to 11:00 (GMT)'),
          htmlPart(
            '<p><b>Retention schedule review</b><br>Tuesday 10 January 2017, 10:00 to 11:00</p>'
          ),
          {
            type: 'text/calendar',
            params: { charset: 'UTF-8', method: 'REQUEST' },
            encoding: '7bit',
            body: ics,
          },
        ],
      },
      attachment('application/ics', 'invite.ics', utf8Encode(ics)),
    ],
  };
  return build(opts, mixed);
}

export const LARGE_ATTACHMENT_NAME = 'Registry scans 1998-2004.zip';

/**
 * A message with one attachment of exactly `bytes` bytes. The content repeats a 57-byte block,
 * which is one 76-character base64 line, so the body is built with a single `repeat`: no
 * intermediate copies of a large string.
 */
export function largeAttachmentMessage(bytes: number, options: MessageOptions = {}): string {
  const opts = withDefaults(options, 'Registry scans for transfer');
  const block = utf8Encode(
    'DfRR registry scan fixture, page data for size tests'.padEnd(56, '.') + '\n'
  );
  const fullLines = Math.floor(bytes / block.length);
  const rest = bytes % block.length;
  const line = base64Encode(block) + CRLF;
  const tail = rest ? base64Encode(block.subarray(0, rest)) + CRLF : '';
  const boundary = boundaryFor(opts, 0);
  const head = headerBlock(opts, `multipart/mixed; boundary="${boundary}"`);
  return (
    head +
    CRLF +
    `--${boundary}` +
    CRLF +
    renderLeaf(textPart('The registry scans are attached for transfer to the archive.')) +
    `--${boundary}` +
    CRLF +
    'Content-Type: application/zip; name="' +
    LARGE_ATTACHMENT_NAME +
    '"' +
    CRLF +
    'Content-Disposition: attachment; filename="' +
    LARGE_ATTACHMENT_NAME +
    '"' +
    CRLF +
    'Content-Transfer-Encoding: base64' +
    CRLF +
    CRLF +
    line.repeat(fullLines) +
    tail +
    `--${boundary}--` +
    CRLF
  );
}

// ---------------------------------------------------------------------------------------------
// MIME building

interface Leaf {
  type: string;
  params?: Record<string, string>;
  disposition?: 'inline' | 'attachment';
  filename?: string;
  contentId?: string;
  encoding: '7bit' | 'quoted-printable' | 'base64';
  /** Already encoded, CRLF line endings. */
  body: string;
}

interface Multi {
  type: string;
  params?: Record<string, string>;
  parts: MimeNode[];
}

type MimeNode = Leaf | Multi;

function isMulti(node: MimeNode): node is Multi {
  return 'parts' in node;
}

function withDefaults(options: MessageOptions, subject: string): MessageOptions {
  const merged: MessageOptions = {
    from: PEOPLE.recordsOfficer,
    to: PEOPLE.policyLead,
    subject,
    date: FIXTURE_DATE,
    ...options,
  };
  if (merged.marking) merged.subject = markedSubject(merged.marking, merged.subject ?? '');
  return merged;
}

function build(options: MessageOptions, root: MimeNode, rawSubject?: string): string {
  let depth = 0;
  const boundaries = new Map<MimeNode, string>();
  const assign = (node: MimeNode) => {
    if (!isMulti(node)) return;
    boundaries.set(node, boundaryFor(options, depth++));
    node.parts.forEach(assign);
  };
  assign(root);
  const render = (node: MimeNode): string => {
    if (!isMulti(node)) return renderLeaf(node);
    const boundary = boundaries.get(node) as string;
    let out = contentTypeLine(node.type, { ...node.params, boundary }) + CRLF + CRLF;
    for (const part of node.parts) out += `--${boundary}${CRLF}${render(part)}`;
    return out + `--${boundary}--${CRLF}`;
  };
  // A single-part message ends with its content: no boundary follows it.
  const body = isMulti(root) ? render(root) : render(root).slice(0, -CRLF.length);
  // The root's own Content-Type line moves into the message header block.
  const split = body.indexOf(CRLF + CRLF);
  const rootHeaders = body.slice(0, split);
  return headerBlock(options, null, rawSubject) + rootHeaders + CRLF + CRLF + body.slice(split + 4);
}

function headerBlock(
  options: MessageOptions,
  contentType: string | null,
  rawSubject?: string
): string {
  const lines: string[] = [];
  const date = options.date ?? FIXTURE_DATE;
  lines.push(
    fold(
      `Received: from mail.dfrr.gov.uk (mail.dfrr.gov.uk [192.0.2.25]) by mx.dfrr.gov.uk with ESMTPS; ${rfc5322Date(date + 2000)}`
    )
  );
  if (options.from) lines.push(addressHeader('From', [options.from]));
  if (options.to) lines.push(addressHeader('To', list(options.to)));
  if (options.cc) lines.push(addressHeader('Cc', list(options.cc)));
  if (options.bcc) lines.push(addressHeader('Bcc', list(options.bcc)));
  if (options.replyTo) lines.push(addressHeader('Reply-To', [options.replyTo]));
  lines.push(
    rawSubject !== undefined
      ? `Subject: ${rawSubject}`
      : fold(`Subject: ${encodeWords(options.subject ?? '')}`)
  );
  lines.push(`Date: ${rfc5322Date(date)}`);
  const messageId =
    options.messageId === undefined
      ? `<${hash(`${options.subject}|${date}|${mailboxText(options.from ?? '')}`)}.${date.toString(36)}@mail.dfrr.gov.uk>`
      : options.messageId;
  if (messageId !== null) lines.push(`Message-ID: ${angle(messageId)}`);
  if (options.inReplyTo) lines.push(`In-Reply-To: ${angle(options.inReplyTo)}`);
  if (options.references?.length) {
    lines.push(`References: ${options.references.map(angle).join(`${CRLF} `)}`);
  }
  lines.push('MIME-Version: 1.0');
  if (contentType) lines.push(`Content-Type: ${contentType}`);
  return lines.join(CRLF) + CRLF;
}

function renderLeaf(leaf: Leaf): string {
  const lines = [contentTypeLine(leaf.type, leaf.params ?? {})];
  if (leaf.disposition) {
    lines.push(
      `Content-Disposition: ${leaf.disposition}` +
        (leaf.filename ? `;${CRLF} ${fileNameParam(leaf.filename)}` : '')
    );
  }
  if (leaf.contentId) lines.push(`Content-ID: <${leaf.contentId}>`);
  lines.push(`Content-Transfer-Encoding: ${leaf.encoding}`);
  // The CRLF before a boundary belongs to the boundary (RFC 2046), not to the content.
  return lines.join(CRLF) + CRLF + CRLF + leaf.body + CRLF;
}

function contentTypeLine(type: string, params: Record<string, string>): string {
  let line = `Content-Type: ${type}`;
  for (const [key, value] of Object.entries(params)) {
    const param = key === 'name' ? fileNameParam(value, 'name') : `${key}=${quoteParam(value)}`;
    line += `;${CRLF} ${param}`;
  }
  return line;
}

function quoteParam(value: string): string {
  return /^[A-Za-z0-9!#$&+\-.^_`|~]+$/.test(value)
    ? value
    : `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/** ASCII names quoted as they are; others in RFC 2231 form, split into continuations. */
function fileNameParam(name: string, key = 'filename'): string {
  if (isPrintableAscii(name)) return `${key}=${quoteParam(name)}`;
  if (key === 'name') return `${key}="${encodeWords(name).replace(/\r\n /g, ' ')}"`;
  const encoded = Array.from(utf8Encode(name))
    .map(b =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`
    )
    .join('');
  const pieces: string[] = [];
  // Split between percent escapes, 40 characters at most per continuation.
  for (let i = 0; i < encoded.length;) {
    let end = Math.min(i + 40, encoded.length);
    while (end < encoded.length && encoded.lastIndexOf('%', end) > end - 3) end--;
    pieces.push(encoded.slice(i, end));
    i = end;
  }
  return pieces
    .map((piece, n) => `${key}*${n}*=${n === 0 ? "UTF-8''" : ''}${piece}`)
    .join(`;${CRLF} `);
}

function textPart(text: string): Leaf {
  const crlf = text.replace(/\r?\n/g, CRLF);
  return isPrintableAscii(text.replace(/\r?\n/g, ''))
    ? { type: 'text/plain', params: { charset: 'utf-8' }, encoding: '7bit', body: crlf }
    : {
        type: 'text/plain',
        params: { charset: 'utf-8' },
        encoding: 'quoted-printable',
        body: quotedPrintable(text),
      };
}

function htmlPart(html: string): Leaf {
  return {
    type: 'text/html',
    params: { charset: 'utf-8' },
    encoding: 'quoted-printable',
    body: quotedPrintable(`<!DOCTYPE html><html><body>${html}</body></html>`),
  };
}

function alternative(text: string, html: string): Multi {
  return { type: 'multipart/alternative', parts: [textPart(text), htmlPart(html)] };
}

function attachment(
  type: string,
  filename: string,
  bytes: Uint8Array,
  params: Record<string, string> = {}
): Leaf {
  return {
    type,
    params: { ...params, name: filename },
    disposition: 'attachment',
    filename,
    encoding: 'base64',
    body: base64Lines(bytes),
  };
}

// ---------------------------------------------------------------------------------------------
// Encodings

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date-time in UTC, e.g. `Wed, 14 Dec 2016 10:30:00 +0000`. */
export function rfc5322Date(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
  );
}

function icsStamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** RFC 2047: UTF-8 base64 encoded words of at most 75 characters, folded between words. */
export function encodeWords(text: string): string {
  if (isPrintableAscii(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (utf8Encode(chunk + ch).length > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map(w => `=?UTF-8?B?${base64Encode(utf8Encode(w))}?=`).join(`${CRLF} `);
}

function mailboxText(mailbox: Mailbox): string {
  return typeof mailbox === 'string' ? mailbox : `${mailbox.name} <${mailbox.address}>`;
}

function formatMailbox(mailbox: Mailbox): string {
  let name: string;
  let address: string;
  if (typeof mailbox === 'string') {
    const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(mailbox);
    if (!match) return mailbox.trim();
    [, name, address] = match;
  } else {
    ({ name, address } = mailbox);
  }
  if (!name) return address;
  if (!isPrintableAscii(name)) return `${encodeWords(name).replace(/\r\n /g, ' ')} <${address}>`;
  return `${/[(),.:;<>@[\\\]"]/.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}"` : name} <${address}>`;
}

function addressHeader(name: string, mailboxes: Mailbox[]): string {
  const parts = mailboxes.map(formatMailbox);
  const single = `${name}: ${parts.join(', ')}`;
  return single.length <= 76 ? single : `${name}: ${parts.join(`,${CRLF} `)}`;
}

function list(value: Mailbox | Mailbox[]): Mailbox[] {
  return Array.isArray(value) ? value : [value];
}

function angle(id: string): string {
  return id.startsWith('<') ? id : `<${id}>`;
}

/** Folds an unstructured header at spaces to keep lines near 76 characters. */
function fold(line: string): string {
  if (line.length <= 76 || line.includes(CRLF)) return line;
  const words = line.split(' ');
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && current.length + 1 + word.length > 76) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

/** Quoted-printable (RFC 2045) of UTF-8 text, CRLF line breaks, soft breaks before 76. */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const bytes = utf8Encode(line);
    let encoded = '';
    let width = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      const last = i === bytes.length - 1;
      const literal = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
      const token = literal
        ? String.fromCharCode(b)
        : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
      if (width + token.length > 75) {
        encoded += `=${CRLF}`;
        width = 0;
      }
      encoded += token;
      width += token.length;
    }
    out.push(encoded);
  }
  return out.join(CRLF) + CRLF;
}

/** Base64 in lines of 76 characters, CRLF after each. */
export function base64Lines(bytes: Uint8Array): string {
  const text = base64Encode(bytes);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return lines.join(CRLF) + CRLF;
}

function boundaryFor(options: MessageOptions, depth: number): string {
  return `----=_Part_${depth}_${hash(`${options.subject}|${options.date}|${depth}`)}`;
}

/** FNV-1a, for deterministic ids and boundaries. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function pseudoRandomBytes(length: number, seed: string, prefix: number[] = []): Uint8Array {
  const out = new Uint8Array(length);
  let x = parseInt(hash(seed), 16) || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = i < prefix.length ? prefix[i] : x & 0xff;
  }
  return out;
}

function pdfText(): string {
  return [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj',
    '4 0 obj << /Length 44 >> stream',
    'BT /F1 12 Tf 72 770 Td (Retention schedule) Tj ET',
    'endstream endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
}

/** Starts like a ZIP (as .docx files do); the rest is filler. */
function docxLikeBytes(): Uint8Array {
  return pseudoRandomBytes(1500, 'docx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
}
