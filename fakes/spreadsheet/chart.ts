// Embedded charts: Sheet.newChart() builds one, insertChart/updateChart/removeChart change the
// sheet's `charts` in the state, and an EmbeddedChart draws its ranges' values as they are now.
// A built chart is a detached copy until it is inserted (or, from modify(), until updateChart),
// as in Apps Script: "changes to the chart are not saved until Sheet.updateChart(chart) is
// called" (developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder).
import { ChartOptionSetters } from '../charts/setters';
import { chartBlob } from '../charts/options';
import { applySetter, CHART_TYPE, FakeChartOptions } from '../charts/options';
import type { ChartData } from '../charts/render';
import type { FakeContext } from '../core/context';
import type {
  ChartRangeState,
  EmbeddedChartState,
  SheetState,
  WorkspaceState,
} from '../core/state';
import { requireEditable, sheetById, spreadsheetOf } from './access';
import { cellValue } from './cells';
import { getCell } from './grid';
import { sheetsError } from './messages';
import { createRange, rangeRef } from './range';

type Range = GoogleAppsScript.Spreadsheet.Range;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** What the chart builders return: one object that is every typed builder at once. */
type AnyBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder &
  GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder &
  GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder &
  GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder &
  GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder;

/** A chart's description without its place in the spreadsheet (chartId null until inserted). */
export type ChartSpec = Omit<EmbeddedChartState, 'chartId'> & { chartId: number | null };

/** Messages of chart calls; all unconfirmed (no public source quotes them). */
export const CHART_MESSAGES = {
  noRanges: 'The chart has no data ranges. Add a range with addRange before inserting the chart.',
  noType: 'The chart has no type. Call setChartType or one of the as…Chart methods first.',
  notOnSheet: 'The chart is not on this sheet (it was removed, or never inserted).',
  badPosition: 'The chart position must be a row and column from 1 and offsets from 0.',
  badRange: 'Invalid argument: range',
  otherSpreadsheet: 'The range must be in the same spreadsheet as the chart.',
} as const;

function blankSpec(): ChartSpec {
  return {
    chartId: null,
    type: '',
    ranges: [],
    anchorRow: 1,
    anchorColumn: 1,
    offsetX: 0,
    offsetY: 0,
    options: {},
    numHeaders: -1,
    transpose: false,
    mergeStrategy: 'MERGE_COLUMNS',
    hiddenDimensionStrategy: 'IGNORE_ROWS',
  };
}

function copySpec<T extends ChartSpec | EmbeddedChartState>(spec: T): T {
  return JSON.parse(JSON.stringify(spec)) as T;
}

export function chartsOf(sheet: SheetState): EmbeddedChartState[] {
  if (!sheet.charts) sheet.charts = [];
  return sheet.charts;
}

// ---------------------------------------------------------------------------------------------

/** The values of a chart's ranges, joined as the merge strategy says, rows × columns. */
function chartGrid(ctx: FakeContext, spreadsheetId: string, spec: ChartSpec): unknown[][] {
  const spreadsheet = spreadsheetOf(ctx, spreadsheetId);
  const blocks = spec.ranges.map(r => {
    const sheet = sheetById(spreadsheet, r.sheetId);
    const rows: unknown[][] = [];
    for (let i = 0; i < r.numRows; i++) {
      const row: unknown[] = [];
      for (let j = 0; j < r.numColumns; j++) {
        row.push(cellValue(getCell(sheet, r.row - 1 + i, r.column - 1 + j)));
      }
      rows.push(row);
    }
    return rows;
  });
  let grid: unknown[][] = [];
  if (spec.mergeStrategy === 'MERGE_ROWS') {
    for (const block of blocks) grid.push(...block);
  } else {
    const height = Math.max(0, ...blocks.map(b => b.length));
    for (let i = 0; i < height; i++) grid.push(blocks.flatMap(b => b[i] ?? b[0].map(() => '')));
  }
  if (spec.transpose && grid.length > 0) {
    grid = grid[0].map((_v, c) => grid.map(row => row[c]));
  }
  return grid;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && isFinite(v);

/**
 * Labels and series from the grid. With two or more columns the first holds the categories.
 * Header rows: as many as setNumHeaders said, or (by default) one when the first row has text
 * over number columns, as Sheets guesses.
 */
export function chartDataOfGrid(grid: unknown[][], numHeaders: number): ChartData {
  const width = Math.max(0, ...grid.map(r => r.length));
  const hasLabels = width >= 2;
  let headers = numHeaders;
  if (headers < 0) {
    const first = grid[0] ?? [];
    const valueCells = first.slice(hasLabels ? 1 : 0);
    headers = grid.length > 1 && valueCells.some(v => typeof v === 'string' && v !== '') ? 1 : 0;
  }
  const body = grid.slice(headers);
  const firstSeries = hasLabels ? 1 : 0;
  const labels = body.map((row, i) => {
    if (!hasLabels) return String(i + 1);
    const v = row[0];
    return v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '');
  });
  const series: ChartData['series'] = [];
  for (let c = firstSeries; c < width; c++) {
    const name = headers > 0 ? String(grid[headers - 1][c] ?? '') : `Series ${c - firstSeries + 1}`;
    series.push({
      name,
      values: body.map(row => {
        const v = row[c];
        return isNumber(v) ? v : NaN;
      }),
    });
  }
  return { labels, series };
}

// ---------------------------------------------------------------------------------------------

type BuilderSetters =
  | 'addRange'
  | 'removeRange'
  | 'clearRanges'
  | 'getRanges'
  | 'setChartType'
  | 'getChartType'
  | 'setPosition'
  | 'getContainer'
  | 'setOption'
  | 'setNumHeaders'
  | 'setTransposeRowsAndColumns'
  | 'setMergeStrategy'
  | 'setHiddenDimensionStrategy'
  | 'asColumnChart'
  | 'asBarChart'
  | 'asLineChart'
  | 'asPieChart'
  | 'build';

class FakeEmbeddedChartBuilder
  extends ChartOptionSetters<AnyBuilder>
  implements
    Pick<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, BuilderSetters>,
    Pick<
      GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder,
      | BuilderSetters
      | 'setTitle'
      | 'setXAxisTitle'
      | 'setYAxisTitle'
      | 'setColors'
      | 'setStacked'
      | 'setLegendPosition'
      | 'setRange'
      | 'setBackgroundColor'
      | 'reverseCategories'
      | 'useLogScale'
    >,
    Pick<GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder, BuilderSetters | 'setTitle'>,
    Pick<
      GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder,
      BuilderSetters | 'setTitle' | 'setCurveStyle' | 'setPointStyle'
    >,
    Pick<
      GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder,
      BuilderSetters | 'setTitle' | 'set3D'
    >
{
  private self!: AnyBuilder;

  private constructor(
    private ctx: FakeContext,
    private spreadsheetId: string,
    private sheetId: number,
    private spec: ChartSpec
  ) {
    super();
  }

  static create(
    ctx: FakeContext,
    spreadsheetId: string,
    sheetId: number,
    spec: ChartSpec = blankSpec()
  ): AnyBuilder {
    const raw = new FakeEmbeddedChartBuilder(ctx, spreadsheetId, sheetId, copySpec(spec));
    raw.self = ctx.wrap(raw, 'SpreadsheetApp.EmbeddedChartBuilder') as unknown as AnyBuilder;
    return raw.self;
  }

  private refOf(range: Range): ChartRangeState {
    let ref;
    try {
      ref = rangeRef(range);
    } catch {
      throw sheetsError(CHART_MESSAGES.badRange);
    }
    if (ref.spreadsheetId !== this.spreadsheetId)
      throw sheetsError(CHART_MESSAGES.otherSpreadsheet);
    return {
      sheetId: ref.sheetId,
      row: ref.row,
      column: ref.column,
      numRows: ref.numRows,
      numColumns: ref.numColumns,
    };
  }

  /** A range already on the chart is not added twice (as the reference says). */
  addRange(range: Range): AnyBuilder {
    const ref = this.refOf(range);
    const same = (r: ChartRangeState) => JSON.stringify(r) === JSON.stringify(ref);
    if (!this.spec.ranges.some(same)) this.spec.ranges.push(ref);
    return this.self;
  }
  removeRange(range: Range): AnyBuilder {
    const ref = JSON.stringify(this.refOf(range));
    this.spec.ranges = this.spec.ranges.filter(r => JSON.stringify(r) !== ref);
    return this.self;
  }
  clearRanges(): AnyBuilder {
    this.spec.ranges = [];
    return this.self;
  }
  getRanges(): Range[] {
    return this.spec.ranges.map(r =>
      createRange(this.ctx, { spreadsheetId: this.spreadsheetId, ...r })
    );
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): AnyBuilder {
    const name = String(type);
    if (!(name in CHART_TYPE)) throw sheetsError(`Invalid argument: type (${name})`);
    this.spec.type = name;
    return this.self;
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return (this.spec.type || null) as unknown as GoogleAppsScript.Charts.ChartType;
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number
  ): AnyBuilder {
    const whole = [anchorRowPos, anchorColPos, offsetX, offsetY].every(n => Number.isInteger(n));
    if (!whole || anchorRowPos < 1 || anchorColPos < 1 || offsetX < 0 || offsetY < 0) {
      throw sheetsError(CHART_MESSAGES.badPosition);
    }
    Object.assign(this.spec, {
      anchorRow: anchorRowPos,
      anchorColumn: anchorColPos,
      offsetX,
      offsetY,
    });
    return this.self;
  }
  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this.ctx, this.spec);
  }
  setNumHeaders(headers: number): AnyBuilder {
    if (!Number.isInteger(headers) || headers < -1) throw sheetsError('Invalid argument: headers');
    this.spec.numHeaders = headers;
    return this.self;
  }
  setTransposeRowsAndColumns(transpose: boolean): AnyBuilder {
    this.spec.transpose = !!transpose;
    return this.self;
  }
  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): AnyBuilder {
    this.spec.mergeStrategy = String(mergeStrategy);
    return this.self;
  }
  setHiddenDimensionStrategy(
    strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy
  ): AnyBuilder {
    this.spec.hiddenDimensionStrategy = String(strategy);
    return this.self;
  }
  asColumnChart(): AnyBuilder {
    this.spec.type = 'COLUMN';
    return this.self;
  }
  asBarChart(): AnyBuilder {
    this.spec.type = 'BAR';
    return this.self;
  }
  asLineChart(): AnyBuilder {
    this.spec.type = 'LINE';
    return this.self;
  }
  asPieChart(): AnyBuilder {
    this.spec.type = 'PIE';
    return this.self;
  }

  protected set(method: string, ...args: unknown[]): AnyBuilder {
    try {
      applySetter(this.spec.options, this.spec.type, method, args);
    } catch (error) {
      throw sheetsError((error as Error).message);
    }
    return this.self;
  }

  /** Building needs a chart type; ranges are checked when the chart is inserted. */
  build(): EmbeddedChart {
    if (!this.spec.type) throw sheetsError(CHART_MESSAGES.noType);
    return FakeEmbeddedChart.create(this.ctx, this.spreadsheetId, this.sheetId, this.spec);
  }
}

function containerInfo(
  ctx: FakeContext,
  spec: ChartSpec
): GoogleAppsScript.Spreadsheet.ContainerInfo {
  const info: Pick<
    GoogleAppsScript.Spreadsheet.ContainerInfo,
    'getAnchorRow' | 'getAnchorColumn' | 'getOffsetX' | 'getOffsetY'
  > = {
    getAnchorRow: () => spec.anchorRow,
    getAnchorColumn: () => spec.anchorColumn,
    getOffsetX: () => spec.offsetX,
    getOffsetY: () => spec.offsetY,
  };
  return ctx.wrap(
    info,
    'SpreadsheetApp.ContainerInfo'
  ) as GoogleAppsScript.Spreadsheet.ContainerInfo;
}

// ---------------------------------------------------------------------------------------------

type EmbeddedChartApi = Pick<
  EmbeddedChart,
  | 'getAs'
  | 'getBlob'
  | 'getChartId'
  | 'getContainerInfo'
  | 'getHiddenDimensionStrategy'
  | 'getMergeStrategy'
  | 'getNumHeaders'
  | 'getOptions'
  | 'getRanges'
  | 'getTransposeRowsAndColumns'
  | 'modify'
>;

export class FakeEmbeddedChart implements EmbeddedChartApi {
  private constructor(
    private ctx: FakeContext,
    private spreadsheetId: string,
    private sheetId: number,
    private spec: ChartSpec
  ) {}

  static create(
    ctx: FakeContext,
    spreadsheetId: string,
    sheetId: number,
    spec: ChartSpec
  ): EmbeddedChart {
    return ctx.wrap(
      new FakeEmbeddedChart(ctx, spreadsheetId, sheetId, copySpec(spec)),
      'SpreadsheetApp.EmbeddedChart'
    ) as unknown as EmbeddedChart;
  }

  /** Null until the chart is inserted into a sheet. */
  getChartId(): number | null {
    return this.spec.chartId;
  }
  /** The chart's id as text ("unique across the spreadsheet"); null before insertion. */
  getId(): string | null {
    return this.spec.chartId === null ? null : String(this.spec.chartId);
  }
  getType(): string {
    return this.spec.type;
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this.ctx, this.spec);
  }
  getHiddenDimensionStrategy(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy {
    return this.spec
      .hiddenDimensionStrategy as unknown as GoogleAppsScript.Charts.ChartHiddenDimensionStrategy;
  }
  getMergeStrategy(): GoogleAppsScript.Charts.ChartMergeStrategy {
    return this.spec.mergeStrategy as unknown as GoogleAppsScript.Charts.ChartMergeStrategy;
  }
  getNumHeaders(): number {
    return this.spec.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this.spec.transpose;
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return FakeChartOptions.create(this.ctx, this.spec.options);
  }
  getRanges(): Range[] {
    return this.spec.ranges.map(r =>
      createRange(this.ctx, { spreadsheetId: this.spreadsheetId, ...r })
    );
  }
  /** A builder holding this chart's settings; pass what it builds to Sheet.updateChart. */
  modify(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return FakeEmbeddedChartBuilder.create(this.ctx, this.spreadsheetId, this.sheetId, this.spec);
  }
  /** The picture of the ranges' values as they are now. */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    const data = chartDataOfGrid(
      chartGrid(this.ctx, this.spreadsheetId, this.spec),
      this.spec.numHeaders
    );
    try {
      return chartBlob(this.ctx, this.spec.type, this.spec.options, data, contentType);
    } catch (error) {
      if ((error as Error).constructor === Error) throw sheetsError((error as Error).message);
      throw error;
    }
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.getAs('image/png');
  }

  /** The chart's settings for Sheet (not an Apps Script method; never counted). */
  __spec(): ChartSpec {
    return copySpec(this.spec);
  }
  __sheetId(): number {
    return this.sheetId;
  }
}

// ---------------------------------------------------------------------------------------------
// The Sheet methods, called by FakeSheet.

function specOf(chart: EmbeddedChart): ChartSpec {
  const raw = chart as unknown as { __spec?: () => ChartSpec };
  if (!raw || typeof raw.__spec !== 'function') throw sheetsError('Invalid argument: chart');
  return raw.__spec();
}

/** Chart ids are whole numbers unique in the spreadsheet. */
function nextChartId(ctx: FakeContext, spreadsheetId: string): number {
  const ids = spreadsheetOf(ctx, spreadsheetId).sheets.flatMap(s =>
    (s.charts ?? []).map(c => c.chartId)
  );
  return ids.length > 0 ? Math.max(...ids) + 1 : 1_500_000_001;
}

export function newChartBuilder(
  ctx: FakeContext,
  spreadsheetId: string,
  sheetId: number
): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
  return FakeEmbeddedChartBuilder.create(ctx, spreadsheetId, sheetId);
}

/** Inserting is an edit of the sheet: viewers and protected sheets refuse it. */
export function insertChart(
  ctx: FakeContext,
  spreadsheetId: string,
  sheet: SheetState,
  chart: EmbeddedChart
): void {
  const spec = specOf(chart);
  requireEditable(ctx, spreadsheetId, sheet, null);
  if (spec.ranges.length === 0) throw sheetsError(CHART_MESSAGES.noRanges);
  const stored: EmbeddedChartState = { ...spec, chartId: nextChartId(ctx, spreadsheetId) };
  chartsOf(sheet).push(stored);
}

export function getCharts(
  ctx: FakeContext,
  spreadsheetId: string,
  sheet: SheetState
): EmbeddedChart[] {
  return chartsOf(sheet).map(c => FakeEmbeddedChart.create(ctx, spreadsheetId, sheet.sheetId, c));
}

export function updateChart(
  ctx: FakeContext,
  spreadsheetId: string,
  sheet: SheetState,
  chart: EmbeddedChart
): void {
  const spec = specOf(chart);
  requireEditable(ctx, spreadsheetId, sheet, null);
  const charts = chartsOf(sheet);
  const index = charts.findIndex(c => c.chartId === spec.chartId);
  if (spec.chartId === null || index < 0) throw sheetsError(CHART_MESSAGES.notOnSheet);
  if (spec.ranges.length === 0) throw sheetsError(CHART_MESSAGES.noRanges);
  charts[index] = { ...spec, chartId: spec.chartId };
}

export function removeChart(
  ctx: FakeContext,
  spreadsheetId: string,
  sheet: SheetState,
  chart: EmbeddedChart
): void {
  const spec = specOf(chart);
  requireEditable(ctx, spreadsheetId, sheet, null);
  const charts = chartsOf(sheet);
  const index = charts.findIndex(c => c.chartId === spec.chartId);
  if (spec.chartId === null || index < 0) throw sheetsError(CHART_MESSAGES.notOnSheet);
  charts.splice(index, 1);
}

/** The picture of a stored chart, for the emulator (no execution, nothing counted). */
export function chartDataOf(
  state: WorkspaceState,
  spreadsheetId: string,
  chart: EmbeddedChartState
): ChartData {
  const spreadsheet = state.spreadsheets[spreadsheetId];
  const readable = chart.ranges.every(r => spreadsheet?.sheets.some(s => s.sheetId === r.sheetId));
  if (!readable) return { labels: [], series: [] };
  // chartGrid reads only ctx.state.
  const ctx = { state } as unknown as FakeContext;
  return chartDataOfGrid(chartGrid(ctx, spreadsheetId, chart), chart.numHeaders);
}
