// Demo documents and files: realistic in shape, written for this product, dated FY 2016-17.
import { createDocumentInState } from '../../fakes/document/seed';
import { createFileInState, createFolderInState } from '../../fakes/drive/seed';
import type { WorkspaceState } from '../../fakes/core/state';
import { createSpreadsheetInState } from '../../fakes/spreadsheet/seed';
import { PEOPLE } from './people';

/** Names of the demo items the walkthroughs refer to. */
export const DEMO = {
  submission: 'Submission to SoS: Community Resilience Grant allocation options',
  reply: 'PS/SoS reply: SoS agrees option B',
  threat: 'Regional flood threat assessment (SECRET extract)',
  personnel: 'Personnel file: staff no. 400123',
  legacy: 'Resilience Partnerships Bill: instructions to counsel (2009)',
  minutes: 'ExCo minutes, 14 Feb 2017',
  exco: 'ExCo(17)04: Q3 information management performance',
  callNote: 'Note: SoS call with Local Resilience Forum chairs',
  invoice: 'Invoice DfRR-2016-17-00417, Example Secure Shredding Ltd.pdf',
  payments: 'Payments 2016-17',
  contract: 'Contract DfRR-C-2015-022, Flood Sensor Maintenance.pdf',
} as const;

export function seedContent(state: WorkspaceState): void {
  const { policy, privateSecretary, finance, hr, secretariat } = PEOPLE;
  const folder = (owner: string, name: string, parentId?: string) =>
    createFolderInState(state, {
      owner,
      name,
      parentId,
      sharing: { access: 'DOMAIN_WITH_LINK', permission: 'VIEW' },
    });
  const doc = (
    owner: string,
    name: string,
    paragraphs: string[],
    extra: { header?: string[]; footer?: string[]; parentId?: string; editors?: string[] } = {}
  ) => createDocumentInState(state, { owner, name, paragraphs, ...extra });

  const grant = folder(policy.email, 'Community Resilience Grant 2017-18');
  doc(
    policy.email,
    DEMO.submission,
    [
      'To: Secretary of State',
      'From: Preparedness Policy Directorate',
      'Date: 12 December 2016',
      'Issue: how to allocate the £14.2 million Community Resilience Grant for 2017-18 across the nine English regions.',
      'Recommendation: that you agree option B, which weights allocations by flood-risk exposure and by the number of households without a local resilience plan.',
      'Option A allocates on population alone. It is simple but sends most funding to regions with low flood exposure.',
      'Option B (recommended) weights exposure at 60% and planning gaps at 40%. Four regions gain and two lose compared with 2016-17.',
      'Option C holds every region at its 2016-17 level. It avoids losers but does not reflect the 2016 flood risk review.',
      'Handling: the Local Government Association expects an announcement before the end of January.',
    ],
    { parentId: grant }
  );
  doc(
    privateSecretary.email,
    DEMO.reply,
    [
      'Policy Officer,',
      'The Secretary of State has read your submission of 12 December and agrees option B.',
      'She asks that the two regions losing funding are told before the announcement, and that the allocation formula is published with it.',
      'Private Secretary to the Secretary of State',
    ],
    { parentId: grant, editors: [policy.email] }
  );
  doc(
    policy.email,
    DEMO.threat,
    [
      'This document is a training example of material that must never be held on this system.',
      'Assessment of the threat to regional flood defences, winter 2016-17.',
    ],
    { header: ['SECRET'], footer: ['SECRET'] }
  );
  doc(
    policy.email,
    DEMO.legacy,
    [
      'Instructions to counsel on clauses 3 to 9 of the Resilience Partnerships Bill.',
      'Prepared in 2009 under the previous protective marking scheme.',
    ],
    { header: ['RESTRICTED'] }
  );

  const files = folder(hr.email, 'Personnel files');
  doc(
    hr.email,
    DEMO.personnel,
    [
      'Staff number: 400123 (synthetic record for training)',
      'Date of birth: 14 March 1961',
      'Grade: Senior Executive Officer. Entered service: 3 September 1984.',
      'Contract, job history and service record for pension purposes.',
    ],
    { parentId: files }
  );

  const board = folder(secretariat.email, 'ExCo 2017');
  doc(
    secretariat.email,
    DEMO.minutes,
    [
      'Executive Committee, 14 February 2017. Minutes.',
      'Present: Permanent Secretary (chair), Directors General, Director of Finance, Departmental Records Officer.',
      '1. Information management performance (ExCo(17)04). ExCo noted that 71% of business units declared records in every month of Q3, and asked the two units below 50% to report back in April.',
      '2. The 20-year rule: ExCo agreed the transfer plan for 1996 and 1997 files.',
    ],
    { parentId: board }
  );
  doc(
    secretariat.email,
    DEMO.exco,
    [
      'ExCo(17)04: Q3 information management performance. Paper by the Departmental Records Officer.',
      'Records declared per business unit, emails captured, overdue reviews and the OFFICIAL-SENSITIVE share, October to December 2016.',
    ],
    { parentId: board }
  );

  doc(privateSecretary.email, DEMO.callNote, [
    'Note of a call between the Secretary of State and the chairs of three Local Resilience Forums, 9 January 2017, 17:30.',
    'No official was present. The Secretary of State agreed to visit the North East forum in March.',
  ]);

  const payments = folder(finance.email, 'Payments 2016-17');
  createFileInState(state, {
    owner: finance.email,
    name: DEMO.invoice,
    mimeType: 'application/pdf',
    parentId: payments,
    content:
      '%PDF-1.4\n% Invoice DfRR-2016-17-00417 for confidential waste collection, November 2016. Amount: £1,240.00.\n',
  });
  createFileInState(state, {
    owner: finance.email,
    name: DEMO.contract,
    mimeType: 'application/pdf',
    parentId: payments,
    content:
      '%PDF-1.4\n% Contract DfRR/C/2015/022 for the maintenance of 140 river-level sensors, 2015-2018.\n',
  });
  createSpreadsheetInState(state, {
    owner: finance.email,
    name: DEMO.payments,
    parentId: payments,
    sheets: [
      {
        name: 'Payments',
        rows: [
          ['Date', 'Supplier', 'Invoice', 'Amount (£)'],
          ['2016-11-14', 'Example Secure Shredding Ltd', 'DfRR-2016-17-00417', 1240],
          ['2016-11-21', 'Example Sensor Services Ltd', 'DfRR-2016-17-00431', 18250],
          ['2016-12-02', 'Example Venue Hire Ltd', 'DfRR-2016-17-00458', 640],
        ],
      },
    ],
  });
}
