import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checkInputSchema, commentInputSchema, dispatchInputSchema, incidentCreateSchema, incidentDetailSchema, incidentPageSchema,
  incidentQuerySchema, incidentNearSchema, incidentTaskSchema, incidentUpdateSchema, mergeInputSchema, nearbyCameraSchema, nearbyCamerasQuerySchema,
  nearQuerySchema, notificationSchema, recordingAttachSchema, taskUpdateSchema, transitionInputSchema,
} from '@pantau/shared';
import { requireActor } from '../../platform/http/auth-hook.ts';
import { PHOTO_MAX_BYTES } from './incidents.photos.ts';
import type { IncidentModule } from './index.ts';

const idParams = z.object({ id: z.uuid() });

/** The console's incident API: board, intake, incident page, workflow, agency tasks. */
export function incidentsRoutes(app: FastifyInstance, m: IncidentModule): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];
  const detail = { 200: incidentDetailSchema };
  r.get('/api/incidents', { schema: { tags, summary: 'Papan insiden (aktif secara bawaan)', querystring: incidentQuerySchema, response: { 200: incidentPageSchema } } }, (req) => m.incidents.list(requireActor(req), req.query));
  r.post('/api/incidents', { schema: { tags, summary: 'Catat insiden (panggilan 112, pengamatan CCTV)', body: incidentCreateSchema, response: { 201: incidentDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await m.incidents.create(requireActor(req), req.body)),
  );
  r.get('/api/incidents/duplicates', { schema: { tags, summary: 'Insiden aktif sekategori di dekat titik (calon duplikat)', querystring: nearQuerySchema, response: { 200: z.array(incidentNearSchema) } } }, (req) =>
    m.incidents.duplicates(requireActor(req), req.query),
  );
  r.get('/api/incidents/notifications', { schema: { tags, summary: 'Notifikasi dalam aplikasi', response: { 200: z.array(notificationSchema) } } }, (req) => m.incidents.inbox(requireActor(req)));
  r.get('/api/incidents/tasks', { schema: { tags, summary: 'Tugas satu instansi (petugas instansi: instansinya sendiri)', querystring: z.object({ organizationId: z.uuid().optional() }), response: { 200: z.array(incidentTaskSchema) } } }, (req) =>
    m.workflow.listTasks(requireActor(req), req.query.organizationId ?? null),
  );
  r.patch('/api/incidents/tasks/:id', { schema: { tags, summary: 'Ubah status tugas instansi', params: idParams, body: taskUpdateSchema, response: { 200: incidentTaskSchema } } }, (req) =>
    m.workflow.updateTask(requireActor(req), req.params.id, req.body),
  );
  r.get('/api/incidents/:id', { schema: { tags, params: idParams, response: detail } }, (req) => m.incidents.get(requireActor(req), req.params.id));
  r.patch('/api/incidents/:id', { schema: { tags, params: idParams, body: incidentUpdateSchema, response: detail } }, (req) => m.incidents.update(requireActor(req), req.params.id, req.body));
  r.post('/api/incidents/:id/transition', { schema: { tags, summary: 'Ubah status (409 bila tidak diizinkan atau SOP wajib belum selesai)', params: idParams, body: transitionInputSchema, response: detail } }, (req) =>
    m.workflow.transition(requireActor(req), req.params.id, req.body),
  );
  r.post('/api/incidents/:id/dispatch', { schema: { tags, summary: 'Teruskan ke instansi (satu tugas per instansi)', params: idParams, body: dispatchInputSchema, response: detail } }, (req) =>
    m.workflow.dispatch(requireActor(req), req.params.id, req.body),
  );
  r.post('/api/incidents/:id/merge', { schema: { tags, summary: 'Gabungkan sebagai duplikat ke insiden lain', params: idParams, body: mergeInputSchema, response: detail } }, (req) => m.workflow.merge(requireActor(req), req.params.id, req.body.intoId));
  r.post('/api/incidents/:id/claim', { schema: { tags, summary: 'Ambil alih kepemilikan', params: idParams, response: detail } }, (req) => m.workflow.claim(requireActor(req), req.params.id));
  r.post('/api/incidents/:id/comments', { schema: { tags, params: idParams, body: commentInputSchema, response: detail } }, (req) => m.workflow.comment(requireActor(req), req.params.id, req.body.note));
  r.put('/api/incidents/:id/checklist/:checkId', { schema: { tags, summary: 'Centang langkah SOP', params: z.object({ id: z.uuid(), checkId: z.uuid() }), body: checkInputSchema, response: detail } }, (req) =>
    m.workflow.check(requireActor(req), req.params.id, req.params.checkId, req.body.done),
  );
  r.get('/api/incidents/:id/cameras', { schema: { tags, summary: 'Kamera di sekitar insiden, terdekat dahulu', params: idParams, querystring: nearbyCamerasQuerySchema, response: { 200: z.array(nearbyCameraSchema) } } }, (req) =>
    m.evidence.nearbyCameras(requireActor(req), req.params.id, req.query.radius),
  );
  r.post('/api/incidents/:id/recordings', { schema: { tags, summary: 'Lampirkan rekaman T−n menit s.d. sekarang (ekspor menunggu modul ekspor bukti)', params: idParams, body: recordingAttachSchema, response: detail } }, (req) =>
    m.evidence.attachRecording(requireActor(req), req.params.id, req.body),
  );
  r.get('/api/incidents/:id/photos/:photoId', { schema: { tags, params: z.object({ id: z.uuid(), photoId: z.uuid() }) } }, async (req, reply) => {
    const p = await m.evidence.photo(requireActor(req), req.params.id, req.params.photoId);
    return reply.header('content-type', p.mime).header('cache-control', 'private, no-store').send(Buffer.from(p.bytes));
  });
  void app.register(async (scope) => {
    // raw image bodies only for this route: the declared type is re-checked against the magic bytes
    scope.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp'], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES + 1 }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/incidents/:id/photos', { bodyLimit: PHOTO_MAX_BYTES + 1, schema: { tags, summary: 'Unggah foto (JPEG/PNG/WebP ≤ 5 MB)', params: idParams, response: { 201: z.object({ id: z.uuid() }) } } }, async (req, reply) =>
      reply.status(201).send(await m.evidence.attachPhoto(requireActor(req), req.params.id, new Uint8Array(req.body as Buffer))),
    );
  });
}
