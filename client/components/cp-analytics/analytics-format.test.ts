import { describe, expect, it } from 'vitest';
import { ANALYTICS_METRICS } from '../../../shared/schemas/insights.js';
import { CSV_METRICS, formatAxisDuration, formatDuration, shortDay } from './analytics-format.js';

describe('analytics formatting', () => {
  it('writes durations for people', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45.4)).toBe('45 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3600 + 5 * 60)).toBe('1 h 5 min');
    expect(formatDuration(2 * 86_400 + 4 * 3600)).toBe('2 d 4 h');
    expect(formatDuration(3 * 86_400)).toBe('3 d');
  });

  it('writes axis durations coarsely', () => {
    expect(formatAxisDuration(30)).toBe('30 s');
    expect(formatAxisDuration(600)).toBe('10 min');
    expect(formatAxisDuration(5400)).toBe('1.5 h');
    expect(formatAxisDuration(2 * 86_400)).toBe('2 d');
  });

  it('labels UTC days whatever the reader’s time zone', () => {
    expect(shortDay('2026-11-20')).toMatch(/20/);
    expect(shortDay('not a day')).toBe('not a day');
  });

  it('offers every metric the server exports', () => {
    expect(CSV_METRICS.map((m) => m.metric)).toEqual([...ANALYTICS_METRICS]);
  });
});
