// The Charts service: data tables and chart builders whose charts draw to PNG. Building is local
// work in the script; converting a chart to an image is the round trip (see latency.ts).
import { ChartOptionSetters } from './setters';
import type { FakeContext } from '../core/context';
import {
  applySetter,
  CHART_HIDDEN_DIMENSION_STRATEGY,
  CHART_MERGE_STRATEGY,
  CHART_TYPE,
  chartBlob,
  COLUMN_TYPE,
  CURVE_STYLE,
  FakeChartOptions,
  POINT_STYLE,
  POSITION,
  type ChartOptionsState,
} from './options';
import type { ChartData } from './render';

type C = typeof GoogleAppsScript.Charts;
type DataTable = GoogleAppsScript.Charts.DataTable;
type DataTableBuilder = GoogleAppsScript.Charts.DataTableBuilder;

interface TableData {
  columns: { type: string; label: string }[];
  rows: unknown[][];
}

// ---------------------------------------------------------------------------------------------

type DataTableBuilderApi = Pick<DataTableBuilder, 'addColumn' | 'addRow' | 'setValue' | 'build'>;

class FakeDataTableBuilder implements DataTableBuilderApi {
  private self!: DataTableBuilder;
  private table: TableData = { columns: [], rows: [] };

  constructor(private ctx: FakeContext) {}

  static create(ctx: FakeContext): DataTableBuilder {
    const raw = new FakeDataTableBuilder(ctx);
    raw.self = ctx.wrap(raw, 'Charts.DataTableBuilder') as unknown as DataTableBuilder;
    return raw.self;
  }

  addColumn(type: GoogleAppsScript.Charts.ColumnType, label: string): DataTableBuilder {
    const name = String(type);
    if (!(name in COLUMN_TYPE)) throw new Error(`Invalid argument: type (${name})`);
    if (this.table.rows.length > 0) {
      // Unconfirmed wording; Apps Script refuses new columns once rows were added.
      throw new Error('Columns must be added before rows.');
    }
    this.table.columns.push({ type: name, label: String(label) });
    return this.self;
  }
  /** Values in column order; a row longer than the columns is refused (wording unconfirmed). */
  addRow(values: unknown[]): DataTableBuilder {
    if (!Array.isArray(values)) throw new Error('Invalid argument: values');
    if (values.length > this.table.columns.length) {
      throw new Error(
        `The row has ${values.length} values but the table has ${this.table.columns.length} columns.`
      );
    }
    this.table.rows.push(this.table.columns.map((column, c) => cellOf(column.type, values[c])));
    return this.self;
  }
  setValue(row: number, column: number, value: unknown): DataTableBuilder {
    if (!Number.isInteger(row) || row < 0) throw new Error('Invalid argument: row');
    if (!Number.isInteger(column) || column < 0 || column >= this.table.columns.length) {
      throw new Error('Invalid argument: column');
    }
    while (this.table.rows.length <= row) this.table.rows.push(this.table.columns.map(() => null));
    this.table.rows[row][column] = cellOf(this.table.columns[column].type, value);
    return this.self;
  }
  build(): DataTable {
    return this.ctx.wrap(
      new FakeDataTable(JSON.parse(JSON.stringify(this.table)) as TableData),
      'Charts.DataTable'
    ) as unknown as DataTable;
  }

  /** The table so far, for setDataTable(builder) (not an Apps Script method; never counted). */
  __table(): TableData {
    return JSON.parse(JSON.stringify(this.table)) as TableData;
  }
}

/** A NUMBER column holds numbers (null for blanks); DATE columns keep epoch ms. */
function cellOf(type: string, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'NUMBER') {
    const n = typeof value === 'number' ? value : Number(value);
    if (!isFinite(n)) throw new Error(`"${String(value)}" is not a number for a NUMBER column.`);
    return n;
  }
  if (type === 'DATE') {
    const time = value instanceof Object && 'getTime' in value ? (value as Date).getTime() : NaN;
    if (!isFinite(time)) throw new Error(`"${String(value)}" is not a date for a DATE column.`);
    return time;
  }
  return String(value);
}

class FakeDataTable {
  constructor(private table: TableData) {}
  __table(): TableData {
    return this.table;
  }
}

/** A data table from whatever setDataTable was given: a builder, a built table or a source. */
function tableFrom(source: unknown): TableData {
  const value = source as {
    __table?: () => TableData;
    getDataTable?: () => unknown;
  } | null;
  if (value && typeof value.__table === 'function') return value.__table();
  if (value && typeof value.getDataTable === 'function') return tableFrom(value.getDataTable());
  throw new Error('Invalid argument: setDataTable expects a DataTable or DataTableBuilder.');
}

/** First column: the categories; every NUMBER column after it: a series. */
export function chartDataOfTable(table: TableData): ChartData {
  const labels = table.rows.map(row => {
    const v = row[0];
    return table.columns[0]?.type === 'DATE' && typeof v === 'number'
      ? new Date(v).toISOString().slice(0, 10)
      : String(v ?? '');
  });
  const series = table.columns
    .map((column, c) => ({ column, c }))
    .filter(({ column, c }) => c > 0 && column.type === 'NUMBER')
    .map(({ column, c }) => ({
      name: column.label,
      values: table.rows.map(row => (typeof row[c] === 'number' ? (row[c] as number) : NaN)),
    }));
  return { labels, series };
}

// ---------------------------------------------------------------------------------------------
// One builder class serves the column, bar, line and pie builders: their setters differ only in
// which of them exist, and each typed factory below exposes its own set.

/** What each setter returns: one object that is every typed builder at once. */
type AnyBuilder = GoogleAppsScript.Charts.ColumnChartBuilder &
  GoogleAppsScript.Charts.BarChartBuilder &
  GoogleAppsScript.Charts.LineChartBuilder &
  GoogleAppsScript.Charts.PieChartBuilder;

type SharedSetters =
  | 'build'
  | 'reverseCategories'
  | 'setBackgroundColor'
  | 'setColors'
  | 'setDataTable'
  | 'setDimensions'
  | 'setLegendPosition'
  | 'setOption'
  | 'setTitle';

class FakeChartBuilder
  extends ChartOptionSetters<AnyBuilder>
  implements
    Pick<
      GoogleAppsScript.Charts.ColumnChartBuilder,
      SharedSetters | 'setRange' | 'setStacked' | 'setXAxisTitle' | 'setYAxisTitle' | 'useLogScale'
    >,
    Pick<GoogleAppsScript.Charts.BarChartBuilder, SharedSetters | 'setRange' | 'setStacked'>,
    Pick<
      GoogleAppsScript.Charts.LineChartBuilder,
      SharedSetters | 'setCurveStyle' | 'setPointStyle'
    >,
    Pick<GoogleAppsScript.Charts.PieChartBuilder, SharedSetters | 'set3D'>
{
  private self!: AnyBuilder;
  private options: ChartOptionsState = {};
  private table: TableData | null = null;

  constructor(
    private ctx: FakeContext,
    private type: string
  ) {
    super();
  }

  static create(ctx: FakeContext, type: string, className: string): AnyBuilder {
    const raw = new FakeChartBuilder(ctx, type);
    raw.self = ctx.wrap(raw, `Charts.${className}`) as unknown as AnyBuilder;
    return raw.self;
  }

  protected set(method: string, ...args: unknown[]): AnyBuilder {
    applySetter(this.options, this.type, method, args);
    return this.self;
  }

  setDataTable(table: DataTableBuilder | GoogleAppsScript.Charts.DataTableSource): AnyBuilder {
    this.table = tableFrom(table);
    return this.self;
  }
  setDimensions(width: number, height: number): AnyBuilder {
    return this.set('setDimensions', width, height);
  }
  /** A chart needs its data; the wording of Apps Script's refusal is unconfirmed. */
  build(): GoogleAppsScript.Charts.Chart {
    if (!this.table) throw new Error('The chart has no data table: call setDataTable first.');
    return FakeChart.create(this.ctx, this.type, { ...this.options }, this.table);
  }
}

type ChartApi = Pick<GoogleAppsScript.Charts.Chart, 'getAs' | 'getBlob' | 'getOptions'>;

class FakeChart implements ChartApi {
  constructor(
    private ctx: FakeContext,
    private type: string,
    private options: ChartOptionsState,
    private table: TableData
  ) {}

  static create(
    ctx: FakeContext,
    type: string,
    options: ChartOptionsState,
    table: TableData
  ): GoogleAppsScript.Charts.Chart {
    return ctx.wrap(
      new FakeChart(ctx, type, options, table),
      'Charts.Chart'
    ) as unknown as GoogleAppsScript.Charts.Chart;
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    return chartBlob(this.ctx, this.type, this.options, chartDataOfTable(this.table), contentType);
  }
  /** A chart's own data is its PNG image. */
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.getAs('image/png');
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return FakeChartOptions.create(this.ctx, this.options);
  }
}

// ---------------------------------------------------------------------------------------------

type ChartsApi = Pick<
  GoogleAppsScript.Charts.Charts,
  | 'ChartType'
  | 'ColumnType'
  | 'Position'
  | 'CurveStyle'
  | 'PointStyle'
  | 'ChartMergeStrategy'
  | 'ChartHiddenDimensionStrategy'
  | 'newDataTable'
  | 'newColumnChart'
  | 'newBarChart'
  | 'newLineChart'
  | 'newPieChart'
>;

class FakeCharts implements ChartsApi {
  ChartType = CHART_TYPE as unknown as C['ChartType'];
  ColumnType = COLUMN_TYPE as unknown as C['ColumnType'];
  Position = POSITION as unknown as C['Position'];
  CurveStyle = CURVE_STYLE as unknown as C['CurveStyle'];
  PointStyle = POINT_STYLE as unknown as C['PointStyle'];
  ChartMergeStrategy = CHART_MERGE_STRATEGY as unknown as C['ChartMergeStrategy'];
  ChartHiddenDimensionStrategy =
    CHART_HIDDEN_DIMENSION_STRATEGY as unknown as C['ChartHiddenDimensionStrategy'];

  constructor(private ctx: FakeContext) {}

  newDataTable(): DataTableBuilder {
    return FakeDataTableBuilder.create(this.ctx);
  }
  newColumnChart(): GoogleAppsScript.Charts.ColumnChartBuilder {
    return FakeChartBuilder.create(this.ctx, 'COLUMN', 'ColumnChartBuilder');
  }
  newBarChart(): GoogleAppsScript.Charts.BarChartBuilder {
    return FakeChartBuilder.create(
      this.ctx,
      'BAR',
      'BarChartBuilder'
    ) as unknown as GoogleAppsScript.Charts.BarChartBuilder;
  }
  newLineChart(): GoogleAppsScript.Charts.LineChartBuilder {
    return FakeChartBuilder.create(
      this.ctx,
      'LINE',
      'LineChartBuilder'
    ) as unknown as GoogleAppsScript.Charts.LineChartBuilder;
  }
  newPieChart(): GoogleAppsScript.Charts.PieChartBuilder {
    return FakeChartBuilder.create(
      this.ctx,
      'PIE',
      'PieChartBuilder'
    ) as unknown as GoogleAppsScript.Charts.PieChartBuilder;
  }
}

export function createCharts(ctx: FakeContext): GoogleAppsScript.Charts.Charts {
  return ctx.wrap(new FakeCharts(ctx), 'Charts') as unknown as GoogleAppsScript.Charts.Charts;
}

export { CHART_TYPE, CHART_MERGE_STRATEGY, CHART_HIDDEN_DIMENSION_STRATEGY } from './options';
export { chartBlob, FakeChartOptions, applySetter, lookOf } from './options';
export { renderChart, renderChartPng } from './render';
export type { ChartData } from './render';
export { encodePng, imageSize } from './png';
