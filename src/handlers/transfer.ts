// The transfer to The National Archives and the Purview file plan export: card actions and the
// hourly trigger that continues a package a card action could not finish. Records team only.
import { openWorkplace, requireWorkplace } from '../app/deployment';
import { messageOf, UserFacingError } from '../app/errors';
import { exportFilePlan } from '../app/file-plan-export';
import { requireTeamMember } from '../app/records-team';
import { CARD_BUDGET_MS, TRIGGER_BUDGET_MS } from '../app/sweep';
import {
  buildTransferPackage,
  markTransferred,
  readPackageState,
  removeContinueTriggers,
} from '../app/transfer';
import type { BuildReport } from '../app/transfer';
import { update } from '../cards/common';
import { filePlanExportCard, markedText, transferCard } from '../cards/transfer-card';
import { parameter } from './event';
import type { AddonEvent } from './event';
import { respond } from './respond';

type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;

/** Opens a card on top of the current one (the sidebar's back arrow returns). */
function push(card: GoogleAppsScript.Card_Service.Card): ActionResponse {
  return CardService.newActionResponseBuilder()
    .setNavigation(CardService.newNavigation().pushCard(card))
    .build();
}

export function onOpenTransfer(_e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    requireTeamMember(w, 'the transfer to The National Archives');
    return push(transferCard(readPackageState()));
  });
}

function buildText(report: BuildReport): string {
  if (report.busy) {
    return 'Another run is working on the package right now. Nothing was done: try again in a few minutes.';
  }
  if (report.finished) {
    return `The package is ready: ${report.state.counts.included} file(s) in it. Check README.txt, then upload it to TDR.`;
  }
  const did = `${report.placed} file(s) placed, ${report.leftOut} record(s) left out in this run`;
  return `${report.started ? 'Package started. ' : ''}${did}. Time ran out before the end of the register: the hourly run continues it, or press Continue now.`;
}

export function onBuildTransferPackage(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const report = buildTransferPackage(w, new Date(), CARD_BUDGET_MS, {
      startNew: parameter(e, 'startNew') === 'yes',
    });
    const notice = buildText(report);
    return update(
      transferCard(report.state, notice),
      report.finished ? 'Package ready' : 'Package saved so far'
    );
  });
}

/** Time-driven, hourly: continues the package; the trigger removes itself once it is ready. */
export function onContinueTransferPackage(_e: unknown): void {
  const w = openWorkplace();
  const state = readPackageState();
  if (!w || !state || state.status === 'ready') {
    removeContinueTriggers();
    return;
  }
  try {
    const report = buildTransferPackage(w, new Date(), TRIGGER_BUDGET_MS);
    console.log(`Transfer package: ${buildText(report)}`);
  } catch (error) {
    console.error(`Transfer package not continued: ${messageOf(error)}`);
    // Someone no longer in the records team: their trigger stops here. Anything else (a busy
    // register, a Drive hiccup) is tried again at the next hour.
    if (error instanceof UserFacingError && error.title === 'Records team only') {
      removeContinueTriggers();
    }
  }
}

export function onMarkTransferred(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const outcome = markTransferred(w, parameter(e, 'packageId'), new Date());
    const text = markedText(outcome);
    return update(
      transferCard(readPackageState(), text),
      `${outcome.marked.length} marked as transferred`
    );
  });
}

export function onExportFilePlan(_e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const result = exportFilePlan(w, new Date());
    return push(filePlanExportCard(result));
  });
}
