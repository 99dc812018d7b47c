// First-run setup (records administrators) and what everyone else sees until it is done; the
// register's settings and headroom once it is.
import type { Deployment, Workplace } from '../app/deployment';
import { isAdministrator } from '../app/deployment';
import { protectionEditors } from '../app/protection';
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
    card.addSection(registerServiceSection(config, null, true, 'register'));
  }
  return card.build();
}

/**
 * The register service and the register's protections: the service's address and whose
 * authority it runs with, when the tabs were last protected and for whom, and (for the records
 * team's home) whether the team has changed since. `editorsNow` null: not compared.
 */
export function registerServiceSection(
  config: RegisterConfig,
  editorsNow: string[] | null,
  canConfigure: boolean,
  /** The card it sits on: 'register' gets the register card back after a sync. */
  card = ''
): GoogleAppsScript.Card_Service.CardSection {
  const service = config.registerService;
  const section = CardService.newCardSection()
    .setHeader('Register service and protections')
    .setCollapsible(!!service?.protectedAt)
    .setNumUncollapsibleWidgets(2);
  if (!service) {
    section.addWidget(
      paragraph(
        'Staff write to the register directly, so its tabs cannot be protected. Deploy the register service (see the README, "Register service and protected ranges") and paste its Web app URL here: staff declarations then go through it, and the register can be protected for the records team.'
      )
    );
  } else {
    section
      .addWidget(labelled('Staff declarations go through', service.url))
      .addWidget(labelled('It writes as', service.deployer));
    if (service.protectedAt) {
      const synced = service.protectionEditors ?? [];
      section.addWidget(
        labelled(
          'Register tabs protected',
          `${service.protectedAt.slice(0, 10)} by ${service.protectedBy ?? ''}; editors: ${synced.join(', ')}`
        )
      );
      const changed =
        editorsNow !== null &&
        (editorsNow.length !== synced.length || editorsNow.some(e => !synced.includes(e)));
      if (changed) {
        section.addWidget(
          paragraph(
            coloured(
              'The records team has changed since the tabs were protected: sync the protections.',
              WARNING_COLOUR
            )
          )
        );
      }
    } else {
      section.addWidget(
        paragraph(
          coloured(
            'The register is not protected yet: anyone with edit access can change it. Protect it now.',
            WARNING_COLOUR
          )
        )
      );
    }
  }
  const buttons = CardService.newButtonSet();
  let count = 0;
  if (service) {
    count++;
    buttons.addButton(
      button(
        service.protectedAt ? 'Sync protections' : 'Protect register',
        action('onSyncProtections', card ? { card } : {}),
        !service.protectedAt
      )
    );
  }
  if (canConfigure) {
    section.addWidget(
      CardService.newTextInput()
        .setFieldName('registerServiceUrl')
        .setTitle('Register service (Web app URL)')
        .setHint('https://script.google.com/macros/s/…/exec; leave empty to write directly')
        .setValue(service?.url ?? '')
    );
    count++;
    buttons.addButton(button('Save register service', action('onSaveRegisterService')));
  }
  return count ? section.addWidget(buttons) : section;
}

/** The section for the records team's home: the protections, and whether the team changed. */
export function protectionHomeSection(w: Workplace): GoogleAppsScript.Card_Service.CardSection {
  return registerServiceSection(w.config, protectionEditors(w), isAdministrator(w));
}
