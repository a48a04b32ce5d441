import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cameraCreateSchema, cameraImportResultSchema, cameraMarkerSchema, cameraPageSchema, cameraQuerySchema, cameraSchema, cameraUpdateSchema } from '@pantau/shared';
import { requireActor } from '../../platform/http/auth-hook.ts';
import type { CamerasService } from './cameras.service.ts';
import type { CameraTransferService } from './cameras.transfer.ts';

const idParams = z.object({ id: z.uuid() });
const markerQuery = cameraQuerySchema.omit({ limit: true, offset: true });
export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

export function camerasRoutes(app: FastifyInstance, cameras: CamerasService, transfer: CameraTransferService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/cameras', { schema: { tags: ['cameras'], summary: 'Daftar kamera dengan filter', querystring: cameraQuerySchema, response: { 200: cameraPageSchema } } }, (req) =>
    cameras.list(requireActor(req), req.query),
  );
  r.get('/api/cameras/markers', { schema: { tags: ['cameras'], summary: 'Penanda peta untuk semua kamera yang terlihat', querystring: markerQuery, response: { 200: z.array(cameraMarkerSchema) } } }, (req) =>
    cameras.markers(requireActor(req), req.query),
  );
  r.get('/api/cameras/export.csv', { schema: { tags: ['cameras'], summary: 'Ekspor registri kamera (CSV, tanpa kata sandi)' } }, async (req, reply) => {
    const actor = requireActor(req);
    const gen = transfer.exportCsv(actor);
    // pull the first chunk before answering, so a refused export is a JSON error rather than a broken download
    const first = await gen.next();
    const stream = Readable.from((async function* () {
      if (!first.done) yield first.value;
      yield* gen;
    })());
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="kamera.csv"').send(stream);
  });
  r.get('/api/cameras/:id', { schema: { tags: ['cameras'], params: idParams, response: { 200: cameraSchema } } }, (req) => cameras.get(requireActor(req), req.params.id));
  r.post('/api/cameras', { schema: { tags: ['cameras'], body: cameraCreateSchema, response: { 201: cameraSchema } } }, async (req, reply) =>
    reply.status(201).send(await cameras.create(requireActor(req), req.body)),
  );
  r.patch('/api/cameras/:id', { schema: { tags: ['cameras'], params: idParams, body: cameraUpdateSchema, response: { 200: cameraSchema } } }, (req) =>
    cameras.update(requireActor(req), req.params.id, req.body),
  );
  r.delete('/api/cameras/:id', { schema: { tags: ['cameras'], params: idParams } }, async (req, reply) => {
    await cameras.remove(requireActor(req), req.params.id);
    return reply.status(204).send();
  });
  r.post(
    '/api/cameras/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['cameras'],
        summary: 'Impor CSV: semua baris atau tidak sama sekali',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
        consumes: ['text/csv'],
        response: { 200: cameraImportResultSchema },
      },
    },
    (req) => {
      if (!Buffer.isBuffer(req.body)) throw Object.assign(new Error('Kirim berkas CSV dengan content-type text/csv'), { statusCode: 415 });
      return transfer.importCsv(requireActor(req), req.body, req.query.dryRun === 'true');
    },
  );
}
