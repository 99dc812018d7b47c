// Finding a record in a real browser: a member of staff types title words in the Find a record
// box of a Docs sidebar, narrows the search by series and date with More options, and opens a
// result in the emulator; a record that is not shared with them is never listed. Screenshots go
// to test-output/screenshots/.
import type { Page } from 'playwright-core';
import { DEMO, PEOPLE } from '../../emulator/demo';
import { PROJECTS } from '../../emulator/demo/projects';
import { registerRowFor, seedSearchDepartment } from '../../emulator/walkthroughs';
import {
  allowDocumentAccess,
  emulatorPerTest,
  idle,
  openDocument,
  press,
  sidebarText,
  signIn,
  snap,
} from './browser';

jest.setTimeout(120_000);

const e2e = emulatorPerTest({
  name: 'search',
  seed: seedSearchDepartment,
  // March 2017: the board papers and the projects' records are declared.
  clock: () => Date.UTC(2017, 2, 1, 10),
});

const idOf = (name: string) =>
  Object.values(e2e.emulator().workspace.state.drive).find(i => i.name === name)!.id;

/** Waits for a page of results, and returns the titles listed on it. */
async function resultTitles(page: Page): Promise<string[]> {
  await page.waitForSelector('[data-testid=sidebar] :text("Search results")');
  await idle(page);
  const results = page.locator('[data-testid=sidebar] [data-testid=widget-decoratedText]', {
    has: page.locator('[data-testid="button-Open"]'),
  });
  const titles: string[] = [];
  for (const text of await results.allTextContents()) {
    const title = [DEMO.minutes, DEMO.exco, ...Object.values(PROJECTS)].find(t => text.includes(t));
    titles.push(title ?? text);
  }
  return titles.sort();
}

describe('finding a record in a browser', () => {
  it('searches by title words, narrows by series and date, and opens the record found', async () => {
    const { page, problems } = await e2e.open();
    await signIn(page, PEOPLE.policy.email);
    await openDocument(page, DEMO.submission);
    await allowDocumentAccess(page, '[data-testid=input-searchQuery]');
    expect(await sidebarText(page)).toMatch(/Find a record.*Search.*More options/);

    // Title words in the box under the document's card.
    await page.fill('[data-testid=sidebar] [data-testid=input-searchQuery]', 'ExCo');
    await press(page, 'Search');
    expect(await resultTitles(page)).toEqual([DEMO.exco, DEMO.minutes].sort());
    const results = await sidebarText(page);
    expect(results).toMatch(/Search results.*Page 1/);
    expect(results).toContain('Searched for title words: exco.');
    expect(results).toContain('Only records you can open are listed.');
    expect(results).toMatch(/GOV-BRD-01 · \d{1,2} \w+ 2017 · Declared/);
    await snap(page, 'search-results');

    // More options: the series first, then the dates narrow it to the Gate 3 report.
    await page.click('[data-testid=sidebar] [data-testid=back]');
    await page.waitForSelector('[data-testid=sidebar] [data-testid=input-searchQuery]');
    await idle(page);
    await page.fill('[data-testid=sidebar] [data-testid=input-searchQuery]', '');
    await press(page, 'More options');
    await page.waitForSelector('[data-testid=sidebar] [data-testid=input-searchSeries]');
    await idle(page);
    await page.selectOption('[data-testid=sidebar] [data-testid=input-searchSeries]', 'PRJ-LES-01');
    await press(page, 'Search');
    expect(await resultTitles(page)).toEqual([PROJECTS.frpClosure, PROJECTS.gate3Lessons].sort());
    await page.click('[data-testid=sidebar] [data-testid=back]');
    await page.waitForSelector('[data-testid=sidebar] [data-testid=input-searchFrom]');
    await idle(page);
    expect(await page.inputValue('[data-testid=sidebar] [data-testid=input-searchSeries]')).toBe(
      'PRJ-LES-01'
    );
    await page.fill('[data-testid=sidebar] [data-testid=input-searchFrom]', '2016-11-01');
    await page.fill('[data-testid=sidebar] [data-testid=input-searchTo]', '2016-11-30');
    await snap(page, 'search-more-options');
    await press(page, 'Search');
    expect(await resultTitles(page)).toEqual([PROJECTS.gate3Lessons]);
    expect(await sidebarText(page)).toContain(
      'Searched for series PRJ-LES-01; dated 2016-11-01 to 2016-11-30.'
    );
    await snap(page, 'search-narrowed');

    // Open: the record opens in Docs, its own sidebar beside it.
    await page
      .locator('[data-testid=sidebar] [data-testid=widget-decoratedText]', {
        hasText: PROJECTS.gate3Lessons,
      })
      .locator('[data-testid="button-Open"]')
      .click();
    await page.waitForSelector(
      `[data-testid=document][data-id=${JSON.stringify(idOf(PROJECTS.gate3Lessons))}]`
    );
    await idle(page);
    expect(await page.textContent('[data-testid=document]')).toContain(
      'CSR Gate 3 (investment decision) review'
    );
    await snap(page, 'search-opened');
    expect(problems).toEqual([]);
  });

  it('never lists a record the member of staff cannot open', async () => {
    const { page, problems } = await e2e.open();
    await signIn(page, PEOPLE.policy.email);
    await openDocument(page, DEMO.submission);
    await allowDocumentAccess(page, '[data-testid=input-searchQuery]');
    await page.fill('[data-testid=sidebar] [data-testid=input-searchQuery]', 'CSR');
    await press(page, 'Search');
    // The commercial evaluation is a CSR record too, but OFFICIAL-SENSITIVE and not shared.
    expect(await resultTitles(page)).toEqual([PROJECTS.businessCase, PROJECTS.gate3Lessons].sort());
    expect(await sidebarText(page)).not.toContain(PROJECTS.commercial);
    expect(registerRowFor(e2e.emulator().workspace.state, idOf(PROJECTS.commercial))).toMatchObject(
      {
        Classification: 'OFFICIAL-SENSITIVE',
      }
    );
    await snap(page, 'search-not-shared');
    expect(problems).toEqual([]);
  });
});
