// The demo department's delivery projects, declared into the PRJ series through the add-on's own
// sidebar: a Casework System Replacement (CSR) business case and gate review, the lessons and
// closure reports staff search for, and a commercially sensitive evaluation that is not shared
// beyond the project. Dates fall in FY 2016-17, before the fakes' first day (2 January 2017), so
// no record is dated in the future.
import { createDocumentInState } from '../../fakes/document/seed';
import { createFolderInState } from '../../fakes/drive/seed';
import type { WorkspaceState } from '../../fakes/core/state';
import { actionEvent, editorEvent } from '../../fakes/events';
import type { FormValue } from '../../fakes/events';
import { allActions, textOf } from '../../fakes/card-service/query';
import { formValues, firstCard } from '../../fakes/form';
import { Workspace } from '../../fakes/harness/workspace';
import { PEOPLE } from './people';

/** Names of the project documents the walkthroughs and browser tests refer to. */
export const PROJECTS = {
  businessCase: 'CSR full business case, version 2.1',
  gate3Lessons: 'CSR Gate 3 lessons-learned report',
  frpClosure: 'FRP Phase 1 closure report',
  gate4Draft: 'CSR Gate 4 readiness review: draft',
  commercial: 'CSR supplier evaluation: commercial scores',
} as const;

const day = (iso: string) => ({ date: Date.parse(`${iso}T00:00:00Z`) });

/** Declares an item as a person would, through the add-on's own Docs sidebar. */
export function declareThroughSidebar(
  state: WorkspaceState,
  user: string,
  docId: string,
  form: Record<string, FormValue>
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
  // A form the add-on refused comes back with its problems and no record id.
  if (!/Declared as REC-/.test(textOf(result.json))) {
    throw new Error(
      `The demo could not declare ${state.drive[docId].name}: ${textOf(result.json)}`
    );
  }
}

/**
 * The projects' documents, on a department whose register is set up. Three OFFICIAL records are
 * filed in PRJ-GOV-01 and PRJ-LES-01 (their series folders, which everyone in the department can
 * open); the commercial evaluation is OFFICIAL-SENSITIVE and stays in the project manager's own
 * folder; the Gate 4 draft sits, not yet declared, in the PRJ-GOV-01 folder beside the business
 * case.
 */
export function seedProjects(state: WorkspaceState): void {
  const { project } = PEOPLE;
  const doc = (name: string, paragraphs: string[], parentId?: string) =>
    createDocumentInState(state, { owner: project.email, name, paragraphs, parentId });
  const working = createFolderInState(state, {
    owner: project.email,
    name: 'Casework System Replacement',
  });
  const businessCase = doc(
    PROJECTS.businessCase,
    [
      'Casework System Replacement Project. Full business case, version 2.1, October 2016.',
      'The current casework system is out of support from March 2019. The preferred option replaces it with a configurable case management product hosted in the cloud.',
      'Whole-life cost £6.8 million over ten years; benefits from retiring two legacy systems and from faster grant casework.',
    ],
    working
  );
  const gate3 = doc(
    PROJECTS.gate3Lessons,
    [
      'CSR Gate 3 (investment decision) review: lessons learned, November 2016.',
      'The review team rated delivery confidence amber. Requirements were signed off late because the policy owners were not named at the start.',
      'Recommendation: name a business owner for every requirement before procurement starts.',
    ],
    working
  );
  const closure = doc(
    PROJECTS.frpClosure,
    [
      'Flood Recovery Programme, Phase 1 (property-level resilience grants). Closure report, December 2016.',
      '2,140 households received grants. The scheme closed on time and £0.3 million under budget.',
    ],
    working
  );
  const commercial = doc(
    PROJECTS.commercial,
    [
      'CSR supplier evaluation: commercial scores of the three shortlisted bidders (fictional).',
      'Not to be shared outside the evaluation panel before contract award.',
    ],
    working
  );

  const declare = (id: string, user: string, form: Record<string, FormValue>) =>
    declareThroughSidebar(state, user, id, form);
  declare(businessCase, project.email, {
    series: ['PRJ-GOV-01'],
    businessUnit: ['CSR'],
    recordDate: day('2016-10-17'),
    description: 'The approved full business case for replacing the casework system.',
  });
  declare(gate3, project.email, {
    series: ['PRJ-LES-01'],
    businessUnit: ['CSR'],
    recordDate: day('2016-11-25'),
    description: 'Lessons from the Gate 3 investment decision review: late requirements sign-off.',
  });
  declare(closure, project.email, {
    series: ['PRJ-LES-01'],
    businessUnit: ['FRP'],
    recordDate: day('2016-12-16'),
    description: 'Closure of the property-level resilience grants: outcomes, spend and lessons.',
  });
  declare(commercial, project.email, {
    classification: ['OFFICIAL-SENSITIVE'],
    descriptors: ['COMMERCIAL'],
    series: ['PRJ-GOV-01'],
    businessUnit: ['CSR'],
    recordDate: day('2016-11-07'),
  });

  // The business case's new home is the PRJ-GOV-01 series folder: the draft goes beside it.
  doc(
    PROJECTS.gate4Draft,
    [
      'CSR Gate 4 (readiness for service) review: draft evidence pack, December 2016.',
      'Service readiness: user acceptance testing, data migration rehearsal, support contract.',
    ],
    state.drive[businessCase].parents[0]
  );
}
