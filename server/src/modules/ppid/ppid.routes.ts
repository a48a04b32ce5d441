import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ppidCalendarDayInputSchema, ppidCalendarDaySchema, ppidDecideInputSchema, ppidDisputeInputSchema, ppidDocumentSchema, ppidExtendInputSchema, ppidInfoInputSchema,
  ppidInfoItemSchema, ppidInfoPageSchema, ppidInfoQuerySchema, ppidInfoUpdateSchema, ppidObjectionSchema, ppidReportSchema, ppidRequestDetailSchema, ppidRequestPageSchema,
  ppidRequestQuerySchema, ppidRespondInputSchema, ppidRouteInputSchema,
} from '@pantau/shared';
import { requireActor } from '../../platform/http/auth-hook.ts';
import { registerDocumentParsers, sendDocument, UPLOAD_BODY_LIMIT } from './ppid.http.ts';
import type { PpidServices } from './index.ts';

const idParams = z.object({ id: z.uuid() });
const yearParams = z.object({ year: z.coerce.number().int().min(2010).max(2100) });
const uploadQuery = z.object({ filename: z.string().trim().min(1).max(200) });

/** The officers' PPID routes under /api/ppid, in their own plugin so the upload parsers stay local. */
export async function ppidRoutes(app: FastifyInstance, s: PpidServices): Promise<void> {
  await app.register(async (scope) => {
    registerDocumentParsers(scope);
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['ppid'];
    const fileOf = (req: { headers: Record<string, unknown>; query: { filename: string }; body: unknown }) => ({
      mime: String(req.headers['content-type'] ?? '').split(';')[0]!.trim(),
      filename: req.query.filename,
      body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    });

    r.get('/api/ppid/requests', { schema: { tags, summary: 'Antrean permohonan dengan tenggat', querystring: ppidRequestQuerySchema, response: { 200: ppidRequestPageSchema } } }, (req) => s.requests.list(requireActor(req), req.query));
    r.get('/api/ppid/requests/:id', { schema: { tags, params: idParams, response: { 200: ppidRequestDetailSchema } } }, (req) => s.requests.get(requireActor(req), req.params.id));
    r.post('/api/ppid/requests/:id/route', { schema: { tags, summary: 'Teruskan ke PPID Pelaksana', params: idParams, body: ppidRouteInputSchema, response: { 200: ppidRequestDetailSchema } } }, (req) => s.requests.route(requireActor(req), req.params.id, req.body));
    r.post('/api/ppid/requests/:id/extend', { schema: { tags, summary: 'Perpanjang 7 hari kerja', params: idParams, body: ppidExtendInputSchema, response: { 200: ppidRequestDetailSchema } } }, (req) => s.requests.extend(requireActor(req), req.params.id, req.body));
    r.post('/api/ppid/requests/:id/respond', { schema: { tags, summary: 'Jawab permohonan', params: idParams, body: ppidRespondInputSchema, response: { 200: ppidRequestDetailSchema } } }, (req) => s.requests.respond(requireActor(req), req.params.id, req.body));
    r.post('/api/ppid/requests/:id/documents', { bodyLimit: UPLOAD_BODY_LIMIT, schema: { tags, summary: 'Lampirkan dokumen jawaban (isi berkas sebagai body)', params: idParams, querystring: uploadQuery, response: { 201: ppidDocumentSchema } } }, async (req, reply) =>
      reply.status(201).send(await s.requests.attach(requireActor(req), req.params.id, fileOf(req))),
    );
    r.get('/api/ppid/documents/:id', { schema: { tags, summary: 'Unduh dokumen', params: idParams } }, async (req, reply) => sendDocument(reply, await s.requests.document(requireActor(req), req.params.id)));
    r.post('/api/ppid/objections/:id/decide', { schema: { tags, summary: 'Tanggapan atasan PPID atas keberatan', params: idParams, body: ppidDecideInputSchema, response: { 200: ppidObjectionSchema } } }, (req) => s.objections.decide(requireActor(req), req.params.id, req.body));
    r.post('/api/ppid/objections/:id/dispute', { schema: { tags, summary: 'Catat sengketa di Komisi Informasi', params: idParams, body: ppidDisputeInputSchema, response: { 200: ppidObjectionSchema } } }, (req) => s.objections.recordDispute(requireActor(req), req.params.id, req.body));

    r.get('/api/ppid/registry', { schema: { tags, summary: 'Daftar Informasi Publik (semua)', querystring: ppidInfoQuerySchema, response: { 200: ppidInfoPageSchema } } }, (req) => s.registry.list(requireActor(req), req.query));
    r.post('/api/ppid/registry', { schema: { tags, body: ppidInfoInputSchema, response: { 201: ppidInfoItemSchema } } }, async (req, reply) => reply.status(201).send(await s.registry.create(requireActor(req), req.body)));
    r.patch('/api/ppid/registry/:id', { schema: { tags, params: idParams, body: ppidInfoUpdateSchema, response: { 200: ppidInfoItemSchema } } }, (req) => s.registry.update(requireActor(req), req.params.id, req.body));
    r.post('/api/ppid/registry/:id/documents', { bodyLimit: UPLOAD_BODY_LIMIT, schema: { tags, params: idParams, querystring: uploadQuery, response: { 201: ppidDocumentSchema } } }, async (req, reply) =>
      reply.status(201).send(await s.registry.attach(requireActor(req), req.params.id, fileOf(req))),
    );

    r.get('/api/ppid/calendar/:year', { schema: { tags, summary: 'Hari libur dan cuti bersama setahun', params: yearParams, response: { 200: z.array(ppidCalendarDaySchema) } } }, (req) => s.registry.calendar(requireActor(req), req.params.year));
    r.post('/api/ppid/calendar/days', { schema: { tags, summary: 'Tambah/ubah hari (SKB): libur, cuti bersama, atau hari kerja', body: ppidCalendarDayInputSchema } }, async (req, reply) => {
      await s.registry.setCalendarDay(requireActor(req), req.body);
      return reply.status(204).send();
    });
    r.delete('/api/ppid/calendar/days/:date', { schema: { tags, params: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }) } }, async (req, reply) => {
      await s.registry.deleteCalendarDay(requireActor(req), req.params.date);
      return reply.status(204).send();
    });

    r.get('/api/ppid/reports/:year', { schema: { tags, summary: 'Laporan tahunan (Perki 1/2021 Pasal 56)', params: yearParams, response: { 200: ppidReportSchema } } }, (req) => s.reports.report(requireActor(req), req.params.year));
    r.get('/api/ppid/reports/:year/csv', { schema: { tags, params: yearParams } }, async (req, reply) =>
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="laporan-ppid-${req.params.year}.csv"`).send(await s.reports.csv(requireActor(req), req.params.year)),
    );
    r.get('/api/ppid/reports/:year/pdf', { schema: { tags, params: yearParams } }, async (req, reply) =>
      reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="laporan-ppid-${req.params.year}.pdf"`).send(await s.reports.pdf(requireActor(req), req.params.year)),
    );
  });
}
