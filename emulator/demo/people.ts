// The demo department's people: role-first personas of the fictional Department for Regional
// Resilience (DfRR). No real people or organisations.
import type { UserState } from '../../fakes/core/state';

export const DOMAIN = 'dfrr.gov.uk';

export const PEOPLE = {
  dro: { email: 'dro@dfrr.gov.uk', name: 'Departmental Records Officer' },
  recordsManager: {
    email: 'records.manager@dfrr.gov.uk',
    name: 'Records Manager, Knowledge and Information Management',
  },
  policy: { email: 'policy.officer@dfrr.gov.uk', name: 'Policy Officer, Preparedness Policy' },
  privateSecretary: {
    email: 'ps.sos@dfrr.gov.uk',
    name: 'Private Secretary to the Secretary of State',
  },
  finance: {
    email: 'finance.officer@dfrr.gov.uk',
    name: 'Finance Officer, Finance and Commercial',
  },
  hr: { email: 'hr.adviser@dfrr.gov.uk', name: 'HR Adviser, People and Capability' },
  secretariat: { email: 'board.secretary@dfrr.gov.uk', name: 'Board Secretary' },
  project: {
    email: 'csr.project@dfrr.gov.uk',
    name: 'Project Manager, Casework System Replacement',
  },
} satisfies Record<string, UserState>;

export const EVERYONE: UserState[] = Object.values(PEOPLE);
