// ScriptApp: installable time-driven triggers, kept in state so the emulator can list and run them,
// and the OAuth token of the user running the script (./oauth).
import type { FakeContext } from '../core/context';
import { MESSAGES } from '../core/errors';
import { newId } from '../core/state';
import type { TriggerState } from '../core/state';
import { issueOAuthToken, validToken } from './oauth';

/** Add-ons may fire a time-driven trigger at most once an hour (latency-and-quotas.md §2). */
export const MIN_ADDON_TRIGGER_HOURS = 1;
export const MAX_TRIGGERS_PER_USER = 20;

export interface ScriptAppOptions {
  /** The manifest's oauthScopes: what the user authorised, so what their token holds. */
  scopes?: readonly string[];
}

export function createScriptApp(
  ctx: FakeContext,
  options: ScriptAppOptions = {}
): GoogleAppsScript.Script.ScriptApp {
  // One token per execution, issued on first use and handed out again until it expires.
  let token: string | null = null;
  const oauthToken = () => {
    if (!token || !validToken(ctx.state, token)) {
      token = issueOAuthToken(ctx.state, ctx.user, options.scopes);
    }
    return token;
  };
  const triggerView = (t: TriggerState) =>
    ctx.wrap(
      {
        getUniqueId: () => t.id,
        getHandlerFunction: () => t.handlerFunction,
        getEventType: () => t.eventType,
        getTriggerSource: () => 'CLOCK',
      },
      'ScriptApp.Trigger'
    );

  const newTrigger = (handlerFunction: string) => {
    const schedule: TriggerState['schedule'] = {};
    let everyMinutes: number | undefined;
    const clock = ctx.wrap(
      {
        everyMinutes(n: number) {
          everyMinutes = n;
          return clock;
        },
        everyHours(n: number) {
          schedule.everyHours = n;
          return clock;
        },
        everyDays(n: number) {
          schedule.everyDays = n;
          return clock;
        },
        onMonthDay(day: number) {
          // Apps Script takes the 1st to the 31st; a month without the day skips it.
          if (!Number.isInteger(day) || day < 1 || day > 31) {
            throw new Error(`Invalid argument: day`);
          }
          schedule.onMonthDay = day;
          return clock;
        },
        atHour(hour: number) {
          schedule.atHour = hour;
          return clock;
        },
        at(date: Date) {
          schedule.at = date.getTime();
          return clock;
        },
        create() {
          // Checked on create(): the report of this refusal does not say which call raises it.
          const hours = everyMinutes !== undefined ? everyMinutes / 60 : schedule.everyHours;
          if (hours !== undefined && hours < MIN_ADDON_TRIGGER_HOURS) {
            throw new Error(MESSAGES.addonTriggerTooFrequent);
          }
          const mine = ctx.state.triggers.filter(t => t.owner === ctx.user);
          if (mine.length >= MAX_TRIGGERS_PER_USER) throw new Error(MESSAGES.tooManyTriggers);
          const trigger: TriggerState = {
            id: newId(ctx.state),
            owner: ctx.user,
            handlerFunction,
            eventType: 'CLOCK',
            schedule: { ...schedule },
            createdAt: ctx.state.now,
          };
          ctx.state.triggers.push(trigger);
          return triggerView(trigger);
        },
      },
      'ScriptApp.TriggerBuilder'
    );
    return ctx.wrap({ timeBased: () => clock }, 'ScriptApp.TriggerBuilder');
  };

  const service = {
    AuthMode: {
      NONE: 'NONE',
      LIMITED: 'LIMITED',
      FULL: 'FULL',
      CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
    },
    EventType: { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT' },
    newTrigger,
    getProjectTriggers: () => ctx.state.triggers.filter(t => t.owner === ctx.user).map(triggerView),
    deleteTrigger(trigger: { getUniqueId(): string }) {
      const id = trigger.getUniqueId();
      ctx.state.triggers = ctx.state.triggers.filter(t => t.id !== id);
    },
    getScriptId: () => 'records-capture-local',
    getOAuthToken: oauthToken,
  };
  return ctx.wrap(service, 'ScriptApp') as unknown as GoogleAppsScript.Script.ScriptApp;
}
