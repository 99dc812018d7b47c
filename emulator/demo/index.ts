// The demo department the emulator starts with: people, their documents and files, and (for
// the walkthroughs) a register set up by the Departmental Records Officer through the add-on.
import { addUser } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { actionEvent, homepageEvent } from '../../fakes/events';
import { Workspace } from '../../fakes/harness/workspace';
import { seedContent } from './content';
import { DOMAIN, EVERYONE, PEOPLE } from './people';

export { DEMO } from './content';
export { PEOPLE } from './people';

const ADMINISTRATORS_KEY = 'records-capture.administrators';

/** A department before Records Capture is set up: the first-run experience. */
export function seedDemo(state: WorkspaceState): void {
  state.domain = DOMAIN;
  for (const person of EVERYONE) addUser(state, person);
  state.properties.script[ADMINISTRATORS_KEY] = PEOPLE.dro.email;
  seedContent(state);
}

/** The same department with its register created by the DRO through the add-on's setup card. */
export function seedDemoWithRegister(state: WorkspaceState, buildDir?: string): void {
  seedDemo(state);
  const ws = new Workspace(state, { buildDir });
  const result = ws.run(
    'onCreateRegister',
    actionEvent(homepageEvent('DRIVE'), {}, { shareWithDomain: ['yes'], recordsTeamGroup: '' }),
    { user: PEOPLE.dro.email, budgetMs: 360_000 }
  );
  if (result.error) throw new Error(`The demo register could not be set up: ${result.error}`);
}
