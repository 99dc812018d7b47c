// Lessons learned in a real browser: the Casework System Replacement's project manager records a
// lesson from the sidebar of the project's business case; the register's Lessons tab shows it in
// Sheets; the next document of the series shows it in its sidebar. Screenshots go to
// test-output/screenshots/.
import type { Page } from 'playwright-core';
import { PEOPLE } from '../../emulator/demo';
import { PROJECTS } from '../../emulator/demo/projects';
import { seedProjectDepartment } from '../../emulator/walkthroughs';
import {
  allowDocumentAccess,
  emulatorPerTest,
  idle,
  openDocument,
  openSpreadsheet,
  press,
  sidebarText,
  signIn,
  snap,
  toast,
} from './browser';

jest.setTimeout(120_000);

const LESSON = {
  project: 'Casework System Replacement',
  happened: 'Requirements were signed off late: no business owner was named for them.',
  lesson: 'Name a business owner for every requirement before procurement starts.',
  action: 'Add named business owners to the requirements template by April',
};

const e2e = emulatorPerTest({
  name: 'lessons',
  seed: seedProjectDepartment,
  clock: () => Date.UTC(2017, 2, 1, 10),
});

const field = (name: string) => `[data-testid=sidebar] [data-testid=input-${name}]`;

/** Opens the register in Sheets at its Lessons tab. */
async function openLessonsTab(page: Page): Promise<string> {
  await openSpreadsheet(page, 'Records register');
  await page.click('[data-testid=tab-Lessons]');
  await page.waitForSelector(`[data-testid=sheet-grid] :text(${JSON.stringify(LESSON.lesson)})`);
  return (await page.textContent('[data-testid=sheet-grid]')) ?? '';
}

describe('lessons learned in a browser', () => {
  it('records a lesson from a project document, seen in the register and the next document', async () => {
    const { page, problems } = await e2e.open();
    await signIn(page, PEOPLE.project.email);
    await openDocument(page, PROJECTS.businessCase);
    await allowDocumentAccess(page, '[data-testid="button-Record a lesson"]');
    expect(await sidebarText(page)).toMatch(
      /Lessons from PRJ-GOV-01\s*No lessons recorded for this series yet/
    );

    // The form opens on the document's series; the stage is the project manager's to say.
    await press(page, 'Record a lesson');
    await page.waitForSelector(field('lesson'));
    await idle(page);
    expect(await page.inputValue(field('series'))).toBe('PRJ-GOV-01');
    await page.fill(field('project'), LESSON.project);
    await page.selectOption(field('businessUnit'), 'CSR');
    await page
      .locator('[data-testid=sidebar] label.rc-choice', {
        hasText: 'During the project',
      })
      .locator('input')
      .check();
    await page.fill(field('happened'), LESSON.happened);
    await page.fill(field('lesson'), LESSON.lesson);
    await page.fill(field('action'), LESSON.action);
    await page.fill(field('owner'), PEOPLE.project.email);
    await snap(page, 'lesson-form');
    await press(page, 'Record lesson');
    const recorded = await toast(page, 'Lesson recorded as');
    const lessonId = /LES-2017-\d{6}/.exec(recorded)?.[0] ?? '';
    expect(lessonId).toMatch(/^LES-2017-\d{6}$/);
    const confirmation = await sidebarText(page);
    expect(confirmation).toContain(`Recorded as ${lessonId} in the register’s Lessons tab.`);
    expect(confirmation).toContain(`During · ${lessonId}`);
    expect(confirmation).toContain('Record another lesson');
    await snap(page, 'lesson-recorded');

    // The register's Lessons tab, in Sheets: the row, who recorded it and the record it came from.
    const grid = await openLessonsTab(page);
    for (const text of [lessonId, LESSON.project, 'PRJ-GOV-01', 'During', LESSON.action])
      expect(grid).toContain(text);
    expect(grid).toContain(PEOPLE.project.email);
    expect(grid).toMatch(/REC-2017-\d{6}/);
    await snap(page, 'lessons-tab');

    // The Gate 4 draft, in the same series folder and not yet a record, shows the lesson.
    await openDocument(page, PROJECTS.gate4Draft);
    await allowDocumentAccess(page, ':text("Lessons from PRJ-GOV-01")');
    const draft = await sidebarText(page);
    expect(draft).toContain(LESSON.project);
    expect(draft).toContain(LESSON.lesson);
    expect(draft).toContain(`Action: ${LESSON.action} (${PEOPLE.project.email})`);
    await page
      .locator('[data-testid=sidebar] [data-testid=section]', { hasText: 'Lessons from' })
      .scrollIntoViewIfNeeded();
    await snap(page, 'lesson-in-series');
    expect(problems).toEqual([]);
  });
});
