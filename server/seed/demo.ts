import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { docName } from '../../shared/doc-names.js';
import type { Role } from '../../shared/roles.js';
import { DocPersistence } from '../collab/persistence.js';
import type { AppDeps } from '../deps.js';
import { Moderation } from '../features/moderation/moderation.service.js';
import { postAnnouncement } from '../features/announcements/announcements.service.js';
import { insertSpace, upsertMembership } from '../features/spaces/spaces.repository.js';
import { newSsoSecret } from '../features/spaces/spaces.service.js';
import { StreamLog } from '../features/streams/stream-log.js';
import { hashPassword } from '../features/users/passwords.js';
import { insertUser } from '../features/users/users.repository.js';
import type { UserRow } from '../features/users/users.table.js';
import type { Viewer } from '../features/users/viewer.js';
import type { WavesContext } from '../features/waves/waves.context.js';
import { StoredNotifier } from '../features/notifications/notifier.js';
import { appendToIdeaDocument } from '../features/waves/waves.idea.js';
import { findWave } from '../features/waves/waves.repository.js';
import { changeStatus, createWave } from '../features/waves/waves.service.js';
import { setSupport } from '../features/waves/waves.support.js';
import type { SpaceRow } from '../features/spaces/spaces.table.js';
import { writeParagraphs } from '../collab/rich-text.js';
import { seedDemoBlips } from '../features/blips/blips.demo.js';
import { seedDemoCafe } from '../features/cafe/cafe.demo.js';

export interface DemoSeed {
  slug: string;
  adminEmail: string;
  adminPassword: string;
  ssoSecret: string;
}

const PEOPLE: { email: string; name: string; role: Role; bio: string; interests: string[] }[] = [
  { email: 'admin@demo.test', name: 'Mara Lindqvist', role: 'admin', bio: 'Head of community at Lumen Bikes.', interests: ['community', 'commuting'] },
  { email: 'dana@demo.test', name: 'Dana Okafor', role: 'staff', bio: 'Product designer. Ask me about lights and racks.', interests: ['design', 'night riding'] },
  { email: 'ana@demo.test', name: 'Ana Souza', role: 'fan', bio: 'Rides to work in all weather.', interests: ['rain gear', 'cargo'] },
  { email: 'kenji@demo.test', name: 'Kenji Watanabe', role: 'fan', bio: 'Weekend gravel, weekday trains.', interests: ['folding', 'gravel'] },
  { email: 'priya@demo.test', name: 'Priya Raman', role: 'fan', bio: 'Teaches her kids to ride.', interests: ['family', 'safety'] },
];

const GUIDE = [
  'Welcome to the Lumen Bikes commons.',
  'This is where we design the next bikes with the people who ride them. Bring an idea, sit at a table, or help shape someone else’s idea: every person who shapes an idea is credited when it ships.',
  'Staff from design and support drop by the tables every weekday. Raise a hand if you want one of us.',
];

/** The sample brand page's origins (server/demo-brand), allowed to embed the demo space. */
function demoBrandOrigins(port: number): string[] {
  const brandPort = port === 0 ? 3001 : port;
  return [`http://localhost:${brandPort}`, `http://127.0.0.1:${brandPort}`];
}

/** On an empty database only: a living example space so a newcomer sees something at once. */
export async function seedDemoIfEmpty(deps: AppDeps): Promise<DemoSeed | null> {
  const db = deps.db.kysely;
  const existing = await db.selectFrom('spaces').select('id').limit(1).executeTakeFirst();
  if (existing) return null;

  const now = deps.clock.now().toISOString();
  const password = deps.config.demoAdminPassword ?? randomBytes(9).toString('base64url');
  const ssoSecret = deps.config.demoSsoSecret ?? newSsoSecret();
  const passwordHash = await hashPassword(password);

  const space = await insertSpace(db, {
    slug: 'demo',
    name: 'Lumen Bikes',
    ssoSecret,
    now,
    // Demo tables stay on the floor for a week after their people left, so a newcomer finds them.
    settings: { widgetOrigins: demoBrandOrigins(deps.config.demoBrandPort), emptyTableCloseMinutes: 7 * 24 * 60 },
  });
  const users: UserRow[] = [];
  for (const person of PEOPLE) {
    const user = await insertUser(db, { email: person.email, passwordHash, displayName: person.name, now });
    await db
      .updateTable('users')
      .set({ bio: person.bio, interests: JSON.stringify(person.interests) })
      .where('id', '=', user.id)
      .execute();
    await upsertMembership(db, space.id, user.id, person.role, now);
    users.push(user);
  }
  const [admin, dana] = users as [UserRow, UserRow];

  const guide = new Y.Doc();
  writeParagraphs(guide, GUIDE);
  await new DocPersistence(db, deps.clock).append(docName.space(space.id), Y.encodeStateAsUpdate(guide), admin.id);

  const streams = new StreamLog(db, deps.clock);
  const author = { id: dana.id, displayName: dana.display_name, sessionId: '', scopedSpaceId: null, via: 'bearer' as const };
  for (const text of [
    'Tables are open all week: the design team is looking for night-riding stories.',
    'Thanks for 300 ideas this season! The rain-proof cargo cover is now in progress.',
  ]) {
    await postAnnouncement(streams, { space, author, text });
  }
  await seedDemoWaves(deps, streams, space, users);

  // Blips on the demo waves: threads, an inline reply, a mention, reactions (features/blips).
  await seedDemoBlips(deps, space, users);
  // Cafe tables: a lively one with staff, one promoted to a wave and closed, a fresh one (features/cafe).
  await seedDemoCafe(deps, space, users);

  return { slug: space.slug, adminEmail: PEOPLE[0]!.email, adminPassword: password, ssoSecret };
}

const asViewer = (user: UserRow): Viewer => ({
  id: user.id,
  displayName: user.display_name,
  sessionId: '',
  scopedSpaceId: null,
  via: 'bearer',
});

/**
 * Three ideas in the demo space, written by several people (so contributors show), one moved
 * along its lifecycle with public reasons, supported by several fans. Returns the wave ids in
 * the order below (cargo cover, brake light, folding pedals).
 */
export async function seedDemoWaves(deps: AppDeps, streams: StreamLog, space: SpaceRow, users: UserRow[]): Promise<string[]> {
  const [mara, dana, ana, kenji, priya] = users as [UserRow, UserRow, UserRow, UserRow, UserRow];
  const waves: WavesContext = {
    db: deps.db.kysely,
    clock: deps.clock,
    streams,
    moderation: new Moderation(deps.db.kysely, deps.clock, streams, deps.log),
    // Nobody is connected while seeding: stored, listed when the demo people sign in.
    notifier: new StoredNotifier({ clock: deps.clock, log: deps.log, channels: [] }),
    refreshDocAccess: async () => {},
  };
  const ideas = [
    {
      author: ana,
      title: 'Rain-proof cover for the cargo box',
      tags: ['cargo', 'rain gear'],
      draft:
        'A cover for the front box that keeps groceries and kids’ bags dry, and clips on in seconds.\n\nIt should roll up into a pocket under the box rim when the sun comes out.',
      edits: [
        { by: kenji, paragraphs: ['Reflective piping on the edges would help on dark winter mornings.'] },
        { by: dana, paragraphs: ['Design note: we are testing a clip rail that also takes the child seat canopy.'] },
      ],
      supporters: [ana, kenji, priya, mara],
    },
    {
      author: kenji,
      title: 'A rear light that brightens when you brake',
      tags: ['lights', 'night riding', 'safety'],
      draft: 'Like a car’s brake light: the rear light gets brighter as soon as you slow down.\n\nNo wires to the brakes, please. An accelerometer should do.',
      edits: [{ by: priya, paragraphs: ['My kids ride behind me; anything that makes me more visible to them and to cars is welcome.'] }],
      supporters: [kenji, priya, ana],
    },
    {
      author: priya,
      title: 'Folding pedals for train commuters',
      tags: ['folding', 'commuting'],
      draft: 'Pedals that fold flat so the bike fits beside the seats on a crowded train.',
      edits: [{ by: ana, paragraphs: ['They have to survive being folded twice a day, every day, in the rain.'] }],
      supporters: [priya, ana],
    },
  ];

  const ids: string[] = [];
  for (const idea of ideas) {
    const author = { id: idea.author.id, displayName: idea.author.display_name };
    const id = await createWave(waves, { space, author, body: { title: idea.title, tags: idea.tags, draft: idea.draft } });
    for (const edit of idea.edits) await appendToIdeaDocument(waves, { waveId: id, userId: edit.by.id, paragraphs: edit.paragraphs });
    for (const fan of idea.supporters) await setSupport(waves, { viewer: asViewer(fan), waveId: id, support: true });
    ids.push(id);
  }

  const lifecycle: [string, 'under-review' | 'planned' | 'in-progress', string][] = [
    [ids[0]!, 'planned', 'Riders asked for this all winter. We are prototyping it with the clip rail from the child seat canopy.'],
    [ids[0]!, 'in-progress', 'The first covers are on test bikes in Rotterdam; thank you Ana and Kenji for the details.'],
    [ids[1]!, 'under-review', 'Our lighting team is checking how an accelerometer behaves on cobblestones.'],
  ];
  const actor = { id: dana.id, displayName: dana.display_name };
  for (const [waveId, status, reason] of lifecycle) {
    const wave = (await findWave(deps.db.kysely, waveId))!;
    await changeStatus(waves, { access: { wave, space, role: 'staff' }, actor, status, reason });
  }
  return ids;
}
