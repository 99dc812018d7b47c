// Declaring Docs, Sheets and Drive files records: preparing the form, then marking, filing and
// registering the items in one action. The register is written once per action, after the items
// are marked and filed, so a failed write leaves nothing half-registered and declaring again is
// safe: marking and filing are idempotent, and items already in the register are never added twice.
import {
  addEditor,
  canEdit,
  createShortcut,
  getItems,
  lockItem,
  updateItem,
} from '../adapters/drive';
import type { DriveItem } from '../adapters/drive';
import { OpenDocument } from '../adapters/docs';
import { readPreferences, savePreferences } from '../adapters/properties';
import type { UserPreferences } from '../adapters/properties';
import type { RecordSummary } from '../adapters/register';
import { formatMarking, isRefusedClassification, scanForMarkings } from '../domain/classification';
import type { Marking, MarkingScan } from '../domain/classification';
import {
  buildRegisterEntry,
  checkItem,
  markedName,
  stripMarkingPrefix,
  validateDeclaration,
} from '../domain/declaration';
import type {
  DeclarationForm,
  FieldError,
  ItemFacts,
  ValidDeclaration,
} from '../domain/declaration';
import { orderSeries, rememberSeries } from '../domain/file-plan';
import type { Series } from '../domain/file-plan';
import type { Workplace } from './deployment';
import { messageOf, UserFacingError } from './errors';
import { registerWriter } from './register-writer';

export const DOCUMENT_MIME = 'application/vnd.google-apps.document';

/** An item as the host names it (id, title and type from the event or the card's parameters). */
export interface ItemRef {
  id: string;
  title: string;
  mimeType: string;
  /** Known once the item is read: its folders and last change (for the sidebar's suggestions). */
  parents?: string[];
  modifiedAt?: Date | null;
}

/** What a suggestion rule proposes; a marking found in the item still wins over its classification. */
export interface SuggestedChoices {
  series?: string;
  classification?: string;
}

export interface PreparedItem {
  ref: ItemRef;
  /** Its register entry, when it is already a record. */
  record: RecordSummary | null;
  blocked: string | null;
  warnings: string[];
}

export interface Preparation {
  items: PreparedItem[];
  /** The series whose folder holds the items, if any (not a guess from the user's habits). */
  folderSeries: string | null;
  /** The form as it opens: a typical declaration needs no change. */
  defaults: DeclarationForm;
  series: Series[];
}

/** Reads what the form needs: which items are records already, markings, folders, the user's habits. */
export function prepareDeclaration(
  w: Workplace,
  refs: ItemRef[],
  now: Date,
  suggested: SuggestedChoices = {}
): Preparation {
  const records = w.register.findByFileIds(refs.map(r => r.id));
  const preferences = readPreferences();
  const folderSeries = new Map(
    w.reference.series.filter(s => s.folderId).map(s => [s.folderId, s.code])
  );
  const items: PreparedItem[] = [];
  let found: Marking | null = null;
  let suggestedSeries: string | null = null;
  let recordDate: Date | null = null;
  const fetched = getItems(
    refs.filter(r => !records.has(r.id)).map(r => r.id),
    w.domain
  );
  for (const ref of refs) {
    const record = records.get(ref.id) ?? null;
    if (record) {
      items.push({ ref, record, blocked: null, warnings: [] });
      continue;
    }
    try {
      const item = fetched.get(ref.id);
      if (!item) continue;
      if (item instanceof Error) throw item;
      // Only a single document is opened here: opening is slow, and a selection of many is
      // checked for markings when it is declared.
      const texts =
        refs.length === 1 && item.mimeType === DOCUMENT_MIME
          ? OpenDocument.open(item.id).markingTexts()
          : [];
      const scan = scanForMarkings([item.name, item.description, ...texts]);
      const check = checkItem(facts(item, scan), scan.found);
      if (scan.refused) console.warn(`Refused ${scan.refused} item ${item.id}`);
      items.push({
        ref: { ...ref, title: item.name, parents: item.parents, modifiedAt: item.modifiedAt },
        record: null,
        blocked: check.blocked,
        warnings: check.warnings,
      });
      if (scan.found && (!found || scan.found.classification === 'OFFICIAL-SENSITIVE'))
        found = scan.found;
      suggestedSeries ??= item.parents.map(p => folderSeries.get(p)).find(Boolean) ?? null;
      recordDate ??= item.modifiedAt;
    } catch (error) {
      items.push({ ref, record: null, blocked: messageOf(error), warnings: [] });
    }
  }
  const series = orderSeries({
    series: w.reference.series,
    folderSeries: suggested.series || suggestedSeries,
    recent: preferences.recentSeries,
  });
  return {
    items,
    folderSeries: suggestedSeries,
    series,
    defaults: {
      classification: found?.classification ?? (suggested.classification || 'OFFICIAL'),
      handlingInstructions: found?.handlingInstructions ?? [],
      descriptors: found?.descriptors ?? [],
      caveats: found?.caveats ?? [],
      series: suggested.series || (suggestedSeries ?? preferences.recentSeries[0] ?? ''),
      businessUnit: preferences.businessUnit,
      description: '',
      recordDate: recordDate ?? now,
      lock: false,
    },
  };
}

export interface DeclaredItem {
  ref: ItemRef;
  recordId: string;
  filing: string;
}

export interface DeclareOutcome {
  errors: FieldError[];
  declared: DeclaredItem[];
  already: { ref: ItemRef; record: RecordSummary }[];
  refused: { ref: ItemRef; reason: string }[];
  warnings: string[];
}

/** Card actions have 30 seconds; marking and filing stop in time to leave room for the register write. */
export const FILING_TIME_BUDGET_MS = 20_000;

export function declareItems(
  w: Workplace,
  refs: ItemRef[],
  form: DeclarationForm,
  now: Date
): DeclareOutcome {
  const outcome: DeclareOutcome = {
    errors: [],
    declared: [],
    already: [],
    refused: [],
    warnings: [],
  };
  const { errors, valid } = validateDeclaration(form, w.reference, now);
  if (isRefusedClassification(form.classification)) {
    console.warn(
      `Refused ${form.classification} classification for ${refs.map(r => r.id).join(', ')}`
    );
  }
  if (!valid) {
    outcome.errors = errors;
    return outcome;
  }
  const known = w.register.findByFileIds(refs.map(r => r.id));
  const pending = refs.filter(ref => {
    const record = known.get(ref.id);
    if (record) outcome.already.push({ ref, record });
    return !record;
  });
  if (!pending.length) return outcome;
  // Checked before any item is touched, so a user who cannot write to the register changes nothing.
  // Through the register service, the service writes: staff need only view the register.
  if (!registerWriter(w).viaService && !canEdit(w.config.registerId)) {
    throw new UserFacingError(
      `You can open the register but cannot add to it: your account needs edit access. Ask ${w.administrators.join(', ') || 'the records team'}. Nothing was declared.`,
      'Cannot write to the register'
    );
  }

  const folderId = ensureSeriesFolder(w, valid.series);
  const startedAt = Date.now();
  const staged: StagedItem[] = [];
  const fetched = getItems(
    pending.map(r => r.id),
    w.domain
  );
  for (const ref of pending) {
    const item = fetched.get(ref.id);
    if (!item || item instanceof Error) {
      outcome.refused.push({ ref, reason: item ? item.message : 'This file could not be read.' });
      continue;
    }
    const inTime = Date.now() - startedAt < FILING_TIME_BUDGET_MS;
    const doc = inTime && item.mimeType === DOCUMENT_MIME ? OpenDocument.open(item.id) : null;
    const scan = scanForMarkings([item.name, item.description, ...(doc ? doc.markingTexts() : [])]);
    const itemFacts = facts(item, scan);
    const check = checkItem(itemFacts, valid.marking);
    if (check.blocked) {
      if (scan.refused) console.warn(`Refused ${scan.refused} item ${item.id}`);
      outcome.refused.push({ ref, reason: check.blocked });
      continue;
    }
    outcome.warnings.push(...check.warnings);
    const filed = inTime
      ? markAndFile(w, item, doc, valid, folderId, now)
      : {
          filing: pendingFiling(
            'not marked and filed yet (time ran out); use "Finish filing"',
            valid.lock
          ),
          lockedAt: null,
        };
    staged.push({
      ref: { ...ref, title: item.name },
      facts: itemFacts,
      filing: filed.filing,
      lockedAt: filed.lockedAt,
      notes: check.notes,
    });
  }
  if (!staged.length) return outcome;

  try {
    registerStaged(w, staged, valid, folderId, now, outcome);
  } catch (error) {
    if (error instanceof UserFacingError && staged.some(s => !s.filing.startsWith('Pending'))) {
      throw new UserFacingError(
        `${error.message} The items were marked and filed already: declaring them again is safe and will not mark them twice.`,
        error.title
      );
    }
    throw error;
  }
  rememberChoices(readPreferences(), valid);
  return outcome;
}

interface StagedItem {
  ref: ItemRef;
  facts: ItemFacts;
  filing: string;
  lockedAt: Date | null;
  notes: string[];
}

/**
 * Writes the register rows and audit rows for marked and filed items: under the script lock, or
 * through the register service. Items someone registered meanwhile are reported, not added.
 */
function registerStaged(
  w: Workplace,
  staged: StagedItem[],
  valid: ValidDeclaration,
  folderId: string,
  now: Date,
  outcome: DeclareOutcome
): void {
  const byId = new Map(staged.map(s => [s.ref.id, s]));
  const written = registerWriter(w).declare(
    staged.map(s => ({
      key: s.ref.id,
      build: (recordId: string) => ({
        entry: buildRegisterEntry({
          recordId,
          item: s.facts,
          declaration: valid,
          declaredBy: w.user,
          declaredAt: now,
          folderId,
          filing: s.filing,
          lockedAt: s.lockedAt,
          notes: s.notes,
        }),
        audit: {
          action: 'Declared',
          details: `${formatMarking(valid.marking)}; series ${valid.series.code}; ${s.filing}${s.lockedAt ? '; locked read-only' : ''}`,
        },
      }),
    })),
    'fileId',
    now
  );
  for (const { key, record } of written.existing) {
    outcome.already.push({ ref: byId.get(key)!.ref, record });
  }
  for (const { key, recordId } of written.added) {
    const s = byId.get(key)!;
    outcome.declared.push({ ref: s.ref, recordId, filing: s.filing });
  }
  if (written.truncatedFields.length) {
    outcome.warnings.push(
      `Some text was too long for one register cell and was cut (${unique(written.truncatedFields).join(', ')}).`
    );
  }
}

/** A filing note that says what is left to do, and whether the user asked for a lock. */
export function pendingFiling(reason: string, lockRequested: boolean): string {
  return `Pending: ${reason}${lockRequested ? LOCK_REQUESTED : ''}`;
}

export const LOCK_REQUESTED = '; lock requested';

/** The item's private property naming its shortcut in the series folder. */
const SHORTCUT_PROPERTY = 'recordsCaptureShortcut';

export function markAndFile(
  w: Workplace,
  item: DriveItem,
  doc: OpenDocument | null,
  d: Pick<ValidDeclaration, 'marking' | 'series' | 'lock'>,
  folderId: string,
  now: Date
): { filing: string; lockedAt: Date | null } {
  const marking = formatMarking(d.marking);
  const steps: string[] = [];
  try {
    if (doc) {
      doc.writeMarking(marking);
      doc.save();
    }
    const name = doc ? item.name : markedName(item.name, d.marking);
    const description = describeRecord(marking, d.series, w.user, now, item.description);
    if (d.marking.classification === 'OFFICIAL') {
      updateItem(item, { name, description, folderId });
      steps.push('Complete');
    } else {
      // Moving an OFFICIAL-SENSITIVE item into the shared series folder would widen who can open
      // it, so it stays where it is and the series folder gets a shortcut to it.
      // Remembered on the item, so declaring again never makes a second shortcut.
      const shortcut =
        item.appProperties[SHORTCUT_PROPERTY] ||
        createShortcut(item.id, stripMarkingPrefix(item.name), folderId);
      updateItem(item, { name, description, appProperties: { [SHORTCUT_PROPERTY]: shortcut } });
      if (w.config.recordsTeamGroup) addEditor(item.id, w.config.recordsTeamGroup);
      steps.push('Complete (kept in place with its own sharing; shortcut in the series folder)');
    }
  } catch (error) {
    return { filing: pendingFiling(messageOf(error), d.lock), lockedAt: null };
  }
  if (!d.lock) return { filing: steps.join('; '), lockedAt: null };
  try {
    lockItem(item.id, `Declared record (${d.series.code}) by ${w.user}`);
    return { filing: steps.join('; '), lockedAt: now };
  } catch (error) {
    return { filing: `${steps.join('; ')}; not locked: ${messageOf(error)}`, lockedAt: null };
  }
}

/**
 * The Drive folder for a series, created on first use under the records root folder (by the
 * register service for staff when there is one: the file plan is the records team's).
 */
export function ensureSeriesFolder(w: Workplace, series: Series): string {
  if (series.folderId) return series.folderId;
  const folderId = registerWriter(w).seriesFolder(series);
  series.folderId = folderId;
  return folderId;
}

function describeRecord(
  marking: string,
  series: Series,
  user: string,
  now: Date,
  previous: string
): string {
  const line = `${marking} | Record, series ${series.code} | Declared ${now.toISOString().slice(0, 10)} by ${user}`;
  const rest = previous
    .split('\n')
    .filter(l => !/\| Record, series [A-Z]{3}-[A-Z]{3}-\d{2} \|/.test(l))
    .join('\n')
    .trim();
  return rest ? `${line}\n\n${rest}` : line;
}

function facts(item: DriveItem, scan: MarkingScan): ItemFacts {
  return {
    fileId: item.id,
    title: item.name,
    mimeType: item.mimeType,
    url: item.url,
    owner: item.owner,
    sharing: item.sharing,
    scan,
    checksum: item.sha256,
  };
}

function rememberChoices(preferences: UserPreferences, d: ValidDeclaration): void {
  const recentSeries = rememberSeries(preferences.recentSeries, d.series.code);
  if (
    preferences.businessUnit === d.businessUnit.code &&
    preferences.recentSeries[0] === d.series.code
  )
    return;
  savePreferences({ businessUnit: d.businessUnit.code, recentSeries });
}

function unique(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}
