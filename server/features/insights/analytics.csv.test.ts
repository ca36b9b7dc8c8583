import { describe, expect, it } from 'vitest';
import type { Analytics } from '../../../shared/schemas/insights.js';
import { analyticsCsv, csvField, csvFileName, toCsv } from './analytics.csv.js';

describe('CSV', () => {
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(false)).toBe('false');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@me')).toBe("'@me");
  });

  it('writes a header and CRLF rows', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], [2, null]])).toBe('a,b\r\n1,x\r\n2,\r\n');
  });

  it('exports each metric of a report', () => {
    const report = {
      window: { days: 2, from: '2026-11-24T00:00:00.000Z', to: '2026-11-25T10:00:00.000Z' },
      hands: {
        answered: 1,
        medianSeconds: 120,
        p90Seconds: 120,
        loweredUnanswered: 0,
        open: [{ handId: 'h1', tableId: 't1', topic: 'Lights, please', person: { id: 'u1', displayName: 'Ana' }, question: null, raisedAt: '2026-11-25T09:00:00.000Z', waitSeconds: 3600 }],
        perDay: [
          { day: '2026-11-24', answered: 0, medianSeconds: null },
          { day: '2026-11-25', answered: 1, medianSeconds: 120.4 },
        ],
      },
      activeFans: { distinct: 1, perDay: [{ day: '2026-11-24', count: 1 }], perWeek: [{ week: '2026-W48', from: '2026-11-23', to: '2026-11-29', count: 1, partial: true }] },
      conversations: { total: 3, perDay: [{ day: '2026-11-24', waves: 1, threads: 1, tables: 1, total: 3 }] },
      ideas: { total: 1, byStatus: [{ status: 'open', count: 1, medianSecondsNow: 10.6, completed: 0, medianSecondsCompleted: null }] },
      moderation: { queued: 1, decided: 1, medianSecondsInQueue: 5, p90SecondsInQueue: 5, waitingNow: 0, oldestWaitingSeconds: null, perDay: [{ day: '2026-11-24', queued: 1, decided: 1 }] },
    } satisfies Analytics;
    expect(analyticsCsv(report, 'hands')).toBe('day,answered,median_wait_seconds\r\n2026-11-24,0,\r\n2026-11-25,1,120\r\n');
    expect(analyticsCsv(report, 'open-hands')).toBe(
      'hand_id,table_id,topic,person,question,raised_at,wait_seconds\r\nh1,t1,"Lights, please",Ana,,2026-11-25T09:00:00.000Z,3600\r\n',
    );
    expect(analyticsCsv(report, 'active-fans-weekly')).toBe('week,from,to,active_fans,partial\r\n2026-W48,2026-11-23,2026-11-29,1,true\r\n');
    expect(analyticsCsv(report, 'ideas')).toBe(
      'status,ideas,median_seconds_in_status_now,stays_ended_in_window,median_seconds_of_ended_stays\r\nopen,1,11,0,\r\n',
    );
    expect(analyticsCsv(report, 'moderation')).toBe('day,queued,decided\r\n2026-11-24,1,1\r\n');
    expect(csvFileName('lumen', 'hands', report)).toBe('lumen-hands-2d-2026-11-25.csv');
  });
});
