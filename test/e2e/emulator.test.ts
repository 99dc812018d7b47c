// The emulator in a real browser: what a trainer or a new member of staff does, clicked through
// in headless Chromium. Screenshots of each step go to test-output/screenshots/.
import type { Page } from 'playwright-core';
import { DEMO, MAIL, PEOPLE, seedDemo } from '../../emulator/demo';
import {
  allowDocumentAccess,
  emulatorPerTest,
  idle,
  openDocument,
  openSpreadsheet,
  sidebarText,
  signIn,
  snap,
  toast,
} from './browser';

jest.setTimeout(120_000);

const e2e = emulatorPerTest({ name: 'emulator', seed: seedDemo });

async function allowAccess(page: Page): Promise<void> {
  // The permission card has the same title as the form: wait for the form's own field.
  await allowDocumentAccess(page, '[data-testid=input-series]');
}

async function setUpRegister(page: Page): Promise<void> {
  await signIn(page, PEOPLE.dro.email);
  await openDocument(page, DEMO.minutes);
  await page.click('[data-testid="button-Create register"]');
  await toast(page, 'Register created');
  await idle(page);
}

async function declareSubmission(
  page: Page,
  beforeDeclaring?: () => Promise<void>
): Promise<string> {
  await signIn(page, PEOPLE.policy.email);
  await openDocument(page, DEMO.submission);
  await allowAccess(page);
  await beforeDeclaring?.();
  await page.selectOption('[data-testid=input-series]', 'POL-DEV-01');
  await page.selectOption('[data-testid=input-businessUnit]', 'PPD');
  await page.click('[data-testid="button-Declare record"]');
  const text = await toast(page, 'Declared as');
  await idle(page);
  return /REC-\d{4}-\d{6}/.exec(text)?.[0] ?? '';
}

/** Opens an email from the inbox, chooses the series and business unit, and flags it. */
async function flagFromInbox(page: Page, subject: string, snapName?: string): Promise<void> {
  await page.click('[data-testid=host-gmail]');
  if (await page.isVisible('[data-testid=back-to-list]'))
    await page.click('[data-testid=back-to-list]');
  await page.waitForSelector('[data-testid=inbox]');
  await page.locator('[data-testid^=message-]', { hasText: subject }).click();
  await page.waitForSelector('[data-testid=email]');
  await page.waitForSelector('[data-testid="button-Flag for capture"]');
  await idle(page);
  await page.selectOption('[data-testid=input-series]', 'FIN-ACC-01');
  await page.selectOption('[data-testid=input-businessUnit]', 'FCE');
  if (snapName) await snap(page, snapName);
  await page.click('[data-testid="button-Flag for capture"]');
  await toast(page, 'Flagged for capture');
  await page.waitForSelector('[data-testid=email] [data-testid="label-Records/To capture"]');
  await idle(page);
}

/** Back to the inbox with no email open: Gmail's sidebar shows the add-on's homepage card. */
async function gmailHomepage(page: Page): Promise<void> {
  await page.click('[data-testid=back-to-list]');
  await page.waitForSelector('[data-testid=inbox]');
  await page.waitForSelector('[data-testid=sidebar] :text("Capture flagged email every hour")');
  await idle(page);
}

/** Restarts the flag-and-sweep walkthrough and flags two routine emails from the sidebar. */
async function flagTwoRoutineEmails(page: Page, snapFirst?: string): Promise<void> {
  await page.click('[data-testid=trainer-toggle]');
  await page.click('[data-testid=restart-flag-and-sweep]');
  // The restart signs the Finance Officer in.
  await page.waitForSelector(
    `[data-testid=user-picker] option:checked[value=${JSON.stringify(PEOPLE.finance.email)}]`,
    { state: 'attached' }
  );
  await page.waitForSelector('[data-testid=step-flag-two][data-done=false]');
  await page.locator('[data-testid=walkthrough-flag-and-sweep]').scrollIntoViewIfNeeded();
  await flagFromInbox(page, MAIL.remittance.subject, snapFirst);
  await flagFromInbox(page, MAIL.purchaseOrder.subject);
  await page.waitForSelector('[data-testid=step-flag-two][data-done=true]');
  await gmailHomepage(page);
  const flagged = page.locator('[data-testid^=message-]', {
    has: page.locator('[data-testid="label-Records/To capture"]'),
  });
  expect(await flagged.count()).toBe(2);
}

async function switchOnHourly(page: Page): Promise<void> {
  await page.click('[data-testid=sidebar] [data-testid=input-hourly]');
  await toast(page, 'Flagged email will be captured every hour');
  await idle(page);
  expect(await page.isChecked('[data-testid=sidebar] [data-testid=input-hourly]')).toBe(true);
  await page.waitForSelector('[data-testid=step-hourly][data-done=true]');
}

/** The inbox once both flagged emails have moved to Records/Captured. */
async function capturedInInbox(page: Page): Promise<void> {
  const captured = page.locator('[data-testid^=message-]', {
    has: page.locator('[data-testid="label-Records/Captured"]'),
  });
  await captured.nth(1).waitFor();
  expect(await captured.count()).toBe(2);
  expect(await page.locator('[data-testid="label-Records/To capture"]').count()).toBe(0);
}

describe('the emulator in a browser', () => {
  it('walks a records administrator through first-run setup; staff are told whom to ask', async () => {
    const { page, problems } = await e2e.open();
    await signIn(page, PEOPLE.policy.email);
    await openDocument(page, DEMO.submission);
    expect(await sidebarText(page)).toMatch(/not set up yet.*dro@dfrr.gov.uk/);
    await snap(page, '01-staff-before-setup');
    await signIn(page, PEOPLE.dro.email);
    await openDocument(page, DEMO.minutes);
    expect(await sidebarText(page)).toMatch(/Create register/);
    await snap(page, '02-setup-card');
    await page.click('[data-testid="button-Create register"]');
    await toast(page, 'Register created');
    expect(await sidebarText(page)).toMatch(/Room for about/);
    await snap(page, '03-register-created');
    expect(problems).toEqual([]);
  });

  it('declares a Doc end to end: the header shows the marking and the register shows the row', async () => {
    const { page, problems } = await e2e.open();
    await setUpRegister(page);
    const recordId = await declareSubmission(page, () => snap(page, '04-declare-form'));
    expect(recordId).toMatch(/^REC-\d{4}-000001$/);
    await page.waitForSelector('[data-testid=document] :text("OFFICIAL")');
    const documentText = (await page.textContent('[data-testid=document]')) ?? '';
    expect(documentText).toMatch(/HEADER\s*OFFICIAL/i);
    await snap(page, '05-declared-document');

    await openSpreadsheet(page, 'Records register');
    const grid = (await page.textContent('[data-testid=sheet-grid]')) ?? '';
    expect(grid).toContain(recordId);
    expect(grid).toContain('POL-DEV-01');
    await snap(page, '06-register-row');
    expect(problems).toEqual([]);
  });

  it('refuses a SECRET document and says where it belongs', async () => {
    const { page } = await e2e.open();
    await setUpRegister(page);
    await signIn(page, PEOPLE.policy.email);
    await openDocument(page, DEMO.threat);
    await allowDocumentAccess(page, ':text("Cannot be declared")');
    const text = await sidebarText(page);
    expect(text).toMatch(/SECRET marking and cannot be held here/);
    expect(text).toMatch(/Rosa/);
    expect(await page.isVisible('[data-testid="button-Declare record"]')).toBe(false);
    await snap(page, '07-secret-refused');
  });

  it('takes a trainee through the "declare a document" walkthrough, ticking each step', async () => {
    const { page } = await e2e.open();
    await page.click('[data-testid=trainer-toggle]');
    await page.click('[data-testid=restart-declare-document]');
    await page.waitForSelector('[data-testid=step-open][data-done=false]');
    await snap(page, '08-walkthrough-start');
    await openDocument(page, DEMO.submission);
    await page.waitForSelector('[data-testid=step-open][data-done=true]');
    await allowAccess(page);
    await page.selectOption('[data-testid=input-series]', 'POL-DEV-01');
    await page.selectOption('[data-testid=input-businessUnit]', 'PPD');
    await page.click('[data-testid="button-Declare record"]');
    await toast(page, 'Declared as');
    for (const step of ['open', 'declare', 'marked', 'filed']) {
      await page.waitForSelector(`[data-testid=step-${step}][data-done=true]`);
    }
    await snap(page, '09-walkthrough-done');
  });

  it('captures an email from Gmail in the "capture an email" walkthrough', async () => {
    const { page, problems } = await e2e.open();
    await page.click('[data-testid=trainer-toggle]');
    await page.click('[data-testid=restart-capture-email]');
    await page.waitForSelector('[data-testid=step-open-email][data-done=false]');
    await signIn(page, PEOPLE.policy.email);
    await page.click('[data-testid=host-gmail]');
    await page.waitForSelector('[data-testid=inbox]');
    const decision = page.locator('[data-testid^=message-]', { hasText: 'SoS decision' });
    expect(await decision.locator('[data-testid=marking]').textContent()).toBe(
      'OFFICIAL-SENSITIVE'
    );
    await snap(page, '11-gmail-inbox');

    await decision.click();
    await page.waitForSelector('[data-testid=email]');
    await page.waitForSelector('[data-testid="button-Capture now"]');
    const email = (await page.textContent('[data-testid=email]')) ?? '';
    expect(email).toContain('Private Secretary to the Secretary of State <ps.sos@dfrr.gov.uk>');
    expect(email).toMatch(/Secretary of State has read your submission/);
    expect(await sidebarText(page)).toMatch(/From\s*Private Secretary to the Secretary of State/);
    await page.waitForSelector('[data-testid=step-open-email][data-done=true]');
    await page.selectOption('[data-testid=input-series]', 'POL-DEV-01');
    await page.selectOption('[data-testid=input-businessUnit]', 'PPD');
    await snap(page, '12-gmail-capture-form');
    await page.click('[data-testid="button-Capture now"]');
    const recordId = /REC-\d{4}-\d{6}/.exec(await toast(page, 'Captured as REC-'))?.[0] ?? '';
    expect(recordId).toMatch(/^REC-\d{4}-000001$/);
    await page.waitForSelector('[data-testid=step-capture][data-done=true]');
    await snap(page, '13-gmail-captured');

    await openSpreadsheet(page, 'Records register');
    const grid = (await page.textContent('[data-testid=sheet-grid]')) ?? '';
    expect(grid).toContain(recordId);
    expect(grid).toContain('Email');
    expect(grid).toContain(MAIL.decision.messageId);
    await page.waitForSelector('[data-testid=step-check-row][data-done=true]');
    await snap(page, '14-gmail-register-row');

    // The row's Link opens the original where an OFFICIAL-SENSITIVE email is kept: the
    // capturer's restricted folder (the series folder holds shortcuts to it).
    await page.click('[data-testid=cell-link-C2]');
    await page.waitForSelector(
      '[data-testid=drive-folder] :text("OFFICIAL-SENSITIVE email records")'
    );
    const folder = (await page.textContent('[data-testid=drive-folder]')) ?? '';
    expect(folder).toMatch(new RegExp(`${recordId} .*\\.eml`));
    expect(folder).toMatch(new RegExp(`${recordId} .*\\.pdf`));
    await page.waitForSelector('[data-testid=step-saved-files][data-done=true]');
    await idle(page);
    await snap(page, '15-gmail-saved-files');
    expect(problems).toEqual([]);
  });

  it('flags routine email and captures it with the scheduled capture in the "flag and sweep" walkthrough', async () => {
    const { page, problems } = await e2e.open();
    await flagTwoRoutineEmails(page, '16-flag-form');
    await snap(page, '17-flagged-homepage');
    await switchOnHourly(page);
    await page.click('[data-testid="button-Capture flagged now"]');
    expect(await toast(page, '2 captured')).toMatch(/2 captured, 0 not captured/);
    await idle(page);
    expect(await sidebarText(page)).toMatch(/Scheduled capture\s*2 of 2 captured, 0 failed/);
    await page.waitForSelector('[data-testid=step-run-capture][data-done=true]');
    await capturedInInbox(page);
    await snap(page, '18-captured-flagged-now');

    await openSpreadsheet(page, 'Records register');
    const grid = (await page.textContent('[data-testid=sheet-grid]')) ?? '';
    expect(grid).toContain(MAIL.remittance.messageId);
    expect(grid).toContain(MAIL.purchaseOrder.messageId);
    expect(grid).toContain('FIN-ACC-01');
    for (const step of ['flag-two', 'hourly', 'run-capture', 'check-register'])
      await page.waitForSelector(`[data-testid=step-${step}][data-done=true]`);
    await snap(page, '19-flag-and-sweep-done');
    expect(problems).toEqual([]);
  });

  it('runs the hourly capture from the developer panel’s trigger list', async () => {
    const { page, problems } = await e2e.open();
    await flagTwoRoutineEmails(page);
    await switchOnHourly(page);
    await page.click('[data-testid=dev-toggle]');
    const trigger = page.locator('[data-testid^=trigger-]', { hasText: 'onCaptureSweep' });
    await trigger.waitFor();
    expect(await trigger.textContent()).toContain(`every 1 h · ${PEOPLE.finance.email}`);
    await trigger.locator('[data-testid^=run-trigger-]').click();
    await trigger.locator('.rc-trigger-status:has-text("Done")').waitFor();
    // The trigger's run shows no card and no notification: the page redraws what changed.
    await page.waitForSelector('[data-testid=step-run-capture][data-done=true]');
    await capturedInInbox(page);
    await page.waitForSelector(
      '[data-testid=sidebar] .rc-decorated:has-text("2 of 2 captured, 0 failed")'
    );
    expect(await page.isVisible('[data-testid=toast]:has-text("2 captured")')).toBe(false);
    await page.waitForSelector('[data-testid=executions] td:text-is("onCaptureSweep")');
    // The run's outcome stays by the trigger when the list is drawn again.
    await idle(page);
    expect(await trigger.locator('.rc-trigger-status').textContent()).toMatch(/^Done: \d+ ms/);
    await snap(page, '20-trigger-run');
    expect(problems).toEqual([]);
  });

  it('keeps everything after a reload and after the emulator restarts', async () => {
    const { page } = await e2e.open();
    await setUpRegister(page);
    const recordId = await declareSubmission(page);
    await page.reload();
    await page.waitForSelector('[data-testid=sidebar]');
    await openDocument(page, DEMO.submission);
    expect(await sidebarText(page)).toContain(recordId);
    await page.close();

    await e2e.restart();
    const { page: again } = await e2e.open();
    await signIn(again, PEOPLE.policy.email);
    await openDocument(again, DEMO.submission);
    expect(await sidebarText(again)).toMatch(new RegExp(`Already a record.*${recordId}`));
    await snap(again, '10-after-restart');
  });

  it('loses and duplicates nothing when two tabs declare at the same moment', async () => {
    const { page: setup } = await e2e.open();
    await setUpRegister(setup);
    const { page: alice } = await e2e.open();
    const { page: bob } = await e2e.open();
    await signIn(alice, PEOPLE.policy.email);
    await openDocument(alice, DEMO.submission);
    await allowAccess(alice);
    await signIn(bob, PEOPLE.policy.email);
    await openDocument(bob, DEMO.legacy);
    await allowAccess(bob);
    for (const page of [alice, bob]) {
      await page.selectOption('[data-testid=input-series]', 'POL-DEV-01');
      await page.selectOption('[data-testid=input-businessUnit]', 'PPD');
    }
    await Promise.all([
      alice.click('[data-testid="button-Declare record"]'),
      bob.click('[data-testid="button-Declare record"]'),
    ]);
    const [a, b] = await Promise.all([toast(alice, 'Declared as'), toast(bob, 'Declared as')]);
    const ids = [a, b].map(t => /REC-\d{4}-\d{6}/.exec(t)?.[0]);
    expect(new Set(ids).size).toBe(2);
    const register = Object.values(e2e.emulator().workspace.state.spreadsheets).find(
      s => s.name === 'Records register'
    )!;
    const rows = register.sheets[0].rows.slice(1).filter(r => r && r[0]);
    expect(rows).toHaveLength(2);
  });
});
