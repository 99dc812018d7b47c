// The records team's home in the register's Sheets sidebar: what is due (from the Review queue's
// last refresh), the refresh controls, and the sections of the team's other tools. Anyone else who
// opens the register is told what it is and whom to ask.
import type { RecordsTeamHomeView } from '../app/review-queue';
import { DAILY_REFRESH_HOUR } from '../app/review-queue';
import { TABS } from '../domain/register-schema';
import { WINDOWED_KINDS } from '../domain/review-queue';
import type { WindowCounts } from '../domain/review-queue';
import {
  action,
  BRAND,
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

type CardSection = GoogleAppsScript.Card_Service.CardSection;

/** Form field of the daily refresh switch. */
export const DAILY_FIELD = 'dailyQueueRefresh';

const number = (n: number) => n.toLocaleString('en-GB');

function windows(counts: WindowCounts): string {
  const overdue = `Overdue <b>${number(counts.overdue)}</b>`;
  return [
    counts.overdue > 0 ? `<font color="${ERROR_COLOUR}">${overdue}</font>` : overdue,
    `within 3 months <b>${number(counts.next3)}</b>`,
    `3–12 months <b>${number(counts.next12)}</b>`,
  ].join(' · ');
}

function updatedText(view: RecordsTeamHomeView): string {
  if (!view.refreshedAt) return 'Not refreshed yet';
  const when = formatDateTime(view.refreshedAt);
  return view.complete
    ? `Updated ${when} (complete)`
    : `Updated ${when} (partial: ${number(view.rowsDone)} of ${number(view.totalRows)} rows)`;
}

export function recordsTeamHomeCard(
  view: RecordsTeamHomeView,
  extraSections: CardSection[] = []
): GoogleAppsScript.Card_Service.Card {
  const due = CardService.newCardSection().setHeader('What is due');
  const summary = view.summary;
  if (!summary) {
    due.addWidget(
      paragraph(
        `The ${TABS.queue.name} has not been built yet. Press <b>Refresh review queue</b> to list what is due for review, disposal and transfer.`
      )
    );
  } else {
    for (const kind of WINDOWED_KINDS) {
      due.addWidget(
        CardService.newDecoratedText()
          .setTopLabel(kind)
          .setText(windows(summary.due[kind]))
          .setWrapText(true)
      );
    }
    due
      .addWidget(
        labelled(
          'On legal hold',
          `${number(summary.onHold)} ${summary.onHold === 1 ? 'record' : 'records'}`
        )
      )
      .addWidget(
        labelled('Destruction awaiting second approval', `${number(summary.secondApprovals)}`)
      );
    const fixing = CardService.newDecoratedText()
      .setTopLabel('Register rows needing fixing')
      .setText(
        summary.problems > 0
          ? coloured(number(summary.problems), WARNING_COLOUR)
          : number(summary.problems)
      )
      .setWrapText(true);
    if (summary.problems > 0)
      fixing.setBottomLabel(`The Problem column of the ${TABS.queue.name} says what to fix`);
    due.addWidget(fixing);
  }
  due.addWidget(paragraph(html(updatedText(view))));
  if (view.running) {
    due.addWidget(
      paragraph(
        html(`Refreshing now: started ${formatDateTime(view.running.since)} by ${view.running.by}.`)
      )
    );
  }
  if (view.notice) due.addWidget(paragraph(html(view.notice)));

  const others = view.scheduledBy.filter(u => u !== view.user);
  const controls = CardService.newCardSection()
    .addWidget(
      CardService.newButtonSet()
        .addButton(button('Refresh review queue', action('onRefreshReviewQueue'), true))
        .addButton(
          CardService.newTextButton()
            .setText(`Open the ${TABS.queue.name}`)
            .setOpenLink(CardService.newOpenLink().setUrl(view.queueUrl))
        )
    )
    .addWidget(
      CardService.newDecoratedText()
        .setText('Refresh every day')
        .setBottomLabel(
          `At about ${DAILY_REFRESH_HOUR}:00, as you.${others.length ? ` Also on for ${others.join(', ')}.` : ''}`
        )
        .setWrapText(true)
        .setSwitchControl(
          CardService.newSwitch()
            .setFieldName(DAILY_FIELD)
            .setValue('yes')
            .setSelected(view.daily)
            .setOnChangeAction(action('onToggleDailyQueueRefresh'))
        )
    );

  const card = CardService.newCardBuilder()
    .setName('records-team')
    .setHeader(header('Records team', BRAND))
    .addSection(due)
    .addSection(controls);
  for (const section of extraSections) card.addSection(section);
  return card.build();
}

/** For anyone not in the records team who opens the register in Sheets. */
export function registerVisitorCard(administrators: string[]): GoogleAppsScript.Card_Service.Card {
  const who = administrators.length ? administrators.join(', ') : 'your records administrator';
  return CardService.newCardBuilder()
    .setName('register-visitor')
    .setHeader(header('Records register', BRAND))
    .addSection(
      CardService.newCardSection()
        .addWidget(
          paragraph(
            `This spreadsheet is the department's records register. You can read it as usual; Records Capture keeps it up to date as records are declared.`
          )
        )
        .addWidget(
          paragraph(
            `The records team's tools (review, disposal, legal holds, transfer to The National Archives) are for the members listed in its "${html(TABS.team.name)}" tab. To be added, ask <b>${html(who)}</b>.`
          )
        )
        .addWidget(
          paragraph(
            'To declare a record, open the document or file itself and use this sidebar there.'
          )
        )
    )
    .build();
}
