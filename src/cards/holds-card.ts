// Legal holds: the holds in force, each with a Lift button, and the form to place a new one on
// records or on whole series.
import type { HoldForm, HoldRow } from '../app/holds';
import { HOLD_SCOPES } from '../domain/register-schema';
import { isDate, isoDay } from '../domain/review';
import { shorten } from '../domain/text';
import { action, BRAND, button, coloured, ERROR_COLOUR, header, html, paragraph } from './common';

type Card = GoogleAppsScript.Card_Service.Card;

export const HOLD_FIELD = {
  scope: 'holdScope',
  targets: 'holdTargets',
  reason: 'holdReason',
  authority: 'holdAuthority',
  liftReason: 'liftReason',
} as const;

/** Holds listed on the card (each is a few widgets; cards hold at most 100). */
const SHOWN = 20;

export interface HoldsCardInput {
  /** Rows of the holds in force. */
  active: HoldRow[];
  form: HoldForm;
  errors?: string[];
  notice?: string;
  liftReason?: string;
}

function when(value: Date | string): string {
  return isDate(value) ? isoDay(value) : String(value || '');
}

export function holdsCard(view: HoldsCardInput): Card {
  const card = CardService.newCardBuilder()
    .setName('holds')
    .setHeader(header('Legal holds', BRAND));
  if (view.notice || view.errors?.length) {
    const section = CardService.newCardSection();
    if (view.notice) section.addWidget(paragraph(html(view.notice)));
    for (const e of view.errors ?? []) section.addWidget(paragraph(coloured(e, ERROR_COLOUR)));
    card.addSection(section);
  }

  // One entry per hold: a hold placed on several records at once has one ID.
  const byId = new Map<string, HoldRow[]>();
  for (const h of view.active) byId.set(h.holdId, [...(byId.get(h.holdId) ?? []), h]);
  const inForce = CardService.newCardSection().setHeader(
    byId.size ? `In force (${byId.size})` : 'In force'
  );
  if (!byId.size) {
    inForce.addWidget(paragraph('No legal holds are in force.'));
  } else {
    inForce.addWidget(
      CardService.newTextInput()
        .setFieldName(HOLD_FIELD.liftReason)
        .setTitle('Reason for lifting')
        .setHint('Needed to lift a hold, e.g. the proceedings have ended')
        .setValue(view.liftReason ?? '')
    );
    for (const [id, rows] of [...byId.entries()].slice(0, SHOWN)) {
      const first = rows[0];
      const targets = rows.map(r => r.target);
      inForce.addWidget(
        CardService.newDecoratedText()
          .setTopLabel(
            `${id} · ${first.scope === 'Series' ? 'Series' : targets.length > 1 ? 'Records' : 'Record'}`
          )
          .setText(html(shorten(targets.join(', '), 200)))
          .setBottomLabel(
            shorten(
              `${first.reason} · Authority: ${first.authority} · placed by ${first.placedBy} on ${when(first.placedAt)}`,
              300
            )
          )
          .setWrapText(true)
          .setButton(button('Lift', action('onLiftHold', { holdId: id })))
      );
    }
    if (byId.size > SHOWN) {
      inForce.addWidget(
        paragraph(`… and ${byId.size - SHOWN} more: see the register's Legal holds tab.`)
      );
    }
  }
  card.addSection(inForce);

  const scope = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.RADIO_BUTTON)
    .setFieldName(HOLD_FIELD.scope)
    .setTitle('Hold');
  for (const s of HOLD_SCOPES) {
    scope.addItem(
      s === 'Record' ? 'Records' : 'Whole series (every record in it, now and later)',
      s,
      (view.form.scope || 'Record') === s
    );
  }
  card.addSection(
    CardService.newCardSection()
      .setHeader('Place a hold')
      .addWidget(
        paragraph('Records on hold cannot be destroyed or exported until the hold is lifted.')
      )
      .addWidget(scope)
      .addWidget(
        CardService.newTextInput()
          .setFieldName(HOLD_FIELD.targets)
          .setTitle('Record IDs or series codes')
          .setHint('e.g. REC-2024-000123, REC-2024-000124 or HRM-PER-01')
          .setMultiline(true)
          .setValue(view.form.targets)
      )
      .addWidget(
        CardService.newTextInput()
          .setFieldName(HOLD_FIELD.reason)
          .setTitle('Reason')
          .setHint('e.g. Employment tribunal claim 2024/118')
          .setValue(view.form.reason)
      )
      .addWidget(
        CardService.newTextInput()
          .setFieldName(HOLD_FIELD.authority)
          .setTitle('Authority')
          .setHint('Who ordered it: an inquiry, a court, the department’s legal adviser')
          .setValue(view.form.authority)
      )
      .addWidget(
        CardService.newButtonSet().addButton(button('Place hold', action('onPlaceHold'), true))
      )
  );
  return card.build();
}
