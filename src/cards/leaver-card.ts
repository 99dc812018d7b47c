// The leaver sweep for the records team: start a sweep of a leaver's files in the team's folders,
// follow it, then declare or hand over the files ticked on the register's "Leaver sweep" tab.
import type { TickedOutcome } from '../app/leaver-sweep';
import { HELD_CLASSIFICATIONS } from '../domain/classification';
import type { BusinessUnit, Series } from '../domain/file-plan';
import type { LeaverSweepState } from '../domain/leaver';
import { TABS } from '../domain/register-schema';
import {
  action,
  BRAND,
  button,
  coloured,
  formatDateTime,
  header,
  html,
  labelled,
  paragraph,
  WARNING_COLOUR,
} from './common';

type Card = GoogleAppsScript.Card_Service.Card;
type CardSection = GoogleAppsScript.Card_Service.CardSection;

export const LEAVER_FIELD = {
  leaver: 'leaverEmail',
  folders: 'leaverFolders',
  series: 'leaverSeries',
  businessUnit: 'leaverBusinessUnit',
  classification: 'leaverClassification',
  newOwner: 'leaverNewOwner',
} as const;

export interface LeaverView {
  state: LeaverSweepState | null;
  series: Series[];
  businessUnits: BusinessUnit[];
  businessUnit: string;
  /** The register, opened at the Leaver sweep tab. */
  tabUrl: string;
  notice?: string;
}

const n = (value: number) => value.toLocaleString('en-GB');

/** One line on the last sweep, for the home card and the sweep card. */
export function sweepStatus(state: LeaverSweepState | null): string {
  if (!state) return 'No leaver sweep yet.';
  const c = state.counts;
  const found = `${n(c.listed)} file${c.listed === 1 ? '' : 's'} not declared listed, ${n(c.declared)} already records`;
  if (state.complete) {
    return `${state.sweepId} (${state.leaver}): finished ${formatDateTime(new Date(state.finishedAt ?? state.startedAt))}. ${n(c.folders)} folders swept; ${found}.`;
  }
  return `${state.sweepId} (${state.leaver}): under way, ${n(c.folders)} folders swept and ${n(state.queue.length)} to go; ${found} so far.`;
}

/** The leaver sweep section of the records team's home card. */
export function leaverHomeSection(state: LeaverSweepState | null): CardSection {
  return CardService.newCardSection()
    .setHeader('Leaver sweep')
    .addWidget(paragraph(html(sweepStatus(state))))
    .addWidget(
      CardService.newButtonSet().addButton(button('Leaver sweep', action('onOpenLeaverSweep')))
    );
}

export function leaverCard(view: LeaverView): Card {
  const card = CardService.newCardBuilder()
    .setName('leaver-sweep')
    .setHeader(header('Leaver sweep', BRAND));
  const sweep = CardService.newCardSection().setHeader('Sweep a leaver’s files');
  if (view.notice) sweep.addWidget(paragraph(view.notice));
  const state = view.state;
  if (state && !state.complete) {
    sweep
      .addWidget(labelled('Progress', sweepStatus(state)))
      .addWidget(
        paragraph(
          'A large sweep takes more than one run. An hourly run continues it on its own; press Continue now to go faster. Nothing is listed twice.'
        )
      )
      .addWidget(
        CardService.newButtonSet().addButton(
          button('Continue now', action('onContinueLeaverSweepNow'), true)
        )
      );
  } else {
    if (state) sweep.addWidget(labelled('Last sweep', sweepStatus(state)));
    sweep
      .addWidget(
        paragraph(
          `Lists the files the leaver owns in the team's folders (and their subfolders) that are not records yet, on the register's "${html(TABS.leavers.name)}" tab.`
        )
      )
      .addWidget(
        CardService.newTextInput()
          .setFieldName(LEAVER_FIELD.leaver)
          .setTitle('Leaver’s email address')
          .setHint('e.g. sam.jones@dfrr.gov.uk')
      )
      .addWidget(
        CardService.newTextInput()
          .setFieldName(LEAVER_FIELD.folders)
          .setTitle('Shared folders to sweep')
          .setHint('Drive folder links or ids, one per line')
          .setMultiline(true)
      )
      .addWidget(
        CardService.newButtonSet().addButton(
          button('Start sweep', action('onStartLeaverSweep'), true)
        )
      );
  }
  card.addSection(sweep);

  const series = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(LEAVER_FIELD.series)
    .setTitle('Series (for files not in a series folder)')
    .addItem('The series folder’s own series only', '', true);
  for (const s of view.series.filter(s => s.active)) {
    series.addItem(`${s.code} ${s.title}`, s.code, false);
  }
  const units = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(LEAVER_FIELD.businessUnit)
    .setTitle('Business unit');
  for (const u of view.businessUnits) {
    units.addItem(`${u.code} ${u.name}`, u.code, u.code === view.businessUnit);
  }
  const classification = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(LEAVER_FIELD.classification)
    .setTitle('Classification');
  for (const c of HELD_CLASSIFICATIONS) classification.addItem(c, c, c === 'OFFICIAL');

  card.addSection(
    CardService.newCardSection()
      .setHeader('The ticked files')
      .addWidget(
        paragraph(
          `Tick files in the Select column of the "${html(TABS.leavers.name)}" tab, then declare them records or hand them to a new owner. Every action is written to the audit log.`
        )
      )
      .addWidget(
        CardService.newButtonSet().addButton(
          CardService.newTextButton()
            .setText(`Open the ${TABS.leavers.name} tab`)
            .setOpenLink(CardService.newOpenLink().setUrl(view.tabUrl))
        )
      )
      .addWidget(series)
      .addWidget(units)
      .addWidget(classification)
      .addWidget(
        CardService.newButtonSet().addButton(
          button('Declare ticked', action('onDeclareLeaverFiles'))
        )
      )
      .addWidget(
        CardService.newTextInput()
          .setFieldName(LEAVER_FIELD.newOwner)
          .setTitle('New owner’s email address')
          .setHint('e.g. the leaver’s manager')
      )
      .addWidget(
        CardService.newButtonSet().addButton(
          button('Hand over ticked', action('onHandOverLeaverFiles'))
        )
      )
  );
  return card.build();
}

/** What a Declare or Hand over press did, in a sentence or two. */
export function tickedText(outcome: TickedOutcome): string {
  const parts: string[] = [];
  if (outcome.declared) parts.push(`${n(outcome.declared)} declared`);
  if (outcome.handedOver) parts.push(`${n(outcome.handedOver)} handed over`);
  if (outcome.refused) parts.push(`${n(outcome.refused)} could not be handed over`);
  if (outcome.gone) parts.push(`${n(outcome.gone)} no longer exist (marked Gone)`);
  if (outcome.left) parts.push(`${n(outcome.left)} left ticked`);
  let text = html(`${parts.join(', ') || 'Nothing done'}.`);
  if (outcome.notes.length) text += `<br>${html(outcome.notes.join(' '))}`;
  if (outcome.advice) text += `<br>${coloured(html(outcome.advice), WARNING_COLOUR)}`;
  return text;
}
