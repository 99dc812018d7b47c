// Pieces every card shares: the header, text sections, error and notice styling, actions.

export const BRAND = 'Records Capture';
export const ERROR_COLOUR = '#d4351c';
export const WARNING_COLOUR = '#b35900';

export type Host = 'DOCS' | 'SHEETS' | 'DRIVE' | 'GMAIL' | 'OTHER';

export function header(title: string, subtitle?: string): GoogleAppsScript.Card_Service.CardHeader {
  const h = CardService.newCardHeader().setTitle(title);
  if (subtitle) h.setSubtitle(subtitle);
  return h;
}

/** Escapes text for the card's small HTML subset. */
export function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function paragraph(text: string): GoogleAppsScript.Card_Service.TextParagraph {
  return CardService.newTextParagraph().setText(text);
}

export function coloured(text: string, colour: string): string {
  return `<font color="${colour}">${html(text)}</font>`;
}

export function action(
  functionName: string,
  parameters: Record<string, string> = {}
): GoogleAppsScript.Card_Service.Action {
  return CardService.newAction()
    .setFunctionName(functionName)
    .setParameters(parameters)
    .setLoadIndicator(CardService.LoadIndicator.SPINNER);
}

export function button(
  text: string,
  onClick: GoogleAppsScript.Card_Service.Action,
  filled = false
): GoogleAppsScript.Card_Service.TextButton {
  const b = CardService.newTextButton().setText(text).setOnClickAction(onClick);
  if (filled) b.setTextButtonStyle(CardService.TextButtonStyle.FILLED);
  return b;
}

export function labelled(
  label: string,
  text: string,
  wrap = true
): GoogleAppsScript.Card_Service.DecoratedText {
  return CardService.newDecoratedText()
    .setTopLabel(label)
    .setText(html(text || '—'))
    .setWrapText(wrap);
}

export function messageCard(
  title: string,
  message: string,
  extra?: (card: GoogleAppsScript.Card_Service.CardBuilder) => void
): GoogleAppsScript.Card_Service.Card {
  const card = CardService.newCardBuilder()
    .setName('message')
    .setHeader(header(title, BRAND))
    .addSection(CardService.newCardSection().addWidget(paragraph(html(message))));
  if (extra) extra(card);
  return card.build();
}

export function errorCard(title: string, message: string): GoogleAppsScript.Card_Service.Card {
  return CardService.newCardBuilder()
    .setName('error')
    .setHeader(header(title, BRAND))
    .addSection(CardService.newCardSection().addWidget(paragraph(coloured(message, ERROR_COLOUR))))
    .build();
}

/** Replaces the card on screen, with an optional toast. */
export function update(
  card: GoogleAppsScript.Card_Service.Card,
  notification?: string
): GoogleAppsScript.Card_Service.ActionResponse {
  const response = CardService.newActionResponseBuilder().setNavigation(
    CardService.newNavigation().updateCard(card)
  );
  if (notification) response.setNotification(CardService.newNotification().setText(notification));
  return response.build();
}

export function notify(text: string): GoogleAppsScript.Card_Service.ActionResponse {
  return CardService.newActionResponseBuilder()
    .setNotification(CardService.newNotification().setText(text))
    .build();
}

export function formatDay(date: Date | string): string {
  if (typeof date === 'string') return date;
  return Utilities.formatDate(date, Session.getScriptTimeZone(), 'd MMMM yyyy');
}

export function formatDateTime(date: Date | string): string {
  if (typeof date === 'string') return date;
  return Utilities.formatDate(date, Session.getScriptTimeZone(), 'd MMMM yyyy, HH:mm');
}

/** The toast after declaring or capturing: the record id for one, the count for several. */
export function resultToast(
  recordIds: string[],
  verb: string,
  plural: string,
  otherwise: string
): string {
  if (recordIds.length === 1) return `${verb} as ${recordIds[0]}`;
  return recordIds.length ? `${verb} ${recordIds.length} ${plural}` : otherwise;
}
