// Manifest triggers: the homepage and contextual cards for each host.
import { prepareDeclaration } from '../app/declare';
import type { ItemRef } from '../app/declare';
import { isAdministrator, loadDeployment, openWorkplace } from '../app/deployment';
import type { Workplace } from '../app/deployment';
import { action, BRAND, button, header, messageCard, paragraph } from '../cards/common';
import type { Host } from '../cards/common';
import { declareCard } from '../cards/declare-card';
import { selectionParameters } from '../adapters/selection';
import { recordsCard } from '../cards/record-card';
import { homeSections } from './home-extras';
import { registerSidebar } from './records-team';
import { notSetUpCard, registerCard } from '../cards/setup-card';
import { cards } from './respond';
import { driveSelection, editorFile, hostOf } from './event';
import type { AddonEvent } from './event';

type Card = GoogleAppsScript.Card_Service.Card;

/** The declare card for items, or the record card when they are all records already. */
export function cardForItems(w: Workplace, host: Host, refs: ItemRef[]): Card {
  const preparation = prepareDeclaration(w, refs, new Date());
  const records = preparation.items.filter(i => i.record).map(i => i.record!);
  const single = preparation.items.length === 1 ? preparation.items[0] : null;
  const extras = homeSections(w, {
    host,
    homepage: false,
    item: single && !single.record ? single.ref : null,
    series: single ? single.record?.series || preparation.folderSeries : null,
  });
  if (records.length === preparation.items.length) return recordsCard(records, host, extras);
  return declareCard({
    host,
    preparation,
    reference: w.reference,
    itemParameters: selectionParameters,
    extras,
  });
}

function withWorkplace(build: (w: Workplace) => Card): Card[] {
  return cards(() => {
    const deployment = loadDeployment();
    const w = openWorkplace(deployment);
    return w ? build(w) : notSetUpCard(deployment);
  });
}

/** The register's card, or the setup card before there is a register. */
export function registerHome(): Card {
  const deployment = loadDeployment();
  const w = openWorkplace(deployment);
  if (!w) return notSetUpCard(deployment);
  const administrator = isAdministrator(w);
  return registerCard(w.config, administrator ? w.register.headroom() : null, administrator);
}

/** Common homepage (hosts without their own). */
export function onHomepage(_e: AddonEvent): Card[] {
  return cards(registerHome);
}

function editorHomepage(e: AddonEvent): Card[] {
  return withWorkplace(w => {
    const { granted, item } = editorFile(e);
    // The register itself: the records team's home, or for anyone else what it is.
    if (item && hostOf(e) === 'SHEETS' && item.id === w.config.registerId)
      return registerSidebar(w);
    if (item) return cardForItems(w, hostOf(e), [item]);
    const kind = hostOf(e) === 'SHEETS' ? 'spreadsheet' : 'document';
    return CardService.newCardBuilder()
      .setName('grant')
      .setHeader(header('Declare as a record', BRAND))
      .addSection(
        CardService.newCardSection()
          .addWidget(
            paragraph(
              granted
                ? `Records Capture cannot see this ${kind} yet. Reload the page and open the sidebar again.`
                : `To declare this ${kind} a record, Records Capture needs your permission to read and mark this ${kind} (only this one).`
            )
          )
          .addWidget(
            CardService.newButtonSet().addButton(
              button(`Allow access to this ${kind}`, action('onRequestFileScope'), true)
            )
          )
      )
      .build();
  });
}

export function onDocsHomepage(e: AddonEvent): Card[] {
  return editorHomepage(e);
}
export function onSheetsHomepage(e: AddonEvent): Card[] {
  return editorHomepage(e);
}
export function onDocsFileScopeGranted(e: AddonEvent): Card[] {
  return editorHomepage(e);
}
export function onSheetsFileScopeGranted(e: AddonEvent): Card[] {
  return editorHomepage(e);
}

export function onDriveHomepage(_e: AddonEvent): Card[] {
  return withWorkplace(w =>
    messageCard(
      'Declare records',
      'Select one or more files in Drive to declare them records: mark them, file them in their series and add them to the register.',
      card => {
        for (const section of homeSections(w, { host: 'DRIVE', homepage: true }))
          card.addSection(section);
      }
    )
  );
}

export function onDriveItemsSelected(e: AddonEvent): Card[] {
  return withWorkplace(w => {
    const { files, folders } = driveSelection(e);
    if (!files.length) {
      return messageCard(
        'Declare records',
        folders.length
          ? 'Folders cannot be declared records: open the folder and select the files in it.'
          : 'Select one or more files in Drive to declare them records.'
      );
    }
    return cardForItems(w, 'DRIVE', files);
  });
}
