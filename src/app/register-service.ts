// The register service: the web app that writes staff declarations to the register with the
// records team's authority (it executes as the account that deployed it, a protection editor of
// every register tab). It establishes who is calling from their OAuth token (Google's tokeninfo),
// never from the request, and writes only what a staff flow would: new register rows declared by
// the caller, later filing and rendition updates to the caller's own rows, series folders, and
// lessons learned recorded by the caller.
// Every request is checked in full before anything is written; writes happen under the script
// lock and are idempotent (an item already in the register is reported, never added again).
import { withScriptLock } from '../adapters/lock';
import { reservedUpTo, saveConfig } from '../adapters/properties';
import type { RegisterConfig } from '../adapters/properties';
import type { RecordSummary } from '../adapters/register';
import {
  checkRegisterService,
  lookUpToken,
  projectClientId,
  SERVICE_URL,
} from '../adapters/register-service';
import type { RegisterEntry } from '../domain/declaration';
import { parseRecordId } from '../domain/record-id';
import {
  checkAudit,
  checkDeclaredEntry,
  checkUpdate,
  DECLARE_ACTIONS,
  isDate,
  parseRequest,
  SERVICE_NAME,
  SERVICE_VERSION,
  UPDATE_ACTIONS,
} from '../domain/register-request';
import type {
  DeclareRequest,
  LessonRequest,
  SeriesFolderRequest,
  ServiceResponse,
  UpdateRequest,
  WireRecord,
} from '../domain/register-request';
import { isAdministrator, loadDeployment, openWorkplace } from './deployment';
import type { Workplace } from './deployment';
import { messageOf, UserFacingError } from './errors';
import { createSeriesFolder } from './register-writer';
import { readLessonRequest, validateLesson } from '../domain/lesson';
import { commitLesson } from './lessons';

const NOTHING_SAVED = 'Nothing was saved.';
/** Tokens with less time left than this are treated as expired (the call itself takes time). */
const MIN_SECONDS_LEFT = 30;

class Refusal extends Error {}

/** What the service's doGet answers: enough to check an address is this service, and whose. */
export function serviceHealth(): { ok: true; service: string; version: number; deployer: string } {
  return {
    ok: true,
    service: SERVICE_NAME,
    version: SERVICE_VERSION,
    deployer: Session.getEffectiveUser().getEmail().toLowerCase(),
  };
}

/**
 * A records administrator saves the register service's address (after checking it answers as
 * this service, and whose authority it runs with), or clears it so everyone writes directly.
 */
export function configureRegisterService(w: Workplace, url: string, now: Date): RegisterConfig {
  if (!isAdministrator(w)) {
    throw new UserFacingError(
      `Only the records administrators (${w.administrators.join(', ')}) can set the register service.`,
      'Not a records administrator'
    );
  }
  const address = url.trim();
  const config: RegisterConfig = { ...w.config };
  if (!address) {
    delete config.registerService;
  } else {
    if (!SERVICE_URL.test(address)) {
      throw new UserFacingError(
        'That is not a web app address. Paste the Web app URL from Deploy → Manage deployments, e.g. https://script.google.com/macros/s/…/exec. The register service was not saved.',
        'Not a web app URL'
      );
    }
    const health = checkRegisterService(address);
    config.registerService = {
      url: address,
      deployer: health.deployer,
      savedBy: w.user,
      savedAt: now.toISOString(),
    };
  }
  saveConfig(config);
  w.config = config;
  return config;
}

/** Answers one request (the body of a POST) with the service's JSON answer. */
export function serveRegisterRequest(body: string, now: Date): ServiceResponse {
  try {
    const parsed = parseRequest(body);
    if ('error' in parsed) throw new Refusal(parsed.error);
    const request = parsed.request;
    const caller = identify(request.token);
    const w = openWorkplace(loadDeployment());
    if (!w) throw new Refusal('Records Capture is not set up yet: there is no register.');
    if (domainOf(caller) !== w.domain) {
      throw new Refusal(`${caller} is not in the department's domain (${w.domain}).`);
    }
    switch (request.operation) {
      case 'declare':
        return declare(w, caller, request, now);
      case 'update':
        return update(w, caller, request, now);
      case 'seriesFolder':
        return seriesFolder(w, request);
      case 'lesson':
        return lesson(w, caller, request, now);
    }
  } catch (error) {
    if (error instanceof Refusal) {
      console.warn(`Register service refused a request: ${error.message}`);
      return { ok: false, error: `${error.message} ${NOTHING_SAVED}` };
    }
    if (error instanceof UserFacingError) return { ok: false, error: error.message };
    console.error(error);
    return {
      ok: false,
      error: `The register service hit an unexpected problem (${messageOf(error).replace(/\.$/, '')}). ${NOTHING_SAVED} Tell the records team.`,
    };
  }
}

/** Who the token belongs to, as Google says; the request's own claims are never used. */
function identify(token: string): string {
  const info = lookUpToken(token);
  if ('refused' in info) {
    throw new Refusal(
      `Google does not recognise your sign-in token (${info.refused}): it may have expired. Reload the page and try again.`
    );
  }
  if (info.secondsLeft < MIN_SECONDS_LEFT) {
    throw new Refusal('Your sign-in token has expired. Reload the page and try again.');
  }
  if (!info.email || !info.emailVerified) {
    throw new Refusal('Your sign-in token does not say who you are (no verified email address).');
  }
  const client = projectClientId();
  if (client && info.audience !== client) {
    throw new Refusal(
      'Your sign-in token was issued to another application, not to Records Capture.'
    );
  }
  return info.email;
}

function declare(
  w: Workplace,
  caller: string,
  request: DeclareRequest,
  now: Date
): ServiceResponse {
  const problems: string[] = [];
  const checked = request.entries.map(({ entry, audit }) => {
    const result = checkDeclaredEntry(entry, { caller, reference: w.reference, now });
    problems.push(...result.problems, ...checkAudit(audit, DECLARE_ACTIONS));
    return { entry: result.entry, audit };
  });
  const ids = checked.map(c => String(c.entry.recordId ?? ''));
  if (new Set(ids).size !== ids.length) problems.push('The same Record ID is used twice.');
  const reserved = new Map<number, number>();
  for (const id of ids) {
    const parsed = parseRecordId(id);
    if (!parsed) continue;
    if (!reserved.has(parsed.year)) reserved.set(parsed.year, reservedUpTo(parsed.year));
    if (parsed.sequence > reserved.get(parsed.year)!) {
      problems.push(`${id} was never reserved: record ids come from the add-on.`);
    }
  }
  if (problems.length) throw new Refusal(refusal(problems));

  return withScriptLock(() => {
    w.register.forgetPositions();
    const keyOf = (entry: RegisterEntry) =>
      entry.recordType === 'Email' ? String(entry.messageId) : String(entry.fileId);
    const emails = checked.filter(c => c.entry.recordType === 'Email').map(c => keyOf(c.entry));
    const files = checked.filter(c => c.entry.recordType !== 'Email').map(c => keyOf(c.entry));
    const known = new Map<string, RecordSummary>([
      ...w.register.findByMessageKeys(emails),
      ...w.register.findByFileIds(files),
    ]);
    const fresh = checked.filter(c => !known.has(keyOf(c.entry)));
    // A record id already on another row means the request did not come from the add-on.
    const used = w.register.findEntries(
      'register',
      'recordId',
      fresh.map(c => String(c.entry.recordId))
    );
    if (used.size) {
      throw new Refusal(
        refusal([...used.keys()].map(id => `${id} is already another record's id.`))
      );
    }
    const audits = fresh.map(c => ({
      at: now,
      actor: caller,
      action: c.audit.action,
      recordId: c.entry.recordId,
      fileId: c.entry.fileId ?? '',
      details: c.audit.details,
    }));
    const appended = fresh.length
      ? w.register.append(
          fresh.map(c => c.entry),
          audits
        )
      : { firstRow: 0, truncatedFields: [] };
    let row = appended.firstRow;
    const results = checked.map(c => {
      const existing = known.get(keyOf(c.entry));
      return existing
        ? { key: keyOf(c.entry), status: 'existing' as const, record: toWireRecord(existing) }
        : {
            key: keyOf(c.entry),
            status: 'added' as const,
            record: toWireRecord(summaryOf(row++, c.entry)),
          };
    });
    return {
      ok: true as const,
      operation: 'declare' as const,
      results,
      truncatedFields: [...new Set(appended.truncatedFields)],
    };
  });
}

function update(w: Workplace, caller: string, request: UpdateRequest, now: Date): ServiceResponse {
  const auditProblems = request.changes.flatMap(c => checkAudit(c.audit, UPDATE_ACTIONS));
  if (auditProblems.length) throw new Refusal(refusal(auditProblems));
  return withScriptLock(() => {
    w.register.forgetPositions();
    const rows = w.register.findEntries(
      'register',
      'recordId',
      request.changes.map(c => c.recordId)
    );
    const problems: string[] = [];
    const changes = request.changes.flatMap(c => {
      const row = rows.get(c.recordId);
      if (!row || String(row.entry.fileId ?? '') !== c.fileId) {
        problems.push(`${c.recordId}: there is no such record for file ${c.fileId}.`);
        return [];
      }
      const checked = checkUpdate(c.values, row.entry, { caller, now });
      problems.push(...checked.problems);
      return [{ row, values: checked.values, change: c }];
    });
    if (problems.length) throw new Refusal(refusal(problems));
    w.register.updateEntries(
      'register',
      changes.map(c => ({ row: c.row, values: c.values })),
      changes.map(c => ({
        at: now,
        actor: caller,
        action: c.change.audit.action,
        recordId: c.change.recordId,
        fileId: c.change.fileId,
        details: c.change.audit.details,
      }))
    );
    return {
      ok: true as const,
      operation: 'update' as const,
      updated: changes.map(c => c.change.recordId),
    };
  });
}

function seriesFolder(w: Workplace, request: SeriesFolderRequest): ServiceResponse {
  const series = w.reference.series.find(s => s.code === request.series);
  if (!series || !series.active) {
    throw new Refusal(`Series "${request.series}" is not in the file plan (or is closed).`);
  }
  const folderId = series.folderId || createSeriesFolder(w, series);
  return { ok: true, operation: 'seriesFolder', folderId };
}

/** A lesson learned, recorded as the caller after the same checks the sidebar makes. */
function lesson(w: Workplace, caller: string, request: LessonRequest, now: Date): ServiceResponse {
  const read = readLessonRequest(request.lesson);
  const checked = validateLesson(read.form, w.reference);
  const problems = [...read.problems, ...checked.errors.map(e => e.message)];
  if (problems.length || !checked.valid) throw new Refusal(refusal(problems));
  const result = commitLesson(w, caller, checked.valid, read.fileId, now);
  return { ok: true, operation: 'lesson', ...result };
}

function refusal(problems: string[]): string {
  const shown = [...new Set(problems)];
  return `The register service refused this: ${shown.slice(0, 8).join(' ')}${shown.length > 8 ? ` (and ${shown.length - 8} more)` : ''}`;
}

function summaryOf(row: number, entry: RegisterEntry): RecordSummary {
  const text = (key: string) => String(entry[key] ?? '');
  return {
    row,
    recordId: text('recordId'),
    fileId: text('fileId'),
    title: text('title'),
    classification: text('classification'),
    marking: text('marking'),
    series: text('series'),
    declaredBy: text('declaredBy'),
    declaredAt: isDate(entry.declaredAt) ? entry.declaredAt : text('declaredAt'),
    filing: text('filing'),
    folderId: text('folderId'),
    checksum: text('checksum'),
    savedFiles: text('savedFiles'),
  };
}

function toWireRecord(record: RecordSummary): WireRecord {
  return {
    ...record,
    declaredAt: isDate(record.declaredAt)
      ? record.declaredAt.toISOString()
      : String(record.declaredAt),
  };
}

function domainOf(email: string): string {
  return email.split('@')[1]?.toLowerCase() ?? '';
}
