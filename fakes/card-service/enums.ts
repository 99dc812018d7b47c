// CardService enums as plain objects of strings: each value is its own name, which is also the
// name the card JSON (google.apps.card.v1) uses, so built cards serialise without a lookup table.
type CS = typeof GoogleAppsScript.Card_Service;

function enumOf<T>(...names: string[]): T {
  const values: Record<string, string> = {};
  for (const name of names) values[name] = name;
  return Object.freeze(values) as unknown as T;
}

export const BorderType = enumOf<CS['BorderType']>('NO_BORDER', 'STROKE');
export const ComposedEmailType = enumOf<CS['ComposedEmailType']>(
  'REPLY_AS_DRAFT',
  'STANDALONE_DRAFT'
);
export const ContentType = enumOf<CS['ContentType']>('TEXT', 'MUTABLE_HTML', 'IMMUTABLE_HTML');
export const DisplayStyle = enumOf<CS['DisplayStyle']>('PEEK', 'REPLACE');
export const GridItemLayout = enumOf<CS['GridItemLayout']>('TEXT_BELOW', 'TEXT_ABOVE');
export const HorizontalAlignment = enumOf<CS['HorizontalAlignment']>('START', 'CENTER', 'END');
export const Icon = enumOf<CS['Icon']>(
  'NONE',
  'AIRPLANE',
  'BOOKMARK',
  'BUS',
  'CAR',
  'CLOCK',
  'CONFIRMATION_NUMBER_ICON',
  'DOLLAR',
  'DESCRIPTION',
  'EMAIL',
  'EVENT_PERFORMER',
  'EVENT_SEAT',
  'FLIGHT_ARRIVAL',
  'FLIGHT_DEPARTURE',
  'HOTEL',
  'HOTEL_ROOM_TYPE',
  'INVITE',
  'MAP_PIN',
  'MEMBERSHIP',
  'MULTIPLE_PEOPLE',
  'OFFER',
  'PERSON',
  'PHONE',
  'RESTAURANT_ICON',
  'SHOPPING_CART',
  'STAR',
  'STORE',
  'TICKET',
  'TRAIN',
  'VIDEO_CAMERA',
  'VIDEO_PLAY'
);
export const ImageCropType = enumOf<CS['ImageCropType']>(
  'SQUARE',
  'CIRCLE',
  'RECTANGLE_CUSTOM',
  'RECTANGLE_4_3'
);
export const ImageStyle = enumOf<CS['ImageStyle']>('SQUARE', 'CIRCLE');
export const InputType = enumOf<CS['InputType']>('TEXT', 'INTEGER', 'FLOAT', 'EMAIL');
export const Interaction = enumOf<CS['Interaction']>('INTERACTION_UNSPECIFIED', 'OPEN_DIALOG');
export const LoadIndicator = enumOf<CS['LoadIndicator']>('SPINNER', 'NONE');
export const OnClose = enumOf<CS['OnClose']>('NOTHING', 'RELOAD', 'RELOAD_ADD_ON');
export const OpenAs = enumOf<CS['OpenAs']>('FULL_SIZE', 'OVERLAY');
export const SelectionInputType = enumOf<CS['SelectionInputType']>(
  'CHECK_BOX',
  'RADIO_BUTTON',
  'DROPDOWN',
  'SWITCH',
  'MULTI_SELECT'
);
export const SwitchControlType = enumOf<CS['SwitchControlType']>('SWITCH', 'CHECK_BOX');
export const TextButtonStyle = enumOf<CS['TextButtonStyle']>(
  'OUTLINED',
  'TEXT',
  'FILLED',
  'FILLED_TONAL',
  'BORDERLESS'
);
export const UpdateDraftBodyType = enumOf<CS['UpdateDraftBodyType']>('IN_PLACE_INSERT');
