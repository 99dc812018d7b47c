// The JSON the fake emits: google.apps.card.v1 field names
// (https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.card.v1), enums as
// their names, int64 values as strings (proto3 JSON). Optional fields appear only when set; the
// fields a renderer always needs (input types, action defaults, link defaults) always appear.

export interface ActionParameterJson {
  key: string;
  value: string;
}

export interface ActionJson {
  function: string;
  parameters: ActionParameterJson[];
  loadIndicator: string;
  persistValues: boolean;
  requiredWidgets?: string[];
  allWidgetsAreRequired?: boolean;
}

export interface OpenLinkJson {
  url: string;
  openAs: string;
  /** `RELOAD_ADD_ON` is CardService's name for the JSON's `RELOAD`. */
  onClose: string;
}

export interface OnClickJson {
  action?: ActionJson;
  openLink?: OpenLinkJson;
  openDynamicLinkAction?: ActionJson;
}

/** RGB in 0–1, from a `#rrggbb` string. */
export interface ColorJson {
  red: number;
  green: number;
  blue: number;
}

export interface MaterialIconJson {
  name: string;
  fill?: boolean;
  weight?: number;
  grade?: number;
}

export interface IconJson {
  knownIcon?: string;
  iconUrl?: string;
  materialIcon?: MaterialIconJson;
  altText?: string;
  imageType?: string;
}

export interface ButtonJson {
  text?: string;
  icon?: IconJson;
  color?: ColorJson;
  type?: string;
  disabled?: boolean;
  altText?: string;
  onClick?: OnClickJson;
}

export interface SwitchControlJson {
  name: string;
  value?: string;
  selected: boolean;
  controlType: string;
  onChangeAction?: ActionJson;
}

export interface TextParagraphJson {
  text: string;
  maxLines?: number;
}

export interface DecoratedTextJson {
  text: string;
  topLabel?: string;
  bottomLabel?: string;
  wrapText?: boolean;
  startIcon?: IconJson;
  button?: ButtonJson;
  switchControl?: SwitchControlJson;
  endIcon?: IconJson;
  onClick?: OnClickJson;
}

export interface TextInputJson {
  name: string;
  label?: string;
  hintText?: string;
  value?: string;
  type: 'SINGLE_LINE' | 'MULTIPLE_LINE';
  onChangeAction?: ActionJson;
  initialSuggestions?: { items: { text: string }[] };
  autoCompleteAction?: ActionJson;
  validation?: { characterLimit?: number; inputType?: string };
}

export interface SelectionItemJson {
  text: string;
  value: string;
  selected: boolean;
  startIconUri?: string;
  bottomText?: string;
}

export interface SelectionInputJson {
  name: string;
  label?: string;
  type: string;
  items: SelectionItemJson[];
  onChangeAction?: ActionJson;
  multiSelectMaxSelectedItems?: number;
  multiSelectMinQueryLength?: number;
  externalDataSource?: ActionJson;
}

export interface DateTimePickerJson {
  name: string;
  label?: string;
  type: 'DATE_AND_TIME' | 'DATE_ONLY' | 'TIME_ONLY';
  valueMsEpoch?: string;
  timezoneOffsetDate?: number;
  onChangeAction?: ActionJson;
}

export interface ImageJson {
  imageUrl: string;
  altText?: string;
  onClick?: OnClickJson;
}

export interface BorderStyleJson {
  type?: string;
  strokeColor?: ColorJson;
  cornerRadius?: number;
}

export interface ImageComponentJson {
  imageUri?: string;
  altText?: string;
  cropStyle?: { type?: string; aspectRatio?: number };
  borderStyle?: BorderStyleJson;
}

export interface GridItemJson {
  id?: string;
  image?: ImageComponentJson;
  title?: string;
  subtitle?: string;
  layout?: string;
  textAlignment?: string;
}

export interface GridJson {
  title?: string;
  columnCount?: number;
  borderStyle?: BorderStyleJson;
  items: GridItemJson[];
  onClick?: OnClickJson;
}

/** One widget: exactly one of these keys is set. */
export interface WidgetJson {
  textParagraph?: TextParagraphJson;
  decoratedText?: DecoratedTextJson;
  buttonList?: { buttons: ButtonJson[] };
  textInput?: TextInputJson;
  selectionInput?: SelectionInputJson;
  dateTimePicker?: DateTimePickerJson;
  divider?: Record<string, never>;
  image?: ImageJson;
  grid?: GridJson;
}

export interface CardHeaderJson {
  title: string;
  subtitle?: string;
  imageUrl?: string;
  imageType?: string;
  imageAltText?: string;
}

export interface SectionJson {
  header?: string;
  collapsible?: boolean;
  uncollapsibleWidgetsCount?: number;
  widgets: WidgetJson[];
}

export interface CardActionJson {
  actionLabel: string;
  onClick?: OnClickJson;
}

export interface FixedFooterJson {
  primaryButton: ButtonJson;
  secondaryButton?: ButtonJson;
}

export interface CardJson {
  name?: string;
  header?: CardHeaderJson;
  sections: SectionJson[];
  cardActions?: CardActionJson[];
  fixedFooter?: FixedFooterJson;
  displayStyle?: string;
  peekCardHeader?: CardHeaderJson;
}

export interface NavigationJson {
  pushCard?: CardJson;
  updateCard?: CardJson;
  popCard?: true;
  popToRoot?: true;
  popToCard?: string;
}

export interface ActionResponseJson {
  renderActions: {
    action: {
      navigations?: NavigationJson[];
      notification?: { text: string };
      link?: OpenLinkJson;
    };
    stateChanged?: boolean;
  };
}

export interface CardsJson {
  cards: CardJson[];
}

/** `displayAddOnCards` gives `{cards}`; `setOpenLink` gives a render action with a link. */
export type UniversalActionResponseJson = CardsJson | ActionResponseJson;

export interface EditorFileScopeActionResponseJson {
  editorFileScopeRequest: { requestFileScopeForActiveDocument: boolean };
}

export interface DriveItemsSelectedActionResponseJson {
  driveItemsSelectedRequest: { fileScopeItemIds: string[] };
}

/** Whatever `cardToJson` can return. */
export type ResponseJson =
  | CardJson
  | CardsJson
  | ActionResponseJson
  | EditorFileScopeActionResponseJson
  | DriveItemsSelectedActionResponseJson;
