// One record's life in a real browser: a member of staff declares a submission holding personal
// data; the Departmental Records Officer opens the register, selects it for transfer to The
// National Archives, reviews its sensitivity (40(2) suggested from PERSONAL DATA), builds the
// transfer package, and reads the package's metadata in Drive. Screenshots go to
// test-output/screenshots/.
import type { Page } from 'playwright-core';
import { DEMO, PEOPLE } from '../../emulator/demo';
import { PACKAGE_FILES, seedRecordsTeamDepartment } from '../../emulator/walkthroughs';
import {
  allowDocumentAccess,
  emulatorPerTest,
  idle,
  openDocument,
  openRegister,
  press,
  sidebarText,
  signIn,
  snap,
  toast,
} from './browser';

jest.setTimeout(120_000);

const TDR_HEADER =
  'filepath,filename,date last modified,date of the record,description,former reference,' +
  'closure status,closure start date,closure period,foi exemption code,foi schedule date,' +
  'is filename closed,alternate filename,is description closed,alternate description,language,' +
  'translated filename,copyright,related material,restrictions on use,evidence provided by';

const e2e = emulatorPerTest({
  name: 'team',
  seed: seedRecordsTeamDepartment,
  // January 2026: the migrated archive has records due for review, disposal and transfer.
  clock: () => Date.UTC(2026, 0, 12, 10),
});

/** The Policy Officer declares the submission OFFICIAL-SENSITIVE with PERSONAL DATA. */
async function declareWithPersonalData(page: Page): Promise<string> {
  await signIn(page, PEOPLE.policy.email);
  await openDocument(page, DEMO.submission);
  await allowDocumentAccess(page, '[data-testid=input-series]');
  await page.selectOption('[data-testid=input-classification]', 'OFFICIAL-SENSITIVE');
  await idle(page);
  // The OFFICIAL-SENSITIVE details start collapsed, as in the real sidebar.
  await page
    .locator('[data-testid=sidebar] [data-testid=section]', {
      hasText: 'OFFICIAL-SENSITIVE details',
    })
    .locator('[data-testid=show-more]')
    .click();
  const personal = page.locator('[data-testid=sidebar] label.rc-choice', {
    hasText: 'PERSONAL DATA',
  });
  await personal.locator('input').check();
  await page.selectOption('[data-testid=input-series]', 'POL-DEV-01');
  await page.selectOption('[data-testid=input-businessUnit]', 'PPD');
  await press(page, 'Declare record');
  const text = await toast(page, 'Declared as');
  await idle(page);
  await page.waitForSelector('[data-testid=document] :text("OFFICIAL-SENSITIVE - PERSONAL DATA")');
  return /REC-\d{4}-\d{6}/.exec(text)?.[0] ?? '';
}

describe('the records team in a browser', () => {
  it('takes one record from declaration through review to the transfer package', async () => {
    const { page, problems } = await e2e.open();
    const recordId = await declareWithPersonalData(page);
    expect(recordId).toMatch(/^REC-2026-\d{6}$/);

    // The DRO opens the register: the records team's home, and the team's tabs in the sheet.
    await signIn(page, PEOPLE.dro.email);
    await openRegister(page, '[data-testid="button-Refresh review queue"]');
    expect(await sidebarText(page)).toMatch(
      /Records team.*What is due.*Review decisions.*Transfer to The National Archives.*Audit log/
    );
    for (const tab of ['Review queue', 'Records team', 'Legal holds', 'Disposals'])
      await page.waitForSelector(`[data-testid=${JSON.stringify(`tab-${tab}`)}]`);

    // Refresh the Review queue; its Select column is a column of checkboxes the DRO can tick.
    await press(page, 'Refresh review queue');
    await toast(page, 'Review queue refreshed');
    await page.click('[data-testid="tab-Review queue"]');
    const box = page.locator('[data-testid=cell-check-A2]');
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await page.waitForSelector('[data-testid=cell-check-A2]:checked');
    const { state } = e2e.emulator().workspace;
    const queue = state.spreadsheets[
      JSON.parse(state.properties.script['records-capture.config']!).registerId
    ].sheets.find(s => s.name === 'Review queue')!;
    expect(queue.rows[1]![0]).toBe(true);
    await box.uncheck();
    await page.waitForSelector('[data-testid=cell-check-A2]:not(:checked)');
    expect(queue.rows[1]![0]).toBe(false);
    await snap(page, 'records-team-home');

    // Decide on the new record by its ID: select it for transfer.
    await page.fill('[data-testid=sidebar] [data-testid=input-reviewRecordIds]', recordId);
    await press(page, 'Decide on these records');
    await page.waitForSelector(`[data-testid=sidebar] :text("Review ${recordId}")`);
    await idle(page);
    await press(page, 'Select for transfer');
    await toast(page, '1 done');
    expect(await sidebarText(page)).toContain(
      `${recordId} selected for transfer to The National Archives`
    );
    await snap(page, 'review-decision');

    // The sensitivity review comes pre-filled from PERSONAL DATA: closed under 40(2).
    await press(page, 'Sensitivity review');
    await page.waitForSelector(`[data-testid=sidebar] :text("Sensitivity review: ${recordId}")`);
    await idle(page);
    expect(await sidebarText(page)).toMatch(
      /Descriptors recorded at declaration: PERSONAL DATA\. Suggested exemption: 40\(2\)/
    );
    expect(await page.inputValue('[data-testid=input-foiExemptionCodes]')).toBe('40(2)');
    expect(await page.inputValue('[data-testid=input-closureStatus]')).toBe('Closed');
    await snap(page, 'sensitivity-review');
    await press(page, 'Save sensitivity review');
    await toast(page, '1 done');
    await idle(page);

    // Build the transfer package from the home card.
    await page.click('[data-testid=sidebar] [data-testid=back]');
    await page.click('[data-testid=sidebar] [data-testid=back]');
    await press(page, 'Transfer package');
    await page.waitForSelector(
      '[data-testid=sidebar] [data-testid="button-Build transfer package"]'
    );
    await idle(page);
    await press(page, 'Build transfer package');
    await toast(page, 'Package ready');
    expect(await sidebarText(page)).toMatch(/The package is ready: 1 file\(s\) in it/);

    // Open the package in Drive from the card and read its metadata as text.
    await press(page, 'Open package');
    await page.waitForSelector(
      `[data-testid=drive-folder] :text(${JSON.stringify(PACKAGE_FILES.metadata)})`
    );
    await idle(page);
    const folder = (await page.textContent('[data-testid=drive-folder]')) ?? '';
    expect(folder).toMatch(/Transfer to The National Archives 2026-01-12 1/);
    for (const name of Object.values(PACKAGE_FILES)) expect(folder).toContain(name);
    await snap(page, 'transfer-package');
    await page
      .locator('.rc-drive-row', { hasText: PACKAGE_FILES.metadata })
      .locator('[data-testid^=open-text-]')
      .click();
    const metadata = (await page.locator('[data-testid=text-content]').textContent()) ?? '';
    expect(metadata.split(/\r?\n/)[0]).toBe(TDR_HEADER);
    // The record's line: its PDF under the series folder, closed for 84 years under 40(2).
    const lines = metadata
      .split(/\r?\n/)
      .filter(l => l.startsWith(`content/POL-DEV-01/${recordId} `));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Community Resilience Grant allocation options.pdf');
    expect(lines[0]).toContain(`,${recordId},Closed,2026-01-12,84,40(2),`);
    await snap(page, 'transfer-metadata');
    expect(problems).toEqual([]);
  });
});
