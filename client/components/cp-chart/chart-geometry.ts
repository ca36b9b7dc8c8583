/**
 * The arithmetic of the console's small charts, without the DOM, so it is unit-tested: a "nice"
 * top of the scale, its ticks, line paths with gaps, stacked bars, and a one-sentence summary for
 * screen readers.
 */

export interface ChartSeries {
  name: string;
  /** One value per label; null is "no data" (a gap in a line, nothing in a bar). */
  values: readonly (number | null)[];
}

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `max` (at least 1), so ticks read as round numbers. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** `count` + 1 evenly spaced tick values from 0 to `top`. */
export function ticks(top: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
}

/**
 * The scale of a chart: its top and ticks. Counts (whole numbers) get whole ticks only: a top of 1
 * ticks 0 and 1, not 0, 0.25, … (which would print as "0, 0, 1, 1, 1").
 */
export function scaleOf(max: number, integers: boolean): { top: number; ticks: number[] } {
  let top = niceMax(max);
  if (!integers) return { top, ticks: ticks(top) };
  top = Math.max(1, top === 2.5 ? 3 : Math.ceil(top));
  const count = [4, 5, 3, 2, 1].find((c) => c <= top && Number.isInteger(top / c))!;
  return { top, ticks: ticks(top, count) };
}

export interface Frame {
  width: number;
  height: number;
  /** Room for the axis labels. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

/** x of the i-th of n points: spread over the plot, the first on the left edge, the last on the right. */
export function pointX(i: number, n: number, frame: Frame): number {
  const plot = frame.width - frame.left - frame.right;
  return frame.left + (n <= 1 ? plot / 2 : (plot * i) / (n - 1));
}

export function valueY(value: number, top: number, frame: Frame): number {
  const plot = frame.height - frame.top - frame.bottom;
  return frame.top + plot - (top > 0 ? (plot * value) / top : 0);
}

const r = (n: number) => Math.round(n * 10) / 10;

/** An SVG path through the values; a null starts a new segment (no line across missing data). */
export function linePath(values: readonly (number | null)[], top: number, frame: Frame): string {
  const parts: string[] = [];
  let pen = false;
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) {
      pen = false;
      return;
    }
    parts.push(`${pen ? 'L' : 'M'}${r(pointX(i, values.length, frame))} ${r(valueY(value, top, frame))}`);
    pen = true;
  });
  return parts.join(' ');
}

export interface Bar {
  series: number;
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

/** Stacked bars, one column per label, series stacked bottom up in order; zero-height parts are left out. */
export function stackedBars(series: readonly ChartSeries[], top: number, frame: Frame, gap = 0.25): Bar[] {
  const n = Math.max(0, ...series.map((s) => s.values.length));
  const plot = frame.width - frame.left - frame.right;
  const slot = n > 0 ? plot / n : plot;
  const width = Math.max(1, slot * (1 - gap));
  const bars: Bar[] = [];
  for (let index = 0; index < n; index++) {
    let base = 0;
    series.forEach((s, k) => {
      const value = s.values[index] ?? 0;
      if (!(value > 0)) return;
      const y = valueY(base + value, top, frame);
      const height = valueY(base, top, frame) - y;
      bars.push({ series: k, index, x: r(frame.left + slot * index + (slot - width) / 2), y: r(y), width: r(width), height: r(height), value });
      base += value;
    });
  }
  return bars;
}

/** The largest column total (stacked) or single value across series (lines). */
export function maxOf(series: readonly ChartSeries[], stacked: boolean): number {
  const n = Math.max(0, ...series.map((s) => s.values.length));
  let max = 0;
  for (let i = 0; i < n; i++) {
    if (stacked) max = Math.max(max, series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
    else for (const s of series) max = Math.max(max, s.values[i] ?? 0);
  }
  return max;
}

/** Which labels to print under the axis: at most `max` of them, always the first and the last. */
export function labelIndexes(n: number, max = 7): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = Math.ceil((n - 1) / (max - 1));
  const out: number[] = [];
  for (let i = 0; i < n - 1; i += step) out.push(i);
  if (out.at(-1) !== n - 1) {
    if (n - 1 - out.at(-1)! < step / 2) out.pop();
    out.push(n - 1);
  }
  return out;
}

/**
 * One sentence a screen reader says for a series: its range of labels, total or latest, highest
 * point. "14 days from Nov 12 to Nov 25: highest 9 on Nov 20, latest 4."
 */
export function summarize(labels: readonly string[], series: ChartSeries, format: (n: number) => string = String): string {
  const known = series.values.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => p.v !== null && Number.isFinite(p.v));
  if (labels.length === 0 || known.length === 0) return `${series.name}: no data.`;
  const span = labels.length === 1 ? labels[0]! : `${labels.length} points from ${labels[0]} to ${labels.at(-1)}`;
  const high = known.reduce((a, b) => (b.v > a.v ? b : a));
  const last = known.at(-1)!;
  return `${series.name}, ${span}: highest ${format(high.v)} (${labels[high.i]}), latest ${format(last.v)} (${labels[last.i]}).`;
}
