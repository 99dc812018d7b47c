// The trainer walkthroughs: the department's records standards, rehearsed step by step. Each
// step ticks itself off from the emulated Workspace, so a trainee sees progress as they work.
import type { WorkspaceState } from '../fakes/core/state';
import { actionEvent, editorEvent } from '../fakes/events';
import { formValues, firstCard } from '../fakes/form';
import { allActions } from '../fakes/card-service/query';
import { Workspace } from '../fakes/harness/workspace';
import { DEMO, MAIL, PEOPLE, seedDemoWithRegister } from './demo';
import type { Walkthrough } from './walkthrough-types';

const CONFIG_KEY = 'records-capture.config';
/** The Gmail labels the add-on's flag and scheduled capture use, as a person sees them. */
export const TO_CAPTURE_LABEL = 'Records/To capture';
export const CAPTURED_LABEL = 'Records/Captured';
const SWEEP_HANDLER = 'onCaptureSweep';

function itemNamed(state: WorkspaceState, name: string): string {
  const item = Object.values(state.drive).find(
    i => i.name === name || i.name.endsWith(`] ${name}`)
  );
  return item?.id ?? '';
}

function registerId(state: WorkspaceState): string {
  try {
    return (
      (JSON.parse(state.properties.script[CONFIG_KEY] ?? 'null') as { registerId: string } | null)
        ?.registerId ?? ''
    );
  } catch {
    return '';
  }
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

/** Declares an item as a person would, through the add-on's own sidebar (for walkthrough seeds). */
function declareThroughSidebar(
  state: WorkspaceState,
  user: string,
  docId: string,
  form: Record<string, string[]>
): void {
  const ws = new Workspace(state);
  const event = editorEvent('DOCS', { id: docId, title: state.drive[docId].name });
  const card = firstCard(ws.run('onDocsHomepage', event, { user }).json);
  const declare = allActions(card).find(a => a.functionName === 'onDeclare');
  if (!declare) throw new Error(`The demo could not declare ${state.drive[docId].name}`);
  const result = ws.run(
    'onDeclare',
    actionEvent(event, declare.parameters, { ...formValues(card), ...form }),
    { user }
  );
  if (result.error) throw new Error(result.error);
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
  ];
}
