// The declare form: pre-filled so a typical declaration is two clicks (open the sidebar, press
// Declare), and it shows what is missing before it submits.
import type { ItemRef, PreparedItem, Preparation } from '../app/declare';
import {
  DESCRIPTORS,
  HANDLING_INSTRUCTIONS,
  HELD_CLASSIFICATIONS,
  NATIONAL_CAVEATS,
  REFUSED_CLASSIFICATIONS,
} from '../domain/classification';
import type { DeclarationForm, FieldError, ReferenceData } from '../domain/declaration';
import { describeSchedule } from '../domain/retention';
import { shorten } from '../domain/text';
import type { Host } from './common';
import {
  action,
  BRAND,
  coloured,
  ERROR_COLOUR,
  header,
  html,
  labelled,
  paragraph,
  WARNING_COLOUR,
} from './common';
import { recordWidgets } from './record-card';

/** Apps Script cards take at most 100 items in a selection input. */
const MAX_CHOICES = 100;

export const FIELD = {
  classification: 'classification',
  handling: 'handlingInstructions',
  descriptors: 'descriptors',
  caveats: 'caveats',
  series: 'series',
  businessUnit: 'businessUnit',
  description: 'description',
  recordDate: 'recordDate',
  lock: 'lock',
} as const;

export interface DeclareCardInput {
  host: Host;
  preparation: Preparation;
  reference: ReferenceData;
  /** Parameters that tell the Declare action which items it is for. */
  itemParameters: (items: ItemRef[]) => Record<string, string>;
  /** The form as the user left it, when it comes back with errors. */
  form?: DeclarationForm;
  errors?: FieldError[];
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

  const classification = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(FIELD.classification)
    .setTitle('Classification');
  for (const c of HELD_CLASSIFICATIONS) classification.addItem(c, c, form.classification === c);
  for (const c of REFUSED_CLASSIFICATIONS)
    classification.addItem(`${c} (not held here)`, c, form.classification === c);
  card.addSection(
    CardService.newCardSection()
      .setHeader('Marking')
      .addWidget(classification)
      .addWidget(
        paragraph(
          'OFFICIAL-SENSITIVE: information that needs need-to-know handling. Add a handling instruction or descriptor below only for OFFICIAL-SENSITIVE.'
        )
      )
  );

  const sensitive = CardService.newCardSection()
    .setHeader('OFFICIAL-SENSITIVE details')
    .setCollapsible(form.classification !== 'OFFICIAL-SENSITIVE')
    .setNumUncollapsibleWidgets(0)
    .addWidget(
      checkboxes(
        FIELD.handling,
        'Handling instructions',
        HANDLING_INSTRUCTIONS,
        form.handlingInstructions
      )
    )
    .addWidget(checkboxes(FIELD.descriptors, 'Descriptors', DESCRIPTORS, form.descriptors))
    .addWidget(checkboxes(FIELD.caveats, 'National caveat', NATIONAL_CAVEATS, form.caveats));
  card.addSection(sensitive);

  const series = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(FIELD.series)
    .setTitle('File-plan series');
  const offered = preparation.series.slice(0, MAX_CHOICES - 1);
  const chosenSeries = form.series;
  // With no folder or history to go on, the user must choose: a guessed series files records wrongly.
  if (!chosenSeries) series.addItem('Choose a series', '', true);
  for (const s of offered)
    series.addItem(shorten(`${s.code} ${s.title}`, 90), s.code, s.code === chosenSeries);
  const unit = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(FIELD.businessUnit)
    .setTitle('Business unit');
  if (!form.businessUnit) unit.addItem('Choose your business unit', '', true);
  for (const u of reference.businessUnits.slice(0, MAX_CHOICES - 1))
    unit.addItem(`${u.code} ${u.name}`, u.code, u.code === form.businessUnit);
  const chosen = reference.series.find(s => s.code === chosenSeries);
  const schedule = chosen && reference.schedules.find(r => r.code === chosen.retentionCode);
  const filing = CardService.newCardSection().setHeader('Filing').addWidget(series);
  if (schedule) filing.addWidget(labelled('Retention', describeSchedule(schedule)));
  filing
    .addWidget(unit)
    .addWidget(
      CardService.newDatePicker()
        .setFieldName(FIELD.recordDate)
        .setTitle('Date of the record')
        .setValueInMsSinceEpoch(dayOf(form.recordDate ?? new Date()))
    )
    .addWidget(
      CardService.newTextInput()
        .setFieldName(FIELD.description)
        .setTitle('Description (optional)')
        .setHint('What the record is about, for people searching the register later')
        .setMultiline(true)
        .setValue(form.description)
    )
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

function checkboxes(
  name: string,
  title: string,
  values: readonly string[],
  selected: string[]
): GoogleAppsScript.Card_Service.SelectionInput {
  const input = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.CHECK_BOX)
    .setFieldName(name)
    .setTitle(title);
  for (const v of values) input.addItem(v, v, selected.includes(v));
  return input;
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
