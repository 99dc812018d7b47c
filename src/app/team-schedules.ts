// The records team's scheduled jobs (daily Review queue and Dashboard refreshes, the April and
// October ExCo report). Each member turns their own on or off; triggers belong to whoever makes
// them, so a script property lists the members who have one, for the home card.
import { withScriptLock } from '../adapters/lock';
import { parseSaved } from '../domain/saved-json';
import { createTrigger, deleteTriggers, ownTriggers } from '../adapters/triggers';
import type { Schedule } from '../adapters/triggers';
import type { Workplace } from './deployment';
import { messageOf, UserFacingError } from './errors';

export interface TeamSchedule {
  handler: string;
  schedule: Schedule;
  /** Script property listing the members whose trigger is on. */
  membersKey: string;
  /** What the schedule does, for messages: "the daily refresh". */
  what: string;
  /** What still works without it: "the Review queue can still be refreshed with the button". */
  otherwise: string;
  /** Title of the card when Google refuses the trigger. */
  refusedTitle: string;
}

/** Whether the current user's trigger for the schedule is on. */
export function scheduleOn(schedule: TeamSchedule): boolean {
  return ownTriggers(schedule.handler).length > 0;
}

/** Turns the current user's trigger on or off, and updates the list of members who have one. */
export function setTeamSchedule(w: Workplace, schedule: TeamSchedule, on: boolean): void {
  const exists = scheduleOn(schedule);
  if (on && !exists) {
    try {
      createTrigger(schedule.handler, schedule.schedule);
    } catch (error) {
      throw new UserFacingError(
        `Google did not allow ${schedule.what} (${messageOf(error).replace(/\.$/, '')}). Nothing was changed: ${schedule.otherwise}.`,
        schedule.refusedTitle
      );
    }
  }
  if (!on && exists) deleteTriggers(schedule.handler);
  withScriptLock(() => {
    const props = PropertiesService.getScriptProperties();
    const by = new Set(membersWithSchedule(props.getProperty(schedule.membersKey)));
    if (on) by.add(w.user);
    else by.delete(w.user);
    props.setProperty(schedule.membersKey, JSON.stringify([...by]));
  });
}

/** The members listed in a schedule's script property (as read, possibly with others). */
export function membersWithSchedule(saved: string | null | undefined): string[] {
  const value = parseSaved<unknown>(saved);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
