// Errors the CardService fake throws. Apps Script reports a wrong argument type with the
// "parameters don't match the method signature" shape (seen in user reports for other services);
// no Google source gives the card validation texts below, so their wording is unconfirmed and
// tests assert them through these constants.

export const MAX_SECTIONS_PER_CARD = 100;
export const MAX_WIDGETS_PER_SECTION = 100;
/** The Chat reference caps widgets per card, the add-on page per section: both are enforced. */
export const MAX_WIDGETS_PER_CARD = 100;
export const MAX_SELECTION_ITEMS = 100;

export const CARD_MESSAGES = {
  cardWithoutSections: 'Card must contain at least one section.',
  sectionWithoutWidgets: 'Card section must contain at least one widget.',
  tooManySections: `A card cannot have more than ${MAX_SECTIONS_PER_CARD} sections.`,
  tooManyWidgetsInSection: `A card section cannot have more than ${MAX_WIDGETS_PER_SECTION} widgets.`,
  tooManyWidgetsInCard: `A card cannot have more than ${MAX_WIDGETS_PER_CARD} widgets across its sections.`,
  tooManySelectionItems: `A selection input cannot have more than ${MAX_SELECTION_ITEMS} items.`,
  headerWithoutTitle: 'Card header must have a title.',
  actionWithoutFunctionName: 'Action must have a function name.',
  textButtonWithoutText: 'Text button must have text.',
  imageButtonWithoutIcon: 'Image button must have an icon.',
  decoratedTextWithoutText: 'Decorated text must have text.',
  textParagraphWithoutText: 'Text paragraph must have text.',
  cardActionWithoutText: 'Card action must have text.',
  imageWithoutUrl: 'Image must have an image URL.',
  iconImageWithoutIcon: 'Icon image must have an icon.',
  materialIconWithoutName: 'Material icon must have a name.',
  footerWithoutButtons: 'Fixed footer must have a primary button.',
  footerSecondaryWithoutPrimary:
    'Fixed footer cannot have a secondary button without a primary button.',
  notificationWithoutText: 'Notification must have text.',
  openLinkWithoutUrl: 'Open link must have a URL.',
  universalResponseEmpty: 'Universal action response must display cards or open a link.',
} as const;

/** `TextInput must have a field name.` and the like, for every form input. */
export function withoutFieldName(widget: string): string {
  return `${widget} must have a field name.`;
}

/** How Apps Script names an argument's type in a signature mismatch. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return `${value.length ? typeName(value[0]) : 'Object'}[]`;
  const className = (value as { __className?: unknown }).__className;
  if (typeof className === 'string') return `CardService.${className}`;
  return '(class)';
}

export function signatureMismatch(args: unknown[], method: string): Error {
  return new Error(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`
  );
}
