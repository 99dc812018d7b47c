// "Probably a record": suggestions on the Docs, Drive and Gmail homepages, from the rules the
// records team keeps in the register's "Suggestion rules" tab, through the built bundle.
import { allActions, textOf } from '../../fakes/card-service/query';
import { actionEvent, editorEvent, homepageEvent } from '../../fakes/events';
import type { AddonEventJson, FormValue } from '../../fakes/events';
import { firstCard, formValues } from '../../fakes/form';
import { PEOPLE, plainMessage } from '../../fakes/gmail/fixtures';
import { addMessageFromRaw } from '../../fakes/gmail/seed';
import type { Workspace } from '../../fakes/harness/workspace';
import {
  ALICE,
  declareDoc,
  department,
  DRO,
  newDocument,
  openDoc,
  registerId,
  registerRows,
  TYPICAL,
} from '../support/department';

const DAY = 24 * 60 * 60 * 1000;
const CAPTURED = 'Records/Captured';

function run(ws: Workspace, name: string, event: AddonEventJson, user = ALICE) {
  const result = ws.run(name, event, { user });
  if (result.error) throw new Error(result.error);
  return result;
}

/** Presses the suggestion button whose parameter `key` is `value`. */
function pressSuggestion(
  ws: Workspace,
  base: AddonEventJson,
  card: unknown,
  functionName: string,
  key: string,
  value: string,
  changes: Record<string, FormValue> = {}
) {
  const target = allActions(card).find(
    a => a.functionName === functionName && a.parameters[key] === value
  );
  if (!target) throw new Error(`No ${functionName} for ${value} on: ${textOf(card)}`);
  return run(
    ws,
    functionName,
    actionEvent(base, target.parameters, { ...formValues(card), ...changes })
  );
}

function suggestionsOf(card: unknown): string {
  const text = textOf(card);
  const at = text.indexOf('Probably a record');
  return at < 0 ? '' : text.slice(at);
}

/** A department with POL-DEV-01's series folder in use: one document declared into it. */
function withSeriesFolder(): { ws: Workspace; folderId: string } {
  const ws = department();
  const declared = newDocument(ws, ALICE, 'Submission to SoS: allocation options');
  const result = declareDoc(ws, ALICE, declared, TYPICAL);
  if (result.error) throw new Error(result.error);
  const folderId = String(registerRows(ws)[0]['Folder ID']);
  // The file plan is cached for everyone for five minutes: let the folder be seen.
  ws.state.now += 6 * 60 * 1000;
  return { ws, folderId };
}

function driveHome(ws: Workspace) {
  const result = run(ws, 'onDriveHomepage', homepageEvent('DRIVE'));
  return { result, card: firstCard(result.json) };
}

function gmailHome(ws: Workspace) {
  const result = run(ws, 'onGmailHomepage', homepageEvent('GMAIL'));
  return { result, card: firstCard(result.json) };
}

function ruleCell(ws: Workspace, rule: string, header: string, value: string): void {
  const sheet = ws.state.spreadsheets[registerId(ws)].sheets.find(
    s => s.name === 'Suggestion rules'
  )!;
  const column = (sheet.rows[0] ?? []).indexOf(header);
  const row = sheet.rows.find(r => r?.[0] === rule);
  if (!row || column < 0) throw new Error(`No rule ${rule} or column ${header}`);
  row[column] = value;
}

async function email(
  ws: Workspace,
  options: { subject: string; from: string; messageId: string; daysAgo: number; labels?: string[] }
) {
  const id = await addMessageFromRaw(ws.state, {
    owner: ALICE,
    raw: plainMessage({
      subject: options.subject,
      from: options.from,
      to: 'Alice Adeyemi <alice@dfrr.gov.uk>',
      messageId: options.messageId,
      date: ws.state.now - options.daysAgo * DAY,
    }),
    labels: ['INBOX', ...(options.labels ?? [])],
  });
  return ws.state.gmail!.messages[id];
}

describe('suggestions on the Drive homepage', () => {
  it('suggests a recently edited document in a series folder, not a declared or an old one, with one Drive query', () => {
    const { ws, folderId } = withSeriesFolder();
    newDocument(ws, ALICE, 'Grant options: evidence pack', ['Text'], { parentId: folderId });
    const old = newDocument(ws, ALICE, 'Grant options 2015 evidence', ['Text'], {
      parentId: folderId,
    });
    ws.state.drive[old].updatedAt = ws.state.now - 40 * DAY;
    newDocument(ws, ALICE, 'Shopping list', ['Text']);

    const cold = driveHome(ws).result;
    const { result, card } = driveHome(ws);
    const shown = suggestionsOf(card);
    expect(shown).toMatch(/Grant options: evidence pack/);
    expect(shown).toMatch(/Edited in the last 14 days in a series folder/);
    expect(shown).not.toMatch(/Submission to SoS/); // declared already
    expect(shown).not.toMatch(/2015 evidence/); // edited 40 days ago
    expect(shown).not.toMatch(/Shopping list/);
    expect(result.counts.byKey['Drive.Files.list']).toBe(1);
    expect(result.counts.byKey['SpreadsheetApp.TextFinder.findAll'] ?? 0).toBeLessThanOrEqual(1);
    // With the file plan and rules cached: the Drive query, one register lookup, little else.
    expect(result.counts.serviceCalls).toBeLessThanOrEqual(22);
    expect(result.counts.modelledMs).toBeLessThan(2000);
    // Reading the file plan and the rules when the cache is cold stays well inside a homepage's time.
    expect(cold.counts.modelledMs).toBeLessThan(4000);
  });

  it('opens the declare form with the series chosen, and once declared the suggestion is gone', () => {
    const { ws, folderId } = withSeriesFolder();
    const id = newDocument(ws, ALICE, 'Grant options: evidence pack', ['Text'], {
      parentId: folderId,
    });
    const base = homepageEvent('DRIVE');
    const { card } = driveHome(ws);
    const form = firstCard(
      pressSuggestion(ws, base, card, 'onDeclareSuggested', 'fileId', id).json
    );
    expect(textOf(form)).toMatch(/Declare as a record/);
    expect(formValues(form).series).toEqual(['POL-DEV-01']);
    expect(formValues(form).classification).toEqual(['OFFICIAL']);

    const declared = pressSuggestion(ws, base, form, 'onDeclare', 'items', id, {
      businessUnit: ['PPD'],
    });
    expect(textOf(declared.json)).toMatch(/REC-\d{4}-000002/);
    expect(suggestionsOf(driveHome(ws).card)).not.toMatch(/Grant options: evidence pack/);
  });

  it('suggests minutes anywhere in Drive with the rule’s series, and follows the records team’s edits', () => {
    const { ws } = withSeriesFolder();
    const minutes = newDocument(ws, ALICE, 'ExCo minutes, 14 Feb 2017', ['Text']);
    const base = homepageEvent('DRIVE');
    const { card } = driveHome(ws);
    expect(suggestionsOf(card)).toMatch(/ExCo minutes/);
    const form = firstCard(
      pressSuggestion(ws, base, card, 'onDeclareSuggested', 'fileId', minutes).json
    );
    expect(formValues(form).series).toEqual(['GOV-BRD-01']);

    // The records team switches the rule off in the register; the cache lets it show in minutes.
    ruleCell(ws, 'Minutes', 'Active', 'No');
    ws.state.now += 6 * 60 * 1000;
    expect(suggestionsOf(driveHome(ws).card)).not.toMatch(/ExCo minutes/);
  });
});

describe('suggestions in the Docs sidebar', () => {
  it('suggests the open document by its title, pre-filling the form from the rule', () => {
    const ws = department();
    const id = newDocument(ws, ALICE, 'ExCo minutes, 14 Feb 2017', ['Text']);
    const opened = openDoc(ws, ALICE, id);
    const shown = suggestionsOf(opened.card);
    expect(shown).toMatch(/Minutes · series GOV-BRD-01/);
    expect(shown).toMatch(/Minutes record what a meeting decided/);
    const form = firstCard(
      pressSuggestion(ws, opened.event, opened.card, 'onDeclareSuggested', 'fileId', id).json
    );
    expect(formValues(form).series).toEqual(['GOV-BRD-01']);
  });

  it('follows the records team’s words, and a broken rule leaves the sidebar working', () => {
    const ws = department();
    const minutes = newDocument(ws, ALICE, 'ExCo minutes, 14 Feb 2017', ['Text']);
    const notes = newDocument(ws, ALICE, 'Notes of meeting with LRF chairs', ['Text']);
    ruleCell(ws, 'Minutes', 'Pattern', 'notes of meeting');
    ruleCell(ws, 'Decisions and submissions', 'Kind', 'Words in the title');
    ws.state.now += 6 * 60 * 1000;

    expect(suggestionsOf(openDoc(ws, ALICE, minutes).card)).toBe('');
    const opened = openDoc(ws, ALICE, notes);
    expect(textOf(opened.card)).toMatch(/Declare record/);
    expect(suggestionsOf(opened.card)).toMatch(/Minutes · series GOV-BRD-01/);

    // The records team's home names the rule left out, by its row in the tab, and why.
    const rules = ws.state.spreadsheets[registerId(ws)].sheets.find(
      s => s.name === 'Suggestion rules'
    )!;
    const broken = rules.rows.findIndex(r => r?.[0] === 'Decisions and submissions') + 1;
    const written = rules.rows.slice(1).filter(r => r?.[0]).length;
    const home = run(
      ws,
      'onSheetsHomepage',
      editorEvent('SHEETS', { id: registerId(ws), title: 'Records register' }),
      DRO
    );
    expect(textOf(firstCard(home.json))).toMatch(
      new RegExp(
        `Suggestion rules: ${written - 1} active, 1 needs fixing \\(row ${broken}: [^)]*words[^)]*\\)\\.`
      )
    );
  });
});

describe('suggestions on the Gmail homepage', () => {
  it('suggests an email from a private office, not a captured one, and flags it with the rule’s choices', async () => {
    const ws = department();
    const decision = await email(ws, {
      subject: 'SoS content with option B',
      from: PEOPLE.privateOffice,
      messageId: 'sos-option-b@dfrr.gov.uk',
      daysAgo: 2,
    });
    await email(ws, {
      subject: 'SoS thanks the team',
      from: PEOPLE.privateOffice,
      messageId: 'sos-thanks@dfrr.gov.uk',
      daysAgo: 3,
      labels: [CAPTURED],
    });
    await email(ws, {
      subject: 'Canteen menu',
      from: PEOPLE.pressOffice,
      messageId: 'canteen@dfrr.gov.uk',
      daysAgo: 1,
    });
    await email(ws, {
      subject: 'Old PO note',
      from: PEOPLE.privateOffice,
      messageId: 'old-po@dfrr.gov.uk',
      daysAgo: 60,
    });

    const { result, card } = gmailHome(ws);
    const shown = suggestionsOf(card);
    expect(shown).toMatch(/SoS content with option B/);
    expect(shown).toMatch(/To or from a private office · series POL-DEV-01/);
    expect(shown).not.toMatch(/SoS thanks the team/);
    expect(shown).not.toMatch(/Canteen menu/);
    expect(shown).not.toMatch(/Old PO note/);
    // One search per Gmail rule, one header read per suggestion.
    expect(result.counts.byKey['Gmail.Users.Messages.list']).toBeLessThanOrEqual(3);
    expect(result.counts.byKey['Gmail.Users.Messages.get']).toBeLessThanOrEqual(5);
    expect(result.counts.byKey['GmailApp.search'] ?? 0).toBe(0);
    expect(result.counts.modelledMs).toBeLessThan(4000);

    const base = homepageEvent('GMAIL');
    const form = firstCard(
      pressSuggestion(ws, base, card, 'onOpenSuggestedEmail', 'messageId', decision.id).json
    );
    expect(formValues(form).series).toEqual(['POL-DEV-01']);
    expect(formValues(form).classification).toEqual(['OFFICIAL']);

    // Without a business unit nothing is flagged, and the form says why.
    const refused = pressSuggestion(
      ws,
      base,
      form,
      'onFlagSuggestedEmail',
      'threadId',
      decision.threadId
    );
    expect(textOf(refused.json)).toMatch(/business unit/i);
    expect(ws.state.gmail!.messages[decision.id].labels).not.toContain('Records/To capture');

    // Another email from the private office arrives meanwhile: it stays a suggestion.
    await email(ws, {
      subject: 'SoS note on option C',
      from: PEOPLE.privateOffice,
      messageId: 'sos-option-c@dfrr.gov.uk',
      daysAgo: 0,
    });
    const flagged = pressSuggestion(
      ws,
      base,
      form,
      'onFlagSuggestedEmail',
      'threadId',
      decision.threadId,
      {
        businessUnit: ['PPD'],
      }
    );
    expect(textOf(flagged.json)).toMatch(/Flagged for capture/);
    expect(ws.state.gmail!.messages[decision.id].labels).toContain('Records/To capture');
    const choices = JSON.parse(
      ws.state.properties.user[ALICE][`records-capture.flag.${decision.threadId}`]
    ) as { form: { series: string; businessUnit: string } };
    expect(choices.form).toMatchObject({ series: 'POL-DEV-01', businessUnit: 'PPD' });
    // The sidebar goes back to the homepage, rebuilt: the email is no longer suggested there.
    const steps = (flagged.json as { renderActions?: { action?: { navigations?: object[] } } })
      .renderActions?.action?.navigations;
    expect(steps?.map(step => Object.keys(step)[0])).toEqual(['popToRoot', 'updateCard']);
    const home = firstCard(flagged.json);
    expect(textOf(home)).toMatch(/Capture emails/);
    expect(suggestionsOf(home)).toMatch(/SoS note on option C/);
    expect(suggestionsOf(home)).not.toMatch(/SoS content with option B/);
    expect(suggestionsOf(gmailHome(ws).card)).not.toMatch(/SoS content with option B/);
  });

  it('suggests minutes by subject, whole words only', async () => {
    const ws = department();
    await email(ws, {
      subject: 'Board minutes for approval',
      from: PEOPLE.recordsOfficer,
      messageId: 'board-minutes@dfrr.gov.uk',
      daysAgo: 1,
    });
    await email(ws, {
      subject: 'Minutesheet template',
      from: PEOPLE.recordsOfficer,
      messageId: 'minutesheet@dfrr.gov.uk',
      daysAgo: 1,
    });
    const shown = suggestionsOf(gmailHome(ws).card);
    expect(shown).toMatch(/Board minutes for approval/);
    expect(shown).not.toMatch(/Minutesheet/);
  });
});
