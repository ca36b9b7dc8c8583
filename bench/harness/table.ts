import { formatRatio, formatTarget } from './ratio.js';
import type { MetricResult, Unit } from './types.js';

export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
    case 'MB':
      return `${value.toFixed(2)} MB`;
    case 'bytes':
      return `${Math.round(value).toLocaleString('en-US')} B`;
    case 'count':
      return Math.round(value).toLocaleString('en-US');
    case 'us':
      return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} µs`;
    case 'per-s':
      return `${Math.round(value).toLocaleString('en-US')}/s`;
    case 'percent':
      return `${value >= 99.95 && value < 100 ? '99.9' : value.toFixed(1)}%`;
  }
}

/** What formatValue puts after the number, for targets with an allowance ("+ 1 ms"). */
export function unitSuffix(unit: Unit): string {
  return { ms: 'ms', us: 'µs', MB: 'MB', bytes: 'B', count: '', 'per-s': '/s', percent: '%' }[unit];
}

/** "12.3 ms (11.9–14.0)": median with the range of the samples. */
export function formatSummary(m: { median: number; min: number; max: number; n: number }, unit: Unit): string {
  const bare = (v: number) => formatValue(v, unit).replace(/ (ms|µs|MB|B)$|\/s$|%$/, '');
  return m.n > 1 ? `${formatValue(m.median, unit)} (${bare(m.min)}–${bare(m.max)})` : formatValue(m.median, unit);
}

const HEADER = ['scenario', 'metric', 'ours median (min–max)', 'baseline median', 'ratio', 'per-round ratio', 'target', 'result'] as const;

export function tableRows(metrics: readonly MetricResult[]): string[][] {
  return metrics.map((m) => [
    m.scenario,
    m.baselineName ? `${m.metric} vs ${m.baselineName}` : m.metric,
    formatSummary(m.ours, m.unit),
    m.baseline ? formatValue(m.baseline.median, m.unit) : '—',
    m.ratio === null ? '—' : formatRatio(m.ratio),
    m.paired === null ? '—' : m.paired.n > 1 ? `${formatRatio(m.paired.median)} (${m.paired.min.toFixed(2)}–${m.paired.max.toFixed(2)})` : formatRatio(m.paired.median),
    formatTarget(m.target, unitSuffix(m.unit)),
    m.pass === null ? '' : m.pass ? 'pass' : 'FAIL',
  ]);
}

/** A fixed-width, left-aligned text table (numbers right-aligned) with a rule under the header. */
export function formatTable(metrics: readonly MetricResult[]): string {
  const rows = [[...HEADER], ...tableRows(metrics)];
  const widths = HEADER.map((_, col) => Math.max(...rows.map((row) => [...row[col]!].length)));
  const rightAligned = new Set([2, 3, 4, 5, 6]);
  const line = (row: string[]) =>
    row
      .map((cell, col) => {
        const pad = ' '.repeat(widths[col]! - [...cell].length);
        return rightAligned.has(col) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
