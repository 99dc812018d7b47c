// What card actions and triggers return besides cards: navigation with notifications and links,
// universal action responses, and the requests for per-file access in editors and Drive. Each
// builder's build() takes a JSON snapshot; `cardToJson` reads it.
import type { FakeContext } from '../core/context';
import type { FakeOpenLink } from './actions';
import { argOf, argString, CardObject, defined, isNonEmpty, unwrap } from './base';
import type { FakeCard } from './card';
import type {
  ActionResponseJson,
  CardJson,
  DriveItemsSelectedActionResponseJson,
  EditorFileScopeActionResponseJson,
  NavigationJson,
  ResponseJson,
  UniversalActionResponseJson,
} from './json';
import { CARD_MESSAGES, signatureMismatch } from './messages';

type GCard = GoogleAppsScript.Card_Service.Card;
type GNavigation = GoogleAppsScript.Card_Service.Navigation;
type GNotification = GoogleAppsScript.Card_Service.Notification;
type GOpenLink = GoogleAppsScript.Card_Service.OpenLink;
type GActionResponse = GoogleAppsScript.Card_Service.ActionResponse;
type GActionResponseBuilder = GoogleAppsScript.Card_Service.ActionResponseBuilder;
type GUniversalActionResponse = GoogleAppsScript.Card_Service.UniversalActionResponse;
type GUniversalActionResponseBuilder = GoogleAppsScript.Card_Service.UniversalActionResponseBuilder;
type GEditorResponse = GoogleAppsScript.Card_Service.EditorFileScopeActionResponse;
type GEditorResponseBuilder = GoogleAppsScript.Card_Service.EditorFileScopeActionResponseBuilder;
type GDriveResponse = GoogleAppsScript.Card_Service.DriveItemsSelectedActionResponse;
type GDriveResponseBuilder = GoogleAppsScript.Card_Service.DriveItemsSelectedActionResponseBuilder;

/** The classes whose objects `cardToJson` accepts as a trigger's or an action's result. */
export const RESPONSE_CLASSES = [
  'ActionResponse',
  'UniversalActionResponse',
  'EditorFileScopeActionResponse',
  'DriveItemsSelectedActionResponse',
] as const;

/** A built response: immutable JSON with `printJson`. */
export class FakeResponse
  extends CardObject
  implements
    Pick<GActionResponse & GUniversalActionResponse & GEditorResponse & GDriveResponse, 'printJson'>
{
  private readonly json: string;

  constructor(ctx: FakeContext, className: (typeof RESPONSE_CLASSES)[number], json: ResponseJson) {
    super(ctx, className);
    this.json = JSON.stringify(json);
  }

  printJson(): string {
    return JSON.stringify(this.__json(), null, 2);
  }

  __json(): ResponseJson {
    return JSON.parse(this.json) as ResponseJson;
  }
}

function cardArg(owner: CardObject, method: string, card: unknown): CardJson {
  return argOf<FakeCard>(owner, method, card, ['Card']).__json();
}

export class FakeNavigation
  extends CardObject
  implements
    Pick<
      GNavigation,
      'popCard' | 'popToNamedCard' | 'popToRoot' | 'printJson' | 'pushCard' | 'updateCard'
    >
{
  private steps: NavigationJson[] = [];

  constructor(ctx: FakeContext) {
    super(ctx, 'Navigation');
  }

  popCard(): GNavigation {
    this.steps.push({ popCard: true });
    return this.__self();
  }
  popToNamedCard(cardName: string): GNavigation {
    this.steps.push({ popToCard: argString(this, 'popToNamedCard', cardName) });
    return this.__self();
  }
  popToRoot(): GNavigation {
    this.steps.push({ popToRoot: true });
    return this.__self();
  }
  /** "For debugging only" in the reference; here the same steps the response carries. */
  printJson(): string {
    return JSON.stringify({ navigations: this.__steps() }, null, 2);
  }
  pushCard(card: GCard): GNavigation {
    this.steps.push({ pushCard: cardArg(this, 'pushCard', card) });
    return this.__self();
  }
  updateCard(card: GCard): GNavigation {
    this.steps.push({ updateCard: cardArg(this, 'updateCard', card) });
    return this.__self();
  }

  __steps(): NavigationJson[] {
    return JSON.parse(JSON.stringify(this.steps)) as NavigationJson[];
  }
}

export class FakeNotification extends CardObject implements Pick<GNotification, 'setText'> {
  private text?: string;

  constructor(ctx: FakeContext) {
    super(ctx, 'Notification');
  }

  setText(text: string): GNotification {
    this.text = argString(this, 'setText', text);
    return this.__self();
  }

  __json(): { text: string } {
    if (!isNonEmpty(this.text)) throw new Error(CARD_MESSAGES.notificationWithoutText);
    return { text: this.text };
  }
}

export class FakeActionResponseBuilder
  extends CardObject
  implements
    Pick<
      GActionResponseBuilder,
      'build' | 'setNavigation' | 'setNotification' | 'setOpenLink' | 'setStateChanged'
    >
{
  private navigation?: FakeNavigation;
  private notification?: FakeNotification;
  private openLink?: FakeOpenLink;
  private stateChanged?: boolean;

  constructor(ctx: FakeContext) {
    super(ctx, 'ActionResponseBuilder');
  }

  build(): GActionResponse {
    const json: ActionResponseJson = {
      renderActions: defined({
        action: defined({
          navigations: this.navigation?.__steps(),
          notification: this.notification?.__json(),
          link: this.openLink?.__json(),
        }),
        stateChanged: this.stateChanged,
      }),
    };
    return new FakeResponse(this.__ctx, 'ActionResponse', json).__self();
  }
  setNavigation(navigation: GNavigation): GActionResponseBuilder {
    this.navigation = argOf(this, 'setNavigation', navigation, ['Navigation']);
    return this.__self();
  }
  setNotification(notification: GNotification): GActionResponseBuilder {
    this.notification = argOf(this, 'setNotification', notification, ['Notification']);
    return this.__self();
  }
  setOpenLink(openLink: GOpenLink): GActionResponseBuilder {
    this.openLink = argOf(this, 'setOpenLink', openLink, ['OpenLink']);
    return this.__self();
  }
  setStateChanged(stateChanged: boolean): GActionResponseBuilder {
    if (typeof stateChanged !== 'boolean') {
      throw signatureMismatch([stateChanged], this.__method('setStateChanged'));
    }
    this.stateChanged = stateChanged;
    return this.__self();
  }
}

export class FakeUniversalActionResponseBuilder
  extends CardObject
  implements Pick<GUniversalActionResponseBuilder, 'build' | 'displayAddOnCards' | 'setOpenLink'>
{
  /** The two are alternatives: the last one set is the response. */
  private content?: { cards: CardJson[] } | { openLink: FakeOpenLink };

  constructor(ctx: FakeContext) {
    super(ctx, 'UniversalActionResponseBuilder');
  }

  build(): GUniversalActionResponse {
    const content = this.content;
    if (!content) throw new Error(CARD_MESSAGES.universalResponseEmpty);
    const json: UniversalActionResponseJson =
      'cards' in content
        ? { cards: content.cards }
        : { renderActions: { action: { link: content.openLink.__json() } } };
    return new FakeResponse(this.__ctx, 'UniversalActionResponse', json).__self();
  }
  displayAddOnCards(cardObjects: GCard[]): GUniversalActionResponseBuilder {
    const cards = Array.isArray(cardObjects) ? cardObjects.map(unwrap) : [];
    if (!Array.isArray(cardObjects) || cards.some(card => card?.__className !== 'Card')) {
      throw signatureMismatch([cardObjects], this.__method('displayAddOnCards'));
    }
    this.content = { cards: cards.map(card => (card as FakeCard).__json()) };
    return this.__self();
  }
  setOpenLink(openLink: GOpenLink): GUniversalActionResponseBuilder {
    this.content = { openLink: argOf(this, 'setOpenLink', openLink, ['OpenLink']) };
    return this.__self();
  }
}

export class FakeEditorFileScopeActionResponseBuilder
  extends CardObject
  implements Pick<GEditorResponseBuilder, 'build' | 'requestFileScopeForActiveDocument'>
{
  private requested = false;

  constructor(ctx: FakeContext) {
    super(ctx, 'EditorFileScopeActionResponseBuilder');
  }

  build(): GEditorResponse {
    const json: EditorFileScopeActionResponseJson = {
      editorFileScopeRequest: { requestFileScopeForActiveDocument: this.requested },
    };
    return new FakeResponse(this.__ctx, 'EditorFileScopeActionResponse', json).__self();
  }
  requestFileScopeForActiveDocument(): GEditorResponseBuilder {
    this.requested = true;
    return this.__self();
  }
}

export class FakeDriveItemsSelectedActionResponseBuilder
  extends CardObject
  implements Pick<GDriveResponseBuilder, 'build' | 'requestFileScope'>
{
  private itemIds: string[] = [];

  constructor(ctx: FakeContext) {
    super(ctx, 'DriveItemsSelectedActionResponseBuilder');
  }

  build(): GDriveResponse {
    const json: DriveItemsSelectedActionResponseJson = {
      driveItemsSelectedRequest: { fileScopeItemIds: [...this.itemIds] },
    };
    return new FakeResponse(this.__ctx, 'DriveItemsSelectedActionResponse', json).__self();
  }
  requestFileScope(itemId: string): GDriveResponseBuilder {
    this.itemIds.push(argString(this, 'requestFileScope', itemId));
    return this.__self();
  }
}
