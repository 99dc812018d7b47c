// The seam between the emulator's server and the trainer walkthroughs: a walkthrough is a list of
// steps, each checked against the Workspace state and what the trainee has opened, starting from
// a state of its own.
import type { WorkspaceState } from '../fakes/core/state';

/** What the server knows of the trainee's session. */
export interface TrainerSession {
  /** The signed-in user's email. */
  user: string;
  /** Ids of the documents, spreadsheets, Drive folders and emails opened in the page, oldest first. */
  opened: string[];
}

export interface WalkthroughStep {
  id: string;
  text: string;
  done(state: WorkspaceState, session: TrainerSession): boolean;
}

/** Fills a fresh, empty Workspace state with the people and content to start from. */
export type Seed = (state: WorkspaceState) => void | Promise<void>;

export interface Walkthrough {
  id: string;
  title: string;
  /** Who the trainee is signed in as when the walkthrough (re)starts. */
  user: string;
  /** The state the walkthrough starts from. */
  seed: Seed;
  steps: WalkthroughStep[];
}
