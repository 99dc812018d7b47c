// Gmail: the contextual card for the open message, and capturing it.
import { captureNow, flagForCapture, prepareCapture, removeFlag } from '../app/capture';
import type { CaptureForm } from '../app/capture';
import { loadDeployment, openWorkplace } from '../app/deployment';
import { UserFacingError } from '../app/errors';
import { messageCard, update } from '../cards/common';
import { CAPTURE_FIELD, captureOutcomeCard, emailCard } from '../cards/gmail-card';
import { FIELD } from '../cards/record-form';
import { notSetUpCard } from '../cards/setup-card';
import { formString, formStrings, parameter } from './event';
import type { AddonEvent } from './event';
import { cards, respond } from './respond';

type Card = GoogleAppsScript.Card_Service.Card;

/** The open message and the token that lets the add-on read it (V8 event, legacy mirror as fallback). */
function openMessage(e: AddonEvent): { messageId: string; accessToken: string } {
  const gmail = (e as unknown as { gmail?: { messageId?: string; accessToken?: string } }).gmail;
  const legacy = (
    e as unknown as { messageMetadata?: { messageId?: string; accessToken?: string } }
  ).messageMetadata;
  const messageId = gmail?.messageId || legacy?.messageId || parameter(e, 'messageId');
  const accessToken = gmail?.accessToken || legacy?.accessToken || '';
  if (!messageId || !accessToken) {
    throw new UserFacingError('Open an email to capture it.', 'No email open');
  }
  return { messageId, accessToken };
}

export function onGmailHomepage(_e: AddonEvent): Card[] {
  return cards(() => {
    const deployment = loadDeployment();
    if (!deployment.config) return notSetUpCard(deployment);
    return messageCard(
      'Capture emails',
      'Open an email to capture it into the record: it is saved in its series folder (original, PDF and attachments) and added to the register.'
    );
  });
}

export function onGmailMessage(e: AddonEvent): Card[] {
  return cards(() => {
    const deployment = loadDeployment();
    const w = openWorkplace(deployment);
    if (!w) return notSetUpCard(deployment);
    const { messageId, accessToken } = openMessage(e);
    return emailCard({
      preparation: prepareCapture(w, messageId, accessToken, new Date()),
      reference: w.reference,
    });
  });
}

function readCaptureForm(e: AddonEvent, now: Date): CaptureForm {
  return {
    classification: formString(e, FIELD.classification),
    handlingInstructions: formStrings(e, FIELD.handling),
    descriptors: formStrings(e, FIELD.descriptors),
    caveats: formStrings(e, FIELD.caveats),
    series: formString(e, FIELD.series),
    businessUnit: formString(e, FIELD.businessUnit),
    description: formString(e, FIELD.description),
    // An email's date is its own; the form has no date to get wrong.
    recordDate: now,
    lock: false,
    scope: formString(e, CAPTURE_FIELD.scope) === 'thread' ? 'thread' : 'message',
    includeAttachments: formString(e, CAPTURE_FIELD.includeAttachments) === 'yes',
    onBehalfOf: formString(e, CAPTURE_FIELD.onBehalfOf),
  };
}

export function onCaptureEmail(e: AddonEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return respond(() => {
    const w = openWorkplace();
    if (!w)
      throw new UserFacingError(
        'Records Capture is not set up yet: ask your records administrator.',
        'Not set up'
      );
    const { messageId, accessToken } = openMessage(e);
    const now = new Date();
    const form = readCaptureForm(e, now);
    const outcome = captureNow(w, messageId, accessToken, form, now);
    if (outcome.errors.length) {
      const preparation = prepareCapture(w, messageId, accessToken, now);
      return update(
        emailCard({ preparation, reference: w.reference, form, errors: outcome.errors }),
        'Check the form: some details are missing or not allowed'
      );
    }
    const ids = outcome.captured.map(c => c.recordId);
    const toast =
      ids.length === 1
        ? `Captured as ${ids[0]}`
        : ids.length
          ? `Captured ${ids.length} emails`
          : outcome.already.length
            ? 'Already a record'
            : 'Not captured: see why';
    return update(captureOutcomeCard(outcome), toast);
  });
}

export function onFlagEmail(e: AddonEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return respond(() => {
    const w = openWorkplace();
    if (!w)
      throw new UserFacingError(
        'Records Capture is not set up yet: ask your records administrator.',
        'Not set up'
      );
    const { messageId, accessToken } = openMessage(e);
    const now = new Date();
    const form = readCaptureForm(e, now);
    const errors = flagForCapture(w, messageId, accessToken, form, now);
    const preparation = prepareCapture(w, messageId, accessToken, now);
    if (errors.length) {
      return update(
        emailCard({ preparation, reference: w.reference, form, errors }),
        'Check the form before flagging'
      );
    }
    return update(emailCard({ preparation, reference: w.reference }), 'Flagged for capture');
  });
}

export function onRemoveFlag(e: AddonEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return respond(() => {
    const w = openWorkplace();
    if (!w)
      throw new UserFacingError(
        'Records Capture is not set up yet: ask your records administrator.',
        'Not set up'
      );
    const { messageId, accessToken } = openMessage(e);
    removeFlag(messageId, accessToken);
    const preparation = prepareCapture(w, messageId, accessToken, new Date());
    return update(emailCard({ preparation, reference: w.reference }), 'Flag removed');
  });
}
