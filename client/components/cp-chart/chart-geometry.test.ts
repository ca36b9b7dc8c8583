import { describe, expect, it } from 'vitest';
import { labelIndexes, linePath, maxOf, niceMax, pointX, scaleOf, stackedBars, summarize, ticks, valueY, type Frame } from './chart-geometry.js';

const frame: Frame = { width: 110, height: 60, left: 10, right: 0, top: 0, bottom: 10 };

describe('chart scales', () => {
  it('round the top of the scale up to a nice number', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(0.3)).toBeCloseTo(0.5);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(21)).toBe(25);
    expect(niceMax(480)).toBe(500);
    expect(niceMax(Number.NaN)).toBe(1);
    expect(ticks(20, 4)).toEqual([0, 5, 10, 15, 20]);
  });

  it('tick counts in whole numbers only', () => {
    expect(scaleOf(1, true)).toEqual({ top: 1, ticks: [0, 1] });
    expect(scaleOf(0, true)).toEqual({ top: 1, ticks: [0, 1] });
    expect(scaleOf(2, true)).toEqual({ top: 2, ticks: [0, 1, 2] });
    expect(scaleOf(3, true)).toEqual({ top: 5, ticks: [0, 1, 2, 3, 4, 5] });
    expect(scaleOf(21, true)).toEqual({ top: 25, ticks: [0, 5, 10, 15, 20, 25] });
    expect(scaleOf(7, true)).toEqual({ top: 10, ticks: [0, 2, 4, 6, 8, 10] });
    expect(scaleOf(2.2, true).top).toBe(3);
    expect(scaleOf(0.3, false)).toEqual({ top: 0.5, ticks: [0, 0.125, 0.25, 0.375, 0.5] });
  });

  it('place points across the plot and values up from the axis', () => {
    expect(pointX(0, 3, frame)).toBe(10);
    expect(pointX(2, 3, frame)).toBe(110);
    expect(pointX(0, 1, frame)).toBe(60);
    expect(valueY(0, 10, frame)).toBe(50);
    expect(valueY(10, 10, frame)).toBe(0);
  });

  it('draw lines with gaps where data is missing', () => {
    expect(linePath([0, 10, null, 5, 5], 10, frame)).toBe('M10 50 L35 0 M85 25 L110 25');
    expect(linePath([null, null], 10, frame)).toBe('');
  });

  it('stack bars bottom up and leave out empty parts', () => {
    const bars = stackedBars(
      [
        { name: 'a', values: [2, 0] },
        { name: 'b', values: [3, 5] },
      ],
      10,
      frame,
      0.5,
    );
    expect(bars).toEqual([
      { series: 0, index: 0, x: 22.5, y: 40, width: 25, height: 10, value: 2 },
      { series: 1, index: 0, x: 22.5, y: 25, width: 25, height: 15, value: 3 },
      { series: 1, index: 1, x: 72.5, y: 25, width: 25, height: 25, value: 5 },
    ]);
    expect(maxOf([{ name: 'a', values: [2, 0] }, { name: 'b', values: [3, 5] }], true)).toBe(5);
    expect(maxOf([{ name: 'a', values: [2, null] }, { name: 'b', values: [3, 4] }], false)).toBe(4);
  });

  it('print at most a few axis labels, always the first and the last', () => {
    expect(labelIndexes(5)).toEqual([0, 1, 2, 3, 4]);
    expect(labelIndexes(30, 7)).toEqual([0, 5, 10, 15, 20, 25, 29]);
    expect(labelIndexes(0)).toEqual([]);
  });

  it('say a series in one sentence', () => {
    expect(summarize(['Mon', 'Tue', 'Wed'], { name: 'Active fans', values: [3, 9, 4] })).toBe(
      'Active fans, 3 points from Mon to Wed: highest 9 (Tue), latest 4 (Wed).',
    );
    expect(summarize(['Mon', 'Tue'], { name: 'Median wait', values: [null, 90] }, (n) => `${n} s`)).toBe(
      'Median wait, 2 points from Mon to Tue: highest 90 s (Tue), latest 90 s (Tue).',
    );
    expect(summarize(['Mon'], { name: 'Nothing', values: [null] })).toBe('Nothing: no data.');
  });
});
