// Finding a record from any sidebar: the search box under each host's card, the "Find a record"
// universal action, the search form and its pages of results. Paging carries the criteria, the
// register's last row at the first page (so pages stay put while others declare) and where each
// page so far started.
import { requireWorkplace } from '../app/deployment';
import type { Workplace } from '../app/deployment';
import { searchRegister } from '../app/search';
import type { Host } from '../cards/common';
import { update } from '../cards/common';
import { SEARCH_FIELD, searchFormCard, searchResultsCard } from '../cards/search-card';
import { isoDay } from '../domain/review';
import { EMPTY_SEARCH, formOf, parseCriteria, parseStarts, quickSearch } from '../domain/search';
import type { SearchCriteria, SearchForm } from '../domain/search';
import { cards, respond } from './respond';
import { formDate, formString, hostParameter, parameter } from './event';
import type { AddonEvent } from './event';

type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;
type Card = GoogleAppsScript.Card_Service.Card;

function push(card: Card, notification?: string): ActionResponse {
  const response = CardService.newActionResponseBuilder().setNavigation(
    CardService.newNavigation().pushCard(card)
  );
  if (notification) response.setNotification(CardService.newNotification().setText(notification));
  return response.build();
}

function formCard(w: Workplace, host: Host, form: SearchForm, errors?: string[]): Card {
  return searchFormCard({ host, form, series: w.reference.series, errors });
}

/** "More options" under a host's card: the form, with what was typed in the box. */
export function onOpenSearch(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const typed = formString(e, SEARCH_FIELD.query);
    return push(formCard(w, hostParameter(e), typed ? quickSearch(typed) : EMPTY_SEARCH));
  });
}

/** The "Find a record" universal action, in every host's menu. */
export function onFindRecord(e: AddonEvent): GoogleAppsScript.Card_Service.UniversalActionResponse {
  return CardService.newUniversalActionResponseBuilder()
    .displayAddOnCards(cards(() => formCard(requireWorkplace(), hostParameter(e), EMPTY_SEARCH)))
    .build();
}

function formFromEvent(e: AddonEvent): SearchForm {
  if (parameter(e, 'from') === 'quick') return quickSearch(formString(e, SEARCH_FIELD.query));
  const day = (field: string) => {
    const date = formDate(e, field);
    return date ? isoDay(date) : '';
  };
  return {
    recordId: formString(e, SEARCH_FIELD.recordId),
    words: formString(e, SEARCH_FIELD.words),
    series: formString(e, SEARCH_FIELD.series),
    classification: formString(e, SEARCH_FIELD.classification),
    from: day(SEARCH_FIELD.from),
    to: day(SEARCH_FIELD.to),
  };
}

/** Search (from the box or the form): the first page of results. */
export function onSearch(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const host = hostParameter(e);
    const form = formFromEvent(e);
    const { criteria, errors } = parseCriteria(form, {
      series: w.reference.series.map(s => s.code),
    });
    if (errors.length) {
      const card = formCard(w, host, form, errors);
      // From the box the form opens on top; on the form it is redrawn.
      return parameter(e, 'from') === 'quick'
        ? push(card, 'Check the search')
        : update(card, 'Check the search');
    }
    return push(resultsCard(w, host, criteria, form.words, null, []));
  });
}

/** Previous and Next. */
export function onSearchPage(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const form: SearchForm = {
      recordId: parameter(e, 'recordId'),
      words: parameter(e, 'words'),
      series: parameter(e, 'series'),
      classification: parameter(e, 'classification'),
      from: parameter(e, 'dateFrom'),
      to: parameter(e, 'dateTo'),
    };
    const { criteria, errors } = parseCriteria(form, {
      series: w.reference.series.map(s => s.code),
    });
    if (errors.length) return update(formCard(w, hostParameter(e), form, errors));
    const upTo = Number(parameter(e, 'upTo')) || null;
    return update(
      resultsCard(
        w,
        hostParameter(e),
        criteria,
        form.words,
        upTo,
        parseStarts(parameter(e, 'starts'))
      )
    );
  });
}

/**
 * The page starting below the last of `starts` (the first page when there are none), with the
 * parameters of the pages either side.
 */
function resultsCard(
  w: Workplace,
  host: Host,
  criteria: SearchCriteria,
  typedWords: string,
  upTo: number | null,
  starts: number[]
): Card {
  const before = starts[starts.length - 1];
  const page = searchRegister(w, criteria, {
    ...(upTo ? { upTo } : {}),
    ...(before ? { before } : {}),
  });
  const shown = starts.length ? starts : [page.upTo + 1];
  const form = formOf(criteria, typedWords);
  const parameters = (pageStarts: number[]): Record<string, string> => ({
    host,
    recordId: form.recordId,
    words: form.words,
    series: form.series,
    classification: form.classification,
    dateFrom: form.from,
    dateTo: form.to,
    upTo: String(page.upTo),
    starts: pageStarts.join(','),
  });
  return searchResultsCard({
    host,
    summary: describe(criteria),
    hits: page.hits,
    page: shown.length,
    everyRecord: page.everyRecord,
    total: page.total,
    previous: shown.length > 1 ? parameters(shown.slice(0, -1)) : null,
    next: page.next !== null ? parameters([...shown, page.next]) : null,
  });
}

/** What was searched for, in words. */
function describe(c: SearchCriteria): string {
  const parts: string[] = [];
  if (c.recordId) parts.push(`record ID ${c.recordId}`);
  if (c.words.length) parts.push(`title words: ${c.words.join(', ')}`);
  if (c.series) parts.push(`series ${c.series}`);
  if (c.classification) parts.push(`classification ${c.classification}`);
  if (c.from && c.to) parts.push(`dated ${c.from} to ${c.to}`);
  else if (c.from) parts.push(`dated from ${c.from}`);
  else if (c.to) parts.push(`dated up to ${c.to}`);
  return `Searched for ${parts.join('; ')}.`;
}
