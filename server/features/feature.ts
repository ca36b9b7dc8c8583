import type { DocAccessRegistry } from '../collab/access.js';
import type { CollabHooks } from '../collab/hooks.js';
import type { CollabServer } from '../collab/yjs-server.js';
import type { AppDeps } from '../deps.js';
import type { RouteDef } from '../http/route.js';
import type { AppServer, AppSocket } from '../realtime/io.js';
import type { SocketEvents } from '../realtime/socket-events.js';
import type { Moderation } from './moderation/moderation.service.js';
import type { Notifier } from './notifications/notifier.js';
import type { StreamAccess } from './streams/stream-access.js';
import type { StreamLog } from './streams/stream-log.js';

/** What createApp hands every feature when it wires it in. */
export interface FeatureContext {
  deps: AppDeps;
  streams: StreamLog;
  streamAccess: StreamAccess;
  docAccess: DocAccessRegistry;
  /** Document-server hooks (afterStore, afterUnload) features add to. */
  collabHooks: CollabHooks;
  /** Screens every piece of user text before it is stored; features register their content kinds. */
  moderation: Moderation;
  /** Stores notifications in the caller's transaction and pushes them after the commit (docs/notifications.md). */
  notifier: Notifier;
  /** Set once the collab server exists (after features are built); use it lazily. */
  collab: () => CollabServer;
  io: () => AppServer;
}

/** A feature contributes REST routes and socket handlers, and may register stream and document kinds. */
export interface Feature {
  routes: RouteDef[];
  /** Adds the feature's socket event handlers (once, at start; shared by every socket). */
  socketEvents?(events: SocketEvents): void;
  /** Called for each new socket, after authentication. */
  connected?(socket: AppSocket): void;
  /** Called on graceful shutdown before the database closes (flush timers, pending work). */
  close?(): Promise<void>;
}
