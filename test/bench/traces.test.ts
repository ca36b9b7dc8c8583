import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyToString, countOps, loadTrace, replayTrace, sliceTrace, type Trace } from '../../bench/traces.js';

describe('bench editing traces', () => {
  const trace = loadTrace('automerge-paper');

  it('reads the sequential format of the fixture', () => {
    expect(countOps(trace)).toBe(259_778);
    expect(trace.endContent).toHaveLength(104_852);
    expect(trace.txns[0]!.patches[0]).toEqual([0, 0, '\\']);
  });

  it('slices a prefix and recomputes its final text', () => {
    const sliced = sliceTrace(trace, 1000);
    expect(countOps(sliced)).toBe(1000);
    expect(sliced.endContent).toBe(applyToString('', trace.txns.slice(0, 1000).flatMap((t) => t.patches)));
  });

  it('replays into Y.Text and an editor paragraph, one update per batch, reproducing the text', () => {
    const sliced = sliceTrace(trace, 1000);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    replayTrace(sliced, doc.getText('t'), { batchOps: 7, onBatch: (u) => updates.push(u) });
    expect(updates).toHaveLength(Math.ceil(1000 / 7));
    const copy = new Y.Doc();
    for (const u of updates) Y.applyUpdate(copy, u);
    expect(copy.getText('t').toString()).toBe(sliced.endContent);

    const editor = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    editor.getXmlFragment('content').insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText()]);
    replayTrace(sliced, paragraph.get(0) as Y.XmlText, { batchOps: 100 });
  });

  it('refuses a replay that does not end at endContent', () => {
    const wrong: Trace = { name: 'wrong', startContent: '', endContent: 'abc', txns: [{ patches: [[0, 0, 'ab']] }] };
    expect(() => replayTrace(wrong, new Y.Doc().getText('t'))).toThrow(/endContent/);
  });
});
