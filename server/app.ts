import { randomBytes } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import helmet from 'helmet';
import { LIMITS } from '../shared/limits.js';
import { DocAccessRegistry } from './collab/access.js';
import { CollabHooks } from './collab/hooks.js';
import { CollabServer } from './collab/yjs-server.js';
import type { AppDeps } from './deps.js';
import { announcementSocketEvents } from './features/announcements/announcements.handlers.js';
import { announcementsRoutes } from './features/announcements/announcements.routes.js';
import { blipsFeature } from './features/blips/index.js';
import { openTableStreams } from './features/cafe/cafe.repository.js';
import { cafeFeature } from './features/cafe/index.js';
import type { Feature, FeatureContext } from './features/feature.js';
import { moderationFeature } from './features/moderation/index.js';
import { Moderation } from './features/moderation/moderation.service.js';
import { insightsFeature } from './features/insights/index.js';
import { InAppChannel, notificationsFeature, StoredNotifier } from './features/notifications/index.js';
import { peopleFeature } from './features/people/index.js';
import { spacesRoutes } from './features/spaces/spaces.routes.js';
import { wavesFeature } from './features/waves/index.js';
import { StreamAccess } from './features/streams/stream-access.js';
import { StreamLog } from './features/streams/stream-log.js';
import { streamSocketEvents } from './features/streams/streams.handlers.js';
import { SocketEvents } from './realtime/socket-events.js';
import { authRoutes } from './features/users/auth.routes.js';
import { LoginLimiter } from './features/users/login-limiter.js';
import { ssoRoutes } from './features/users/sso.routes.js';
import { clientPages } from './http/client-pages.js';
import { corsMiddleware } from './http/cors.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { healthRouter } from './http/health.js';
import { buildOpenApi } from './http/openapi.js';
import { OriginPolicy } from './http/origins.js';
import { mountRoutes, type RouteDef } from './http/route.js';
import { viewerMiddleware } from './http/viewer-middleware.js';
import { createIo, type AppServer } from './realtime/io.js';
import { personRoom, streamRoom } from './realtime/rooms.js';

export interface App {
  httpServer: HttpServer;
  io: AppServer;
  collab: CollabServer;
  streams: StreamLog;
  origins: OriginPolicy;
  routes: RouteDef[];
  /** Resolves with the bound port (0 picks a free one). */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting, flushes documents, closes sockets; the caller closes the database. */
  close(): Promise<void>;
}

export async function createApp(deps: AppDeps): Promise<App> {
  const csrfSecret = deps.config.sessionSecret ? Buffer.from(deps.config.sessionSecret) : randomBytes(32);
  const publicOrigin = deps.config.publicUrl ? new URL(deps.config.publicUrl).origin : null;
  const origins = new OriginPolicy(deps.db.kysely, publicOrigin);
  await origins.refresh();

  const streams = new StreamLog(deps.db.kysely, deps.clock, deps.db.direct);
  const streamAccess = new StreamAccess(deps.db.kysely);
  const loginLimiter = new LoginLimiter({
    perIp: deps.config.loginLimitPerIp,
    perAccount: deps.config.loginLimitPerAccount,
  });

  // Staff announcements reach the space and every open cafe table.
  const toOpenTables = (spaceId: string) => openTableStreams(deps.db.kysely, spaceId);
  const docAccess = new DocAccessRegistry();
  const collabHooks = new CollabHooks();
  let collab: CollabServer | null = null;
  let io: AppServer | null = null;
  // Notifications are stored with their facts and pushed after the commit; email would be another channel here.
  const notifier = new StoredNotifier({
    clock: deps.clock,
    log: deps.log.child({ module: 'notifications' }),
    channels: [new InAppChannel(deps.db.kysely, () => io)],
  });
  const context: FeatureContext = {
    deps,
    streams,
    streamAccess,
    docAccess,
    collabHooks,
    moderation: new Moderation(deps.db.kysely, deps.clock, streams, deps.log.child({ module: 'moderation' })),
    notifier,
    collab: () => collab!,
    io: () => io!,
  };
  const features: Feature[] = [
    moderationFeature(context),
    wavesFeature(context),
    blipsFeature(context),
    cafeFeature(context),
    notificationsFeature(context),
    insightsFeature(context),
    peopleFeature(context),
  ];

  const routes: RouteDef[] = [
    ...authRoutes({ csrfSecret, loginLimiter, signupsPerHour: deps.config.signupLimitPerIp }),
    ...ssoRoutes({ csrfSecret }),
    ...spacesRoutes({ origins }),
    ...announcementsRoutes({ streams, reach: toOpenTables }),
    ...features.flatMap((f) => f.routes),
  ];
  const openApi = buildOpenApi(routes, '1');

  const web = express();
  web.disable('x-powered-by');
  web.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'connect-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'frame-ancestors': ["'self'"] },
      },
    }),
  );
  web.use(healthRouter(deps));
  const api = express.Router();
  api.use(corsMiddleware(origins));
  api.use(express.json({ limit: LIMITS.jsonBodyBytes }));
  api.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  api.use(viewerMiddleware(deps, csrfSecret));
  api.use(mountRoutes(routes, deps));
  api.use(notFoundHandler);
  web.use('/api/v1', api);
  web.use(clientPages(deps.config.clientDist));
  web.use(notFoundHandler);
  web.use(errorHandler(deps.log));

  const httpServer = createServer(web);
  const sockets = createIo(httpServer, deps, origins);
  io = sockets;
  streams.onPublish((event) => sockets.to(streamRoom(event.stream)).emit('stream:event', event));
  const socketEvents = new SocketEvents(deps.log);
  streamSocketEvents(socketEvents, streams, streamAccess);
  announcementSocketEvents(socketEvents, deps, streams, toOpenTables);
  for (const feature of features) feature.socketEvents?.(socketEvents);
  sockets.on('connection', (socket) => {
    // Every signed-in socket hears its person's notifications (a space-scoped sign-in: that space's only).
    const viewer = socket.data.viewer;
    if (viewer) void socket.join(personRoom(viewer.id, viewer.scopedSpaceId));
    socketEvents.attach(socket);
    for (const feature of features) feature.connected?.(socket);
  });

  const documents = new CollabServer({
    deps,
    access: docAccess,
    hooks: collabHooks,
    originAllowed: (origin, host) => origins.isAllowed(origin, host),
  });
  collab = documents;
  httpServer.on('upgrade', (req, socket, head) => {
    if (documents.handleUpgrade(req, socket, head)) return;
    // Socket.IO handles its own path; anything else is not ours to keep open.
    if (!req.url?.startsWith('/socket.io/')) socket.destroy();
  });

  return {
    httpServer,
    io: sockets,
    collab: documents,
    streams,
    origins,
    routes,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as AddressInfo).port));
      });
    },
    async close() {
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await documents.close();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      for (const feature of features) await feature.close?.();
      httpServer.closeAllConnections();
      await closed;
    },
  };
}
