// The records team's review, destruction and legal hold actions. Each reads the event, runs one
// use case and answers with the next card; every one is for members of the records team only.
import { confirmDestruction } from '../app/disposal';
import { requireWorkplace } from '../app/deployment';
import type { Workplace } from '../app/deployment';
import { UserFacingError } from '../app/errors';
import { isHeld, liftHold, placeHold, readActiveHolds, readHolds } from '../app/holds';
import type { HoldForm } from '../app/holds';
import { requireTeamMember } from '../app/records-team';
import {
  awaitingApproval,
  checkRecordIds,
  decide,
  loadRecords,
  reviewSummary,
  summarise,
  tickedRecordIds,
} from '../app/review';
import type { DecisionReport } from '../app/review';
import { update } from '../cards/common';
import { HOLD_FIELD, holdsCard } from '../cards/holds-card';
import {
  chooseRecordsCard,
  CLOSURE_FIELD,
  REVIEW_FIELD,
  reviewCard,
  sensitivityCard,
} from '../cards/review-card';
import type { ChosenRecord, ReviewCardInput } from '../cards/review-card';
import type { RegisterEntry } from '../domain/declaration';
import {
  splitDescriptors,
  suggestClosure,
  suggestExemptions,
  validateClosure,
} from '../domain/foi';
import type { ClosureForm } from '../domain/foi';
import { readDate } from '../domain/review';
import { formDate, formString, parameter } from './event';
import type { AddonEvent } from './event';
import { respond } from './respond';

type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;
type Card = GoogleAppsScript.Card_Service.Card;

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value).trim();

/** Opens a card on top of the current one (the sidebar's back arrow returns). */
function push(card: Card, notification?: string): ActionResponse {
  const response = CardService.newActionResponseBuilder().setNavigation(
    CardService.newNavigation().pushCard(card)
  );
  if (notification) response.setNotification(CardService.newNotification().setText(notification));
  return response.build();
}

/** The workplace, for members of the records team only. */
function teamWorkplace(): Workplace {
  const w = requireWorkplace();
  requireTeamMember(w);
  return w;
}

function idsParameter(e: AddonEvent): string[] {
  return parameter(e, 'recordIds').split(',').filter(Boolean);
}

function chosen(w: Workplace, recordIds: string[]): Pick<ReviewCardInput, 'records' | 'notFound'> {
  const loaded = loadRecords(w, recordIds);
  return {
    records: loaded.rows.map(r => ({ entry: r.entry, held: isHeld(r.entry, loaded.holds) })),
    notFound: loaded.notFound,
  };
}

/**
 * The decision card: for the ticked rows of the Review queue tab (`source=queue`), the IDs typed
 * on the home card (`source=ids`), the records awaiting a second approval (`source=proposed`),
 * or the `recordIds` parameter. With none of these, the card to choose records.
 */
export function onOpenReview(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    const source = parameter(e, 'source');
    let ids: string[];
    if (source === 'queue') {
      ids = tickedRecordIds(w);
      if (!ids.length) {
        return push(
          chooseRecordsCard(
            {},
            'No rows are ticked in the Review queue tab. Tick the Select box of the rows to decide on, or type record IDs below.'
          )
        );
      }
    } else if (source === 'ids') {
      const typed = formString(e, REVIEW_FIELD.recordIds);
      if (!typed.trim()) {
        return push(chooseRecordsCard(reviewSummary(w), 'Type one or more record IDs first.'));
      }
      // Anything that is not a record ID is named, and nothing is opened.
      ids = checkRecordIds([typed]);
    } else if (source === 'proposed') {
      const awaiting = awaitingApproval(w);
      if (!awaiting.total) {
        return push(
          chooseRecordsCard(
            { awaitingApproval: 0 },
            'No destruction is awaiting a second approval.'
          )
        );
      }
      const holds = readActiveHolds(w.register);
      const card = reviewCard({
        records: awaiting.rows.map(r => ({ entry: r.entry, held: isHeld(r.entry, holds) })),
        notFound: [],
      });
      return push(
        card,
        awaiting.total > awaiting.rows.length
          ? `Showing ${awaiting.rows.length} of ${awaiting.total} awaiting approval`
          : undefined
      );
    } else {
      ids = idsParameter(e);
      if (!ids.length) return push(chooseRecordsCard(reviewSummary(w)));
    }
    const view = chosen(w, ids);
    if (!view.records.length) {
      throw new UserFacingError(
        `${view.notFound.length > 1 ? 'None of these records is' : 'This record is not'} in the register: ${view.notFound.join(', ')}. Check the IDs: a row deleted from the register by hand cannot be decided on. Nothing was changed.`,
        'Not in the register'
      );
    }
    return push(reviewCard(view));
  });
}

function afterDecision(report: DecisionReport): ActionResponse {
  const records: ChosenRecord[] = report.results
    .filter(r => r.entry)
    .map(r => ({ entry: r.entry as RegisterEntry, held: !!r.held }));
  const card = reviewCard({
    records,
    notFound: report.results.filter(r => r.status === 'not found').map(r => r.recordId),
    results: report.results,
  });
  return update(card, summarise(report.results));
}

/** Retain, select for transfer or propose destruction, for the records on the card. */
export function onRecordDecision(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    const ids = idsParameter(e);
    const kind = parameter(e, 'decision');
    const form = {
      years: formString(e, REVIEW_FIELD.years),
      retainReason: formString(e, REVIEW_FIELD.retainReason),
      transferReason: formString(e, REVIEW_FIELD.transferReason),
      destroyReason: formString(e, REVIEW_FIELD.destroyReason),
    };
    const reason =
      kind === 'retain'
        ? form.retainReason
        : kind === 'transfer'
          ? form.transferReason
          : form.destroyReason;
    const report = decide(w, ids, { kind, years: form.years, reason }, new Date());
    if (report.errors.length) {
      return update(
        reviewCard({ ...chosen(w, ids), errors: report.errors, form }),
        'Check the form: nothing was changed'
      );
    }
    return afterDecision(report);
  });
}

function descriptorsOf(records: ChosenRecord[]): string[] {
  return [...new Set(records.flatMap(r => splitDescriptors(text(r.entry.descriptors))))];
}

/** A closure already recorded for the record, for reviewing it again. */
function recordedClosure(entry: RegisterEntry): ClosureForm | null {
  const status = text(entry.closureStatus);
  if (status !== 'Open' && status !== 'Closed') return null;
  const yes = (v: unknown) => text(v).toLowerCase() === 'yes';
  return {
    status,
    period: text(entry.closurePeriod),
    codes: text(entry.foiExemptions),
    startDate: readDate(entry.closureStartDate),
    titleClosed: yes(entry.titleClosed),
    alternateTitle: text(entry.alternateTitle),
    descriptionClosed: yes(entry.descriptionClosed),
    alternateDescription: text(entry.alternateDescription),
  };
}

/** The sensitivity review form, pre-filled from the records' descriptors (or an earlier review). */
export function onOpenSensitivityReview(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    const view = chosen(w, idsParameter(e));
    if (!view.records.length) {
      throw new UserFacingError(
        `Not in the register: ${view.notFound.join(', ')}. Nothing was changed.`,
        'Not in the register'
      );
    }
    const descriptors = descriptorsOf(view.records);
    const single = view.records.length === 1 ? view.records[0].entry : null;
    const recordDate = single ? readDate(single.recordDate) : null;
    const form = (single && recordedClosure(single)) ?? suggestClosure(descriptors, recordDate);
    return push(
      sensitivityCard({
        records: view.records,
        form,
        descriptors,
        suggested: suggestExemptions(descriptors),
      })
    );
  });
}

function readClosureForm(e: AddonEvent): ClosureForm {
  return {
    status: formString(e, CLOSURE_FIELD.status),
    period: formString(e, CLOSURE_FIELD.period),
    codes: formString(e, CLOSURE_FIELD.codes),
    startDate: formDate(e, CLOSURE_FIELD.startDate),
    titleClosed: formString(e, CLOSURE_FIELD.titleClosed) === 'yes',
    alternateTitle: formString(e, CLOSURE_FIELD.alternateTitle),
    descriptionClosed: formString(e, CLOSURE_FIELD.descriptionClosed) === 'yes',
    alternateDescription: formString(e, CLOSURE_FIELD.alternateDescription),
  };
}

/** Validates the sensitivity review and records it on every record on the form. */
export function onSaveSensitivityReview(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    const ids = idsParameter(e);
    const form = readClosureForm(e);
    const { closure, errors } = validateClosure(form, { startDateOptional: ids.length > 1 });
    if (!closure) {
      const view = chosen(w, ids);
      const descriptors = descriptorsOf(view.records);
      return update(
        sensitivityCard({
          records: view.records,
          form,
          descriptors,
          suggested: suggestExemptions(descriptors),
          errors,
        }),
        'Check the form: nothing was saved'
      );
    }
    return afterDecision(decide(w, ids, { kind: 'sensitivity', closure }, new Date()));
  });
}

/** The second member confirms: files to the bin, register row Destroyed, certificate written. */
export function onConfirmDestruction(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    return afterDecision(confirmDestruction(w, idsParameter(e), new Date()));
  });
}

const EMPTY_HOLD: HoldForm = { scope: 'Record', targets: '', reason: '', authority: '' };

function activeHolds(w: Workplace) {
  return readHolds(w.register).filter(h => h.active);
}

/** The legal holds card; the chosen records, if any, are filled in for a new hold. */
export function onOpenHolds(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    const ids = idsParameter(e);
    return push(
      holdsCard({ active: activeHolds(w), form: { ...EMPTY_HOLD, targets: ids.join(', ') } })
    );
  });
}

export function onPlaceHold(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    const form: HoldForm = {
      scope: formString(e, HOLD_FIELD.scope),
      targets: formString(e, HOLD_FIELD.targets),
      reason: formString(e, HOLD_FIELD.reason),
      authority: formString(e, HOLD_FIELD.authority),
    };
    const outcome = placeHold(w, form, new Date());
    if (outcome.errors.length) {
      return update(
        holdsCard({ active: activeHolds(w), form, errors: outcome.errors }),
        'Check the form: nothing was saved'
      );
    }
    const notice = outcome.placed.length
      ? `${outcome.holdId} placed on ${outcome.placed.join(', ')}.${outcome.already.length ? ` Already held under the same terms: ${outcome.already.join(', ')}.` : ''}`
      : `Already on hold under the same terms: ${outcome.already.join(', ')}. Nothing was changed.`;
    return update(
      holdsCard({ active: activeHolds(w), form: EMPTY_HOLD, notice }),
      outcome.placed.length ? `Hold ${outcome.holdId} placed` : 'Already on hold'
    );
  });
}

export function onLiftHold(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    const holdId = parameter(e, 'holdId');
    const reason = formString(e, HOLD_FIELD.liftReason);
    const outcome = liftHold(w, holdId, reason, new Date());
    if (outcome.errors.length) {
      return update(
        holdsCard({
          active: activeHolds(w),
          form: EMPTY_HOLD,
          errors: outcome.errors,
          liftReason: reason,
        }),
        'Hold not lifted'
      );
    }
    const notice = `${holdId} lifted from ${outcome.lifted.join(', ')}.${outcome.stillHeld.length ? ` Still held by another hold: ${outcome.stillHeld.join(', ')}.` : ''}`;
    return update(
      holdsCard({ active: activeHolds(w), form: EMPTY_HOLD, notice }),
      `Hold ${holdId} lifted`
    );
  });
}
