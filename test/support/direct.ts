// Acting on the emulated Workspace directly as a person would in the Google UI (not through the
// add-on): e.g. a staff member typing into the register, or the records team renaming a tab.
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import type { Workspace } from '../../fakes/harness/workspace';
import { createSpreadsheetApp } from '../../fakes/spreadsheet';

export function sheetsAs(ws: Workspace, user: string): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  const execution = new Execution(ws.state, { user, budgetMs: 3_600_000 });
  return createSpreadsheetApp(createContext(ws.state, execution));
}
