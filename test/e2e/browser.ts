// Headless Debian Chromium driven by playwright-core, against the emulator on loopback.
// scripts/ensure-chromium.sh (run by `npm test`) installs Chromium when it is missing.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');

function chromiumPath(): string {
  const found = execFileSync('bash', ['-c', 'command -v chromium || true'], {
    encoding: 'utf8',
  }).trim();
  if (!found)
    throw new Error(
      'Chromium is not installed: run `npm test`, which installs it, or apt-get install chromium'
    );
  return found;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // The machine has no network: stop Chromium reaching for Google's services at start.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a screenshot named after the test step, for a person to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
