// User text on its way into a spreadsheet cell: kept exactly as typed, never run as a formula.

/** Google Sheets refuses cells over 50,000 characters. */
export const CELL_CHARACTER_LIMIT = 50_000;

const TRUNCATION_NOTE = ' [cut: the full text did not fit in one cell]';

/**
 * Control characters are removed (tabs and line breaks are kept); bidirectional marks and
 * right-to-left scripts are kept as they are, because they are part of the text.
 */
export function cleanText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/\r\n?/g, '\n')
  );
}

export interface CellText {
  /** What to write with setValues: prefixed with an apostrophe so Sheets stores it as text. */
  cell: string;
  /** The text a reader sees in the cell. */
  text: string;
  truncated: boolean;
}

/**
 * Prepares user text for a cell. Every string gets a leading apostrophe: Sheets then stores it
 * as plain text, so `=SUM(...)`, `+44 20…`, `-5`, `@team` or `2017-01-05` stay exactly as typed
 * instead of becoming formulas, numbers or dates. The apostrophe itself is not stored.
 */
export function toCellText(value: string, limit = CELL_CHARACTER_LIMIT): CellText {
  let text = cleanText(value);
  let truncated = false;
  // The apostrophe counts towards the limit as typed input.
  if (text.length + 1 > limit) {
    text = text.slice(0, limit - 1 - TRUNCATION_NOTE.length) + TRUNCATION_NOTE;
    truncated = true;
  }
  return { cell: text === '' ? '' : `'${text}`, text, truncated };
}

/** Cuts text for display in a card (cards have no documented limit; long text is unreadable). */
export function shorten(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
