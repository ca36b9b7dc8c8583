import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { docName } from '../../shared/doc-names.js';
import type { Role } from '../../shared/roles.js';
import { DocPersistence } from '../collab/persistence.js';
import type { AppDeps } from '../deps.js';
import { postAnnouncement } from '../features/announcements/announcements.service.js';
import { insertSpace, upsertMembership } from '../features/spaces/spaces.repository.js';
import { newSsoSecret } from '../features/spaces/spaces.service.js';
import { StreamLog } from '../features/streams/stream-log.js';
import { hashPassword } from '../features/users/passwords.js';
import { insertUser } from '../features/users/users.repository.js';
import type { UserRow } from '../features/users/users.table.js';
import { writeParagraphs } from '../collab/rich-text.js';

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
    settings: { widgetOrigins: ['http://localhost:3001', 'http://127.0.0.1:3001'] },
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

  return { slug: space.slug, adminEmail: PEOPLE[0]!.email, adminPassword: password, ssoSecret };
}
