import { inflateSync } from 'node:zlib';
import { installFakes, NOT_EMULATED } from '../../fakes';
import { createCharts } from '../../fakes/charts';
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState, type WorkspaceState } from '../../fakes/core/state';
import { createSpreadsheetApp } from '../../fakes/spreadsheet';
import { createSpreadsheetInState } from '../../fakes/spreadsheet/seed';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const eve = { email: 'eve@dfrr.gov.uk', name: 'Eve' };

function workspace(): WorkspaceState {
  return createWorkspaceState({ users: [alice, eve] });
}

function session(state: WorkspaceState, user = alice.email) {
  const execution = new Execution(state, { user, budgetMs: 10_000_000 });
  const ctx = createContext(state, execution);
  return { execution, Charts: createCharts(ctx), SpreadsheetApp: createSpreadsheetApp(ctx) };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an exception');
}

// ---- A PNG reader built on Node's own zlib, independent of the encoder under test ----

interface Png {
  width: number;
  height: number;
  palette: [number, number, number][];
  /** Palette index of each pixel, row by row. */
  pixels: Uint8Array;
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

function decodePng(bytes: Uint8Array): Png {
  expect(Array.from(bytes.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  let at = 8;
  let width = 0;
  let height = 0;
  let palette: [number, number, number][] = [];
  const idat: Uint8Array[] = [];
  let ended = false;
  while (at < bytes.length) {
    const length = u32(bytes, at);
    const type = Buffer.from(bytes.subarray(at + 4, at + 8)).toString('latin1');
    const data = bytes.subarray(at + 8, at + 8 + length);
    const crc = u32(bytes, at + 8 + length);
    expect(crc).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
    if (type === 'IHDR') {
      width = u32(data, 0);
      height = u32(data, 4);
      expect([data[8], data[9]]).toEqual([8, 3]);
    } else if (type === 'PLTE') {
      palette = [];
      for (let i = 0; i < data.length; i += 3) palette.push([data[i], data[i + 1], data[i + 2]]);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  expect(ended).toBe(true);
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((width + 1) * height);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width + 1)]).toBe(0); // filter: none
    pixels.set(raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1)), y * width);
  }
  return { width, height, palette, pixels };
}

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function blobBytes(blob: GoogleAppsScript.Base.Blob): Uint8Array {
  return Uint8Array.from(blob.getBytes(), b => b & 0xff);
}

function colorIndex(png: Png, hex: string): number {
  const rgb = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
  const index = png.palette.findIndex(p => p.every((v, i) => v === rgb[i]));
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
}

/** Heights of the bars of one colour, left to right, read from the pixels. */
function columnHeights(png: Png, color: number): number[] {
  // The bottom-most row that has the colour meets the axis; runs on it are the bars.
  let base = -1;
  for (let y = png.height - 1; y >= 0 && base < 0; y--) {
    for (let x = 0; x < png.width; x++) if (png.pixels[y * png.width + x] === color) base = y;
  }
  const centres: number[] = [];
  let start = -1;
  for (let x = 0; x <= png.width; x++) {
    const on = x < png.width && png.pixels[base * png.width + x] === color;
    if (on && start < 0) start = x;
    if (!on && start >= 0) {
      centres.push(Math.floor((start + x - 1) / 2));
      start = -1;
    }
  }
  return centres.map(x => {
    let h = 0;
    while (base - h >= 0 && png.pixels[(base - h) * png.width + x] === color) h++;
    return h;
  });
}

function expectProportional(heights: number[], values: number[]): void {
  const unit = heights[heights.length - 1] / values[values.length - 1];
  heights.forEach((h, i) => expect(Math.abs(h - values[i] * unit)).toBeLessThanOrEqual(2));
}

// ---------------------------------------------------------------------------------------------

describe('Charts service', () => {
  function declaredByUnit(Charts: GoogleAppsScript.Charts.Charts) {
    return Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, 'Business unit')
      .addColumn(Charts.ColumnType.NUMBER, 'Records declared')
      .addRow(['Policy', 10])
      .addRow(['Finance', 20])
      .addRow(['Legal', 40]);
  }

  it('draws a column chart as a PNG of the size asked for, its columns as tall as the data', () => {
    const { Charts, execution } = session(workspace());
    const chart = Charts.newColumnChart()
      .setDataTable(declaredByUnit(Charts))
      .setTitle('Declared by unit')
      .setDimensions(400, 300)
      .setColors(['#336699'])
      .build();
    const blob = chart.getAs('image/png');
    expect(blob.getContentType()).toBe('image/png');
    expect(blob.getName()).toBe('Declared by unit.png');
    const png = decodePng(blobBytes(blob));
    expect([png.width, png.height]).toEqual([400, 300]);
    const heights = columnHeights(png, colorIndex(png, '#336699'));
    expect(heights).toHaveLength(3);
    expectProportional(heights, [10, 20, 40]);
    expect(heights[2]).toBeGreaterThan(100);
    expect(chart.getOptions().get('title')).toBe('Declared by unit');
    expect(chart.getOptions().get('width')).toBe(400);
    expect(chart.getOptions().get('hAxis.title')).toBeNull();
    expect(execution.finish().byKey['Charts.Chart.getAs']).toBe(1);
  });

  it('takes a built data table as well as its builder, and defaults to 600 × 371', () => {
    const { Charts } = session(workspace());
    const chart = Charts.newBarChart()
      .setDataTable(
        declaredByUnit(Charts).build() as unknown as GoogleAppsScript.Charts.DataTableSource
      )
      .build();
    const png = decodePng(blobBytes(chart.getBlob()));
    expect([png.width, png.height]).toEqual([600, 371]);
    expect(chart.getBlob().getName()).toBe('chart.png');
  });

  it('stacks series when asked, and draws line and pie charts', () => {
    const { Charts } = session(workspace());
    const table = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, 'Unit')
      .addColumn(Charts.ColumnType.NUMBER, 'Open')
      .addColumn(Charts.ColumnType.NUMBER, 'Closed')
      .addRow(['Policy', 5, 5])
      .addRow(['Legal', 10, 30]);
    const stacked = Charts.newColumnChart()
      .setDataTable(table)
      .setStacked()
      .setColors(['#112233', '#445566'])
      .setLegendPosition(Charts.Position.NONE)
      .build();
    const png = decodePng(blobBytes(stacked.getAs('image/png')));
    const open = columnHeights(png, colorIndex(png, '#112233'));
    expect(open).toHaveLength(2);
    expectProportional(open, [5, 10]);
    expect(stacked.getOptions().get('legend.position')).toBe('none');
    const line = decodePng(
      blobBytes(
        Charts.newLineChart()
          .setDataTable(table)
          .setColors(['#112233', '#445566'])
          .build()
          .getBlob()
      )
    );
    const count = (png: Png, hex: string) => {
      const index = colorIndex(png, hex);
      return png.pixels.filter(p => p === index).length;
    };
    expect(count(line, '#112233')).toBeGreaterThan(100);
    expect(count(line, '#445566')).toBeGreaterThan(100);
    // A pie of the first series: Policy 5, Legal 10, so Legal's slice is twice Policy's.
    const pie = decodePng(
      blobBytes(
        Charts.newPieChart()
          .setDataTable(table)
          .setColors(['#112233', '#445566'])
          .setLegendPosition(Charts.Position.NONE)
          .build()
          .getBlob()
      )
    );
    const ratio = count(pie, '#445566') / count(pie, '#112233');
    expect(ratio).toBeGreaterThan(1.9);
    expect(ratio).toBeLessThan(2.1);
  });

  it('refuses a chart without data, rows longer than the columns, and conversions it cannot make', () => {
    const { Charts } = session(workspace());
    expect(thrown(() => Charts.newColumnChart().build()).message).toMatch(/setDataTable/);
    const table = Charts.newDataTable().addColumn(Charts.ColumnType.NUMBER, 'n');
    expect(thrown(() => table.addRow([1, 2])).message).toMatch(/2 values but the table has 1/);
    expect(thrown(() => table.addRow(['many'])).message).toMatch(/not a number/);
    const chart = Charts.newColumnChart()
      .setDataTable(table.addRow([3]))
      .build();
    expect(thrown(() => chart.getAs('text/plain')).message).toBe(
      'Converting from image/png to text/plain is not supported.'
    );
    expect(thrown(() => chart.getAs('image/jpeg')).message).toMatch(/not emulated/);
    expect(thrown(() => Charts.newColumnChart().setDimensions(0, 10)).message).toMatch(/positive/);
  });

  it('is a global of every execution, no longer listed as not emulated', () => {
    const state = workspace();
    const target: Record<string, unknown> = {};
    installFakes(target, state, { user: alice.email, budgetMs: 60_000 });
    expect(NOT_EMULATED).not.toContain('Charts');
    const Charts = target.Charts as GoogleAppsScript.Charts.Charts;
    expect(Charts.ChartType.COLUMN).toBe('COLUMN');
    expect(typeof Charts.newColumnChart().setTitle).toBe('function');
  });
});

describe('Embedded charts in Sheets', () => {
  function dashboard(state: WorkspaceState) {
    const id = createSpreadsheetInState(state, {
      owner: alice.email,
      name: 'Register',
      sheets: [
        {
          name: 'Dashboard',
          rows: [
            ['Unit', 'Declared'],
            ['Policy', 10],
            ['Finance', 20],
            ['Legal', 40],
          ],
        },
      ],
    });
    state.drive[id].viewers.push(eve.email);
    return id;
  }

  function insertColumnChart(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange('A1:B4'))
      .asColumnChart()
      .setColors(['#336699'])
      .setTitle('Declared by unit')
      .setPosition(2, 4, 10, 5)
      .build();
    sheet.insertChart(chart);
    return chart;
  }

  it('inserts a chart into the sheet state, where getCharts finds it at its anchor', () => {
    const state = workspace();
    const id = dashboard(state);
    const { SpreadsheetApp, execution } = session(state);
    const sheet = SpreadsheetApp.openById(id).getSheetByName('Dashboard')!;
    const built = insertColumnChart(sheet);
    expect(built.getChartId()).toBeNull();
    const [chart] = sheet.getCharts();
    expect(typeof chart.getChartId()).toBe('number');
    const info = chart.getContainerInfo();
    expect([
      info.getAnchorRow(),
      info.getAnchorColumn(),
      info.getOffsetX(),
      info.getOffsetY(),
    ]).toEqual([2, 4, 10, 5]);
    expect(chart.getRanges().map(r => r.getA1Notation())).toEqual(['A1:B4']);
    expect(chart.getOptions().get('title')).toBe('Declared by unit');
    const stored = JSON.parse(JSON.stringify(state.spreadsheets[id].sheets[0].charts));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ type: 'COLUMN', anchorRow: 2, anchorColumn: 4 });
    const counts = execution.finish();
    expect(counts.byKey['SpreadsheetApp.Sheet.insertChart']).toBe(1);
    expect(counts.byKey['SpreadsheetApp.Sheet.getCharts']).toBe(1);
  });

  it('draws the data as it is now: a changed cell changes the picture', () => {
    const state = workspace();
    const id = dashboard(state);
    const { SpreadsheetApp } = session(state);
    const sheet = SpreadsheetApp.openById(id).getSheetByName('Dashboard')!;
    insertColumnChart(sheet);
    const before = decodePng(blobBytes(sheet.getCharts()[0].getAs('image/png')));
    expect([before.width, before.height]).toEqual([600, 371]);
    expectProportional(columnHeights(before, colorIndex(before, '#336699')), [10, 20, 40]);
    sheet.getRange('B2:B4').setValues([[40], [20], [10]]);
    const after = decodePng(blobBytes(sheet.getCharts()[0].getBlob()));
    expectProportional(columnHeights(after, colorIndex(after, '#336699')), [40, 20, 10]);
  });

  it('modify() and updateChart change the stored chart; removeChart takes it away', () => {
    const state = workspace();
    const id = dashboard(state);
    const { SpreadsheetApp } = session(state);
    const sheet = SpreadsheetApp.openById(id).getSheetByName('Dashboard')!;
    insertColumnChart(sheet);
    const [chart] = sheet.getCharts();
    const changed = chart
      .modify()
      .setOption('title', 'Declared this half-year')
      .setOption('width', 320)
      .setPosition(10, 1, 0, 0)
      .build();
    // Nothing is saved until updateChart.
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Declared by unit');
    sheet.updateChart(changed);
    const [updated] = sheet.getCharts();
    expect(updated.getChartId()).toBe(chart.getChartId());
    expect(updated.getOptions().get('title')).toBe('Declared this half-year');
    expect(updated.getContainerInfo().getAnchorRow()).toBe(10);
    expect(decodePng(blobBytes(updated.getBlob())).width).toBe(320);
    sheet.removeChart(updated);
    expect(sheet.getCharts()).toHaveLength(0);
    expect(thrown(() => sheet.updateChart(changed)).message).toMatch(/not on this sheet/);
  });

  it('refuses charts without ranges or type, bad positions, and viewers', () => {
    const state = workspace();
    const id = dashboard(state);
    const { SpreadsheetApp } = session(state);
    const sheet = SpreadsheetApp.openById(id).getSheetByName('Dashboard')!;
    expect(thrown(() => sheet.newChart().setChartType('NOPE' as never)).message).toMatch(
      /Invalid argument/
    );
    expect(thrown(() => sheet.insertChart(sheet.newChart().asPieChart().build())).message).toMatch(
      /no data ranges/
    );
    expect(
      thrown(() => sheet.newChart().addRange(sheet.getRange('A1:B2')).build()).message
    ).toMatch(/no type/);
    expect(thrown(() => sheet.newChart().setPosition(0, 1, 0, 0)).message).toMatch(/position/);
    expect(sheet.getCharts()).toHaveLength(0);

    const viewer = session(state, eve.email)
      .SpreadsheetApp.openById(id)
      .getSheetByName('Dashboard')!;
    const chart = viewer.newChart().asBarChart().addRange(viewer.getRange('A1:B4')).build();
    const error = thrown(() => viewer.insertChart(chart));
    expect(error.message).toBe('You do not have permission to perform that action.');
    expect(state.spreadsheets[id].sheets[0].charts ?? []).toHaveLength(0);
  });
});
