// The records team in flow tests: members added to the register's "Records team" tab as the
// DRO would type them, the Review queue ticked as a member would tick it, and the review cards
// opened the way the sidebar opens them.
import { textOf } from '../../fakes/card-service/query';
import { actionEvent, homepageEvent } from '../../fakes/events';
import type { AddonEventJson, FormValue } from '../../fakes/events';
import { firstCard, formValues } from '../../fakes/form';
import type { RunResult, Workspace } from '../../fakes/harness/workspace';
import { QUEUE_COLUMNS } from '../../src/domain/register-schema';
import { DRO, registerId, registerRows } from './department';
import { sheetsAs } from './direct';

/** The sidebar of the register spreadsheet, where the records team works. */
export const TEAM_HOST: AddonEventJson = homepageEvent('SHEETS');

/** Adds a member to the "Records team" tab, as the DRO would in the spreadsheet. */
export function addToTeam(ws: Workspace, email: string, role = 'Reviewer'): void {
  sheetsAs(ws, DRO)
    .openById(registerId(ws))
    .getSheetByName('Records team')!
    .appendRow([email, email.split('@')[0], role, 'Yes', DRO, new Date(ws.state.now)]);
}

/** Writes Review queue rows with the given records ticked (Select is a TRUE checkbox). */
export function tickInQueue(ws: Workspace, ticked: string[], unticked: string[] = []): void {
  const sheet = ws.state.spreadsheets[registerId(ws)].sheets.find(s => s.name === 'Review queue')!;
  const col = (key: string) => QUEUE_COLUMNS.findIndex(c => c.key === key);
  const rows = [...ticked.map(id => [true, id]), ...unticked.map(id => [false, id])].map(
    ([select, id]) => {
      const row: (string | boolean)[] = new Array(QUEUE_COLUMNS.length).fill('');
      row[col('select')] = select;
      row[col('recordId')] = id;
      row[col('due')] = 'Disposal';
      row[col('window')] = 'Overdue';
      return row;
    }
  );
  sheet.rows = [sheet.rows[0], ...rows];
}

/** The "Review decisions" card a member opens before choosing records. */
export function openReviewHome(ws: Workspace, user: string): { result: RunResult; card: unknown } {
  const result = ws.run('onOpenReview', actionEvent(TEAM_HOST), { user });
  if (result.error) throw new Error(result.error);
  return { result, card: firstCard(result.json) };
}

interface Clicked {
  functionName: string;
  parameters: Record<string, string>;
}

/** The action of the button labelled `label` (the nth, counting from 0, if several are). */
export function buttonAction(card: unknown, label: string, nth = 0): Clicked {
  const found: Clicked[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    const action = (
      node.onClick as
        { action?: { function: string; parameters?: { key: string; value: string }[] } } | undefined
    )?.action;
    if (node.text === label && action) {
      found.push({
        functionName: action.function,
        parameters: Object.fromEntries((action.parameters ?? []).map(p => [p.key, p.value])),
      });
    }
    Object.values(node).forEach(visit);
  };
  visit(card);
  if (!found[nth]) throw new Error(`No button "${label}" on this card: ${textOf(card)}`);
  return found[nth];
}

/** Presses the button labelled `label` with the card's form values plus `changes`. */
export function pressButton(
  ws: Workspace,
  card: unknown,
  label: string,
  user: string,
  changes: Record<string, FormValue> = {},
  nth = 0
): { result: RunResult; card: unknown; text: string } {
  const target = buttonAction(card, label, nth);
  const result = ws.run(
    target.functionName,
    actionEvent(TEAM_HOST, target.parameters, { ...formValues(card), ...changes }),
    { user }
  );
  if (result.error) throw new Error(result.error);
  return { result, card: firstCard(result.json), text: textOf(result.json) };
}

/** Opens the decision card for typed record IDs, through the review card's button. */
export function openReview(
  ws: Workspace,
  user: string,
  ids: string
): { result: RunResult; card: unknown; text: string } {
  const home = openReviewHome(ws, user);
  return pressButton(ws, home.card, 'Decide on these records', user, { reviewRecordIds: ids });
}

export function rowOf(ws: Workspace, recordId: string): Record<string, unknown> {
  const row = registerRows(ws).find(r => r['Record ID'] === recordId);
  if (!row) throw new Error(`${recordId} is not in the register`);
  return row;
}

export function auditRows(ws: Workspace, action?: string): Record<string, unknown>[] {
  const rows = registerRows(ws, 'Audit log');
  return action ? rows.filter(r => r.Action === action) : rows;
}

/** Changes one register cell as someone editing the spreadsheet by hand would. */
export function editRegisterCell(
  ws: Workspace,
  recordId: string,
  header: string,
  value: string | number | boolean | Date
): void {
  const sheet = sheetsAs(ws, DRO).openById(registerId(ws)).getSheetByName('Register')!;
  const values = sheet.getDataRange().getValues();
  const column = values[0].indexOf(header);
  const row = values.findIndex(r => r[0] === recordId);
  if (column < 0 || row < 1) throw new Error(`No cell ${header} for ${recordId}`);
  sheet.getRange(row + 1, column + 1).setValue(value);
}
