// The geometry of the report charts, apart from React so it can be tested: the value axis, bars, lines and
// stacked rows in the coordinates of one SVG viewBox. The chart is drawn by ReportChart.tsx without any library.

export interface ValueAxis {
  max: number;
  ticks: number[];
}

export interface Plot {
  /** the plot area inside the viewBox */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface Bar {
  series: number;
  category: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Segment {
  series: number;
  value: number;
  x: number;
  width: number;
}

export const PERCENT = '%';

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * A round top for the value axis and its ticks (about five): a step of 1, 2, 2.5 or 5 × 10ⁿ. Percentages never
 * go past 100 on the axis; an empty chart still gets a whole axis (0–100 % or 0–1).
 */
export function valueAxis(maxValue: number, unit: string): ValueAxis {
  const percent = unit === PERCENT;
  const top = Number.isFinite(maxValue) && maxValue > 0 ? maxValue : percent ? 100 : 1;
  const raw = top / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw - 1e-9) ?? 10 * pow;
  let max = round(Math.ceil(top / step - 1e-9) * step);
  if (percent && max > 100 && top <= 100) max = 100;
  const ticks: number[] = [];
  for (let k = 0; round(k * step) <= max; k += 1) ticks.push(round(k * step));
  if (ticks[ticks.length - 1] !== max) ticks.push(max);
  return { max, ticks };
}

/** The y of a value on a vertical chart (0 at the bottom of the plot); values beyond the axis are clamped. */
export function yOf(value: number, axis: ValueAxis, plot: Plot): number {
  const share = axis.max > 0 ? Math.min(1, Math.max(0, value / axis.max)) : 0;
  return plot.y1 - share * (plot.y1 - plot.y0);
}

/** The width of one category's slot along the x axis. */
export const bandOf = (categories: number, plot: Plot): number => (plot.x1 - plot.x0) / Math.max(1, categories);

/** The centre of a category's slot. */
export const centerOf = (category: number, categories: number, plot: Plot): number =>
  plot.x0 + bandOf(categories, plot) * (category + 0.5);

/** Grouped vertical bars: per category one bar per series side by side, with a gap between the groups. */
export function barRects(
  series: readonly (readonly number[])[],
  categories: number,
  axis: ValueAxis,
  plot: Plot,
): Bar[] {
  const band = bandOf(categories, plot);
  const gap = band * 0.15;
  const width = (band - 2 * gap) / Math.max(1, series.length);
  const bars: Bar[] = [];
  series.forEach((values, s) => {
    for (let c = 0; c < categories; c += 1) {
      const value = values[c] ?? 0;
      const y = yOf(value, axis, plot);
      bars.push({
        series: s,
        category: c,
        value,
        x: plot.x0 + c * band + gap + s * width,
        y,
        width,
        height: plot.y1 - y,
      });
    }
  });
  return bars;
}

/** The points of one series on a line chart, at the centres of the categories. */
export function linePoints(values: readonly number[], categories: number, axis: ValueAxis, plot: Plot) {
  return Array.from({ length: categories }, (_, c) => ({
    x: centerOf(c, categories, plot),
    y: yOf(values[c] ?? 0, axis, plot),
    value: values[c] ?? 0,
  }));
}

/**
 * One horizontal stacked bar per category: the series' values laid end to end. Shares of a whole fill the plot
 * at 100 (rounding may make a row 100.01: then the row is scaled to fit); other units are scaled by `total`.
 */
export function stackedSegments(
  series: readonly (readonly number[])[],
  category: number,
  total: number,
  plot: Plot,
): Segment[] {
  const values = series.map((s) => Math.max(0, s[category] ?? 0));
  const sum = values.reduce((a, b) => a + b, 0);
  const scale = (plot.x1 - plot.x0) / Math.max(total, sum, 1e-9);
  const segments: Segment[] = [];
  let x = plot.x0;
  values.forEach((value, s) => {
    const width = value * scale;
    segments.push({ series: s, value, x, width });
    x += width;
  });
  return segments;
}

/** Every n-th category label is written, so that labels at least `minGap` apart never run into each other. */
export function labelStep(band: number, minGap: number): number {
  if (band <= 0) return 1;
  return Math.max(1, Math.ceil(minGap / band));
}

/** A label cut to `max` characters with «…» (the full text goes into the SVG <title>). */
export function clip(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

const CATEGORICAL = ['#1f56b3', '#e07b22', '#2e9e5b', '#8e44ad', '#c0392b', '#5d6676', '#17a2b8', '#b8860b'];
/** marks 2…5 and «понизили / подтвердили / повысили» read from bad to good */
const STACKED: Record<number, string[]> = {
  3: ['#d0574f', '#8fa3bf', '#2e9e5b'],
  4: ['#d0574f', '#e6a23c', '#8cc084', '#2e7d32'],
};

export function seriesColor(kind: 'bars' | 'stacked' | 'lines', seriesCount: number, index: number): string {
  const palette = (kind === 'stacked' ? STACKED[seriesCount] : undefined) ?? CATEGORICAL;
  return palette[index % palette.length]!;
}

/** White or near-black, whichever reads better on the fill `#rrggbb` (relative luminance, WCAG). */
export function textOn(fill: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) return '#1b1f27';
  const lin = (h: string) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1]!) + 0.7152 * lin(m[2]!) + 0.0722 * lin(m[3]!);
  const onWhite = 1.05 / (l + 0.05);
  const onDark = (l + 0.05) / 0.065; // #1b1f27 has a luminance of about 0.015
  return onWhite >= onDark ? '#ffffff' : '#1b1f27';
}
