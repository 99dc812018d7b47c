// What the Charts service and embedded Sheets charts share: option names, enums, the picture a
// chart's options describe, and the blobs a chart converts to.
import { FakeBlob } from '../core/blob';
import type { FakeContext } from '../core/context';
import { NotEmulatedError } from '../core/instrument';
import { renderChartPng, type ChartData, type ChartLook } from './render';

const names = <T extends string>(list: readonly T[]): Record<T, T> =>
  Object.fromEntries(list.map(n => [n, n])) as Record<T, T>;

export const CHART_TYPE = names([
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const);
export const COLUMN_TYPE = names(['DATE', 'NUMBER', 'STRING'] as const);
export const POSITION = names(['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const);
export const CURVE_STYLE = names(['NORMAL', 'SMOOTH'] as const);
export const POINT_STYLE = names(['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE'] as const);
export const CHART_MERGE_STRATEGY = names(['MERGE_COLUMNS', 'MERGE_ROWS'] as const);
export const CHART_HIDDEN_DIMENSION_STRATEGY = names([
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
] as const);

/**
 * Default size of a chart in pixels when no width or height option is set: that of a new chart in
 * Sheets (600 × 371). Unconfirmed for Charts-service charts, which may default differently.
 */
export const DEFAULT_WIDTH = 600;
export const DEFAULT_HEIGHT = 371;

export type ChartOptionsState = Record<string, unknown>;

function option(options: ChartOptionsState, ...keys: string[]): unknown {
  for (const key of keys) {
    if (options[key] !== undefined && options[key] !== null) return options[key];
    // setOption('legend', { position: 'none' }) and setOption('legend.position', 'none') agree.
    const dot = key.indexOf('.');
    if (dot > 0) {
      const parent = options[key.slice(0, dot)];
      if (parent && typeof parent === 'object') {
        const value = (parent as Record<string, unknown>)[key.slice(dot + 1)];
        if (value !== undefined && value !== null) return value;
      }
    }
  }
  return undefined;
}

function numberOr(value: unknown, fallback: number | null): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return isFinite(n) ? n : fallback;
}

/** How a chart of `type` with `options` looks, with Sheets' defaults where nothing is set. */
export function lookOf(type: string, options: ChartOptionsState): ChartLook {
  const valueAxis = type === 'BAR' ? 'hAxis' : 'vAxis';
  const legend = String(option(options, 'legend.position') ?? 'right').toUpperCase();
  const colors = option(options, 'colors');
  return {
    type,
    width: numberOr(option(options, 'width'), DEFAULT_WIDTH) ?? DEFAULT_WIDTH,
    height: numberOr(option(options, 'height'), DEFAULT_HEIGHT) ?? DEFAULT_HEIGHT,
    title: String(option(options, 'title') ?? ''),
    colors: Array.isArray(colors) ? colors.map(String) : [],
    backgroundColor: String(option(options, 'backgroundColor') ?? '#ffffff'),
    stacked: !!option(options, 'isStacked'),
    legend: ['TOP', 'RIGHT', 'BOTTOM', 'NONE'].includes(legend) ? legend : 'RIGHT',
    min: numberOr(option(options, `${valueAxis}.viewWindow.min`, `${valueAxis}.minValue`), null),
    max: numberOr(option(options, `${valueAxis}.viewWindow.max`, `${valueAxis}.maxValue`), null),
    hAxisTitle: String(option(options, 'hAxis.title') ?? ''),
    vAxisTitle: String(option(options, 'vAxis.title') ?? ''),
  };
}

/** Chart types the fake draws; others are accepted in the state but not rendered. */
const DRAWN = ['COLUMN', 'BAR', 'LINE', 'AREA', 'PIE', 'SCATTER'];

/**
 * The chart as a blob. Apps Script names chart images after the chart's title with the new
 * extension (getAs "adds the appropriate extension to the filename", developers.google.com
 * /apps-script/reference/charts/chart#getAs); the name of an untitled chart is unconfirmed.
 * 'image/png' is drawn. PDF, JPEG, GIF and BMP are valid conversions of an image in Apps Script
 * but are not emulated; anything else fails as Blob.getAs fails (message unconfirmed).
 */
export function chartBlob(
  ctx: FakeContext,
  type: string,
  options: ChartOptionsState,
  data: ChartData,
  contentType: string
): GoogleAppsScript.Base.Blob {
  const wanted = String(contentType);
  if (['application/pdf', 'image/jpeg', 'image/gif', 'image/bmp'].includes(wanted)) {
    throw new NotEmulatedError(`not emulated: chart conversion to ${wanted}`);
  }
  if (wanted !== 'image/png') {
    throw new Error(`Converting from image/png to ${wanted} is not supported.`);
  }
  if (!DRAWN.includes(type)) {
    throw new NotEmulatedError(`not emulated: drawing a ${type} chart`);
  }
  const look = lookOf(type, options);
  const name = `${(look.title || 'chart').replace(/\.[^.]*$/, '')}.png`;
  return FakeBlob.create(
    ctx,
    renderChartPng(data, look),
    'image/png',
    name
  ) as unknown as GoogleAppsScript.Base.Blob;
}

type ChartOptionsApi = Pick<GoogleAppsScript.Charts.ChartOptions, 'get'>;

/** A read-only view of a chart's options; unset options read as null. */
export class FakeChartOptions implements ChartOptionsApi {
  constructor(private options: ChartOptionsState) {}

  static create(
    ctx: FakeContext,
    options: ChartOptionsState
  ): GoogleAppsScript.Charts.ChartOptions {
    return ctx.wrap(
      new FakeChartOptions(JSON.parse(JSON.stringify(options)) as ChartOptionsState),
      'Charts.ChartOptions'
    ) as unknown as GoogleAppsScript.Charts.ChartOptions;
  }

  get(name: string): unknown {
    const value = option(this.options, String(name));
    return value === undefined ? null : value;
  }
}

/**
 * The setters the typed chart builders share, each an option by its Google Charts name, so
 * that getOptions().get('title') reads back what setTitle wrote.
 */
export function applySetter(
  options: ChartOptionsState,
  type: string,
  method: string,
  args: unknown[]
): boolean {
  const valueAxis = type === 'BAR' ? 'hAxis' : 'vAxis';
  switch (method) {
    case 'setTitle':
      options.title = String(args[0]);
      return true;
    case 'setXAxisTitle':
      options['hAxis.title'] = String(args[0]);
      return true;
    case 'setYAxisTitle':
      options['vAxis.title'] = String(args[0]);
      return true;
    case 'setColors':
      if (!Array.isArray(args[0])) throw new Error('setColors expects an array of CSS colours.');
      options.colors = (args[0] as unknown[]).map(String);
      return true;
    case 'setBackgroundColor':
      options.backgroundColor = String(args[0]);
      return true;
    case 'setStacked':
      options.isStacked = true;
      return true;
    case 'setLegendPosition':
      options['legend.position'] = String(args[0]).toLowerCase();
      return true;
    case 'setDimensions': {
      const [width, height] = args as number[];
      if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
        throw new Error('Chart dimensions must be positive whole numbers of pixels.');
      }
      options.width = width;
      options.height = height;
      return true;
    }
    case 'setRange': {
      const [start, end] = args as number[];
      if (typeof start !== 'number' || typeof end !== 'number' || !(end > start)) {
        throw new Error('setRange expects a start below the end.');
      }
      options[`${valueAxis}.viewWindow.min`] = start;
      options[`${valueAxis}.viewWindow.max`] = end;
      return true;
    }
    case 'reverseCategories':
      options.reverseCategories = true;
      return true;
    case 'useLogScale':
      options[`${valueAxis}.logScale`] = true;
      return true;
    case 'set3D':
      options.is3D = true;
      return true;
    case 'setCurveStyle':
      options.curveType = String(args[0]) === 'SMOOTH' ? 'function' : 'none';
      return true;
    case 'setPointStyle':
      options.pointStyle = String(args[0]);
      return true;
    case 'setOption':
      options[String(args[0])] = args[1];
      return true;
    default:
      return false;
  }
}
