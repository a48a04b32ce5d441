import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bookmarkInputSchema,
  bookmarkQuerySchema,
  bookmarkSchema,
  exportInputSchema,
  exportSchema,
  holdInputSchema,
  holdReleaseSchema,
  holdSchema,
  pageOf,
  pageQuerySchema,
  playbackSchema,
  rangeQuerySchema,
  retentionInputSchema,
  storageSchema,
  timelineSchema,
} from '@pantau/shared';
import { requireActor } from '../../platform/http/auth-hook.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { parseRange } from './byte-range.ts';
import type { EvidenceService } from './evidence.service.ts';
import type { ExportsService } from './exports.service.ts';
import type { PlaybackService } from './playback.service.ts';
import type { StorageService } from './storage.service.ts';

const idParams = z.object({ id: z.uuid() });

export interface RecordingsServices {
  playback: PlaybackService;
  evidence: EvidenceService;
  exports: ExportsService;
  storage: StorageService;
}

export function recordingsRoutes(app: FastifyInstance, s: RecordingsServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['recordings'];

  r.get('/api/cameras/:id/timeline', { schema: { tags, summary: 'Linimasa rekaman satu kamera: rentang terekam, celah, penanda, penahanan', params: idParams, querystring: rangeQuerySchema, response: { 200: timelineSchema } } }, (req) =>
    s.playback.timeline(requireActor(req), req.params.id, req.query),
  );
  r.get('/api/cameras/:id/playback', { schema: { tags, summary: 'Butir putar ulang (MP4) untuk rentang waktu; diaudit', params: idParams, querystring: rangeQuerySchema, response: { 200: playbackSchema } } }, (req) =>
    s.playback.items(requireActor(req), req.params.id, req.query),
  );
  r.get(
    '/api/cameras/:id/video.mp4',
    {
      schema: {
        tags,
        summary: 'MP4 standar dari rekaman (tanpa transkode), mendukung HTTP Range; `edit=true` memulai penyajian tepat di `from`',
        params: idParams,
        querystring: rangeQuerySchema.and(z.object({ edit: z.enum(['true', 'false']).default('false') })),
      },
    },
    async (req, reply) => {
      const file = await s.playback.video(requireActor(req), req.params.id, req.query, req.query.edit === 'true');
      const range = parseRange(req.headers.range, file.size);
      void reply.header('accept-ranges', 'bytes').header('content-type', 'video/mp4').header('cache-control', 'private, max-age=60');
      if (range.kind === 'unsatisfiable') {
        void reply.header('content-range', `bytes */${file.size}`);
        throw new DomainError('range_not_satisfiable', 'Rentang byte di luar berkas');
      }
      if (range.kind === 'whole') return reply.header('content-length', file.size).send(Readable.from(file.read()));
      return reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end - 1}/${file.size}`)
        .header('content-length', range.end - range.start)
        .send(Readable.from(file.read(range.start, range.end)));
    },
  );
  r.get(
    '/api/cameras/:id/thumbnail.jpg',
    {
      schema: {
        tags,
        summary: 'Gambar bingkai kunci pada/sebelum `at`; 204 dengan `x-pantau-thumbnail: unavailable|none` bila tanpa ffmpeg atau tanpa rekaman (bukan galat: konsol tidak mencatat galat per arahan tetikus)',
        params: idParams,
        querystring: z.object({ at: z.iso.datetime({ offset: true }) }),
      },
    },
    async (req, reply) => {
      const r = await s.playback.thumbnail(requireActor(req), req.params.id, Date.parse(req.query.at));
      if (r.kind !== 'jpeg') return reply.status(204).header('x-pantau-thumbnail', r.kind).send();
      return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, max-age=86400').send(r.jpeg);
    },
  );

  r.get('/api/bookmarks', { schema: { tags, summary: 'Penanda rekaman (cari dengan q)', querystring: bookmarkQuerySchema, response: { 200: pageOf(bookmarkSchema) } } }, (req) => s.evidence.listBookmarks(requireActor(req), req.query));
  r.post('/api/bookmarks', { schema: { tags, body: bookmarkInputSchema, response: { 201: bookmarkSchema } } }, async (req, reply) => reply.status(201).send(await s.evidence.createBookmark(requireActor(req), req.body)));
  r.delete('/api/bookmarks/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await s.evidence.deleteBookmark(requireActor(req), req.params.id);
    return reply.status(204).send();
  });

  const holdQuery = z.object({ cameraId: z.uuid().optional(), active: z.enum(['true', 'false']).optional() });
  r.get('/api/holds', { schema: { tags, summary: 'Penahanan barang bukti', querystring: holdQuery, response: { 200: z.object({ items: z.array(holdSchema) }) } } }, async (req) => ({
    items: await s.evidence.listHolds(requireActor(req), { cameraId: req.query.cameraId, active: req.query.active === undefined ? undefined : req.query.active === 'true' }),
  }));
  r.post('/api/holds', { schema: { tags, summary: 'Tahan rentang rekaman sebagai barang bukti (retensi tidak menghapusnya)', body: holdInputSchema, response: { 201: holdSchema } } }, async (req, reply) =>
    reply.status(201).send(await s.evidence.createHold(requireActor(req), req.body)),
  );
  r.post('/api/holds/:id/release', { schema: { tags, summary: 'Lepaskan penahanan (administrator)', params: idParams, body: holdReleaseSchema, response: { 200: holdSchema } } }, (req) =>
    s.evidence.releaseHold(requireActor(req), req.params.id, req.body.reason),
  );

  r.post('/api/exports', { schema: { tags, summary: 'Ekspor barang bukti (MP4 + manifest bertanda tangan); berjalan di latar', body: exportInputSchema, response: { 202: exportSchema } } }, async (req, reply) =>
    reply.status(202).send(await s.exports.create(requireActor(req), req.body)),
  );
  r.get('/api/exports', { schema: { tags, querystring: pageQuerySchema, response: { 200: pageOf(exportSchema) } } }, (req) => s.exports.list(requireActor(req), req.query));
  r.get('/api/exports/public-key', { schema: { tags, summary: 'Kunci publik Ed25519 penanda tangan manifest dan sidik jarinya', response: { 200: z.object({ publicKeyPem: z.string(), fingerprint: z.string() }) } } }, (req) =>
    s.exports.publicKey(requireActor(req)),
  );
  r.get('/api/exports/:id', { schema: { tags, params: idParams, response: { 200: exportSchema } } }, (req) => s.exports.get(requireActor(req), req.params.id));
  r.get('/api/exports/:id/files/:name', { schema: { tags, summary: 'Unduh berkas ekspor (diaudit)', params: idParams.extend({ name: z.string().max(200) }) } }, async (req, reply) => {
    const f = await s.exports.download(requireActor(req), req.params.id, req.params.name);
    void reply.header('content-disposition', `attachment; filename="${req.params.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    if (f.kind === 'zip') return reply.header('content-type', 'application/zip').send(f.stream);
    const type = f.path.endsWith('.mp4') ? 'video/mp4' : f.path.endsWith('.json') ? 'application/json' : 'text/plain; charset=utf-8';
    return reply.header('content-type', type).header('content-length', f.size).send(createReadStream(f.path));
  });

  r.get('/api/storage', { schema: { tags, summary: 'Pemakaian penyimpanan per kamera dan wilayah, hari tersimpan, proyeksi', response: { 200: storageSchema } } }, (req) => s.storage.summary(requireActor(req)));
  r.put('/api/cameras/:id/retention', { schema: { tags, summary: 'Retensi rekaman kamera (hari; null = bawaan)', params: idParams, body: retentionInputSchema, response: { 200: retentionInputSchema } } }, (req) =>
    s.storage.setRetention(requireActor(req), req.params.id, req.body.retentionDays),
  );
}
