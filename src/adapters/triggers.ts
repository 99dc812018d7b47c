// Time-driven triggers (ScriptApp). A trigger belongs to the user who made it: these see and
// change only the current user's own.

export type Schedule =
  | { every: 'hour' }
  | { every: 'day'; hour: number }
  | { every: 'month'; day: number; hour: number };

/** The current user's triggers that run `handler`. */
export function ownTriggers(handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter(t => t.getHandlerFunction() === handler);
}

/** The handlers of all the current user's triggers, in one call. */
export function ownTriggerHandlers(): string[] {
  return ScriptApp.getProjectTriggers().map(t => t.getHandlerFunction());
}

export function createTrigger(handler: string, schedule: Schedule): void {
  const clock = ScriptApp.newTrigger(handler).timeBased();
  if (schedule.every === 'hour') clock.everyHours(1).create();
  else if (schedule.every === 'day') clock.everyDays(1).atHour(schedule.hour).create();
  else clock.onMonthDay(schedule.day).atHour(schedule.hour).create();
}

/** Removes every trigger of the current user's that runs `handler`. */
export function deleteTriggers(handler: string): void {
  for (const trigger of ownTriggers(handler)) ScriptApp.deleteTrigger(trigger);
}
