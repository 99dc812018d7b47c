// The trainer walkthroughs: the department's records standards, rehearsed step by step. Each
// step ticks itself off from the emulated Workspace, so a trainee sees progress as they work.
import type { WorkspaceState } from '../fakes/core/state';
import { DEMO, MAIL, PEOPLE, seedDemoWithRegister } from './demo';
import { ARCHIVE, seedArchive, seedRecordsTeam } from './demo/archive';
import { declareThroughSidebar, PROJECTS, seedProjects } from './demo/projects';
import type { Walkthrough } from './walkthrough-types';

const CONFIG_KEY = 'records-capture.config';
/** The Gmail labels the add-on's flag and scheduled capture use, as a person sees them. */
export const TO_CAPTURE_LABEL = 'Records/To capture';
export const CAPTURED_LABEL = 'Records/Captured';
const SWEEP_HANDLER = 'onCaptureSweep';
/** How the add-on names a transfer package's folder, and the files in it. */
const TRANSFER_PACKAGE_PREFIX = 'Transfer to The National Archives';
export const PACKAGE_FILES = {
  metadata: 'metadata.csv',
  checksums: 'checksums.sha256',
  rejected: 'rejected-files.csv',
  readme: 'README.txt',
} as const;
/** The archive's records the records team walkthrough works on. */
export const ARCHIVE_IDS = {
  minutes: 'REC-2006-000040',
  responses: 'REC-2007-000015',
  invoice: 'REC-2016-000102',
  heldInvoice: 'REC-2016-000388',
} as const;

function itemNamed(state: WorkspaceState, name: string): string {
  const item = Object.values(state.drive).find(
    i => i.name === name || i.name.endsWith(`] ${name}`)
  );
  return item?.id ?? '';
}

function configValue(state: WorkspaceState, key: 'registerId' | 'rootFolderId'): string {
  try {
    const config = JSON.parse(state.properties.script[CONFIG_KEY] ?? 'null') as Record<
      string,
      unknown
    > | null;
    return typeof config?.[key] === 'string' ? config[key] : '';
  } catch {
    return '';
  }
}

function registerId(state: WorkspaceState): string {
  return configValue(state, 'registerId');
}

/** A tab of the register as header → value rows (the header row left out). */
export function registerTab(state: WorkspaceState, tab: string): Record<string, unknown>[] {
  const sheet = state.spreadsheets[registerId(state)]?.sheets.find(s => s.name === tab);
  if (!sheet) return [];
  const headers = (sheet.rows[0] ?? []).map(h => String(h));
  return sheet.rows
    .slice(1)
    .filter(row => row && row.some(cell => cell !== '' && cell !== null))
    .map(row => Object.fromEntries(headers.map((h, i) => [h, row?.[i] ?? ''])));
}

/** The register row (as header → value) for a Drive item, if it has been declared. */
export function registerRowFor(
  state: WorkspaceState,
  fileId: string
): Record<string, unknown> | null {
  return registerRowWhere(state, 'File ID', fileId);
}

/** The first register row (as header → value) whose `header` column holds `value`. */
export function registerRowWhere(
  state: WorkspaceState,
  header: string,
  value: string
): Record<string, unknown> | null {
  const spreadsheet = state.spreadsheets[registerId(state)];
  const sheet = spreadsheet?.sheets.find(s => s.name === 'Register');
  if (!sheet) return null;
  const headers = (sheet.rows[0] ?? []).map(h => String(h));
  const column = headers.indexOf(header);
  if (column < 0) return null;
  const row = sheet.rows.slice(1).find(r => r && String(r[column] ?? '') === value);
  return row ? Object.fromEntries(headers.map((h, i) => [h, row[i]])) : null;
}

/** The user's copy of an email, found by its Message-ID. */
function emailIn(state: WorkspaceState, owner: string, messageId: string): string {
  const message = Object.values(state.gmail?.messages ?? {}).find(
    m => m.owner === owner && m.messageId === messageId
  );
  return message?.id ?? '';
}

/** The person's own messages that carry a Gmail label. */
function labelled(state: WorkspaceState, owner: string, label: string) {
  return Object.values(state.gmail?.messages ?? {}).filter(
    m => m.owner === owner && !m.trashed && m.labels.includes(label)
  );
}

/** Names of the files in a Drive folder. */
function filesIn(state: WorkspaceState, folderId: string): string[] {
  return Object.values(state.drive)
    .filter(item => item.parents.includes(folderId) && !item.trashed)
    .map(item => item.name);
}

function headerOf(state: WorkspaceState, docId: string): string {
  return (state.documents[docId]?.header ?? []).map(p => p.text).join('\n');
}

function logged(state: WorkspaceState, text: string): boolean {
  return state.log.some(line => line.includes(text));
}

function seriesFolderOf(state: WorkspaceState, fileId: string): string {
  const parent = state.drive[fileId]?.parents[0];
  return parent ? (state.drive[parent]?.name ?? '') : '';
}

/** The register row of a migrated archive record, by record id. */
function archived(state: WorkspaceState, recordId: string): Record<string, unknown> | null {
  return registerRowWhere(state, 'Record ID', recordId);
}

/** The transfer packages in the records folder, newest last. */
export function transferPackages(state: WorkspaceState): { id: string; files: string[] }[] {
  const root = configValue(state, 'rootFolderId');
  return Object.values(state.drive)
    .filter(
      item =>
        item.kind === 'folder' &&
        !item.trashed &&
        item.parents.includes(root) &&
        item.name.startsWith(TRANSFER_PACKAGE_PREFIX)
    )
    .map(item => ({ id: item.id, files: filesIn(state, item.id) }));
}

/** The text of a file in a folder (a package's CSV or checksum list), or '' when there is none. */
function fileText(state: WorkspaceState, folderId: string, name: string): string {
  const file = Object.values(state.drive).find(
    item => item.parents.includes(folderId) && !item.trashed && item.name === name
  );
  return file?.contentBase64 ? Buffer.from(file.contentBase64, 'base64').toString('utf8') : '';
}

/** The department with its register, the migrated archive, and a second records team member. */
export async function seedRecordsTeamDepartment(state: WorkspaceState): Promise<void> {
  await seedDemoWithRegister(state);
  const register = registerId(state);
  seedArchive(state, register, configValue(state, 'rootFolderId'));
  seedRecordsTeam(state, register);
}

export function walkthroughs(): Walkthrough[] {
  return [
    {
      id: 'declare-document',
      title: 'Declare a document a record',
      user: PEOPLE.policy.email,
      seed: seedDemoWithRegister,
      steps: [
        {
          id: 'open',
          text: `As the Policy Officer, open Docs and open “${DEMO.submission}”.`,
          done: (state, session) => session.opened.includes(itemNamed(state, DEMO.submission)),
        },
        {
          id: 'declare',
          text: 'In the Records Capture sidebar, allow access to the document, choose series POL-DEV-01 and business unit PPD, and press Declare record.',
          done: state => registerRowFor(state, itemNamed(state, DEMO.submission)) !== null,
        },
        {
          id: 'marked',
          text: 'See the marking OFFICIAL appear in the document’s header and footer.',
          done: state => /^OFFICIAL/m.test(headerOf(state, itemNamed(state, DEMO.submission))),
        },
        {
          id: 'filed',
          text: 'Open Drive: the document now sits in the POL-DEV-01 series folder.',
          done: state =>
            seriesFolderOf(state, itemNamed(state, DEMO.submission)).startsWith('POL-DEV-01'),
        },
      ],
    },
    {
      id: 'capture-email',
      title: 'Capture an email',
      user: PEOPLE.policy.email,
      seed: seedDemoWithRegister,
      steps: [
        {
          id: 'open-email',
          text: `As the Policy Officer, open Gmail and open the Private Secretary’s email “${MAIL.decision.subject}”.`,
          done: (state, session) =>
            session.opened.includes(emailIn(state, session.user, MAIL.decision.messageId)),
        },
        {
          id: 'capture',
          text: 'In the Records Capture sidebar, keep OFFICIAL-SENSITIVE (read from the subject), choose series POL-DEV-01 and business unit PPD, and press Capture now.',
          done: state =>
            registerRowWhere(state, 'Message-ID', MAIL.decision.messageId)?.Series === 'POL-DEV-01',
        },
        {
          id: 'check-row',
          text: 'Open Sheets → “Records register”: the email’s row has record type Email and its Message-ID, From, To and date sent.',
          done: (state, session) =>
            registerRowWhere(state, 'Message-ID', MAIL.decision.messageId)?.['Record type'] ===
              'Email' && session.opened.includes(registerId(state)),
        },
        {
          id: 'saved-files',
          text: 'Press the row’s Link: the original email (.eml) and its PDF are in your restricted folder for OFFICIAL-SENSITIVE email, and the POL-DEV-01 series folder has shortcuts to them.',
          done: (state, session) => {
            const row = registerRowWhere(state, 'Message-ID', MAIL.decision.messageId);
            const eml = state.drive[String(row?.['File ID'] ?? '')];
            const home = eml?.parents[0] ?? '';
            const names = home ? filesIn(state, home) : [];
            const shortcuts = filesIn(state, String(row?.['Folder ID'] ?? ''));
            return (
              session.opened.includes(home) &&
              names.some(name => name.endsWith('.eml')) &&
              names.some(name => name.endsWith('.pdf')) &&
              shortcuts.some(name => name.endsWith('.eml'))
            );
          },
        },
      ],
    },
    {
      id: 'flag-and-sweep',
      title: 'Flag routine email and let the scheduled capture take it',
      user: PEOPLE.finance.email,
      seed: seedDemoWithRegister,
      steps: [
        {
          id: 'flag-two',
          text: 'As the Finance Officer, open Gmail and open the remittance advice for the 9 December payment run. In the sidebar choose series FIN-ACC-01 and business unit FCE, and press Flag for capture: the email gets the label Records/To capture. Flag purchase order PO-2016-17-0832 the same way.',
          done: state =>
            labelled(state, PEOPLE.finance.email, TO_CAPTURE_LABEL).length +
              labelled(state, PEOPLE.finance.email, CAPTURED_LABEL).length >=
            2,
        },
        {
          id: 'hourly',
          text: 'Press ← Inbox so that no email is open: the sidebar shows Capture emails. Switch on “Capture flagged email every hour”.',
          done: state =>
            state.triggers.some(
              t => t.handlerFunction === SWEEP_HANDLER && t.owner === PEOPLE.finance.email
            ),
        },
        {
          id: 'run-capture',
          text: 'Don’t wait an hour: press Capture flagged now (or, in the Developer panel, press Run on the onCaptureSweep trigger). The flagged emails move to the label Records/Captured.',
          done: state =>
            labelled(state, PEOPLE.finance.email, TO_CAPTURE_LABEL).length === 0 &&
            labelled(state, PEOPLE.finance.email, CAPTURED_LABEL).length >= 2,
        },
        {
          id: 'check-register',
          text: 'Open Sheets → “Records register”: each captured email has its row (record type Email, series FIN-ACC-01), pending its PDF rendition.',
          done: (state, session) => {
            const captured = labelled(state, PEOPLE.finance.email, CAPTURED_LABEL);
            return (
              session.opened.includes(registerId(state)) &&
              captured.length >= 2 &&
              captured.every(
                m =>
                  registerRowWhere(state, 'Message-ID', m.messageId ?? '')?.['Record type'] ===
                  'Email'
              )
            );
          },
        },
      ],
    },
    {
      id: 'secret-refused',
      title: 'Why SECRET is refused',
      user: PEOPLE.policy.email,
      seed: seedDemoWithRegister,
      steps: [
        {
          id: 'open-secret',
          text: `Open “${DEMO.threat}”. Read why Records Capture will not declare it, and where SECRET material belongs.`,
          done: state => logged(state, `Refused SECRET item ${itemNamed(state, DEMO.threat)}`),
        },
        {
          id: 'choose-secret',
          text: `Open “${DEMO.reply}”, choose SECRET as its classification and press Declare record: it is refused too.`,
          done: state =>
            logged(state, `Refused SECRET classification for ${itemNamed(state, DEMO.reply)}`),
        },
        {
          id: 'nothing-written',
          text: 'Check the register (Sheets → Records register): neither document is in it.',
          done: (state, session) =>
            session.opened.includes(registerId(state)) &&
            registerRowFor(state, itemNamed(state, DEMO.threat)) === null &&
            registerRowFor(state, itemNamed(state, DEMO.reply)) === null,
        },
      ],
    },
    {
      id: 'official-sensitive',
      title: 'Mark and declare OFFICIAL-SENSITIVE personal data',
      user: PEOPLE.hr.email,
      seed: seedDemoWithRegister,
      steps: [
        {
          id: 'open-file',
          text: `As the HR Adviser, open “${DEMO.personnel}”. It holds personal data, so it is OFFICIAL-SENSITIVE.`,
          done: (state, session) => session.opened.includes(itemNamed(state, DEMO.personnel)),
        },
        {
          id: 'declare-sensitive',
          text: 'Choose OFFICIAL-SENSITIVE, tick the descriptor PERSONAL DATA, choose series HRM-PER-01 and business unit PCP, and declare it.',
          done: state => {
            const row = registerRowFor(state, itemNamed(state, DEMO.personnel));
            return (
              row?.Classification === 'OFFICIAL-SENSITIVE' &&
              String(row.Descriptors).includes('PERSONAL DATA')
            );
          },
        },
        {
          id: 'marking',
          text: 'See “OFFICIAL-SENSITIVE - PERSONAL DATA” in the header and footer.',
          done: state =>
            headerOf(state, itemNamed(state, DEMO.personnel)).includes(
              'OFFICIAL-SENSITIVE - PERSONAL DATA'
            ),
        },
        {
          id: 'kept-in-place',
          text: 'Open Drive: the file stays in “Personnel files” with its own sharing, and the HRM-PER-01 folder has a shortcut to it.',
          done: state => {
            const id = itemNamed(state, DEMO.personnel);
            return (
              seriesFolderOf(state, id) === 'Personnel files' &&
              Object.values(state.drive).some(
                i =>
                  i.mimeType === 'application/vnd.google-apps.shortcut' &&
                  (state.drive[i.parents[0]]?.name ?? '').startsWith('HRM-PER-01')
              )
            );
          },
        },
      ],
    },
    {
      id: 'find-record',
      title: 'Find a record in the register',
      user: PEOPLE.dro.email,
      seed: async state => {
        await seedDemoWithRegister(state);
        declareThroughSidebar(state, PEOPLE.secretariat.email, itemNamed(state, DEMO.minutes), {
          series: ['GOV-BRD-01'],
          businessUnit: ['BGS'],
        });
        declareThroughSidebar(state, PEOPLE.secretariat.email, itemNamed(state, DEMO.exco), {
          series: ['GOV-BRD-01'],
          businessUnit: ['BGS'],
        });
      },
      steps: [
        {
          id: 'open-register',
          text: 'As the Departmental Records Officer, open Sheets and open “Records register”.',
          done: (state, session) => session.opened.includes(registerId(state)),
        },
        {
          id: 'find-minutes',
          text: `Find the row for “${DEMO.minutes}” (record id, series GOV-BRD-01, retention R-PERM, 20-year transfer date) and open the document from its Link.`,
          done: (state, session) => {
            const opened = session.opened;
            const register = opened.lastIndexOf(registerId(state));
            return (
              register >= 0 && opened.indexOf(itemNamed(state, DEMO.minutes), register) > register
            );
          },
        },
      ],
    },
    searchWalkthrough(),
    lessonWalkthrough(),
    recordsTeamWalkthrough(),
  ];
}

/** Whether the trainee opened `then` after opening `first` (both ids, '' never matches). */
function openedAfter(opened: string[], first: string, then: string): boolean {
  const at = first ? opened.indexOf(first) : -1;
  return at >= 0 && !!then && opened.indexOf(then, at + 1) > at;
}

/** The department with its register, the board papers and the projects' records. */
export async function seedSearchDepartment(state: WorkspaceState): Promise<void> {
  await seedDemoWithRegister(state);
  for (const name of [DEMO.minutes, DEMO.exco]) {
    declareThroughSidebar(state, PEOPLE.secretariat.email, itemNamed(state, name), {
      series: ['GOV-BRD-01'],
      businessUnit: ['BGS'],
    });
  }
  seedProjects(state);
}

/** The department with its register and the projects' records, for recording lessons. */
export async function seedProjectDepartment(state: WorkspaceState): Promise<void> {
  await seedDemoWithRegister(state);
  seedProjects(state);
}

/**
 * Finding a record from any sidebar: the search box under the item's card, then More options to
 * narrow by series and date. Searches change nothing, so the steps tick when the trainee opens
 * the record a search found (its Open button opens it in the emulator).
 */
function searchWalkthrough(): Walkthrough {
  return {
    id: 'search-records',
    title: 'Search for a record from any sidebar',
    user: PEOPLE.policy.email,
    seed: seedSearchDepartment,
    steps: [
      {
        id: 'quick-search',
        text: `As the Policy Officer, open Docs and open “${DEMO.submission}”, and allow access. Under Find a record in the sidebar, type “ExCo minutes” and press Search, then press Open on “${DEMO.minutes}”.`,
        done: (state, session) =>
          openedAfter(
            session.opened,
            itemNamed(state, DEMO.submission),
            itemNamed(state, DEMO.minutes)
          ),
      },
      {
        id: 'more-options',
        text: `Go back to “${DEMO.submission}”. Under Find a record press More options, choose series PRJ-LES-01 and press Search: the series holds a lessons report and a closure report. Narrow it to the dates 1 November 2016 to 30 November 2016 and search again: only “${PROJECTS.gate3Lessons}” is dated in November. Press Open on it. (Search for “CSR supplier” too: the project’s “${PROJECTS.commercial}” is in the register, but it is OFFICIAL-SENSITIVE and not shared with you, so it is not listed. Staff see only the records they can open.)`,
        done: (state, session) =>
          openedAfter(
            session.opened,
            itemNamed(state, DEMO.submission),
            itemNamed(state, PROJECTS.gate3Lessons)
          ),
      },
    ],
  };
}

/** Where the lesson walkthrough's project keeps its governance papers. */
const LESSON_SERIES = 'PRJ-GOV-01';

/** A complete lesson (stage, lesson, action and its owner) recorded against the series. */
function lessonRecorded(state: WorkspaceState, series: string): boolean {
  return registerTab(state, 'Lessons').some(
    row =>
      row.Series === series &&
      ['Stage', 'Lesson', 'Action', 'Action owner'].every(key => String(row[key] ?? '').trim())
  );
}

/**
 * Lessons learned: recorded from a project document's sidebar into the register's Lessons tab,
 * and seen in the sidebar of the next document of the same series.
 */
function lessonWalkthrough(): Walkthrough {
  return {
    id: 'record-lesson',
    title: 'Record a lesson learned',
    user: PEOPLE.project.email,
    seed: seedProjectDepartment,
    steps: [
      {
        id: 'open-project-doc',
        text: `As the Project Manager of the Casework System Replacement, open Docs and open “${PROJECTS.businessCase}”, a record in ${LESSON_SERIES}, and allow access: the sidebar has a section Lessons from ${LESSON_SERIES}, with none recorded yet.`,
        done: (state, session) => session.opened.includes(itemNamed(state, PROJECTS.businessCase)),
      },
      {
        id: 'record',
        text: 'Press Record a lesson. Name the project “Casework System Replacement”, choose During the project, say what happened (requirements were signed off late because no business owner was named), the lesson (name a business owner for every requirement before procurement starts), an action and its owner, and press Record lesson: the sidebar says “Lesson recorded as LES-…”.',
        done: state => lessonRecorded(state, LESSON_SERIES),
      },
      {
        id: 'seen-in-series',
        text: `Open “${PROJECTS.gate4Draft}”, in the ${LESSON_SERIES} folder but not a record yet, and allow access: its sidebar shows your lesson under Lessons from ${LESSON_SERIES}, so the next stage of the project starts from it.`,
        done: (state, session) =>
          lessonRecorded(state, LESSON_SERIES) &&
          openedAfter(
            session.opened,
            itemNamed(state, PROJECTS.businessCase),
            itemNamed(state, PROJECTS.gate4Draft)
          ),
      },
      {
        id: 'lessons-tab',
        text: 'Open Sheets → “Records register” and its Lessons tab: the lesson’s row has its id, who recorded it, when, and the record it was recorded from.',
        done: (state, session) =>
          lessonRecorded(state, LESSON_SERIES) && session.opened.includes(registerId(state)),
      },
    ],
  };
}

const lifecycleOf = (state: WorkspaceState, recordId: string): string =>
  String(archived(state, recordId)?.['Lifecycle state'] ?? '');

/** The newest transfer package, with its files' names and the text of its reports. */
function latestPackage(state: WorkspaceState) {
  const found = transferPackages(state).pop();
  if (!found) return null;
  return {
    ...found,
    metadata: fileText(state, found.id, PACKAGE_FILES.metadata),
    rejected: fileText(state, found.id, PACKAGE_FILES.rejected),
  };
}

/**
 * The records team's year: the register's sidebar, the Review queue, a transfer selection with
 * its sensitivity review, two-person destruction, a legal hold that stops one, the transfer
 * package for The National Archives, and the audit log check.
 */
function recordsTeamWalkthrough(): Walkthrough {
  const TRANSFER = [ARCHIVE_IDS.minutes, ARCHIVE_IDS.responses];
  return {
    id: 'records-team',
    title: 'The records team: review, destroy, hold and transfer',
    user: PEOPLE.dro.email,
    seed: seedRecordsTeamDepartment,
    steps: [
      {
        id: 'open-register',
        text: 'As the Departmental Records Officer, open Sheets → “Records register” and allow access to the spreadsheet: the sidebar shows the records team’s home.',
        done: (state, session) => session.opened.includes(registerId(state)),
      },
      {
        id: 'refresh-queue',
        text: 'Press Refresh review queue. The Review queue tab now lists the archive’s records due for review, disposal and transfer.',
        done: state => registerTab(state, 'Review queue').some(line => line['Record ID']),
      },
      {
        id: 'select-transfer',
        text: `In the Review queue tab, tick the Select box of a line for “${ARCHIVE.minutes}” (${ARCHIVE_IDS.minutes}) and one for “${ARCHIVE.responses}” (${ARCHIVE_IDS.responses}). In the sidebar press Decide on ticked rows, then Select for transfer.`,
        done: state =>
          TRANSFER.every(id =>
            ['Selected for transfer', 'Sensitivity reviewed'].includes(lifecycleOf(state, id))
          ),
      },
      {
        id: 'sensitivity-review',
        text: 'Press Sensitivity review. The form is pre-filled from the descriptors recorded at declaration (PERSONAL DATA would suggest closing it under 40(2)); these two have none, so keep Open and press Save sensitivity review.',
        done: state => TRANSFER.every(id => lifecycleOf(state, id) === 'Sensitivity reviewed'),
      },
      {
        id: 'propose-destruction',
        text: `Destruction takes two people. Sign in as the Records Manager and open the register (allow access). Type ${ARCHIVE_IDS.invoice} (the office supplies invoice, past its destruction date) in Record IDs, press Decide on these records, give a reason and press Propose destruction. Confirm destruction is refused for you: you proposed it.`,
        done: state =>
          ['Destruction proposed', 'Destroyed'].includes(lifecycleOf(state, ARCHIVE_IDS.invoice)),
      },
      {
        id: 'confirm-destruction',
        text: 'Sign in as the Departmental Records Officer again (the migrated files are theirs, and only a file’s owner can move it to the bin). On the register’s sidebar press Open by “Awaiting second approval”, then Confirm destruction: the Disposals tab gets a certificate and the invoice goes to the Drive bin.',
        done: state => {
          const row = archived(state, ARCHIVE_IDS.invoice);
          const file = state.drive[String(row?.['File ID'] ?? '')];
          return (
            row?.['Lifecycle state'] === 'Destroyed' &&
            file?.trashed === true &&
            registerTab(state, 'Disposals').some(d => d['Record ID'] === ARCHIVE_IDS.invoice)
          );
        },
      },
      {
        id: 'held',
        text: `Try the same with ${ARCHIVE_IDS.heldInvoice}, the invoice under a legal hold for a contract dispute: Propose destruction is refused while the hold lasts.`,
        done: state =>
          logged(state, `${ARCHIVE_IDS.heldInvoice} is on legal hold`) &&
          lifecycleOf(state, ARCHIVE_IDS.heldInvoice) !== 'Destroyed',
      },
      {
        id: 'build-package',
        text: 'On the home card press Transfer package, then Build transfer package. The package folder appears in the records folder in Drive.',
        done: state => {
          const pkg = latestPackage(state);
          return (
            !!pkg &&
            Object.values(PACKAGE_FILES).every(name => pkg.files.includes(name)) &&
            pkg.metadata.includes(ARCHIVE.minutes) &&
            pkg.rejected.includes(ARCHIVE.responses)
          );
        },
      },
      {
        id: 'read-package',
        text: `Open Drive → Records → the package folder, and open ${PACKAGE_FILES.metadata} (the TDR metadata, the Board minutes in it) and ${PACKAGE_FILES.rejected} (the zip, which TDR would refuse).`,
        done: (state, session) => {
          const pkg = latestPackage(state);
          if (!pkg) return false;
          const idOf = (name: string) =>
            Object.values(state.drive).find(i => i.parents.includes(pkg.id) && i.name === name)
              ?.id ?? '';
          return (
            session.opened.includes(idOf(PACKAGE_FILES.metadata)) &&
            session.opened.includes(idOf(PACKAGE_FILES.rejected))
          );
        },
      },
      {
        id: 'verify-audit',
        text: 'On the home card press Verify audit log: every decision you made is in the Audit log tab, chained, and the check finds it intact.',
        done: state =>
          registerTab(state, 'Audit log').some(
            row =>
              row.Action === 'Audit log verified' && /chained rows intact/.test(String(row.Details))
          ),
      },
    ],
  };
}
