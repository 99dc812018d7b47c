// What the sidebar shows for an item that is already a record, and after declaring.
import type { DeclareOutcome } from '../app/declare';
import type { RecordSummary } from '../adapters/register';
import { shorten } from '../domain/text';
import type { Host } from './common';
import {
  action,
  button,
  coloured,
  ERROR_COLOUR,
  formatDateTime,
  header,
  html,
  labelled,
  paragraph,
  WARNING_COLOUR,
} from './common';

export function recordWidgets(record: RecordSummary): GoogleAppsScript.Card_Service.Widget[] {
  const widgets: GoogleAppsScript.Card_Service.Widget[] = [
    labelled('Record', `${record.recordId} · ${shorten(record.title, 80)}`),
    labelled('Marking', record.marking || record.classification),
    labelled('Series', record.series),
    labelled('Declared', `${formatDateTime(record.declaredAt)} by ${record.declaredBy}`),
  ];
  if (record.filing.startsWith('Pending')) {
    widgets.push(
      paragraph(
        coloured(
          `Filing not finished: ${record.filing.replace(/^Pending:\s*/, '')}`,
          WARNING_COLOUR
        )
      )
    );
  }
  return widgets;
}

export function recordsCard(
  records: RecordSummary[],
  host: Host,
  extras: GoogleAppsScript.Card_Service.CardSection[] = []
): GoogleAppsScript.Card_Service.Card {
  const card = CardService.newCardBuilder()
    .setName('record')
    .setHeader(
      header(
        records.length === 1 ? 'Already a record' : `${records.length} records`,
        records.length === 1 ? records[0].recordId : undefined
      )
    );
  const section = CardService.newCardSection();
  records.forEach((record, i) => {
    if (i) section.addWidget(CardService.newDivider());
    for (const widget of recordWidgets(record)) section.addWidget(widget);
  });
  card.addSection(section);
  const pending = records.filter(r => r.filing.startsWith('Pending'));
  if (pending.length) {
    card.addSection(
      CardService.newCardSection().addWidget(
        CardService.newButtonSet().addButton(
          button(
            'Finish filing',
            action('onFinishFiling', { host, fileIds: pending.map(r => r.fileId).join(',') }),
            true
          )
        )
      )
    );
  }
  for (const section of extras) card.addSection(section);
  return card.build();
}

export function outcomeCard(
  outcome: DeclareOutcome,
  host: Host
): GoogleAppsScript.Card_Service.Card {
  const declared = outcome.declared;
  const title =
    declared.length === 1
      ? 'Declared a record'
      : declared.length
        ? `Declared ${declared.length} records`
        : 'Nothing new declared';
  const card = CardService.newCardBuilder()
    .setName('declared')
    .setHeader(header(title, declared.length === 1 ? declared[0].recordId : undefined));
  if (declared.length) {
    const section = CardService.newCardSection();
    for (const d of declared.slice(0, 50)) {
      const pending = d.filing.startsWith('Pending');
      section.addWidget(
        labelled(
          d.recordId,
          `${shorten(d.ref.title, 80)}${pending ? ' (filing not finished)' : ''}`
        )
      );
    }
    if (declared.length > 50) section.addWidget(paragraph(`… and ${declared.length - 50} more.`));
    card.addSection(section);
    const pending = declared.filter(d => d.filing.startsWith('Pending'));
    if (pending.length) {
      card.addSection(
        CardService.newCardSection()
          .addWidget(
            paragraph(
              coloured(
                `${pending.length} of ${declared.length} are registered but not yet marked and filed: ${html(pending[0].filing.replace(/^Pending:\s*/, ''))}`,
                WARNING_COLOUR
              )
            )
          )
          .addWidget(
            CardService.newButtonSet().addButton(
              button(
                'Finish filing',
                action('onFinishFiling', { host, fileIds: pending.map(p => p.ref.id).join(',') }),
                true
              )
            )
          )
      );
    }
  }
  if (outcome.already.length) {
    const section = CardService.newCardSection().setHeader('Already records (not declared again)');
    for (const a of outcome.already)
      section.addWidget(
        labelled(
          a.record.recordId,
          `${shorten(a.ref.title, 60)}: declared by ${a.record.declaredBy}`
        )
      );
    card.addSection(section);
  }
  if (outcome.refused.length) {
    const section = CardService.newCardSection().setHeader('Not declared');
    for (const r of outcome.refused)
      section.addWidget(
        paragraph(`<b>${html(shorten(r.ref.title, 60))}</b><br>${coloured(r.reason, ERROR_COLOUR)}`)
      );
    card.addSection(section);
  }
  if (outcome.warnings.length) {
    const section = CardService.newCardSection().setHeader('Please note');
    for (const w of outcome.warnings) section.addWidget(paragraph(coloured(w, WARNING_COLOUR)));
    card.addSection(section);
  }
  return card.build();
}
