import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/roles.js';
import type { SpaceSettings } from '../../shared/schemas/spaces.js';
import { insertSpace, upsertMembership } from '../../server/features/spaces/spaces.repository.js';
import type { SpaceRow } from '../../server/features/spaces/spaces.table.js';
import { newId } from '../../server/lib/ids.js';
import { insertWave as insertWaveRow } from '../../server/features/waves/waves.repository.js';
import { api } from './http.js';
import type { TestServer } from './server.js';

export interface TestUser {
  id: string;
  email: string;
  displayName: string;
  password: string;
  token: string;
  csrfToken: string;
  /** `cp_session=…`, for cookie-authenticated requests. */
  cookie: string;
}

let counter = 0;

/** Signs a new person up through the real API. */
export async function signUp(server: TestServer, displayName = 'Test Person'): Promise<TestUser> {
  const email = `person${++counter}-${randomBytes(3).toString('hex')}@example.test`;
  const password = 'correct horse battery';
  const res = await api(server, 'POST', '/api/v1/auth/signup', { body: { email, password, displayName } });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { id: res.body.user.id, email, displayName, password, token: res.body.token, csrfToken: res.body.csrfToken, cookie };
}

/** Spaces are made by operators (CLI), so tests make them in the database too. */
export async function makeSpace(
  server: TestServer,
  slug: string,
  settings: Partial<SpaceSettings> = {},
): Promise<SpaceRow & { ssoSecret: string }> {
  const ssoSecret = randomBytes(32).toString('base64url');
  const row = await insertSpace(server.db.kysely, {
    slug,
    name: `Space ${slug}`,
    ssoSecret,
    now: new Date().toISOString(),
    settings,
  });
  if (settings.widgetOrigins) await server.app.origins.refresh();
  return { ...row, ssoSecret };
}

export async function grant(server: TestServer, space: SpaceRow, user: TestUser, role: Role): Promise<void> {
  await upsertMembership(server.db.kysely, space.id, user.id, role, new Date().toISOString());
}

/**
 * A bare wave row, for tests of features that only need a wave to exist (the thread, drafts,
 * playback); tests of waves themselves create them through the API.
 */
export async function insertWave(server: TestServer, space: SpaceRow, author: { id: string }, title = 'Rain-proof cargo cover'): Promise<string> {
  const id = newId();
  await insertWaveRow(server.db.kysely, { id, spaceId: space.id, title, authorId: author.id, now: server.deps.clock.now().toISOString() });
  return id;
}
