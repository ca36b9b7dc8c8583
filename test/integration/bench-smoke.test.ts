import { describe, expect, it } from 'vitest';
import { runDocLoad } from '../../bench/scenarios/doc-load.js';
import { fixtureTexts, runModeration } from '../../bench/scenarios/moderation.js';
import { loadTrace, sliceTrace } from '../../bench/traces.js';

/** The doc-load benchmark's code path at a tiny size: it produces numbers and correct documents. No timing assertions. */
describe('bench smoke: doc-load', () => {
  it('stores a trace prefix, syncs fresh clients cold and warm, and reports every metric', async () => {
    const ops = 2000;
    const result = await runDocLoad({
      trace: 'automerge-paper',
      ops,
      batchOps: 20,
      compactEvery: 40,
      rounds: 1,
      warmup: 0,
      heapRounds: 1,
    });

    const expected = sliceTrace(loadTrace('automerge-paper'), ops).endContent;
    // A wave's seed row, then 100 rows of 20 ops; snapshots after rows 40 and 80.
    expect(result.params).toMatchObject({ docName: 'wave:<id>', ops, textChars: expected.length, rows: 101, tailRows: 21 });
    // Every client that synced (cold, warm and bare relay) held exactly the trace's text.
    expect(result.checks).toEqual({ syncedTextMatches: true });

    expect(result.metrics.map((m) => `${m.metric} vs ${m.baselineName}`)).toEqual([
      'cold sync vs build+encode',
      'warm sync vs build+encode',
      'warm sync vs bare relay',
      'heap per loaded doc vs bare Y.Doc',
    ]);
    for (const m of result.metrics) {
      expect(m.samples.ours).toHaveLength(1);
      expect(m.samples.baseline).toHaveLength(1);
      expect(Number.isFinite(m.ours.median)).toBe(true);
      expect(Number.isFinite(m.baseline!.median)).toBe(true);
    }
    expect(Object.keys(result.raw!).sort()).toEqual(
      ['build+encode', 'cold', 'relay', 'warm'].flatMap((v) => [`${v}.cpu`, `${v}.wall`]),
    );
    for (const m of result.metrics.filter((m) => m.unit === 'ms')) {
      expect(m.ours.median).toBeGreaterThan(0);
      expect(m.ratio).not.toBeNull();
    }
  });
});

describe('bench smoke: moderation', () => {
  it('posts real comments through the product path with and without the pipeline and reports both', async () => {
    const result = await runModeration({ rounds: 1, warmup: 0, messages: fixtureTexts().length });
    expect(result.metrics.map((m) => `${m.metric} vs ${m.baselineName}`)).toEqual([
      'store a blip, per message vs same path, no pipeline',
      'pipeline rules alone, per message vs null',
    ]);
    expect(result.checks).toEqual({ 'the pipeline held some posts': true, 'nothing was refused': true });
    for (const m of result.metrics) expect(m.ours.median).toBeGreaterThan(0);
    expect(result.metrics[0]!.ratio).not.toBeNull();
  });
});
