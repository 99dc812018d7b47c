// Draws a chart as a plain raster: a title strip, axes with light gridlines, then columns, bars,
// lines or pie slices in the series colours, and a legend of colour swatches. There is no text:
// the picture is there to show the shape of the data (in the emulator, in a generated report),
// and tests read bar heights back from the pixels.
import { encodePng, type Raster } from './png';

export interface ChartSeries {
  name: string;
  values: number[];
}

/** What a chart draws, whichever service built it. */
export interface ChartData {
  /** Category labels, one per point. */
  labels: string[];
  series: ChartSeries[];
}

export interface ChartLook {
  /** Charts.ChartType name. */
  type: string;
  width: number;
  height: number;
  title: string;
  colors: string[];
  backgroundColor: string;
  stacked: boolean;
  /** Charts.Position name: TOP, RIGHT, BOTTOM or NONE. */
  legend: string;
  /** Value axis bounds, where set (setRange); otherwise from the data. */
  min: number | null;
  max: number | null;
}

/** Google's default series colours. */
export const DEFAULT_COLORS = [
  '#4285f4',
  '#db4437',
  '#f4b400',
  '#0f9d58',
  '#ab47bc',
  '#00acc1',
  '#ff7043',
  '#9e9d24',
];

const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  grey: '#808080',
  gray: '#808080',
  navy: '#000080',
  teal: '#008080',
};

export function parseColor(
  css: string,
  fallback: [number, number, number]
): [number, number, number] {
  const text = (NAMED[String(css).trim().toLowerCase()] ?? String(css)).trim();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(text);
  if (short)
    return [1, 2, 3].map(i => parseInt(short[i] + short[i], 16)) as [number, number, number];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text);
  if (long) return [1, 2, 3].map(i => parseInt(long[i], 16)) as [number, number, number];
  return fallback;
}

// Palette slots; series colours follow from SERIES_BASE.
const BACKGROUND = 0;
const TITLE_STRIP = 1;
const AXIS = 2;
const GRID = 3;
const SERIES_BASE = 4;

/** Pixel layout shared by the drawing and its callers (the emulator draws nothing itself). */
export const TITLE_HEIGHT = 28;

class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number
  ) {
    this.pixels = new Uint8Array(width * height);
  }
  rect(x: number, y: number, w: number, h: number, color: number): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++)
      this.pixels.fill(color, yy * this.width + x0, yy * this.width + Math.max(x0, x1));
  }
  dot(x: number, y: number, color: number): void {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi >= 0 && yi >= 0 && xi < this.width && yi < this.height)
      this.pixels[yi * this.width + xi] = color;
  }
  /** A two-pixel-thick line. */
  line(x0: number, y0: number, x1: number, y1: number, color: number): void {
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    for (let i = 0; i <= steps; i++) {
      const x = x0 + ((x1 - x0) * i) / steps;
      const y = y0 + ((y1 - y0) * i) / steps;
      this.rect(x - 1, y - 1, 2, 2, color);
    }
  }
}

export function renderChart(data: ChartData, look: ChartLook): Raster {
  const width = Math.max(40, Math.round(look.width));
  const height = Math.max(40, Math.round(look.height));
  const canvas = new Canvas(width, height);
  const seriesCount = Math.max(1, look.type === 'PIE' ? data.labels.length : data.series.length);
  const palette: [number, number, number][] = [
    parseColor(look.backgroundColor, [255, 255, 255]),
    [232, 234, 237],
    [95, 99, 104],
    [218, 220, 224],
  ];
  for (let i = 0; i < Math.min(seriesCount, 256 - SERIES_BASE); i++) {
    const fallback = parseColor(DEFAULT_COLORS[i % DEFAULT_COLORS.length], [0, 0, 0]);
    palette.push(look.colors[i] !== undefined ? parseColor(look.colors[i], fallback) : fallback);
  }
  const seriesColor = (i: number) => SERIES_BASE + (i % (palette.length - SERIES_BASE));
  canvas.rect(0, 0, width, height, BACKGROUND);

  let top = 10;
  if (look.title) {
    canvas.rect(0, 0, width, TITLE_HEIGHT, TITLE_STRIP);
    top = TITLE_HEIGHT + 10;
  }
  const legendShown = look.legend !== 'NONE' && (look.type === 'PIE' || data.series.length > 1);
  const legendWidth = legendShown && look.legend !== 'TOP' && look.legend !== 'BOTTOM' ? 90 : 0;
  const legendHeight = legendShown && (look.legend === 'TOP' || look.legend === 'BOTTOM') ? 20 : 0;
  if (legendShown && look.legend === 'TOP') top += legendHeight;
  const plot = {
    left: 48,
    top,
    right: width - 16 - legendWidth,
    bottom: height - 32 - (look.legend === 'BOTTOM' ? legendHeight : 0),
  };

  if (legendShown) {
    const names = look.type === 'PIE' ? data.labels : data.series.map(s => s.name);
    names.forEach((_name, i) => {
      if (legendWidth > 0) canvas.rect(plot.right + 16, plot.top + i * 18, 12, 12, seriesColor(i));
      else {
        const y = look.legend === 'TOP' ? top - legendHeight : plot.bottom + 28;
        canvas.rect(plot.left + i * 60, y, 12, 12, seriesColor(i));
      }
    });
  }

  if (look.type === 'PIE') drawPie(canvas, data, plot, seriesColor);
  else drawAxes(canvas, data, look, plot, seriesColor);
  return { width, height, palette, pixels: canvas.pixels };
}

export function renderChartPng(data: ChartData, look: ChartLook): Uint8Array {
  return encodePng(renderChart(data, look));
}

interface Plot {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function drawAxes(
  canvas: Canvas,
  data: ChartData,
  look: ChartLook,
  plot: Plot,
  seriesColor: (i: number) => number
): void {
  const horizontal = look.type === 'BAR';
  const n = data.labels.length;
  const stacked = look.stacked && (look.type === 'COLUMN' || look.type === 'BAR');
  let lo = 0;
  let hi = 0;
  for (let p = 0; p < n; p++) {
    let pos = 0;
    let neg = 0;
    for (const s of data.series) {
      const v = s.values[p] ?? 0;
      if (stacked) {
        if (v >= 0) pos += v;
        else neg += v;
      } else {
        hi = Math.max(hi, v);
        lo = Math.min(lo, v);
      }
    }
    if (stacked) {
      hi = Math.max(hi, pos);
      lo = Math.min(lo, neg);
    }
  }
  if (look.min !== null) lo = look.min;
  if (look.max !== null) hi = look.max;
  if (hi <= lo) hi = lo + 1;

  // Value axis runs up the plot (columns, lines) or across it (bars).
  const span = horizontal ? plot.right - plot.left : plot.bottom - plot.top;
  const at = (v: number) => ((Math.min(Math.max(v, lo), hi) - lo) / (hi - lo)) * span;
  for (let g = 1; g <= 4; g++) {
    const d = (span * g) / 4;
    if (horizontal) canvas.rect(plot.left + d, plot.top, 1, plot.bottom - plot.top, GRID);
    else canvas.rect(plot.left, plot.bottom - d, plot.right - plot.left, 1, GRID);
  }

  const slots = Math.max(1, n);
  const slot = (horizontal ? plot.bottom - plot.top : plot.right - plot.left) / slots;
  const seriesCount = Math.max(1, data.series.length);
  if (look.type === 'LINE' || look.type === 'AREA' || look.type === 'SCATTER') {
    data.series.forEach((s, si) => {
      let prev: [number, number] | null = null;
      for (let p = 0; p < n; p++) {
        const v = s.values[p];
        if (typeof v !== 'number' || !isFinite(v)) {
          prev = null;
          continue;
        }
        const x = plot.left + slot * (p + 0.5);
        const y = plot.bottom - at(v);
        if (prev && look.type !== 'SCATTER') canvas.line(prev[0], prev[1], x, y, seriesColor(si));
        canvas.rect(x - 3, y - 3, 6, 6, seriesColor(si));
        prev = [x, y];
      }
    });
  } else {
    const gap = slot * 0.2;
    const barSpace = slot - 2 * gap;
    const barSize = stacked ? barSpace : barSpace / seriesCount;
    const zero = at(0);
    for (let p = 0; p < n; p++) {
      let pos = 0;
      let neg = 0;
      data.series.forEach((s, si) => {
        const v = s.values[p] ?? 0;
        if (!isFinite(v) || v === 0) return;
        let from: number;
        let to: number;
        if (stacked) {
          const base = v >= 0 ? pos : neg;
          from = at(base);
          to = at(base + v);
          if (v >= 0) pos += v;
          else neg += v;
        } else {
          from = zero;
          to = at(v);
        }
        const start = slot * p + gap + (stacked ? 0 : barSize * si);
        const a = Math.min(from, to);
        const len = Math.abs(to - from);
        if (horizontal) canvas.rect(plot.left + a, plot.top + start, len, barSize, seriesColor(si));
        else canvas.rect(plot.left + start, plot.bottom - a - len, barSize, len, seriesColor(si));
      });
    }
  }
  // Axes last, so bars meet them cleanly.
  canvas.rect(plot.left - 1, plot.top, 1, plot.bottom - plot.top + 1, AXIS);
  canvas.rect(plot.left - 1, plot.bottom, plot.right - plot.left + 1, 1, AXIS);
}

function drawPie(
  canvas: Canvas,
  data: ChartData,
  plot: Plot,
  seriesColor: (i: number) => number
): void {
  const values = (data.series[0]?.values ?? []).map(v => (isFinite(v) && v > 0 ? v : 0));
  const total = values.reduce((a, b) => a + b, 0);
  if (total <= 0) return;
  const cx = (plot.left + plot.right) / 2;
  const cy = (plot.top + plot.bottom) / 2;
  const r = Math.max(1, Math.min(plot.right - plot.left, plot.bottom - plot.top) / 2);
  // Slice boundaries clockwise from twelve o'clock, as Google draws pies.
  const ends: number[] = [];
  let sum = 0;
  for (const v of values) {
    sum += v;
    ends.push(sum / total);
  }
  for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
    for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
      const dx = x - cx;
      const dy = y - cy;
      if (dx * dx + dy * dy > r * r) continue;
      let turn = Math.atan2(dx, -dy) / (2 * Math.PI);
      if (turn < 0) turn += 1;
      const slice = ends.findIndex(e => turn < e);
      canvas.dot(x, y, seriesColor(slice < 0 ? values.length - 1 : slice));
    }
  }
}
