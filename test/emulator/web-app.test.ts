// The emulator runs both sides of the register service: the DRO deploys the project as a web app
// and saves its address in the register card; when Alice declares, the add-on's fetch of the web
// app runs its doPost there and then, as the DRO, over the same state, and the developer panel
// lists that execution under Alice's.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allActions, textOf } from '../../fakes/card-service/query';
import { addUser } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createDocumentInState } from '../../fakes/document/seed';
import { actionEvent, homepageEvent } from '../../fakes/events';
import { firstCard, formValues } from '../../fakes/form';
import { BUILD_DIR, Workspace } from '../../fakes/harness/workspace';
import { createEmulator } from '../../emulator/server';
import type { Emulator, RunReply } from '../../emulator/server';
import type { ExecutionRecord } from '../../emulator/store';

const DRO = 'dro@dfrr.gov.uk';
const ALICE = 'alice@dfrr.gov.uk';

function department(state: WorkspaceState): void {
  addUser(state, { email: ALICE, name: 'Alice Adeyemi' });
  addUser(state, { email: DRO, name: 'Departmental Records Officer' });
  state.properties.script['records-capture.administrators'] = DRO;
  const setup = new Workspace(state).run(
    'onCreateRegister',
    actionEvent(homepageEvent('DRIVE'), {}, { shareWithDomain: ['yes'], recordsTeamGroup: '' }),
    { user: DRO, budgetMs: 360_000 }
  );
  if (setup.error) throw new Error(setup.error);
  createDocumentInState(state, { owner: ALICE, name: 'Grant options', paragraphs: ['Options.'] });
}

let tmp: string;
let build: string;
let emulator: Emulator;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'rc-web-app-'));
  build = join(tmp, 'build');
  mkdirSync(build);
  for (const file of ['Code.js', 'fakes.js', 'appsscript.json']) {
    copyFileSync(join(BUILD_DIR, file), join(build, file));
  }
});

afterEach(async () => {
  await emulator?.close();
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function api<T>(
  method: string,
  path: string,
  body?: unknown
): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: emulator.port,
        path,
        method,
        headers: { 'content-type': 'application/json' },
      },
      res => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', chunk => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as T }));
      }
    );
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

async function run(body: unknown): Promise<RunReply> {
  const answer = await api<RunReply>('POST', '/api/run', body);
  if (answer.status !== 200) throw new Error(`run answered ${answer.status}`);
  return answer.body;
}

describe('the register service in the emulator', () => {
  it('deploys the web app as the signed-in user and runs its doPost when the add-on calls it', async () => {
    emulator = await createEmulator({
      dataDir: join(tmp, 'data'),
      buildDir: build,
      port: 0,
      seed: department,
      clock: () => Date.UTC(2017, 0, 2, 9),
    });
    await api('POST', '/api/session', { user: DRO });
    const deployed = await api<{ url: string; deployer: string }>('POST', '/api/web-app');
    expect(deployed.status).toBe(200);
    expect(deployed.body.deployer).toBe(DRO);
    expect(deployed.body.url).toMatch(
      /^https:\/\/script\.google\.com\/macros\/s\/AKfycb[\w-]+\/exec$/
    );
    const webApps = Object.values(emulator.workspace.state.webApps ?? {});
    expect(webApps.map(w => [w.deployer, w.access, w.executeAs])).toEqual([
      [DRO, 'DOMAIN', 'USER_DEPLOYING'],
    ]);

    const saved = await run({
      host: 'DRIVE',
      function: 'onSaveRegisterService',
      form: { registerServiceUrl: deployed.body.url },
    });
    expect(textOf(saved.response)).toMatch(
      /Register service saved: it writes as dro@dfrr\.gov\.uk/
    );

    await api('POST', '/api/session', { user: ALICE });
    const doc = Object.values(emulator.workspace.state.drive).find(
      i => i.name === 'Grant options'
    )!;
    await run({ host: 'DOCS', function: 'onRequestFileScope', item: { id: doc.id } });
    const opened = await run({ host: 'DOCS', trigger: 'homepage', item: { id: doc.id } });
    const card = firstCard(opened.response);
    const button = allActions(card).find(a => a.functionName === 'onDeclare')!;
    const declared = await run({
      host: 'DOCS',
      function: 'onDeclare',
      item: { id: doc.id },
      parameters: button.parameters,
      form: { ...formValues(card), series: ['POL-DEV-01'], businessUnit: ['PPD'] },
    });
    expect(textOf(declared.response)).toMatch(/Declared as REC-2017-000001/);

    const executions = (await api<ExecutionRecord[]>('GET', '/api/executions')).body;
    const [declare, ...before] = executions;
    expect([declare.function, declare.user]).toEqual(['onDeclare', ALICE]);
    // The series folder and the register write, each a doPost of the DRO's web app.
    expect(before.slice(0, 2).map(e => [e.function, e.user, e.trigger])).toEqual([
      ['doPost', DRO, 'web app'],
      ['doPost', DRO, 'web app'],
    ]);
    expect(before[0].counts.byKey['SpreadsheetApp.Range.setValues']).toBe(2);
    // The web app's time is part of the time Alice waited for.
    expect(declare.ms).toBeGreaterThan(before[0].ms + before[1].ms);
    const register = emulator.workspace.state.spreadsheets;
    const rows = Object.values(register)
      .flatMap(s => s.sheets)
      .find(s => s.name === 'Register')!.rows;
    expect(rows[1]?.slice(0, 2)).toEqual(['REC-2017-000001', doc.id]);
  });
});
