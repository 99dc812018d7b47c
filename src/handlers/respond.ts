// Every entry point answers with a card, even when something fails: a known problem gets its own
// explanation, anything else a plain error card with the message (and the log gets the stack).
import { messageOf, UserFacingError } from '../app/errors';
import { errorCard, update } from '../cards/common';

type Card = GoogleAppsScript.Card_Service.Card;
type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;

function failureCard(error: unknown): Card {
  if (error instanceof UserFacingError) return errorCard(error.title, error.message);
  console.error(error);
  return errorCard(
    'Something went wrong',
    `Records Capture hit an unexpected problem (${messageOf(error).replace(/\.$/, '')}). Nothing further was saved. If it happens again, tell your records team.`
  );
}

/** For triggers, which must return an array of cards. */
export function cards(build: () => Card | Card[]): Card[] {
  try {
    const result = build();
    return Array.isArray(result) ? result : [result];
  } catch (error) {
    return [failureCard(error)];
  }
}

/** For card actions: the result replaces the current card. */
export function respond(build: () => ActionResponse): ActionResponse {
  try {
    return build();
  } catch (error) {
    const title = error instanceof UserFacingError ? error.title : 'Something went wrong';
    return update(failureCard(error), title);
  }
}
