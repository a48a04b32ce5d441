import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '@pantau/shared';
import { DomainError } from '../../platform/http/errors.ts';
import type { HlsAccess } from './hls.access.ts';
import { HLS_NOT_FOUND, type HlsService } from './hls.service.ts';

/** Per-IP requests a minute: an LL-HLS player makes about four a second (playlist and part). */
export const HLS_PER_MINUTE = 1200;
/** How long a CDN or reverse proxy may keep parts and segments: they never change. */
const MEDIA_MAX_AGE_S = 3600;

const cameraParams = z.object({ cameraId: z.uuid() });
const mediaParams = cameraParams.extend({ generation: z.string().regex(/^[a-z0-9]{1,32}$/), file: z.string().max(40) });
const playlistQuery = z.object({
  _HLS_msn: z.coerce.number().int().min(0).optional(),
  _HLS_part: z.coerce.number().int().min(0).optional(),
});
const errors = { 400: apiErrorSchema, 404: apiErrorSchema, 429: apiErrorSchema, 503: apiErrorSchema };
const CONTENT_TYPE = { init: 'video/mp4', segment: 'video/iso.segment', part: 'video/iso.segment' } as const;

/**
 * Live HLS under /api/public/hls: the playlist and its media files. Every request is checked by
 * `access` first; a refusal is a 404 that says nothing about the camera. Media URLs never change
 * bytes, so when the camera is public they are cacheable by any proxy; a `pimpinan` camera's
 * answers are private.
 */
export function hlsRoutes(app: FastifyInstance, svc: HlsService, access: HlsAccess<FastifyRequest>, opts: { perMinute?: number } = {}): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];
  const config = { rateLimit: { max: opts.perMinute ?? HLS_PER_MINUTE, timeWindow: '1 minute' } };
  app.addHook('onClose', async () => svc.close());

  async function allowed(req: FastifyRequest, reply: FastifyReply, cameraId: string): Promise<boolean> {
    const a = await access(req, cameraId);
    if (!a.ok) throw new DomainError('not_found', HLS_NOT_FOUND);
    return a.cacheable;
  }

  r.get('/api/public/hls/:cameraId/index.m3u8', {
    config,
    schema: {
      tags,
      summary: 'Daftar putar HLS langsung (LL-HLS) sebuah kamera',
      description: 'Mendukung pemuatan ulang yang ditahan (`_HLS_msn`, `_HLS_part`). 404 bila kamera tidak boleh ditonton; 503 bila kamera sedang tidak menayangkan siaran.',
      security: [],
      params: cameraParams,
      querystring: playlistQuery,
      response: { 200: z.string(), ...errors },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const cacheable = await allowed(req, reply, req.params.cameraId);
    const text = await svc.playlist(req.params.cameraId, { msn: req.query._HLS_msn, part: req.query._HLS_part });
    // short: a camera taken off the portal must stop reaching viewers through caches within seconds
    return reply.header('cache-control', cacheable ? 'public, max-age=1' : 'private, no-store').type('application/vnd.apple.mpegurl').send(text);
  });

  r.get('/api/public/hls/:cameraId/:generation/:file', {
    config,
    schema: {
      tags,
      summary: 'Segmen, bagian segmen, atau segmen inisialisasi HLS (fMP4)',
      description: 'Isi sebuah URL tidak pernah berubah; bagian yang diumumkan `EXT-X-PRELOAD-HINT` ditunggu hingga tersedia.',
      security: [],
      params: mediaParams,
      response: { 200: z.any().describe('fMP4 (video/mp4 atau video/iso.segment)'), ...errors },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const cacheable = await allowed(req, reply, req.params.cameraId);
    const m = await svc.media(req.params.cameraId, req.params.generation, req.params.file);
    return reply
      .header('cache-control', cacheable ? `public, max-age=${MEDIA_MAX_AGE_S}, immutable` : 'private, no-store')
      .type(CONTENT_TYPE[m.kind])
      .send(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
  });
}
