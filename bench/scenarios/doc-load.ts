import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import WS from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { docName as docNames } from '../../shared/doc-names.js';
import { DocPersistence } from '../../server/collab/persistence.js';
import { CONTENT_FIELD, writeParagraphs } from '../../server/collab/rich-text.js';
import { upsertMembership } from '../../server/features/spaces/spaces.repository.js';
import type { Database } from '../../server/db/database.js';
import { makePerson, makeSpace } from '../../test/helpers/collab-clients.js';
import { api } from '../../test/helpers/http.js';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { settledHeap, toMB } from '../harness/heap.js';
import { metric } from '../harness/metric.js';
import { seedRelayDocs, startPersistedRelay, type PersistedRelay } from '../harness/persisted-relay.js';
import { profiled } from '../harness/profile.js';
import { alternate, stopwatch, timed, type Elapsed } from '../harness/rounds.js';
import type { Scenario, ScenarioResult } from '../harness/types.js';
import { countOps, loadTrace, replayTrace, sliceTrace } from '../traces.js';

export interface DocLoadOptions {
  /**
   * `wave` (default): a wave started through the API, its idea document at `wave:<id>`.
   * `space`: the space's guide document `space:<id>`, for when waves are not registered.
   */
  kind?: 'wave' | 'space';
  /** A sequential trace in ../shared/fixtures/editing-traces/ (without .json.gz). */
  trace: string;
  /** Only the first `ops` patches; the whole trace when unset. */
  ops?: number;
  /** Trace patches per Yjs transaction, so per stored doc_updates row. */
  batchOps: number;
  /** Write a snapshot every this many rows, as the live server does; default the server's DOC_COMPACT_EVERY. */
  compactEvery?: number;
  /** Measured A/B rounds (each: cold, build+encode, warm, bare relay warm and cold; order reversed every other round). */
  rounds: number;
  /** Rounds run first and thrown away. */
  warmup: number;
  /** Heap samples per side (our server, the bare relay, bare Y.Docs, each holding `heapDocs` documents); 0 skips the heap figures. */
  heapRounds: number;
  /** Distinct documents (copies of the stored one) loaded at once for the heap figures; default 10. */
  heapDocs?: number;
  /** See RunOptions.profileFile. */
  profileFile?: string;
  log?: (line: string) => void;
}

const SCENARIO = 'doc-load';
const SYNC_TIMEOUT_MS = 60_000;
const DEFAULT_HEAP_DOCS = 10;
const WRITER_CLIENT_ID = 0x9e3779b9;

/** What setup leaves behind: a database file holding the document, and its bytes in memory. */
interface Stored {
  traceName: string;
  ops: number;
  /** The trace's final text, computed from the patches without Yjs. */
  expected: string;
  /** A folder whose test.db holds the space, a staff session and the document; copied for every cold start. */
  pristineDir: string;
  kind: 'wave' | 'space';
  docName: string;
  /** Further documents holding the same snapshot and tail (distinct names, for heap per document). */
  copies: string[];
  token: string;
  rows: number;
  tailRows: number;
  snapshot: Uint8Array | null;
  tail: Uint8Array[];
  logBytes: number;
}

/**
 * Loading a wave's idea document from the database: a fresh y-websocket client's time from `new
 * WebsocketProvider` to synced with the whole text, on a real server (REST, Socket.IO and the
 * document socket on one port, SQLite on disk). Cold: a server instance started on a copy of
 * the database, nothing in memory. Warm: another client keeps the document loaded.
 * Baselines, measured in the same run and alternated with ours: building the same document in
 * memory from the same stored bytes and encoding it (the bare cost of the data), and the bare
 * y-protocols relay with persistence to SQLite (the Benchmarks issue's reference) holding the
 * same rows: warm (the document in its memory) and cold (loaded from SQLite for the client).
 * Heap: `heapDocs` distinct copies of the document loaded at once, heap delta ÷ documents.
 */
export async function runDocLoad(options: DocLoadOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const cleanup: (() => Promise<void> | void)[] = [];
  const checks = { syncs: 0, matched: 0 };

  try {
    // The parsed trace is ~50 MB of heap; only its final text outlives setup, so garbage
    // collections during the measurements do not pay for it.
    const stored = await store(options, log);
    const expected = stored.expected;
    cleanup.push(() => rmSync(stored.pristineDir, { recursive: true, force: true }));
    log(`stored ${stored.rows} update rows (${stored.tailRows} after the snapshot) in ${ms(performance.now() - started)}`);

    const sync = async (url: string, name: string, token: string | null): Promise<Elapsed> => {
      const result = await timeToSynced(url, name, token, expected.length);
      checks.syncs++;
      if (result.text === expected) checks.matched++;
      else throw new Error(`a client synced ${result.text.length} chars that differ from the expected ${expected.length}`);
      return result.elapsed;
    };

    // Warm: one server for the whole run; a raw socket keeps the document loaded.
    const warmDir = copyDatabase(stored.pristineDir);
    cleanup.push(() => rmSync(warmDir, { recursive: true, force: true }));
    const warm = await startTestServer({ dir: warmDir });
    cleanup.unshift(() => warm.stop());

    // The bare relay with persistence: the same snapshot and tail rows under each document name
    // (relay-0 for warm, relay-1 for cold, all of them for the heap), same pragmas as the test server.
    const relayDir = mkdtempSync(join(tmpdir(), 'commonplace-bench-relay-'));
    cleanup.push(() => rmSync(relayDir, { recursive: true, force: true }));
    const relayFile = join(relayDir, 'relay.db');
    const relayNames = [stored.docName, ...stored.copies].map((_, i) => `relay-${i}`);
    const rows = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.tail];
    seedRelayDocs(relayFile, relayNames.map((name) => [name, rows] as [string, Uint8Array[]]));
    const relay = await startPersistedRelay({ file: relayFile, synchronous: 'NORMAL' });
    cleanup.unshift(() => relay.close());

    let heap: { server: number[]; relay: number[]; bare: number[]; docs: number } | null = null;
    if (options.heapRounds > 0) {
      heap = await measureHeap(warm, relay, stored, relayNames, options.heapRounds);
      log(
        `heap per loaded doc (${heap.docs} docs): ours ${heap.server.map((b) => toMB(b).toFixed(2)).join(', ')} MB; ` +
          `relay ${heap.relay.map((b) => toMB(b).toFixed(2)).join(', ')} MB; Y.Doc ${heap.bare.map((b) => toMB(b).toFixed(2)).join(', ')} MB`,
      );
    }
    const keeper = await holdOpen(warm, stored);
    cleanup.unshift(() => keeper.close());
    const relayKeeper = await holdRelayDoc(relay, relayNames[0]!);
    cleanup.unshift(() => relayKeeper.close());

    const rounds = () => alternate(
      [
        {
          name: 'cold',
          run: async () => {
            const dir = copyDatabase(stored.pristineDir);
            const server = await startTestServer({ dir });
            try {
              return await sync(`${wsUrl(server)}/yjs`, stored.docName, stored.token);
            } finally {
              await server.dispose();
            }
          },
        },
        {
          name: 'build+encode',
          run: () => {
            let doc: Y.Doc | null = null;
            const elapsed = timed(() => {
              doc = buildInMemory(stored);
              Y.encodeStateAsUpdate(doc);
            });
            return elapsed.finally(() => doc?.destroy());
          },
        },
        { name: 'warm', run: () => sync(`${wsUrl(warm)}/yjs`, stored.docName, stored.token) },
        { name: 'relay', run: () => sync(relay.url, relayNames[0]!, null) },
        {
          // Nothing in the relay's memory: it loads the rows from SQLite for this client, and drops them when it leaves.
          name: 'relay-cold',
          run: async () => {
            if (relay.docs() !== 1) throw new Error(`the relay holds ${relay.docs()} documents before a cold sync`);
            const elapsed = await sync(relay.url, relayNames[1]!, null);
            await waitFor(() => relay.docs() === 1);
            return elapsed;
          },
        },
      ],
      {
        rounds: options.rounds,
        warmup: options.warmup,
        onRound: (round, got) =>
          log(
            `round ${round + 1}/${options.rounds}: ${Object.entries(got)
              .filter(([k]) => k.endsWith('.wall'))
              .map(([k, v]) => `${k.replace(/\.wall$/, '')} ${ms(v)}`)
              .join(', ')}`,
          ),
      },
    );
    let profile: string | undefined;
    let samples: Record<string, number[]>;
    if (options.profileFile) ({ result: samples, summary: profile } = await profiled(options.profileFile, rounds));
    else samples = await rounds();

    // Wall-clock time is what a person waits. CPU time (in `raw`) was no steadier on the shared
    // machine, and V8's parallel GC threads add to it (1.2–1.4× the wall time).
    const buildEncode = { name: 'build+encode', samples: samples['build+encode.wall']! };
    const metrics = [
      metric({ scenario: SCENARIO, metric: 'cold sync', unit: 'ms', ours: samples['cold.wall']!, baseline: buildEncode }),
      metric({ scenario: SCENARIO, metric: 'cold sync', unit: 'ms', ours: samples['cold.wall']!, baseline: { name: 'bare relay + SQLite, cold', samples: samples['relay-cold.wall']! } }),
      metric({ scenario: SCENARIO, metric: 'warm sync', unit: 'ms', ours: samples['warm.wall']!, baseline: buildEncode, target: { max: 1.1 } }),
      metric({
        scenario: SCENARIO,
        metric: 'warm sync',
        unit: 'ms',
        ours: samples['warm.wall']!,
        baseline: { name: 'bare relay + SQLite, warm', samples: samples['relay.wall']! },
        target: { max: 1.1 },
      }),
    ];
    if (heap) {
      metrics.push(
        metric({
          scenario: SCENARIO,
          metric: `heap per loaded doc (${heap.docs} docs)`,
          unit: 'MB',
          ours: heap.server.map(toMB),
          baseline: { name: 'bare relay + SQLite', samples: heap.relay.map(toMB) },
        }),
        metric({
          scenario: SCENARIO,
          metric: `heap per loaded doc (${heap.docs} docs)`,
          unit: 'MB',
          ours: heap.server.map(toMB),
          baseline: { name: 'bare Y.Doc', samples: heap.bare.map(toMB) },
        }),
      );
    }
    const snapshotBytes = stored.snapshot?.byteLength ?? 0;
    return {
      scenario: SCENARIO,
      params: {
        trace: stored.traceName,
        ops: stored.ops,
        textChars: expected.length,
        batchOps: options.batchOps,
        rows: stored.rows,
        tailRows: stored.tailRows,
        logBytes: stored.logBytes,
        snapshotBytes,
        rounds: options.rounds,
        warmup: options.warmup,
        heapRounds: options.heapRounds,
        heapDocs: heap?.docs ?? 0,
        docName: `${stored.kind}:<id>`,
      },
      metrics,
      notes: [
        `${stored.traceName}: ${stored.ops.toLocaleString('en-US')} ops → ${expected.length.toLocaleString('en-US')} chars`,
        `${stored.kind}:<id> stored as ${stored.rows.toLocaleString('en-US')} doc_updates rows (the seed, then ${options.batchOps} ops per row; ${kB(stored.logBytes)}) ${snapshotBytes ? `+ a ${kB(snapshotBytes)} snapshot; cold loads replay the ${stored.tailRows} rows after it` : `and no snapshot yet: cold loads replay all ${stored.tailRows} rows`}`,
        `${options.rounds} rounds (+${options.warmup} warm-up), every client checked to hold the trace's final text (${checks.matched}/${checks.syncs})`,
        `cold: ours a fresh app instance on a fresh copy of the database; the bare relay with nothing in memory (it loads the same snapshot and tail rows from its SQLite table); warm: the document held in memory by another socket`,
        ...(heap
          ? [`heap: ${heap.docs} distinct documents (copies of this one) loaded at once, heapUsed after a full GC minus the same with none loaded, ÷ ${heap.docs}; the bare relay holds the same rows, one socket per document`]
          : []),
      ],
      checks: { syncedTextMatches: checks.syncs > 0 && checks.matched === checks.syncs },
      raw: samples,
      profile,
    };
  } finally {
    for (const step of cleanup) await step();
  }
}

/**
 * A staff member creates the document (a wave through the API, or the space's guide),
 * whose seed is the idea editor's structure: `content` → one empty paragraph. The trace is then
 * typed into that paragraph's text, one batch of patches per Yjs transaction, and each batch's
 * update is stored as a doc_updates row through DocPersistence, with a snapshot every
 * `compactEvery` rows as the live server does (LiveDoc.compactWhenDue): the database ends up
 * holding a snapshot plus a tail of rows, as after a real session.
 */
async function store(options: DocLoadOptions, log: (line: string) => void): Promise<Stored> {
  const full = loadTrace(options.trace);
  const trace = options.ops ? sliceTrace(full, options.ops) : full;
  const server = await startTestServer();
  try {
    const { deps } = server;
    const db = deps.db.kysely;
    const persistence = new DocPersistence(db, deps.clock);
    const space = await makeSpace(deps);
    const staff = await makePerson(deps, { space, role: 'staff' });
    const kind = options.kind ?? 'wave';
    let docName: string;
    if (kind === 'wave') {
      docName = await startWave(server, staff.token, space.slug, `Editing trace ${trace.name}`);
    } else {
      docName = docNames.space(space.id);
      const seed = new Y.Doc();
      writeParagraphs(seed, ['']);
      await persistence.append(docName, Y.encodeStateAsUpdate(seed), staff.id);
      seed.destroy();
    }
    const compactEvery = options.compactEvery ?? deps.config.docCompactEvery;
    const { doc: writer, lastId: seedId } = await persistence.load(docName);
    let unsnapshotted = await countRows(server, docName);

    const updates: Uint8Array[] = [];
    // A fixed client id (a typical 5-byte one) keeps the stored sizes the same from run to run.
    writer.clientID = WRITER_CLIENT_ID;
    const replayStart = performance.now();
    replayTrace(trace, ideaText(writer)!, { batchOps: options.batchOps, onBatch: (update) => updates.push(update) });
    log(`replayed ${countOps(trace).toLocaleString('en-US')} ops in ${ms(performance.now() - replayStart)}`);
    writer.destroy();

    // Apply the rows again in order so each snapshot holds exactly the rows up to it.
    const { doc: rebuilt } = await persistence.load(docName);
    let logBytes = 0;
    await db.transaction().execute(async (trx) => {
      const inTrx = new DocPersistence(trx, deps.clock);
      let id = seedId;
      for (const update of updates) {
        id = await inTrx.append(docName, update, staff.id);
        Y.applyUpdate(rebuilt, update);
        logBytes += update.byteLength;
        if (++unsnapshotted >= compactEvery) {
          await inTrx.compact(docName, rebuilt, id);
          unsnapshotted = 0;
        }
      }
    });
    rebuilt.destroy();

    const snapshot = await db
      .selectFrom('doc_snapshots')
      .select(['state', 'upto_id'])
      .where('doc_name', '=', docName)
      .executeTakeFirst();
    const tail = await db
      .selectFrom('doc_updates')
      .select('data')
      .where('doc_name', '=', docName)
      .where('id', '>', snapshot?.upto_id ?? 0)
      .orderBy('id')
      .execute();

    // Copies under other documents' names, for heap per document: the same snapshot and tail rows.
    const copies: string[] = [];
    for (let i = 1; i < (options.heapRounds > 0 ? (options.heapDocs ?? DEFAULT_HEAP_DOCS) : 1); i++) {
      let name: string;
      if (kind === 'wave') name = await startWave(server, staff.token, space.slug, `${trace.name} (${i + 1})`);
      else {
        const other = await makeSpace(deps);
        await upsertMembership(db, other.id, staff.id, 'staff', deps.clock.now().toISOString());
        name = docNames.space(other.id);
      }
      await copyDocument(db, deps.clock.now().toISOString(), name, snapshot ? copy(snapshot.state) : null, tail.map((row) => copy(row.data)), staff.id);
      copies.push(name);
    }

    // What the server will load must be the trace's text, under every name.
    for (const name of [docName, ...copies]) {
      const { doc: loaded } = await persistence.load(name);
      const loadedText = ideaText(loaded)?.toString();
      loaded.destroy();
      if (loadedText !== trace.endContent) throw new Error(`the stored document ${name} does not load as the trace text`);
    }

    return {
      traceName: trace.name,
      ops: countOps(trace),
      expected: trace.endContent,
      pristineDir: server.dir,
      kind,
      docName,
      copies,
      token: staff.token,
      rows: await countRows(server, docName),
      tailRows: tail.length,
      snapshot: snapshot ? copy(snapshot.state) : null,
      tail: tail.map((row) => copy(row.data)),
      logBytes,
    };
  } finally {
    // Closing the last connection checkpoints the WAL into test.db, so copying that one file is enough.
    await server.stop();
  }
}

/** Starts a wave through the public API, as the product's clients do; its idea document's name. */
async function startWave(server: TestServer, token: string, slug: string, title: string): Promise<string> {
  const res = await api<{ docName: string }>(server, 'POST', `/api/v1/spaces/${slug}/waves`, { token, body: { title, draft: '', tags: [] } });
  if (res.status >= 300) throw new Error(`could not start a wave: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.docName;
}

/**
 * Makes `docName` hold the given snapshot and tail rows (in place of whatever it held): the
 * tail appended as new rows, the snapshot saying it covers everything before the first of them.
 */
async function copyDocument(db: Kysely<Database>, now: string, docName: string, snapshot: Uint8Array | null, tail: Uint8Array[], userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('doc_snapshots').where('doc_name', '=', docName).execute();
    await trx.deleteFrom('doc_updates').where('doc_name', '=', docName).execute();
    let first: number | null = null;
    for (const data of tail) {
      const row = await trx
        .insertInto('doc_updates')
        .values({ doc_name: docName, data: Buffer.from(data), user_id: userId, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      first ??= row.id;
    }
    if (snapshot) {
      const newest = await trx.selectFrom('doc_updates').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
      const upto = first === null ? Number(newest?.id ?? 0) : first - 1;
      await trx.insertInto('doc_snapshots').values({ doc_name: docName, state: Buffer.from(snapshot), upto_id: upto, updated_at: now }).execute();
    }
  });
}

async function countRows(server: TestServer, docName: string): Promise<number> {
  const row = await server.db.kysely
    .selectFrom('doc_updates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('doc_name', '=', docName)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The idea editor's first paragraph's text (content → paragraph → text), once the doc has it. */
function ideaText(doc: Y.Doc): Y.XmlText | null {
  const paragraph = doc.getXmlFragment(CONTENT_FIELD).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  return text instanceof Y.XmlText ? text : null;
}

/** What DocPersistence.load does, from bytes already in memory. */
function buildInMemory(stored: Stored): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.tail) Y.applyUpdate(doc, update);
  });
  return doc;
}

/** A fresh Y.Doc and WebsocketProvider; resolves once it reports synced and holds all the text. */
async function timeToSynced(
  url: string,
  name: string,
  token: string | null,
  expectedLength: number,
): Promise<{ elapsed: Elapsed; text: string }> {
  const doc = new Y.Doc();
  let provider: WebsocketProvider | null = null;
  try {
    const done = new Promise<Elapsed>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not synced within ${SYNC_TIMEOUT_MS} ms`)), SYNC_TIMEOUT_MS);
      const check = () => {
        if (provider?.synced && ideaText(doc)?.length === expectedLength) {
          const elapsed = watch.stop();
          clearTimeout(timer);
          resolve(elapsed);
        }
      };
      doc.on('update', check);
      const watch = stopwatch();
      provider = new WebsocketProvider(url, name, doc, {
        params: token ? { token } : {},
        WebSocketPolyfill: WS as unknown as typeof WebSocket,
        disableBc: true,
      });
      provider.on('sync', check);
      provider.on('connection-close', (event: CloseEvent | null) => {
        clearTimeout(timer);
        reject(new Error(`document socket closed before sync: ${event?.code} ${event?.reason}`));
      });
    });
    const elapsed = await done;
    return { elapsed, text: ideaText(doc)?.toString() ?? '' };
  } finally {
    (provider as WebsocketProvider | null)?.destroy();
    doc.destroy();
  }
}

/** A bare `ws` client of the document socket: keeps a document loaded without a Y.Doc of its own. */
async function holdOpen(server: TestServer, stored: Stored, name = stored.docName): Promise<{ close(): Promise<void> }> {
  const ws = new WS(`${wsUrl(server)}/yjs/${name}?token=${encodeURIComponent(stored.token)}`);
  ws.on('error', () => {});
  // The server greets a read-write client with SyncStep1 once the document is loaded.
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve());
    ws.once('close', (code, reason) => reject(new Error(`keeper closed: ${code} ${reason.toString()}`)));
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === WS.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      }),
  };
}

/**
 * Heap held per loaded document, with `names.length` distinct documents loaded at once: heapUsed
 * after a full GC with every document loaded, minus the same with none, ÷ documents. Alternated
 * between our server (each document held by a raw socket that keeps no document of its own), the
 * bare relay with persistence holding the same rows (a raw socket per document), and bare Y.Docs
 * built in memory from the same bytes. The clients hold nothing, so only the servers' side counts.
 */
async function measureHeap(
  server: TestServer,
  relay: PersistedRelay,
  stored: Stored,
  relayNames: string[],
  rounds: number,
): Promise<{ server: number[]; relay: number[]; bare: number[]; docs: number }> {
  const ours = [stored.docName, ...stored.copies];
  const n = ours.length;
  const floor = { bytes: Number.POSITIVE_INFINITY };
  const samples = await alternate(
    [
      {
        name: 'server',
        run: async () => {
          const before = await quietHeap(floor);
          const keepers = [];
          for (const name of ours) keepers.push(await holdOpen(server, stored, name));
          const after = settledHeap();
          for (const k of keepers) await k.close();
          await waitFor(() => server.app.collab.stats().docs === 0);
          return (after - before) / n;
        },
      },
      {
        name: 'relay',
        run: async () => {
          const before = await quietHeap(floor);
          const keepers = [];
          for (const name of relayNames) keepers.push(await holdRelayDoc(relay, name));
          const after = settledHeap();
          for (const k of keepers) await k.close();
          await waitFor(() => relay.docs() === 0);
          return (after - before) / n;
        },
      },
      {
        name: 'bare',
        run: async () => {
          const before = await quietHeap(floor);
          const docs = ours.map(() => buildInMemory(stored));
          const after = settledHeap();
          for (const doc of docs) doc.destroy();
          return (after - before) / n;
        },
      },
    ],
    { rounds, warmup: 1 },
  );
  return { server: samples.server!, relay: samples.relay!, bare: samples.bare!, docs: n };
}

/** A raw socket on the relay: keeps `name` loaded there without a document of its own. */
async function holdRelayDoc(relay: PersistedRelay, name: string): Promise<{ close(): Promise<void> }> {
  const ws = new WS(`${relay.url}/${name}`);
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve());
    ws.once('close', (code, reason) => reject(new Error(`relay keeper closed: ${code} ${reason.toString()}`)));
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === WS.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      }),
  };
}

/**
 * heapUsed after a full GC with the previous sample's objects gone. Now and then (about one
 * sample in 12) the last document survives a few collections after its run; a reading more
 * than 0.5 MB above the lowest one so far is taken again, for up to a second.
 */
async function quietHeap(floor: { bytes: number }): Promise<number> {
  let bytes = settledHeap();
  for (let i = 0; i < 20 && bytes > floor.bytes + 0.5 * 2 ** 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    bytes = settledHeap();
  }
  floor.bytes = Math.min(floor.bytes, bytes);
  return bytes;
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function copyDatabase(fromDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-bench-'));
  for (const suffix of ['', '-wal', '-shm']) {
    const file = join(fromDir, `test.db${suffix}`);
    if (existsSync(file)) copyFileSync(file, join(dir, `test.db${suffix}`));
  }
  return dir;
}

const wsUrl = (server: TestServer) => server.url.replace(/^http/, 'ws');
const copy = (bytes: Uint8Array) => new Uint8Array(bytes);
const ms = (v: number) => `${v.toFixed(1)} ms`;
const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

export const docLoad: Scenario = {
  name: SCENARIO,
  description: 'a wave holding automerge-paper (260k ops) loaded from SQLite: fresh client time to synced, cold and warm, vs build+encode in memory and a bare relay',
  run: ({ quick, rounds, ops, profileFile, log }) =>
    runDocLoad({
      ops,
      profileFile,
      trace: 'automerge-paper',
      batchOps: 100,
      rounds: rounds ?? (quick ? 3 : 15),
      warmup: 1,
      heapRounds: quick ? 2 : 5,
      heapDocs: quick ? 3 : 10,
      log,
    }),
};
