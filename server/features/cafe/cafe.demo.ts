import * as Y from 'yjs';
import { docName } from '../../../shared/doc-names.js';
import { writeParagraphs } from '../../collab/rich-text.js';
import { DocPersistence } from '../../collab/persistence.js';
import type { AppDeps } from '../../deps.js';
import { Moderation } from '../moderation/moderation.service.js';
import { StoredNotifier } from '../notifications/notifier.js';
import type { SpaceRow } from '../spaces/spaces.table.js';
import { StreamLog } from '../streams/stream-log.js';
import type { UserRow } from '../users/users.table.js';
import type { Viewer } from '../users/viewer.js';
import { createCafe } from './cafe.service.js';
import { FloorFeed } from './floor-feed.js';

const asViewer = (user: UserRow): Viewer => ({ id: user.id, displayName: user.display_name, sessionId: '', scopedSpaceId: null, via: 'bearer' });

/**
 * The demo cafe, written through the same services as live tables: a lively table where staff
 * sat down and answered a raised hand, a table whose conversation became a wave (then closed:
 * an "earlier table" for the two who sat there), and a fresh table waiting for company.
 * Nobody is connected while seeding, so the seats start their grace period and free themselves;
 * the tables stay on the floor for the demo space's `emptyTableCloseMinutes`.
 */
export async function seedDemoCafe(deps: AppDeps, space: SpaceRow, people: UserRow[]): Promise<void> {
  const db = deps.db.kysely;
  const person = (name: string) => people.find((p) => p.email === `${name}@demo.test`);
  const [dana, ana, kenji, priya] = ['dana', 'ana', 'kenji', 'priya'].map(person);
  if (!dana || !ana || !kenji || !priya) return;
  const streams = new StreamLog(db, deps.clock);
  const log = deps.log.child({ module: 'cafe-demo' });
  const cafe = createCafe({
    db,
    clock: deps.clock,
    log,
    streams,
    moderation: new Moderation(db, deps.clock, streams, deps.log),
    notifier: new StoredNotifier({ clock: deps.clock, log: deps.log, channels: [] }),
    refreshDocAccess: async () => {},
    floor: new FloorFeed({ db, clock: deps.clock, log }, () => null),
  });
  let said = 0;
  const say = (who: UserRow, tableId: string, body: string) =>
    cafe.chat.say(asViewer(who), { tableId, body, idempotencyKey: `demo-cafe-${++said}` });
  const notepad = async (tableId: string, who: UserRow, paragraphs: string[]) => {
    const doc = new Y.Doc();
    writeParagraphs(doc, paragraphs);
    await new DocPersistence(db, deps.clock).append(docName.table(tableId), Y.encodeStateAsUpdate(doc), who.id);
    doc.destroy();
  };

  try {
    const lights = await cafe.tables.open(asViewer(ana), space.slug, { topic: 'Night riding: lights that do not dazzle', tags: ['lights', 'night riding'] });
    await cafe.seats.sit(asViewer(kenji), lights.id);
    await say(ana, lights.id, 'Every oncoming light on the canal path blinds me. Is there a cut-off beam for bikes?');
    await say(kenji, lights.id, 'Lights built to the German road rules have one: they light the path, not people’s eyes.');
    await cafe.hands.hand(asViewer(ana), { tableId: lights.id, raised: true, question: 'Could Lumen lights come with a cut-off beam?' });
    await cafe.seats.sit(asViewer(dana), lights.id);
    await say(dana, lights.id, 'Hi both! Our next front light has a cut-off beam. We are choosing between 70 and 100 lux: what would you pick?');
    await say(kenji, lights.id, '70 is plenty in town. Put the rest into battery life.');
    await notepad(lights.id, ana, ['Cut-off beam: yes please', '70 lux in town; battery life over brightness']);

    const seats = await cafe.tables.open(asViewer(priya), space.slug, { topic: 'Kid seats on cargo bikes', tags: ['family', 'cargo'] });
    await cafe.seats.sit(asViewer(ana), seats.id);
    const picked = [
      await say(priya, seats.id, 'Front or rear seat for a three-year-old? I want to see her, but I worry about the steering.'),
      await say(ana, seats.id, 'Front while they are small. You get used to the steering within a week.'),
    ];
    await say(priya, seats.id, 'And when it rains?');
    picked.push(await say(ana, seats.id, 'A canopy that clips onto the same rail as the box cover would be perfect.'));
    await notepad(seats.id, priya, ['Front seat while small', 'Canopy on the cover rail for rainy school runs']);
    await cafe.promote.promote(asViewer(dana), {
      tableId: seats.id,
      title: 'A child seat canopy on the cargo cover rail',
      tags: ['family', 'cargo'],
      messageIds: picked.map((m) => m.id),
    });
    await cafe.tables.close(asViewer(dana), seats.id);

    await cafe.tables.open(asViewer(priya), space.slug, { topic: 'Folding bikes on crowded trains', tags: ['folding', 'commuting'], capacity: 4 });
  } finally {
    await cafe.close();
  }
}
