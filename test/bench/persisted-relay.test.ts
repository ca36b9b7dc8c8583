import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import WS from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { seedRelayDocs, startPersistedRelay, type PersistedRelay } from '../../bench/harness/persisted-relay.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-relay-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'relay.db');
}

async function relayOn(file: string): Promise<PersistedRelay> {
  const relay = await startPersistedRelay({ file });
  cleanup.push(() => relay.close());
  return relay;
}

function provider(relay: PersistedRelay, name: string): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(relay.url, name, doc, { WebSocketPolyfill: WS as unknown as typeof WebSocket, disableBc: true });
  cleanup.push(() => {
    p.destroy();
    doc.destroy();
  });
  return { doc, provider: p };
}

const synced = (p: WebsocketProvider) => new Promise<void>((resolve) => (p.synced ? resolve() : p.once('sync', () => resolve())));
async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('bare relay with persistence', () => {
  it('relays edits and awareness between stock clients and stores every update before relaying it', async () => {
    const file = tempFile();
    const relay = await relayOn(file);
    const a = provider(relay, 'doc-a');
    const b = provider(relay, 'doc-a');
    await Promise.all([synced(a.provider), synced(b.provider)]);
    const stored = relay.stored();
    a.doc.getText('t').insert(0, 'hello');
    await until(() => b.doc.getText('t').toString() === 'hello');
    // The update b received was stored (committed) before it went out.
    expect(relay.stored()).toBeGreaterThan(stored);
    const rows = new SQLite(file, { readonly: true });
    cleanup.push(() => void rows.close());
    expect((rows.prepare("SELECT count(*) AS n FROM relay_updates WHERE doc = 'doc-a'").get() as { n: number }).n).toBe(relay.stored());

    a.provider.awareness.setLocalStateField('user', { name: 'A' });
    await until(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'A');
    expect(relay.docs()).toBe(1);
    expect(relay.connections()).toBe(2);
  });

  it('loads a document from its rows for the first client and drops it when the last one leaves', async () => {
    const file = tempFile();
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getText('t').insert(0, 'stored ');
    source.getText('t').insert(7, 'text');
    seedRelayDocs(file, [['doc-b', updates]]);
    const relay = await relayOn(file);
    expect(relay.docs()).toBe(0);
    const c = provider(relay, 'doc-b');
    await synced(c.provider);
    expect(c.doc.getText('t').toString()).toBe('stored text');
    expect(relay.docs()).toBe(1);
    c.provider.destroy();
    await until(() => relay.docs() === 0);
    // A later client finds it again.
    const d = provider(relay, 'doc-b');
    await synced(d.provider);
    expect(d.doc.getText('t').toString()).toBe('stored text');
  });
});
