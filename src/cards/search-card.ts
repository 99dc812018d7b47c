// Finding a record in the register from any host's sidebar: the search box under every host's
// own card, the search form with every criterion, and the pages of results.
import type { SearchHit } from '../app/search';
import type { Series } from '../domain/file-plan';
import { HELD_CLASSIFICATIONS } from '../domain/classification';
import type { SearchForm } from '../domain/search';
import { shorten } from '../domain/text';
import type { Host } from './common';
import {
  action,
  BRAND,
  button,
  coloured,
  ERROR_COLOUR,
  formatDay,
  header,
  html,
  paragraph,
} from './common';

type Card = GoogleAppsScript.Card_Service.Card;
type Section = GoogleAppsScript.Card_Service.CardSection;

/** Form field names (kept stable: walkthroughs and browser tests fill them in). */
export const SEARCH_FIELD = {
  query: 'searchQuery',
  recordId: 'searchRecordId',
  words: 'searchWords',
  series: 'searchSeries',
  classification: 'searchClassification',
  from: 'searchFrom',
  to: 'searchTo',
} as const;

/** The "Find a record" entry under every host's own card. */
export function searchEntrySection(host: Host): Section | null {
  return CardService.newCardSection()
    .setHeader('Find a record')
    .addWidget(
      CardService.newTextInput()
        .setFieldName(SEARCH_FIELD.query)
        .setTitle('Record ID or title words')
        .setHint('e.g. REC-2024-000123, or board minutes')
    )
    .addWidget(
      CardService.newButtonSet()
        .addButton(button('Search', action('onSearch', { host, from: 'quick' }), true))
        .addButton(button('More options', action('onOpenSearch', { host })))
    );
}

export interface SearchFormView {
  host: Host;
  form: SearchForm;
  series: Series[];
  errors?: string[];
}

const dayMs = (day: string): number | null => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms;
};

/** Every criterion; any combination narrows the search. */
export function searchFormCard(view: SearchFormView): Card {
  const card = CardService.newCardBuilder()
    .setName('search')
    .setHeader(header('Find a record', BRAND));
  if (view.errors?.length) {
    const problems = CardService.newCardSection();
    for (const e of view.errors) problems.addWidget(paragraph(coloured(e, ERROR_COLOUR)));
    card.addSection(problems);
  }
  const series = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(SEARCH_FIELD.series)
    .setTitle('Series')
    .addItem('Any series', '', !view.form.series);
  for (const s of view.series) {
    series.addItem(`${s.code} ${s.title}`, s.code, s.code === view.form.series);
  }
  const classification = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(SEARCH_FIELD.classification)
    .setTitle('Classification')
    .addItem('Any classification', '', !view.form.classification);
  for (const c of HELD_CLASSIFICATIONS) {
    classification.addItem(c, c, c === view.form.classification);
  }
  const datePicker = (field: string, title: string, value: string) => {
    const picker = CardService.newDatePicker().setFieldName(field).setTitle(title);
    const ms = value ? dayMs(value) : null;
    if (ms !== null) picker.setValueInMsSinceEpoch(ms);
    return picker;
  };
  card.addSection(
    CardService.newCardSection()
      .addWidget(
        paragraph('Fill in any of these: records matching all of them are listed, newest first.')
      )
      .addWidget(
        CardService.newTextInput()
          .setFieldName(SEARCH_FIELD.recordId)
          .setTitle('Record ID')
          .setHint('e.g. REC-2024-000123')
          .setValue(view.form.recordId)
      )
      .addWidget(
        CardService.newTextInput()
          .setFieldName(SEARCH_FIELD.words)
          .setTitle('Title words')
          .setHint('Whole words, in any order')
          .setValue(view.form.words)
      )
      .addWidget(series)
      .addWidget(classification)
      .addWidget(datePicker(SEARCH_FIELD.from, 'Date of the record: from', view.form.from))
      .addWidget(datePicker(SEARCH_FIELD.to, 'Date of the record: to', view.form.to))
  );
  card.setFixedFooter(
    CardService.newFixedFooter().setPrimaryButton(
      button('Search', action('onSearch', { host: view.host, from: 'form' }), true)
    )
  );
  return card.build();
}

export interface SearchResultsView {
  host: Host;
  /** What was searched for, in words ("title words: board minutes; series: GOV-BRD-01"). */
  summary: string;
  hits: SearchHit[];
  page: number;
  everyRecord: boolean;
  total: number | null;
  /** Action parameters of the previous and next pages (null when there is none). */
  previous: Record<string, string> | null;
  next: Record<string, string> | null;
}

function hitWidget(hit: SearchHit): GoogleAppsScript.Card_Service.DecoratedText {
  const date = hit.recordDate ? formatDay(hit.recordDate) : 'no date';
  const widget = CardService.newDecoratedText()
    // A top label is cut to one line in Gmail and the editors, so it holds only the record id;
    // the classification goes in the bottom label, which wraps.
    .setTopLabel(hit.recordId)
    .setText(html(shorten(hit.title || '(no title)', 120)))
    .setBottomLabel(
      `${hit.classification || 'unclassified'} · ${hit.series || 'no series'} · ${date} · ${hit.lifecycle || 'Declared'}`
    )
    .setWrapText(true);
  if (hit.url) {
    widget.setButton(
      CardService.newTextButton()
        .setText('Open')
        .setOpenLink(
          CardService.newOpenLink().setUrl(hit.url).setOpenAs(CardService.OpenAs.FULL_SIZE)
        )
    );
  }
  return widget;
}

/** One page of results, with Previous and Next. */
export function searchResultsCard(view: SearchResultsView): Card {
  const card = CardService.newCardBuilder()
    .setName('searchResults')
    .setHeader(header('Search results', `Page ${view.page}`));
  const about = CardService.newCardSection().addWidget(paragraph(html(view.summary)));
  if (view.total !== null) {
    about.addWidget(
      paragraph(`${view.total.toLocaleString('en-GB')} record${view.total === 1 ? '' : 's'} match.`)
    );
  }
  about.addWidget(
    paragraph(
      view.everyRecord
        ? 'As a member of the records team you see every record, destroyed and transferred ones included.'
        : 'Only records you can open are listed.'
    )
  );
  card.addSection(about);

  const list = CardService.newCardSection();
  if (!view.hits.length) {
    list.addWidget(
      paragraph(
        view.next
          ? 'Nothing to show on this page: try the next one.'
          : view.page > 1
            ? 'No more records match.'
            : 'No records match. Check the record ID or try fewer words.'
      )
    );
  }
  view.hits.forEach((hit, i) => {
    if (i) list.addWidget(CardService.newDivider());
    list.addWidget(hitWidget(hit));
  });
  card.addSection(list);

  if (view.previous || view.next) {
    const paging = CardService.newButtonSet();
    if (view.previous) paging.addButton(button('Previous', action('onSearchPage', view.previous)));
    if (view.next) paging.addButton(button('Next', action('onSearchPage', view.next), true));
    card.addSection(CardService.newCardSection().addWidget(paging));
  }
  return card.build();
}
