// First-run setup (records administrators) and what everyone else sees until it is done; the
// register's settings and headroom once it is.
import type { Deployment } from '../app/deployment';
import { isAdministrator } from '../app/deployment';
import type { Headroom } from '../domain/register-schema';
import type { RegisterConfig } from '../adapters/properties';
import {
  action,
  BRAND,
  button,
  coloured,
  header,
  html,
  labelled,
  paragraph,
  WARNING_COLOUR,
} from './common';

export function notSetUpCard(deployment: Deployment): GoogleAppsScript.Card_Service.Card {
  const card = CardService.newCardBuilder()
    .setName('setup')
    .setHeader(header('Set up Records Capture', BRAND));
  if (!isAdministrator(deployment)) {
    const who = deployment.administrators.join(', ');
    return card
      .addSection(
        CardService.newCardSection().addWidget(
          paragraph(
            `Records Capture is not set up yet, so records cannot be declared. Please ask your records administrator${deployment.administrators.length > 1 ? 's' : ''} (<b>${html(who)}</b>) to open this sidebar and set it up.`
          )
        )
      )
      .build();
  }
  return card
    .addSection(
      CardService.newCardSection()
        .setHeader('Create the register')
        .addWidget(
          paragraph(
            'Creates the records register (a Google Sheet with the file plan, retention schedules, business units and an audit log) and a records folder, with a sample file plan you can edit.'
          )
        )
        .addWidget(
          CardService.newDecoratedText()
            .setText(`Everyone in the department can declare records`)
            .setBottomLabel(
              'Shares the register and the records folder with the domain as editors. Header rows stay protected.'
            )
            .setWrapText(true)
            .setSwitchControl(
              CardService.newSwitch()
                .setFieldName('shareWithDomain')
                .setValue('yes')
                .setSelected(true)
            )
        )
        .addWidget(
          CardService.newTextInput()
            .setFieldName('recordsTeamGroup')
            .setTitle('Records team group (optional)')
            .setHint(
              'e.g. records-team@department.gov.uk: given access to OFFICIAL-SENSITIVE records, which stay in place'
            )
        )
        .addWidget(
          CardService.newButtonSet().addButton(
            button('Create register', action('onCreateRegister'), true)
          )
        )
    )
    .addSection(
      CardService.newCardSection()
        .setHeader('Or link an existing register')
        .addWidget(
          CardService.newTextInput()
            .setFieldName('registerUrl')
            .setTitle('Register URL')
            .setHint('https://docs.google.com/spreadsheets/d/…/edit')
        )
        .addWidget(
          CardService.newButtonSet().addButton(button('Link register', action('onLinkRegister')))
        )
    )
    .build();
}

export function registerCard(
  config: RegisterConfig,
  headroom: Headroom | null,
  administrator: boolean
): GoogleAppsScript.Card_Service.Card {
  const section = CardService.newCardSection()
    .addWidget(
      CardService.newDecoratedText()
        .setTopLabel('Register')
        .setText('Records register')
        .setWrapText(true)
        .setOpenLink(
          CardService.newOpenLink()
            .setUrl(config.registerUrl)
            .setOpenAs(CardService.OpenAs.FULL_SIZE)
        )
    )
    .addWidget(labelled('Records administrators', config.administrators.join(', ')))
    .addWidget(labelled('Set up', `${config.setUpAt.slice(0, 10)} by ${config.setUpBy}`));
  const card = CardService.newCardBuilder()
    .setName('register')
    .setHeader(header('Register', BRAND))
    .addSection(section);
  if (headroom) {
    const usage = CardService.newCardSection()
      .setHeader('Headroom')
      .addWidget(labelled('Records', headroom.rowsUsed.toLocaleString('en-GB')))
      .addWidget(
        labelled('Room for about', `${headroom.rowsLeft.toLocaleString('en-GB')} more records`)
      )
      .addWidget(
        labelled('Spreadsheet cells used', `${headroom.percentUsed}% of Google Sheets' 10 million`)
      );
    if (headroom.percentUsed >= 80) {
      usage.addWidget(
        paragraph(
          coloured(
            'The register is nearly full. Plan a new register (see the README, "Register headroom").',
            WARNING_COLOUR
          )
        )
      );
    }
    card.addSection(usage);
  }
  if (administrator) {
    card.addSection(
      CardService.newCardSection().addWidget(
        CardService.newButtonSet().addButton(
          button('Reload file plan', action('onReloadReferenceData'))
        )
      )
    );
  }
  return card.build();
}
