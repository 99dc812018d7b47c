// The records team's performance tools: the Dashboard refresh (button and daily run) and the
// biannual ExCo report (button and the April and October run). Records team only.
import {
  DASHBOARD_CARD_BUDGET_MS,
  DASHBOARD_TRIGGER_BUDGET_MS,
  recentDashboard,
  refreshDashboard,
  setDailyDashboard,
} from '../app/dashboard';
import type { DashboardReport } from '../app/dashboard';
import { openWorkplace, requireWorkplace } from '../app/deployment';
import type { Workplace } from '../app/deployment';
import { UserFacingError } from '../app/errors';
import {
  EXCO_CARD_BUDGET,
  EXCO_TRIGGER_BUDGET,
  generateExcoReport,
  readReports,
  removeOwnExcoSchedule,
  setExcoSchedule,
} from '../app/exco-report';
import { isTeamMember, requireTeamMember } from '../app/records-team';
import { formatDateTime, update } from '../cards/common';
import {
  DASHBOARD_DAILY_FIELD,
  EXCO_PERIOD_FIELD,
  EXCO_SCHEDULE_FIELD,
  excoResultCard,
} from '../cards/performance-card';
import { parsePeriod, periodId, periodJustEnded } from '../domain/metrics';
import { formString } from './event';
import type { AddonEvent } from './event';
import { recordsTeamHome } from './records-team';
import { respond } from './respond';

type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;

function teamWorkplace(what: string): Workplace {
  const w = requireWorkplace();
  requireTeamMember(w, what);
  return w;
}

function describe(report: DashboardReport): string {
  const undated = report.undated
    ? ` ${report.undated.toLocaleString('en-GB')} rows have no date in "Declared at" and count in no month.`
    : '';
  return `Dashboard refreshed from ${report.rows.toLocaleString('en-GB')} register rows, ${report.units} business units.${undated}`;
}

export function onRefreshDashboard(_e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace('the dashboard');
    const report = refreshDashboard(w, new Date(), DASHBOARD_CARD_BUDGET_MS);
    return update(recordsTeamHome(w, describe(report)), 'Dashboard refreshed');
  });
}

export function onToggleDailyDashboard(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace('the dashboard');
    const on = formString(e, DASHBOARD_DAILY_FIELD) === 'yes';
    setDailyDashboard(w, on);
    return update(
      recordsTeamHome(w),
      on ? 'The dashboard will be refreshed every day' : 'Daily dashboard refresh turned off'
    );
  });
}

/** Time-driven, daily: rebuilds the Dashboard tab unless it was rebuilt in the last 12 hours. */
export function onScheduledDashboardRefresh(_e: unknown): void {
  const w = openWorkplace();
  if (!w) return;
  if (!isTeamMember(w)) {
    console.warn(
      `Daily dashboard refresh removed: ${w.user} is no longer a member of the records team.`
    );
    setDailyDashboard(w, false);
    return;
  }
  const now = new Date();
  const recent = recentDashboard(w, now);
  if (recent) {
    console.log(
      `Dashboard already refreshed at ${formatDateTime(new Date(recent.refreshedAt))}: nothing to do.`
    );
    return;
  }
  console.log(describe(refreshDashboard(w, now, DASHBOARD_TRIGGER_BUDGET_MS)));
}

export function onGenerateExcoReport(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace('the ExCo report');
    const chosen = formString(e, EXCO_PERIOD_FIELD);
    const period = parsePeriod(chosen);
    if (!period) {
      throw new UserFacingError(
        `"${chosen}" is not a half-year: choose one from the list (for example 2025-26 H2). Nothing was made.`,
        'Choose a period'
      );
    }
    const outcome = generateExcoReport(w, period, new Date(), EXCO_CARD_BUDGET);
    return CardService.newActionResponseBuilder()
      .setNavigation(CardService.newNavigation().pushCard(excoResultCard(outcome)))
      .setNotification(
        CardService.newNotification().setText(
          outcome.regenerated ? 'ExCo report made again' : 'ExCo report made'
        )
      )
      .build();
  });
}

export function onToggleExcoSchedule(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace('the ExCo report');
    const on = formString(e, EXCO_SCHEDULE_FIELD) === 'yes';
    setExcoSchedule(w, on);
    return update(
      recordsTeamHome(w),
      on ? 'The ExCo report will be made in April and October' : 'Scheduled ExCo report turned off'
    );
  });
}

/**
 * Time-driven, on the 1st of every month: in April and October, makes the report for the
 * half-year just ended, once (a report already made for it, by anyone, is left as it is).
 */
export function onScheduledExcoReport(_e: unknown): void {
  const w = openWorkplace();
  if (!w) return;
  if (!isTeamMember(w)) {
    console.warn(
      `Scheduled ExCo report removed: ${w.user} is no longer a member of the records team.`
    );
    removeOwnExcoSchedule(w);
    return;
  }
  const now = new Date();
  const period = periodJustEnded(now);
  if (!period) {
    console.log('The ExCo report is made in April and October: nothing to do this month.');
    return;
  }
  const made = readReports(w)[periodId(period)];
  if (made) {
    console.log(
      `The ExCo report for ${periodId(period)} was made already (${made.url}): nothing to do.`
    );
    return;
  }
  const outcome = generateExcoReport(w, period, now, EXCO_TRIGGER_BUDGET);
  console.log(`ExCo report for ${periodId(period)} made: ${outcome.url}`);
}
