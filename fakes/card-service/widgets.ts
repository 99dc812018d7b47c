// The widgets a card section holds. Each one turns into a google.apps.card.v1 `Widget` when the
// card is built (`__widget`), which is also when missing required fields are reported.
import type { FakeContext } from '../core/context';
import { invalidArgument } from '../core/errors';
import {
  actionArg,
  clickAction,
  clickOpenLink,
  clickOpenLinkAction,
  onClickJson,
  type FakeAction,
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
  hexColor,
  isNonEmpty,
} from './base';
import {
  iconSourceJson,
  knownIconArg,
  materialIconArg,
  type FakeBorderStyle,
  type FakeGridItem,
  type FakeIconImage,
  type FakeSuggestions,
  type FakeSwitch,
  type FakeValidation,
  type IconSource,
} from './components';
import { SelectionInputType, TextButtonStyle } from './enums';
import type {
  ButtonJson,
  ColorJson,
  DateTimePickerJson,
  SelectionItemJson,
  TextInputJson,
  WidgetJson,
} from './json';
import {
  CARD_MESSAGES,
  MAX_SELECTION_ITEMS,
  signatureMismatch,
  withoutFieldName,
} from './messages';

type GAction = GoogleAppsScript.Card_Service.Action;
type GOpenLink = GoogleAppsScript.Card_Service.OpenLink;
type GIcon = GoogleAppsScript.Card_Service.Icon;
type GTextParagraph = GoogleAppsScript.Card_Service.TextParagraph;
type GDecoratedText = GoogleAppsScript.Card_Service.DecoratedText;
type GTextInput = GoogleAppsScript.Card_Service.TextInput;
type GSelectionInput = GoogleAppsScript.Card_Service.SelectionInput;
type GDatePicker = GoogleAppsScript.Card_Service.DatePicker;
type GDateTimePicker = GoogleAppsScript.Card_Service.DateTimePicker;
type GTimePicker = GoogleAppsScript.Card_Service.TimePicker;
type GTextButton = GoogleAppsScript.Card_Service.TextButton;
type GImageButton = GoogleAppsScript.Card_Service.ImageButton;
type GButtonSet = GoogleAppsScript.Card_Service.ButtonSet;
type GImage = GoogleAppsScript.Card_Service.Image;
type GGrid = GoogleAppsScript.Card_Service.Grid;

/** Anything `CardSection.addWidget` accepts. */
export abstract class FakeWidget extends CardObject {
  abstract __widget(): WidgetJson;
}

export function isWidget(target: CardObject | undefined): target is FakeWidget {
  return !!target && typeof (target as Partial<FakeWidget>).__widget === 'function';
}

export const BUTTON_CLASSES = ['TextButton', 'ImageButton'] as const;

/** A button is a widget of its own too: added to a section it shows as a one-button list. */
export abstract class FakeButton extends FakeWidget {
  protected onClick?: OnClickRef;
  abstract __button(): ButtonJson;
  __widget(): WidgetJson {
    return { buttonList: { buttons: [this.__button()] } };
  }
}

export class FakeTextParagraph extends FakeWidget implements Pick<GTextParagraph, 'setText'> {
  private text?: string;
  private maxLines?: number;

  constructor(ctx: FakeContext) {
    super(ctx, 'TextParagraph');
  }

  setText(text: string): GTextParagraph {
    this.text = argString(this, 'setText', text);
    return this.__self();
  }
  /** In the reference (developer preview), not yet in @types/google-apps-script. */
  setMaxLines(maxLines: number): GTextParagraph {
    this.maxLines = argInteger(this, 'setMaxLines', maxLines);
    return this.__self();
  }

  __widget(): WidgetJson {
    if (!isNonEmpty(this.text)) throw new Error(CARD_MESSAGES.textParagraphWithoutText);
    return { textParagraph: defined({ text: this.text, maxLines: this.maxLines }) };
  }
}

type DecoratedTextControl =
  | { kind: 'button'; button: FakeButton }
  | { kind: 'switchControl'; switchControl: FakeSwitch }
  | { kind: 'endIcon'; endIcon: FakeIconImage };

export class FakeDecoratedText
  extends FakeWidget
  implements
    Pick<
      GDecoratedText,
      | 'setBottomLabel'
      | 'setButton'
      | 'setEndIcon'
      | 'setIcon'
      | 'setIconAltText'
      | 'setIconUrl'
      | 'setOnClickAction'
      | 'setOnClickOpenLinkAction'
      | 'setOpenLink'
      | 'setStartIcon'
      | 'setSwitchControl'
      | 'setText'
      | 'setTopLabel'
      | 'setWrapText'
    >
{
  private text?: string;
  private topLabel?: string;
  private bottomLabel?: string;
  private wrapText?: boolean;
  private startIcon?: FakeIconImage;
  /** setIcon / setIconUrl / setIconAltText: the older way to set the start icon. */
  private legacyIcon?: IconSource;
  private legacyIconAltText?: string;
  private control?: DecoratedTextControl;
  private onClick?: OnClickRef;

  constructor(ctx: FakeContext) {
    super(ctx, 'DecoratedText');
  }

  setBottomLabel(text: string): GDecoratedText {
    this.bottomLabel = argString(this, 'setBottomLabel', text);
    return this.__self();
  }
  setButton(button: GoogleAppsScript.Card_Service.Button): GDecoratedText {
    this.control = { kind: 'button', button: argOf(this, 'setButton', button, BUTTON_CLASSES) };
    return this.__self();
  }
  setEndIcon(endIcon: GoogleAppsScript.Card_Service.IconImage): GDecoratedText {
    this.control = { kind: 'endIcon', endIcon: argOf(this, 'setEndIcon', endIcon, ['IconImage']) };
    return this.__self();
  }
  setIcon(icon: GIcon): GDecoratedText {
    this.legacyIcon = knownIconArg(this, 'setIcon', icon);
    this.startIcon = undefined;
    return this.__self();
  }
  setIconAltText(altText: string): GDecoratedText {
    this.legacyIconAltText = argString(this, 'setIconAltText', altText);
    return this.__self();
  }
  setIconUrl(url: string): GDecoratedText {
    this.legacyIcon = { iconUrl: argString(this, 'setIconUrl', url) };
    this.startIcon = undefined;
    return this.__self();
  }
  setOnClickAction(action: GAction): GDecoratedText {
    this.onClick = clickAction(this, 'setOnClickAction', action);
    return this.__self();
  }
  setOnClickOpenLinkAction(action: GAction): GDecoratedText {
    this.onClick = clickOpenLinkAction(this, 'setOnClickOpenLinkAction', action);
    return this.__self();
  }
  setOpenLink(openLink: GOpenLink): GDecoratedText {
    this.onClick = clickOpenLink(this, 'setOpenLink', openLink);
    return this.__self();
  }
  setStartIcon(startIcon: GoogleAppsScript.Card_Service.IconImage): GDecoratedText {
    this.startIcon = argOf(this, 'setStartIcon', startIcon, ['IconImage']);
    this.legacyIcon = undefined;
    return this.__self();
  }
  setSwitchControl(switchToSet: GoogleAppsScript.Card_Service.Switch): GDecoratedText {
    this.control = {
      kind: 'switchControl',
      switchControl: argOf(this, 'setSwitchControl', switchToSet, ['Switch']),
    };
    return this.__self();
  }
  setText(text: string): GDecoratedText {
    this.text = argString(this, 'setText', text);
    return this.__self();
  }
  setTopLabel(text: string): GDecoratedText {
    this.topLabel = argString(this, 'setTopLabel', text);
    return this.__self();
  }
  setWrapText(wrapText: boolean): GDecoratedText {
    this.wrapText = argBoolean(this, 'setWrapText', wrapText);
    return this.__self();
  }

  __widget(): WidgetJson {
    if (!isNonEmpty(this.text)) throw new Error(CARD_MESSAGES.decoratedTextWithoutText);
    const legacy = this.legacyIcon
      ? defined({ ...iconSourceJson(this.legacyIcon), altText: this.legacyIconAltText })
      : undefined;
    const control = this.control;
    return {
      decoratedText: defined({
        text: this.text,
        topLabel: this.topLabel,
        bottomLabel: this.bottomLabel,
        wrapText: this.wrapText,
        startIcon: this.startIcon ? this.startIcon.__json() : legacy,
        button: control?.kind === 'button' ? control.button.__button() : undefined,
        switchControl:
          control?.kind === 'switchControl' ? control.switchControl.__json() : undefined,
        endIcon: control?.kind === 'endIcon' ? control.endIcon.__json() : undefined,
        onClick: onClickJson(this.onClick),
      }),
    };
  }
}

export class FakeTextInput
  extends FakeWidget
  implements
    Pick<
      GTextInput,
      | 'setFieldName'
      | 'setHint'
      | 'setMultiline'
      | 'setOnChangeAction'
      | 'setSuggestions'
      | 'setSuggestionsAction'
      | 'setTitle'
      | 'setValidation'
      | 'setValue'
    >
{
  private name?: string;
  private label?: string;
  private hintText?: string;
  private value?: string;
  private multiline = false;
  private onChangeAction?: FakeAction;
  private suggestions?: FakeSuggestions;
  private suggestionsAction?: FakeAction;
  private validation?: FakeValidation;

  constructor(ctx: FakeContext) {
    super(ctx, 'TextInput');
  }

  setFieldName(fieldName: string): GTextInput {
    this.name = argString(this, 'setFieldName', fieldName);
    return this.__self();
  }
  setHint(hint: string): GTextInput {
    this.hintText = argString(this, 'setHint', hint);
    return this.__self();
  }
  setMultiline(multiline: boolean): GTextInput {
    this.multiline = argBoolean(this, 'setMultiline', multiline);
    return this.__self();
  }
  setOnChangeAction(action: GAction): GTextInput {
    this.onChangeAction = actionArg(this, 'setOnChangeAction', action);
    return this.__self();
  }
  setSuggestions(suggestions: GoogleAppsScript.Card_Service.Suggestions): GTextInput {
    this.suggestions = argOf(this, 'setSuggestions', suggestions, ['Suggestions']);
    return this.__self();
  }
  setSuggestionsAction(suggestionsAction: GAction): GTextInput {
    this.suggestionsAction = actionArg(this, 'setSuggestionsAction', suggestionsAction);
    return this.__self();
  }
  setTitle(title: string): GTextInput {
    this.label = argString(this, 'setTitle', title);
    return this.__self();
  }
  setValidation(validation: GoogleAppsScript.Card_Service.Validation): GTextInput {
    this.validation = argOf(this, 'setValidation', validation, ['Validation']);
    return this.__self();
  }
  setValue(value: string): GTextInput {
    this.value = argString(this, 'setValue', value);
    return this.__self();
  }

  __widget(): WidgetJson {
    if (!isNonEmpty(this.name)) throw new Error(withoutFieldName('TextInput'));
    // With suggestions the field is always single-line (card.proto, TextInput.type).
    const type: TextInputJson['type'] =
      this.multiline && !this.suggestions ? 'MULTIPLE_LINE' : 'SINGLE_LINE';
    return {
      textInput: defined({
        name: this.name,
        label: this.label,
        hintText: this.hintText,
        value: this.value,
        type,
        onChangeAction: this.onChangeAction?.__json(),
        initialSuggestions: this.suggestions?.__json(),
        autoCompleteAction: this.suggestionsAction?.__json(),
        validation: this.validation?.__json(),
      }),
    };
  }
}

export class FakeSelectionInput
  extends FakeWidget
  implements
    Pick<
      GSelectionInput,
      | 'addItem'
      | 'addMultiSelectItem'
      | 'setExternalDataSource'
      | 'setFieldName'
      | 'setMultiSelectMaxSelectedItems'
      | 'setMultiSelectMinQueryLength'
      | 'setOnChangeAction'
      | 'setTitle'
      | 'setType'
    >
{
  private name?: string;
  private label?: string;
  private type = 'CHECK_BOX';
  private items: SelectionItemJson[] = [];
  private onChangeAction?: FakeAction;
  private externalDataSource?: FakeAction;
  private multiSelectMaxSelectedItems?: number;
  private multiSelectMinQueryLength?: number;

  constructor(ctx: FakeContext) {
    super(ctx, 'SelectionInput');
  }

  /** Text and value are Objects in the reference: primitives are shown as strings. */
  addItem(text: unknown, value: unknown, selected: boolean): GSelectionInput {
    const isPrimitive = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
    if (!isPrimitive(text) || !isPrimitive(value) || typeof selected !== 'boolean') {
      throw signatureMismatch([text, value, selected], this.__method('addItem'));
    }
    this.pushItem({ text: String(text), value: String(value), selected });
    return this.__self();
  }
  addMultiSelectItem(
    text: string,
    value: string,
    selected: boolean,
    startIconUri: string,
    bottomText: string
  ): GSelectionInput {
    const args: unknown[] = [text, value, selected, startIconUri, bottomText];
    const types = ['string', 'string', 'boolean', 'string', 'string'];
    // The icon and the bottom text are optional in practice; only their type is checked.
    if (args.some((a, i) => typeof a !== types[i] && !(i >= 3 && a === undefined))) {
      throw signatureMismatch(args, this.__method('addMultiSelectItem'));
    }
    this.pushItem(defined({ text, value, selected, startIconUri, bottomText }));
    return this.__self();
  }
  setExternalDataSource(action: GAction): GSelectionInput {
    this.externalDataSource = actionArg(this, 'setExternalDataSource', action);
    return this.__self();
  }
  setFieldName(fieldName: string): GSelectionInput {
    this.name = argString(this, 'setFieldName', fieldName);
    return this.__self();
  }
  setMultiSelectMaxSelectedItems(maxSelectedItems: number): GSelectionInput {
    this.multiSelectMaxSelectedItems = argInteger(
      this,
      'setMultiSelectMaxSelectedItems',
      maxSelectedItems
    );
    return this.__self();
  }
  setMultiSelectMinQueryLength(queryLength: number): GSelectionInput {
    this.multiSelectMinQueryLength = argInteger(this, 'setMultiSelectMinQueryLength', queryLength);
    return this.__self();
  }
  setOnChangeAction(action: GAction): GSelectionInput {
    this.onChangeAction = actionArg(this, 'setOnChangeAction', action);
    return this.__self();
  }
  setTitle(title: string): GSelectionInput {
    this.label = argString(this, 'setTitle', title);
    return this.__self();
  }
  setType(type: GoogleAppsScript.Card_Service.SelectionInputType): GSelectionInput {
    this.type = argEnum(this, 'setType', type, SelectionInputType);
    return this.__self();
  }

  private pushItem(item: SelectionItemJson): void {
    if (this.items.length >= MAX_SELECTION_ITEMS) {
      throw new Error(CARD_MESSAGES.tooManySelectionItems);
    }
    this.items.push(item);
  }

  __widget(): WidgetJson {
    if (!isNonEmpty(this.name)) throw new Error(withoutFieldName('SelectionInput'));
    return {
      selectionInput: defined({
        name: this.name,
        label: this.label,
        type: this.type,
        items: this.items.map(item => ({ ...item })),
        onChangeAction: this.onChangeAction?.__json(),
        multiSelectMaxSelectedItems: this.multiSelectMaxSelectedItems,
        multiSelectMinQueryLength: this.multiSelectMinQueryLength,
        externalDataSource: this.externalDataSource?.__json(),
      }),
    };
  }
}

/** DatePicker, DateTimePicker and TimePicker all become one `dateTimePicker` widget. */
abstract class FakePickerBase extends FakeWidget {
  protected name?: string;
  protected label?: string;
  protected valueMsEpoch?: string;
  protected timezoneOffsetDate?: number;
  protected onChangeAction?: FakeAction;

  constructor(
    ctx: FakeContext,
    className: string,
    private readonly pickerType: DateTimePickerJson['type']
  ) {
    super(ctx, className);
  }

  protected setMsSinceEpoch(value: unknown): void {
    if (typeof value === 'number' && Number.isFinite(value)) {
      this.valueMsEpoch = String(Math.trunc(value));
    } else if (typeof value === 'string') {
      if (!/^-?\d+$/.test(value.trim())) throw invalidArgument('valueMsEpoch');
      this.valueMsEpoch = value.trim();
    } else {
      throw signatureMismatch([value], this.__method('setValueInMsSinceEpoch'));
    }
  }

  __widget(): WidgetJson {
    if (!isNonEmpty(this.name)) throw new Error(withoutFieldName(this.__className));
    return {
      dateTimePicker: defined({
        name: this.name,
        label: this.label,
        type: this.pickerType,
        valueMsEpoch: this.valueMsEpoch,
        timezoneOffsetDate: this.timezoneOffsetDate,
        onChangeAction: this.onChangeAction?.__json(),
      }),
    };
  }
}

export class FakeDatePicker
  extends FakePickerBase
  implements
    Pick<GDatePicker, 'setFieldName' | 'setOnChangeAction' | 'setTitle' | 'setValueInMsSinceEpoch'>
{
  constructor(ctx: FakeContext) {
    super(ctx, 'DatePicker', 'DATE_ONLY');
  }

  setFieldName(fieldName: string): GDatePicker {
    this.name = argString(this, 'setFieldName', fieldName);
    return this.__self();
  }
  setOnChangeAction(action: GAction): GDatePicker {
    this.onChangeAction = actionArg(this, 'setOnChangeAction', action);
    return this.__self();
  }
  setTitle(title: string): GDatePicker {
    this.label = argString(this, 'setTitle', title);
    return this.__self();
  }
  /** A date is midnight UTC of that day (card.proto, DateTimePicker.value_ms_epoch). */
  setValueInMsSinceEpoch(valueMsEpoch: number | string): GDatePicker {
    this.setMsSinceEpoch(valueMsEpoch);
    return this.__self();
  }
}

export class FakeDateTimePicker
  extends FakePickerBase
  implements
    Pick<
      GDateTimePicker,
      | 'setFieldName'
      | 'setOnChangeAction'
      | 'setTimeZoneOffsetInMins'
      | 'setTitle'
      | 'setValueInMsSinceEpoch'
    >
{
  constructor(ctx: FakeContext) {
    super(ctx, 'DateTimePicker', 'DATE_AND_TIME');
  }

  setFieldName(fieldName: string): GDateTimePicker {
    this.name = argString(this, 'setFieldName', fieldName);
    return this.__self();
  }
  setOnChangeAction(action: GAction): GDateTimePicker {
    this.onChangeAction = actionArg(this, 'setOnChangeAction', action);
    return this.__self();
  }
  setTimeZoneOffsetInMins(timeZoneOffsetMins: number): GDateTimePicker {
    this.timezoneOffsetDate = argInteger(this, 'setTimeZoneOffsetInMins', timeZoneOffsetMins);
    return this.__self();
  }
  setTitle(title: string): GDateTimePicker {
    this.label = argString(this, 'setTitle', title);
    return this.__self();
  }
  setValueInMsSinceEpoch(valueMsEpoch: number | string): GDateTimePicker {
    this.setMsSinceEpoch(valueMsEpoch);
    return this.__self();
  }
}

export class FakeTimePicker
  extends FakePickerBase
  implements
    Pick<GTimePicker, 'setFieldName' | 'setHours' | 'setMinutes' | 'setOnChangeAction' | 'setTitle'>
{
  private hours?: number;
  private minutes?: number;

  constructor(ctx: FakeContext) {
    super(ctx, 'TimePicker', 'TIME_ONLY');
  }

  setFieldName(fieldName: string): GTimePicker {
    this.name = argString(this, 'setFieldName', fieldName);
    return this.__self();
  }
  setHours(hours: number): GTimePicker {
    const h = argInteger(this, 'setHours', hours);
    if (h < 0 || h > 23) throw invalidArgument('hours');
    this.hours = h;
    this.syncValue();
    return this.__self();
  }
  setMinutes(minutes: number): GTimePicker {
    const m = argInteger(this, 'setMinutes', minutes);
    if (m < 0 || m > 59) throw invalidArgument('minutes');
    this.minutes = m;
    this.syncValue();
    return this.__self();
  }
  setOnChangeAction(action: GAction): GTimePicker {
    this.onChangeAction = actionArg(this, 'setOnChangeAction', action);
    return this.__self();
  }
  setTitle(title: string): GTimePicker {
    this.label = argString(this, 'setTitle', title);
    return this.__self();
  }

  /** A time is milliseconds after midnight UTC (card.proto, DateTimePicker.value_ms_epoch). */
  private syncValue(): void {
    this.valueMsEpoch = String(((this.hours ?? 0) * 60 + (this.minutes ?? 0)) * 60_000);
  }
}

export class FakeTextButton
  extends FakeButton
  implements
    Pick<
      GTextButton,
      | 'setAltText'
      | 'setBackgroundColor'
      | 'setDisabled'
      | 'setOnClickAction'
      | 'setOnClickOpenLinkAction'
      | 'setOpenLink'
      | 'setText'
      | 'setTextButtonStyle'
    >
{
  private text?: string;
  private type?: string;
  private color?: ColorJson;
  private disabled?: boolean;
  private altText?: string;

  constructor(ctx: FakeContext) {
    super(ctx, 'TextButton');
  }

  setAltText(altText: string): GTextButton {
    this.altText = argString(this, 'setAltText', altText);
    return this.__self();
  }
  setBackgroundColor(backgroundColor: string): GTextButton {
    const rgb = hexColor(argString(this, 'setBackgroundColor', backgroundColor));
    if (!rgb) throw invalidArgument('backgroundColor');
    this.color = rgb;
    return this.__self();
  }
  setDisabled(disabled: boolean): GTextButton {
    this.disabled = argBoolean(this, 'setDisabled', disabled);
    return this.__self();
  }
  setOnClickAction(action: GAction): GTextButton {
    this.onClick = clickAction(this, 'setOnClickAction', action);
    return this.__self();
  }
  setOnClickOpenLinkAction(action: GAction): GTextButton {
    this.onClick = clickOpenLinkAction(this, 'setOnClickOpenLinkAction', action);
    return this.__self();
  }
  setOpenLink(openLink: GOpenLink): GTextButton {
    this.onClick = clickOpenLink(this, 'setOpenLink', openLink);
    return this.__self();
  }
  setText(text: string): GTextButton {
    this.text = argString(this, 'setText', text);
    return this.__self();
  }
  setTextButtonStyle(textButtonStyle: GoogleAppsScript.Card_Service.TextButtonStyle): GTextButton {
    const style = argEnum(this, 'setTextButtonStyle', textButtonStyle, TextButtonStyle);
    // TEXT is the deprecated name of OUTLINED (TextButtonStyle reference).
    this.type = style === 'TEXT' ? 'OUTLINED' : style;
    return this.__self();
  }

  __button(): ButtonJson {
    if (!isNonEmpty(this.text)) throw new Error(CARD_MESSAGES.textButtonWithoutText);
    return defined({
      text: this.text,
      type: this.type,
      color: this.color && { ...this.color },
      disabled: this.disabled,
      altText: this.altText,
      onClick: onClickJson(this.onClick),
    });
  }
}

export class FakeImageButton
  extends FakeButton
  implements
    Pick<
      GImageButton,
      | 'setAltText'
      | 'setIcon'
      | 'setIconUrl'
      | 'setMaterialIcon'
      | 'setOnClickAction'
      | 'setOnClickOpenLinkAction'
      | 'setOpenLink'
    >
{
  private icon?: IconSource;
  private altText?: string;

  constructor(ctx: FakeContext) {
    super(ctx, 'ImageButton');
  }

  setAltText(altText: string): GImageButton {
    this.altText = argString(this, 'setAltText', altText);
    return this.__self();
  }
  setIcon(icon: GIcon): GImageButton {
    this.icon = knownIconArg(this, 'setIcon', icon);
    return this.__self();
  }
  setIconUrl(url: string): GImageButton {
    this.icon = { iconUrl: argString(this, 'setIconUrl', url) };
    return this.__self();
  }
  setMaterialIcon(icon: GoogleAppsScript.Card_Service.MaterialIcon): GImageButton {
    this.icon = materialIconArg(this, 'setMaterialIcon', icon);
    return this.__self();
  }
  setOnClickAction(action: GAction): GImageButton {
    this.onClick = clickAction(this, 'setOnClickAction', action);
    return this.__self();
  }
  setOnClickOpenLinkAction(action: GAction): GImageButton {
    this.onClick = clickOpenLinkAction(this, 'setOnClickOpenLinkAction', action);
    return this.__self();
  }
  setOpenLink(openLink: GOpenLink): GImageButton {
    this.onClick = clickOpenLink(this, 'setOpenLink', openLink);
    return this.__self();
  }

  /** An icon-only Button; its alt text is also the icon's hover text (card.proto, Icon). */
  __button(): ButtonJson {
    if (!this.icon) throw new Error(CARD_MESSAGES.imageButtonWithoutIcon);
    return defined({
      icon: defined({ ...iconSourceJson(this.icon), altText: this.altText }),
      altText: this.altText,
      onClick: onClickJson(this.onClick),
    });
  }
}

export class FakeButtonSet extends FakeWidget implements Pick<GButtonSet, 'addButton'> {
  private buttons: FakeButton[] = [];

  constructor(ctx: FakeContext) {
    super(ctx, 'ButtonSet');
  }

  addButton(button: GoogleAppsScript.Card_Service.Button): GButtonSet {
    this.buttons.push(argOf(this, 'addButton', button, BUTTON_CLASSES));
    return this.__self();
  }

  __widget(): WidgetJson {
    return { buttonList: { buttons: this.buttons.map(button => button.__button()) } };
  }
}

export class FakeDivider extends FakeWidget {
  constructor(ctx: FakeContext) {
    super(ctx, 'Divider');
  }

  __widget(): WidgetJson {
    return { divider: {} };
  }
}

export class FakeImage
  extends FakeWidget
  implements
    Pick<
      GImage,
      'setAltText' | 'setImageUrl' | 'setOnClickAction' | 'setOnClickOpenLinkAction' | 'setOpenLink'
    >
{
  private imageUrl?: string;
  private altText?: string;
  private onClick?: OnClickRef;

  constructor(ctx: FakeContext) {
    super(ctx, 'Image');
  }

  setAltText(altText: string): GImage {
    this.altText = argString(this, 'setAltText', altText);
    return this.__self();
  }
  setImageUrl(url: string): GImage {
    this.imageUrl = argString(this, 'setImageUrl', url);
    return this.__self();
  }
  setOnClickAction(action: GAction): GImage {
    this.onClick = clickAction(this, 'setOnClickAction', action);
    return this.__self();
  }
  setOnClickOpenLinkAction(action: GAction): GImage {
    this.onClick = clickOpenLinkAction(this, 'setOnClickOpenLinkAction', action);
    return this.__self();
  }
  setOpenLink(openLink: GOpenLink): GImage {
    this.onClick = clickOpenLink(this, 'setOpenLink', openLink);
    return this.__self();
  }

  __widget(): WidgetJson {
    if (!isNonEmpty(this.imageUrl)) throw new Error(CARD_MESSAGES.imageWithoutUrl);
    return {
      image: defined({
        imageUrl: this.imageUrl,
        altText: this.altText,
        onClick: onClickJson(this.onClick),
      }),
    };
  }
}

export class FakeGrid
  extends FakeWidget
  implements
    Pick<
      GGrid,
      | 'addItem'
      | 'setBorderStyle'
      | 'setNumColumns'
      | 'setOnClickAction'
      | 'setOnClickOpenLinkAction'
      | 'setOpenLink'
      | 'setTitle'
    >
{
  private title?: string;
  private columnCount?: number;
  private borderStyle?: FakeBorderStyle;
  private items: FakeGridItem[] = [];
  private onClick?: OnClickRef;

  constructor(ctx: FakeContext) {
    super(ctx, 'Grid');
  }

  addItem(gridItem: GoogleAppsScript.Card_Service.GridItem): GGrid {
    this.items.push(argOf(this, 'addItem', gridItem, ['GridItem']));
    return this.__self();
  }
  setBorderStyle(borderStyle: GoogleAppsScript.Card_Service.BorderStyle): GGrid {
    this.borderStyle = argOf(this, 'setBorderStyle', borderStyle, ['BorderStyle']);
    return this.__self();
  }
  setNumColumns(numColumns: number): GGrid {
    this.columnCount = argInteger(this, 'setNumColumns', numColumns);
    return this.__self();
  }
  /** One action for the whole grid; the clicked item's id comes back in its parameters. */
  setOnClickAction(action: GAction): GGrid {
    this.onClick = clickAction(this, 'setOnClickAction', action);
    return this.__self();
  }
  setOnClickOpenLinkAction(action: GAction): GGrid {
    this.onClick = clickOpenLinkAction(this, 'setOnClickOpenLinkAction', action);
    return this.__self();
  }
  setOpenLink(openLink: GOpenLink): GGrid {
    this.onClick = clickOpenLink(this, 'setOpenLink', openLink);
    return this.__self();
  }
  setTitle(title: string): GGrid {
    this.title = argString(this, 'setTitle', title);
    return this.__self();
  }

  __widget(): WidgetJson {
    return {
      grid: defined({
        title: this.title,
        columnCount: this.columnCount,
        borderStyle: this.borderStyle?.__json(),
        items: this.items.map(item => item.__json()),
        onClick: onClickJson(this.onClick),
      }),
    };
  }
}
