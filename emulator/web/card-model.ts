// The parts of the card renderer that need no DOM: the card HTML subset, what each widget is,
// button looks, form values, required fields, date inputs and the card navigation stack. Kept
// pure so that Node tests can check them; cards.ts turns these models into elements.
import type {
  ActionJson,
  ButtonJson,
  CardJson,
  ColorJson,
  IconJson,
  NavigationJson,
  OnClickJson,
  OpenLinkJson,
  TextInputJson,
  WidgetJson,
} from '../../fakes/card-service/json';

/** A form value as /api/run takes it: text, several values, or a date. */
export type FormValue = string | string[] | { date: number };
export type FormValues = Record<string, FormValue>;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Card HTML: <b> <i> <u> <s> <font color> <a href> <br>; any other tag is text the user reads.

export type StyleTag = 'b' | 'i' | 'u' | 's';

export type CardHtmlNode =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'style'; tag: StyleTag; children: CardHtmlNode[] }
  | { kind: 'font'; color?: string; children: CardHtmlNode[] }
  | { kind: 'link'; href?: string; children: CardHtmlNode[] };

type ContainerNode = Extract<CardHtmlNode, { children: CardHtmlNode[] }>;

const STYLE_TAGS: readonly string[] = ['b', 'i', 'u', 's'];
const CONTAINER_TAGS: readonly string[] = [...STYLE_TAGS, 'font', 'a'];

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes the entities card text uses; an unknown one stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : +name.slice(1);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attributes(source: string): Record<string, string> {
  const found: Record<string, string> = {};
  const pattern = /([a-z][a-z0-9-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
  for (const match of source.matchAll(pattern)) {
    found[match[1].toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return found;
}

/** A colour CSS can take without any risk: #rgb(a), #rrggbb(aa) or a colour keyword. */
export function safeColor(value: string | undefined): string | undefined {
  const color = value?.trim();
  if (!color) return undefined;
  return /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(color) || /^[a-z]{3,20}$/i.test(color)
    ? color
    : undefined;
}

/** Links open only web and mail addresses; `javascript:` and the like are dropped. */
export function safeHref(value: string | undefined): string | undefined {
  const href = value?.trim();
  return href && /^(https?:|mailto:)/i.test(href) ? href : undefined;
}

/** Parses card text into the allowed tags and plain text; never yields markup to inject. */
export function parseCardHtml(html: string): CardHtmlNode[] {
  const root: CardHtmlNode[] = [];
  const open: { tag: string; node: ContainerNode }[] = [];
  const current = (): CardHtmlNode[] => (open.length ? open[open.length - 1].node.children : root);
  const addText = (text: string): void => {
    if (!text) return;
    const siblings = current();
    const last = siblings[siblings.length - 1];
    if (last?.kind === 'text') last.text += text;
    else siblings.push({ kind: 'text', text });
  };

  const tagPattern = /<(\/?)([a-z][a-z0-9]*)\b([^<>]*)>/gi;
  let index = 0;
  for (const match of html.matchAll(tagPattern)) {
    addText(decodeEntities(html.slice(index, match.index)));
    index = match.index! + match[0].length;
    const closing = match[1] === '/';
    const tag = match[2].toLowerCase();
    if (tag === 'br') {
      current().push({ kind: 'break' });
      continue;
    }
    if (!CONTAINER_TAGS.includes(tag)) {
      addText(match[0]);
      continue;
    }
    if (closing) {
      // A stray closing tag is dropped, as browsers do; a mismatched one closes what it encloses.
      const at = open.map(entry => entry.tag).lastIndexOf(tag);
      if (at >= 0) open.length = at;
      continue;
    }
    const attrs = attributes(match[3]);
    let node: ContainerNode;
    if (tag === 'font') node = { kind: 'font', color: safeColor(attrs.color), children: [] };
    else if (tag === 'a') node = { kind: 'link', href: safeHref(attrs.href), children: [] };
    else node = { kind: 'style', tag: tag as StyleTag, children: [] };
    current().push(node);
    open.push({ tag, node });
  }
  addText(decodeEntities(html.slice(index)));
  return root;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The parsed nodes as markup: the allowed tags with their safe attributes, all else escaped. */
export function cardHtmlToMarkup(nodes: CardHtmlNode[]): string {
  return nodes
    .map(node => {
      switch (node.kind) {
        case 'text':
          return escapeHtml(node.text);
        case 'break':
          return '<br>';
        case 'style':
          return `<${node.tag}>${cardHtmlToMarkup(node.children)}</${node.tag}>`;
        case 'font': {
          const inner = cardHtmlToMarkup(node.children);
          return node.color ? `<font color="${escapeHtml(node.color)}">${inner}</font>` : inner;
        }
        case 'link': {
          const inner = cardHtmlToMarkup(node.children);
          return node.href
            ? `<a href="${escapeHtml(node.href)}" target="_blank" rel="noopener noreferrer">${inner}</a>`
            : inner;
        }
      }
      return '';
    })
    .join('');
}

/** Card text reduced to the allowed tags; everything else escaped so it shows as typed. */
export function sanitizeCardHtml(html: string): string {
  return cardHtmlToMarkup(parseCardHtml(html));
}

/** What a person reads in card text, for labels and test ids. */
export function cardHtmlToText(html: string): string {
  const text = (nodes: CardHtmlNode[]): string =>
    nodes
      .map(node => {
        if (node.kind === 'text') return node.text;
        if (node.kind === 'break') return '\n';
        return text(node.children);
      })
      .join('');
  return text(parseCardHtml(html));
}

// ---------------------------------------------------------------------------------------------
// Widgets

/** ChipList is not in the fake's JSON types yet (developer preview for add-ons). */
export interface ChipJson {
  label?: string;
  icon?: IconJson;
  onClick?: OnClickJson;
  disabled?: boolean;
  altText?: string;
}

export interface ChipListJson {
  layout?: string;
  chips?: ChipJson[];
}

interface KnownWidgets {
  textParagraph: NonNullable<WidgetJson['textParagraph']>;
  decoratedText: NonNullable<WidgetJson['decoratedText']>;
  buttonList: NonNullable<WidgetJson['buttonList']>;
  textInput: NonNullable<WidgetJson['textInput']>;
  selectionInput: NonNullable<WidgetJson['selectionInput']>;
  dateTimePicker: NonNullable<WidgetJson['dateTimePicker']>;
  divider: NonNullable<WidgetJson['divider']>;
  image: NonNullable<WidgetJson['image']>;
  grid: NonNullable<WidgetJson['grid']>;
  chipList: ChipListJson;
}

export type KnownWidgetType = keyof KnownWidgets;

const KNOWN_WIDGET_TYPES: readonly KnownWidgetType[] = [
  'textParagraph',
  'decoratedText',
  'buttonList',
  'textInput',
  'selectionInput',
  'dateTimePicker',
  'divider',
  'image',
  'grid',
  'chipList',
];

/** Fields a v1 widget may carry beside its one widget key. */
const WIDGET_METADATA = ['horizontalAlignment', 'id', 'visibility', 'eventActions'];

export type KnownWidgetModel = {
  [K in KnownWidgetType]: {
    type: K;
    json: KnownWidgets[K];
    /** Set when the widget or the feature it uses is not generally available in add-ons. */
    preview?: string;
  };
}[KnownWidgetType];

export interface UnknownWidgetModel {
  type: 'unknown';
  /** The widget's JSON key, e.g. `columns`; what the placeholder box names. */
  typeName: string;
}

export type WidgetModel = KnownWidgetModel | UnknownWidgetModel;

function previewNote(model: KnownWidgetModel): string | undefined {
  if (model.type === 'chipList') return 'ChipList is in developer preview for add-ons';
  if (model.type === 'selectionInput' && model.json.type === 'MULTI_SELECT')
    return 'MULTI_SELECT is in developer preview for add-ons';
  if (model.type === 'textParagraph' && (model.json.maxLines ?? 0) > 0)
    return 'maxLines is in developer preview for add-ons';
  return undefined;
}

/** Which widget a v1 widget object is; anything the renderer does not know becomes a placeholder. */
export function describeWidget(widget: unknown): WidgetModel {
  if (!isObject(widget)) return { type: 'unknown', typeName: 'invalid widget' };
  const keys = Object.keys(widget).filter(key => !WIDGET_METADATA.includes(key));
  const known = keys.find(key => (KNOWN_WIDGET_TYPES as readonly string[]).includes(key));
  if (known && isObject(widget[known])) {
    const model = { type: known, json: widget[known] } as KnownWidgetModel;
    const preview = previewNote(model);
    return preview ? { ...model, preview } : model;
  }
  return { type: 'unknown', typeName: keys[0] ?? 'empty widget' };
}

export function widgetTestId(model: WidgetModel): string {
  return `widget-${model.type === 'unknown' ? model.typeName : model.type}`;
}

/** Which widgets stay visible in a section and which sit behind "Show more". */
export function splitCollapsible<T>(
  section: { collapsible?: boolean; uncollapsibleWidgetsCount?: number },
  widgets: T[]
): { shown: T[]; hidden: T[] } {
  if (!section.collapsible) return { shown: widgets, hidden: [] };
  const count = Math.max(0, Math.floor(section.uncollapsibleWidgetsCount ?? 0));
  return { shown: widgets.slice(0, count), hidden: widgets.slice(count) };
}

// ---------------------------------------------------------------------------------------------
// Buttons

export type ButtonStyle = 'OUTLINED' | 'FILLED' | 'FILLED_TONAL' | 'BORDERLESS';

export interface ButtonModel {
  kind: 'text' | 'image';
  /** Visible text (empty for image buttons). */
  text: string;
  /** What a screen reader says: altText, else the text, else Google's fallback "Button". */
  accessibleName: string;
  style: ButtonStyle;
  /** A custom colour: the container and the contrasting content colour. */
  background?: string;
  foreground?: string;
  disabled: boolean;
  icon?: IconJson;
  testId: string;
}

function channel(value: number | undefined): number {
  const n = Number(value ?? 0);
  return Math.round(Math.min(1, Math.max(0, Number.isFinite(n) ? n : 0)) * 255);
}

export function colorToCss(color: ColorJson): string {
  return `rgb(${channel(color.red)}, ${channel(color.green)}, ${channel(color.blue)})`;
}

function luminance(color: ColorJson): number {
  const linear = (v: number | undefined): number => {
    const c = channel(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue);
}

/** Black or white, whichever reads better on `color` (Google picks the contrast for FILLED). */
export function contrastingText(color: ColorJson): '#000000' | '#ffffff' {
  const l = luminance(color);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

export function describeButton(
  button: ButtonJson,
  defaultStyle: ButtonStyle = 'OUTLINED'
): ButtonModel {
  const text = button.text ? cardHtmlToText(button.text) : '';
  const kind = !text && button.icon ? 'image' : 'text';
  const accessibleName = button.altText || button.icon?.altText || text || 'Button';
  const declared = button.type === 'TEXT' ? 'OUTLINED' : button.type;
  let style: ButtonStyle = (['OUTLINED', 'FILLED', 'FILLED_TONAL', 'BORDERLESS'] as const).includes(
    declared as ButtonStyle
  )
    ? (declared as ButtonStyle)
    : defaultStyle;
  const model: ButtonModel = {
    kind,
    text,
    accessibleName,
    style,
    disabled: button.disabled === true,
    testId: `button-${text || accessibleName}`,
  };
  if (button.icon) model.icon = button.icon;
  if (button.color && kind === 'text') {
    // A colour makes the button FILLED with contrasting text (card.proto, Button.color).
    style = 'FILLED';
    model.style = style;
    model.background = colorToCss(button.color);
    model.foreground = contrastingText(button.color);
  }
  return model;
}

// ---------------------------------------------------------------------------------------------
// Icons: drawn with plain text symbols, since the emulator loads no icon font and nothing from the
// web, and emoji fonts are not on every machine. An icon with no symbol shows its initial.

const KNOWN_ICON_GLYPHS: Record<string, string> = {
  AIRPLANE: '✈',
  CLOCK: '◷',
  DOLLAR: '$',
  DESCRIPTION: '≡',
  EMAIL: '✉',
  FLIGHT_ARRIVAL: '✈',
  FLIGHT_DEPARTURE: '✈',
  INVITE: '✉',
  MAP_PIN: '⌖',
  OFFER: '%',
  PHONE: '☎',
  STAR: '★',
  VIDEO_PLAY: '▶',
};

const MATERIAL_ICON_GLYPHS: Record<string, string> = {
  add: '+',
  archive: '▤',
  arrow_back: '←',
  arrow_forward: '→',
  calendar_today: '▦',
  check: '✓',
  check_circle: '✓',
  close: '✕',
  description: '≡',
  edit: '✎',
  email: '✉',
  error: '⚠',
  help: '?',
  info: 'ⓘ',
  inventory_2: '▤',
  mail: '✉',
  more_vert: '⋮',
  open_in_new: '↗',
  schedule: '◷',
  search: '⌕',
  settings: '⚙',
  star: '★',
  warning: '⚠',
};

function initial(name: string): string {
  return (name.replace(/[^a-z0-9]/gi, '')[0] ?? '•').toUpperCase();
}

export interface IconModel {
  glyph: string;
  /** The icon's alt text, or empty for a decorative icon. */
  label: string;
  /** Where the real icon would come from, shown as a tooltip. */
  source: string;
}

export function describeIcon(icon: IconJson): IconModel {
  const label = icon.altText ?? '';
  if (icon.knownIcon) {
    return {
      glyph: KNOWN_ICON_GLYPHS[icon.knownIcon] ?? initial(icon.knownIcon),
      label,
      source: `knownIcon ${icon.knownIcon}`,
    };
  }
  if (icon.materialIcon) {
    const name = icon.materialIcon.name;
    return {
      glyph: MATERIAL_ICON_GLYPHS[name] ?? initial(name),
      label,
      source: `materialIcon ${name}`,
    };
  }
  return { glyph: '▨', label, source: icon.iconUrl ?? 'icon' };
}

// ---------------------------------------------------------------------------------------------
// Forms: what the card's inputs hold when an action runs.

/** One input as the renderer reads it at the moment of an action. */
export type InputDescription =
  | { kind: 'text'; name: string; value: string }
  | { kind: 'dropdown'; name: string; value: string }
  /** Checkboxes, radio buttons, switches and multi-select: the values that are on. */
  | { kind: 'choice'; name: string; selected: string[] }
  | { kind: 'date'; name: string; ms: number | null };

/**
 * The form an action sends, shaped as Google sends it: empty text, unticked boxes and unset dates
 * are left out; a dropdown always sends its one value; choices with the same name merge.
 */
export function collectForm(inputs: InputDescription[]): FormValues {
  const form: FormValues = {};
  for (const input of inputs) {
    switch (input.kind) {
      case 'text':
        if (input.value !== '') form[input.name] = input.value;
        break;
      case 'dropdown':
        form[input.name] = [input.value];
        break;
      case 'choice': {
        if (!input.selected.length) break;
        const earlier = form[input.name];
        form[input.name] = Array.isArray(earlier)
          ? [...earlier, ...input.selected]
          : [...input.selected];
        break;
      }
      case 'date':
        if (input.ms !== null && Number.isFinite(input.ms)) form[input.name] = { date: input.ms };
        break;
    }
  }
  return form;
}

/** The names an action requires and the form lacks (`requiredWidgets`, `allWidgetsAreRequired`). */
export function missingRequired(
  action: Pick<ActionJson, 'requiredWidgets' | 'allWidgetsAreRequired'>,
  form: FormValues,
  inputNames: string[]
): string[] {
  const required = action.allWidgetsAreRequired ? inputNames : (action.requiredWidgets ?? []);
  return [...new Set(required)].filter(name => !(name in form));
}

/** Why a text input's value is not accepted, or null. Empty values are for "required" to judge. */
export function validateText(
  value: string,
  validation: TextInputJson['validation']
): string | null {
  if (!validation || value === '') return null;
  const limit = validation.characterLimit;
  if (limit && limit > 0 && [...value].length > limit) return `At most ${limit} characters`;
  switch (validation.inputType) {
    case 'INTEGER':
      return /^[-+]?\d+$/.test(value.trim()) ? null : 'Enter a whole number';
    case 'FLOAT':
      return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value.trim()) ? null : 'Enter a number';
    case 'EMAIL':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : 'Enter an email address';
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Date and time pickers: valueMsEpoch is UTC; a date is midnight UTC, a time is ms after midnight.

export type PickerType = 'DATE_AND_TIME' | 'DATE_ONLY' | 'TIME_ONLY';

const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The native input's type for a picker. */
export function pickerInputType(type: PickerType): 'date' | 'time' | 'datetime-local' {
  if (type === 'DATE_ONLY') return 'date';
  if (type === 'TIME_ONLY') return 'time';
  return 'datetime-local';
}

/** The text a native date/time input holds for `ms`; `offsetMinutes` shifts date-and-time only. */
export function pickerValue(ms: number, type: PickerType, offsetMinutes = 0): string {
  if (!Number.isFinite(ms)) return '';
  if (type === 'TIME_ONLY') {
    const inDay = ((ms % DAY_MS) + DAY_MS) % DAY_MS;
    return `${pad(Math.floor(inDay / 3_600_000))}:${pad(Math.floor(inDay / 60_000) % 60)}`;
  }
  const d = new Date(type === 'DATE_AND_TIME' ? ms + offsetMinutes * 60_000 : ms);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return type === 'DATE_ONLY' ? date : `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The UTC milliseconds a native input's text stands for, or null when it is empty or invalid. */
export function pickerMs(value: string, type: PickerType, offsetMinutes = 0): number | null {
  if (type === 'TIME_ONLY') {
    const m = /^(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
    return m ? ((+m[1] * 60 + +m[2]) * 60 + +(m[3] ?? 0)) * 1000 : null;
  }
  const m = /^(\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0));
  return type === 'DATE_AND_TIME' ? ms - offsetMinutes * 60_000 : ms;
}

// ---------------------------------------------------------------------------------------------
// Actions

export interface ActionModel {
  function: string;
  parameters: Record<string, string>;
  loadIndicator: string;
  persistValues: boolean;
}

/** An action's parameters as a map, plus any the click adds (e.g. a grid item's identifier). */
export function describeAction(
  action: ActionJson,
  extra: Record<string, string> = {}
): ActionModel {
  const parameters: Record<string, string> = {};
  for (const p of action.parameters ?? []) parameters[p.key] = String(p.value);
  return {
    function: action.function,
    parameters: { ...parameters, ...extra },
    loadIndicator: action.loadIndicator ?? 'SPINNER',
    persistValues: action.persistValues === true,
  };
}

/** A grid's one onClick serves every item; the clicked item's id comes back under this key. */
export const GRID_ITEM_PARAMETER = 'grid_item_identifier';

// ---------------------------------------------------------------------------------------------
// Navigation: the stack of cards in the panel (bottom first), and what a response does to it.

/** A card, or the list of headers the host shows when a trigger returns several cards. */
export type StackEntry = { kind: 'card'; card: CardJson } | { kind: 'list'; cards: CardJson[] };

function isCard(value: unknown): value is CardJson {
  return isObject(value) && Array.isArray(value.sections);
}

export function cardEntry(card: CardJson): StackEntry {
  return { kind: 'card', card };
}

/** One navigation step. Popping never empties the stack; an unknown card name changes nothing. */
export function navigate(stack: readonly StackEntry[], step: NavigationJson): StackEntry[] {
  if (step.pushCard) return [...stack, cardEntry(step.pushCard)];
  if (step.updateCard) {
    return stack.length
      ? [...stack.slice(0, -1), cardEntry(step.updateCard)]
      : [cardEntry(step.updateCard)];
  }
  if (step.popCard) return stack.length > 1 ? stack.slice(0, -1) : [...stack];
  if (step.popToRoot) return stack.slice(0, 1);
  if (typeof step.popToCard === 'string') {
    const name = step.popToCard;
    for (let i = stack.length - 1; i >= 0; i--) {
      const entry = stack[i];
      if (entry.kind === 'card' && entry.card.name === name) return stack.slice(0, i + 1);
    }
  }
  return [...stack];
}

export interface ResponseOutcome {
  stack: StackEntry[];
  /** False when the value is none of the shapes a trigger or an action may return. */
  recognised: boolean;
  notification?: string;
  link?: OpenLinkJson;
  /** `editorFileScopeRequest`: the user is asked to grant access to the open file. */
  requestFileScope?: boolean;
  /** `driveItemsSelectedRequest`: the Drive files the add-on asks access to. */
  driveFileScopeIds?: string[];
}

/**
 * What a trigger's or an action's JSON does to the panel. `replace` is for triggers (the cards
 * become the whole stack); otherwise cards are pushed, as universal actions do.
 */
export function reduceResponse(
  stack: readonly StackEntry[],
  json: unknown,
  mode: 'replace' | 'push'
): ResponseOutcome {
  const place = (entry: StackEntry): StackEntry[] =>
    mode === 'replace' ? [entry] : [...stack, entry];
  if (isCard(json)) return { stack: place(cardEntry(json)), recognised: true };
  if (!isObject(json)) return { stack: [...stack], recognised: false };
  if (Array.isArray(json.cards)) {
    const cards = json.cards.filter(isCard);
    if (!cards.length) return { stack: [...stack], recognised: false };
    const entry: StackEntry =
      cards.length === 1 ? cardEntry(cards[0]) : { kind: 'list', cards: [...cards] };
    return { stack: place(entry), recognised: true };
  }
  if (isObject(json.renderActions)) {
    const action = isObject(json.renderActions.action) ? json.renderActions.action : {};
    const steps = Array.isArray(action.navigations) ? (action.navigations as NavigationJson[]) : [];
    const outcome: ResponseOutcome = {
      stack: steps.filter(isObject).reduce<StackEntry[]>(navigate, [...stack]),
      recognised: true,
    };
    const notification = action.notification;
    if (isObject(notification) && typeof notification.text === 'string')
      outcome.notification = notification.text;
    if (isObject(action.link) && typeof action.link.url === 'string')
      outcome.link = action.link as unknown as OpenLinkJson;
    return outcome;
  }
  if (isObject(json.editorFileScopeRequest)) {
    return {
      stack: [...stack],
      recognised: true,
      requestFileScope: json.editorFileScopeRequest.requestFileScopeForActiveDocument === true,
    };
  }
  if (isObject(json.driveItemsSelectedRequest)) {
    const ids = json.driveItemsSelectedRequest.fileScopeItemIds;
    return {
      stack: [...stack],
      recognised: true,
      driveFileScopeIds: Array.isArray(ids) ? ids.map(String) : [],
    };
  }
  return { stack: [...stack], recognised: false };
}

/** The card the panel shows when an execution fails, as Apps Script reports it. */
export function errorCard(message: string): CardJson {
  return {
    name: 'error',
    header: { title: 'Something went wrong', subtitle: 'The add-on reported an error' },
    sections: [
      {
        widgets: [
          { textParagraph: { text: `<font color="#b3261e">Error: ${escapeHtml(message)}</font>` } },
        ],
      },
    ],
  };
}

/** A card with a title and a line of text, for the panel's own messages. */
export function messageCard(title: string, text: string, subtitle?: string): CardJson {
  return {
    name: 'message',
    header: subtitle ? { title, subtitle } : { title },
    sections: [{ widgets: [{ textParagraph: { text: escapeHtml(text) } }] }],
  };
}
