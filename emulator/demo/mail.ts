// The demo department's mail: realistic messages (MIME as mail clients send it, from the shared
// fixtures) in several people's mailboxes. A message between two people of the department is in
// both mailboxes, in the sender's Sent and the recipient's Inbox, as Gmail keeps it.
import type { WorkspaceState } from '../../fakes/core/state';
import {
  alternativeMessage,
  calendarInviteMessage,
  CREST_CONTENT_ID,
  forwardedMessage,
  inlineImageMessage,
  markedSubject,
  messageWithAttachments,
  pdfDocument,
  plainMessage,
  threadMessages,
} from '../../fakes/gmail/fixtures';
import type { Mailbox } from '../../fakes/gmail/fixtures';
import { addMessageFromRaw } from '../../fakes/gmail/seed';
import { PEOPLE } from './people';

/** What the walkthroughs and tests look for in the demo mail. */
export const MAIL = {
  decision: {
    subject: markedSubject(
      'OFFICIAL-SENSITIVE',
      'Community Resilience Grant 2017-18: SoS decision on allocation'
    ),
    messageId: '<sos-decision.crg-2017-18@mail.dfrr.gov.uk>',
  },
  retentionReform: 'Retention reform: policy files to a 15-year review',
  invoice: {
    subject: 'Invoice DfRR-2016-17-00417: confidential waste collection, November 2016',
    attachments: [
      'Invoice DfRR-2016-17-00417.pdf',
      'Certificate of destruction, November 2016.pdf',
    ],
  },
  signature: 'New departmental crest and email signature',
  secret: markedSubject('SECRET', 'Regional flood threat assessment, winter 2016-17'),
  invitation: 'Invitation: Retention schedule review @ Tue 10 Jan 2017 10:00 - 11:00 (GMT)',
  /** The Finance Officer's routine mail, flagged for the scheduled capture in a walkthrough. */
  remittance: {
    subject: 'Remittance advice: BACS payment run 9 December 2016',
    messageId: '<remittance.2016-12-09@example.org>',
  },
  purchaseOrder: {
    subject: 'Purchase order PO-2016-17-0832 approved: archive boxes for the registry',
    messageId: '<po-2016-17-0832.approved@dfrr.gov.uk>',
  },
  budgetReturn: 'Month 8 budget monitoring: your return is due on 14 December',
} as const;

const mailbox = (person: { email: string; name: string }): Mailbox => ({
  name: person.name,
  address: person.email,
});

const at = (month: number, day: number, hour: number, minute = 0, year = 2016) =>
  Date.UTC(year, month - 1, day, hour, minute);

const SUPPLIER: Mailbox = {
  name: 'Accounts, Example Secure Shredding Ltd',
  address: 'accounts@example.org',
};
const ASSESSMENTS: Mailbox = {
  name: 'Resilience Assessment Unit',
  address: 'assessments@dfrr.gov.uk',
};
const ALL_STAFF: Mailbox = { name: 'All staff', address: 'all.staff@dfrr.gov.uk' };
const CONSULTATION: Mailbox = { name: 'Consultation Responses', address: 'responses@example.org' };
const PAYABLES: Mailbox = {
  name: 'Accounts Payable, Example Shared Services',
  address: 'payables@example.org',
};
const PROCUREMENT: Mailbox = { name: 'Procurement Hub', address: 'procurement@dfrr.gov.uk' };
const BUSINESS_PARTNER: Mailbox = {
  name: 'Finance Business Partner, Corporate Services',
  address: 'finance.bp@dfrr.gov.uk',
};
const PENSIONS: Mailbox = {
  name: 'Pensions Administration, Example Pensions Services',
  address: 'pensions@example.org',
};

const paragraphs = (text: string) =>
  text
    .split('\n\n')
    .map(p => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</p>`)
    .join('');

interface Delivery {
  raw: string;
  /** The people of the department whose mailboxes hold it. */
  sender?: string;
  recipients: string[];
  /** Recipients who have read it already. */
  read?: string[];
}

export async function seedMail(state: WorkspaceState): Promise<void> {
  const { dro, policy, privateSecretary, finance, hr, secretariat } = PEOPLE;
  const deliveries: Delivery[] = [];

  const submissionText = `Private Secretary,

The submission on allocating the £14.2 million Community Resilience Grant for 2017-18 is in the Community Resilience Grant 2017-18 folder. We recommend option B, which weights allocations by flood-risk exposure and by the number of households without a local resilience plan.

The Local Government Association expects an announcement before the end of January, so a decision by 16 December would let us tell the regions first.

Policy Officer, Preparedness Policy`;
  deliveries.push({
    raw: alternativeMessage(
      {
        from: mailbox(policy),
        to: mailbox(privateSecretary),
        subject: 'Submission to SoS: Community Resilience Grant 2017-18 allocation options',
        date: at(12, 12, 15, 5),
        messageId: '<submission.crg-2017-18@mail.dfrr.gov.uk>',
      },
      submissionText,
      paragraphs(submissionText)
    ),
    sender: policy.email,
    recipients: [privateSecretary.email],
    read: [privateSecretary.email],
  });

  const decisionText = `Policy Officer,

The Secretary of State has read your submission of 12 December on the £14.2 million Community Resilience Grant for 2017-18, and agrees option B: allocations weighted 60% by flood-risk exposure and 40% by the number of households without a local resilience plan.

She asks that:
1. the two regions losing funding compared with 2016-17 are told before the announcement, by a call from the Director;
2. the allocation formula is published with the announcement;
3. a handling plan for the Local Government Association reaches this office by 6 January.

The regional figures stay OFFICIAL-SENSITIVE until the announcement.

Private Secretary to the Secretary of State
Department for Regional Resilience`;
  deliveries.push({
    raw: alternativeMessage(
      {
        from: mailbox(privateSecretary),
        to: mailbox(policy),
        cc: mailbox(finance),
        subject: MAIL.decision.subject,
        date: at(12, 15, 16, 42),
        messageId: MAIL.decision.messageId,
      },
      decisionText,
      paragraphs(decisionText)
    ),
    sender: privateSecretary.email,
    recipients: [policy.email, finance.email],
  });

  const reform = threadMessages(
    4,
    {
      from: mailbox(dro),
      to: mailbox(policy),
      subject: MAIL.retentionReform,
      date: at(12, 5, 9, 12),
    },
    [
      'Policy Officer,\n\nThe Records Review Board proposes moving policy development files (POL-DEV) from a 20-year to a 15-year review. Could Preparedness Policy comment by 16 December?\n\nDepartmental Records Officer',
      'Thanks. Our concern is the grant allocation files: each spending review draws on the last three rounds, which 15 years still covers. Would ministerial decisions stay permanent?\n\nPolicy Officer',
      'Yes: submissions and ministerial decisions stay R-PERM. Only working papers and drafts move to 15 years.\n\nDepartmental Records Officer',
      'Then Preparedness Policy supports the change, on condition that submissions and decisions remain permanent.\n\nPolicy Officer',
    ]
  );
  reform.forEach((raw, i) => {
    const [sender, recipient] = i % 2 === 0 ? [dro.email, policy.email] : [policy.email, dro.email];
    deliveries.push({
      raw,
      sender,
      recipients: [recipient],
      read: i < 2 ? [recipient] : [],
    });
  });

  const invoiceText = `Dear Finance Officer,

Please find attached invoice DfRR-2016-17-00417 for the collection and secure destruction of confidential waste from your London office in November 2016, with the certificate of destruction.

Amount due: £1,240.00 (including VAT), payable within 30 days to the account on the invoice.

Accounts
Example Secure Shredding Ltd`;
  deliveries.push({
    raw: messageWithAttachments(
      {
        from: SUPPLIER,
        to: mailbox(finance),
        subject: MAIL.invoice.subject,
        date: at(11, 30, 11, 20),
      },
      invoiceText,
      paragraphs(invoiceText),
      [
        {
          filename: MAIL.invoice.attachments[0],
          mimeType: 'application/pdf',
          content: pdfDocument([
            'Example Secure Shredding Ltd',
            'INVOICE DfRR-2016-17-00417',
            'To: Department for Regional Resilience, Finance and Commercial',
            'Date: 30 November 2016',
            'Confidential waste collection and destruction, 4 collections, November 2016',
            'Net: £1,033.33   VAT (20%): £206.67   Total: £1,240.00',
            'Payment within 30 days.',
          ]),
        },
        {
          filename: MAIL.invoice.attachments[1],
          mimeType: 'application/pdf',
          content: pdfDocument([
            'Example Secure Shredding Ltd',
            'CERTIFICATE OF DESTRUCTION',
            'Department for Regional Resilience, London office',
            'Collections: 3, 10, 17 and 24 November 2016',
            '38 consoles of paper, cross-cut shredded to DIN 66399 P-4.',
          ]),
        },
      ]
    ),
    recipients: [finance.email],
  });

  // The Finance Officer's routine mail: the kind flagged for the scheduled capture, not captured
  // one by one.
  const remittanceText = `Finance Officer,

The BACS payment run of 9 December 2016 paid the following invoices for the Department for Regional Resilience. Funds reach suppliers' accounts within three working days.

Example Secure Shredding Ltd, invoice DfRR-2016-17-00417: £1,240.00
Example Office Supplies Ltd, invoice 88213: £312.48
Example Facilities Ltd, invoice FM-2016-1187: £4,806.00

Total paid: £6,358.48

Accounts Payable
Example Shared Services`;
  deliveries.push({
    raw: alternativeMessage(
      {
        from: PAYABLES,
        to: mailbox(finance),
        subject: MAIL.remittance.subject,
        date: at(12, 9, 7, 55),
        messageId: MAIL.remittance.messageId,
      },
      remittanceText,
      paragraphs(remittanceText)
    ),
    recipients: [finance.email],
    read: [finance.email],
  });

  deliveries.push({
    raw: plainMessage(
      {
        from: PROCUREMENT,
        to: mailbox(finance),
        subject: MAIL.purchaseOrder.subject,
        date: at(12, 12, 11, 30),
        messageId: MAIL.purchaseOrder.messageId,
      },
      `Purchase order PO-2016-17-0832 has been approved and sent to the supplier.

Supplier: Example Office Supplies Ltd
Goods: 200 archive boxes (acid-free, 380 x 255 x 330 mm) for the registry
Cost centre: Knowledge and Information Management
Value: £486.00 (excluding VAT)
Approved by: Finance Officer, 12 December 2016

Goods are expected by 20 December. Please receipt them on the finance system when they arrive so that the invoice can be paid.

Procurement Hub`
    ),
    recipients: [finance.email],
  });

  deliveries.push({
    raw: plainMessage(
      {
        from: BUSINESS_PARTNER,
        to: mailbox(finance),
        subject: MAIL.budgetReturn,
        date: at(12, 7, 9, 15),
      },
      `Finance Officer,

The Month 8 (November) budget monitoring return for Finance and Commercial is due by noon on 14 December. Please include the forecast outturn, any pressures over £10,000 and the accruals for goods received but not yet invoiced.

The template is unchanged from Month 7.

Finance Business Partner, Corporate Services`
    ),
    recipients: [finance.email],
    read: [finance.email],
  });

  const signatureText = `Colleagues,

From 1 January every email from the department carries the new crest and this signature:

Name, role
Department for Regional Resilience
1 Example Street, London

Please update your signature before the end of the year.

Board Secretary`;
  deliveries.push({
    raw: inlineImageMessage(
      {
        from: mailbox(secretariat),
        to: ALL_STAFF,
        subject: MAIL.signature,
        date: at(12, 9, 8, 45),
      },
      signatureText,
      `<p><img src="cid:${CREST_CONTENT_ID}" alt="Department for Regional Resilience crest" width="64" height="64"></p>${paragraphs(signatureText)}`
    ),
    sender: secretariat.email,
    recipients: [policy.email, finance.email, hr.email, dro.email, privateSecretary.email],
  });

  deliveries.push({
    raw: plainMessage(
      { from: ASSESSMENTS, to: mailbox(policy), subject: MAIL.secret, date: at(12, 13, 14, 3) },
      'This email is a training example of material that must never be sent or held on this system.\n\nAssessment of the threat to regional flood defences, winter 2016-17: withheld.\n\nResilience Assessment Unit'
    ),
    recipients: [policy.email],
  });

  deliveries.push({
    raw: calendarInviteMessage({
      from: mailbox(privateSecretary),
      to: mailbox(dro),
      subject: MAIL.invitation,
      date: at(12, 19, 10, 0),
    }),
    sender: privateSecretary.email,
    recipients: [dro.email],
  });

  const consultation = plainMessage(
    {
      from: CONSULTATION,
      to: mailbox(dro),
      subject: 'Consultation response: retention of emergency planning records',
      date: at(12, 1, 17, 30),
    },
    'We support keeping multi-agency emergency plans for 20 years, but exercise reports are consulted for far longer after a major incident: please keep them permanently.\n\nConsultation Responses'
  );
  deliveries.push({
    raw: forwardedMessage(
      { from: mailbox(dro), to: mailbox(policy), date: at(12, 2, 9, 40) },
      consultation
    ),
    sender: dro.email,
    recipients: [policy.email],
    read: [policy.email],
  });

  deliveries.push({
    raw: plainMessage(
      {
        from: PENSIONS,
        to: mailbox(hr),
        subject: 'OFFICIAL-SENSITIVE - PERSONAL DATA: service record query, staff no. 400123',
        date: at(12, 8, 13, 15),
      },
      'HR Adviser,\n\nTo calculate pension benefits for staff no. 400123 we need the service record from 3 September 1984, including any breaks in service. Please reply through the secure portal.\n\nPensions Administration'
    ),
    recipients: [hr.email],
  });

  const papersText =
    'Board Secretary,\n\nMy paper for the February ExCo, ExCo(17)04 on Q3 information management performance, is attached.\n\nDepartmental Records Officer';
  deliveries.push({
    raw: messageWithAttachments(
      {
        from: mailbox(dro),
        to: mailbox(secretariat),
        subject: 'ExCo(17)04: Q3 information management performance',
        date: at(1, 30, 16, 10, 2017),
      },
      papersText,
      paragraphs(papersText),
      [
        {
          filename: 'ExCo(17)04 Q3 information management performance.pdf',
          mimeType: 'application/pdf',
          content: pdfDocument([
            'ExCo(17)04: Q3 information management performance',
            'Paper by the Departmental Records Officer',
            'Records declared per business unit, emails captured, overdue reviews,',
            'and the OFFICIAL-SENSITIVE share, October to December 2016.',
          ]),
        },
      ]
    ),
    sender: dro.email,
    recipients: [secretariat.email],
  });

  // A conversation's messages go in in order: each reply then joins the thread of its parent.
  for (const delivery of deliveries) {
    if (delivery.sender) {
      await addMessageFromRaw(state, {
        owner: delivery.sender,
        raw: delivery.raw,
        labels: ['SENT'],
        unread: false,
      });
    }
    for (const recipient of delivery.recipients) {
      await addMessageFromRaw(state, {
        owner: recipient,
        raw: delivery.raw,
        labels: ['INBOX'],
        unread: !(delivery.read ?? []).includes(recipient),
      });
    }
  }
}
