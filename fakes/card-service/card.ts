// CardBuilder and the parts of a card (header, section, card action, fixed footer), and the
// built Card: a frozen JSON snapshot taken at build(), when the card's limits and required
// fields are checked.
import type { FakeContext } from '../core/context';
import {
  clickAction,
  clickOpenLink,
  clickOpenLinkAction,
  onClickJson,
  type OnClickRef,
} from './actions';
import {
  argBoolean,
  argEnum,
  argInteger,
  argOf,
  argString,
  CardObject,
  defined,
  isNonEmpty,
  unwrap,
} from './base';
import { DisplayStyle, ImageStyle } from './enums';
import type {
  CardActionJson,
  CardHeaderJson,
  CardJson,
  FixedFooterJson,
  SectionJson,
} from './json';
import {
  CARD_MESSAGES,
  MAX_SECTIONS_PER_CARD,
  MAX_WIDGETS_PER_CARD,
  MAX_WIDGETS_PER_SECTION,
  signatureMismatch,
} from './messages';
import { isWidget, type FakeTextButton, type FakeWidget } from './widgets';

type GAction = GoogleAppsScript.Card_Service.Action;
type GOpenLink = GoogleAppsScript.Card_Service.OpenLink;
type GCard = GoogleAppsScript.Card_Service.Card;
type GCardAction = GoogleAppsScript.Card_Service.CardAction;
type GCardBuilder = GoogleAppsScript.Card_Service.CardBuilder;
type GCardHeader = GoogleAppsScript.Card_Service.CardHeader;
type GCardSection = GoogleAppsScript.Card_Service.CardSection;
type GFixedFooter = GoogleAppsScript.Card_Service.FixedFooter;
type GTextButton = GoogleAppsScript.Card_Service.TextButton;

export class FakeCardHeader
  extends CardObject
  implements
    Pick<
      GCardHeader,
      'setImageAltText' | 'setImageStyle' | 'setImageUrl' | 'setSubtitle' | 'setTitle'
    >
{
  private title?: string;
  private subtitle?: string;
  private imageUrl?: string;
  private imageType?: string;
  private imageAltText?: string;

  constructor(ctx: FakeContext) {
    super(ctx, 'CardHeader');
  }

  setImageAltText(imageAltText: string): GCardHeader {
    this.imageAltText = argString(this, 'setImageAltText', imageAltText);
    return this.__self();
  }
  setImageStyle(imageStyle: GoogleAppsScript.Card_Service.ImageStyle): GCardHeader {
    this.imageType = argEnum(this, 'setImageStyle', imageStyle, ImageStyle);
    return this.__self();
  }
  setImageUrl(imageUrl: string): GCardHeader {
    this.imageUrl = argString(this, 'setImageUrl', imageUrl);
    return this.__self();
  }
  setSubtitle(subtitle: string): GCardHeader {
    this.subtitle = argString(this, 'setSubtitle', subtitle);
    return this.__self();
  }
  setTitle(title: string): GCardHeader {
    this.title = argString(this, 'setTitle', title);
    return this.__self();
  }

  __json(): CardHeaderJson {
    if (!isNonEmpty(this.title)) throw new Error(CARD_MESSAGES.headerWithoutTitle);
    return defined({
      title: this.title,
      subtitle: this.subtitle,
      imageUrl: this.imageUrl,
      imageType: this.imageType,
      imageAltText: this.imageAltText,
    });
  }
}

export class FakeCardSection
  extends CardObject
  implements
    Pick<GCardSection, 'addWidget' | 'setCollapsible' | 'setHeader' | 'setNumUncollapsibleWidgets'>
{
  private header?: string;
  private collapsible?: boolean;
  private uncollapsibleWidgetsCount?: number;
  private widgets: FakeWidget[] = [];

  constructor(ctx: FakeContext) {
    super(ctx, 'CardSection');
  }

  addWidget(widget: GoogleAppsScript.Card_Service.Widget): GCardSection {
    const target = unwrap(widget);
    if (!isWidget(target)) throw signatureMismatch([widget], this.__method('addWidget'));
    if (this.widgets.length >= MAX_WIDGETS_PER_SECTION) {
      throw new Error(CARD_MESSAGES.tooManyWidgetsInSection);
    }
    this.widgets.push(target);
    return this.__self();
  }
  setCollapsible(collapsible: boolean): GCardSection {
    this.collapsible = argBoolean(this, 'setCollapsible', collapsible);
    return this.__self();
  }
  setHeader(header: string): GCardSection {
    this.header = argString(this, 'setHeader', header);
    return this.__self();
  }
  setNumUncollapsibleWidgets(numUncollapsibleWidgets: number): GCardSection {
    this.uncollapsibleWidgetsCount = argInteger(
      this,
      'setNumUncollapsibleWidgets',
      numUncollapsibleWidgets
    );
    return this.__self();
  }

  __json(): SectionJson {
    if (this.widgets.length === 0) throw new Error(CARD_MESSAGES.sectionWithoutWidgets);
    return defined({
      header: this.header,
      collapsible: this.collapsible,
      uncollapsibleWidgetsCount: this.uncollapsibleWidgetsCount,
      widgets: this.widgets.map(widget => widget.__widget()),
    });
  }
}

export class FakeCardAction
  extends CardObject
  implements
    Pick<GCardAction, 'setOnClickAction' | 'setOnClickOpenLinkAction' | 'setOpenLink' | 'setText'>
{
  private text?: string;
  private onClick?: OnClickRef;

  constructor(ctx: FakeContext) {
    super(ctx, 'CardAction');
  }

  setOnClickAction(action: GAction): GCardAction {
    this.onClick = clickAction(this, 'setOnClickAction', action);
    return this.__self();
  }
  setOnClickOpenLinkAction(action: GAction): GCardAction {
    this.onClick = clickOpenLinkAction(this, 'setOnClickOpenLinkAction', action);
    return this.__self();
  }
  setOpenLink(openLink: GOpenLink): GCardAction {
    this.onClick = clickOpenLink(this, 'setOpenLink', openLink);
    return this.__self();
  }
  setText(text: string): GCardAction {
    this.text = argString(this, 'setText', text);
    return this.__self();
  }

  __json(): CardActionJson {
    if (!isNonEmpty(this.text)) throw new Error(CARD_MESSAGES.cardActionWithoutText);
    return defined({ actionLabel: this.text, onClick: onClickJson(this.onClick) });
  }
}

export class FakeFixedFooter
  extends CardObject
  implements Pick<GFixedFooter, 'setPrimaryButton' | 'setSecondaryButton'>
{
  private primaryButton?: FakeTextButton;
  private secondaryButton?: FakeTextButton;

  constructor(ctx: FakeContext) {
    super(ctx, 'FixedFooter');
  }

  setPrimaryButton(button: GTextButton): GFixedFooter {
    this.primaryButton = argOf(this, 'setPrimaryButton', button, ['TextButton']);
    return this.__self();
  }
  setSecondaryButton(button: GTextButton): GFixedFooter {
    this.secondaryButton = argOf(this, 'setSecondaryButton', button, ['TextButton']);
    return this.__self();
  }

  /** A footer needs a primary button, and a secondary one only beside it (card.proto). */
  __json(): FixedFooterJson {
    if (!this.primaryButton) {
      throw new Error(
        this.secondaryButton
          ? CARD_MESSAGES.footerSecondaryWithoutPrimary
          : CARD_MESSAGES.footerWithoutButtons
      );
    }
    return defined({
      primaryButton: this.primaryButton.__button(),
      secondaryButton: this.secondaryButton?.__button(),
    });
  }
}

export class FakeCardBuilder
  extends CardObject
  implements
    Pick<
      GCardBuilder,
      | 'addCardAction'
      | 'addSection'
      | 'build'
      | 'setHeader'
      | 'setName'
      | 'setFixedFooter'
      | 'setDisplayStyle'
      | 'setPeekCardHeader'
    >
{
  private name?: string;
  private header?: FakeCardHeader;
  private sections: FakeCardSection[] = [];
  private cardActions: FakeCardAction[] = [];
  private fixedFooter?: FakeFixedFooter;
  private displayStyle?: string;
  private peekCardHeader?: FakeCardHeader;

  constructor(ctx: FakeContext) {
    super(ctx, 'CardBuilder');
  }

  addCardAction(cardAction: GCardAction): GCardBuilder {
    this.cardActions.push(argOf(this, 'addCardAction', cardAction, ['CardAction']));
    return this.__self();
  }
  addSection(section: GCardSection): GCardBuilder {
    const target = argOf<FakeCardSection>(this, 'addSection', section, ['CardSection']);
    if (this.sections.length >= MAX_SECTIONS_PER_CARD) {
      throw new Error(CARD_MESSAGES.tooManySections);
    }
    this.sections.push(target);
    return this.__self();
  }
  setHeader(cardHeader: GCardHeader): GCardBuilder {
    this.header = argOf(this, 'setHeader', cardHeader, ['CardHeader']);
    return this.__self();
  }
  setName(name: string): GCardBuilder {
    this.name = argString(this, 'setName', name);
    return this.__self();
  }
  setFixedFooter(fixedFooter: GFixedFooter): GCardBuilder {
    this.fixedFooter = argOf(this, 'setFixedFooter', fixedFooter, ['FixedFooter']);
    return this.__self();
  }
  setDisplayStyle(displayStyle: GoogleAppsScript.Card_Service.DisplayStyle): GCardBuilder {
    this.displayStyle = argEnum(this, 'setDisplayStyle', displayStyle, DisplayStyle);
    return this.__self();
  }
  setPeekCardHeader(peekCardHeader: GCardHeader): GCardBuilder {
    this.peekCardHeader = argOf(this, 'setPeekCardHeader', peekCardHeader, ['CardHeader']);
    return this.__self();
  }

  build(): GCard {
    if (this.sections.length === 0) throw new Error(CARD_MESSAGES.cardWithoutSections);
    const sections = this.sections.map(section => section.__json());
    const widgetCount = sections.reduce((n, section) => n + section.widgets.length, 0);
    if (widgetCount > MAX_WIDGETS_PER_CARD) throw new Error(CARD_MESSAGES.tooManyWidgetsInCard);
    const json: CardJson = defined({
      name: this.name,
      header: this.header?.__json(),
      sections,
      cardActions: this.cardActions.length
        ? this.cardActions.map(action => action.__json())
        : undefined,
      fixedFooter: this.fixedFooter?.__json(),
      displayStyle: this.displayStyle,
      peekCardHeader: this.peekCardHeader?.__json(),
    });
    return new FakeCard(this.__ctx, json).__self();
  }
}

export class FakeCard extends CardObject implements Pick<GCard, 'printJson'> {
  private readonly json: string;

  constructor(ctx: FakeContext, json: CardJson) {
    super(ctx, 'Card');
    this.json = JSON.stringify(json);
  }

  printJson(): string {
    return JSON.stringify(this.__json(), null, 2);
  }

  /** A fresh copy each time, so nothing downstream can alter the built card. */
  __json(): CardJson {
    return JSON.parse(this.json) as CardJson;
  }
}
