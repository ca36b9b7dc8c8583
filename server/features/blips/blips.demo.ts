import type { AppDeps } from '../../deps.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import { Moderation } from '../moderation/moderation.service.js';
import { StoredNotifier } from '../notifications/notifier.js';
import { ensureMember } from '../spaces/spaces.repository.js';
import { StreamLog } from '../streams/stream-log.js';
import { insertUser } from '../users/users.repository.js';
import type { UserRow } from '../users/users.table.js';
import type { Viewer } from '../users/viewer.js';
import { KeyedQueue } from '../waves/keyed-queue.js';
import { BlipService } from './blips.service.js';
import { ReactionService } from './reactions.js';

const asViewer = (user: UserRow): Viewer => ({
  id: user.id,
  displayName: user.display_name,
  sessionId: '',
  scopedSpaceId: null,
  via: 'bearer',
});

/**
 * Conversations on the demo ideas, written through the same services as live blips: a thread
 * three replies deep, an inline reply, a mention and reactions, by different people.
 * The waves are found by their tags, so this depends only on what the demo ideas are about.
 */
export async function seedDemoBlips(deps: AppDeps, space: SpaceRow, people: UserRow[]): Promise<void> {
  const db = deps.db.kysely;
  const person = (name: string) => people.find((p) => p.email === `${name}@demo.test`);
  const [mara, dana, ana, kenji, priya] = ['admin', 'dana', 'ana', 'kenji', 'priya'].map(person);
  if (!mara || !dana || !ana || !kenji || !priya) return;
  const waveTagged = async (tag: string) =>
    (
      await db
        .selectFrom('waves')
        .innerJoin('wave_tags', 'wave_tags.wave_id', 'waves.id')
        .select('waves.id')
        .where('waves.space_id', '=', space.id)
        .where('wave_tags.tag', '=', tag)
        .orderBy('waves.created_at')
        .executeTakeFirst()
    )?.id;

  const streams = new StreamLog(db, deps.clock);
  const perWave = new KeyedQueue();
  const moderation = new Moderation(db, deps.clock, streams, deps.log);
  const notifier = new StoredNotifier({ clock: deps.clock, log: deps.log, channels: [] });
  const blips = new BlipService({ db, clock: deps.clock, streams, drafts: { stop() {} }, perWave, moderation, notifier });
  const reactions = new ReactionService({ db, clock: deps.clock, streams, perWave });
  const say = (user: UserRow, waveId: string, body: string, parentId?: string, anchor?: { offset: number; quote: string }) =>
    blips.post(asViewer(user), { waveId, body, parentId, anchor });
  const react = (user: UserRow, blipId: string, reaction: 'heart' | 'thumbs-up' | 'party' | 'idea') =>
    reactions.set(asViewer(user), { blipId, reaction, on: true });

  const cover = await waveTagged('cargo');
  if (cover) {
    const ask = await say(priya, cover, 'Could the cover leave room for a child’s head? My youngest rides in the box on school mornings.');
    const answer = await say(
      dana,
      cover,
      `Yes: the canopy version has a zip window for exactly that. <@${priya.id}>, would you test a prototype in March?`,
      ask.id,
    );
    await say(priya, cover, 'Happily! We ride 4 km each way, rain or shine.', answer.id);
    const pocket = 'The roll-up pocket under the rim is the clever bit: most covers end up stuffed in a bag.';
    const praise = await say(kenji, cover, pocket);
    const quote = 'roll-up pocket';
    await say(ana, cover, 'Exactly why I asked for it: mine always ends up wet inside my backpack.', praise.id, {
      offset: pocket.indexOf(quote),
      quote,
    });
    await react(ana, answer.id, 'heart');
    await react(priya, answer.id, 'party');
    await react(kenji, ask.id, 'thumbs-up');
    await react(mara, praise.id, 'idea');
  }

  const light = await waveTagged('lights');
  if (light) {
    const thanks = await say(mara, light, 'Thanks for every reply so far: the lighting team reads this thread each week.');
    const flash = await say(ana, light, 'Should it flash when you brake hard? A steady, brighter light might be calmer for drivers.');
    const steady = await say(kenji, light, 'Steady, I think. It is hard to judge the distance to a flashing light.', flash.id);
    await react(priya, steady.id, 'thumbs-up');
    await react(dana, thanks.id, 'heart');

    // A drive-by link drop, so the console's moderation queue has something waiting.
    const now = deps.clock.now().toISOString();
    const spammer = await insertUser(db, { email: null, passwordHash: null, displayName: 'Cheap Bike Parts Outlet', now });
    await ensureMember(db, space.id, spammer.id, now);
    await say(spammer, light, 'Nice post! Best prices on lights at http://cheap-bike-parts.example/lights');
  }
}
