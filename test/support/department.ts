// A small department for flow tests: a records administrator, two staff members, an outsider,
// and the register set up through the add-on's own setup card.
import { createDocumentInState } from '../../fakes/document/seed';
import { createFileInState } from '../../fakes/drive/seed';
import { allActions, textOf } from '../../fakes/card-service/query';
import { actionEvent, editorEvent, homepageEvent } from '../../fakes/events';
import type { AddonEventJson, FormValue } from '../../fakes/events';
import { firstCard, formValues } from '../../fakes/form';
import { readSheet } from '../../fakes/spreadsheet/seed';
import { Workspace } from '../../fakes/harness/workspace';
import type { RunResult } from '../../fakes/harness/workspace';

export const DRO = 'dro@dfrr.gov.uk';
export const ALICE = 'alice@dfrr.gov.uk';
export const BOB = 'bob@dfrr.gov.uk';
export const OUTSIDER = 'pat@example.com';

export function newWorkspace(): Workspace {
  return Workspace.withUsers([
    { email: DRO, name: 'Departmental Records Officer' },
    { email: ALICE, name: 'Alice Adeyemi' },
    { email: BOB, name: 'Bob Okafor' },
    { email: OUTSIDER, name: 'Pat External' },
  ]);
}

/** Sets the register up as the DRO would, through the setup card. */
export function setUpRegister(
  ws: Workspace,
  options: { shareWithDomain?: boolean; recordsTeamGroup?: string } = {}
): RunResult {
  ws.state.properties.script['records-capture.administrators'] = DRO;
  const result = ws.run(
    'onCreateRegister',
    actionEvent(
      homepageEvent('DRIVE'),
      {},
      {
        shareWithDomain: options.shareWithDomain === false ? [] : ['yes'],
        recordsTeamGroup: options.recordsTeamGroup ?? '',
      }
    ),
    { user: DRO }
  );
  if (result.error) throw new Error(`Setup failed: ${result.error}`);
  return result;
}

export function registerId(ws: Workspace): string {
  const config = JSON.parse(ws.state.properties.script['records-capture.config'] ?? 'null') as {
    registerId: string;
  } | null;
  if (!config) throw new Error('Register not set up');
  return config.registerId;
}

export function newDocument(
  ws: Workspace,
  owner: string,
  name: string,
  paragraphs: string[] = ['Some text.'],
  extra: {
    header?: string[];
    footer?: string[];
    editors?: string[];
    viewers?: string[];
    parentId?: string;
  } = {}
): string {
  return createDocumentInState(ws.state, { owner, name, paragraphs, ...extra });
}

/** Presses the button running `functionName` on the card, with the card's values plus `changes`. */
export function press(
  ws: Workspace,
  base: AddonEventJson,
  card: unknown,
  functionName: string,
  user: string,
  changes: Record<string, FormValue> = {}
): RunResult {
  const target = allActions(card).find(a => a.functionName === functionName);
  if (!target) throw new Error(`No button runs ${functionName} on this card: ${textOf(card)}`);
  return ws.run(
    functionName,
    actionEvent(base, target.parameters, { ...formValues(card), ...changes }),
    { user }
  );
}

export interface Opened {
  event: AddonEventJson;
  result: RunResult;
  card: unknown;
}

/** Opens the Docs sidebar on a document (file access already granted). */
export function openDoc(ws: Workspace, user: string, docId: string): Opened {
  const event = editorEvent('DOCS', { id: docId, title: ws.state.drive[docId].name });
  const result = ws.run('onDocsHomepage', event, { user });
  if (result.error) throw new Error(result.error);
  return { event, result, card: firstCard(result.json) };
}

/** Opens the sidebar and presses Declare, changing only `changes` on the pre-filled form. */
export function declareDoc(
  ws: Workspace,
  user: string,
  docId: string,
  changes: Record<string, FormValue> = {}
): RunResult {
  const opened = openDoc(ws, user, docId);
  return press(ws, opened.event, opened.card, 'onDeclare', user, changes);
}

/** The register's data rows as objects keyed by header. */
export function registerRows(ws: Workspace, tab = 'Register'): Record<string, unknown>[] {
  const [headers, ...rows] = readSheet(ws.state, registerId(ws), tab);
  return rows
    .filter(r => r.some(v => v !== '' && v !== null && v !== undefined))
    .map(r => Object.fromEntries(headers.map((h, i) => [String(h), r[i]])));
}

export const TYPICAL = { series: ['POL-DEV-01'], businessUnit: ['PPD'] };

/** A department whose register the DRO has set up. */
export function department(): Workspace {
  const ws = newWorkspace();
  setUpRegister(ws);
  return ws;
}

/** `n` PDF invoices in the owner's Drive (or in `parentId`), as a Drive selection lists them. */
export function invoices(
  ws: Workspace,
  owner: string,
  n: number,
  parentId?: string
): { id: string; title: string; mimeType: string }[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `Invoice DfRR-2016-17-${String(417 + i).padStart(5, '0')}.pdf`;
    const id = createFileInState(ws.state, {
      owner,
      name,
      mimeType: 'application/pdf',
      content: `%PDF-1.4 invoice ${i}`,
      parentId,
    });
    return { id, title: name, mimeType: 'application/pdf' };
  });
}
