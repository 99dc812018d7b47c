import { inflateSync } from 'node:zlib';
import { installFakes, NOT_EMULATED } from '../../fakes';
import { createCharts } from '../../fakes/charts';
import { fitText, glyphOf, textWidth } from '../../fakes/charts/font';
import { niceTicks, TITLE_HEIGHT } from '../../fakes/charts/render';
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

// ---- Reading the text back: ink in the text colour, matched glyph by glyph against the font ----

/** Text is drawn in a near-black grey; series colours are not grey, and axis greys lighter. */
function textColors(png: Png): Set<number> {
  const dark = new Set<number>();
  png.palette.forEach((rgb, i) => {
    if (Math.max(...rgb) < 64 && Math.max(...rgb) - Math.min(...rgb) < 8) dark.add(i);
  });
  return dark;
}

/** A rectangle of the picture, as text reads it: left to right, top to bottom. */
interface View {
  width: number;
  height: number;
  ink(x: number, y: number): boolean;
}

function viewOf(png: Png, left: number, top: number, right: number, bottom: number): View {
  const dark = textColors(png);
  return {
    width: right - left,
    height: bottom - top,
    ink: (x, y) =>
      x >= 0 &&
      y >= 0 &&
      x < right - left &&
      y < bottom - top &&
      dark.has(png.pixels[(top + y) * png.width + left + x]),
  };
}

/** The same rectangle turned a quarter clockwise, so text reading upwards reads across. */
function turnedView(png: Png, left: number, top: number, right: number, bottom: number): View {
  const upright = viewOf(png, left, top, right, bottom);
  return {
    width: bottom - top,
    height: right - left,
    ink: (x, y) => upright.ink(y, bottom - top - 1 - x),
  };
}

const READABLE = [...Array.from({ length: 94 }, (_v, i) => String.fromCharCode(33 + i)), '…'];

interface Word {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The glyphs of one word whose first cell starts at (x, y), or null when any cell is no glyph. */
function decodeWord(view: View, x: number, y: number, count: number, scale: number): string | null {
  let text = '';
  for (let i = 0; i < count; i++) {
    const cellX = x + i * 6 * scale;
    const char = READABLE.find(c => {
      const glyph = glyphOf(c);
      for (let row = 0; row < 9; row++) {
        for (let col = 0; col < 6; col++) {
          const on = col < 5 && (glyph[row] & (1 << (4 - col))) !== 0;
          if (view.ink(cellX + col * scale, y + row * scale) !== on) return false;
        }
      }
      return true;
    });
    if (!char) return null;
    text += char;
  }
  return text;
}

/** Lines of text in the view, top to bottom, each a list of words left to right. */
function readLines(view: View, scale = 1): Word[][] {
  const inkRows: number[] = [];
  for (let y = 0; y < view.height; y++) {
    for (let x = 0; x < view.width; x++)
      if (view.ink(x, y)) {
        inkRows.push(y);
        break;
      }
  }
  // A line's glyphs leave at most a row or two blank; lines are further apart.
  const bands: [number, number][] = [];
  for (const y of inkRows) {
    const last = bands[bands.length - 1];
    if (last && y - last[1] < 3 * scale) last[1] = y;
    else bands.push([y, y]);
  }
  return bands.map(([top, bottom]) => {
    const columns: number[] = [];
    for (let x = 0; x < view.width; x++) {
      for (let y = top; y <= bottom; y++)
        if (view.ink(x, y)) {
          columns.push(x);
          break;
        }
    }
    // Letters of a word are at most five columns apart; a space leaves at least six.
    const spans: [number, number][] = [];
    for (const x of columns) {
      const last = spans[spans.length - 1];
      if (last && x - last[1] <= 6 * scale) last[1] = x;
      else spans.push([x, x]);
    }
    return spans.map(([left, right]) => {
      let wordTop = top;
      while (wordTop < bottom && !columnsInk(view, left, right, wordTop)) wordTop++;
      for (let dy = 0; dy <= 7 * scale; dy++) {
        for (let dx = 0; dx <= 2 * scale; dx++) {
          const count = Math.ceil((right - (left - dx) + 1) / (6 * scale));
          const text = decodeWord(view, left - dx, wordTop - dy, count, scale);
          if (text !== null) return { text, left, right, top, bottom };
        }
      }
      throw new Error(`unreadable ink at x ${left}-${right}, y ${top}-${bottom}`);
    });
  });
}

function columnsInk(view: View, left: number, right: number, y: number): boolean {
  for (let x = left; x <= right; x++) if (view.ink(x, y)) return true;
  return false;
}

function readText(view: View, scale = 1): string[] {
  return readLines(view, scale).map(line => line.map(w => w.text).join(' '));
}

/** The row (columns, lines) or column (bars) where the most axis-grey pixels are. */
function axisAt(png: Png, across: boolean): number {
  const grey = colorIndex(png, '#5f6368');
  let best = -1;
  let most = 0;
  const outer = across ? png.height : png.width;
  const inner = across ? png.width : png.height;
  for (let a = 0; a < outer; a++) {
    let n = 0;
    for (let b = 0; b < inner; b++) {
      const p = across ? png.pixels[a * png.width + b] : png.pixels[b * png.width + a];
      if (p === grey) n++;
    }
    if (n >= most) {
      most = n;
      best = a;
    }
  }
  return best;
}

/** Top-left corners of the 10 × 10 squares of one colour: the legend's swatches. */
function swatches(png: Png, color: number): [number, number][] {
  const at = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < png.width && y < png.height && png.pixels[y * png.width + x] === color;
  const found: [number, number][] = [];
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      if (!at(x, y) || at(x - 1, y) || at(x, y - 1)) continue;
      let w = 0;
      while (at(x + w, y)) w++;
      let h = 0;
      while (at(x, y + h)) h++;
      if (w === 10 && h === 10) found.push([x, y]);
    }
  }
  return found;
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

describe('Text on chart images', () => {
  function unitsTable(Charts: GoogleAppsScript.Charts.Charts, series = 1) {
    const table = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'Business unit');
    table.addColumn(Charts.ColumnType.NUMBER, 'Open');
    if (series > 1) table.addColumn(Charts.ColumnType.NUMBER, 'Closed');
    const rows: [string, number, number][] = [
      ['Policy', 10, 5],
      ['Finance', 20, 15],
      ['Legal', 40, 25],
    ];
    for (const row of rows) table.addRow(row.slice(0, 1 + series));
    return table;
  }

  function png(chart: GoogleAppsScript.Charts.Chart): Png {
    return decodePng(blobBytes(chart.getAs('image/png')));
  }

  it('writes the title at twice the size, centred in the title strip; no text there without one', () => {
    const { Charts } = session(workspace());
    const titled = png(
      Charts.newColumnChart()
        .setDataTable(unitsTable(Charts))
        .setTitle('Declared by unit')
        .setDimensions(400, 300)
        .build()
    );
    const strip = viewOf(titled, 0, 0, 400, TITLE_HEIGHT);
    expect(readText(strip, 2)).toEqual(['Declared by unit']);
    const [words] = readLines(strip, 2);
    const centre = (words[0].left + words[words.length - 1].right) / 2;
    expect(Math.abs(centre - 200)).toBeLessThanOrEqual(3);

    const untitled = png(
      Charts.newColumnChart().setDataTable(unitsTable(Charts)).setDimensions(400, 300).build()
    );
    // Only the top value label may reach up there, left of the plot.
    expect(readText(viewOf(untitled, 60, 0, 400, TITLE_HEIGHT))).toEqual([]);
  });

  it('labels the value axis with round numbers at its gridlines and each column under the axis', () => {
    const { Charts } = session(workspace());
    const chart = png(
      Charts.newColumnChart()
        .setDataTable(unitsTable(Charts))
        .setTitle('Declared by unit')
        .setDimensions(400, 300)
        .setColors(['#336699'])
        .build()
    );
    const axisRow = axisAt(chart, true);
    const axisColumn = axisAt(chart, false);
    const ticks = readLines(viewOf(chart, 0, TITLE_HEIGHT, axisColumn - 1, 300));
    expect(ticks.map(line => line.map(w => w.text).join(' '))).toEqual([
      '40',
      '30',
      '20',
      '10',
      '0',
    ]);
    // Each number sits level with its value: 0 on the axis, 40 at the top of the tallest column.
    const middle = (line: Word[]) => TITLE_HEIGHT + (line[0].top + line[0].bottom) / 2;
    const tallest = Math.max(...columnHeights(chart, colorIndex(chart, '#336699')));
    expect(Math.abs(middle(ticks[4]) - axisRow)).toBeLessThanOrEqual(3);
    expect(Math.abs(middle(ticks[0]) - (axisRow - 1 - tallest))).toBeLessThanOrEqual(3);

    const below = readLines(viewOf(chart, axisColumn, axisRow + 1, 400, 300));
    expect(below).toHaveLength(1);
    expect(below[0].map(w => w.text)).toEqual(['Policy', 'Finance', 'Legal']);
    // Under their own columns: the plot splits into three equal slots.
    const slot = (400 - axisColumn) / 3;
    below[0].forEach((word, i) => {
      const centre = axisColumn + (word.left + word.right) / 2;
      expect(Math.abs(centre - (axisColumn + slot * (i + 0.5)))).toBeLessThan(slot / 4);
    });
  });

  it('shows a legend of swatches and series names for two series, and none for one', () => {
    const { Charts } = session(workspace());
    const two = png(
      Charts.newColumnChart()
        .setDataTable(unitsTable(Charts, 2))
        .setColors(['#112233', '#445566'])
        .setDimensions(500, 300)
        .build()
    );
    const open = swatches(two, colorIndex(two, '#112233'));
    const closed = swatches(two, colorIndex(two, '#445566'));
    expect(open).toHaveLength(1);
    expect(closed).toHaveLength(1);
    const nameBeside = ([x, y]: [number, number]) =>
      readText(viewOf(two, x + 10, y - 2, 500, y + 12));
    expect(nameBeside(open[0])).toEqual(['Open']);
    expect(nameBeside(closed[0])).toEqual(['Closed']);
    expect(closed[0][1]).toBeGreaterThan(open[0][1]);

    const one = png(
      Charts.newColumnChart()
        .setDataTable(unitsTable(Charts))
        .setColors(['#112233'])
        .setDimensions(500, 300)
        .build()
    );
    expect(swatches(one, colorIndex(one, '#112233'))).toEqual([]);
    expect(readText(viewOf(one, 420, 0, 500, axisAt(one, true)))).toEqual([]);

    // A pie names its slices, here in a row under it.
    const pie = png(
      Charts.newPieChart()
        .setDataTable(unitsTable(Charts))
        .setLegendPosition(Charts.Position.BOTTOM)
        .setDimensions(500, 300)
        .build()
    );
    const lines = readText(viewOf(pie, 0, 260, 500, 300));
    expect(lines).toEqual(['Policy Finance Legal']);
  });

  it('labels bars beside them, shortens long labels with an ellipsis, and writes the axis titles', () => {
    const { Charts } = session(workspace());
    const long = 'Operations, Estates and Facilities Management';
    const table = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, 'Business unit')
      .addColumn(Charts.ColumnType.NUMBER, 'Overdue')
      .addRow(['Legal', 3])
      .addRow([long, 12]);
    const chart = png(
      Charts.newBarChart()
        .setDataTable(table)
        .setXAxisTitle('Reviews overdue')
        .setYAxisTitle('Unit')
        .setColors(['#336699'])
        .setDimensions(400, 240)
        .build()
    );
    const axisColumn = axisAt(chart, false);
    const axisRow = axisAt(chart, true);
    const labels = readLines(viewOf(chart, 20, 0, axisColumn - 1, axisRow));
    const texts = labels.map(line => line.map(w => w.text).join(' '));
    expect(texts[0]).toBe('Legal');
    expect(texts[1]).toMatch(/^Operations, .*…$/);
    expect(texts[1].length).toBeLessThan(long.length);
    // Each label level with the middle of its bar.
    const bar = colorIndex(chart, '#336699');
    labels.forEach(line => {
      const y = Math.round((line[0].top + line[0].bottom) / 2);
      expect(chart.pixels[y * chart.width + axisColumn + 2]).toBe(bar);
    });
    // Under the axis: the values, then the horizontal axis title.
    expect(readText(viewOf(chart, axisColumn - 4, axisRow + 2, 400, 240))).toEqual([
      '0 5 10 15',
      'Reviews overdue',
    ]);
    expect(readText(turnedView(chart, 0, 0, 20, axisRow))).toEqual(['Unit']);
  });

  it('draws a chart of zeros with its axes, labels, legend and a two-pixel baseline', () => {
    const { Charts } = session(workspace());
    const table = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, 'Business unit')
      .addColumn(Charts.ColumnType.NUMBER, 'Before')
      .addColumn(Charts.ColumnType.NUMBER, 'Now')
      .addRow(['Policy', 0, 0])
      .addRow(['Legal', 0, 0]);
    const bars = png(
      Charts.newBarChart()
        .setDataTable(table)
        .setTitle('Complete metadata (%), by business unit')
        .setRange(0, 100)
        .setColors(['#112233', '#445566'])
        .setDimensions(640, 320)
        .build()
    );
    expect(readText(viewOf(bars, 0, 0, 640, TITLE_HEIGHT), 2)).toEqual([
      'Complete metadata (%), by business unit',
    ]);
    const axisColumn = axisAt(bars, false);
    const axisRow = axisAt(bars, true);
    expect(readText(viewOf(bars, axisColumn - 4, axisRow + 2, 640, 320))).toEqual([
      '0 20 40 60 80 100',
    ]);
    expect(readText(viewOf(bars, 0, TITLE_HEIGHT, axisColumn - 2, axisRow))).toEqual([
      'Policy',
      'Legal',
    ]);
    // The baseline: two grey columns the height of the plot.
    const grey = colorIndex(bars, '#5f6368');
    const greyRun = (x: number) => {
      let n = 0;
      for (let y = 0; y < bars.height; y++) if (bars.pixels[y * bars.width + x] === grey) n++;
      return n;
    };
    expect(greyRun(axisColumn)).toBeGreaterThan(200);
    expect(greyRun(axisColumn - 1) + greyRun(axisColumn + 1)).toBeGreaterThan(200);
    // No bars; the series colours appear only in the legend.
    expect(swatches(bars, colorIndex(bars, '#112233'))).toHaveLength(1);
    const now = colorIndex(bars, '#445566');
    const seriesPixels = bars.pixels.filter(p => p === now).length;
    expect(seriesPixels).toBe(100);

    // Without set bounds, whole-number zeros still get a whole-number axis.
    const columns = png(
      Charts.newColumnChart().setDataTable(table).setDimensions(400, 300).build()
    );
    const ticks = readText(viewOf(columns, 0, 0, axisAt(columns, false) - 1, 300));
    expect(ticks[ticks.length - 1]).toBe('0');
    expect(ticks.every(t => /^\d+$/.test(t))).toBe(true);
    expect(ticks.length).toBeGreaterThan(2);
  });

  it('draws axis titles set as options on an embedded chart', () => {
    const state = workspace();
    const id = createSpreadsheetInState(state, {
      owner: alice.email,
      name: 'Register',
      sheets: [
        {
          name: 'Dashboard',
          rows: [
            ['Unit', 'Declared'],
            ['Policy', 1],
            ['Legal', 3],
          ],
        },
      ],
    });
    const { SpreadsheetApp } = session(state);
    const sheet = SpreadsheetApp.openById(id).getSheetByName('Dashboard')!;
    sheet.insertChart(
      sheet
        .newChart()
        .addRange(sheet.getRange('A1:B3'))
        .asColumnChart()
        .setOption('title', 'Declared')
        .setOption('vAxis', { title: 'Records' })
        .setOption('hAxis.title', 'Business unit')
        .setPosition(1, 4, 0, 0)
        .build()
    );
    const chart = decodePng(blobBytes(sheet.getCharts()[0].getBlob()));
    const axisRow = axisAt(chart, true);
    const axisColumn = axisAt(chart, false);
    expect(readText(viewOf(chart, 0, 0, chart.width, TITLE_HEIGHT), 2)).toEqual(['Declared']);
    expect(readText(viewOf(chart, axisColumn, axisRow + 1, chart.width, chart.height))).toEqual([
      'Policy Legal',
      'Business unit',
    ]);
    expect(readText(turnedView(chart, 0, TITLE_HEIGHT, 20, axisRow))).toEqual(['Records']);
  });

  it('renders a 600 × 371 chart with all its text well within 50 ms', () => {
    const { Charts } = session(workspace());
    const table = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, 'Month')
      .addColumn(Charts.ColumnType.NUMBER, 'Policy')
      .addColumn(Charts.ColumnType.NUMBER, 'Finance')
      .addColumn(Charts.ColumnType.NUMBER, 'Legal');
    for (let m = 1; m <= 12; m++) table.addRow([`2025-${String(m).padStart(2, '0')}`, m, 2 * m, 3]);
    const chart = Charts.newColumnChart()
      .setDataTable(table)
      .setTitle('Records declared by month, by business unit')
      .setXAxisTitle('Month')
      .setYAxisTitle('Records')
      .setStacked()
      .build();
    chart.getAs('image/png'); // warm up
    const times: number[] = [];
    const first = blobBytes(chart.getAs('image/png'));
    for (let i = 0; i < 5; i++) {
      const start = process.hrtime.bigint();
      const bytes = blobBytes(chart.getAs('image/png'));
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      // The same chart draws to the same bytes every time.
      expect(bytes).toEqual(first);
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(50);
  });
});

describe('Chart font and axis ticks', () => {
  it('shortens text with an ellipsis to fit a width, and leaves text that fits alone', () => {
    expect(fitText('Legal', 100)).toBe('Legal');
    const cut = fitText('Operations and Estates', 60);
    expect(cut).toBe('Operation…');
    expect(textWidth(cut)).toBeLessThanOrEqual(60);
    expect(fitText('Human Resources', 40)).toBe('Human…');
    expect(fitText('Anything', 3)).toBe('');
    expect(textWidth('Title', 2)).toBe(2 * textWidth('Title'));
  });

  it('draws characters it has no glyph for as a box, not as nothing', () => {
    expect(glyphOf('é').some(row => row !== 0)).toBe(true);
    expect(glyphOf('é')).toEqual(glyphOf('\u4e00'));
    expect(glyphOf('é')).not.toEqual(glyphOf('e'));
    expect(glyphOf(' ').every(row => row === 0)).toBe(true);
  });

  it('puts value ticks at 1, 2 or 5 times a power of ten, widening the axis to round values', () => {
    expect(niceTicks(0, 40, 5, true, null, null).labels).toEqual(['0', '10', '20', '30', '40']);
    expect(niceTicks(0, 37, 5, true, null, null)).toMatchObject({ lo: 0, hi: 40 });
    expect(niceTicks(0, 100, 5, true, 0, 100).labels).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(niceTicks(0, 3, 8, true, null, null).labels).toEqual(['0', '1', '2', '3']);
    expect(niceTicks(0, 0, 5, true, null, null).labels).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(niceTicks(-1.5, 4.75, 4, false, null, null).labels).toEqual(['-2', '0', '2', '4', '6']);
    expect(niceTicks(0, 0.7, 4, false, null, null).labels).toEqual([
      '0',
      '0.2',
      '0.4',
      '0.6',
      '0.8',
    ]);
    expect(niceTicks(0, 4200, 4, true, null, null).labels).toEqual([
      '0',
      '2,000',
      '4,000',
      '6,000',
    ]);
  });
});
