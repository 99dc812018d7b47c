// Starts the local emulator: `tsx emulator/main.ts [--reset] [--addon <folder>] [--port <n>]
// [--data <dir>]`. Serves the page on 127.0.0.1 only; Ctrl-C saves and stops.
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { seedDemo } from './demo';
import { createEmulator } from './server';
import type { ExecutionRecord } from './store';
import { walkthroughs } from './walkthroughs';

const REPO_ROOT = join(__dirname, '..');
const DEFAULT_PORT = 8790;

const USAGE = `Usage: tsx emulator/main.ts [options]
  --reset            start again from the demo department (the saved state is replaced)
  --addon <folder>   run another add-on: a folder with appsscript.json and .js files
  --port <n>         port on 127.0.0.1 (default: $PORT, else ${DEFAULT_PORT})
  --data <dir>       where the state is saved (default: $RC_DATA_DIR, else .rc-data/)`;

interface Flags {
  reset: boolean;
  addonDir?: string;
  port?: number;
  dataDir?: string;
}

function parseFlags(args: string[]): Flags {
  const flags: Flags = { reset: false };
  const valueOf = (i: number, flag: string): string => {
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    return value;
  };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    switch (flag) {
      case '--reset':
        flags.reset = true;
        break;
      case '--addon':
        flags.addonDir = resolve(valueOf(i++, flag));
        break;
      case '--port':
        flags.port = parsePort(valueOf(i++, flag), flag);
        break;
      case '--data':
        flags.dataDir = resolve(valueOf(i++, flag));
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${flag}\n${USAGE}`);
    }
  }
  return flags;
}

function parsePort(text: string, source: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new Error(`${source} must be a port number`);
  return port;
}

/** The data folder: --data, else $RC_DATA_DIR, else .rc-data (another add-on's in a subfolder). */
function dataDirFor(flags: Flags): string {
  if (flags.dataDir) return flags.dataDir;
  if (process.env.RC_DATA_DIR) return resolve(process.env.RC_DATA_DIR);
  const root = join(REPO_ROOT, '.rc-data');
  return flags.addonDir ? join(root, 'addons', basename(flags.addonDir)) : root;
}

function shown(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

function describeExecution(execution: ExecutionRecord): string {
  const where = execution.host ?? execution.trigger ?? '';
  const line = `${execution.id} ${execution.function} (${where}, ${execution.user}): ${execution.ms} ms modelled`;
  return execution.error ? `${line}\n  Error: ${execution.error}` : line;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const port =
    flags.port ?? (process.env.PORT ? parsePort(process.env.PORT, 'PORT') : DEFAULT_PORT);
  const dataDir = dataDirFor(flags);
  const emulator = await createEmulator({
    dataDir,
    addonDir: flags.addonDir,
    port,
    seed: seedDemo,
    walkthroughs,
    reset: flags.reset,
    onExecution: execution => console.log(describeExecution(execution)),
  });
  console.log(
    `Records Capture emulator: ${emulator.url} (data in ${shown(dataDir)}, Ctrl-C to stop)`
  );

  let stopping = false;
  const stop = () => {
    if (stopping) {
      // The state file is replaced atomically, so stopping mid-save keeps the last whole one.
      console.log('Stopped without a final save.');
      process.exit(1);
    }
    stopping = true;
    console.log('Saving and stopping...');
    emulator.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
      }
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  const error = e as NodeJS.ErrnoException;
  if (error?.code === 'EADDRINUSE') {
    console.error(`The port is in use: stop the other program or pass --port <n>.`);
  } else {
    console.error(error instanceof Error ? error.message : String(e));
  }
  process.exit(1);
});
