import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { BlipService } from '../../server/features/blips/blips.service.js';
import { Moderation, type Screened } from '../../server/features/moderation/moderation.service.js';
import { compose, type AuthorRecord } from '../../server/features/moderation/pipeline.js';
import { PHASES } from '../../server/features/moderation/phases/index.js';
import { insertSpace, parseSettings, upsertMembership } from '../../server/features/spaces/spaces.repository.js';
import { StreamLog } from '../../server/features/streams/stream-log.js';
import { insertUser } from '../../server/features/users/users.repository.js';
import type { Viewer } from '../../server/features/users/viewer.js';
import { KeyedQueue } from '../../server/features/waves/keyed-queue.js';
import { insertWave } from '../../server/features/waves/waves.repository.js';
import { systemClock } from '../../server/lib/clock.js';
import { newId } from '../../server/lib/ids.js';
import { createLogger } from '../../server/lib/logger.js';
import { DISCUSSIONS, numberedComments, readDiscussion } from '../../test/helpers/discussions.js';
import { metric } from '../harness/metric.js';
import { alternate, timed } from '../harness/rounds.js';
import type { Scenario, ScenarioResult } from '../harness/types.js';

const SCENARIO = 'moderation';
const AUTHORS = 40;

/** The same storage path with the pipeline switched off: nothing screened, nothing queued. */
class Unscreened extends Moderation {
  override async screen(): Promise<Screened> {
    return {
      verdict: { decision: 'allow', reasons: [], flags: [], duplicateOf: null, retryAfter: null },
      visibility: 'visible',
      status: 'allowed',
      duplicateOf: null,
    };
  }
  override async record(): Promise<string> {
    return '';
  }
  override async announce(): Promise<void> {}
}

function authorRecord(viewer: Viewer): AuthorRecord {
  return { id: viewer.id, displayName: viewer.displayName, role: 'fan', joinedAt: '2026-01-01T00:00:00.000Z', approvedPosts: 0, bannedAt: null, suspendedUntil: null };
}

/** Every comment and paragraph of the real threads: what people actually post, spam and doubles included. */
export function fixtureTexts(): string[] {
  const texts: string[] = [];
  for (const file of readdirSync(DISCUSSIONS).filter((f) => f.endsWith('.txt'))) {
    const content = readDiscussion(file);
    const comments = numberedComments(content);
    if (comments.length > 0) texts.push(...comments.map((c) => c.text));
    else texts.push(...content.split(/\n\s*\n/).map((p) => p.trim()));
  }
  return texts.filter((t) => t.length >= 2 && t.length <= 2000);
}

export async function runModeration(options: { rounds: number; warmup: number; messages: number; log?: (line: string) => void }): Promise<ScenarioResult> {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-bench-moderation-'));
  const db = createDb({ file: join(dir, 'bench.db') });
  try {
    await migrateToLatest(db.kysely);
    const now = systemClock.now().toISOString();
    const space = await insertSpace(db.kysely, {
      slug: 'bench',
      name: 'Bench',
      ssoSecret: 'x'.repeat(40),
      now,
      // Flooding would refuse most of a benchmark's posts; everything else is the default.
      settings: { rateLimit: { posts: 1000, windowSeconds: 5 } },
    });
    const authors: Viewer[] = [];
    for (let i = 0; i < AUTHORS; i++) {
      const user = await insertUser(db.kysely, { email: null, passwordHash: null, displayName: `Reader ${i}`, now });
      await upsertMembership(db.kysely, space.id, user.id, 'fan', now);
      authors.push({ id: user.id, displayName: user.display_name, sessionId: '', scopedSpaceId: null, via: 'bearer' });
    }
    const wave = async () => {
      const id = newId();
      await insertWave(db.kysely, { id, spaceId: space.id, title: 'Bench wave', authorId: authors[0]!.id, now });
      return id;
    };
    const log = createLogger('silent');
    const streams = new StreamLog(db.kysely, systemClock, db.direct);
    const service = (moderation: Moderation) =>
      new BlipService({ db: db.kysely, clock: systemClock, streams, drafts: { stop() {} }, perWave: new KeyedQueue(), moderation });
    const screened = new Moderation(db.kysely, systemClock, streams, log);
    const ours = service(screened);
    const bare = service(new Unscreened(db.kysely, systemClock, streams, log));

    const corpus = fixtureTexts();
    const outcomes = { visible: 0, held: 0, folded: 0, refused: 0 };
    let runs = 0;
    const postAll = (blips: BlipService, waveId: string, count: (outcome: keyof typeof outcomes) => void) => {
      // Each run's texts are new (no fold across runs); doubles inside a thread still fold.
      const run = ++runs;
      return timed(async () => {
        for (let i = 0; i < options.messages; i++) {
          const text = `${corpus[i % corpus.length]!} (${run})`;
          try {
            const before = await db.kysely.selectFrom('blips').select((eb) => eb.fn.countAll<number>().as('n')).where('wave_id', '=', waveId).executeTakeFirstOrThrow();
            const blip = await blips.post(authors[i % AUTHORS]!, { waveId, body: text });
            const after = await db.kysely.selectFrom('blips').select((eb) => eb.fn.countAll<number>().as('n')).where('wave_id', '=', waveId).executeTakeFirstOrThrow();
            count(Number(after.n) === Number(before.n) ? 'folded' : blip.visibility === 'held' ? 'held' : 'visible');
          } catch {
            count('refused');
          }
        }
      });
    };
    const perMessage = (elapsed: { wall: number }) => elapsed.wall / options.messages;
    // The rules alone, without the database reads around them: what the pipeline itself costs.
    const rules = compose(PHASES);
    const settings = parseSettings(space);
    const rulesOnly = () =>
      timed(async () => {
        for (let i = 0; i < options.messages; i++) {
          await rules({ kind: 'blip', text: corpus[i % corpus.length]!, author: authorRecord(authors[i % AUTHORS]!), settings, now: new Date(), recentByAuthor: [] });
        }
      });
    const samples = await alternate(
      [
        { name: 'ours', run: async () => perMessage(await postAll(ours, await wave(), (o) => outcomes[o]++)) },
        { name: 'bare', run: async () => perMessage(await postAll(bare, await wave(), () => {})) },
        { name: 'rules', run: async () => perMessage(await rulesOnly()) },
      ],
      { rounds: options.rounds, warmup: options.warmup },
    );
    return {
      scenario: SCENARIO,
      params: { messages: options.messages, corpus: corpus.length, authors: AUTHORS, rounds: options.rounds },
      metrics: [
        metric({
          scenario: SCENARIO,
          metric: 'store a blip, per message',
          unit: 'ms',
          ours: samples['ours']!,
          baseline: { name: 'same path, no pipeline', samples: samples['bare']! },
        }),
        metric({ scenario: SCENARIO, metric: 'pipeline rules alone, per message', unit: 'ms', ours: samples['rules']! }),
      ],
      notes: [
        `${corpus.length} real comments and paragraphs from ../shared/fixtures/discussions, posted by ${AUTHORS} people`,
        `ours, all rounds: ${outcomes.visible} shown, ${outcomes.held} held, ${outcomes.folded} folded as double posts, ${outcomes.refused} refused`,
      ],
      checks: { 'the pipeline held some posts': outcomes.held > 0, 'nothing was refused': outcomes.refused === 0 },
    };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const moderation: Scenario = {
  name: SCENARIO,
  description: 'the moderation pipeline on real comments: cost per stored blip vs the same storage path without the pipeline',
  run: ({ quick, rounds, log }) => runModeration({ rounds: rounds ?? (quick ? 3 : 9), warmup: 1, messages: quick ? 100 : 300, log }),
};
