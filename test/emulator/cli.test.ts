// `npm start`'s command: it prints its URL, serves the demo, and stops cleanly on Ctrl-C,
// leaving a whole state file behind.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function start(dataDir: string, extra: string[] = []) {
  const child = spawn(
    join(root, 'node_modules', '.bin', 'tsx'),
    ['emulator/main.ts', '--port', '0', '--data', dataDir, ...extra],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  let output = '';
  child.stdout.on('data', chunk => (output += chunk));
  child.stderr.on('data', chunk => (output += chunk));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (found) {
        clearInterval(timer);
        resolve(found);
      }
    }, 50);
    child.on('exit', code => {
      clearInterval(timer);
      reject(new Error(`exited ${code}: ${output}`));
    });
  });
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
  return { child, url, exited, output: () => output };
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rc-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the demo department on 127.0.0.1, then saves and exits 0 on Ctrl-C', async () => {
    const run = start(dataDir);
    const url = await run.url;
    expect(run.output()).toMatch(/Records Capture emulator: http:\/\/127\.0\.0\.1:\d+\//);
    const session = (await (await fetch(`${url}api/session`)).json()) as {
      users: { email: string }[];
    };
    expect(session.users.map((u: { email: string }) => u.email)).toContain('dro@dfrr.gov.uk');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    const files = readdirSync(dataDir);
    expect(files).toContain('state.json');
    expect(files.filter(f => f !== 'state.json')).toEqual([]); // no half-written temp file left
    expect(() => JSON.parse(readFileSync(join(dataDir, 'state.json'), 'utf8'))).not.toThrow();
  });

  it('refuses an unknown option with its usage', async () => {
    const run = start(dataDir, ['--colour']);
    await expect(run.url).rejects.toThrow(/Unknown option --colour/);
    expect(await run.exited).not.toBe(0);
  });
});
