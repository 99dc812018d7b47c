// The suggestions' buttons: a suggested file opens the declare form pre-filled from its rule; a
// suggested email opens the capture choices pre-filled from its rule, to flag it for capture.
import { flagThread, readFlag } from '../app/capture';
import type { CaptureForm } from '../app/capture';
import { prepareDeclaration } from '../app/declare';
import { requireWorkplace } from '../app/deployment';
import { UserFacingError } from '../app/errors';
import { readPreferences } from '../adapters/properties';
import { selectionParameters } from '../adapters/selection';
import { orderSeries } from '../domain/file-plan';
import { update } from '../cards/common';
import { declareCard } from '../cards/declare-card';
import { suggestedEmailCard } from '../cards/nudge-card';
import { recordsCard } from '../cards/record-card';
import { FIELD } from '../cards/record-form';
import { formString, formStrings, hostParameter, parameter } from './event';
import { sweepCard } from './gmail';
import { homeSections } from './home-extras';
import type { AddonEvent } from './event';
import { respond } from './respond';

type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;
type Card = GoogleAppsScript.Card_Service.Card;

/** Opens a card over the homepage: the back arrow returns to the suggestions. */
function push(card: Card): ActionResponse {
  return CardService.newActionResponseBuilder()
    .setNavigation(CardService.newNavigation().pushCard(card))
    .build();
}

function required(e: AddonEvent, name: string): string {
  const value = parameter(e, name);
  if (!value) {
    throw new UserFacingError(
      'This suggestion has expired. Open the sidebar again to see the current ones.',
      'Suggestion expired'
    );
  }
  return value;
}

/** The declare form for a suggested file, with the rule's series and classification chosen. */
export function onDeclareSuggested(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const host = hostParameter(e);
    const ref = {
      id: required(e, 'fileId'),
      title: parameter(e, 'title'),
      mimeType: parameter(e, 'mimeType'),
    };
    const preparation = prepareDeclaration(w, [ref], new Date(), {
      series: parameter(e, 'series'),
      classification: parameter(e, 'classification'),
    });
    const record = preparation.items[0]?.record;
    if (record) return push(recordsCard([record], host));
    return push(
      declareCard({
        host,
        preparation,
        reference: w.reference,
        itemParameters: selectionParameters,
      })
    );
  });
}

/** The capture choices for a suggested email: the rule's, or those it was flagged with already. */
export function onOpenSuggestedEmail(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const threadId = required(e, 'threadId');
    const preferences = readPreferences();
    const flagged = readFlag(threadId);
    const form: CaptureForm = flagged?.form ?? {
      classification: parameter(e, 'classification') || 'OFFICIAL',
      handlingInstructions: [],
      descriptors: [],
      caveats: [],
      series: parameter(e, 'series') || preferences.recentSeries[0] || '',
      businessUnit: preferences.businessUnit,
      description: '',
      recordDate: null,
      lock: false,
      scope: 'message',
      includeAttachments: true,
      onBehalfOf: '',
    };
    return push(
      suggestedEmailCard({
        messageId: required(e, 'messageId'),
        threadId,
        subject: parameter(e, 'subject'),
        from: parameter(e, 'from'),
        form,
        series: orderSeries({
          series: w.reference.series,
          folderSeries: form.series || null,
          recent: preferences.recentSeries,
        }),
        reference: w.reference,
      })
    );
  });
}

/**
 * Flags the suggested email's thread for the scheduled capture with the choices on the card, as
 * the email's own "Flag for capture" does (label and remembered choices).
 */
export function onFlagSuggestedEmail(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const threadId = required(e, 'threadId');
    const now = new Date();
    const form: CaptureForm = {
      classification: formString(e, FIELD.classification),
      handlingInstructions: formStrings(e, FIELD.handling),
      descriptors: formStrings(e, FIELD.descriptors),
      caveats: formStrings(e, FIELD.caveats),
      series: formString(e, FIELD.series),
      businessUnit: formString(e, FIELD.businessUnit),
      description: '',
      recordDate: null,
      lock: false,
      scope: 'message',
      includeAttachments: true,
      onBehalfOf: '',
    };
    const errors = flagThread(w, threadId, form, now);
    if (errors.length) {
      const preferences = readPreferences();
      return update(
        suggestedEmailCard({
          messageId: parameter(e, 'messageId'),
          threadId,
          subject: parameter(e, 'subject'),
          from: parameter(e, 'from'),
          form,
          series: orderSeries({
            series: w.reference.series,
            folderSeries: form.series || null,
            recent: preferences.recentSeries,
          }),
          reference: w.reference,
          errors,
        }),
        'Check the form before flagging'
      );
    }
    // Back to a rebuilt homepage: the flagged email is no longer a suggestion there.
    const home = sweepCard(undefined, homeSections(w, { host: 'GMAIL', homepage: true }));
    return CardService.newActionResponseBuilder()
      .setNavigation(CardService.newNavigation().popToRoot().updateCard(home))
      .setNotification(
        CardService.newNotification().setText(
          'Flagged for capture: the scheduled capture will save it to the register'
        )
      )
      .build();
  });
}
