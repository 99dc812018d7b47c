// What a person's browser would submit from a card: every input's current value, as a form a
// card action event carries. Used by the tests and the local emulator to "press a button".
import { cardsIn, findWidgets } from './card-service/query';
import type { FormValue } from './events';

/** The values a card's inputs hold as it is shown (before the user changes anything). */
export function formValues(cardJson: unknown): Record<string, FormValue> {
  const values: Record<string, FormValue> = {};
  for (const widget of findWidgets(cardJson)) {
    const text = widget.textInput;
    if (text?.value) values[text.name] = text.value;
    const selection = widget.selectionInput;
    if (selection)
      values[selection.name] = selection.items.filter(i => i.selected).map(i => i.value);
    const picker = widget.dateTimePicker;
    if (picker?.valueMsEpoch) values[picker.name] = { date: Number(picker.valueMsEpoch) };
    const toggle = widget.decoratedText?.switchControl;
    if (toggle) values[toggle.name] = toggle.selected ? [toggle.value ?? ''] : [];
  }
  return values;
}

/** The first card in a trigger's or action's answer. */
export function firstCard(json: unknown): unknown {
  return cardsIn(json)[0] ?? null;
}
