import { createCharts } from '../../fakes/charts';
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import { createDocumentApp, createDocumentInState } from '../../fakes/document';
import { createSpreadsheetApp } from '../../fakes/spreadsheet';
import { createSpreadsheetInState } from '../../fakes/spreadsheet/seed';
import { documentView, spreadsheetView } from '../../emulator/views';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };

function session(state: ReturnType<typeof createWorkspaceState>) {
  const ctx = createContext(state, new Execution(state, { user: alice.email, budgetMs: 360_000 }));
  return {
    DocumentApp: createDocumentApp(ctx),
    Charts: createCharts(ctx),
    SpreadsheetApp: createSpreadsheetApp(ctx),
  };
}

describe('the emulator shows what the report and dashboard hold', () => {
  it("sends a document's tables and images with its paragraphs", () => {
    const state = createWorkspaceState({ users: [alice] });
    const id = createDocumentInState(state, {
      owner: alice.email,
      name: 'ExCo report',
      paragraphs: ['Records report'],
    });
    const { DocumentApp, Charts } = session(state);
    const body = DocumentApp.openById(id).getBody();
    body.appendTable([
      ['Business unit', 'Declared'],
      ['Policy', '12'],
    ]);
    const chart = Charts.newColumnChart()
      .setDataTable(
        Charts.newDataTable()
          .addColumn(Charts.ColumnType.STRING, 'Unit')
          .addColumn(Charts.ColumnType.NUMBER, 'Declared')
          .addRow(['Policy', 12])
      )
      .setDimensions(300, 200)
      .build();
    body.appendImage(chart.getBlob()).setAltTitle('Declared by unit');

    const view = documentView(state, id, alice.email)!;
    expect(view.body).toHaveLength(3);
    expect(view.blocks[0]).toBeNull();
    expect(view.blocks[1]).toEqual({
      kind: 'table',
      rows: [
        [
          { text: 'Business unit', background: null },
          { text: 'Declared', background: null },
        ],
        [
          { text: 'Policy', background: null },
          { text: '12', background: null },
        ],
      ],
    });
    expect(view.blocks[2]).toMatchObject({
      kind: 'image',
      width: 300,
      height: 200,
      alt: 'Declared by unit',
    });
    const src = (view.blocks[2] as { src: string }).src;
    expect(src.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
  });

  it("sends a sheet's embedded charts with their anchors and pictures", () => {
    const state = createWorkspaceState({ users: [alice] });
    const id = createSpreadsheetInState(state, {
      owner: alice.email,
      name: 'Register',
      sheets: [
        {
          name: 'Dashboard',
          rows: [
            ['Unit', 'Declared'],
            ['Policy', 3],
          ],
        },
      ],
    });
    const sheet = session(state).SpreadsheetApp.openById(id).getSheetByName('Dashboard')!;
    sheet.insertChart(
      sheet
        .newChart()
        .addRange(sheet.getRange('A1:B2'))
        .asColumnChart()
        .setTitle('Declared')
        .setPosition(3, 2, 0, 0)
        .build()
    );
    const [tab] = spreadsheetView(state, id, alice.email)!.tabs;
    expect(tab.charts).toHaveLength(1);
    expect(tab.charts[0]).toMatchObject({
      type: 'COLUMN',
      title: 'Declared',
      anchorRow: 3,
      anchorColumn: 2,
      width: 600,
      height: 371,
    });
    expect(tab.charts[0].src.startsWith('data:image/png;base64,')).toBe(true);
  });
});
