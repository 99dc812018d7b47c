// The parts of the record form the Docs, Sheets, Drive and Gmail cards share: the marking
// (classification, handling instructions, descriptors, caveats), the series and the business unit.
import {
  DESCRIPTORS,
  HANDLING_INSTRUCTIONS,
  HELD_CLASSIFICATIONS,
  NATIONAL_CAVEATS,
  REFUSED_CLASSIFICATIONS,
} from '../domain/classification';
import type { DeclarationForm, ReferenceData } from '../domain/declaration';
import type { BusinessUnit, Series } from '../domain/file-plan';
import { describeSchedule } from '../domain/retention';
import { shorten } from '../domain/text';
import { labelled, paragraph } from './common';

/** Apps Script cards take at most 100 items in a selection input. */
export const MAX_CHOICES = 100;

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

type Section = GoogleAppsScript.Card_Service.CardSection;

/** The Marking section and the (collapsed unless needed) OFFICIAL-SENSITIVE details. */
export function markingSections(form: DeclarationForm): Section[] {
  const classification = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(FIELD.classification)
    .setTitle('Classification');
  for (const c of HELD_CLASSIFICATIONS) classification.addItem(c, c, form.classification === c);
  for (const c of REFUSED_CLASSIFICATIONS)
    classification.addItem(`${c} (not held here)`, c, form.classification === c);
  const marking = CardService.newCardSection()
    .setHeader('Marking')
    .addWidget(classification)
    .addWidget(
      paragraph(
        'OFFICIAL-SENSITIVE: information that needs need-to-know handling. Add a handling instruction or descriptor below only for OFFICIAL-SENSITIVE.'
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
  return [marking, sensitive];
}

/** Series (with its retention in words) and business unit, pre-selected where known. */
export function filingWidgets(
  form: DeclarationForm,
  series: Series[],
  reference: ReferenceData
): GoogleAppsScript.Card_Service.Widget[] {
  const seriesInput = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(FIELD.series)
    .setTitle('File-plan series');
  // With no folder or history to go on, the user must choose: a guessed series files records wrongly.
  if (!form.series) seriesInput.addItem('Choose a series', '', true);
  for (const s of series.slice(0, MAX_CHOICES - 1))
    seriesInput.addItem(shorten(`${s.code} ${s.title}`, 90), s.code, s.code === form.series);
  const widgets: GoogleAppsScript.Card_Service.Widget[] = [seriesInput];
  const chosen = reference.series.find(s => s.code === form.series);
  const schedule = chosen && reference.schedules.find(r => r.code === chosen.retentionCode);
  if (schedule) widgets.push(labelled('Retention', describeSchedule(schedule)));
  widgets.push(
    unitInput(
      FIELD.businessUnit,
      'Business unit',
      reference.businessUnits,
      form.businessUnit,
      'Choose your business unit'
    )
  );
  return widgets;
}

export function unitInput(
  name: string,
  title: string,
  units: BusinessUnit[],
  chosen: string,
  placeholder: string
): GoogleAppsScript.Card_Service.SelectionInput {
  const input = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(name)
    .setTitle(title);
  if (!chosen) input.addItem(placeholder, '', true);
  for (const u of units.slice(0, MAX_CHOICES - 1))
    input.addItem(`${u.code} ${u.name}`, u.code, u.code === chosen);
  return input;
}

export function descriptionInput(value: string): GoogleAppsScript.Card_Service.TextInput {
  return CardService.newTextInput()
    .setFieldName(FIELD.description)
    .setTitle('Description (optional)')
    .setHint('What the record is about, for people searching the register later')
    .setMultiline(true)
    .setValue(value);
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
