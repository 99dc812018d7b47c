// The leaver sweep: card actions and the hourly trigger that continues a sweep a card action
// could not finish. Records team only.
import { openWorkplace, requireWorkplace } from '../app/deployment';
import type { Workplace } from '../app/deployment';
import { messageOf, UserFacingError } from '../app/errors';
import {
  continueLeaverSweep,
  declareTicked,
  handOverTicked,
  LEAVER_CARD_BUDGET_MS,
  LEAVER_TRIGGER_BUDGET_MS,
  readLeaverSweep,
  removeContinueTriggers,
  startLeaverSweep,
} from '../app/leaver-sweep';
import type { SweepRunReport } from '../app/leaver-sweep';
import { requireTeamMember } from '../app/records-team';
import { readPreferences } from '../adapters/properties';
import { update } from '../cards/common';
import { LEAVER_FIELD, leaverCard, tickedText } from '../cards/leaver-card';
import { TABS } from '../domain/register-schema';
import { formString } from './event';
import type { AddonEvent } from './event';
import { respond } from './respond';

type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;

const WHAT = 'the leaver sweep';

function teamWorkplace(): Workplace {
  const w = requireWorkplace();
  requireTeamMember(w, WHAT);
  return w;
}

function card(w: Workplace, notice?: string) {
  const sheet = w.register.spreadsheet.getSheetByName(TABS.leavers.name);
  const url = w.config.registerUrl.replace(/#.*$/, '');
  return leaverCard({
    state: readLeaverSweep(),
    series: w.reference.series,
    businessUnits: w.reference.businessUnits,
    businessUnit: readPreferences().businessUnit,
    tabUrl: sheet ? `${url}#gid=${sheet.getSheetId()}` : url,
    notice,
  });
}

export function onOpenLeaverSweep(_e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    return CardService.newActionResponseBuilder()
      .setNavigation(CardService.newNavigation().pushCard(card(w)))
      .build();
  });
}

function runText(report: SweepRunReport): string {
  if (report.busy) {
    return 'Another run is listing this sweep right now. Nothing was done: try again in a few minutes.';
  }
  const state = report.state;
  if (!state) return 'No sweep is under way.';
  const listed = `${report.listed} file(s) listed in this run`;
  if (state.complete) {
    return `Sweep finished: ${listed}, ${state.counts.listed} in all. Tick the ones to act on in the "${TABS.leavers.name}" tab.`;
  }
  return `${listed}. Time ran out before the end: the hourly run continues the sweep, or press Continue now. Nothing is listed twice.`;
}

export function onStartLeaverSweep(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    const report = startLeaverSweep(
      w,
      { leaver: formString(e, LEAVER_FIELD.leaver), folders: formString(e, LEAVER_FIELD.folders) },
      new Date(),
      LEAVER_CARD_BUDGET_MS
    );
    return update(card(w, runText(report)), 'Leaver sweep started');
  });
}

export function onContinueLeaverSweepNow(_e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    const report = continueLeaverSweep(w, new Date(), LEAVER_CARD_BUDGET_MS);
    return update(card(w, runText(report)));
  });
}

/** Time-driven, hourly: continues the sweep; the trigger removes itself once it is finished. */
export function onContinueLeaverSweep(_e: unknown): void {
  const w = openWorkplace();
  const state = readLeaverSweep();
  if (!w || !state || (state.complete && state.finishedAt)) {
    removeContinueTriggers();
    return;
  }
  try {
    console.log(
      `Leaver sweep: ${runText(continueLeaverSweep(w, new Date(), LEAVER_TRIGGER_BUDGET_MS))}`
    );
  } catch (error) {
    console.error(`Leaver sweep not continued: ${messageOf(error)}`);
    // Someone no longer in the records team: their trigger stops here; anything else is tried
    // again at the next hour.
    if (error instanceof UserFacingError && error.title === 'Records team only') {
      removeContinueTriggers();
    }
  }
}

export function onDeclareLeaverFiles(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    const outcome = declareTicked(
      w,
      {
        series: formString(e, LEAVER_FIELD.series),
        businessUnit: formString(e, LEAVER_FIELD.businessUnit),
        classification: formString(e, LEAVER_FIELD.classification) || 'OFFICIAL',
      },
      new Date(),
      LEAVER_CARD_BUDGET_MS
    );
    return update(card(w, tickedText(outcome)), `${outcome.declared} declared`);
  });
}

export function onHandOverLeaverFiles(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    const outcome = handOverTicked(
      w,
      formString(e, LEAVER_FIELD.newOwner),
      new Date(),
      LEAVER_CARD_BUDGET_MS
    );
    return update(card(w, tickedText(outcome)), `${outcome.handedOver} handed over`);
  });
}
