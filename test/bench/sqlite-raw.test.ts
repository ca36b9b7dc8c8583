import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRawStore } from '../../bench/baselines/sqlite-raw.js';
import { createDb } from '../../server/db/connect.js';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-raw-'));
  dirs.push(dir);
  return join(dir, 'raw.db');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('raw better-sqlite3 baseline', () => {
  it('opens the database with exactly our pragmas', async () => {
    const raw = openRawStore(tempFile());
    const ours = createDb({ file: tempFile() });
    for (const pragma of ['journal_mode', 'synchronous', 'foreign_keys', 'busy_timeout']) {
      expect(raw.sqlite.pragma(pragma, { simple: true })).toEqual(ours.sqlite!.pragma(pragma, { simple: true }));
    }
    expect(raw.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    await raw.close();
    await ours.close();
  });

  it('inserts every row autocommit and in batches, numbering each stream, with a latency per row', async () => {
    const raw = openRawStore(tempFile());
    const row = (i: number) => ({ stream: `table:${i % 3}`, type: 'table:message', payload: `{"n":${i}}`, actorId: null });
    const one = raw.insert(10, 1, row);
    const batched = raw.insert(250, 100, row);
    expect(one.rows).toBe(10);
    expect(one.latenciesMs).toHaveLength(10);
    expect(batched.latenciesMs).toHaveLength(250);
    expect([...one.latenciesMs, ...batched.latenciesMs].every((ms) => ms >= 0)).toBe(true);
    // Rows of a batch wait for its commit: the first row of a batch waits at least as long as the last.
    expect(batched.latenciesMs[0]).toBeGreaterThanOrEqual(batched.latenciesMs[99]!);
    const counts = raw.sqlite.prepare('SELECT stream, count(*) AS n, max(seq) AS top FROM raw_events GROUP BY stream ORDER BY stream').all();
    expect(counts).toEqual([
      { stream: 'table:0', n: 88, top: 88 },
      { stream: 'table:1', n: 86, top: 86 },
      { stream: 'table:2', n: 86, top: 86 },
    ]);
    await raw.close();
  });
});
