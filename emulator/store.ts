// The emulator's saved state: one JSON file in the data folder. Each save writes a temp file in
// the same folder, fsyncs it and renames it over the old file, so a crash or Ctrl-C half-way
// through a save leaves the previous file whole.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CallCounts } from '../fakes/core/execution';
import type { WorkspaceState } from '../fakes/core/state';

export const STATE_FILE = 'state.json';
const FORMAT = 'records-capture-emulator';
const TEMP_PREFIX = `.${STATE_FILE}.`;
const TEMP_SUFFIX = '.tmp';

export interface ExecutionRecord {
  id: string;
  function: string;
  user: string;
  /** The host the add-on ran in; null for a time-driven trigger. */
  host: string | null;
  /** The manifest or time-driven trigger that ran it; null for a card action. */
  trigger: string | null;
  /** Wall-clock time the execution started (epoch ms). */
  startedAt: number;
  /** Modelled Apps Script time. */
  ms: number;
  counts: CallCounts;
  log: string[];
  error?: string;
}

export interface EmulatorState {
  format: typeof FORMAT;
  version: 1;
  workspace: WorkspaceState;
  /** The signed-in user. */
  user: string | null;
  /** Per user, the Docs and Sheets files they let the add-on open. */
  grants: Record<string, string[]>;
  /** Per user, the documents, spreadsheets, folders and emails opened in the page, oldest first. */
  opened: Record<string, string[]>;
  /** Newest first. */
  executions: ExecutionRecord[];
  nextExecution: number;
}

export function newEmulatorState(workspace: WorkspaceState): EmulatorState {
  return {
    format: FORMAT,
    version: 1,
    workspace,
    user: Object.keys(workspace.users)[0] ?? null,
    grants: {},
    opened: {},
    executions: [],
    nextExecution: 1,
  };
}

export function stateFile(dataDir: string): string {
  return join(dataDir, STATE_FILE);
}

/** The saved state, or null when the data folder has none yet. */
export function loadState(dataDir: string): EmulatorState | null {
  removeStaleTempFiles(dataDir);
  const file = stateFile(dataDir);
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not valid JSON (${(e as Error).message}); start with --reset`);
  }
  const candidate = parsed as Partial<EmulatorState> | null;
  if (
    !candidate ||
    candidate.format !== FORMAT ||
    candidate.version !== 1 ||
    typeof candidate.workspace !== 'object' ||
    candidate.workspace?.version !== 1
  ) {
    throw new Error(`${file} is not a state file this emulator can read; start with --reset`);
  }
  return {
    ...newEmulatorState(candidate.workspace),
    user: candidate.user ?? null,
    grants: candidate.grants ?? {},
    opened: candidate.opened ?? {},
    executions: candidate.executions ?? [],
    nextExecution: candidate.nextExecution ?? 1,
  };
}

let saveCounter = 0;

export async function saveState(dataDir: string, state: EmulatorState): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const target = stateFile(dataDir);
  const temp = join(dataDir, `${TEMP_PREFIX}${process.pid}-${++saveCounter}${TEMP_SUFFIX}`);
  const text = JSON.stringify(state);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  await rename(temp, target);
  await syncFolder(dataDir);
}

/** Makes the rename itself durable; not every platform can open a folder for fsync. */
async function syncFolder(dataDir: string): Promise<void> {
  try {
    const folder = await open(dataDir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // The rename is atomic either way; only its durability across a power cut is at stake.
  }
}

/**
 * Temp files a crash left behind mid-save (the state file itself is always whole). Recent ones
 * may be another emulator's save in progress, so they stay.
 */
function removeStaleTempFiles(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  const staleBefore = Date.now() - 60_000;
  for (const name of readdirSync(dataDir)) {
    if (!name.startsWith(TEMP_PREFIX) || !name.endsWith(TEMP_SUFFIX)) continue;
    const path = join(dataDir, name);
    if (statSync(path).mtimeMs < staleBefore) rmSync(path, { force: true });
  }
}
