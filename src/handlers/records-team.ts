// The records team's home in the register's sidebar and the Review queue refresh: card actions
// and the daily time-driven refresh.
import { openWorkplace, requireWorkplace } from '../app/deployment';
import type { Workplace } from '../app/deployment';
import { UserFacingError } from '../app/errors';
import {
  isTeamMember,
  registerBehind,
  requireTeamMember,
  upgradeRegister,
} from '../app/records-team';
import { withScriptLock } from '../adapters/lock';
import {
  QUEUE_CARD_BUDGET_MS,
  QUEUE_TRIGGER_BUDGET_MS,
  recentRefresh,
  recordsTeamHomeView,
  refreshQueue,
  removeOwnDailyRefresh,
  setDailyRefresh,
} from '../app/review-queue';
import type { RefreshReport } from '../app/review-queue';
import { formatDateTime, update } from '../cards/common';
import { auditHomeSection } from '../cards/audit-card';
import { reviewHomeSection } from '../cards/review-card';
import { transferHomeSection } from '../cards/transfer-card';
import { leaverHomeSection } from '../cards/leaver-card';
import { readLeaverSweep } from '../app/leaver-sweep';
import { protectionHomeSection } from '../cards/setup-card';
import { reviewSummary } from '../app/review';
import { DAILY_FIELD, recordsTeamHomeCard, registerVisitorCard } from '../cards/records-team-card';
import { performanceView } from '../app/exco-report';
import { performanceHomeSection } from '../cards/performance-card';
import { readRules } from '../app/nudges';
import { suggestionRulesSection } from '../cards/nudge-card';
import { formString } from './event';
import type { AddonEvent } from './event';
import { respond } from './respond';

type Card = GoogleAppsScript.Card_Service.Card;
type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;

/** The records team's home card. */
export function recordsTeamHome(w: Workplace, notice?: string): Card {
  return recordsTeamHomeCard(recordsTeamHomeView(w, notice), [
    reviewHomeSection(reviewSummary(w)),
    performanceHomeSection(performanceView(w, new Date())),
    suggestionRulesSection(readRules(w)),
    transferHomeSection(),
    leaverHomeSection(readLeaverSweep()),
    auditHomeSection(),
    protectionHomeSection(w),
  ]);
}

/** What the register's own Sheets sidebar shows: the team's home, or who to ask. */
export function registerSidebar(w: Workplace): Card {
  try {
    requireTeamMember(w);
  } catch (error) {
    if (error instanceof UserFacingError) return registerVisitorCard(w.administrators);
    throw error;
  }
  // A member opening the register brings one made by an earlier version up to date, once.
  if (registerBehind(w.register))
    withScriptLock(() => upgradeRegister(w.register, w.user, new Date()));
  return recordsTeamHome(w);
}

function teamWorkplace(): Workplace {
  const w = requireWorkplace();
  requireTeamMember(w);
  return w;
}

export function onRecordsTeamHome(_e: AddonEvent): ActionResponse {
  return respond(() => update(recordsTeamHome(teamWorkplace())));
}

const count = (n: number) => n.toLocaleString('en-GB');

function describe(report: RefreshReport): string {
  if (report.busy) {
    const since = report.busy.since ? formatDateTime(new Date(report.busy.since)) : 'just now';
    return `A refresh is already running (started ${since} by ${report.busy.by}). Its figures appear here as it goes; try again in a few minutes.`;
  }
  if (report.complete) {
    return `Review queue refreshed: ${count(report.state.summary.lines)} lines from ${count(report.totalRows)} register rows.`;
  }
  return `Refreshed ${count(report.rowsDone)} of ${count(report.totalRows)} register rows. Time ran out: press Refresh again to continue, or let the daily refresh finish it. Nothing is lost.`;
}

export function onRefreshReviewQueue(_e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    const report = refreshQueue(w, new Date(), QUEUE_CARD_BUDGET_MS);
    const notice = describe(report);
    return update(
      recordsTeamHome(w, notice),
      report.busy
        ? 'A refresh is already running'
        : report.complete
          ? 'Review queue refreshed'
          : 'Review queue partly refreshed'
    );
  });
}

export function onToggleDailyQueueRefresh(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = teamWorkplace();
    const on = formString(e, DAILY_FIELD) === 'yes';
    setDailyRefresh(w, on);
    return update(
      recordsTeamHome(w),
      on ? 'The Review queue will be refreshed every day' : 'Daily refresh turned off'
    );
  });
}

/** Time-driven, daily: refreshes the Review queue for up to about five minutes. */
export function onScheduledQueueRefresh(_e: unknown): void {
  const w = openWorkplace();
  if (!w) return;
  if (!isTeamMember(w)) {
    console.warn(
      `Daily Review queue refresh removed: ${w.user} is no longer a member of the records team.`
    );
    removeOwnDailyRefresh(w);
    return;
  }
  const now = new Date();
  const recent = recentRefresh(w, now);
  if (recent) {
    console.log(
      `Review queue already refreshed at ${formatDateTime(new Date(recent.refreshedAt!))}: nothing to do.`
    );
    return;
  }
  const report = refreshQueue(w, now, QUEUE_TRIGGER_BUDGET_MS);
  console.log(describe(report));
}
