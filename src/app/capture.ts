// Capturing emails into the record: the open message (or its whole thread) saved in its series
// folder as the exact original (.eml), a readable PDF and its attachments, registered once for
// the whole department (deduplicated on the Message-ID), or flagged for capture later.
import { sha256OfBytes, sha256OfText } from '../adapters/digest';
import { addEditor, createShortcut } from '../adapters/drive';
import { describe, openCurrentMessage } from '../adapters/gmail';
import { CAPTURED_LABEL, labelIds, labelThread, TO_CAPTURE_LABEL } from '../adapters/gmail-labels';
import type { EmailMessage } from '../adapters/gmail';
import { withScriptLock } from '../adapters/lock';
import { readPreferences, reserveSequence, savePreferences } from '../adapters/properties';
import type { RecordSummary } from '../adapters/register';
import { checkItem } from '../domain/declaration';
import type {
  DeclarationForm,
  FieldError,
  RegisterEntry,
  ValidDeclaration,
} from '../domain/declaration';
import { validateDeclaration } from '../domain/declaration';
import { formatMarking, scanForMarkings } from '../domain/classification';
import type { MarkingScan } from '../domain/classification';
import { dedupeKey, emailFileBase, plainToHtml, renditionHtml } from '../domain/email';
import { functionOf, orderSeries, rememberSeries } from '../domain/file-plan';
import type { BusinessUnit, Series } from '../domain/file-plan';
import { sanitiseEmailHtml } from '../domain/html';
import { formatRecordId } from '../domain/record-id';
import { computeDueDates } from '../domain/retention';
import { ensureSeriesFolder } from './declare';
import type { Workplace } from './deployment';
import { messageOf } from './errors';
import { registerWriter } from './register-writer';
import type { DeclareWrite } from './register-writer';

/** Apps Script cannot make a blob of 50 MB or more (platform-facts §1.5). */
export const MAX_BLOB_BYTES = 50 * 1024 * 1024;
export const CAPTURE_TIME_BUDGET_MS = 20_000;

export interface CaptureForm extends DeclarationForm {
  scope: 'message' | 'thread';
  includeAttachments: boolean;
  onBehalfOf: string;
}

export interface CapturePreparation {
  email: EmailMessage;
  /** Flagged for the scheduled capture (with the choices remembered for it). */
  flagged: boolean;
  record: RecordSummary | null;
  blocked: string | null;
  warnings: string[];
  defaults: CaptureForm;
  series: Series[];
  privateOffices: BusinessUnit[];
}

export function prepareCapture(
  w: Workplace,
  messageId: string,
  accessToken: string,
  now: Date
): CapturePreparation {
  const email = openCurrentMessage(messageId, accessToken);
  const key = keyOf(email);
  const record = w.register.findByMessageKeys([key]).get(key) ?? null;
  const scan = scanOf(email);
  const check = checkItem(
    {
      fileId: email.id,
      title: email.subject,
      mimeType: 'message/rfc822',
      url: '',
      owner: '',
      sharing: { public: false, outsideDomain: [] },
      scan,
      checksum: '',
    },
    scan.found
  );
  if (scan.refused) console.warn(`Refused ${scan.refused} email ${email.id}`);
  const preferences = readPreferences();
  const flag = readFlag(email.threadId);
  return {
    email,
    flagged: !!flag,
    record,
    blocked: check.blocked,
    warnings: check.warnings,
    series: orderSeries({
      series: w.reference.series,
      folderSeries: null,
      recent: preferences.recentSeries,
    }),
    privateOffices: w.reference.businessUnits.filter(u => u.privateOffice),
    defaults: flag
      ? { ...flag.form, recordDate: email.date ?? now }
      : {
          classification: scan.found?.classification ?? 'OFFICIAL',
          handlingInstructions: scan.found?.handlingInstructions ?? [],
          descriptors: scan.found?.descriptors ?? [],
          caveats: scan.found?.caveats ?? [],
          series: preferences.recentSeries[0] ?? '',
          businessUnit: preferences.businessUnit,
          description: '',
          recordDate: email.date ?? now,
          lock: false,
          scope: 'message',
          includeAttachments: true,
          onBehalfOf: '',
        },
  };
}

/** What the user chose when flagging a thread, kept until the thread is captured. */
export interface FlagChoices {
  form: CaptureForm;
  flaggedAt: string;
}

export const FLAG_KEY_PREFIX = 'records-capture.flag.';

export function readFlag(threadId: string): FlagChoices | null {
  const text = PropertiesService.getUserProperties().getProperty(FLAG_KEY_PREFIX + threadId);
  if (!text) return null;
  try {
    const choices = JSON.parse(text) as FlagChoices;
    return { ...choices, form: { ...choices.form, recordDate: null } };
  } catch {
    return null;
  }
}

/** Flags the open message's thread for the scheduled capture, with the choices for it. */
export function flagForCapture(
  w: Workplace,
  messageId: string,
  accessToken: string,
  form: CaptureForm,
  now: Date
): FieldError[] {
  const { errors, valid } = validateDeclaration(form, w.reference, now);
  if (!valid) return errors;
  return flagThread(w, openCurrentMessage(messageId, accessToken).threadId, form, now);
}

/**
 * Flags a thread for the scheduled capture (a Gmail label) and remembers the choices for it (the
 * scheduled capture takes the date from each message). Returns what is wrong with the form, if
 * anything, and then changes nothing.
 */
export function flagThread(
  w: Workplace,
  threadId: string,
  form: CaptureForm,
  now: Date
): FieldError[] {
  const { errors, valid } = validateDeclaration(
    { ...form, recordDate: form.recordDate ?? now },
    w.reference,
    now
  );
  if (!valid) return errors;
  const choices: FlagChoices = {
    form: { ...form, recordDate: null },
    flaggedAt: now.toISOString(),
  };
  PropertiesService.getUserProperties().setProperty(
    FLAG_KEY_PREFIX + threadId,
    JSON.stringify(choices)
  );
  const ids = labelIds([TO_CAPTURE_LABEL]);
  labelThread(threadId, [ids[TO_CAPTURE_LABEL]], []);
  rememberChoices(valid);
  return [];
}

export function removeFlag(messageId: string, accessToken: string): void {
  const email = openCurrentMessage(messageId, accessToken);
  PropertiesService.getUserProperties().deleteProperty(FLAG_KEY_PREFIX + email.threadId);
  const ids = labelIds([TO_CAPTURE_LABEL]);
  labelThread(email.threadId, [], [ids[TO_CAPTURE_LABEL]]);
}

export interface CapturedEmail {
  subject: string;
  recordId: string;
  notes: string[];
}

export interface CaptureOutcome {
  errors: FieldError[];
  captured: CapturedEmail[];
  already: { subject: string; record: RecordSummary }[];
  refused: { subject: string; reason: string }[];
  /** Messages of the thread not reached before the card's time limit (capture again for them). */
  notReached: number;
}

export function captureNow(
  w: Workplace,
  messageId: string,
  accessToken: string,
  form: CaptureForm,
  now: Date
): CaptureOutcome {
  const outcome: CaptureOutcome = {
    errors: [],
    captured: [],
    already: [],
    refused: [],
    notReached: 0,
  };
  const { errors, valid } = validateDeclaration(form, w.reference, now);
  if (form.classification && /SECRET/.test(form.classification))
    console.warn(`Refused ${form.classification} classification for email ${messageId}`);
  if (!valid) {
    outcome.errors = errors;
    return outcome;
  }
  const opened = openCurrentMessage(messageId, accessToken);
  const messages =
    form.scope === 'thread' ? opened.message.getThread().getMessages() : [opened.message];
  const folderId = ensureSeriesFolder(w, valid.series);
  const startedAt = Date.now();
  for (const message of messages) {
    if (Date.now() - startedAt > CAPTURE_TIME_BUDGET_MS) {
      outcome.notReached =
        messages.length - outcome.captured.length - outcome.already.length - outcome.refused.length;
      break;
    }
    const email = message.getId() === opened.id ? opened : describe(message, false);
    captureOne(w, email, valid, form, folderId, now, outcome);
  }
  if (outcome.captured.length) {
    rememberChoices(valid);
    // Captured now: the thread is no longer waiting for the scheduled capture.
    PropertiesService.getUserProperties().deleteProperty(FLAG_KEY_PREFIX + opened.threadId);
    const ids = labelIds([TO_CAPTURE_LABEL, CAPTURED_LABEL]);
    labelThread(opened.threadId, [ids[CAPTURED_LABEL]], [ids[TO_CAPTURE_LABEL]]);
  }
  return outcome;
}

function scanOf(email: EmailMessage): MarkingScan {
  return scanForMarkings([email.subject]);
}

function keyOf(email: EmailMessage, raw?: string): string {
  if (email.messageId.trim()) return dedupeKey(email.messageId, '');
  return dedupeKey('', sha256OfText(raw ?? email.message.getRawContent()));
}

function captureOne(
  w: Workplace,
  email: EmailMessage,
  d: ValidDeclaration,
  form: CaptureForm,
  folderId: string,
  now: Date,
  outcome: CaptureOutcome
): void {
  const subject = email.subject || '(no subject)';
  const scan = scanOf(email);
  if (scan.refused) {
    outcome.refused.push({
      subject,
      reason: `This email is marked ${scan.refused} and cannot be held here. Forward nothing: report it to your security adviser.`,
    });
    return;
  }
  let raw: string;
  try {
    raw = email.message.getRawContent();
  } catch (error) {
    outcome.refused.push({ subject, reason: `The email could not be read (${messageOf(error)}).` });
    return;
  }
  const key = keyOf(email, raw);
  // A short lock: check no one captured it, and reserve the record id the file names carry.
  const reserved = withScriptLock(() => {
    w.register.forgetPositions();
    const existing = w.register.findByMessageKeys([key]).get(key);
    if (existing) return { existing, id: '' };
    return {
      existing: null,
      id: formatRecordId(now.getUTCFullYear(), reserveSequence(now.getUTCFullYear(), 1)),
    };
  });
  if (reserved.existing) {
    outcome.already.push({ subject, record: reserved.existing });
    return;
  }
  const recordId = reserved.id;
  const base = emailFileBase(recordId, email.date, subject);
  // OFFICIAL-SENSITIVE copies must not inherit the shared series folder's access: they are saved
  // in the capturing user's own restricted folder, with shortcuts in the series folder.
  const sensitive = d.marking.classification === 'OFFICIAL-SENSITIVE';
  const folder = captureFolder(sensitive, folderId);
  const saved: SavedFile[] = [];
  const notes: string[] = [];
  const save = (label: string, blob: GoogleAppsScript.Base.Blob) => {
    const file = folder.createFile(blob);
    saved.push({
      label,
      file,
      sha256: sha256OfBytes(blob.getBytes()),
    });
  };
  const marking = formatMarking(d.marking);
  if (/application\/(x-)?pkcs7-mime/i.test(email.message.getHeader('Content-Type'))) {
    notes.push(
      'Encrypted (S/MIME): kept exactly as received; its content can only be read with the recipient’s key, so the PDF shows the headers only'
    );
  }
  const rawBytes = utf8Length(raw);
  if (rawBytes >= MAX_BLOB_BYTES) {
    notes.push(
      `The original (${mb(rawBytes)}) is over Apps Script's 50 MB limit and was not saved: capture it by hand`
    );
  } else {
    save('eml', Utilities.newBlob(raw, 'message/rfc822', `${base}.eml`));
  }
  try {
    save('pdf', rendition(email, marking).setName(`${base}.pdf`));
  } catch (error) {
    notes.push(`No PDF rendition: ${messageOf(error)}`);
  }
  let attachmentCount = 0;
  if (form.includeAttachments) {
    let attachments: GoogleAppsScript.Gmail.GmailAttachment[] = [];
    try {
      attachments = email.message.getAttachments({
        includeInlineImages: false,
        includeAttachments: true,
      });
    } catch (error) {
      notes.push(`Attachments not saved: ${messageOf(error)}`);
    }
    attachmentCount = attachments.length;
    attachments.forEach((attachment, i) => {
      const name = attachment.getName() || `attachment-${i + 1}`;
      if (attachment.getSize() >= MAX_BLOB_BYTES) {
        notes.push(
          `Attachment "${name}" (${mb(attachment.getSize())}) is over the 50 MB limit and was not saved`
        );
        return;
      }
      try {
        save(`attachment ${name}`, attachment.copyBlob().setName(`${base} ${i + 1} ${name}`));
      } catch (error) {
        notes.push(`Attachment "${name}" not saved: ${messageOf(error)}`);
      }
    });
  }
  if (sensitive) fileSensitiveCopies(w, saved, folderId);
  const { entry, audit } = emailRecord({
    recordId,
    key,
    email: {
      subject,
      from: email.from,
      to: email.to,
      cc: email.cc,
      date: email.date,
      inReplyTo: email.inReplyTo,
      threadId: email.threadId,
    },
    attachmentCount,
    d,
    onBehalfOf: form.onBehalfOf,
    folderId,
    saved,
    notes,
    sensitive,
    user: w.user,
    now,
  });
  let written: DeclareWrite;
  try {
    written = registerWriter(w).declare(
      [
        {
          key,
          recordId,
          build: () => ({
            entry,
            audit: { action: String(audit.action), details: String(audit.details) },
          }),
        },
      ],
      'messageId',
      now
    );
  } catch (error) {
    // Not registered: the copies saved for it go too, so nothing is left half-done.
    trashCopies(saved);
    throw error;
  }
  const duplicate = written.existing[0]?.record;
  if (duplicate) {
    // Someone captured the same email meanwhile: their record stands, our copies go.
    trashCopies(saved);
    outcome.already.push({ subject, record: duplicate });
    return;
  }
  outcome.captured.push({ subject, recordId, notes });
}

/** Copies saved for a record that was not registered (best effort: the error matters more). */
export function trashCopies(saved: SavedFile[]): void {
  for (const s of saved) {
    try {
      s.file.setTrashed(true);
    } catch (error) {
      console.warn(`Copy ${s.file.getId()} not moved to the bin: ${messageOf(error)}`);
    }
  }
}

export interface SavedFile {
  label: string;
  file: GoogleAppsScript.Drive.File;
  sha256: string;
}

export interface EmailFields {
  subject: string;
  from: string;
  to: string;
  cc: string;
  date: Date | null;
  inReplyTo: string;
  threadId: string;
}

/** The register row and audit row of a captured email (from the sidebar or the scheduled capture). */
export function emailRecord(r: {
  recordId: string;
  key: string;
  email: EmailFields;
  attachmentCount: number;
  d: ValidDeclaration;
  onBehalfOf: string;
  folderId: string;
  saved: SavedFile[];
  notes: string[];
  pending?: string;
  sensitive: boolean;
  user: string;
  now: Date;
}): { entry: RegisterEntry; audit: RegisterEntry } {
  const { d, email, saved, notes } = r;
  const marking = formatMarking(d.marking);
  const eml = saved.find(s => s.label === 'eml') ?? saved[0];
  const due = computeDueDates(email.date ?? d.recordDate, d.schedule);
  const filing = [
    r.pending
      ? `Pending: ${r.pending}`
      : notes.length
        ? `Complete with gaps: ${notes.join('; ')}`
        : 'Complete',
    r.sensitive ? 'kept in the capturer’s restricted folder; shortcuts in the series folder' : '',
  ];
  const entry: RegisterEntry = {
    recordId: r.recordId,
    fileId: eml ? eml.file.getId() : '',
    url: eml ? eml.file.getUrl() : '',
    title: email.subject,
    originalTitle: email.subject,
    description: d.description,
    recordType: 'Email',
    mimeType: 'message/rfc822',
    functionCode: functionOf(d.series.code),
    series: d.series.code,
    businessUnit: d.businessUnit.code,
    classification: d.marking.classification,
    handling: d.marking.handlingInstructions.join('; '),
    descriptors: d.marking.descriptors.join('; '),
    caveats: d.marking.caveats.join('; '),
    marking,
    declaredBy: r.user,
    declaredAt: r.now,
    recordDate: email.date ?? d.recordDate,
    retentionCode: d.schedule.code,
    disposalAction: d.schedule.action,
    disposalDue: due.disposalDue,
    transferDue: due.transferDue,
    lifecycle: 'Declared',
    filing: filing.filter(Boolean).join('; '),
    folderId: r.folderId,
    locked: 'No',
    checksum: saved.map(s => `${s.label}: ${s.sha256}`).join('; '),
    owner: r.user,
    onBehalfOf: r.onBehalfOf,
    legalHold: 'No',
    messageId: r.key,
    inReplyTo: email.inReplyTo,
    from: email.from,
    to: email.to,
    cc: email.cc,
    sentAt: email.date,
    subject: email.subject,
    threadId: email.threadId,
    attachments: r.attachmentCount,
    savedFiles: saved.map(s => s.file.getUrl()).join('\n'),
    notes: [due.note, ...notes].filter(Boolean).join('. '),
    updatedAt: r.now,
  };
  const audit: RegisterEntry = {
    at: r.now,
    actor: r.user,
    action: 'Email captured',
    recordId: r.recordId,
    fileId: entry.fileId as string,
    details: `${marking}; series ${d.series.code}; ${saved.length} files saved${notes.length ? `; ${notes.length} not saved` : ''}`,
  };
  return { entry, audit };
}

/** Where a captured email's files go: the series folder, or for OFFICIAL-SENSITIVE the user's own. */
export function captureFolder(sensitive: boolean, folderId: string): GoogleAppsScript.Drive.Folder {
  return sensitive ? privateRecordsFolder() : DriveApp.getFolderById(folderId);
}

/** OFFICIAL-SENSITIVE copies get shortcuts in the series folder (and the records team's access). */
export function fileSensitiveCopies(w: Workplace, saved: SavedFile[], folderId: string): void {
  for (const s of saved) {
    createShortcut(s.file.getId(), s.file.getName(), folderId);
    if (w.config.recordsTeamGroup) addEditor(s.file.getId(), w.config.recordsTeamGroup);
  }
}

const PRIVATE_FOLDER_KEY = 'records-capture.sensitive-folder';

/** The user's own folder for OFFICIAL-SENSITIVE email records (shared with no one), made once. */
function privateRecordsFolder(): GoogleAppsScript.Drive.Folder {
  const props = PropertiesService.getUserProperties();
  const id = props.getProperty(PRIVATE_FOLDER_KEY);
  if (id) {
    try {
      const folder = DriveApp.getFolderById(id);
      if (!folder.isTrashed()) return folder;
    } catch {
      // Deleted or lost: make a new one below.
    }
  }
  const folder = DriveApp.createFolder('Records Capture: OFFICIAL-SENSITIVE email records');
  folder.setDescription(
    'Captured OFFICIAL-SENSITIVE emails, kept here with restricted access. Shortcuts in the series folders point to them. Do not share this folder.'
  );
  props.setProperty(PRIVATE_FOLDER_KEY, folder.getId());
  return folder;
}

/** The readable PDF: header block, marking, sanitised body with its inline images. */
function rendition(email: EmailMessage, marking: string): GoogleAppsScript.Base.Blob {
  const message = email.message;
  const html = message.getBody();
  let body: string;
  if (html && /<[a-z][\s\S]*>/i.test(html)) {
    const inline: Record<string, string> = {};
    const images = message.getAttachments({ includeInlineImages: true, includeAttachments: false });
    const cids = [...html.matchAll(/src=["']?cid:([^"'\s>]+)/gi)].map(m => m[1]);
    images.forEach((image, i) => {
      // GmailAttachment has no Content-ID: match the cid by the image's name, else by order.
      const cid =
        cids.find(c => c.startsWith(`${image.getName()}@`) || c === image.getName()) ?? cids[i];
      if (cid)
        inline[cid] =
          `data:${image.getContentType()};base64,${Utilities.base64Encode(image.getBytes())}`;
    });
    body = sanitiseEmailHtml(html, inline).html;
  } else {
    body = plainToHtml(message.getPlainBody());
  }
  const sent = email.date
    ? Utilities.formatDate(email.date, Session.getScriptTimeZone(), 'd MMMM yyyy, HH:mm')
    : '';
  const page = renditionHtml(
    {
      subject: email.subject,
      from: email.from,
      to: email.to,
      cc: email.cc,
      date: email.date,
      messageId: email.messageId,
    },
    marking,
    body,
    sent
  );
  return Utilities.newBlob(page, 'text/html', 'rendition.html').getAs('application/pdf');
}

function rememberChoices(d: ValidDeclaration): void {
  const preferences = readPreferences();
  if (
    preferences.businessUnit === d.businessUnit.code &&
    preferences.recentSeries[0] === d.series.code
  )
    return;
  savePreferences({
    businessUnit: d.businessUnit.code,
    recentSeries: rememberSeries(preferences.recentSeries, d.series.code),
  });
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
