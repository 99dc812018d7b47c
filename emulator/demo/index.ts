// The demo department the emulator starts with: people, their documents, files and mail, and (for
// the walkthroughs) a register set up by the Departmental Records Officer through the add-on.
import { addUser } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { actionEvent, homepageEvent } from '../../fakes/events';
import { Workspace } from '../../fakes/harness/workspace';
import { seedContent } from './content';
import { seedMail } from './mail';
import { DOMAIN, EVERYONE, PEOPLE } from './people';

export { DEMO } from './content';
export { MAIL } from './mail';
export { PEOPLE } from './people';

const ADMINISTRATORS_KEY = 'records-capture.administrators';

/** A department before Records Capture is set up: the first-run experience. */
export async function seedDemo(state: WorkspaceState): Promise<void> {
  state.domain = DOMAIN;
  for (const person of EVERYONE) addUser(state, person);
  state.properties.script[ADMINISTRATORS_KEY] = PEOPLE.dro.email;
  seedContent(state);
  // Mail is parsed from its MIME source, which takes a promise.
  await seedMail(state);
}

/** The same department with its register created by the DRO through the add-on's setup card. */
export async function seedDemoWithRegister(
  state: WorkspaceState,
  buildDir?: string
): Promise<void> {
  await seedDemo(state);
  const ws = new Workspace(state, { buildDir });
  const result = ws.run(
    'onCreateRegister',
    actionEvent(homepageEvent('DRIVE'), {}, { shareWithDomain: ['yes'], recordsTeamGroup: '' }),
    { user: PEOPLE.dro.email, budgetMs: 360_000 }
  );
  if (result.error) throw new Error(`The demo register could not be set up: ${result.error}`);
}
