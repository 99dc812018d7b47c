// CardService: builders for add-on cards and action responses. Building is local (no latency),
// but every call is counted under `CardService.*`. What a trigger or action returns leaves the
// execution as google.apps.card.v1 JSON through `cardToJson`.
import type { FakeContext } from '../core/context';
import { FakeAction, FakeOpenLink } from './actions';
import { unwrap } from './base';
import {
  FakeCard,
  FakeCardAction,
  FakeCardBuilder,
  FakeCardHeader,
  FakeCardSection,
  FakeFixedFooter,
} from './card';
import {
  FakeBorderStyle,
  FakeGridItem,
  FakeIconImage,
  FakeImageComponent,
  FakeImageCropStyle,
  FakeMaterialIcon,
  FakeSuggestions,
  FakeSwitch,
  FakeValidation,
} from './components';
import * as Enums from './enums';
import type { CardJson, ResponseJson } from './json';
import {
  FakeActionResponseBuilder,
  FakeDriveItemsSelectedActionResponseBuilder,
  FakeEditorFileScopeActionResponseBuilder,
  FakeNavigation,
  FakeNotification,
  FakeResponse,
  FakeUniversalActionResponseBuilder,
  RESPONSE_CLASSES,
} from './responses';
import {
  FakeButtonSet,
  FakeDatePicker,
  FakeDateTimePicker,
  FakeDecoratedText,
  FakeDivider,
  FakeGrid,
  FakeImage,
  FakeImageButton,
  FakeSelectionInput,
  FakeTextButton,
  FakeTextInput,
  FakeTextParagraph,
  FakeTimePicker,
} from './widgets';

export type * from './json';
export * from './messages';

type CS = GoogleAppsScript.Card_Service.CardService;
type C = typeof GoogleAppsScript.Card_Service;

type CardServiceApi = Pick<
  CS,
  | 'BorderType'
  | 'ComposedEmailType'
  | 'ContentType'
  | 'DisplayStyle'
  | 'GridItemLayout'
  | 'HorizontalAlignment'
  | 'Icon'
  | 'ImageCropType'
  | 'ImageStyle'
  | 'InputType'
  | 'Interaction'
  | 'LoadIndicator'
  | 'OnClose'
  | 'OpenAs'
  | 'SelectionInputType'
  | 'SwitchControlType'
  | 'TextButtonStyle'
  | 'UpdateDraftBodyType'
  | 'newAction'
  | 'newActionResponseBuilder'
  | 'newBorderStyle'
  | 'newButtonSet'
  | 'newCardAction'
  | 'newCardBuilder'
  | 'newCardHeader'
  | 'newCardSection'
  | 'newDatePicker'
  | 'newDateTimePicker'
  | 'newDecoratedText'
  | 'newDivider'
  | 'newDriveItemsSelectedActionResponseBuilder'
  | 'newEditorFileScopeActionResponseBuilder'
  | 'newFixedFooter'
  | 'newGrid'
  | 'newGridItem'
  | 'newIconImage'
  | 'newImage'
  | 'newImageButton'
  | 'newImageComponent'
  | 'newImageCropStyle'
  | 'newMaterialIcon'
  | 'newNavigation'
  | 'newNotification'
  | 'newOpenLink'
  | 'newSelectionInput'
  | 'newSuggestions'
  | 'newSwitch'
  | 'newTextButton'
  | 'newTextInput'
  | 'newTextParagraph'
  | 'newTimePicker'
  | 'newUniversalActionResponseBuilder'
  | 'newValidation'
>;

class FakeCardService implements CardServiceApi {
  readonly BorderType: C['BorderType'] = Enums.BorderType;
  readonly ComposedEmailType: C['ComposedEmailType'] = Enums.ComposedEmailType;
  readonly ContentType: C['ContentType'] = Enums.ContentType;
  readonly DisplayStyle: C['DisplayStyle'] = Enums.DisplayStyle;
  readonly GridItemLayout: C['GridItemLayout'] = Enums.GridItemLayout;
  readonly HorizontalAlignment: C['HorizontalAlignment'] = Enums.HorizontalAlignment;
  readonly Icon: C['Icon'] = Enums.Icon;
  readonly ImageCropType: C['ImageCropType'] = Enums.ImageCropType;
  readonly ImageStyle: C['ImageStyle'] = Enums.ImageStyle;
  readonly InputType: C['InputType'] = Enums.InputType;
  readonly Interaction: C['Interaction'] = Enums.Interaction;
  readonly LoadIndicator: C['LoadIndicator'] = Enums.LoadIndicator;
  readonly OnClose: C['OnClose'] = Enums.OnClose;
  readonly OpenAs: C['OpenAs'] = Enums.OpenAs;
  readonly SelectionInputType: C['SelectionInputType'] = Enums.SelectionInputType;
  readonly SwitchControlType: C['SwitchControlType'] = Enums.SwitchControlType;
  readonly TextButtonStyle: C['TextButtonStyle'] = Enums.TextButtonStyle;
  readonly UpdateDraftBodyType: C['UpdateDraftBodyType'] = Enums.UpdateDraftBodyType;

  constructor(private readonly ctx: FakeContext) {}

  newAction() {
    return new FakeAction(this.ctx).__self<GoogleAppsScript.Card_Service.Action>();
  }
  newActionResponseBuilder() {
    return new FakeActionResponseBuilder(
      this.ctx
    ).__self<GoogleAppsScript.Card_Service.ActionResponseBuilder>();
  }
  newBorderStyle() {
    return new FakeBorderStyle(this.ctx).__self<GoogleAppsScript.Card_Service.BorderStyle>();
  }
  newButtonSet() {
    return new FakeButtonSet(this.ctx).__self<GoogleAppsScript.Card_Service.ButtonSet>();
  }
  newCardAction() {
    return new FakeCardAction(this.ctx).__self<GoogleAppsScript.Card_Service.CardAction>();
  }
  newCardBuilder() {
    return new FakeCardBuilder(this.ctx).__self<GoogleAppsScript.Card_Service.CardBuilder>();
  }
  newCardHeader() {
    return new FakeCardHeader(this.ctx).__self<GoogleAppsScript.Card_Service.CardHeader>();
  }
  newCardSection() {
    return new FakeCardSection(this.ctx).__self<GoogleAppsScript.Card_Service.CardSection>();
  }
  newDatePicker() {
    return new FakeDatePicker(this.ctx).__self<GoogleAppsScript.Card_Service.DatePicker>();
  }
  newDateTimePicker() {
    return new FakeDateTimePicker(this.ctx).__self<GoogleAppsScript.Card_Service.DateTimePicker>();
  }
  newDecoratedText() {
    return new FakeDecoratedText(this.ctx).__self<GoogleAppsScript.Card_Service.DecoratedText>();
  }
  newDivider() {
    return new FakeDivider(this.ctx).__self<GoogleAppsScript.Card_Service.Divider>();
  }
  newDriveItemsSelectedActionResponseBuilder() {
    return new FakeDriveItemsSelectedActionResponseBuilder(
      this.ctx
    ).__self<GoogleAppsScript.Card_Service.DriveItemsSelectedActionResponseBuilder>();
  }
  newEditorFileScopeActionResponseBuilder() {
    return new FakeEditorFileScopeActionResponseBuilder(
      this.ctx
    ).__self<GoogleAppsScript.Card_Service.EditorFileScopeActionResponseBuilder>();
  }
  newFixedFooter() {
    return new FakeFixedFooter(this.ctx).__self<GoogleAppsScript.Card_Service.FixedFooter>();
  }
  newGrid() {
    return new FakeGrid(this.ctx).__self<GoogleAppsScript.Card_Service.Grid>();
  }
  newGridItem() {
    return new FakeGridItem(this.ctx).__self<GoogleAppsScript.Card_Service.GridItem>();
  }
  newIconImage() {
    return new FakeIconImage(this.ctx).__self<GoogleAppsScript.Card_Service.IconImage>();
  }
  newImage() {
    return new FakeImage(this.ctx).__self<GoogleAppsScript.Card_Service.Image>();
  }
  newImageButton() {
    return new FakeImageButton(this.ctx).__self<GoogleAppsScript.Card_Service.ImageButton>();
  }
  newImageComponent() {
    return new FakeImageComponent(this.ctx).__self<GoogleAppsScript.Card_Service.ImageComponent>();
  }
  newImageCropStyle() {
    return new FakeImageCropStyle(this.ctx).__self<GoogleAppsScript.Card_Service.ImageCropStyle>();
  }
  newMaterialIcon() {
    return new FakeMaterialIcon(this.ctx).__self<GoogleAppsScript.Card_Service.MaterialIcon>();
  }
  newNavigation() {
    return new FakeNavigation(this.ctx).__self<GoogleAppsScript.Card_Service.Navigation>();
  }
  newNotification() {
    return new FakeNotification(this.ctx).__self<GoogleAppsScript.Card_Service.Notification>();
  }
  newOpenLink() {
    return new FakeOpenLink(this.ctx).__self<GoogleAppsScript.Card_Service.OpenLink>();
  }
  newSelectionInput() {
    return new FakeSelectionInput(this.ctx).__self<GoogleAppsScript.Card_Service.SelectionInput>();
  }
  newSuggestions() {
    return new FakeSuggestions(this.ctx).__self<GoogleAppsScript.Card_Service.Suggestions>();
  }
  newSwitch() {
    return new FakeSwitch(this.ctx).__self<GoogleAppsScript.Card_Service.Switch>();
  }
  newTextButton() {
    return new FakeTextButton(this.ctx).__self<GoogleAppsScript.Card_Service.TextButton>();
  }
  newTextInput() {
    return new FakeTextInput(this.ctx).__self<GoogleAppsScript.Card_Service.TextInput>();
  }
  newTextParagraph() {
    return new FakeTextParagraph(this.ctx).__self<GoogleAppsScript.Card_Service.TextParagraph>();
  }
  newTimePicker() {
    return new FakeTimePicker(this.ctx).__self<GoogleAppsScript.Card_Service.TimePicker>();
  }
  newUniversalActionResponseBuilder() {
    return new FakeUniversalActionResponseBuilder(
      this.ctx
    ).__self<GoogleAppsScript.Card_Service.UniversalActionResponseBuilder>();
  }
  newValidation() {
    return new FakeValidation(this.ctx).__self<GoogleAppsScript.Card_Service.Validation>();
  }
}

/** The `CardService` global for one execution; calls count as `CardService.<method>`. */
export function createCardService(ctx: FakeContext): CS {
  return ctx.wrap(new FakeCardService(ctx), 'CardService') as unknown as CS;
}

function describe(value: unknown): string {
  const target = unwrap(value);
  if (target) return `CardService.${target.__className}`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'a plain object' : typeof value;
}

const EXPECTED =
  'expected a built Card, an array of built Cards or a built action response ' +
  '(ActionResponse, UniversalActionResponse, EditorFileScopeActionResponse, ' +
  'DriveItemsSelectedActionResponse)';

/**
 * What a trigger or card action returned, as google.apps.card.v1 JSON: a Card as itself, an
 * array of Cards as `{cards}`, a built response as its own shape (see json.ts). Anything else
 * is the product's bug, reported with what it returned instead.
 */
export function cardToJson(value: unknown): ResponseJson {
  if (Array.isArray(value)) {
    if (value.length === 0) throw new Error(`cardToJson: got an empty array; ${EXPECTED}.`);
    const cards: CardJson[] = value.map((item, i) => {
      const target = unwrap(item);
      if (target?.__className !== 'Card') {
        throw new Error(`cardToJson: item ${i} of the array is ${describe(item)}; ${EXPECTED}.`);
      }
      return (target as FakeCard).__json();
    });
    return { cards };
  }
  const target = unwrap(value);
  if (target?.__className === 'Card') return (target as FakeCard).__json();
  if (target && (RESPONSE_CLASSES as readonly string[]).includes(target.__className)) {
    return (target as FakeResponse).__json();
  }
  const hint = target && /Builder$/.test(target.__className) ? ' (call build() first)' : '';
  throw new Error(`cardToJson: got ${describe(value)}${hint}; ${EXPECTED}.`);
}
