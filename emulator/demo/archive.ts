// The demo register's older records, migrated from the department's previous records system:
// enough history for the records team's tools to have something due. Invoices past their
// destruction date (one under a legal hold), policy files overdue for review and reaching the
// 20-year transfer point, Board minutes due for transfer, a personnel file with personal data,
// and a zip of consultation responses that The National Archives would not accept.
import { createDocumentInState } from '../../fakes/document/seed';
import { createFileInState, createFolderInState } from '../../fakes/drive/seed';
import type { WorkspaceState } from '../../fakes/core/state';
import { sha256Hex } from '../../src/domain/sha256';
import { computeDueDates } from '../../src/domain/retention';
import { SEED_FILE_PLAN, SEED_RETENTION } from '../../src/domain/seed';
import { PEOPLE } from './people';

export const ARCHIVE = {
  invoice: 'Invoice DfRR-2016-17-00102, Example Office Supplies Ltd.pdf',
  heldInvoice: 'Invoice DfRR-2016-17-00388, Example Flood Barriers Ltd.pdf',
  policy: 'Flood resilience strategy: options and evidence (2007)',
  submission: 'Submission: Regional Resilience Forums, final recommendations (2006)',
  minutes: 'Board minutes, 12 December 2006',
  personnel: 'Personnel file: staff no. 300457',
  responses: 'Consultation responses 2007.zip',
} as const;

interface ArchiveRecord {
  id: string;
  name: string;
  series: string;
  unit: string;
  recordDate: string;
  classification?: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
  descriptors?: string;
  kind: 'doc' | 'pdf' | 'zip';
  text: string;
  legalHold?: { reason: string; authority: string };
}

const RECORDS: ArchiveRecord[] = [
  {
    id: 'REC-2016-000102',
    name: ARCHIVE.invoice,
    series: 'FIN-ACC-01',
    unit: 'FCE',
    recordDate: '2016-09-14',
    kind: 'pdf',
    text: 'Invoice for office supplies, September 2016. Paid.',
  },
  {
    id: 'REC-2016-000388',
    name: ARCHIVE.heldInvoice,
    series: 'FIN-ACC-01',
    unit: 'FCE',
    recordDate: '2017-02-03',
    kind: 'pdf',
    text: 'Invoice for temporary flood barriers, February 2017. Disputed.',
    legalHold: {
      reason: 'Contract dispute: supplier claim for unpaid barriers',
      authority: 'Government Legal Department, case GLD/2025/0412',
    },
  },
  {
    id: 'REC-2007-000014',
    name: ARCHIVE.policy,
    series: 'POL-DEV-01',
    unit: 'PPD',
    recordDate: '2007-03-30',
    kind: 'doc',
    text: 'Options for a national flood resilience strategy, with the evidence considered.',
  },
  {
    id: 'REC-2006-000031',
    name: ARCHIVE.submission,
    series: 'POL-DEV-01',
    unit: 'PPD',
    recordDate: '2006-11-20',
    kind: 'doc',
    text: 'Recommendations to the Secretary of State on Regional Resilience Forums.',
  },
  {
    id: 'REC-2006-000040',
    name: ARCHIVE.minutes,
    series: 'GOV-BRD-01',
    unit: 'BGS',
    recordDate: '2006-12-12',
    kind: 'doc',
    text: 'Minutes of the Departmental Board meeting of 12 December 2006.',
  },
  {
    id: 'REC-2006-000057',
    name: ARCHIVE.personnel,
    series: 'HRM-PER-01',
    unit: 'PCP',
    recordDate: '2006-04-01',
    classification: 'OFFICIAL-SENSITIVE',
    descriptors: 'PERSONAL DATA',
    kind: 'doc',
    text: 'Contract, job history and service record of staff no. 300457.',
  },
  {
    id: 'REC-2007-000015',
    name: ARCHIVE.responses,
    series: 'POL-DEV-01',
    unit: 'PPD',
    recordDate: '2007-06-29',
    kind: 'zip',
    text: 'PK\u0003\u0004 responses',
  },
];

const MIGRATED_AT = Date.UTC(2019, 0, 7, 9, 0);

/**
 * Adds the migrated records to the register (straight into the state, as a migration would) and
 * their files to an archive folder in the records folder, owned by the DRO.
 */
export function seedArchive(state: WorkspaceState, registerId: string, rootFolderId: string): void {
  const dro = PEOPLE.dro.email;
  const folder = createFolderInState(state, {
    owner: dro,
    name: 'Archive (migrated from the previous records system)',
    parentId: rootFolderId,
  });
  const sheet = state.spreadsheets[registerId].sheets.find(s => s.name === 'Register')!;
  const holds = state.spreadsheets[registerId].sheets.find(s => s.name === 'Legal holds');
  const headers = (sheet.rows[0] ?? []).map(h => String(h));
  const at = (header: string) => headers.indexOf(header);
  let holdNumber = 0;
  for (const record of RECORDS) {
    const fileId =
      record.kind === 'doc'
        ? createDocumentInState(state, {
            owner: dro,
            name: record.name,
            parentId: folder,
            paragraphs: [record.name, record.text],
          })
        : createFileInState(state, {
            owner: dro,
            name: record.name,
            parentId: folder,
            mimeType: record.kind === 'pdf' ? 'application/pdf' : 'application/zip',
            content: record.text,
          });
    const series = SEED_FILE_PLAN.find(s => s.code === record.series)!;
    const schedule = SEED_RETENTION.find(r => r.code === series.retentionCode)!;
    const recordDate = new Date(`${record.recordDate}T00:00:00Z`);
    const due = computeDueDates(recordDate, schedule);
    const classification = record.classification ?? 'OFFICIAL';
    const marking = record.descriptors ? `${classification} ${record.descriptors}` : classification;
    const row: unknown[] = new Array(headers.length).fill('');
    const set = (header: string, value: unknown) => {
      if (at(header) >= 0 && value !== undefined && value !== null) row[at(header)] = value;
    };
    const date = (d: Date | null) => (d ? { d: d.getTime() } : '');
    set('Record ID', record.id);
    set('File ID', fileId);
    set('Link', `https://drive.google.com/file/d/${fileId}/view`);
    set('Title', record.name);
    set('Original title', record.name);
    set('Record type', record.kind === 'doc' ? 'Document' : record.kind === 'pdf' ? 'PDF' : 'File');
    set(
      'MIME type',
      record.kind === 'doc'
        ? 'application/vnd.google-apps.document'
        : record.kind === 'pdf'
          ? 'application/pdf'
          : 'application/zip'
    );
    set('Function', record.series.slice(0, 3));
    set('Series', record.series);
    set('Business unit', record.unit);
    set('Classification', classification);
    set('Descriptors', record.descriptors ?? '');
    set('Marking', marking);
    set('Declared by', dro);
    set('Declared at', { d: MIGRATED_AT });
    set('Date of the record', date(recordDate));
    set('Retention schedule', schedule.code);
    set('Disposal action', schedule.action);
    set('Disposal due', date(due.disposalDue));
    set('20-year transfer due', date(due.transferDue));
    set('Lifecycle state', 'Declared');
    set('Filing', 'Complete');
    set('Folder ID', folder);
    set('Checksum (SHA-256)', sha256Hex(record.text));
    set('Owner', dro);
    set('Legal hold', record.legalHold ? 'Yes' : 'No');
    set('Hold reason', record.legalHold?.reason ?? '');
    set('Hold authority', record.legalHold?.authority ?? '');
    set('Notes', 'Migrated from the previous records system, January 2019.');
    set('Last updated', { d: MIGRATED_AT });
    sheet.rows.push(row as never);
    if (record.legalHold && holds) {
      holdNumber++;
      const holdHeaders = (holds.rows[0] ?? []).map(h => String(h));
      const hold: unknown[] = new Array(holdHeaders.length).fill('');
      const put = (header: string, value: unknown) => {
        if (holdHeaders.indexOf(header) >= 0) hold[holdHeaders.indexOf(header)] = value;
      };
      put('Hold ID', `HOLD-2025-${String(holdNumber).padStart(4, '0')}`);
      put('Scope', 'Record');
      put('Record or series', record.id);
      put('Reason', record.legalHold.reason);
      put('Authority', record.legalHold.authority);
      put('Placed by', dro);
      put('Placed at', { d: Date.UTC(2025, 9, 6, 10, 0) });
      holds.rows.push(hold as never);
    }
  }
  sheet.maxRows = Math.max(sheet.maxRows, sheet.rows.length + 500);
}

/** The Records Manager joins the DRO in the records team, so destruction can have two approvers. */
export function seedRecordsTeam(state: WorkspaceState, registerId: string): void {
  const team = state.spreadsheets[registerId].sheets.find(s => s.name === 'Records team');
  if (!team) return;
  const headers = (team.rows[0] ?? []).map(h => String(h));
  const row: unknown[] = new Array(headers.length).fill('');
  const put = (header: string, value: unknown) => {
    if (headers.indexOf(header) >= 0) row[headers.indexOf(header)] = value;
  };
  put('Email', PEOPLE.recordsManager.email);
  put('Name', PEOPLE.recordsManager.name);
  put('Role', 'Reviewer');
  put('Active', 'Yes');
  put('Added by', PEOPLE.dro.email);
  put('Added at', { d: Date.UTC(2025, 3, 1, 9, 0) });
  team.rows.push(row as never);
}
