// Errors the user is shown as they are: each says what happened, whether anything was saved,
// and what to do next. Anything else is reported as an unexpected error with its message.

export class UserFacingError extends Error {
  constructor(
    message: string,
    /** A short heading for the error card. */
    readonly title = 'Records Capture could not do that'
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error)
    return String((error as Error).message);
  return String(error);
}

/** Apps Script's message for a spreadsheet or file the user cannot open. */
export function isAccessError(error: unknown): boolean {
  return /permission|access denied|not have access|no item with the given id|not found|is missing/i.test(
    messageOf(error)
  );
}

export function isProtectionError(error: unknown): boolean {
  return /protected cell or object|protected range/i.test(messageOf(error));
}
