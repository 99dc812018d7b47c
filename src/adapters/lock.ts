// The script lock serialises register writes across every user of the deployment.
import { UserFacingError } from '../app/errors';

/** How long a declaration waits for another user's register write to finish. */
export const LOCK_WAIT_MS = 10_000;

export function withScriptLock<T>(work: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) {
    throw new UserFacingError(
      `The register is busy: other declarations were being saved and it did not free up within ${waitMs / 1000} seconds. Nothing was saved. Please try again in a moment.`,
      'Register busy'
    );
  }
  try {
    return work();
  } finally {
    // Writes must reach the sheet before another execution reads it (LockService docs).
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
