// What every fake service is created with: the shared Workspace state, the execution it serves,
// and `wrap`, which instruments an object under `Service.Class` for call counting.
import type { Execution } from './execution';
import { instrument } from './instrument';
import type { WorkspaceState } from './state';

export interface FakeContext {
  state: WorkspaceState;
  execution: Execution;
  /** The user running the execution (their email). */
  user: string;
  /** Instruments `obj` so its calls are counted as `${key}.method`, e.g. key `DriveApp.File`. */
  wrap<T extends object>(obj: T, key: string): T;
}

export function createContext(state: WorkspaceState, execution: Execution): FakeContext {
  return {
    state,
    execution,
    user: execution.user,
    wrap: (obj, key) => instrument(obj, key, execution),
  };
}

/** True for a Date from any realm (values cross between the host and the sandbox). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
