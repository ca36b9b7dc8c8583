import { rmSync } from 'node:fs';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import type { Result } from '../../shared/protocol/result.js';
import type { SubscribeResult } from '../../shared/schemas/streams.js';
import { streamName } from '../../shared/streams.js';
import { FlakyClient } from '../harness/flaky-client.js';
import { asPinnedGenerator, cpuMeter, GENERATOR_CPU_LIMIT, inPool, seededRandom, SERVER_CORE, waitMeter, withTimeout } from '../harness/generator.js';
import { Histogram } from '../harness/histogram.js';
import { metric } from '../harness/metric.js';
import { openLoop } from '../harness/open-loop.js';
import { alternate } from '../harness/rounds.js';
import type { MetricResult, Scenario, ScenarioResult } from '../harness/types.js';
import { openFilesLimit, startServerProcess, untilQuiet, type ServerProcess } from './cafe-procs.js';
import { ROOM, seedSpace, SERVER_NAMES, SERVERS, type SeededSpace } from './presence.js';
import { fmtMs, pct } from '../harness/format.js';

const SCENARIO = 'drop';

export type DropVariant = 'ours' | 'bare' | 'recovery';

export interface DropOptions {
  /** Clients subscribed to the stream (or in the room) that lose their network. */
  clients: number;
  /** Messages the server sends to all of them (the issue: 100). */
  messages: number;
  /** Messages per second, on an open-loop schedule. */
  rate: number;
  /** Each client's outage starts at a time drawn uniformly from this share of the sending time… */
  outageStart: [number, number];
  /** …and lasts this share of it (uniform), so every client is back before the last message. */
  outageLength: [number, number];
  /** After the last message and the last reconnect, how long to wait for what is still on its way. */
  drainMs: number;
  /**
   * `reset` (default): when the network comes back the client's host answers the server's
   * retransmissions with a TCP RST, so the server sees the old connection close at once.
   * `silent`: it never hears (a new address, a NAT that forgot the mapping): the old connection
   * stays open and unanswered on the server until its ping timeout, longer than the run.
   */
  outage?: 'reset' | 'silent';
  rounds: number;
  /** Default: ours, bare Socket.IO, and Socket.IO with connection state recovery. */
  variants?: DropVariant[];
  pin?: boolean;
  log?: (line: string) => void;
}

interface Member {
  client: FlakyClient | null;
  /** How many times each message arrived (live or replayed). */
  got: Uint8Array;
  distinct: number;
  duplicates: number;
  /** Ours: the last stream seq applied. */
  lastSeq: number;
  cutAt: number;
  resetAt: number;
  /** Back in the room (ours: subscribed again, the replay in hand); NaN until then. */
  backAt: number;
  /** Connection state recovery resumed the session. */
  recovered: boolean;
}

interface DropRun {
  variant: DropVariant;
  clients: number;
  messages: number;
  expected: number;
  received: number;
  duplicates: number;
  /** Messages whose send was acknowledged to the publisher while the receiving client was cut off, summed over clients. */
  sentWhileDown: number;
  reconnectP50: number;
  reconnectP99: number;
  /** Clients whose session Socket.IO recovered. */
  recovered: number;
  reconnectFailures: number;
  generatorCpu: number;
  /** Share of the window the server's and this process's main threads spent runnable but waiting for a CPU (the machine's other work). */
  serverWait: number;
  generatorWait: number;
  publishFailures: number;
  connectMs: number;
  unexpectedCloses: number;
}

/**
 * Drop and recover (the Benchmarks issue): `clients` are in a live room — on ours subscribed to
 * the space's stream, on the baselines in a Socket.IO room — while the server sends `messages`
 * messages to all of them on an open-loop schedule (ours: a staff member's announcements, each
 * stored in the space stream with a seq; the baselines: a publisher's `say` relayed to the room).
 * During the sending, every client loses its network for a while (FlakyClient.cut: nothing read,
 * nothing sent, the server not told), then gives the dead connection up (TCP RST, as the
 * network comes back) and reconnects: ours subscribes again with `after` = the last seq it
 * applied and takes the replay; bare Socket.IO joins the room again; Socket.IO with connection
 * state recovery presents its session and last offset. Counted exactly: which of the messages
 * every client ends up holding. Ours must hold all of them, every round.
 */
export async function runDrop(options: DropOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => {});
  const variants = options.variants ?? ['ours', 'bare', 'recovery'];
  const runs: DropRun[] = [];
  let runNo = 0;
  const sendMs = (options.messages * 1000) / options.rate;

  const once = async (variant: DropVariant, pinned: boolean): Promise<Record<string, number>> => {
    const n = ++runNo;
    const runId = `${process.pid}x${n}`;
    let seeded: SeededSpace | null = null;
    let server: ServerProcess | null = null;
    const members: Member[] = [];
    let publisher: FlakyClient | null = null;
    const timers: NodeJS.Timeout[] = [];
    /** Silent outages: the old connections, left open (and deaf) until the run ends. */
    const abandoned: FlakyClient[] = [];
    let unexpectedCloses = 0;
    try {
      if (variant === 'ours') seeded = await seedSpace(options.clients);
      server = await startServerProcess(SERVERS[variant], seeded ? [seeded.file] : [], pinned ? SERVER_CORE : null);
      const url = server.url;
      const stream = seeded ? streamName.space(seeded.spaceId) : '';

      const onEvent = (m: Member) => (name: string, args: unknown[]) => {
        if (variant === 'ours') {
          if (name !== 'stream:event') return;
          apply(m, args[0] as { seq: number; data: { text?: string } });
        } else if (name === 'said') receive(m, messageNumber(String(args[0])));
      };
      const apply = (m: Member, event: { seq: number; data: { text?: string } }) => {
        if (event.seq > m.lastSeq) m.lastSeq = event.seq;
        receive(m, messageNumber(event.data.text ?? ''));
      };
      let lastDeliveryAt = 0;
      const receive = (m: Member, k: number) => {
        if (!(k >= 0 && k < options.messages)) return;
        lastDeliveryAt = performance.now();
        if (m.got[k]!++ === 0) m.distinct++;
        else m.duplicates++;
      };
      const subscribe = async (m: Member, client: FlakyClient, after: number | undefined) => {
        let from = after;
        for (;;) {
          const res = (await client.emitWithAck('stream:subscribe', from === undefined ? { stream } : { stream, after: from })) as Result<SubscribeResult>;
          if (!res.ok) throw new Error(`subscribe refused: ${res.error.code} ${res.error.message}`);
          if (from === undefined) m.lastSeq = Math.max(m.lastSeq, res.data.head);
          for (const event of res.data.events) apply(m, event as { seq: number; data: { text?: string } });
          if (!res.data.more) return;
          from = res.data.events.at(-1)!.seq;
        }
      };
      /** Connects member i (again, when `again`) and puts it back in the room. */
      const join = async (i: number, again: boolean) => {
        const m = members[i]!;
        const auth = variant === 'ours' ? { token: seeded!.tokens[i], protocolVersion: PROTOCOL_VERSION } : null;
        const resume = again && variant === 'recovery' && m.client?.pid && m.client.offset ? { pid: m.client.pid, offset: m.client.offset } : null;
        const client = await FlakyClient.connect(url, auth, { resume, onEvent: onEvent(m) });
        client.onClose = () => unexpectedCloses++;
        m.client = client;
        if (variant === 'ours') await subscribe(m, client, again ? m.lastSeq : undefined);
        else if (client.recovered) m.recovered = true;
        else await client.emitWithAck('join', ROOM);
      };

      for (let i = 0; i < options.clients; i++) {
        members.push({
          client: null,
          got: new Uint8Array(options.messages),
          distinct: 0,
          duplicates: 0,
          lastSeq: 0,
          cutAt: Number.NaN,
          resetAt: Number.NaN,
          backAt: Number.NaN,
          recovered: false,
        });
      }
      const connectStart = performance.now();
      await inPool(options.clients, 50, (i) => withTimeout(join(i, false), 60_000, `client ${i} did not connect`));
      publisher = await FlakyClient.connect(url, seeded ? { token: seeded.staffToken, protocolVersion: PROTOCOL_VERSION } : null);
      const connectMs = performance.now() - connectStart;
      await untilQuiet(server.cpuMs);

      // The plan: message k at start + k / rate; each client's outage somewhere in the middle.
      const startAt = performance.now() + 200;
      const random = seededRandom(n);
      const between = ([lo, hi]: [number, number]) => lo + (hi - lo) * random();
      const reconnects = new Histogram();
      let reconnectFailures = 0;
      let back = 0;
      const allBack = new Promise<void>((resolve) => {
        if (options.clients === 0) resolve();
        members.forEach((m, i) => {
          m.cutAt = startAt + sendMs * between(options.outageStart);
          m.resetAt = m.cutAt + sendMs * between(options.outageLength);
          timers.push(setTimeout(() => m.client!.cut(), m.cutAt - performance.now()));
          timers.push(
            setTimeout(() => {
              const t = performance.now();
              if (options.outage === 'silent') abandoned.push(m.client!);
              else m.client!.reset();
              join(i, true)
                .then(
                  () => {
                    m.backAt = performance.now();
                    reconnects.recordMs(m.backAt - t);
                  },
                  () => reconnectFailures++,
                )
                .finally(() => {
                  if (++back === options.clients) resolve();
                });
            }, m.resetAt - performance.now()),
          );
        });
      });

      const ackedAt = new Float64Array(options.messages).fill(Number.NaN);
      let publishFailures = 0;
      let acked = 0;
      const meter = cpuMeter();
      const serverWaits = waitMeter(server.pid);
      const generatorWaits = waitMeter(process.pid);
      await openLoop({ count: options.messages, intervalMs: 1000 / options.rate, startAt }, (k) => {
        const done = (ok: boolean) => {
          acked++;
          if (ok) ackedAt[k] = performance.now();
          else publishFailures++;
        };
        if (variant === 'ours') {
          const text = `Drop test ${runId}: message ${k}`;
          publisher!.emit('announcement:post', { spaceId: seeded!.spaceId, text, idempotencyKey: `drop-${runId}-${k}` }, (res) => done((res as Result<unknown>).ok));
        } else publisher!.emit('say', { room: ROOM, body: `Drop test ${runId}: message ${k}` }, () => done(true));
      });
      await withTimeout(allBack, 120_000, 'every client back in the room');
      const generatorCpu = meter.stop();
      const serverWait = serverWaits.stop();
      const generatorWait = generatorWaits.stop();

      // Wait for what is still on its way: until every client holds every message, or nothing arrived for a second.
      const deadline = performance.now() + options.drainMs;
      const complete = () => members.every((m) => m.distinct === options.messages);
      while (performance.now() < deadline && !complete()) {
        if (acked === options.messages && performance.now() - lastDeliveryAt > 1000) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      let sentWhileDown = 0;
      for (const m of members) for (const at of ackedAt) if (at >= m.cutAt && at < m.resetAt) sentWhileDown++;
      const run: DropRun = {
        variant,
        clients: options.clients,
        messages: options.messages,
        expected: options.clients * (options.messages - publishFailures),
        received: members.reduce((sum, m) => sum + m.distinct, 0),
        duplicates: members.reduce((sum, m) => sum + m.duplicates, 0),
        sentWhileDown,
        reconnectP50: reconnects.percentileMs(50),
        reconnectP99: reconnects.percentileMs(99),
        recovered: members.filter((m) => m.recovered).length,
        reconnectFailures,
        generatorCpu,
        serverWait,
        generatorWait,
        publishFailures,
        connectMs,
        unexpectedCloses,
      };
      runs.push(run);
      log(
        `run ${n} ${SERVER_NAMES[variant]}: ${run.received.toLocaleString('en-US')} of ${run.expected.toLocaleString('en-US')} messages held (${pct(run.received / Math.max(1, run.expected))}); ` +
          `${(run.sentWhileDown / options.clients).toFixed(1)} sent per client while it was cut off; back in the room p50 ${fmtMs(run.reconnectP50)}, p99 ${fmtMs(run.reconnectP99)}` +
          `${variant === 'recovery' ? `; ${run.recovered} of ${options.clients} sessions recovered` : ''}; generator ${pct(generatorCpu)}; waiting for a CPU: server ${pct(serverWait)}, generator ${pct(generatorWait)}`,
      );
      return {
        received: run.received,
        expected: run.expected,
        lostPerClient: (run.expected - run.received) / options.clients,
        reconnectP50: run.reconnectP50,
        reconnectP99: run.reconnectP99,
        gen: 100 * generatorCpu,
        serverWait: 100 * serverWait,
        genWait: 100 * generatorWait,
      };
    } finally {
      for (const t of timers) clearTimeout(t);
      if (server) await server.kill();
      publisher?.close();
      for (const m of members) m.client?.close();
      for (const c of abandoned) c.close();
      if (seeded) rmSync(seeded.dir, { recursive: true, force: true });
    }
  };

  const { samples, pinned } = await asPinnedGenerator(options.pin ?? true, async (pinned) => {
    log(
      `${options.clients.toLocaleString('en-US')} clients, ${options.messages} messages at ${options.rate}/s (${(sendMs / 1000).toFixed(1)} s); ` +
        `each client cut off from ${pctRange(options.outageStart)} of the way for ${pctRange(options.outageLength)} of the sending time; ` +
        `${variants.map((v) => SERVER_NAMES[v]).join(', ')}; ${pinned ? `server on core ${SERVER_CORE}, load generator on the other` : 'not pinned'}`,
    );
    const samples = await alternate(
      variants.map((v) => ({ name: v, run: () => once(v, pinned) })),
      { rounds: options.rounds },
    );
    return { samples, pinned };
  });

  const by = (v: DropVariant) => runs.filter((r) => r.variant === v);
  const metrics: MetricResult[] = [];
  for (const v of variants) {
    metrics.push(
      metric({
        scenario: SCENARIO,
        metric: `${SERVER_NAMES[v]}: messages held after reconnecting`,
        unit: 'count',
        ours: samples[`${v}.received`]!,
        baseline: { name: 'messages sent', samples: samples[`${v}.expected`]! },
        target: v === 'ours' ? { min: 1 } : null,
      }),
    );
  }
  for (const v of variants.filter((x) => x !== 'ours')) {
    if (!variants.includes('ours')) break;
    metrics.push(
      metric({
        scenario: SCENARIO,
        metric: 'back in the room after reconnecting, p99',
        unit: 'ms',
        ours: samples['ours.reconnectP99']!,
        baseline: { name: SERVER_NAMES[v], samples: samples[`${v}.reconnectP99`]! },
      }),
    );
  }

  const maxGen = Math.max(...runs.map((r) => r.generatorCpu));
  const notes = [
    `${options.clients.toLocaleString('en-US')} clients × ${options.messages} messages at ${options.rate}/s; each client's network cut (reads stop, nothing sent, the server not told) at ${pctRange(options.outageStart)} of the ` +
      `${(sendMs / 1000).toFixed(1)} s of sending, for ${pctRange(options.outageLength)} of it, then ${options.outage === 'silent' ? 'a reconnect, the old connection left open and silent (the server never told)' : 'a TCP reset of the old connection and a reconnect'}; ${options.rounds} rounds (ABBA order, a fresh server process per run); ` +
      `${pinned ? `server pinned to core ${SERVER_CORE}, the load generator to the other` : 'not pinned'}; open files limit ${openFilesLimit() ?? 'unknown'}`,
    'ours: a staff member posts announcements (stored in the space stream, seq per event); clients subscribe to space:<id> and, after reconnecting, subscribe again with after = the last seq they applied (the replay comes in the acknowledgement)',
    ...variants.map(
      (v) =>
        `${SERVER_NAMES[v]}: held ${by(v).map((r) => pct(r.received / Math.max(1, r.expected))).join(', ')} of the messages; lost per client ` +
        `${by(v).map((r) => ((r.expected - r.received) / r.clients).toFixed(1)).join(', ')}; sent per client while cut off ${by(v).map((r) => (r.sentWhileDown / r.clients).toFixed(1)).join(', ')}` +
        `${v === 'ours' ? `; duplicates dropped by seq ${by(v).map((r) => r.duplicates).join(', ')}` : ''}` +
        `${v === 'recovery' ? `; sessions recovered ${by(v).map((r) => `${r.recovered}/${r.clients}`).join(', ')}` : ''}; generator ${by(v).map((r) => pct(r.generatorCpu)).join(', ')}`,
    ),
    `load generator: at most ${pct(maxGen)} of its core while the messages were sent and the clients reconnected; a run above ${pct(GENERATOR_CPU_LIMIT)} is invalid`,
    `waiting for a CPU (runnable, another process on the core; /proc/<pid>/schedstat), share of that window: server ${by('ours').concat(by('bare'), by('recovery')).map((r) => `${r.variant} ${pct(r.serverWait)}`).join(', ')}; ` +
      `load generator at most ${pct(Math.max(...runs.map((r) => r.generatorWait)))}`,
  ];
  const failures = runs.reduce((s, r) => s + r.reconnectFailures + r.publishFailures, 0);
  if (failures > 0) notes.push(`${failures} reconnects or sends failed`);
  const closes = runs.reduce((s, r) => s + r.unexpectedCloses, 0);
  if (closes > 0) notes.push(`${closes} connections closed by the server during the runs`);

  return {
    scenario: SCENARIO,
    params: { ...options, log: undefined, outage: options.outage ?? 'reset', variants, pinned, runs },
    metrics,
    notes,
    checks: {
      'load generator under 85% of its core while measuring': maxGen <= GENERATOR_CPU_LIMIT,
      ...(variants.includes('ours') ? { 'ours: every client held every message after reconnecting, every round': by('ours').every((r) => r.received === r.expected) } : {}),
      'every send acknowledged and every client back': failures === 0,
    },
    raw: samples,
  };
}

/** The message number at the end of a body ("… message 17"); −1 when there is none. */
function messageNumber(text: string): number {
  const m = /message (\d+)$/.exec(text);
  return m ? Number(m[1]) : -1;
}

const pctRange = ([lo, hi]: [number, number]) => `${Math.round(lo * 100)}–${Math.round(hi * 100)}%`;

export const drop: Scenario = {
  name: SCENARIO,
  description: 'drop and recover: 1,000 clients lose their network while the server sends 100 messages; messages held after reconnecting, ours vs bare Socket.IO (and with its state recovery)',
  run: ({ quick, rounds, log }) =>
    runDrop({
      clients: quick ? 50 : 1000,
      messages: 100,
      rate: quick ? 100 : 10,
      outageStart: [0.2, 0.5],
      outageLength: [0.15, 0.3],
      drainMs: 15_000,
      // DROP_OUTAGE=silent npm run bench -- drop: the server is never told the old connections are gone.
      outage: process.env.DROP_OUTAGE === 'silent' ? 'silent' : 'reset',
      rounds: rounds ?? (quick ? 1 : 5),
      log,
    }),
};
