// Parts that go inside widgets but are not widgets themselves: icons, switches, suggestions,
// validation, and the pieces of a grid.
import type { FakeContext } from '../core/context';
import { invalidArgument } from '../core/errors';
import { actionArg, type FakeAction } from './actions';
import {
  argBoolean,
  argEnum,
  argInteger,
  argNumber,
  argOf,
  argString,
  CardObject,
  defined,
  hexColor,
  isNonEmpty,
} from './base';
import {
  BorderType,
  GridItemLayout,
  HorizontalAlignment,
  Icon,
  ImageCropType,
  InputType,
  SwitchControlType,
} from './enums';
import type {
  BorderStyleJson,
  ColorJson,
  GridItemJson,
  IconJson,
  ImageComponentJson,
  MaterialIconJson,
  SwitchControlJson,
} from './json';
import { CARD_MESSAGES, signatureMismatch, withoutFieldName } from './messages';

type GIcon = GoogleAppsScript.Card_Service.Icon;
type GIconImage = GoogleAppsScript.Card_Service.IconImage;
type GMaterialIcon = GoogleAppsScript.Card_Service.MaterialIcon;
type GSwitch = GoogleAppsScript.Card_Service.Switch;
type GSuggestions = GoogleAppsScript.Card_Service.Suggestions;
type GValidation = GoogleAppsScript.Card_Service.Validation;
type GBorderStyle = GoogleAppsScript.Card_Service.BorderStyle;
type GImageCropStyle = GoogleAppsScript.Card_Service.ImageCropStyle;
type GImageComponent = GoogleAppsScript.Card_Service.ImageComponent;
type GGridItem = GoogleAppsScript.Card_Service.GridItem;

export class FakeMaterialIcon
  extends CardObject
  implements Pick<GMaterialIcon, 'setFill' | 'setGrade' | 'setName' | 'setWeight'>
{
  private name?: string;
  private fill?: boolean;
  private weight?: number;
  private grade?: number;

  constructor(ctx: FakeContext) {
    super(ctx, 'MaterialIcon');
  }

  setFill(fill: boolean): GMaterialIcon {
    this.fill = argBoolean(this, 'setFill', fill);
    return this.__self();
  }
  setGrade(grade: number): GMaterialIcon {
    this.grade = argInteger(this, 'setGrade', grade);
    return this.__self();
  }
  setName(name: string): GMaterialIcon {
    this.name = argString(this, 'setName', name);
    return this.__self();
  }
  setWeight(weight: number): GMaterialIcon {
    this.weight = argInteger(this, 'setWeight', weight);
    return this.__self();
  }

  __json(): MaterialIconJson {
    if (!isNonEmpty(this.name)) throw new Error(CARD_MESSAGES.materialIconWithoutName);
    return defined({ name: this.name, fill: this.fill, weight: this.weight, grade: this.grade });
  }
}

/** An icon's source: a built-in icon, a URL or a Material icon; the last one set wins. */
export type IconSource =
  { knownIcon: string } | { iconUrl: string } | { materialIcon: FakeMaterialIcon };

export function iconSourceJson(
  source: IconSource
): Pick<IconJson, 'knownIcon' | 'iconUrl' | 'materialIcon'> {
  if ('materialIcon' in source) return { materialIcon: source.materialIcon.__json() };
  return { ...source };
}

export function knownIconArg(owner: CardObject, method: string, icon: unknown): IconSource {
  return { knownIcon: argEnum(owner, method, icon, Icon) };
}

export function materialIconArg(owner: CardObject, method: string, icon: unknown): IconSource {
  return { materialIcon: argOf<FakeMaterialIcon>(owner, method, icon, ['MaterialIcon']) };
}

export class FakeIconImage
  extends CardObject
  implements
    Pick<
      GIconImage,
      'setAltText' | 'setIcon' | 'setIconUrl' | 'setImageCropType' | 'setMaterialIcon'
    >
{
  private source?: IconSource;
  private altText?: string;
  private imageType?: string;

  constructor(ctx: FakeContext) {
    super(ctx, 'IconImage');
  }

  setAltText(altText: string): GIconImage {
    this.altText = argString(this, 'setAltText', altText);
    return this.__self();
  }
  setIcon(icon: GIcon): GIconImage {
    this.source = knownIconArg(this, 'setIcon', icon);
    return this.__self();
  }
  setIconUrl(url: string): GIconImage {
    this.source = { iconUrl: argString(this, 'setIconUrl', url) };
    return this.__self();
  }
  /** Only SQUARE and CIRCLE apply to an icon (ImageCropType reference). */
  setImageCropType(imageCropType: GoogleAppsScript.Card_Service.ImageCropType): GIconImage {
    const type = argEnum(this, 'setImageCropType', imageCropType, ImageCropType);
    if (type !== 'SQUARE' && type !== 'CIRCLE') throw invalidArgument('imageCropType');
    this.imageType = type;
    return this.__self();
  }
  setMaterialIcon(icon: GMaterialIcon): GIconImage {
    this.source = materialIconArg(this, 'setMaterialIcon', icon);
    return this.__self();
  }

  __json(): IconJson {
    if (!this.source) throw new Error(CARD_MESSAGES.iconImageWithoutIcon);
    return defined({
      ...iconSourceJson(this.source),
      altText: this.altText,
      imageType: this.imageType,
    });
  }
}

export class FakeSwitch
  extends CardObject
  implements
    Pick<
      GSwitch,
      'setFieldName' | 'setOnChangeAction' | 'setSelected' | 'setValue' | 'setControlType'
    >
{
  private name?: string;
  private value?: string;
  private selected = false;
  private controlType = 'SWITCH';
  private onChangeAction?: FakeAction;

  constructor(ctx: FakeContext) {
    super(ctx, 'Switch');
  }

  setFieldName(fieldName: string): GSwitch {
    this.name = argString(this, 'setFieldName', fieldName);
    return this.__self();
  }
  setOnChangeAction(action: GoogleAppsScript.Card_Service.Action): GSwitch {
    this.onChangeAction = actionArg(this, 'setOnChangeAction', action);
    return this.__self();
  }
  setSelected(selected: boolean): GSwitch {
    this.selected = argBoolean(this, 'setSelected', selected);
    return this.__self();
  }
  setValue(value: string): GSwitch {
    this.value = argString(this, 'setValue', value);
    return this.__self();
  }
  setControlType(type: GoogleAppsScript.Card_Service.SwitchControlType): GSwitch {
    this.controlType = argEnum(this, 'setControlType', type, SwitchControlType);
    return this.__self();
  }

  __json(): SwitchControlJson {
    if (!isNonEmpty(this.name)) throw new Error(withoutFieldName('Switch'));
    return defined({
      name: this.name,
      value: this.value,
      selected: this.selected,
      controlType: this.controlType,
      onChangeAction: this.onChangeAction?.__json(),
    });
  }
}

export class FakeSuggestions
  extends CardObject
  implements Pick<GSuggestions, 'addSuggestion' | 'addSuggestions'>
{
  private items: string[] = [];

  constructor(ctx: FakeContext) {
    super(ctx, 'Suggestions');
  }

  addSuggestion(suggestion: string): GSuggestions {
    this.items.push(argString(this, 'addSuggestion', suggestion));
    return this.__self();
  }
  addSuggestions(suggestions: string[]): GSuggestions {
    if (!Array.isArray(suggestions) || suggestions.some(s => typeof s !== 'string')) {
      throw signatureMismatch([suggestions], this.__method('addSuggestions'));
    }
    this.items.push(...suggestions);
    return this.__self();
  }

  __json(): { items: { text: string }[] } {
    return { items: this.items.map(text => ({ text })) };
  }
}

export class FakeValidation
  extends CardObject
  implements Pick<GValidation, 'setCharacterLimit' | 'setInputType'>
{
  private characterLimit?: number;
  private inputType?: string;

  constructor(ctx: FakeContext) {
    super(ctx, 'Validation');
  }

  /** The reference's own example passes '10', so digit strings are accepted too. */
  setCharacterLimit(characterLimit: number): GValidation {
    const limit: unknown = characterLimit;
    const n = typeof limit === 'string' && /^\d+$/.test(limit) ? Number(limit) : limit;
    this.characterLimit = argInteger(this, 'setCharacterLimit', n);
    return this.__self();
  }
  setInputType(inputType: GoogleAppsScript.Card_Service.InputType): GValidation {
    this.inputType = argEnum(this, 'setInputType', inputType, InputType);
    return this.__self();
  }

  __json(): { characterLimit?: number; inputType?: string } {
    return defined({ characterLimit: this.characterLimit, inputType: this.inputType });
  }
}

export class FakeBorderStyle
  extends CardObject
  implements Pick<GBorderStyle, 'setCornerRadius' | 'setStrokeColor' | 'setType'>
{
  private type?: string;
  private strokeColor?: ColorJson;
  private cornerRadius?: number;

  constructor(ctx: FakeContext) {
    super(ctx, 'BorderStyle');
  }

  setCornerRadius(radius: number): GBorderStyle {
    this.cornerRadius = argNumber(this, 'setCornerRadius', radius);
    return this.__self();
  }
  setStrokeColor(color: string): GBorderStyle {
    const rgb = hexColor(argString(this, 'setStrokeColor', color));
    if (!rgb) throw invalidArgument('color');
    this.strokeColor = rgb;
    return this.__self();
  }
  setType(type: GoogleAppsScript.Card_Service.BorderType): GBorderStyle {
    this.type = argEnum(this, 'setType', type, BorderType);
    return this.__self();
  }

  __json(): BorderStyleJson {
    return defined({
      type: this.type,
      strokeColor: this.strokeColor && { ...this.strokeColor },
      cornerRadius: this.cornerRadius,
    });
  }
}

export class FakeImageCropStyle
  extends CardObject
  implements Pick<GImageCropStyle, 'setAspectRatio' | 'setImageCropType'>
{
  private type?: string;
  private aspectRatio?: number;

  constructor(ctx: FakeContext) {
    super(ctx, 'ImageCropStyle');
  }

  /** "The ratio must be a positive value" (ImageCropStyle reference). */
  setAspectRatio(ratio: number): GImageCropStyle {
    const value = argNumber(this, 'setAspectRatio', ratio);
    if (value <= 0) throw invalidArgument('ratio');
    this.aspectRatio = value;
    return this.__self();
  }
  setImageCropType(type: GoogleAppsScript.Card_Service.ImageCropType): GImageCropStyle {
    this.type = argEnum(this, 'setImageCropType', type, ImageCropType);
    return this.__self();
  }

  __json(): { type?: string; aspectRatio?: number } {
    return defined({ type: this.type, aspectRatio: this.aspectRatio });
  }
}

export class FakeImageComponent
  extends CardObject
  implements Pick<GImageComponent, 'setAltText' | 'setBorderStyle' | 'setCropStyle' | 'setImageUrl'>
{
  private imageUri?: string;
  private altText?: string;
  private cropStyle?: FakeImageCropStyle;
  private borderStyle?: FakeBorderStyle;

  constructor(ctx: FakeContext) {
    super(ctx, 'ImageComponent');
  }

  setAltText(altText: string): GImageComponent {
    this.altText = argString(this, 'setAltText', altText);
    return this.__self();
  }
  setBorderStyle(borderStyle: GBorderStyle): GImageComponent {
    this.borderStyle = argOf(this, 'setBorderStyle', borderStyle, ['BorderStyle']);
    return this.__self();
  }
  setCropStyle(imageCropStyle: GImageCropStyle): GImageComponent {
    this.cropStyle = argOf(this, 'setCropStyle', imageCropStyle, ['ImageCropStyle']);
    return this.__self();
  }
  setImageUrl(url: string): GImageComponent {
    this.imageUri = argString(this, 'setImageUrl', url);
    return this.__self();
  }

  __json(): ImageComponentJson {
    return defined({
      imageUri: this.imageUri,
      altText: this.altText,
      cropStyle: this.cropStyle?.__json(),
      borderStyle: this.borderStyle?.__json(),
    });
  }
}

export class FakeGridItem
  extends CardObject
  implements
    Pick<
      GGridItem,
      'setIdentifier' | 'setImage' | 'setLayout' | 'setSubtitle' | 'setTextAlignment' | 'setTitle'
    >
{
  private id?: string;
  private image?: FakeImageComponent;
  private title?: string;
  private subtitle?: string;
  private layout?: string;
  private textAlignment?: string;

  constructor(ctx: FakeContext) {
    super(ctx, 'GridItem');
  }

  setIdentifier(id: string): GGridItem {
    this.id = argString(this, 'setIdentifier', id);
    return this.__self();
  }
  setImage(image: GImageComponent): GGridItem {
    this.image = argOf(this, 'setImage', image, ['ImageComponent']);
    return this.__self();
  }
  setLayout(layout: GoogleAppsScript.Card_Service.GridItemLayout): GGridItem {
    this.layout = argEnum(this, 'setLayout', layout, GridItemLayout);
    return this.__self();
  }
  setSubtitle(subtitle: string): GGridItem {
    this.subtitle = argString(this, 'setSubtitle', subtitle);
    return this.__self();
  }
  setTextAlignment(alignment: GoogleAppsScript.Card_Service.HorizontalAlignment): GGridItem {
    this.textAlignment = argEnum(this, 'setTextAlignment', alignment, HorizontalAlignment);
    return this.__self();
  }
  setTitle(title: string): GGridItem {
    this.title = argString(this, 'setTitle', title);
    return this.__self();
  }

  __json(): GridItemJson {
    return defined({
      id: this.id,
      image: this.image?.__json(),
      title: this.title,
      subtitle: this.subtitle,
      layout: this.layout,
      textAlignment: this.textAlignment,
    });
  }
}
