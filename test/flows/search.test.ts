import { allActions, findInput, findWidgets, textOf } from '../../fakes/card-service/query';
import { actionEvent, homepageEvent } from '../../fakes/events';
import type { FormValue } from '../../fakes/events';
import { firstCard } from '../../fakes/form';
import { createFileInState } from '../../fakes/drive/seed';
import type { Workspace, RunResult } from '../../fakes/harness/workspace';
import { LATENCY } from '../../fakes/core/latency';
import { fillRegister } from '../support/big-register';
import { ALICE, BOB, DRO, newWorkspace, press, setUpRegister } from '../support/department';

const d = (iso: string) => ({ d: Date.parse(`${iso}T00:00:00Z`) });
const DRIVE = homepageEvent('DRIVE');

interface Row {
  title: string;
  series: string;
  classification: string;
  recordDate: { d: number } | string;
  owner: string;
  lifecycle?: string;
}

/** Records of a small department; files owned by Alice unless said otherwise. */
const ROWS: Row[] = [
  {
    title: 'Board minutes March 2024',
    series: 'GOV-BRD-01',
    classification: 'OFFICIAL',
    recordDate: d('2024-03-14'),
    owner: ALICE,
  },
  {
    title: 'Board minutes April 2024',
    series: 'GOV-BRD-01',
    classification: 'OFFICIAL-SENSITIVE',
    recordDate: d('2024-04-11'),
    owner: ALICE,
  },
  // Bob's, not shared with Alice.
  {
    title: 'Minutes of the board away day',
    series: 'GOV-BRD-01',
    classification: 'OFFICIAL',
    recordDate: d('2024-05-20'),
    owner: BOB,
  },
  {
    title: '=SUM(A1:A9) budget lines',
    series: 'FIN-ACC-01',
    classification: 'OFFICIAL',
    recordDate: d('2023-12-01'),
    owner: ALICE,
  },
  {
    title: 'تقرير الميزانية 2024',
    series: 'FIN-ACC-01',
    classification: 'OFFICIAL',
    recordDate: d('2024-02-01'),
    owner: ALICE,
  },
  {
    title: 'Boardroom refurbishment',
    series: 'POL-DEV-01',
    classification: 'OFFICIAL',
    recordDate: d('2024-03-01'),
    owner: ALICE,
  },
  {
    title: 'Board minutes 2010',
    series: 'GOV-BRD-01',
    classification: 'OFFICIAL',
    recordDate: d('2010-01-01'),
    owner: ALICE,
    lifecycle: 'Destroyed',
  },
  ...Array.from({ length: 25 }, (_, i) => ({
    title: `Routine invoice ${i + 1}`,
    series: 'FIN-ACC-01',
    classification: 'OFFICIAL',
    recordDate: d(`2024-01-${String(i + 1).padStart(2, '0')}`),
    owner: ALICE,
  })),
];

const id = (i: number) => `REC-2016-${String(i + 1).padStart(6, '0')}`;

function department(): Workspace {
  const ws = newWorkspace();
  setUpRegister(ws);
  const files = ROWS.map((r, i) =>
    createFileInState(ws.state, {
      owner: r.owner,
      name: `${r.title}.pdf`,
      mimeType: 'application/pdf',
      content: `record ${i}`,
    })
  );
  fillRegister(ws, ROWS.length, {
    fields: i => ({
      title: ROWS[i].title,
      series: ROWS[i].series,
      classification: ROWS[i].classification,
      recordDate: ROWS[i].recordDate,
      lifecycle: ROWS[i].lifecycle ?? 'Declared',
      fileId: files[i],
      url: `https://drive.google.com/file/d/${files[i]}/view`,
    }),
  });
  return ws;
}

interface Shown {
  recordId: string;
  title: string;
  open: string | null;
}

function results(card: unknown): Shown[] {
  return findWidgets(card, w => /^REC-/.test(w.decoratedText?.topLabel ?? '')).map(w => ({
    recordId: w.decoratedText!.topLabel!.split(' · ')[0],
    title: w.decoratedText!.text,
    open: w.decoratedText!.button?.onClick?.openLink?.url ?? null,
  }));
}

const ids = (card: unknown) => results(card).map(r => r.recordId);

/** Types into the "Find a record" box under the Drive homepage card and presses Search. */
function quickSearch(ws: Workspace, user: string, text: string): RunResult {
  const home = firstCard(ws.run('onDriveHomepage', DRIVE, { user }).json);
  expect(findInput(home, 'searchQuery')).toBeDefined();
  return press(ws, DRIVE, home, 'onSearch', user, { searchQuery: text });
}

/** Opens the full form (More options) and searches with `form`. */
function formSearch(ws: Workspace, user: string, form: Record<string, FormValue>): RunResult {
  const home = firstCard(ws.run('onDriveHomepage', DRIVE, { user }).json);
  const opened = press(ws, DRIVE, home, 'onOpenSearch', user);
  const card = firstCard(opened.json);
  expect(card).toMatchObject({ name: 'search' });
  return press(ws, DRIVE, card, 'onSearch', user, form);
}

const day = (iso: string) => ({ date: Date.parse(`${iso}T00:00:00Z`) });

function ok(result: RunResult): unknown {
  if (result.error) throw new Error(result.error);
  return firstCard(result.json);
}

describe('finding a record from the sidebar', () => {
  let ws: Workspace;
  beforeAll(() => {
    ws = department();
  });

  test('by record ID from the search box: the record, its title as text, and its link', () => {
    const card = ok(quickSearch(ws, ALICE, ` ${id(3).toLowerCase()} `));
    expect(results(card)).toEqual([
      {
        recordId: id(3),
        title: '=SUM(A1:A9) budget lines',
        open: expect.stringMatching(/^https:\/\/drive\.google\.com\/file\/d\//),
      },
    ]);
    expect(textOf(card)).toContain('FIN-ACC-01');
    expect(textOf(card)).toContain('1 December 2023');
  });

  test('by title words: whole words in any order, newest first, only what the user can open', () => {
    const card = ok(quickSearch(ws, ALICE, 'minutes board'));
    // Not Bob's away day (not shared with Alice), not the Boardroom, not the destroyed minutes.
    expect(ids(card)).toEqual([id(1), id(0)]);
    expect(textOf(card)).toContain('Only records you can open are listed');
    expect(textOf(card)).not.toContain('away day');
  });

  test('a records team member sees every match, a destroyed record without an Open link', () => {
    const card = ok(quickSearch(ws, DRO, 'minutes board'));
    expect(ids(card)).toEqual([id(6), id(2), id(1), id(0)]);
    const destroyed = results(card).find(r => r.recordId === id(6))!;
    expect(destroyed.open).toBeNull();
    expect(textOf(card)).toContain('Destroyed');
    expect(results(card).find(r => r.recordId === id(2))!.open).not.toBeNull();
  });

  test('a right-to-left title is found by one of its words and shown as it is', () => {
    const card = ok(quickSearch(ws, ALICE, 'الميزانية'));
    expect(results(card).map(r => r.title)).toEqual(['تقرير الميزانية 2024']);
  });

  test('by series', () => {
    const card = ok(formSearch(ws, ALICE, { searchSeries: ['GOV-BRD-01'] }));
    expect(ids(card)).toEqual([id(1), id(0)]);
  });

  test('by classification: OFFICIAL-SENSITIVE does not match OFFICIAL, nor the reverse', () => {
    const sensitive = ok(formSearch(ws, DRO, { searchClassification: ['OFFICIAL-SENSITIVE'] }));
    expect(ids(sensitive)).toEqual([id(1)]);
    const official = ok(
      formSearch(ws, DRO, { searchClassification: ['OFFICIAL'], searchWords: 'board' })
    );
    expect(ids(official)).toEqual([id(6), id(2), id(0)]);
  });

  test('by date of the record, both ends included', () => {
    const card = ok(
      formSearch(ws, ALICE, { searchFrom: day('2024-03-01'), searchTo: day('2024-04-11') })
    );
    expect(ids(card)).toEqual([id(5), id(1), id(0)]);
  });

  test('every criterion at once narrows to what matches all of them', () => {
    const form = {
      searchWords: 'minutes',
      searchSeries: ['GOV-BRD-01'],
      searchClassification: ['OFFICIAL'],
      searchFrom: day('2024-01-01'),
      searchTo: day('2024-12-31'),
    };
    expect(ids(ok(formSearch(ws, ALICE, form)))).toEqual([id(0)]);
    expect(ids(ok(formSearch(ws, DRO, form)))).toEqual([id(2), id(0)]);
  });

  test('with a record ID, the other criteria are checked on its row, not searched', () => {
    const wrongSeries = formSearch(ws, ALICE, {
      searchRecordId: id(0),
      searchSeries: ['FIN-ACC-01'],
      searchFrom: day('2024-01-01'),
    });
    expect(ids(ok(wrongSeries))).toEqual([]);
    expect(wrongSeries.counts.byKey['SpreadsheetApp.TextFinder.findAll']).toBe(1);
    const right = ok(
      formSearch(ws, ALICE, {
        searchRecordId: id(0),
        searchSeries: ['GOV-BRD-01'],
        searchFrom: day('2024-01-01'),
      })
    );
    expect(ids(right)).toEqual([id(0)]);
  });

  test('a search that matches nothing says so', () => {
    const card = ok(quickSearch(ws, ALICE, 'REC-2099-000001'));
    expect(results(card)).toEqual([]);
    expect(textOf(card)).toContain('No records match');
  });

  test('nothing to search by, or dates the wrong way round, is refused on the form', () => {
    const empty = ok(quickSearch(ws, ALICE, ''));
    expect(empty).toMatchObject({ name: 'search' });
    expect(textOf(empty)).toContain('Enter something to search by');
    const backwards = formSearch(ws, ALICE, {
      searchFrom: day('2024-05-01'),
      searchTo: day('2024-04-01'),
      searchWords: 'minutes',
    });
    const card = ok(backwards);
    expect(textOf(card)).toContain('wrong way round');
    // What was typed is kept.
    expect(findInput(card, 'searchWords')).toMatchObject({ value: 'minutes' });
  });

  test('the Find a record universal action opens the form in any host', () => {
    for (const host of ['DOCS', 'SHEETS', 'DRIVE', 'GMAIL'] as const) {
      const card = ok(ws.run('onFindRecord', homepageEvent(host), { user: BOB }));
      expect(card).toMatchObject({ name: 'search' });
      expect(findInput(card, 'searchSeries')).toBeDefined();
    }
  });
});

describe('pages of results', () => {
  test('ten a page, Next and Previous, and pages stay put while others declare', () => {
    const ws = department();
    const first = ok(formSearch(ws, ALICE, { searchSeries: ['FIN-ACC-01'] }));
    // 25 invoices, the budget lines and the report: 27, newest (highest row) first.
    expect(ids(first)).toEqual(Array.from({ length: 10 }, (_, i) => id(31 - i)));
    expect(allActions(first).some(a => a.functionName === 'onSearchPage')).toBe(true);

    const nextOf = (card: unknown) => {
      const next = allActions(card).filter(a => a.functionName === 'onSearchPage');
      return next[next.length - 1];
    };
    const second = ok(
      ws.run('onSearchPage', actionEvent(DRIVE, nextOf(first).parameters), { user: ALICE })
    );
    expect(ids(second)).toEqual(Array.from({ length: 10 }, (_, i) => id(21 - i)));

    // Someone declares another matching record meanwhile.
    fillRegister(ws, 1, {
      fromYear: 2025,
      fields: () => ({
        title: 'A new invoice',
        series: 'FIN-ACC-01',
        classification: 'OFFICIAL',
        fileId: createFileInState(ws.state, {
          owner: ALICE,
          name: 'A new invoice.pdf',
          mimeType: 'application/pdf',
        }),
      }),
    });

    const third = ok(
      ws.run('onSearchPage', actionEvent(DRIVE, nextOf(second).parameters), { user: ALICE })
    );
    expect(ids(third)).toEqual([id(11), id(10), id(9), id(8), id(7), id(4), id(3)]);
    expect(textOf(third)).not.toContain('Next');

    const previous = allActions(third).find(
      a => a.functionName === 'onSearchPage' && textOf(third).includes('Previous')
    )!;
    const back = ok(
      ws.run('onSearchPage', actionEvent(DRIVE, previous.parameters), { user: ALICE })
    );
    expect(ids(back)).toEqual(ids(second));
  });
});

describe('cost', () => {
  /** Calls that make a round trip (a latency in the table), by key. */
  function roundTrips(result: RunResult): Record<string, number> {
    return Object.fromEntries(
      Object.entries(result.counts.byKey).filter(([k]) => (LATENCY[k]?.ms ?? 0) > 0)
    );
  }

  function bigDepartment(rows: number): Workspace {
    const ws = newWorkspace();
    setUpRegister(ws);
    fillRegister(ws, rows, {
      fields: i => ({ recordDate: d(`20${String(10 + (i % 15))}-06-01`) }),
    });
    return ws;
  }

  const FORM = {
    searchWords: 'record historic',
    searchSeries: ['GOV-BRD-01'],
    searchClassification: ['OFFICIAL'],
    searchFrom: day('2015-01-01'),
    searchTo: day('2020-12-31'),
  };

  test('a search makes the same round trips on 2,000 rows as on 20,000', () => {
    const runs = [2_000, 20_000].map(n => {
      const ws = bigDepartment(n);
      const team = formSearch(ws, DRO, FORM);
      const staff = formSearch(ws, ALICE, FORM);
      return { team, staff };
    });
    for (const who of ['team', 'staff'] as const) {
      const [small, big] = runs.map(r => r[who]);
      expect(small.error).toBeUndefined();
      expect(big.error).toBeUndefined();
      expect(roundTrips(big)).toEqual(roundTrips(small));
      expect(big.counts.modelledMs).toBeLessThan(30_000);
    }
    // The team sees ten historic records on the first page, with no Drive calls.
    expect(results(firstCard(runs[1].team.json))).toHaveLength(10);
    expect(runs[1].team.counts.byKey['Drive.Files.get'] ?? 0).toBe(0);
    // Alice can open none of them: at most 30 are checked, then she is offered the next page.
    expect(runs[1].staff.counts.byKey['Drive.Files.get']).toBe(30);
    expect(results(firstCard(runs[1].staff.json))).toEqual([]);
    expect(textOf(firstCard(runs[1].staff.json))).toContain('try the next one');
    // The title word searched on the server (scanning the column once); the series, date and
    // classification columns each read once: a small part of the register (20,000 × 61 cells).
    expect(runs[1].team.counts.byKey['SpreadsheetApp.TextFinder.findAll']).toBe(1);
    expect(runs[1].team.counts.cellsSearched).toBe(20_000);
    expect(runs[1].team.counts.cellsRead).toBeLessThan(4 * 20_000);
  });
});
