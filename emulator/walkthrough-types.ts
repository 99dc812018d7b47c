// Trainer walkthroughs: guided steps that tick themselves off by looking at the emulated state.
import type { WorkspaceState } from '../fakes/core/state';

export interface TrainerSession {
  /** Who is signed in to the emulator. */
  user: string;
  /** Items (documents, spreadsheets, files) the signed-in user has opened, oldest first. */
  opened: string[];
}

export interface WalkthroughStep {
  id: string;
  text: string;
  done(state: WorkspaceState, session: TrainerSession): boolean;
}

export interface Walkthrough {
  id: string;
  title: string;
  /** Who the trainee signs in as. */
  user: string;
  steps: WalkthroughStep[];
  /** The clean state the walkthrough starts from (replaces the whole state). */
  seed(state: WorkspaceState): void;
}
