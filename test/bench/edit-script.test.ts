import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import { buildEditScript, loadConcurrentTrace, scriptText } from '../../bench/harness/edit-script.js';
import { seedRelayDocs, startPersistedRelay } from '../../bench/harness/persisted-relay.js';
import { awarenessMessage, EditorsLoad, readFrame } from '../../bench/harness/y-editors.js';

const trace = loadConcurrentTrace('friendsforever-concurrent');

describe('edit script from a concurrent trace', () => {
  it('replays the two typists concurrently over five editors and reproduces the trace’s final text', () => {
    const script = buildEditScript(trace, { editors: 5 });
    expect(script.edits).toHaveLength(trace.txns.length);
    expect(script.matchesEndContent).toBe(true);
    expect(script.finalText).toBe(trace.endContent);
    // Agent 0 types as editors 0, 2, 4 and agent 1 as 1 and 3, each about a fifth or a quarter of the keystrokes.
    const per = [0, 0, 0, 0, 0];
    for (const e of script.edits) per[e.editor]!++;
    expect(per.reduce((a, b) => a + b, 0)).toBe(trace.txns.length);
    for (const n of per) expect(n).toBeGreaterThan(trace.txns.length / 8);
    expect(new Set(script.clientIds).size).toBe(5);
  });

  it('gives updates that build the document in order, and recognises each edit in what a server relays', () => {
    const script = buildEditScript(trace, { editors: 5, maxEdits: 1500 });
    expect(script.edits).toHaveLength(1500);
    const server = new Y.Doc();
    Y.applyUpdate(server, script.seed);
    let relayed: Uint8Array[] = [];
    server.on('update', (u: Uint8Array) => relayed.push(u));
    for (let i = 0; i < script.edits.length; i++) {
      relayed = [];
      Y.applyUpdate(server, script.edits[i]!.update);
      expect(relayed.flatMap((u) => script.index.editsIn(u))).toEqual([i]);
    }
    expect(scriptText(server).toString()).toBe(script.finalText);
    // Two edits merged in one update (one waited for the other) are both recognised.
    expect(script.index.editsIn(Y.mergeUpdates([script.edits[10]!.update, script.edits[11]!.update]))).toEqual([10, 11]);
    expect(script.index.editsIn(script.seed)).toEqual([]);
    // Dependencies: only earlier edits, only other editors'; a keystroke follows the one before it.
    script.deps.forEach((deps, i) => {
      for (const j of deps) {
        expect(j).toBeLessThan(i);
        expect(script.edits[j]!.editor).not.toBe(script.edits[i]!.editor);
      }
    });
    expect(script.deps[2]).toEqual([1]);
  });
});

describe('raw y-protocols editors', () => {
  it('encodes awareness as y-protocols reads it, and answers the server’s SyncStep1', () => {
    const awareness = new Awareness(new Y.Doc());
    const message = awarenessMessage(4242, 3, { user: { name: 'E' } });
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(1);
    applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), null);
    expect(awareness.getStates().get(4242)).toEqual({ user: { name: 'E' } });
    expect(readFrame(message, () => {})).toEqual({ kind: 'awareness' });
    const replies: Uint8Array[] = [];
    expect(readFrame(new Uint8Array([0, 0, 1, 0]), (m) => replies.push(m))).toEqual({ kind: 'other' });
    expect([...replies[0]!]).toEqual([0, 1, 2, 0, 0]);
    awareness.destroy();
  });

  it('replays edits to documents on the relay and times every delivery to the other editors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commonplace-editors-'));
    const file = join(dir, 'relay.db');
    const script = buildEditScript(trace, { editors: 3, maxEdits: 400 });
    seedRelayDocs(file, [0, 1].map((d) => [`doc-${d}`, [script.seed]] as [string, Uint8Array[]]));
    const relay = await startPersistedRelay({ file });
    const load = new EditorsLoad(script, 2);
    try {
      await load.connect((d) => `${relay.url}/doc-${d}`);
      const phase = await load.phase('test', 40, 1000, 3000, { awarenessHz: 2 });
      expect(phase.sent).toBe(80);
      expect(phase.expected).toBe(160);
      expect(phase.delivered).toBe(160);
      expect(phase.missing).toBe(0);
      expect(phase.unsent).toBe(0);
      expect(phase.p99).toBeGreaterThan(0);
      expect(phase.awarenessSent).toBeGreaterThan(0);
      expect(phase.awarenessReceived).toBe(phase.awarenessSent * 2);
      expect(load.progress).toBe(40);
      // Every edit was stored (besides each client's empty SyncStep2), and leaving unloads both documents.
      expect(relay.stored()).toBe(80 + 6);
      await load.leave();
      const deadline = Date.now() + 5000;
      while (relay.docs() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(relay.docs()).toBe(0);
    } finally {
      load.close();
      await relay.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
