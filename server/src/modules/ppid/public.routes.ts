import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ppidClarifyInputSchema, ppidInfoPageSchema, ppidInfoQuerySchema, ppidObjectionInputSchema, ppidObjectionSchema, ppidReceiptSchema, ppidRequestInputSchema, ppidTrackedRequestSchema, ppidTrackInputSchema } from '@pantau/shared';
import { sendDocument } from './ppid.http.ts';
import type { PpidPublicService } from './public.service.ts';

/** Limits for the unauthenticated routes (per IP): filing is rare for a person, guessing codes must stay slow. */
export const PUBLIC_LIMITS = { submitPerMinute: 5, trackPerMinute: 30 };
const tenantQuery = z.object({ tenant: z.string().max(60).optional() });

/**
 * The public, no-login PPID routes under /api/public/ppid. They are CSRF-exempt: they act for no
 * signed-in user, so a session cookie sent along by the browser grants nothing here.
 */
export function ppidPublicRoutes(app: FastifyInstance, svc: PpidPublicService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ppid (publik)'];
  const config = (max: number) => ({ csrfExempt: true, rateLimit: { max, timeWindow: '1 minute' } });
  r.post('/api/public/ppid/requests', { bodyLimit: 32 * 1024, config: config(PUBLIC_LIMITS.submitPerMinute), schema: { tags, summary: 'Ajukan permohonan informasi publik', security: [], querystring: tenantQuery, body: ppidRequestInputSchema, response: { 201: ppidReceiptSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.submit(await svc.tenantFor(req.query.tenant), req.ip ?? null, req.body)),
  );
  r.post('/api/public/ppid/track', { bodyLimit: 4 * 1024, config: config(PUBLIC_LIMITS.trackPerMinute), schema: { tags, summary: 'Lacak permohonan dengan nomor dan kode pelacakan', security: [], querystring: tenantQuery, body: ppidTrackInputSchema, response: { 200: ppidTrackedRequestSchema } } }, async (req) =>
    svc.track(await svc.tenantFor(req.query.tenant), req.body),
  );
  r.get('/api/public/ppid/requests/documents/:id', { config: config(PUBLIC_LIMITS.trackPerMinute), schema: { tags, summary: 'Unduh dokumen jawaban (nomor + kode)', security: [], params: z.object({ id: z.uuid() }), querystring: tenantQuery.extend(ppidTrackInputSchema.shape) } }, async (req, reply) => {
    const { tenant, ...owner } = req.query;
    return sendDocument(reply, await svc.document(await svc.tenantFor(tenant), owner, req.params.id));
  });
  r.post('/api/public/ppid/objections', { bodyLimit: 16 * 1024, config: config(PUBLIC_LIMITS.submitPerMinute), schema: { tags, summary: 'Ajukan keberatan (Pasal 35 UU 14/2008)', security: [], querystring: tenantQuery, body: ppidObjectionInputSchema, response: { 201: ppidObjectionSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.object(await svc.tenantFor(req.query.tenant), req.ip ?? null, req.body)),
  );
  r.post('/api/public/ppid/clarifications', { bodyLimit: 16 * 1024, config: config(PUBLIC_LIMITS.submitPerMinute), schema: { tags, summary: 'Lengkapi permohonan yang diminta klarifikasi', security: [], querystring: tenantQuery, body: ppidClarifyInputSchema, response: { 200: ppidTrackedRequestSchema } } }, async (req) =>
    svc.clarify(await svc.tenantFor(req.query.tenant), req.ip ?? null, req.body),
  );
  r.post('/api/public/ppid/withdrawals', { bodyLimit: 4 * 1024, config: config(PUBLIC_LIMITS.submitPerMinute), schema: { tags, summary: 'Cabut permohonan yang belum dijawab', security: [], querystring: tenantQuery, body: ppidTrackInputSchema, response: { 200: ppidTrackedRequestSchema } } }, async (req) =>
    svc.withdraw(await svc.tenantFor(req.query.tenant), req.ip ?? null, req.body),
  );
  r.get('/api/public/ppid/registry', { schema: { tags, summary: 'Daftar Informasi Publik yang dipublikasikan', security: [], querystring: ppidInfoQuerySchema.extend(tenantQuery.shape), response: { 200: ppidInfoPageSchema } } }, async (req) => {
    const { tenant, ...q } = req.query;
    return svc.registry(await svc.tenantFor(tenant), q);
  });
  r.get('/api/public/ppid/registry/documents/:id', { schema: { tags, summary: 'Unduh dokumen informasi publik', security: [], params: z.object({ id: z.uuid() }), querystring: tenantQuery } }, async (req, reply) =>
    sendDocument(reply, await svc.registryDocument(await svc.tenantFor(req.query.tenant), req.params.id)),
  );
}
