import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  categoryCodeSchema, incidentCategoryInputSchema, incidentCategorySchema, incidentStatsSchema, publicIncidentCreatedSchema, publicIncidentCreateSchema,
  publicTrackingSchema, reopenInputSchema, routingRuleInputSchema, routingRuleSchema, slaInputSchema, slaRuleSchema, sopInputSchema, sopStepSchema, statsQuerySchema,
} from '@pantau/shared';
import { requireActor } from '../../platform/http/auth-hook.ts';
import type { IncidentModule } from './index.ts';
import { incidentsPublicPhotoRoutes } from './incidents.public.routes.ts';

const categoryParams = z.object({ code: categoryCodeSchema });

/** Configuration (categories, SOPs, routing, SLAs, agency endpoints), statistics, and the public side. */
export function incidentsConfigRoutes(app: FastifyInstance, m: IncidentModule): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents: configuration'];
  r.get('/api/incidents/categories', { schema: { tags, response: { 200: z.array(incidentCategorySchema) } } }, (req) => m.config.listCategories(requireActor(req)));
  r.put('/api/incidents/categories', { schema: { tags, body: incidentCategoryInputSchema, response: { 200: incidentCategorySchema } } }, (req) => m.config.saveCategory(requireActor(req), req.body));
  r.get('/api/incidents/sop/:code', { schema: { tags, params: categoryParams, response: { 200: z.array(sopStepSchema) } } }, (req) => m.config.sop(requireActor(req), req.params.code));
  r.put('/api/incidents/sop/:code', { schema: { tags, params: categoryParams, body: sopInputSchema, response: { 200: z.array(sopStepSchema) } } }, (req) => m.config.saveSop(requireActor(req), req.params.code, req.body.steps));
  r.get('/api/incidents/routing', { schema: { tags, response: { 200: z.array(routingRuleSchema) } } }, (req) => m.config.routing(requireActor(req)));
  r.post('/api/incidents/routing', { schema: { tags, body: routingRuleInputSchema, response: { 201: z.array(routingRuleSchema) } } }, async (req, reply) => reply.status(201).send(await m.config.addRouting(requireActor(req), req.body)));
  r.delete('/api/incidents/routing/:id', { schema: { tags, params: z.object({ id: z.uuid() }) } }, async (req, reply) => {
    await m.config.removeRouting(requireActor(req), req.params.id);
    return reply.status(204).send();
  });
  r.get('/api/incidents/sla', { schema: { tags, response: { 200: z.array(slaRuleSchema) } } }, (req) => m.config.sla(requireActor(req)));
  r.put('/api/incidents/sla', { schema: { tags, body: slaInputSchema, response: { 200: z.array(slaRuleSchema) } } }, (req) => m.config.saveSla(requireActor(req), req.body));
  r.put('/api/incidents/agencies/:id/endpoint', {
    schema: { tags, summary: 'E-mail dan webhook bertanda tangan (HMAC-SHA256) sebuah instansi', params: z.object({ id: z.uuid() }), body: z.strictObject({ email: z.email().nullable(), webhookUrl: z.url({ protocol: /^https?$/ }).nullable(), webhookSecret: z.string().min(16).max(200).nullable() }) },
  }, async (req, reply) => {
    await m.config.saveEndpoint(requireActor(req), req.params.id, req.body);
    return reply.status(204).send();
  });

  const stats = ['incidents: statistics'];
  r.get('/api/incidents/stats', { schema: { tags: stats, querystring: statsQuerySchema, response: { 200: incidentStatsSchema } } }, (req) => m.stats.stats(requireActor(req), req.query));
  r.get('/api/incidents/stats.csv', { schema: { tags: stats, querystring: statsQuerySchema } }, async (req, reply) =>
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="statistik-insiden.csv"').send(await m.stats.csv(requireActor(req), req.query)),
  );

  const pub = ['public'];
  const tenantQuery = z.object({ tenant: z.string().max(64).optional() });
  r.get('/api/public/incidents/categories', { config: { rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags: pub, querystring: tenantQuery, response: { 200: z.array(incidentCategorySchema) } } }, async (req) =>
    m.config.categoriesOf((await m.publicSide.tenantOf(req.query.tenant ?? null)).id, true),
  );
  // public writes act for nobody: a signed-in official's cookie grants nothing, so no CSRF token is asked
  r.post('/api/public/incidents', {
    config: { csrfExempt: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags: pub, summary: 'Laporan warga (tanpa akun); kode buka-kembali hanya ditampilkan sekali', querystring: tenantQuery, body: publicIncidentCreateSchema, response: { 201: publicIncidentCreatedSchema } },
  }, async (req, reply) => {
    const { ticket, reopenCode } = await m.publicSide.create(req.query.tenant ?? null, req.body);
    return reply.status(201).send({ ticket, reopenCode });
  });
  const ticketParams = z.object({ ticket: z.string().regex(/^PTU-\d{6}-[A-Z0-9]{6}$/, 'nomor tiket tidak valid') });
  // tickets carry six random characters; the limit keeps guessing them slow
  r.get('/api/public/incidents/:ticket', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags: pub, summary: 'Lacak laporan: riwayat status tanpa data pribadi', params: ticketParams, response: { 200: publicTrackingSchema } } }, (req) => m.publicSide.track(req.params.ticket));
  r.post('/api/public/incidents/:ticket/reopen', { config: { csrfExempt: true, rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { tags: pub, params: ticketParams, body: reopenInputSchema, response: { 200: publicTrackingSchema } } }, (req) =>
    m.publicSide.reopen(req.params.ticket, req.body.reopenCode, req.body.reason),
  );
  incidentsPublicPhotoRoutes(app, m);
}
