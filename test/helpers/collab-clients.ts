import { randomBytes } from 'node:crypto';
import WS from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Role } from '../../shared/roles.js';
import type { SpaceSettings } from '../../shared/schemas/spaces.js';
import { insertSpace, upsertMembership } from '../../server/features/spaces/spaces.repository.js';
import type { SpaceRow } from '../../server/features/spaces/spaces.table.js';
import { createSession } from '../../server/features/users/sessions.js';
import { insertUser } from '../../server/features/users/users.repository.js';
import type { AppDeps } from '../../server/deps.js';
import type { CollabTestServer } from './collab-server.js';

export async function makeSpace(deps: AppDeps, settings: Partial<SpaceSettings> = {}): Promise<SpaceRow> {
  const slug = `s-${randomBytes(4).toString('hex')}`;
  return insertSpace(deps.db.kysely, { slug, name: slug, ssoSecret: randomBytes(32).toString('base64url'), now: new Date().toISOString(), settings });
}

/** A person with a live session; `role` makes them a member of `space`, `scopedTo` mimics an SSO token. */
export async function makePerson(
  deps: AppDeps,
  options: { space?: SpaceRow; role?: Role; scopedTo?: SpaceRow } = {},
): Promise<{ id: string; token: string }> {
  const now = new Date();
  const user = await insertUser(deps.db.kysely, {
    email: `p-${randomBytes(4).toString('hex')}@example.test`,
    passwordHash: null,
    displayName: 'Person',
    now: now.toISOString(),
  });
  if (options.space && options.role) await upsertMembership(deps.db.kysely, options.space.id, user.id, options.role, now.toISOString());
  const { token } = await createSession(deps.db.kysely, { userId: user.id, spaceId: options.scopedTo?.id ?? null, now, days: 1 });
  return { id: user.id, token };
}

const providers: WebsocketProvider[] = [];
const sockets: WS[] = [];

/** The stock y-websocket client; cross-tab BroadcastChannel is off so only the server connects providers. */
export function openProvider(server: Pick<CollabTestServer, 'url'>, docName: string, token?: string): WebsocketProvider {
  const provider = new WebsocketProvider(`${server.url}/yjs`, docName, new Y.Doc(), {
    params: token ? { token } : {},
    WebSocketPolyfill: WS as unknown as typeof WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  providers.push(provider);
  return provider;
}

export interface RawClient {
  ws: WS;
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  received: Uint8Array[];
}

/** A bare `ws` socket, for close codes and frames the stock client would never send. */
export function openRaw(
  server: Pick<CollabTestServer, 'url'>,
  path: string,
  options: { token?: string; headers?: Record<string, string>; autoPong?: boolean } = {},
): RawClient {
  const query = options.token ? `?token=${encodeURIComponent(options.token)}` : '';
  const ws = new WS(`${server.url.replace(/^http/, 'ws')}${path}${query}`, {
    headers: options.headers,
    autoPong: options.autoPong ?? true,
  });
  sockets.push(ws);
  const received: Uint8Array[] = [];
  ws.on('message', (data) => received.push(new Uint8Array(data as Buffer)));
  ws.on('error', () => {});
  return {
    ws,
    received,
    opened: new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    }),
    closed: new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))),
  };
}

export function closeClients(): void {
  for (const provider of providers.splice(0)) {
    provider.destroy();
    provider.doc.destroy();
  }
  for (const ws of sockets.splice(0)) ws.terminate();
}

export const guideText = (provider: WebsocketProvider) => provider.doc.getText('guide').toString();
