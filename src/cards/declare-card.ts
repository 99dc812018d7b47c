// The declare form: pre-filled so a typical declaration is two clicks (open the sidebar, press
// Declare), and it shows what is missing before it submits.
import type { ItemRef, PreparedItem, Preparation } from '../app/declare';
import type { DeclarationForm, FieldError, ReferenceData } from '../domain/declaration';
import { shorten } from '../domain/text';
import type { Host } from './common';
import {
  action,
  BRAND,
  coloured,
  ERROR_COLOUR,
  header,
  html,
  paragraph,
  WARNING_COLOUR,
} from './common';
import { recordWidgets } from './record-card';
import { descriptionInput, FIELD, filingWidgets, markingSections } from './record-form';

export { FIELD };

export interface DeclareCardInput {
  host: Host;
  preparation: Preparation;
  reference: ReferenceData;
  /** Parameters that tell the Declare action which items it is for. */
  itemParameters: (items: ItemRef[]) => Record<string, string>;
  /** The form as the user left it, when it comes back with errors. */
  form?: DeclarationForm;
  errors?: FieldError[];
  /** Sections the host adds under the form (suggestions, lessons, finding a record). */
  extras?: GoogleAppsScript.Card_Service.CardSection[];
}

export function declareCard(input: DeclareCardInput): GoogleAppsScript.Card_Service.Card {
  const { preparation, reference } = input;
  const form = input.form ?? preparation.defaults;
  const errors = input.errors ?? [];
  const items = preparation.items;
  const open = items.filter(i => !i.record && !i.blocked);
  const subtitle =
    items.length === 1 ? shorten(items[0].ref.title, 80) : `${items.length} items selected`;
  const card = CardService.newCardBuilder()
    .setName('declare')
    .setHeader(header('Declare as a record', subtitle));

  const records = items.filter(i => i.record);
  if (records.length) {
    const section = CardService.newCardSection().setHeader(
      records.length === items.length ? 'Already a record' : 'Already records'
    );
    for (const item of records)
      for (const widget of recordWidgets(item.record!)) section.addWidget(widget);
    card.addSection(section);
  }
  const blocked = items.filter(i => i.blocked);
  if (blocked.length) {
    const section = CardService.newCardSection().setHeader('Cannot be declared');
    for (const item of blocked)
      section.addWidget(
        paragraph(
          `<b>${html(shorten(item.ref.title, 80))}</b><br>${coloured(item.blocked!, ERROR_COLOUR)}`
        )
      );
    card.addSection(section);
  }
  if (!open.length) {
    if (!records.length && !blocked.length)
      card.addSection(CardService.newCardSection().addWidget(paragraph('Nothing to declare.')));
    for (const section of input.extras ?? []) card.addSection(section);
    return card.build();
  }

  const warnings = open.flatMap(i => i.warnings);
  if (errors.length || warnings.length || open.length > 1) {
    const section = CardService.newCardSection();
    if (errors.length) {
      section.setHeader('Check these before declaring');
      for (const e of errors) section.addWidget(paragraph(coloured(e.message, ERROR_COLOUR)));
    }
    for (const w of warnings) section.addWidget(paragraph(coloured(w, WARNING_COLOUR)));
    if (open.length > 1) section.addWidget(paragraph(itemList(open)));
    card.addSection(section);
  }

  for (const section of markingSections(form)) card.addSection(section);
  const filing = CardService.newCardSection().setHeader('Filing');
  for (const widget of filingWidgets(form, preparation.series, reference)) filing.addWidget(widget);
  filing
    .addWidget(
      CardService.newDatePicker()
        .setFieldName(FIELD.recordDate)
        .setTitle('Date of the record')
        .setValueInMsSinceEpoch(dayOf(form.recordDate ?? new Date()))
    )
    .addWidget(descriptionInput(form.description))
    .addWidget(
      CardService.newDecoratedText()
        .setText('Lock as read-only')
        .setBottomLabel('Stops further edits; editors can still move and share it')
        .setWrapText(true)
        .setSwitchControl(
          CardService.newSwitch().setFieldName(FIELD.lock).setValue('yes').setSelected(form.lock)
        )
    );
  card.addSection(filing);
  for (const section of input.extras ?? []) card.addSection(section);

  card.setFixedFooter(
    CardService.newFixedFooter().setPrimaryButton(
      CardService.newTextButton()
        .setText(open.length > 1 ? `Declare ${open.length} records` : 'Declare record')
        .setOnClickAction(
          action('onDeclare', { host: input.host, ...input.itemParameters(open.map(i => i.ref)) })
        )
    )
  );
  return card.build();
}

function itemList(items: PreparedItem[]): string {
  const shown = items.slice(0, 20).map(i => `• ${html(shorten(i.ref.title, 60))}`);
  if (items.length > 20) shown.push(`… and ${items.length - 20} more`);
  return `<b>To declare</b><br>${shown.join('<br>')}`;
}

export { BRAND };

/** A date picker holds a day: midnight UTC of the date. */
function dayOf(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}
