// Session: who is running the execution. Apps Script answers with the active user's email for
// users of the same domain as the script; the fakes always know it.
import type { FakeContext } from '../core/context';

export const SCRIPT_TIME_ZONE = 'Europe/London';

export function createSession(ctx: FakeContext): GoogleAppsScript.Base.Session {
  const user = (email: string): GoogleAppsScript.Base.User =>
    ctx.wrap(
      {
        getEmail: () => email,
        getUsername: () => email.split('@')[0],
        toString: () => email,
      },
      'Session.User'
    ) as unknown as GoogleAppsScript.Base.User;
  const service = {
    // A web app executing as its deployer may not know who is calling: '' there (see Execution).
    getActiveUser: () => user(ctx.execution.activeUser),
    getEffectiveUser: () => user(ctx.user),
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
