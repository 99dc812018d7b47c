// The README is what a department installs from: it must match the product.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { textOf } from '../../fakes/card-service/query';
import { homepageEvent } from '../../fakes/events';
import { TABS } from '../../src/domain/register-schema';
import { DRO, newWorkspace, setUpRegister } from '../support/department';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('opens with the command that installs and runs every test, which CI runs too', () => {
    const firstLines = readme.split('\n').slice(0, 8).join('\n');
    expect(firstLines).toContain('npm ci && npm test');
    expect(firstLines).toContain('npm ci && npm start');
    expect(readFileSync(join(root, '.ci', 'run'), 'utf8')).toContain('npm ci && npm test');
  });

  it('shows the emulator screenshot it refers to', () => {
    const image = /!\[[^\]]*\]\(([^)]+\.png)\)/.exec(readme)?.[1];
    expect(image).toBeDefined();
    expect(readFileSync(join(root, image!)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('explains every OAuth scope the manifest asks for', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));
    for (const scope of manifest.oauthScopes as string[]) {
      const short = scope.replace('https://www.googleapis.com/auth/', '');
      expect(readme).toMatch(new RegExp(`\\|\\s*\`${escape(short)}\`\\s*\\|\\s*\\S`));
    }
  });

  it('documents every column of every register tab', () => {
    for (const tab of Object.values(TABS)) {
      expect(readme).toContain(`**${tab.name}**`);
      for (const column of tab.columns) {
        expect(readme).toMatch(new RegExp(`\\|\\s*${escape(column.header)}\\s*\\|`));
      }
    }
  });

  it('states the register headroom the setup card shows', () => {
    const ws = newWorkspace();
    setUpRegister(ws);
    const text = textOf(ws.run('onHomepage', homepageEvent('DOCS'), { user: DRO }).json);
    const shown = /([\d,]+) more records/.exec(text)?.[1];
    expect(shown).toBeDefined();
    expect(readme).toContain(`about **${shown} records**`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
