// Gmail: the contextual card for the open message, and capturing it.
import { createTrigger, deleteTriggers, ownTriggers } from '../adapters/triggers';
import { captureNow, flagForCapture, prepareCapture, removeFlag } from '../app/capture';
import type { CaptureForm } from '../app/capture';
import { loadDeployment, openWorkplace, requireWorkplace } from '../app/deployment';
import { UserFacingError } from '../app/errors';
import {
  action,
  BRAND,
  button,
  formatDateTime,
  header,
  labelled,
  paragraph,
  resultToast,
  update,
} from '../cards/common';
import { runRenditionPass } from '../app/renditions';
import { CARD_BUDGET_MS, readSweepStatus, runSweep, TRIGGER_BUDGET_MS } from '../app/sweep';
import { CAPTURE_FIELD, captureOutcomeCard, emailCard } from '../cards/gmail-card';
import { FIELD } from '../cards/record-form';
import { notSetUpCard } from '../cards/setup-card';
import { formString, formStrings, parameter } from './event';
import type { AddonEvent } from './event';
import { cards, respond } from './respond';
import { homeSections } from './home-extras';

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
    const w = openWorkplace(deployment);
    return w
      ? sweepCard(undefined, homeSections(w, { host: 'GMAIL', homepage: true }))
      : notSetUpCard(deployment);
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
    const w = requireWorkplace();
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
    const toast = resultToast(
      outcome.captured.map(c => c.recordId),
      'Captured',
      'emails',
      outcome.already.length ? 'Already a record' : 'Not captured: see why'
    );
    return update(captureOutcomeCard(outcome), toast);
  });
}

export function onFlagEmail(e: AddonEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
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
    const w = requireWorkplace();
    const { messageId, accessToken } = openMessage(e);
    removeFlag(messageId, accessToken);
    const preparation = prepareCapture(w, messageId, accessToken, new Date());
    return update(emailCard({ preparation, reference: w.reference }), 'Flag removed');
  });
}

const SWEEP_HANDLER = 'onCaptureSweep';

/** The Gmail homepage: what the scheduled capture has done, and its controls. */
export function sweepCard(
  notice?: string,
  extras: GoogleAppsScript.Card_Service.CardSection[] = []
): Card {
  const status = readSweepStatus();
  const hourly = ownTriggers(SWEEP_HANDLER).length > 0;
  const section = CardService.newCardSection()
    .addWidget(
      paragraph(
        'Open an email to capture it now, or flag it for capture later. Flagged email is captured by the scheduled capture, in batches.'
      )
    )
    .addWidget(
      labelled(
        'Scheduled capture',
        `${status.captured} of ${status.captured + status.remaining + status.failed.length} captured, ${status.failed.length} failed`
      )
    )
    .addWidget(
      labelled('Last run', status.lastRunAt ? formatDateTime(new Date(status.lastRunAt)) : 'Never')
    );
  if (status.failed.length) {
    const last = status.failed.slice(-5).map(f => `${f.subject || f.messageId}: ${f.reason}`);
    section.addWidget(labelled(`Not captured (${status.failed.length})`, last.join('; ')));
  }
  section
    .addWidget(
      CardService.newDecoratedText()
        .setText('Capture flagged email every hour')
        .setWrapText(true)
        .setSwitchControl(
          CardService.newSwitch()
            .setFieldName('hourly')
            .setValue('yes')
            .setSelected(hourly)
            .setOnChangeAction(action('onToggleHourlyCapture'))
        )
    )
    .addWidget(
      CardService.newButtonSet().addButton(
        button('Capture flagged now', action('onCaptureFlaggedNow'), true)
      )
    );
  if (notice) section.addWidget(paragraph(notice));
  const card = CardService.newCardBuilder()
    .setName('sweep')
    .setHeader(header('Capture emails', BRAND))
    .addSection(section);
  for (const extra of extras) card.addSection(extra);
  return card.build();
}

export function onCaptureFlaggedNow(_e: AddonEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const report = runSweep(w, CARD_BUDGET_MS, new Date());
    const text = `${report.captured} captured, ${report.failed} not captured${report.alreadyRecords ? `, ${report.alreadyRecords} already records` : ''}${report.remaining ? `; ${report.remaining} still flagged` : ''}`;
    return update(
      sweepCard(
        report.stoppedForTime
          ? `${text}. Time ran out: press again, or let the hourly capture finish.`
          : text
      ),
      text
    );
  });
}

export function onToggleHourlyCapture(e: AddonEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return respond(() => {
    // Only a set-up deployment has a scheduled capture to switch.
    requireWorkplace();
    const on = formString(e, 'hourly') === 'yes';
    const existing = ownTriggers(SWEEP_HANDLER).length > 0;
    if (on && !existing) createTrigger(SWEEP_HANDLER, { every: 'hour' });
    if (!on && existing) deleteTriggers(SWEEP_HANDLER);
    return update(
      sweepCard(),
      on ? 'Flagged email will be captured every hour' : 'Hourly capture turned off'
    );
  });
}

/** Time-driven: captures flagged email in batches for up to about five minutes. */
export function onCaptureSweep(_e: unknown): void {
  const w = openWorkplace();
  if (!w) return;
  const startedAt = Date.now();
  const report = runSweep(w, TRIGGER_BUDGET_MS, new Date());
  // Time left over goes to the PDF renditions and attachments of what was captured.
  const renditions = runRenditionPass(w, TRIGGER_BUDGET_MS - (Date.now() - startedAt), new Date());
  console.log(
    `Scheduled capture: ${report.captured} captured, ${report.failed} failed, ${report.remaining} still flagged; ` +
      `${renditions.done} renditions made, ${renditions.remaining} waiting`
  );
}
