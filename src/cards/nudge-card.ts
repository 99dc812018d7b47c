// The "probably a record" suggestions on a host's homepage, each one click from the declare form,
// and the form that flags a suggested email for capture.
import type { CaptureForm } from '../app/capture';
import type { Suggestion } from '../app/nudges';
import type { RuleSet } from '../domain/suggestions';
import type { FieldError, ReferenceData } from '../domain/declaration';
import type { Series } from '../domain/file-plan';
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
} from './common';
import type { Host } from './common';
import { filingWidgets, markingSections } from './record-form';

type Section = GoogleAppsScript.Card_Service.CardSection;

/** Card parameters are strings of undocumented maximum length: titles travel shortened. */
const PARAMETER_TITLE_LENGTH = 120;

export function suggestionsSection(suggestions: Suggestion[], host: Host): Section | null {
  if (!suggestions.length) return null;
  const section = CardService.newCardSection()
    .setHeader('Probably a record')
    .setCollapsible(suggestions.length > 2)
    .setNumUncollapsibleWidgets(2);
  for (const s of suggestions) {
    const open =
      s.kind === 'email'
        ? action('onOpenSuggestedEmail', {
            messageId: s.id,
            threadId: s.threadId,
            subject: shorten(s.title, PARAMETER_TITLE_LENGTH),
            from: shorten(s.from, PARAMETER_TITLE_LENGTH),
            series: s.series,
            classification: s.classification,
          })
        : action('onDeclareSuggested', {
            host,
            fileId: s.id,
            title: shorten(s.title, PARAMETER_TITLE_LENGTH),
            mimeType: s.mimeType,
            series: s.series,
            classification: s.classification,
          });
    const what = [s.rule, s.series ? `series ${s.series}` : ''].filter(Boolean).join(' · ');
    const sender =
      s.kind === 'email' && s.from
        ? `<br>${html(s.from)}${s.date ? `, ${html(formatDateTime(s.date))}` : ''}`
        : '';
    // The rule and series go in the bottom label, which wraps (a top label is cut to one line).
    section.addWidget(
      CardService.newDecoratedText()
        .setText(`<b>${html(shorten(s.title, 80))}</b>${sender}<br>${html(s.why)}`)
        .setBottomLabel(what)
        .setWrapText(true)
        .setButton(button(s.kind === 'email' ? 'Capture…' : 'Declare…', open))
    );
  }
  return section;
}

export interface SuggestedEmailInput {
  messageId: string;
  threadId: string;
  subject: string;
  from: string;
  form: CaptureForm;
  series: Series[];
  reference: ReferenceData;
  errors?: FieldError[];
}

/**
 * A suggested email, with the capture choices pre-filled from its rule. Flagging hands it to the
 * scheduled capture; opening the email shows the same choices on its own capture card.
 */
export function suggestedEmailCard(input: SuggestedEmailInput): GoogleAppsScript.Card_Service.Card {
  const card = CardService.newCardBuilder()
    .setName('suggested-email')
    .setHeader(header('Capture email', shorten(input.subject || '(no subject)', 80)));
  const about = CardService.newCardSection()
    .setHeader('Email')
    .addWidget(labelled('From', input.from))
    .addWidget(
      paragraph(
        html(
          'Flag it for capture with these choices: the scheduled capture saves it to the register. To capture it at once, open the email: its form opens with the same choices.'
        )
      )
    );
  card.addSection(about);
  if (input.errors?.length) {
    const section = CardService.newCardSection().setHeader('Check these before flagging');
    for (const e of input.errors) section.addWidget(paragraph(coloured(e.message, ERROR_COLOUR)));
    card.addSection(section);
  }
  for (const section of markingSections(input.form)) card.addSection(section);
  const filing = CardService.newCardSection().setHeader('Filing');
  for (const widget of filingWidgets(input.form, input.series, input.reference))
    filing.addWidget(widget);
  filing.addWidget(
    CardService.newButtonSet()
      .addButton(
        button(
          'Flag for capture',
          action('onFlagSuggestedEmail', {
            messageId: input.messageId,
            threadId: input.threadId,
            subject: shorten(input.subject, PARAMETER_TITLE_LENGTH),
            from: shorten(input.from, PARAMETER_TITLE_LENGTH),
          }),
          true
        )
      )
      .addButton(
        CardService.newTextButton()
          .setText('Open email')
          .setOpenLink(
            CardService.newOpenLink().setUrl(
              `https://mail.google.com/mail/#all/${encodeURIComponent(input.threadId)}`
            )
          )
      )
  );
  card.addSection(filing);
  return card.build();
}

/** Problems named on the records team's home; the rest are counted. */
const RULE_PROBLEMS_SHOWN = 3;

/**
 * The records team's line on the Suggestion rules tab: how many rules are in use, and which rows
 * are left out and why, since a broken rule is otherwise only in the execution log.
 */
export function suggestionRulesSection(rules: RuleSet): Section {
  const active = `${rules.rules.length} active${rules.builtIn ? ' (the built-in rules: the tab is empty)' : ''}`;
  const shown = rules.problems
    .slice(0, RULE_PROBLEMS_SHOWN)
    .map(p => `row ${p.row}: ${p.problem.replace(/\.$/, '')}`);
  const more = rules.problems.length - shown.length;
  if (more > 0) shown.push(`and ${more} more`);
  const text = rules.problems.length
    ? `Suggestion rules: ${active}, ${coloured(`${rules.problems.length} need${rules.problems.length === 1 ? 's' : ''} fixing`, ERROR_COLOUR)} (${html(shown.join('; '))}).`
    : `Suggestion rules: ${html(active)}.`;
  return CardService.newCardSection().addWidget(paragraph(text));
}
