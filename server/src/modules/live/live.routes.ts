import type { FastifyInstance } from 'fastify';
import { LIVE_PATH } from '@pantau/shared';
import type { CameraStatusEvent } from '../../media/index.ts';
import type { LiveService } from './live.service.ts';
import { LiveConnection, type LiveBroadcast } from './live.gateway.ts';

/**
 * The live WebSocket. Requires a session (the cookie travels with the upgrade) and a same-origin
 * page: browsers send cookies on cross-site WebSocket upgrades, so Origin is checked too.
 */
export function liveRoutes(app: FastifyInstance, live: LiveService, statusFeed: ((l: (e: CameraStatusEvent) => void) => () => void) | null, broadcasts: ((l: (b: LiveBroadcast) => void) => () => void) | null = null): void {
  const connections = new Set<LiveConnection>();
  const off = statusFeed?.((e) => {
    for (const c of connections) void c.pushStatus(e).catch(() => undefined);
  });
  // other modules' topics (incidents): a message plus who may receive it
  const offBroadcasts = broadcasts?.((b) => {
    for (const c of connections) c.pushBroadcast(b);
  });
  app.addHook('onClose', async () => {
    off?.();
    offBroadcasts?.();
  });

  app.get(LIVE_PATH, { websocket: true, schema: { hide: true } }, (socket, req) => {
    const origin = req.headers.origin;
    if (origin && new URL(origin).host !== req.headers.host) {
      socket.close(4403, 'origin');
      return;
    }
    if (!req.actor) {
      socket.close(4401, 'unauthenticated');
      return;
    }
    const conn = new LiveConnection(socket, req.actor, live);
    connections.add(conn);
    socket.on('close', () => connections.delete(conn));
    void conn.start().catch(() => socket.close(1011, 'error'));
  });
}
