// The records team's transfer to The National Archives: the package being built or ready, its
// controls, and the file plan export for Microsoft Purview.
import type { FilePlanExport } from '../app/file-plan-export';
import type { MarkOutcome, PackageState } from '../app/transfer';
import { readPackageState } from '../app/transfer';
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

type Card = GoogleAppsScript.Card_Service.Card;
type CardSection = GoogleAppsScript.Card_Service.CardSection;

const n = (value: number) => value.toLocaleString('en-GB');

function linkButton(text: string, url: string): GoogleAppsScript.Card_Service.TextButton {
  return CardService.newTextButton()
    .setText(text)
    .setOpenLink(CardService.newOpenLink().setUrl(url).setOpenAs(CardService.OpenAs.FULL_SIZE));
}

function countsText(state: PackageState): string {
  const c = state.counts;
  const parts = [
    `${n(c.included)} file${c.included === 1 ? '' : 's'} in the package`,
    `${n(c.notIncluded)} not included`,
    `${n(c.held)} on legal hold`,
    `${n(c.awaiting)} awaiting sensitivity review`,
  ];
  return parts.join(' · ');
}

/** One line on where the package stands, for the records team's home card. */
export function packageStatus(state: PackageState | null): string {
  if (!state) return 'No transfer package yet.';
  if (state.status === 'ready') {
    return `${state.name}: ready to upload. ${countsText(state)}.`;
  }
  const c = state.counts;
  return `${state.name}: being built, ${n(c.scanned)} of ${n(c.scope)} register rows scanned. ${countsText(state)}.`;
}

/** The transfer section of the records team's home card. */
export function transferHomeSection(): CardSection {
  const state = readPackageState();
  return CardService.newCardSection()
    .setHeader('Transfer to The National Archives')
    .addWidget(paragraph(html(packageStatus(state))))
    .addWidget(
      CardService.newButtonSet()
        .addButton(button('Transfer package', action('onOpenTransfer')))
        .addButton(button('Export file plan for Purview', action('onExportFilePlan')))
    );
}

export function transferCard(state: PackageState | null, notice?: string): Card {
  const main = CardService.newCardSection();
  if (notice) main.addWidget(paragraph(html(notice)));
  if (!state) {
    main
      .addWidget(
        paragraph(
          'Builds a folder for The National Archives’ Transfer Digital Records service: the records selected for transfer and sensitivity reviewed (Google files as PDF), the TDR metadata CSV, a SHA-256 checksum list, and a report of every selected record left out and why. Records on legal hold are never included.'
        )
      )
      .addWidget(
        CardService.newButtonSet().addButton(
          button('Build transfer package', action('onBuildTransferPackage'), true)
        )
      );
  } else if (state.status === 'building') {
    main
      .addWidget(labelled('Package', state.name))
      .addWidget(
        labelled(
          'Progress',
          `${n(state.counts.scanned)} of ${n(state.counts.scope)} register rows scanned`
        )
      )
      .addWidget(labelled('So far', countsText(state)))
      .addWidget(
        paragraph(
          'A large register takes more than one run. An hourly run continues the package on its own; press Continue now to go faster.'
        )
      )
      .addWidget(
        CardService.newButtonSet()
          .addButton(button('Continue now', action('onBuildTransferPackage'), true))
          .addButton(linkButton('Open folder', state.folderUrl))
      );
  } else {
    main
      .addWidget(labelled('Ready to upload', state.name))
      .addWidget(labelled('Contents', countsText(state)));
    if (state.counts.problems) {
      main.addWidget(
        paragraph(
          coloured(
            `${n(state.counts.problems)} file(s) have metadata to check before upload: see README.txt in the package.`,
            WARNING_COLOUR
          )
        )
      );
    }
    main
      .addWidget(
        paragraph(
          'Upload the content folder and metadata.csv to TDR. When The National Archives confirms the transfer, mark the records as transferred.'
        )
      )
      .addWidget(
        CardService.newButtonSet()
          .addButton(linkButton('Open package', state.folderUrl))
          .addButton(
            button(
              'Mark as transferred',
              action('onMarkTransferred', { packageId: state.folderId }),
              true
            )
          )
          .addButton(
            button('Build a new package', action('onBuildTransferPackage', { startNew: 'yes' }))
          )
      );
  }
  const plan = CardService.newCardSection()
    .setHeader('File plan for Microsoft Purview')
    .addWidget(
      paragraph(
        'Exports the file plan and retention schedules as a Purview file-plan import (one retention label per series), to the records folder.'
      )
    )
    .addWidget(
      CardService.newButtonSet().addButton(button('Export file plan', action('onExportFilePlan')))
    );
  return CardService.newCardBuilder()
    .setName('transfer')
    .setHeader(header('Transfer to The National Archives', BRAND))
    .addSection(main)
    .addSection(plan)
    .build();
}

export function markedText(outcome: MarkOutcome): string {
  const parts = [`${n(outcome.marked.length)} record(s) marked as transferred`];
  if (outcome.already.length) parts.push(`${n(outcome.already.length)} already transferred`);
  if (outcome.skipped.length) {
    parts.push(
      `${n(outcome.skipped.length)} not marked: ${outcome.skipped
        .slice(0, 10)
        .map(s => `${s.recordId} (${s.reason})`)
        .join('; ')}${outcome.skipped.length > 10 ? '; …' : ''}`
    );
  }
  return `${parts.join('. ')}.`;
}

export function filePlanExportCard(result: FilePlanExport): Card {
  const section = CardService.newCardSection()
    .addWidget(labelled('File', result.name))
    .addWidget(labelled('Retention labels', `${n(result.labels)}, one per active series`));
  if (result.eventTypes.length) {
    section.addWidget(
      labelled('Create these event types in Purview before importing', result.eventTypes.join('; '))
    );
  }
  if (result.skipped.length) {
    section.addWidget(
      labelled(
        `Series left out (${result.skipped.length})`,
        result.skipped.map(s => `${s.series}: ${s.reason}`).join('; ')
      )
    );
  }
  section.addWidget(
    CardService.newButtonSet()
      .addButton(linkButton('Open the CSV', result.url))
      .addButton(button('Back to the transfer', action('onOpenTransfer')))
  );
  return CardService.newCardBuilder()
    .setName('file-plan-export')
    .setHeader(header('File plan exported', BRAND))
    .addSection(section)
    .build();
}
