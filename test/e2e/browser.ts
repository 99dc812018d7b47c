// Headless Debian Chromium driven by playwright-core, against the emulator on loopback.
// scripts/ensure-chromium.sh (run by `npm test`) installs Chromium when it is missing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { createEmulator } from '../../emulator/server';
import type { Emulator } from '../../emulator/server';
import { walkthroughs } from '../../emulator/walkthroughs';
import type { Seed } from '../../emulator/walkthrough-types';

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

/**
 * One browser for the test file, and a freshly seeded emulator for each test, in a data folder of
 * its own that is removed afterwards: no test sees what another one did. Registers the jest hooks;
 * call it at the top of a test file.
 */
export function emulatorPerTest(options: {
  /** Tells the data folders apart in the temporary folder. */
  name: string;
  seed: Seed;
  /** Fixes the emulator's wall clock; the real clock when missing. */
  clock?: () => number;
}) {
  let browser: Browser | undefined;
  let dataDir = '';
  let emulator: Emulator | undefined;

  const start = (reset: boolean) =>
    createEmulator({
      dataDir,
      port: 0,
      seed: options.seed,
      walkthroughs,
      reset,
      clock: options.clock,
    });

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `rc-e2e-${options.name}-`));
    emulator = await start(true);
  });
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const running = <T>(what: string, value: T | undefined): T => {
    if (!value) throw new Error(`No ${what}: use it inside a test, not at the file's top level`);
    return value;
  };
  return {
    browser: () => running('browser', browser),
    emulator: () => running('emulator', emulator),
    /** A new page on this test's emulator (see openEmulator). */
    open: () => openEmulator(running('browser', browser), running('emulator', emulator).url),
    /** Stops the emulator and starts it again on the state it saved, as after a power cut. */
    restart: async (): Promise<Emulator> => {
      await running('emulator', emulator).close();
      emulator = undefined;
      emulator = await start(false);
      return emulator;
    },
  };
}

/** Saves a screenshot named after the test step, for a person to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * A page on the emulator, with the problems it meets (script errors, requests leaving the
 * emulator) collected for the test to check at the end.
 */
export async function openEmulator(
  browser: Browser,
  url: string
): Promise<{ page: Page; problems: string[] }> {
  // A British user: dates show and are typed day first, as the department's staff see them.
  const page = await browser.newPage({
    viewport: { width: 1400, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const problems: string[] = [];
  page.on('pageerror', error => problems.push(error.message));
  page.on('request', request => {
    if (!request.url().startsWith(url) && !request.url().startsWith('data:'))
      problems.push(`request to ${request.url()}`);
  });
  await page.goto(url);
  await page.waitForSelector('[data-testid=sidebar]');
  return { page, problems };
}

/** Waits until the sidebar has finished running the add-on. */
export async function idle(page: Page): Promise<void> {
  await page.waitForSelector('[aria-busy=true]', { state: 'detached' });
}

/** The sidebar's text, whitespace collapsed. */
export async function sidebarText(page: Page): Promise<string> {
  await idle(page);
  return ((await page.textContent('[data-testid=sidebar]')) ?? '').replace(/\s+/g, ' ');
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.selectOption('[data-testid=user-picker]', email);
  await idle(page);
}

/** Waits for a toast saying `text` (an earlier toast may still be showing) and returns it. */
export async function toast(page: Page, text: string): Promise<string> {
  const selector = `[data-testid=toast]:not([hidden]):has-text(${JSON.stringify(text)})`;
  await page.waitForSelector(selector);
  return (await page.textContent(selector)) ?? '';
}

/** Presses the sidebar's button labelled `label`. */
export async function press(page: Page, label: string): Promise<void> {
  await page.click(`[data-testid=sidebar] [data-testid=${JSON.stringify(`button-${label}`)}]`);
}

/** Opens a file from the list of `host` (back to the list first if one is open) until `shown`. */
async function openFromList(
  page: Page,
  host: 'docs' | 'sheets',
  name: string,
  shown: string
): Promise<void> {
  await page.click(`[data-testid=host-${host}]`);
  if (await page.isVisible('[data-testid=back-to-list]'))
    await page.click('[data-testid=back-to-list]');
  await page.click(`[data-testid=main] .rc-item:has-text(${JSON.stringify(name)})`);
  await page.waitForSelector(shown);
}

/** Opens a document from the Docs list, and waits for its sidebar. */
export async function openDocument(page: Page, name: string): Promise<void> {
  await openFromList(page, 'docs', name, '[data-testid=document]');
  await idle(page);
}

/** Opens a spreadsheet from the Sheets list, and waits for its grid. */
export async function openSpreadsheet(page: Page, name: string): Promise<void> {
  await openFromList(page, 'sheets', name, '[data-testid=sheet-grid]');
}

/**
 * Opens the register in Sheets and allows the add-on access to it, until the records team's home
 * shows the element `then` (the part of the home the test goes on with).
 */
export async function openRegister(page: Page, then: string): Promise<void> {
  await openSpreadsheet(page, 'Records register');
  await page.waitForSelector('[data-testid="button-Allow access to this spreadsheet"]');
  await idle(page);
  await press(page, 'Allow access to this spreadsheet');
  await page.waitForSelector(`[data-testid=sidebar] ${then}`);
  await idle(page);
}

/** Allows the add-on access to the open document, and waits for the card that follows. */
export async function allowDocumentAccess(page: Page, then: string): Promise<void> {
  await press(page, 'Allow access to this document');
  await page.waitForSelector(`[data-testid=sidebar] ${then}`);
  await idle(page);
}
