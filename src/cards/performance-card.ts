// The records team's performance tools: the Dashboard tab's refresh and the biannual ExCo report,
// as a section of the team's home card, and the card shown once a report is made.
import { DASHBOARD_REFRESH_HOUR } from '../app/dashboard';
import type { ExcoOutcome, PerformanceView } from '../app/exco-report';
import { periodLabel } from '../domain/metrics';
import { action, BRAND, button, formatDateTime, header, html, paragraph } from './common';

type Card = GoogleAppsScript.Card_Service.Card;
type CardSection = GoogleAppsScript.Card_Service.CardSection;

/** Form fields of the section. */
export const DASHBOARD_DAILY_FIELD = 'dailyDashboardRefresh';
export const EXCO_SCHEDULE_FIELD = 'excoSchedule';
export const EXCO_PERIOD_FIELD = 'excoPeriod';

function linkButton(text: string, url: string): GoogleAppsScript.Card_Service.TextButton {
  return CardService.newTextButton()
    .setText(text)
    .setOpenLink(CardService.newOpenLink().setUrl(url).setOpenAs(CardService.OpenAs.FULL_SIZE));
}

function switchRow(
  text: string,
  note: string,
  field: string,
  selected: boolean,
  onChange: string
): GoogleAppsScript.Card_Service.DecoratedText {
  return CardService.newDecoratedText()
    .setText(text)
    .setBottomLabel(note)
    .setWrapText(true)
    .setSwitchControl(
      CardService.newSwitch()
        .setFieldName(field)
        .setValue('yes')
        .setSelected(selected)
        .setOnChangeAction(action(onChange))
    );
}

const also = (by: string[], user: string) => {
  const others = by.filter(u => u !== user);
  return others.length ? ` Also on for ${others.join(', ')}.` : '';
};

/** The "Performance" section of the records team's home card. */
export function performanceHomeSection(view: PerformanceView, notice?: string): CardSection {
  const section = CardService.newCardSection().setHeader('Performance');
  const state = view.dashboard;
  section.addWidget(
    paragraph(
      html(
        state
          ? `Dashboard updated ${formatDateTime(new Date(state.refreshedAt))} from ${state.rows.toLocaleString('en-GB')} register rows.`
          : 'The Dashboard tab has not been built yet: press Refresh dashboard.'
      )
    )
  );
  if (notice) section.addWidget(paragraph(html(notice)));
  section
    .addWidget(
      CardService.newButtonSet()
        .addButton(button('Refresh dashboard', action('onRefreshDashboard')))
        .addButton(linkButton('Open the Dashboard', view.dashboardUrl))
    )
    .addWidget(
      switchRow(
        'Refresh dashboard every day',
        `At about ${DASHBOARD_REFRESH_HOUR}:00, as you.${also(view.dailyBy, view.user)}`,
        DASHBOARD_DAILY_FIELD,
        view.daily,
        'onToggleDailyDashboard'
      )
    );

  const periods = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setTitle('ExCo report for')
    .setFieldName(EXCO_PERIOD_FIELD);
  for (const p of view.periods) {
    periods.addItem(`${p.label}${p.report ? ' (made)' : ''}`, p.id, p.id === view.selected);
  }
  section
    .addWidget(periods)
    .addWidget(button('Make ExCo report', action('onGenerateExcoReport')))
    .addWidget(
      switchRow(
        'Make the ExCo report in April and October',
        `On the 1st, for the half-year just ended, as you.${also(view.scheduledBy, view.user)}`,
        EXCO_SCHEDULE_FIELD,
        view.scheduled,
        'onToggleExcoSchedule'
      )
    );
  const made = view.periods.find(p => p.report);
  if (made?.report) {
    section.addWidget(linkButton(`Open the ExCo report for ${made.id}`, made.report.url));
  }
  return section;
}

/** What a report run made: the Doc, its record, and anything the team must still do. */
export function excoResultCard(outcome: ExcoOutcome): Card {
  const section = CardService.newCardSection()
    .addWidget(
      paragraph(
        html(
          `${outcome.regenerated ? 'Made again' : 'Made'} for ${periodLabel(outcome.period)}, from ${outcome.rows.toLocaleString('en-GB')} register rows.${outcome.regenerated ? ' The commentary already written in it is kept.' : ''}`
        )
      )
    )
    .addWidget(
      paragraph(
        html(
          outcome.recordId
            ? `It is a record: ${outcome.recordId}, OFFICIAL, filed in its series.`
            : `It is not a record yet: ${outcome.notDeclared}`
        )
      )
    )
    .addWidget(
      paragraph(
        html(
          `Figures as of the dashboard refresh of ${formatDateTime(outcome.figuresAsOf)}.${outcome.refreshedFirst ? ` The dashboard was refreshed first: ${outcome.refreshedFirst}.` : ''}`
        )
      )
    )
    .addWidget(
      paragraph(
        'Write the commentary and actions in its last table before sending it to ExCo. Making the report again keeps them.'
      )
    )
    .addWidget(linkButton('Open the report', outcome.url))
    .addWidget(button('Back to the records team', action('onRecordsTeamHome')));
  return CardService.newCardBuilder()
    .setName('exco-report')
    .setHeader(header(outcome.title, BRAND))
    .addSection(section)
    .build();
}
