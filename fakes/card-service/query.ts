// Pure helpers to query the JSON `cardToJson` returns, for tests and the emulator: which widgets
// a card has, what an input holds, which actions a click can run and what the card says.
import type {
  CardJson,
  DateTimePickerJson,
  SelectionInputJson,
  SwitchControlJson,
  TextInputJson,
  WidgetJson,
} from './json';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Every card in a value: a card itself, a `{cards}` list, or the cards an action response pushes
 * or updates, in order.
 */
export function cardsIn(json: unknown): CardJson[] {
  if (!isObject(json)) return [];
  if (Array.isArray(json.sections)) return [json as unknown as CardJson];
  if (Array.isArray(json.cards)) return json.cards.flatMap(cardsIn);
  const renderActions = json.renderActions;
  const action = isObject(renderActions) ? renderActions.action : undefined;
  const navigations = isObject(action) ? action.navigations : undefined;
  if (!Array.isArray(navigations)) return [];
  return navigations.flatMap(step =>
    isObject(step) ? [...cardsIn(step.pushCard), ...cardsIn(step.updateCard)] : []
  );
}

/** The widgets, across every section of every card in `json`, that satisfy `predicate`. */
export function findWidgets(
  json: unknown,
  predicate: (widget: WidgetJson) => boolean = () => true
): WidgetJson[] {
  return cardsIn(json).flatMap(card =>
    card.sections.flatMap(section => section.widgets.filter(widget => predicate(widget)))
  );
}

export type InputJson =
  | ({ kind: 'textInput' } & TextInputJson)
  | ({ kind: 'selectionInput' } & SelectionInputJson)
  | ({ kind: 'dateTimePicker' } & DateTimePickerJson)
  | ({ kind: 'switchControl' } & SwitchControlJson);

function inputsOf(widget: WidgetJson): InputJson[] {
  const inputs: InputJson[] = [];
  if (widget.textInput) inputs.push({ kind: 'textInput', ...widget.textInput });
  if (widget.selectionInput) inputs.push({ kind: 'selectionInput', ...widget.selectionInput });
  if (widget.dateTimePicker) inputs.push({ kind: 'dateTimePicker', ...widget.dateTimePicker });
  const switchControl = widget.decoratedText?.switchControl;
  if (switchControl) inputs.push({ kind: 'switchControl', ...switchControl });
  return inputs;
}

/** The first form input named `fieldName` (text, selection, date/time or switch), tagged by kind. */
export function findInput(json: unknown, fieldName: string): InputJson | undefined {
  for (const widget of findWidgets(json)) {
    const input = inputsOf(widget).find(candidate => candidate.name === fieldName);
    if (input) return input;
  }
  return undefined;
}

export interface ActionRef {
  functionName: string;
  parameters: Record<string, string>;
  loadIndicator: string;
  persistValues: boolean;
}

/**
 * Every action reachable in a card or response, in document order: button and image clicks,
 * card actions, the fixed footer, decorated text, switch and selection changes, grid clicks,
 * suggestion and dynamic-link actions, and those of every card a response carries.
 */
export function allActions(json: unknown): ActionRef[] {
  const found: ActionRef[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isObject(value)) return;
    if (typeof value.function === 'string' && Array.isArray(value.parameters)) {
      const parameters: Record<string, string> = {};
      for (const p of value.parameters as { key: string; value: string }[]) {
        parameters[p.key] = p.value;
      }
      found.push({
        functionName: value.function,
        parameters,
        loadIndicator: String(value.loadIndicator),
        persistValues: value.persistValues === true,
      });
      return;
    }
    Object.values(value).forEach(visit);
  };
  visit(json);
  return found;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

/** Card text is simple HTML; this is what the user reads. */
function plain(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name]);
}

function widgetText(widget: WidgetJson): (string | undefined)[] {
  const d = widget.decoratedText;
  const t = widget.textInput;
  const s = widget.selectionInput;
  const g = widget.grid;
  return [
    widget.textParagraph?.text,
    d?.topLabel,
    d?.text,
    d?.bottomLabel,
    d?.button?.text,
    ...(widget.buttonList?.buttons ?? []).map(button => button.text),
    t?.label,
    t?.value,
    t?.hintText,
    s?.label,
    ...(s?.items ?? []).map(item => item.text),
    widget.dateTimePicker?.label,
    g?.title,
    ...(g?.items ?? []).flatMap(item => [item.title, item.subtitle]),
  ];
}

/**
 * All the text a user can read in `json` (every card's header, sections, widgets, menu and
 * footer, plus a response's notification), one piece per line, HTML tags removed.
 */
export function textOf(json: unknown): string {
  const pieces: (string | undefined)[] = [];
  for (const card of cardsIn(json)) {
    pieces.push(card.header?.title, card.header?.subtitle);
    for (const section of card.sections) {
      pieces.push(section.header, ...section.widgets.flatMap(widgetText));
    }
    pieces.push(...(card.cardActions ?? []).map(action => action.actionLabel));
    pieces.push(card.fixedFooter?.primaryButton.text, card.fixedFooter?.secondaryButton?.text);
  }
  const renderActions = isObject(json) ? json.renderActions : undefined;
  const action = isObject(renderActions) ? renderActions.action : undefined;
  const notification = isObject(action) ? action.notification : undefined;
  if (isObject(notification) && typeof notification.text === 'string') {
    pieces.push(notification.text);
  }
  return pieces
    .filter((piece): piece is string => typeof piece === 'string' && piece.length > 0)
    .map(plain)
    .join('\n');
}
