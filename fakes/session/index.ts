// Session: who is running the execution. Apps Script answers with the active user's email for
// users of the same domain as the script; the fakes always know it.
import type { FakeContext } from '../core/context';

export const SCRIPT_TIME_ZONE = 'Europe/London';

export function createSession(ctx: FakeContext): GoogleAppsScript.Base.Session {
  const user = (): GoogleAppsScript.Base.User =>
    ctx.wrap(
      {
        getEmail: () => ctx.user,
        getUsername: () => ctx.user.split('@')[0],
        toString: () => ctx.user,
      },
      'Session.User'
    ) as unknown as GoogleAppsScript.Base.User;
  const service = {
    getActiveUser: user,
    getEffectiveUser: user,
    getScriptTimeZone: () => SCRIPT_TIME_ZONE,
    getActiveUserLocale: () => 'en_GB',
    getTemporaryActiveUserKey: () => `key-${ctx.user}`,
  } satisfies Pick<
    GoogleAppsScript.Base.Session,
    | 'getActiveUser'
    | 'getEffectiveUser'
    | 'getScriptTimeZone'
    | 'getActiveUserLocale'
    | 'getTemporaryActiveUserKey'
  >;
  return ctx.wrap(service, 'Session') as unknown as GoogleAppsScript.Base.Session;
}
