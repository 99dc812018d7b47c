// The biannual ExCo report in a real browser: the Departmental Records Officer opens the
// register's sidebar, makes the report for the half-year, opens the Doc in the emulator and finds
// the per-unit figures, the table for ExCo's commentary and the charts; the report is itself a
// record in the register. Screenshots go to test-output/screenshots/.
import type { Page } from 'playwright-core';
import { PEOPLE } from '../../emulator/demo';
import { registerRowWhere, seedSearchDepartment } from '../../emulator/walkthroughs';
import {
  emulatorPerTest,
  idle,
  openRegister,
  openSpreadsheet,
  press,
  sidebarText,
  signIn,
  snap,
  toast,
} from './browser';

jest.setTimeout(120_000);

/** The half-year the demo's declarations (made on the emulator's first day) fall in. */
const PERIOD = '2017-18-H1';
const TITLE = 'ExCo information management report 2017-18 H1';

const e2e = emulatorPerTest({
  name: 'exco',
  // The board papers (BGS) and the projects' records (CSR, FRP) are declared on the first day.
  seed: seedSearchDepartment,
  // 20 May 2017, in the first half of 2017-18.
  clock: () => Date.UTC(2017, 4, 20, 10),
});

/** The Doc's tables as rows of cell texts. */
async function docTables(page: Page): Promise<string[][][]> {
  const tables = page.locator('[data-testid=document] [data-testid=doc-table]');
  const out: string[][][] = [];
  for (const table of await tables.all()) {
    const rows: string[][] = [];
    for (const row of await table.locator('tr').all())
      rows.push((await row.locator('td').allTextContents()).map(text => text.trim()));
    out.push(rows);
  }
  return out;
}

describe('the ExCo report in a browser', () => {
  it('is made from the register’s sidebar, opens as a Doc with its tables and charts, and is a record', async () => {
    const { page, problems } = await e2e.open();
    await signIn(page, PEOPLE.dro.email);
    await openRegister(page, '[data-testid="button-Make ExCo report"]');
    expect(await sidebarText(page)).toMatch(/Performance.*ExCo report for.*Make ExCo report/);

    await page.selectOption('[data-testid=sidebar] [data-testid=input-excoPeriod]', PERIOD);
    await snap(page, 'exco-report-home');
    await press(page, 'Make ExCo report');
    await toast(page, 'ExCo report made');
    const made = await sidebarText(page);
    expect(made).toContain(TITLE);
    expect(made).toMatch(
      /Made for 2017-18 H1 \(1 April – 30 September 2017\), from \d+ register rows/
    );
    const recordId = /It is a record: (REC-2017-\d{6}), OFFICIAL/.exec(made)?.[1] ?? '';
    expect(recordId).not.toBe('');
    await snap(page, 'exco-report-made');

    // The sidebar's link opens the new Doc in the emulator's Docs.
    await press(page, 'Open the report');
    await page.waitForSelector('[data-testid=document] [data-testid=doc-table]');
    await idle(page);
    expect(await page.textContent('[data-testid=document]')).toContain(TITLE);
    const [figures, narrative] = await docTables(page);
    expect(figures[0]).toEqual([
      'Business unit',
      'Records declared',
      'Emails captured',
      'Complete metadata',
      'OFFICIAL-SENSITIVE',
      'Lessons learned',
      'On legal hold',
      'Overdue reviews',
    ]);
    // The units that declared this half: the board papers, the CSR and FRP projects' records.
    const declared = (unit: string) => figures.find(row => row[0] === unit)?.[1];
    expect(declared('BGS')).toBe('2 (+2)');
    expect(declared('CSR')).toBe('3 (+3)');
    expect(declared('FRP')).toBe('1 (+1)');
    expect(declared('PPD')).toBe('0 (±0)');
    // Two of CSR's three declarations have a description; the commercial evaluation has none.
    const complete = figures[0].indexOf('Complete metadata');
    expect(figures.find(row => row[0] === 'CSR')?.[complete]).toMatch(/^67%/);
    expect(narrative[0]).toEqual(['Business unit', 'Commentary', 'Action']);
    expect(narrative.slice(1).map(row => row[0])).toEqual(figures.slice(1).map(row => row[0]));
    // The charts are images drawn from the figures: PNGs, with their alt text.
    const images = page.locator('[data-testid=document] [data-testid=doc-image]');
    expect(await images.count()).toBe(2);
    const first = images.first();
    expect(await first.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(
      await first.evaluate(img => (img as { naturalWidth: number }).naturalWidth)
    ).toBeGreaterThan(0);
    await first.scrollIntoViewIfNeeded();
    await snap(page, 'exco-report-doc');
    await page
      .locator('[data-testid=document] [data-testid=doc-table]')
      .first()
      .scrollIntoViewIfNeeded();
    await snap(page, 'exco-report-table');

    // The report is a record: its register row, in series GOV-BRD-01.
    const row = registerRowWhere(e2e.emulator().workspace.state, 'Record ID', recordId);
    expect(row).toMatchObject({ Title: TITLE, Series: 'GOV-BRD-01', Classification: 'OFFICIAL' });
    await openRegisterGrid(page);
    expect(await page.textContent('[data-testid=sheet-grid]')).toContain(TITLE);
    await snap(page, 'exco-report-in-register');
    expect(problems).toEqual([]);
  });
});

/** The register's Register tab, in Sheets. */
async function openRegisterGrid(page: Page): Promise<void> {
  await openSpreadsheet(page, 'Records register');
  await page.click('[data-testid=tab-Register]');
  await page.waitForSelector(`[data-testid=sheet-grid] :text(${JSON.stringify(TITLE)})`);
  await idle(page);
}
