// The Gmail sidebar: the open email, whether it is a record already, and the capture form.
import type { CaptureForm, CaptureOutcome, CapturePreparation } from '../app/capture';
import type { FieldError, ReferenceData } from '../domain/declaration';
import { shorten } from '../domain/text';
import {
  action,
  button,
  coloured,
  ERROR_COLOUR,
  formatDateTime,
  header,
  html,
  labelled,
  paragraph,
  WARNING_COLOUR,
} from './common';
import { recordWidgets } from './record-card';
import { descriptionInput, filingWidgets, markingSections, unitInput } from './record-form';

export const CAPTURE_FIELD = {
  scope: 'scope',
  includeAttachments: 'includeAttachments',
  onBehalfOf: 'onBehalfOf',
} as const;

export interface EmailCardInput {
  preparation: CapturePreparation;
  reference: ReferenceData;
  form?: CaptureForm;
  errors?: FieldError[];
}

function emailSection(p: CapturePreparation): GoogleAppsScript.Card_Service.CardSection {
  const e = p.email;
  const section = CardService.newCardSection()
    .setHeader('Email')
    .addWidget(labelled('From', e.from))
    .addWidget(labelled('Sent', e.date ? formatDateTime(e.date) : 'No date'));
  if (e.attachments.length) {
    const list = e.attachments
      .slice(0, 10)
      .map(a => `${shorten(a.name, 50)} (${Math.max(1, Math.round(a.size / 1024))} KB)`);
    if (e.attachments.length > 10) list.push(`… and ${e.attachments.length - 10} more`);
    section.addWidget(labelled(`Attachments (${e.attachments.length})`, list.join('; ')));
  }
  return section;
}

export function emailCard(input: EmailCardInput): GoogleAppsScript.Card_Service.Card {
  const p = input.preparation;
  const form = input.form ?? p.defaults;
  const card = CardService.newCardBuilder()
    .setName('email')
    .setHeader(
      header(
        p.record ? 'Already a record' : 'Capture email',
        shorten(p.email.subject || '(no subject)', 80)
      )
    )
    .addSection(emailSection(p));
  if (p.record) {
    const section = CardService.newCardSection().setHeader('Record');
    for (const widget of recordWidgets(p.record)) section.addWidget(widget);
    return card.addSection(section).build();
  }
  if (p.blocked) {
    return card
      .addSection(
        CardService.newCardSection()
          .setHeader('Cannot be captured')
          .addWidget(paragraph(coloured(p.blocked, ERROR_COLOUR)))
      )
      .build();
  }
  const notes = [
    ...(input.errors ?? []).map(e => coloured(e.message, ERROR_COLOUR)),
    ...p.warnings.map(w => coloured(w, WARNING_COLOUR)),
  ];
  if (notes.length) {
    const section = CardService.newCardSection().setHeader(
      input.errors?.length ? 'Check these before capturing' : 'Please note'
    );
    for (const note of notes) section.addWidget(paragraph(note));
    card.addSection(section);
  }
  for (const section of markingSections(form)) card.addSection(section);
  const filing = CardService.newCardSection().setHeader('Filing');
  for (const widget of filingWidgets(form, p.series, input.reference)) filing.addWidget(widget);
  if (p.privateOffices.length) {
    filing.addWidget(
      unitInput(
        CAPTURE_FIELD.onBehalfOf,
        'Captured on behalf of',
        p.privateOffices,
        form.onBehalfOf,
        'Not on behalf of a private office'
      )
    );
  }
  const count = p.email.message.getThread().getMessageCount();
  const scope = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.RADIO_BUTTON)
    .setFieldName(CAPTURE_FIELD.scope)
    .setTitle('Capture')
    .addItem('This message', 'message', form.scope !== 'thread')
    .addItem(
      `The whole thread (${count} message${count === 1 ? '' : 's'})`,
      'thread',
      form.scope === 'thread'
    );
  filing
    .addWidget(scope)
    .addWidget(
      CardService.newDecoratedText()
        .setText('Include attachments')
        .setWrapText(true)
        .setSwitchControl(
          CardService.newSwitch()
            .setFieldName(CAPTURE_FIELD.includeAttachments)
            .setValue('yes')
            .setSelected(form.includeAttachments)
        )
    )
    .addWidget(descriptionInput(form.description));
  card.addSection(filing);
  card.addSection(
    CardService.newCardSection()
      .setHeader('Later')
      .addWidget(
        paragraph(
          p.flagged
            ? 'Flagged for capture: the scheduled capture will take it with the choices above.'
            : 'Not urgent? Flag it, and the scheduled capture takes it with the choices above.'
        )
      )
      .addWidget(
        CardService.newButtonSet().addButton(
          p.flagged
            ? button('Remove flag', action('onRemoveFlag', { messageId: p.email.id }))
            : button('Flag for capture', action('onFlagEmail', { messageId: p.email.id }))
        )
      )
  );
  card.setFixedFooter(
    CardService.newFixedFooter().setPrimaryButton(
      CardService.newTextButton()
        .setText('Capture now')
        .setOnClickAction(action('onCaptureEmail', { messageId: p.email.id }))
    )
  );
  return card.build();
}

export function captureOutcomeCard(outcome: CaptureOutcome): GoogleAppsScript.Card_Service.Card {
  const n = outcome.captured.length;
  const card = CardService.newCardBuilder()
    .setName('captured')
    .setHeader(
      header(
        n === 1 ? 'Email captured' : n ? `${n} emails captured` : 'Nothing new captured',
        n === 1 ? outcome.captured[0].recordId : undefined
      )
    );
  if (n) {
    const section = CardService.newCardSection();
    for (const c of outcome.captured.slice(0, 50)) {
      section.addWidget(labelled(c.recordId, shorten(c.subject, 80)));
      for (const note of c.notes) section.addWidget(paragraph(coloured(note, WARNING_COLOUR)));
    }
    card.addSection(section);
  }
  if (outcome.already.length) {
    const section = CardService.newCardSection().setHeader('Already records (not captured again)');
    for (const a of outcome.already)
      section.addWidget(
        labelled(a.record.recordId, `${shorten(a.subject, 60)}: captured by ${a.record.declaredBy}`)
      );
    card.addSection(section);
  }
  if (outcome.refused.length) {
    const section = CardService.newCardSection().setHeader('Not captured');
    for (const r of outcome.refused)
      section.addWidget(
        paragraph(`<b>${html(shorten(r.subject, 60))}</b><br>${coloured(r.reason, ERROR_COLOUR)}`)
      );
    card.addSection(section);
  }
  if (outcome.notReached) {
    card.addSection(
      CardService.newCardSection().addWidget(
        paragraph(
          coloured(
            `${outcome.notReached} message(s) of the thread were not reached in time: capture the thread again to finish (messages already captured are skipped).`,
            WARNING_COLOUR
          )
        )
      )
    );
  }
  return card.build();
}
