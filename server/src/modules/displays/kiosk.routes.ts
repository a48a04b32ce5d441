import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DISPLAY_COOKIE, DISPLAY_WS_PATH, kioskIncidentSchema, kioskStateSchema, pairingPollSchema, pairingStartSchema, pairingStatusSchema, type KioskMessage } from '@pantau/shared';
import type { KioskService } from './kiosk.service.ts';
import type { DisplayHub } from './displays.hub.ts';

// a kiosk re-reads its state this often even without a change: a push that ran out, a camera made
// internal, a dead half-open socket (the kiosk reconnects when this beat stops)
const HEARTBEAT_MS = 30_000;
// ten years: a lobby screen stays paired until it is revoked in the console
const COOKIE_SECONDS = 10 * 365 * 24 * 3600;

const tokenOf = (req: FastifyRequest) => req.cookies[DISPLAY_COOKIE] ?? null;

/**
 * The kiosk's routes. No session: the pairing secret, then the httpOnly display cookie, is the
 * screen's authority. CSRF-exempt by design (a lobby PC may also carry someone's session cookie,
 * and these calls act for the screen, not for that person); rate-limited per IP.
 */
export function kioskRoutes(app: FastifyInstance, kiosk: KioskService, hub: DisplayHub, opts: { secureCookies: boolean }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['smart display (kiosk)'];
  r.post('/api/display/pair', {
    config: { csrfExempt: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Minta kode pemasangan untuk ditampilkan di layar', response: { 200: pairingStartSchema } },
  }, () => kiosk.startPairing());

  r.post('/api/display/pair/status', {
    config: { csrfExempt: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Status pemasangan; saat disetujui, memasang cookie layar (sekali saja)', body: pairingPollSchema, response: { 200: pairingStatusSchema } },
  }, async (req, reply) => {
    const res = await kiosk.pollPairing(req.body);
    if (res.token) reply.setCookie(DISPLAY_COOKIE, res.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, maxAge: COOKIE_SECONDS });
    return { state: res.state };
  });

  r.get('/api/display/state', {
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Keadaan lengkap layar (adegan, daftar putar, dorongan)', response: { 200: kioskStateSchema } },
  }, (req) => kiosk.state(tokenOf(req)));

  r.get('/api/display/incidents', {
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Insiden terbuka untuk peta layar (kategori dan status saja)', response: { 200: z.array(kioskIncidentSchema) } },
  }, (req) => kiosk.incidents(tokenOf(req)));

  app.get(DISPLAY_WS_PATH, { websocket: true, schema: { hide: true } }, async (socket, req) => {
    // browsers send cookies on cross-site upgrades: only the kiosk page of this host may connect
    const origin = req.headers.origin;
    if (origin && new URL(origin).host !== req.headers.host) return socket.close(4403, 'origin');
    // a database hiccup is not a revocation: 1011 makes the kiosk retry, 4401 would unpair it
    const display = await kiosk.displayOf(tokenOf(req)).catch(() => undefined);
    if (display === undefined) return socket.close(1011, 'unavailable');
    if (!display) return socket.close(4401, 'unauthenticated');
    const id = display.id;
    const release = hub.connected(id);
    const send = (m: KioskMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m));
    };
    let closed = false;
    const revoked = () => {
      send({ type: 'revoked' });
      socket.close(4401, 'revoked');
    };
    const refresh = async () => {
      if (closed) return;
      const state = await kiosk.stateById(id).catch(() => undefined);
      if (state === null) return revoked();
      if (state) send({ type: 'state', state });
    };
    const off = hub.on((c) => {
      if (c.tenantId !== display.tenant_id || (c.displayIds && !c.displayIds.includes(id))) return;
      if (c.revoked) revoked();
      else void refresh();
    });
    const beat = setInterval(() => {
      if (socket.readyState === socket.OPEN) socket.ping();
      void kiosk.touch(id).catch(() => undefined);
      void refresh();
    }, HEARTBEAT_MS);
    socket.on('close', () => {
      closed = true;
      clearInterval(beat);
      off();
      release();
    });
    void kiosk.touch(id).catch(() => undefined);
    await refresh();
  });
}
