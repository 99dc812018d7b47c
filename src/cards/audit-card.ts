// The result of checking the audit log's hash chain, and the button that starts the check.
import type { AuditVerification } from '../app/audit-verify';
import {
  action,
  BRAND,
  button,
  coloured,
  ERROR_COLOUR,
  header,
  html,
  labelled,
  paragraph,
} from './common';

type Card = GoogleAppsScript.Card_Service.Card;
type CardSection = GoogleAppsScript.Card_Service.CardSection;

/** For the records team's home: checks the log from its first row. */
export function auditHomeSection(): CardSection {
  return CardService.newCardSection()
    .setHeader('Audit log')
    .addWidget(
      paragraph(
        'Every register change is logged with a hash of the row before it. The check finds the first row that was altered, deleted or inserted by hand.'
      )
    )
    .addWidget(
      CardService.newButtonSet().addButton(button('Verify audit log', action('onVerifyAuditLog')))
    );
}

export function auditCheckCard(result: AuditVerification, registerUrl: string): Card {
  const section = CardService.newCardSection();
  const checked = result.rowsChecked - result.unchainedRows;
  if (!result.complete) {
    section
      .addWidget(
        paragraph(
          `Checked ${result.rowsChecked.toLocaleString('en-GB')} of ${result.totalRows.toLocaleString('en-GB')} rows so far, and the chain holds. The log is too long to check in one go: press Continue to check the rest.`
        )
      )
      .addWidget(
        CardService.newButtonSet().addButton(
          button('Continue checking', action('onVerifyAuditLog', { resume: 'yes' }), true)
        )
      );
  } else if (result.ok) {
    section.addWidget(
      paragraph(
        html(
          `The audit log is intact: all ${checked.toLocaleString('en-GB')} chained rows follow one another and none was altered.`
        )
      )
    );
  } else {
    section
      .addWidget(paragraph(coloured(result.problem, ERROR_COLOUR)))
      .addWidget(labelled('First row that fails', `Audit log, row ${result.firstBadRow}`))
      .addWidget(
        paragraph(
          'Rows above it are intact. Compare the row with the register and the Drive history of the spreadsheet (File > Version history) to see what changed and who changed it.'
        )
      );
  }
  if (result.unchainedRows) {
    section.addWidget(
      paragraph(
        `${result.unchainedRows.toLocaleString('en-GB')} earlier rows were written before the log was chained and cannot be checked this way.`
      )
    );
  }
  section.addWidget(
    CardService.newButtonSet().addButton(
      CardService.newTextButton()
        .setText('Open the register')
        .setOpenLink(CardService.newOpenLink().setUrl(registerUrl))
    )
  );
  return CardService.newCardBuilder()
    .setName('audit-check')
    .setHeader(
      header(
        result.complete ? (result.ok ? 'Audit log intact' : 'Audit log altered') : 'Checking…',
        BRAND
      )
    )
    .addSection(section)
    .build();
}
