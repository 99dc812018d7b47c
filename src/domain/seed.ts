// The sample file plan, retention schedules and business units a new register starts with. The
// department edits them in the register's tabs. Sources: research/file-plan-and-retention.md
// §1.3, §2.3 and §5 (the periods marked there as proposals are for the DRO to confirm).
import type { BusinessUnit } from './file-plan';
import type { RetentionSchedule } from './retention';

const S = (
  code: string,
  periodYears: number,
  trigger: RetentionSchedule['trigger'],
  action: RetentionSchedule['action'],
  title: string,
  authority: string
): RetentionSchedule => ({ code, periodYears, trigger, action, title, authority });

export const SEED_RETENTION: RetentionSchedule[] = [
  S(
    'R-PERM',
    5,
    'CLOSE',
    'Transfer to TNA',
    'Board and ExCo masters, plans, appraisal and transfer records',
    'PRA 1958 s3(4) as amended by CRaG 2010 s45'
  ),
  S(
    'R-POL',
    5,
    'CLOSE',
    'Review',
    'Policy and consultation files: first review at 5 years, second by 15',
    'MoJ HQ RRDS; 20-year rule'
  ),
  S(
    'R-BILL',
    7,
    'EVENT',
    'Review',
    'Bill and SI files, from Royal Assent or withdrawal',
    'MoJ HQ RRDS'
  ),
  S(
    'R-PO',
    2,
    'EVENT',
    'Review',
    'Private office masters, from the minister leaving post',
    'TNA private office guidance'
  ),
  S(
    'R-PODRY',
    0,
    'EVENT',
    'Review',
    "Ministers' official diaries, passed to the DRO when the minister leaves",
    'TNA private office guidance'
  ),
  S(
    'R-FIN6',
    6,
    'FYE',
    'Destroy',
    'Financial transactions and facilities',
    'TNA accounting schedule; HMRC'
  ),
  S('R-FIN3', 3, 'CLOSE', 'Destroy', 'Banking administration', 'MoJ Finance RRDS'),
  S('R-FRD7', 7, 'CLOSE', 'Destroy', 'Fraud cases', 'MoJ Finance RRDS'),
  S(
    'R-REV5',
    5,
    'CLOSE',
    'Review',
    'Budgets, planning and parliamentary questions',
    'MoJ Finance RRDS'
  ),
  S('R-HR100', 100, 'DOB', 'Destroy', 'Personnel file core, to the 100th birthday', 'MoJ HR RRDS'),
  S('R-HR5', 5, 'CLOSE', 'Destroy', 'Performance appraisals', 'MoJ HR RRDS'),
  S('R-HR6', 6, 'CLOSE', 'Destroy', 'Learning records, travel and subsistence', 'MoJ HR RRDS'),
  S('R-HR1', 1, 'CLOSE', 'Destroy', 'Recruitment and selection panels', 'MoJ HR RRDS'),
  S(
    'R-CON6',
    6,
    'EVENT',
    'Destroy',
    'Contracts under hand, from contract end',
    'Limitation Act 1980 s5'
  ),
  S('R-CON12', 12, 'EVENT', 'Destroy', 'Deeds and leases, from expiry', 'Limitation Act 1980 s8'),
  S(
    'R-TND',
    6,
    'EVENT',
    'Destroy',
    'Tenders, from award',
    'TNA buildings schedule; Limitation Act 1980'
  ),
  S('R-EST', 16, 'EVENT', 'Review', 'Building project masters', 'TNA buildings schedule'),
  S(
    'R-RSK3',
    3,
    'CLOSE',
    'Review',
    'Risk registers and the information asset register',
    'Governance and Assurance RRDS'
  ),
  S(
    'R-AUD3',
    3,
    'EVENT',
    'Destroy',
    'Audit reports, from all recommendations closed',
    'Governance and Assurance RRDS'
  ),
  S('R-ADM2', 2, 'CLOSE', 'Destroy', 'Routine and working files', 'MoJ HQ RRDS'),
  S('R-PRJ', 5, 'EVENT', 'Review', 'Project governance, from project closure', 'MoJ Finance RRDS'),
  S('R-LES', 5, 'EVENT', 'Review', 'Lessons learned, from project closure', 'Departmental policy'),
  S(
    'R-LEG6',
    6,
    'EVENT',
    'Review',
    'Legal advice and litigation, from case closure',
    'Limitation Act 1980 s2, s5'
  ),
  S('R-COM3', 3, 'CLOSE', 'Destroy', 'Press and campaign files', 'Departmental policy'),
  S('R-REQ3', 3, 'CLOSE', 'Destroy', 'FOI, EIR and subject access cases', 'Departmental policy'),
];

export interface SeedSeries {
  code: string;
  title: string;
  retentionCode: string;
}

const F = (code: string, retentionCode: string, title: string): SeedSeries => ({
  code,
  title,
  retentionCode,
});

export const SEED_FILE_PLAN: SeedSeries[] = [
  F('GOV-BRD-01', 'R-PERM', 'Departmental Board and ExCo: agendas, papers, minutes (master set)'),
  F('GOV-RSK-01', 'R-RSK3', 'Corporate and directorate risk registers (final versions)'),
  F('GOV-AUD-01', 'R-AUD3', 'Internal audit reports and recommendation tracking'),
  F('GOV-PLN-01', 'R-PERM', 'Single departmental plan, business plans, annual report (master)'),
  F('FIN-ACC-01', 'R-FIN6', 'Payments, invoices, ledgers, journals'),
  F('FIN-BNK-01', 'R-FIN3', 'Banking, card and cash-handling administration'),
  F('FIN-BUD-01', 'R-REV5', 'Budget setting, estimates, spending review returns'),
  F('FIN-FRD-01', 'R-FRD7', 'Fraud and irregularity reports and investigations'),
  F('HRM-PER-01', 'R-HR100', 'Personnel files (contract, job history, service record)'),
  F('HRM-REC-01', 'R-HR1', 'Recruitment campaigns and selection-panel papers'),
  F('HRM-PRF-01', 'R-HR5', 'Performance appraisals'),
  F('HRM-LRN-01', 'R-HR6', 'Learning records, travel and subsistence claims'),
  F('POL-DEV-01', 'R-POL', 'Policy development files (evidence, options, submissions, decisions)'),
  F('POL-CON-01', 'R-POL', 'Public consultations and government responses'),
  F('POL-LEG-01', 'R-BILL', 'Bill and statutory instrument team files'),
  F('POL-STK-01', 'R-ADM2', 'Stakeholder correspondence and routine briefing'),
  F('MIN-SUB-01', 'R-PO', 'Private office record of submissions and ministerial decisions'),
  F(
    'MIN-MTG-01',
    'R-PO',
    "Notes of ministers' meetings and calls, incl. decisions on non-corporate channels"
  ),
  F('MIN-DRY-01', 'R-PODRY', "Ministers' official diaries"),
  F('MIN-PQC-01', 'R-REV5', "Parliamentary questions and MPs' correspondence"),
  F('MIN-PSO-01', 'R-PO', "Permanent Secretary's office papers"),
  F('LEG-ADV-01', 'R-LEG6', 'Legal advice files'),
  F('LEG-LIT-01', 'R-LEG6', 'Litigation and judicial review case files'),
  F('COM-PRS-01', 'R-COM3', 'Press releases, lines to take, media handling'),
  F('COM-CAM-01', 'R-COM3', 'Campaigns and events'),
  F('KIM-REQ-01', 'R-REQ3', 'FOI, EIR and subject-access request case files'),
  F('KIM-RMG-01', 'R-PERM', 'File plan, retention schedule, appraisal reports, disposal log'),
  F(
    'KIM-TRF-01',
    'R-PERM',
    'Selection, sensitivity review, closure and retention applications, transfer lists'
  ),
  F('KIM-IAR-01', 'R-RSK3', 'Information asset register and IAO returns'),
  F(
    'EST-BLD-01',
    'R-EST',
    'Building projects: specifications, bills of quantities, final accounts'
  ),
  F('EST-LSE-01', 'R-CON12', 'Leases and property deeds'),
  F('EST-FAC-01', 'R-FIN6', 'Facilities maintenance and service requests'),
  F('CPM-TND-01', 'R-TND', 'Tender exercises (bids, evaluation)'),
  F('CPM-CON-01', 'R-CON6', 'Contracts under hand and contract management'),
  F('PRJ-GOV-01', 'R-PRJ', 'Project governance: business cases, board minutes, gateway reviews'),
  F('PRJ-DEL-01', 'R-ADM2', 'Project working files: plans, RAID logs, status reports'),
  F('PRJ-LES-01', 'R-LES', 'Lessons-learned and project closure reports'),
];

const U = (code: string, name: string, privateOffice = false): BusinessUnit => ({
  code,
  name,
  privateOffice,
});

export const SEED_BUSINESS_UNITS: BusinessUnit[] = [
  U('SOS-PO', "Secretary of State's Private Office", true),
  U('MIN-PO', "Ministers' Private Office", true),
  U('PSO', "Permanent Secretary's Office", true),
  U('BGS', 'Board and Governance Secretariat'),
  U('FCE', 'Finance and Commercial Directorate'),
  U('PCP', 'People and Capability'),
  U('EWS', 'Estates and Workplace Services'),
  U('DDI', 'Digital, Data and Information'),
  U('LAO', "Legal Advisers' Office"),
  U('CSU', 'Communications and Strategy Unit'),
  U('PPD', 'Preparedness Policy Directorate'),
  U('LCD', 'Local Capability Directorate'),
  U('FRP', 'Flood Recovery Programme'),
  U('CSR', 'Casework System Replacement Project'),
];
