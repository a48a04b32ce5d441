import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DISPLAY_COOKIE, portalInfoSchema, publicCameraListSchema, publicCameraQuerySchema, publicCameraSchema, transparencyQuerySchema, transparencyStatsSchema } from '@pantau/shared';
import { requireActor } from '../../platform/http/auth-hook.ts';
import type { PortalMap, PortalService, PortalViewer } from './portal.service.ts';

/** Per-IP limits of the portal's reads: generous for a person browsing, tight for a scraper. */
export const PORTAL_LIMITS = { readsPerMinute: 120 };

const tenantQuery = z.object({ tenant: z.string().max(64).optional() });
const idParams = z.object({ id: z.uuid() });

/** The viewer behind a request: its session's actor, else its display cookie, else the public. */
export function viewerOfRequest(svc: PortalService, req: FastifyRequest, tenantSlug: string | null = null): Promise<PortalViewer> {
  return svc.viewerOf({ actor: req.actor, displayToken: req.cookies[DISPLAY_COOKIE] ?? null, tenantSlug });
}

/**
 * The access decision helper A's HLS routes take: may this request pull that camera's live
 * stream, and may a shared cache keep it? Internal, unknown and not-allowed cameras all say no.
 */
export function streamAccessOf(svc: PortalService) {
  return async (req: FastifyRequest, cameraId: string): Promise<{ ok: true; cacheable: boolean } | { ok: false }> => {
    if (!z.uuid().safeParse(cameraId).success) return { ok: false };
    return svc.streamAccess(() => viewerOfRequest(svc, req), cameraId);
  };
}

/** `/api/public/portal`, `/api/public/cameras[/:id]`, `/api/public/stats` and the takedown. */
export function portalRoutes(app: FastifyInstance, svc: PortalService, map: PortalMap): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];
  const config = { rateLimit: { max: PORTAL_LIMITS.readsPerMinute, timeWindow: '1 minute' } };
  // answers depend on the viewer (cookie): a shared cache must not serve one viewer's list to another
  const privateCache = (reply: FastifyReply) => void reply.header('cache-control', 'private, no-cache').header('vary', 'cookie');

  r.get('/api/public/portal', { config, schema: { tags, summary: 'Yurisdiksi dan jenis pemirsa portal', security: [], querystring: tenantQuery, response: { 200: portalInfoSchema } } }, async (req, reply) => {
    privateCache(reply);
    return svc.info(await viewerOfRequest(svc, req, req.query.tenant ?? null), map);
  });
  r.get('/api/public/cameras', { config, schema: { tags, summary: 'Kamera portal (publik; pimpinan untuk pejabat)', security: [], querystring: publicCameraQuerySchema, response: { 200: publicCameraListSchema } } }, async (req, reply) => {
    privateCache(reply);
    const { tenant, ...filter } = req.query;
    return svc.cameras(await viewerOfRequest(svc, req, tenant ?? null), filter);
  });
  r.get('/api/public/cameras/:id', { config, schema: { tags, summary: 'Satu kamera portal (404 bila tidak ada atau tidak boleh dilihat)', security: [], params: idParams, querystring: tenantQuery, response: { 200: publicCameraSchema } } }, async (req, reply) => {
    privateCache(reply);
    return svc.camera(await viewerOfRequest(svc, req, req.query.tenant ?? null), req.params.id);
  });
  r.get('/api/public/stats', { config, schema: { tags, summary: 'Statistik transparansi: laporan per kategori dan status, rata-rata waktu penyelesaian, kamera daring', security: [], querystring: transparencyQuerySchema, response: { 200: transparencyStatsSchema } } }, async (req, reply) => {
    privateCache(reply);
    return svc.stats(await viewerOfRequest(svc, req, req.query.tenant ?? null), req.query.days);
  });
  r.post('/api/portal/cameras/:id/takedown', {
    schema: { tags, summary: 'Turunkan kamera dari portal sekarang (menjadi internal; penonton terputus dalam hitungan detik)', params: idParams, body: z.strictObject({ reason: z.string().trim().min(3).max(500) }), response: { 200: z.object({ id: z.uuid(), visibility: z.literal('internal') }) } },
  }, (req) => svc.takedown(requireActor(req), req.params.id, req.body.reason));
}
