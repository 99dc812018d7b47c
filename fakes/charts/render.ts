// Draws a chart as a plain raster: a title strip with the title, axes with light gridlines at
// round values and their labels, category labels, axis titles, then columns, bars, lines or pie
// slices in the series colours, and a legend of colour swatches with the series names. Text is
// drawn in the small bitmap font of font.ts. The picture shows the shape of the data (in the
// emulator, in a generated report), and tests read bar heights and text back from the pixels.
import { ADVANCE, ASCENT, fitText, glyphOf, GLYPH_HEIGHT, GLYPH_WIDTH, textWidth } from './font';
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
  /** Titles of the horizontal (hAxis) and vertical (vAxis) axes; empty when not set. */
  hAxisTitle: string;
  vAxisTitle: string;
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
const TEXT = 4;
const SERIES_BASE = 5;

/** Pixel layout shared by the drawing and its callers (the emulator draws nothing itself). */
export const TITLE_HEIGHT = 28;

/** Space around the drawing, and between a label and what it labels. */
const MARGIN = 8;
const LABEL_GAP = 5;
/** Height of a line of small text, descenders included. */
const LINE = GLYPH_HEIGHT + 3;
const SWATCH = 10;

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
  /** Text whose capitals' top-left corner is at (x, y); descenders hang below the baseline. */
  text(x: number, y: number, text: string, color: number, scale = 1): void {
    const left = Math.round(x);
    const top = Math.round(y);
    Array.from(text).forEach((char, i) => {
      const glyph = glyphOf(char);
      for (let row = 0; row < GLYPH_HEIGHT; row++) {
        const bits = glyph[row];
        if (!bits) continue;
        for (let col = 0; col < GLYPH_WIDTH; col++) {
          if (!(bits & (1 << (GLYPH_WIDTH - 1 - col)))) continue;
          this.rect(left + (i * ADVANCE + col) * scale, top + row * scale, scale, scale, color);
        }
      }
    });
  }
  /** Text turned a quarter anticlockwise, reading upwards from (x, bottom); capitals' top at x. */
  textUp(x: number, bottom: number, text: string, color: number): void {
    const left = Math.round(x);
    const base = Math.round(bottom);
    Array.from(text).forEach((char, i) => {
      const glyph = glyphOf(char);
      for (let row = 0; row < GLYPH_HEIGHT; row++) {
        for (let col = 0; col < GLYPH_WIDTH; col++) {
          if (glyph[row] & (1 << (GLYPH_WIDTH - 1 - col)))
            this.dot(left + row, base - (i * ADVANCE + col), color);
        }
      }
    });
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
    [32, 33, 36],
  ];
  for (let i = 0; i < Math.min(seriesCount, 256 - SERIES_BASE); i++) {
    const fallback = parseColor(DEFAULT_COLORS[i % DEFAULT_COLORS.length], [0, 0, 0]);
    palette.push(look.colors[i] !== undefined ? parseColor(look.colors[i], fallback) : fallback);
  }
  const seriesColor = (i: number) => SERIES_BASE + (i % (palette.length - SERIES_BASE));
  canvas.rect(0, 0, width, height, BACKGROUND);

  let top = MARGIN + 2;
  const title = look.title.trim();
  if (title) {
    canvas.rect(0, 0, width, TITLE_HEIGHT, TITLE_STRIP);
    // Twice the size where it fits; otherwise small, shortened if it must be.
    const scale = textWidth(title, 2) <= width - 2 * MARGIN ? 2 : 1;
    const shown = fitText(title, width - 2 * MARGIN, scale);
    const x = (width - textWidth(shown, scale)) / 2;
    canvas.text(x, (TITLE_HEIGHT - ASCENT * scale) / 2, shown, TEXT, scale);
    top = TITLE_HEIGHT + 10;
  }

  const names = look.type === 'PIE' ? data.labels : data.series.map(s => s.name);
  const legendShown = look.legend !== 'NONE' && (look.type === 'PIE' || data.series.length > 1);
  const side = legendShown && look.legend !== 'TOP' && look.legend !== 'BOTTOM';
  const legendTextWidth = Math.min(
    Math.max(0, ...names.map(n => textWidth(n))),
    Math.floor(width * 0.25)
  );
  const legendWidth = side ? MARGIN + SWATCH + LABEL_GAP + legendTextWidth : 0;
  const legendHeight = legendShown && !side ? 18 : 0;
  if (legendShown && look.legend === 'TOP') top += legendHeight;
  const box: Box = {
    left: MARGIN,
    top,
    right: width - MARGIN - legendWidth,
    bottom: height - MARGIN - (look.legend === 'BOTTOM' ? legendHeight : 0),
  };

  const plot =
    look.type === 'PIE'
      ? drawPie(canvas, data, box, seriesColor)
      : drawAxes(canvas, data, look, box, seriesColor);

  if (legendShown) {
    if (side) drawSideLegend(canvas, names, width - legendWidth, plot, seriesColor);
    else {
      // Over or under the plot; a pie's legend may use the whole width.
      const row = look.type === 'PIE' ? box : plot;
      const y = look.legend === 'TOP' ? top - legendHeight : height - MARGIN - LINE;
      drawRowLegend(canvas, names, row.left, row.right, y, seriesColor);
    }
  }
  return { width, height, palette, pixels: canvas.pixels };
}

export function renderChartPng(data: ChartData, look: ChartLook): Uint8Array {
  return encodePng(renderChart(data, look));
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Swatches and names down the right-hand side, from the top of the plot; those that fit. */
function drawSideLegend(
  canvas: Canvas,
  names: string[],
  x: number,
  plot: Box,
  seriesColor: (i: number) => number
): void {
  const textRoom = canvas.width - MARGIN - (x + SWATCH + LABEL_GAP);
  const rows = Math.max(1, Math.floor((plot.bottom - plot.top) / 16));
  names.forEach((name, i) => {
    if (i >= rows) return;
    const y = plot.top + i * 16;
    const more = names.length - i;
    if (i === rows - 1 && more > 1) {
      canvas.text(x, y + 1, fitText(`and ${more} more`, textRoom), TEXT);
      return;
    }
    canvas.rect(x, y, SWATCH, SWATCH, seriesColor(i));
    canvas.text(x + SWATCH + LABEL_GAP, y + 1, fitText(name, textRoom), TEXT);
  });
}

/** Swatches and names in one row, centred over the plot, each name cut to an equal share. */
function drawRowLegend(
  canvas: Canvas,
  names: string[],
  left: number,
  right: number,
  y: number,
  seriesColor: (i: number) => number
): void {
  const extra = SWATCH + LABEL_GAP + 12;
  const share = Math.floor((right - left) / Math.max(1, names.length)) - extra;
  const shown = names.map(n => fitText(n, share));
  const total = shown.reduce((sum, s) => sum + extra + textWidth(s), 0) - 12;
  let x = Math.max(left, (left + right - total) / 2);
  shown.forEach((text, i) => {
    canvas.rect(x, y, SWATCH, SWATCH, seriesColor(i));
    canvas.text(x + SWATCH + LABEL_GAP, y + 1, text, TEXT);
    x += extra + textWidth(text);
  });
}

interface Ticks {
  lo: number;
  hi: number;
  values: number[];
  labels: string[];
}

/**
 * Round values for the value axis, at most `most` of them: steps of 1, 2 or 5 times a power of
 * ten, whole numbers only when the data are whole. Without set bounds the axis widens to the
 * round values around the data, as Google's charts do.
 */
export function niceTicks(
  dataLo: number,
  dataHi: number,
  most: number,
  whole: boolean,
  fixedMin: number | null,
  fixedMax: number | null
): Ticks {
  let lo = fixedMin ?? dataLo;
  let hi = fixedMax ?? dataHi;
  if (!(hi > lo)) {
    if (fixedMax === null) hi = lo + (whole ? 5 : 1);
    else lo = hi - (whole ? 5 : 1);
  }
  const raw = (hi - lo) / Math.max(1, most);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  let step = [1, 2, 5, 10].map(m => m * power).find(s => s >= raw * (1 - 1e-9)) ?? 10 * power;
  if (whole && step < 1) step = 1;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const round = (v: number) => Number(v.toFixed(decimals));
  if (fixedMin === null) lo = round(Math.floor(lo / step + 1e-9) * step);
  if (fixedMax === null) hi = round(Math.ceil(hi / step - 1e-9) * step);
  const values: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
    values.push(round(k * step));
  }
  return { lo, hi, values, labels: values.map(v => formatNumber(v, decimals)) };
}

/** 1234.5 → "1,234.5", 1.50 → "1.5", 0.0 → "0"; minus signs kept. */
function formatNumber(value: number, decimals: number): string {
  const [whole, digits = ''] = Math.abs(value).toFixed(decimals).split('.');
  const fraction = digits.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(value.toFixed(decimals)) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Draws the axes chart inside `box`, its labels included; returns the plot area it used. */
function drawAxes(
  canvas: Canvas,
  data: ChartData,
  look: ChartLook,
  box: Box,
  seriesColor: (i: number) => number
): Box {
  const horizontal = look.type === 'BAR';
  const n = data.labels.length;
  const stacked = look.stacked && (look.type === 'COLUMN' || look.type === 'BAR');
  let lo = 0;
  let hi = 0;
  let whole = true;
  for (let p = 0; p < n; p++) {
    let pos = 0;
    let neg = 0;
    for (const s of data.series) {
      const v = s.values[p] ?? 0;
      if (!isFinite(v)) continue;
      if (!Number.isInteger(v)) whole = false;
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
  const hTitle = look.hAxisTitle.trim();
  const vTitle = look.vAxisTitle.trim();
  const hTitleRoom = hTitle ? LINE + 2 : 0;
  const vTitleRoom = vTitle ? LINE + 2 : 0;

  // Roughly one value label per 40 pixels up, or per 70 across (wider labels).
  const roughSpan = horizontal ? (box.right - box.left) * 0.7 : box.bottom - box.top - 40;
  const most = Math.min(10, Math.max(2, Math.floor(roughSpan / (horizontal ? 70 : 40))));
  const ticks = niceTicks(lo, hi, most, whole, look.min, look.max);
  lo = ticks.lo;
  hi = ticks.hi;
  const widest = (texts: string[]) => Math.max(0, ...texts.map(t => textWidth(t)));

  const plot: Box = { ...box };
  const slots = Math.max(1, n);
  let staggered = false;
  if (horizontal) {
    const labelRoom = Math.min(widest(data.labels), Math.floor(canvas.width * 0.3));
    plot.left = box.left + vTitleRoom + labelRoom + LABEL_GAP + 2;
    plot.right = box.right - Math.ceil(textWidth(ticks.labels[ticks.labels.length - 1]) / 2);
    plot.bottom = box.bottom - hTitleRoom - LINE - 2;
  } else {
    plot.left = box.left + vTitleRoom + widest(ticks.labels) + LABEL_GAP + 2;
    plot.right = box.right - 4;
    // Labels that do not fit under their own column alternate between two rows.
    const slot = (plot.right - plot.left) / slots;
    staggered = n > 1 && widest(data.labels) > slot - 4;
    plot.bottom = box.bottom - hTitleRoom - LINE * (staggered ? 2 : 1) - 4;
  }
  plot.right = Math.max(plot.left + 1, plot.right);
  plot.bottom = Math.max(plot.top + 1, plot.bottom);

  // Value axis runs up the plot (columns, lines) or across it (bars).
  const span = horizontal ? plot.right - plot.left : plot.bottom - plot.top;
  const at = (v: number) => ((Math.min(Math.max(v, lo), hi) - lo) / (hi - lo)) * span;
  ticks.values.forEach((v, i) => {
    const d = Math.round(at(v));
    const label = ticks.labels[i];
    if (horizontal) {
      if (v !== lo) canvas.rect(plot.left + d, plot.top, 1, plot.bottom - plot.top, GRID);
      canvas.text(plot.left + d - textWidth(label) / 2, plot.bottom + LABEL_GAP, label, TEXT);
    } else {
      if (v !== lo) canvas.rect(plot.left, plot.bottom - d, plot.right - plot.left, 1, GRID);
      const x = plot.left - LABEL_GAP - 2 - textWidth(label);
      canvas.text(x, plot.bottom - d - Math.floor(ASCENT / 2), label, TEXT);
    }
  });

  // Category labels, under each column or point, or beside each bar.
  const slot = (horizontal ? plot.bottom - plot.top : plot.right - plot.left) / slots;
  const every = horizontal ? Math.max(1, Math.ceil(LINE / Math.max(1, slot))) : 1;
  data.labels.forEach((label, p) => {
    if (p % every !== 0) return;
    const centre = slot * (p + 0.5);
    if (horizontal) {
      const text = fitText(label, plot.left - box.left - vTitleRoom - LABEL_GAP - 2);
      const x = plot.left - LABEL_GAP - 2 - textWidth(text);
      canvas.text(x, plot.top + centre - Math.floor(ASCENT / 2), text, TEXT);
    } else {
      const text = fitText(label, (staggered ? 2 * slot : slot) - 4);
      const y = plot.bottom + LABEL_GAP + (staggered && p % 2 === 1 ? LINE : 0);
      canvas.text(plot.left + centre - textWidth(text) / 2, y, text, TEXT);
    }
  });

  // Axis titles: the horizontal one under its labels, the vertical one reading upwards.
  if (hTitle) {
    const text = fitText(hTitle, plot.right - plot.left);
    canvas.text((plot.left + plot.right - textWidth(text)) / 2, box.bottom - LINE + 2, text, TEXT);
  }
  if (vTitle) {
    const text = fitText(vTitle, plot.bottom - plot.top);
    canvas.textUp(box.left, (plot.top + plot.bottom + textWidth(text)) / 2, text, TEXT);
  }

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
  // Axes last, so bars meet them cleanly. The baseline (value 0) is two pixels thick, outside
  // the bars, so a chart of zeros still shows where its bars would stand.
  const baseline = lo === 0 ? 2 : 1;
  if (horizontal) {
    canvas.rect(plot.left - baseline, plot.top, baseline, plot.bottom - plot.top + 1, AXIS);
    canvas.rect(plot.left - 1, plot.bottom, plot.right - plot.left + 1, 1, AXIS);
  } else {
    canvas.rect(plot.left - 1, plot.top, 1, plot.bottom - plot.top + 1, AXIS);
    canvas.rect(plot.left - 1, plot.bottom, plot.right - plot.left + 1, baseline, AXIS);
  }
  if (lo < 0 && hi > 0) {
    const d = Math.round(at(0));
    if (horizontal) canvas.rect(plot.left + d, plot.top, 1, plot.bottom - plot.top, AXIS);
    else canvas.rect(plot.left, plot.bottom - d, plot.right - plot.left, 1, AXIS);
  }
  return plot;
}

/** Draws the pie in the middle of `box`; returns the square it fills. */
function drawPie(
  canvas: Canvas,
  data: ChartData,
  box: Box,
  seriesColor: (i: number) => number
): Box {
  const values = (data.series[0]?.values ?? []).map(v => (isFinite(v) && v > 0 ? v : 0));
  const total = values.reduce((a, b) => a + b, 0);
  const cx = (box.left + box.right) / 2;
  const cy = (box.top + box.bottom) / 2;
  const r = Math.max(1, Math.min(box.right - box.left, box.bottom - box.top) / 2);
  const plot = { left: cx - r, top: cy - r, right: cx + r, bottom: cy + r };
  if (total <= 0) {
    // Nothing to share out: an outline where the pie would be.
    for (let a = 0; a < 720; a++) {
      const t = (a / 720) * 2 * Math.PI;
      canvas.dot(cx + r * Math.sin(t), cy - r * Math.cos(t), AXIS);
    }
    return plot;
  }
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
  return plot;
}
