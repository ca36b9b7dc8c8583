import { describe, expect, it } from 'vitest';
import { activeSeries, daysOf, isoWeekOf, median, percentile, secondsBetween, statusStays, timeInStatus, windowOf } from './insights.stats.js';

describe('percentiles', () => {
  it('interpolate between the closest ranks', () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBeCloseTo(91);
    expect(percentile([42], 0.9)).toBe(42);
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 1)).toBe(3);
  });

  it('are null for nothing', () => {
    expect(median([])).toBeNull();
    expect(percentile([], 0.9)).toBeNull();
  });

  it('do not reorder their input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('windows', () => {
  it('are the last N UTC days including today, until now', () => {
    const now = new Date('2026-11-25T15:30:00.000Z');
    expect(windowOf(7, now)).toEqual({ days: 7, from: '2026-11-19T00:00:00.000Z', to: '2026-11-25T15:30:00.000Z' });
    expect(windowOf(1, now).from).toBe('2026-11-25T00:00:00.000Z');
    expect(daysOf(windowOf(3, now))).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
  });

  it('cross months and years', () => {
    expect(daysOf(windowOf(3, new Date('2027-01-01T00:00:01.000Z')))).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });

  it('measure seconds between times, never negative', () => {
    expect(secondsBetween('2026-11-25T10:00:00.000Z', '2026-11-25T10:02:30.400Z')).toBe(150);
    expect(secondsBetween('2026-11-25T10:00:01.000Z', '2026-11-25T10:00:00.000Z')).toBe(0);
  });
});

describe('ISO weeks', () => {
  it('start on Monday; week 1 holds the first Thursday', () => {
    expect(isoWeekOf('2026-11-25')).toEqual({ week: '2026-W48', monday: '2026-11-23', sunday: '2026-11-29' });
    expect(isoWeekOf('2026-11-29').week).toBe('2026-W48');
    expect(isoWeekOf('2026-11-30').week).toBe('2026-W49');
    // 2027-01-01 is a Friday: it belongs to the last week of 2026.
    expect(isoWeekOf('2027-01-01').week).toBe('2026-W53');
    // 2025-12-29 is a Monday whose Thursday is 2026-01-01: week 1 of 2026.
    expect(isoWeekOf('2025-12-29').week).toBe('2026-W01');
  });

  it('count distinct people per day and per week, marking partial weeks', () => {
    const days = daysOf({ from: '2026-11-21T00:00:00.000Z', to: '2026-11-24T08:00:00.000Z' }); // Sat … Tue
    const series = activeSeries(
      [
        { person: 'ana', day: '2026-11-21' },
        { person: 'ana', day: '2026-11-21' },
        { person: 'kenji', day: '2026-11-22' },
        { person: 'ana', day: '2026-11-23' },
        { person: 'priya', day: '2026-11-24' },
        { person: 'ana', day: '2026-11-24' },
        { person: 'ghost', day: '2026-11-20' }, // outside the window
      ],
      days,
    );
    expect(series.distinct).toBe(3);
    expect(series.perDay).toEqual([
      { day: '2026-11-21', count: 1 },
      { day: '2026-11-22', count: 1 },
      { day: '2026-11-23', count: 1 },
      { day: '2026-11-24', count: 2 },
    ]);
    expect(series.perWeek).toEqual([
      { week: '2026-W47', from: '2026-11-16', to: '2026-11-22', count: 2, partial: true },
      { week: '2026-W48', from: '2026-11-23', to: '2026-11-29', count: 2, partial: true },
    ]);
  });
});

describe('time in status', () => {
  const h = (hours: number) => new Date(Date.parse('2026-11-20T00:00:00.000Z') + hours * 3_600_000).toISOString();

  it('turns changes into stays; repeating the status does not split a stay', () => {
    const stays = statusStays([
      { waveId: 'w1', to: 'open', at: h(0) },
      { waveId: 'w1', to: 'planned', at: h(10) },
      { waveId: 'w1', to: 'planned', at: h(20) }, // a new public response, same status
      { waveId: 'w1', to: 'shipped', at: h(30) },
      { waveId: 'w2', to: 'open', at: h(5) },
    ]);
    expect(stays).toEqual([
      { waveId: 'w1', status: 'open', from: h(0), until: h(10) },
      { waveId: 'w1', status: 'planned', from: h(10), until: h(30) },
      { waveId: 'w1', status: 'shipped', from: h(30), until: null },
      { waveId: 'w2', status: 'open', from: h(5), until: null },
    ]);
  });

  it('gives the median time now in a status, and the median of stays that ended in the window', () => {
    const stays = statusStays([
      { waveId: 'w1', to: 'open', at: h(0) },
      { waveId: 'w1', to: 'planned', at: h(2) }, // open for 2 h, ended before the window
      { waveId: 'w2', to: 'open', at: h(0) },
      { waveId: 'w2', to: 'planned', at: h(30) }, // open for 30 h, ended in the window
      { waveId: 'w3', to: 'open', at: h(40) },
      { waveId: 'w3', to: 'declined', at: h(50) }, // open for 10 h
      { waveId: 'w4', to: 'open', at: h(60) }, // open now, for 12 h
    ]);
    const window = { from: h(24), to: h(72) };
    const [open, planned, declined, shipped] = timeInStatus(stays, window, ['open', 'planned', 'declined', 'shipped']);
    expect(open).toEqual({ status: 'open', count: 1, medianSecondsNow: 12 * 3600, completed: 2, medianSecondsCompleted: 20 * 3600 });
    expect(planned).toEqual({ status: 'planned', count: 2, medianSecondsNow: ((72 - 2) * 3600 + (72 - 30) * 3600) / 2, completed: 0, medianSecondsCompleted: null });
    expect(declined).toMatchObject({ count: 1, medianSecondsNow: 22 * 3600 });
    expect(shipped).toEqual({ status: 'shipped', count: 0, medianSecondsNow: null, completed: 0, medianSecondsCompleted: null });
  });
});
