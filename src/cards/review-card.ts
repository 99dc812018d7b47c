// The records team's review cards: choosing records, deciding on them (retain, select for
// transfer, sensitivity review, propose or confirm destruction), and the sensitivity review form.
// The sensitivity review applies one closure to every chosen record; with several records, an
// empty start date means each record's own date of the record.
import type { RecordResult } from '../app/review';
import type { RegisterEntry } from '../domain/declaration';
import { CLOSURE_STATUSES, FOI_EXEMPTION_CODES } from '../domain/foi';
import type { ClosureForm, FieldError } from '../domain/foi';
import { FINAL_STATES } from '../domain/register-schema';
import { deciders, isoDay, readDate, RETAIN_YEARS_MAX } from '../domain/review';
import { shorten } from '../domain/text';
import {
  action,
  BRAND,
  button,
  coloured,
  ERROR_COLOUR,
  header,
  html,
  paragraph,
  WARNING_COLOUR,
} from './common';

type Card = GoogleAppsScript.Card_Service.Card;
type Section = GoogleAppsScript.Card_Service.CardSection;

export const REVIEW_FIELD = {
  recordIds: 'reviewRecordIds',
  years: 'retainYears',
  retainReason: 'retainReason',
  transferReason: 'transferReason',
  destroyReason: 'destroyReason',
} as const;

export const CLOSURE_FIELD: Record<keyof ClosureForm, string> = {
  status: 'closureStatus',
  period: 'closurePeriod',
  codes: 'foiExemptionCodes',
  startDate: 'closureStartDate',
  titleClosed: 'titleClosed',
  alternateTitle: 'alternateTitle',
  descriptionClosed: 'descriptionClosed',
  alternateDescription: 'alternateDescription',
};

/** Records listed on a card; the rest are counted. */
const SHOWN = 25;

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value).trim();

export interface ChosenRecord {
  entry: RegisterEntry;
  held: boolean;
}

export interface ReviewSummary {
  /** Records proposed for destruction, awaiting a second member. */
  awaitingApproval?: number;
  /** Legal holds in force. */
  activeHolds?: number;
}

/**
 * The records team home card's review section: choose records by ID or by the ticked rows of the
 * Review queue tab, see what awaits a second approval, and manage legal holds.
 */
export function reviewHomeSection(summary: ReviewSummary = {}): Section {
  const awaiting = summary.awaitingApproval;
  const holds = summary.activeHolds;
  const section = CardService.newCardSection()
    .setHeader('Review decisions')
    .addWidget(
      paragraph(
        'Tick rows in the register’s Review queue tab, or type record IDs, then decide: retain, select for transfer, sensitivity review or destroy.'
      )
    )
    .addWidget(
      CardService.newTextInput()
        .setFieldName(REVIEW_FIELD.recordIds)
        .setTitle('Record IDs')
        .setHint('e.g. REC-2024-000123, REC-2024-000124 (commas, spaces or new lines)')
        .setMultiline(true)
    )
    .addWidget(
      CardService.newButtonSet()
        .addButton(
          button('Decide on ticked rows', action('onOpenReview', { source: 'queue' }), true)
        )
        .addButton(button('Decide on these records', action('onOpenReview', { source: 'ids' })))
    )
    .addWidget(
      CardService.newDecoratedText()
        .setTopLabel('Destruction')
        .setText(
          awaiting === undefined
            ? 'Awaiting second approval'
            : `Awaiting second approval: ${awaiting}`
        )
        .setWrapText(true)
        .setButton(button('Open', action('onOpenReview', { source: 'proposed' })))
    )
    .addWidget(
      CardService.newDecoratedText()
        .setTopLabel('Legal holds')
        .setText(holds === undefined ? 'Legal holds' : `Legal holds in force: ${holds}`)
        .setWrapText(true)
        .setButton(button('Legal holds', action('onOpenHolds')))
    );
  return section;
}

/** The review section on its own card, for when no records have been chosen yet. */
export function chooseRecordsCard(summary: ReviewSummary = {}, notice?: string): Card {
  const card = CardService.newCardBuilder()
    .setName('review-choose')
    .setHeader(header('Review decisions', BRAND));
  if (notice) {
    card.addSection(CardService.newCardSection().addWidget(paragraph(html(notice))));
  }
  return card.addSection(reviewHomeSection(summary)).build();
}

function describeRecord(r: ChosenRecord): string {
  const e = r.entry;
  const due = readDate(e.disposalDue);
  const parts = [
    `<b>${html(text(e.recordId))}</b> ${html(shorten(text(e.title) || '(no title)', 60))}`,
    html(text(e.lifecycle) || 'no lifecycle state'),
    due
      ? `due ${isoDay(due)}`
      : text(e.disposalDue)
        ? `due "${html(text(e.disposalDue))}" (not a date)`
        : 'no due date',
  ];
  if (r.held) parts.push(coloured('On legal hold', WARNING_COLOUR));
  if (text(e.lifecycle) === 'Destruction proposed') {
    parts.push(`proposed by ${html(deciders(e.decisionBy).join(', ') || 'unknown')}`);
  }
  return parts.join(' · ');
}

export function recordList(records: ChosenRecord[], notFound: string[] = []): Section {
  const lines = records.slice(0, SHOWN).map(describeRecord);
  if (records.length > SHOWN) lines.push(`… and ${records.length - SHOWN} more`);
  const section = CardService.newCardSection().setHeader(
    records.length === 1 ? 'Chosen record' : `Chosen records (${records.length})`
  );
  section.addWidget(
    paragraph(lines.join('<br>') || 'None of the chosen records is in the register.')
  );
  if (notFound.length) {
    section.addWidget(
      paragraph(
        coloured(
          `Not in the register: ${notFound.join(', ')}. They may have been deleted from the register by hand, or mistyped.`,
          ERROR_COLOUR
        )
      )
    );
  }
  return section;
}

function resultSection(results: RecordResult[]): Section {
  const section = CardService.newCardSection().setHeader('What happened');
  // Problems first: they are what needs acting on when the list is long.
  const order: RecordResult['status'][] = [
    'refused',
    'not found',
    'not reached',
    'unchanged',
    'done',
  ];
  const sorted = [...results].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  const lines = sorted.slice(0, SHOWN).map(r => {
    const colour =
      r.status === 'refused' || r.status === 'not found'
        ? ERROR_COLOUR
        : r.status === 'not reached'
          ? WARNING_COLOUR
          : '';
    return colour ? coloured(r.message, colour) : html(r.message);
  });
  if (results.length > SHOWN) lines.push(`… and ${results.length - SHOWN} more`);
  return section.addWidget(paragraph(lines.join('<br>')));
}

export interface ReviewCardInput {
  records: ChosenRecord[];
  notFound: string[];
  results?: RecordResult[];
  /** Problems with the form: nothing was changed. */
  errors?: string[];
  /** The form as the user left it. */
  form?: Partial<Record<keyof typeof REVIEW_FIELD, string>>;
}

function input(name: string, title: string, value: string, hint?: string) {
  const widget = CardService.newTextInput().setFieldName(name).setTitle(title);
  if (hint) widget.setHint(hint);
  if (value) widget.setValue(value);
  return widget;
}

/** The decision card for the chosen records. */
export function reviewCard(view: ReviewCardInput): Card {
  const form = view.form ?? {};
  const live = view.records.filter(r => !FINAL_STATES.includes(text(r.entry.lifecycle)));
  const ids = live.map(r => text(r.entry.recordId));
  const recordIds = ids.join(',');
  const card = CardService.newCardBuilder()
    .setName('review')
    .setHeader(
      header(
        view.records.length === 1
          ? `Review ${text(view.records[0].entry.recordId)}`
          : `Review ${view.records.length} records`,
        BRAND
      )
    );
  if (view.results?.length) card.addSection(resultSection(view.results));
  if (view.errors?.length) {
    const section = CardService.newCardSection();
    for (const e of view.errors) section.addWidget(paragraph(coloured(e, ERROR_COLOUR)));
    section.addWidget(paragraph('Nothing was changed.'));
    card.addSection(section);
  }
  card.addSection(recordList(view.records, view.notFound));
  if (!ids.length) {
    card.addSection(
      CardService.newCardSection().addWidget(
        paragraph('There is nothing to decide: no chosen record is still held by the department.')
      )
    );
    return card.build();
  }

  card.addSection(
    CardService.newCardSection()
      .setHeader('Retain for longer')
      .addWidget(
        input(
          REVIEW_FIELD.years,
          'More years to retain',
          form.years ?? '',
          `1 to ${RETAIN_YEARS_MAX}: counted from the disposal date, or from today if that has passed`
        )
      )
      .addWidget(input(REVIEW_FIELD.retainReason, 'Reason', form.retainReason ?? ''))
      .addWidget(
        CardService.newButtonSet().addButton(
          button('Retain', action('onRecordDecision', { decision: 'retain', recordIds }))
        )
      )
  );
  card.addSection(
    CardService.newCardSection()
      .setHeader('Select for transfer to The National Archives')
      .addWidget(
        input(
          REVIEW_FIELD.transferReason,
          'Reason (optional)',
          form.transferReason ?? '',
          'e.g. selected under the department’s Operational Selection Policy'
        )
      )
      .addWidget(
        CardService.newButtonSet()
          .addButton(
            button(
              'Select for transfer',
              action('onRecordDecision', { decision: 'transfer', recordIds })
            )
          )
          .addButton(button('Sensitivity review', action('onOpenSensitivityReview', { recordIds })))
      )
  );

  const destroy = CardService.newCardSection()
    .setHeader('Destruction')
    .addWidget(
      paragraph(
        'Destroying needs two members of the records team: one proposes, a different one confirms. Records on legal hold cannot be destroyed.'
      )
    )
    .addWidget(input(REVIEW_FIELD.destroyReason, 'Reason', form.destroyReason ?? ''))
    .addWidget(
      CardService.newButtonSet().addButton(
        button(
          'Propose destruction',
          action('onRecordDecision', { decision: 'destroy', recordIds })
        )
      )
    );
  const proposed = live.filter(r => text(r.entry.lifecycle) === 'Destruction proposed');
  if (proposed.length) {
    destroy
      .addWidget(
        paragraph(
          `<b>Awaiting a second member’s confirmation</b><br>${proposed
            .slice(0, SHOWN)
            .map(
              r =>
                `${html(text(r.entry.recordId))}: proposed by ${html(deciders(r.entry.decisionBy).join(', ') || 'unknown')}${text(r.entry.decisionReason) ? ` (${html(shorten(text(r.entry.decisionReason), 80))})` : ''}`
            )
            .join(
              '<br>'
            )}<br>Confirming moves their files to the Drive bin, marks them Destroyed and writes a disposal certificate. Only a member who did not propose a destruction can confirm it.`
        )
      )
      .addWidget(
        CardService.newButtonSet().addButton(
          button(
            'Confirm destruction',
            action('onConfirmDestruction', {
              recordIds: proposed.map(r => text(r.entry.recordId)).join(','),
            }),
            true
          )
        )
      );
  }
  card.addSection(destroy);
  card.addSection(
    CardService.newCardSection()
      .setHeader('Legal hold')
      .addWidget(
        CardService.newButtonSet().addButton(
          button('Legal holds', action('onOpenHolds', { recordIds }))
        )
      )
  );
  return card.build();
}

export interface SensitivityCardInput {
  records: ChosenRecord[];
  form: ClosureForm;
  /** Descriptors the suggestion came from, and the codes suggested. */
  descriptors: string[];
  suggested: string[];
  errors?: FieldError[];
}

/** The sensitivity review form, pre-filled from the descriptors recorded at declaration. */
export function sensitivityCard(view: SensitivityCardInput): Card {
  const ids = view.records.map(r => text(r.entry.recordId));
  const several = ids.length > 1;
  const errors = view.errors ?? [];
  const errorsFor = (field: keyof ClosureForm) =>
    errors.filter(e => e.field === field).map(e => paragraph(coloured(e.message, ERROR_COLOUR)));
  const card = CardService.newCardBuilder()
    .setName('sensitivity')
    .setHeader(
      header(
        several ? `Sensitivity review: ${ids.length} records` : `Sensitivity review: ${ids[0]}`,
        BRAND
      )
    );
  if (errors.length) {
    card.addSection(
      CardService.newCardSection().addWidget(
        paragraph(
          coloured(
            `Check the form: ${errors.length === 1 ? 'one field needs' : `${errors.length} fields need`} correcting. Nothing was saved.`,
            ERROR_COLOUR
          )
        )
      )
    );
  }
  card.addSection(recordList(view.records));
  const about = CardService.newCardSection()
    .setHeader('Suggested from the declaration')
    .addWidget(
      paragraph(
        view.suggested.length
          ? `Descriptors recorded at declaration: ${html(view.descriptors.join(', '))}. Suggested exemption${view.suggested.length > 1 ? 's' : ''}: ${html(view.suggested.join(', '))}. These are suggestions only: check the record and change anything that does not apply.`
          : view.descriptors.length
            ? `Descriptors recorded at declaration: ${html(view.descriptors.join(', '))}. None of them suggests an exemption: the form starts as Open.`
            : 'No descriptors were recorded at declaration: the form starts as Open.'
      )
    );
  if (several) {
    about.addWidget(
      paragraph(
        'The same closure is recorded for every chosen record. Leave the start date empty to start each record’s closure from its own date of the record.'
      )
    );
  }
  card.addSection(about);

  const status = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(CLOSURE_FIELD.status)
    .setTitle('Closure status');
  for (const s of CLOSURE_STATUSES) status.addItem(s, s, view.form.status === s);
  const closure = CardService.newCardSection().setHeader('Closure');
  for (const w of errorsFor('status')) closure.addWidget(w);
  closure.addWidget(status);
  for (const w of errorsFor('codes')) closure.addWidget(w);
  closure.addWidget(
    input(
      CLOSURE_FIELD.codes,
      'FOI exemption codes',
      view.form.codes,
      'As TDR uses them, separated by semicolons: e.g. 40(2); 43(2); EIR 12(5)(a)'
    )
  );
  for (const w of errorsFor('period')) closure.addWidget(w);
  closure.addWidget(
    input(CLOSURE_FIELD.period, 'Closure period (years)', view.form.period, '1 to 150 years')
  );
  for (const w of errorsFor('startDate')) closure.addWidget(w);
  const start = CardService.newDatePicker()
    .setFieldName(CLOSURE_FIELD.startDate)
    .setTitle(several ? 'Closure start date (empty: each record’s date)' : 'Closure start date');
  if (view.form.startDate) start.setValueInMsSinceEpoch(view.form.startDate.getTime());
  closure.addWidget(start);
  card.addSection(closure);

  const titles = CardService.newCardSection().setHeader('Title and description');
  for (const w of errorsFor('titleClosed')) titles.addWidget(w);
  titles.addWidget(tick(CLOSURE_FIELD.titleClosed, 'The title is closed', view.form.titleClosed));
  for (const w of errorsFor('alternateTitle')) titles.addWidget(w);
  titles.addWidget(
    input(
      CLOSURE_FIELD.alternateTitle,
      'Alternate title',
      view.form.alternateTitle,
      'Published in place of a closed title'
    )
  );
  for (const w of errorsFor('descriptionClosed')) titles.addWidget(w);
  titles.addWidget(
    tick(CLOSURE_FIELD.descriptionClosed, 'The description is closed', view.form.descriptionClosed)
  );
  for (const w of errorsFor('alternateDescription')) titles.addWidget(w);
  titles.addWidget(
    input(
      CLOSURE_FIELD.alternateDescription,
      'Alternate description',
      view.form.alternateDescription,
      'Published in place of a closed description'
    )
  );
  titles.addWidget(
    CardService.newButtonSet()
      .addButton(
        button(
          'Save sensitivity review',
          action('onSaveSensitivityReview', { recordIds: ids.join(',') }),
          true
        )
      )
      .addButton(
        button('Back to the decision', action('onOpenReview', { recordIds: ids.join(',') }))
      )
  );
  card.addSection(titles);
  card.addSection(
    CardService.newCardSection()
      .setHeader('Codes TDR accepts')
      .setCollapsible(true)
      .setNumUncollapsibleWidgets(0)
      .addWidget(paragraph(html(FOI_EXEMPTION_CODES.join(', '))))
  );
  return card.build();
}

function tick(name: string, label: string, selected: boolean) {
  return CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.CHECK_BOX)
    .setFieldName(name)
    .addItem(label, 'yes', selected);
}
