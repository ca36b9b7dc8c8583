import { describe, expect, it } from 'vitest';
import { metric } from '../../bench/harness/metric.js';
import { alternate, timed } from '../../bench/harness/rounds.js';
import { formatSummary, formatTable, formatValue } from '../../bench/harness/table.js';

describe('bench table', () => {
  it('formats values by unit', () => {
    expect(formatValue(3.14159, 'ms')).toBe('3.14 ms');
    expect(formatValue(31.4159, 'ms')).toBe('31.4 ms');
    expect(formatValue(314.159, 'ms')).toBe('314 ms');
    expect(formatValue(2.5, 'MB')).toBe('2.50 MB');
    expect(formatValue(159929, 'bytes')).toBe('159,929 B');
    expect(formatSummary({ median: 12, min: 11, max: 15.5, n: 5 }, 'ms')).toBe('12.0 ms (11.0–15.5)');
    expect(formatSummary({ median: 12, min: 12, max: 12, n: 1 }, 'ms')).toBe('12.0 ms');
  });

  it('prints aligned columns with the verdict', () => {
    const table = formatTable([
      metric({ scenario: 'doc-load', metric: 'warm sync', unit: 'ms', ours: [30, 33, 31], baseline: { name: 'relay', samples: [20, 21, 22] }, target: { max: 1.1 } }),
      metric({ scenario: 'doc-load', metric: 'heap', unit: 'MB', ours: [3] }),
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^scenario\s+metric\s+ours median \(min–max\)\s+baseline median\s+ratio\s+per-round ratio\s+target\s+result$/);
    expect(lines[1]).toMatch(/^-+( +-+){7}$/);
    expect(lines[2]).toContain('warm sync vs relay');
    expect(lines[2]).toContain('31.0 ms (30.0–33.0)');
    expect(lines[2]).toMatch(/1\.48×\s+1\.50× \(1\.41–1\.57\)\s+≤ 1\.10×\s+FAIL$/);
    expect(lines[3]).toMatch(/3\.00 MB\s+—\s+—\s+—\s+—$/);
    // Every cell of a column starts at the same offset.
    const offset = (line: string, text: string) => [...line.slice(0, line.indexOf(text))].length;
    expect(offset(lines[2]!, 'warm')).toBe(offset(lines[0]!, 'metric'));
  });
});

describe('bench rounds', () => {
  it('alternates variants, reverses every other round and drops warm-up rounds', async () => {
    const order: string[] = [];
    let n = 0;
    const samples = await alternate(
      [
        { name: 'ours', run: () => (order.push('ours'), ++n) },
        { name: 'base', run: () => (order.push('base'), ++n) },
      ],
      { rounds: 3, warmup: 1 },
    );
    expect(order).toEqual(['base', 'ours', 'ours', 'base', 'base', 'ours', 'ours', 'base']);
    expect(samples).toEqual({ ours: [3, 6, 7], base: [4, 5, 8] });
  });

  it('keeps the named numbers of one run apart and times wall and CPU', async () => {
    const samples = await alternate([{ name: 'v', run: () => timed(() => new Array(1e5).fill(1).reduce((a, b) => a + b, 0)) }], { rounds: 2 });
    expect(Object.keys(samples).sort()).toEqual(['v.cpu', 'v.wall']);
    expect(samples['v.wall']).toHaveLength(2);
    for (const x of [...samples['v.wall']!, ...samples['v.cpu']!]) expect(x).toBeGreaterThanOrEqual(0);
  });
});
