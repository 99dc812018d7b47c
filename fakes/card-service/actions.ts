// Action and OpenLink, and the `onClick` every clickable widget carries.
import type { FakeContext } from '../core/context';
import { argBoolean, argEnum, argOf, argString, CardObject, defined, isNonEmpty } from './base';
import { LoadIndicator, OnClose, OpenAs } from './enums';
import type { ActionJson, ActionParameterJson, OnClickJson, OpenLinkJson } from './json';
import { CARD_MESSAGES, signatureMismatch } from './messages';

type GAction = GoogleAppsScript.Card_Service.Action;
type GOpenLink = GoogleAppsScript.Card_Service.OpenLink;

type ActionApi = Pick<
  GAction,
  | 'addRequiredWidget'
  | 'setAllWidgetsAreRequired'
  | 'setFunctionName'
  | 'setLoadIndicator'
  | 'setParameters'
  | 'setPersistValues'
>;

export class FakeAction extends CardObject implements ActionApi {
  private functionName?: string;
  private parameters: ActionParameterJson[] = [];
  private loadIndicator = 'SPINNER';
  private persistValues = false;
  private requiredWidgets?: string[];
  private allWidgetsAreRequired?: boolean;

  constructor(ctx: FakeContext) {
    super(ctx, 'Action');
  }

  addRequiredWidget(requiredWidget: string): GAction {
    const name = argString(this, 'addRequiredWidget', requiredWidget);
    this.requiredWidgets = [...(this.requiredWidgets ?? []), name];
    return this.__self();
  }
  setAllWidgetsAreRequired(allWidgetsAreRequired: boolean): GAction {
    this.allWidgetsAreRequired = argBoolean(
      this,
      'setAllWidgetsAreRequired',
      allWidgetsAreRequired
    );
    return this.__self();
  }
  setFunctionName(functionName: string): GAction {
    this.functionName = argString(this, 'setFunctionName', functionName);
    return this.__self();
  }
  setLoadIndicator(loadIndicator: GoogleAppsScript.Card_Service.LoadIndicator): GAction {
    this.loadIndicator = argEnum(this, 'setLoadIndicator', loadIndicator, LoadIndicator);
    return this.__self();
  }
  /** "Both keys and values must be strings" (Action reference); the event hands them back as is. */
  setParameters(parameters: { [key: string]: string }): GAction {
    const mismatch = () => signatureMismatch([parameters], this.__method('setParameters'));
    if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters)) {
      throw mismatch();
    }
    if (Object.getOwnPropertySymbols(parameters).length > 0) throw mismatch();
    const entries = Object.keys(parameters).map(key => ({
      key,
      value: parameters[key] as unknown,
    }));
    if (entries.some(entry => typeof entry.value !== 'string')) throw mismatch();
    this.parameters = entries as ActionParameterJson[];
    return this.__self();
  }
  setPersistValues(persistValues: boolean): GAction {
    this.persistValues = argBoolean(this, 'setPersistValues', persistValues);
    return this.__self();
  }

  __json(): ActionJson {
    if (!isNonEmpty(this.functionName)) throw new Error(CARD_MESSAGES.actionWithoutFunctionName);
    return defined({
      function: this.functionName,
      parameters: this.parameters.map(p => ({ key: p.key, value: p.value })),
      loadIndicator: this.loadIndicator,
      persistValues: this.persistValues,
      requiredWidgets: this.requiredWidgets && [...this.requiredWidgets],
      allWidgetsAreRequired: this.allWidgetsAreRequired,
    });
  }
}

type OpenLinkApi = Pick<GOpenLink, 'setOnClose' | 'setOpenAs' | 'setUrl'>;

export class FakeOpenLink extends CardObject implements OpenLinkApi {
  private url?: string;
  private openAs = 'FULL_SIZE';
  private onClose = 'NOTHING';

  constructor(ctx: FakeContext) {
    super(ctx, 'OpenLink');
  }

  setOnClose(onClose: GoogleAppsScript.Card_Service.OnClose): GOpenLink {
    this.onClose = argEnum(this, 'setOnClose', onClose, OnClose);
    return this.__self();
  }
  setOpenAs(openAs: GoogleAppsScript.Card_Service.OpenAs): GOpenLink {
    this.openAs = argEnum(this, 'setOpenAs', openAs, OpenAs);
    return this.__self();
  }
  setUrl(url: string): GOpenLink {
    this.url = argString(this, 'setUrl', url);
    return this.__self();
  }

  __json(): OpenLinkJson {
    if (!isNonEmpty(this.url)) throw new Error(CARD_MESSAGES.openLinkWithoutUrl);
    // The JSON enum has only NOTHING and RELOAD; RELOAD_ADD_ON is CardService's older name.
    const onClose = this.onClose === 'RELOAD_ADD_ON' ? 'RELOAD' : this.onClose;
    return { url: this.url, openAs: this.openAs, onClose };
  }
}

/** What a click does; a widget holds one, the last one set (as the reference describes). */
export type OnClickRef =
  | { kind: 'action'; action: FakeAction }
  | { kind: 'openLink'; openLink: FakeOpenLink }
  | { kind: 'openDynamicLinkAction'; action: FakeAction };

export function onClickJson(ref: OnClickRef | undefined): OnClickJson | undefined {
  if (!ref) return undefined;
  if (ref.kind === 'openLink') return { openLink: ref.openLink.__json() };
  if (ref.kind === 'action') return { action: ref.action.__json() };
  return { openDynamicLinkAction: ref.action.__json() };
}

/** For `setOnClickAction`. */
export function clickAction(owner: CardObject, method: string, action: unknown): OnClickRef {
  return { kind: 'action', action: argOf<FakeAction>(owner, method, action, ['Action']) };
}

/** For `setOpenLink`. */
export function clickOpenLink(owner: CardObject, method: string, openLink: unknown): OnClickRef {
  return { kind: 'openLink', openLink: argOf<FakeOpenLink>(owner, method, openLink, ['OpenLink']) };
}

/** For `setOnClickOpenLinkAction`: the action returns the link to open. */
export function clickOpenLinkAction(
  owner: CardObject,
  method: string,
  action: unknown
): OnClickRef {
  return {
    kind: 'openDynamicLinkAction',
    action: argOf<FakeAction>(owner, method, action, ['Action']),
  };
}

/** For `setOnChangeAction` and the other action-valued setters. */
export function actionArg(owner: CardObject, method: string, action: unknown): FakeAction {
  return argOf<FakeAction>(owner, method, action, ['Action']);
}
