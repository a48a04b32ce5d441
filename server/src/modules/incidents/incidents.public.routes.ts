import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../platform/http/errors.ts';
import { PHOTO_MAX_BYTES } from './incidents.photos.ts';
import type { IncidentModule } from './index.ts';

/** Header carrying the reopen code: it proves the uploader made the report. */
export const REOPEN_CODE_HEADER = 'x-reopen-code';

/**
 * The reporter's photo upload. Public routes act for nobody, so they are CSRF-exempt (a session
 * cookie grants nothing here) and rate-limited per IP.
 */
export function incidentsPublicPhotoRoutes(app: FastifyInstance, m: IncidentModule): void {
  void app.register(async (scope) => {
    // raw image bodies only for this route: the declared type is re-checked against the magic bytes
    scope.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp'], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES + 1 }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/public/incidents/:ticket/photos', {
      bodyLimit: PHOTO_MAX_BYTES + 1,
      config: { csrfExempt: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Tambah foto laporan (JPEG/PNG/WebP ≤ 5 MB; kode laporan di header x-reopen-code; metadata EXIF dibuang untuk salinan publik)',
        security: [],
        params: z.object({ ticket: z.string().regex(/^PTU-\d{6}-[A-Z0-9]{6}$/, 'nomor tiket tidak valid') }),
        headers: z.object({ [REOPEN_CODE_HEADER]: z.string().min(8).max(100) }),
        response: { 201: z.object({ id: z.uuid() }) },
      },
    }, async (req, reply) => {
      const body = req.body;
      if (!Buffer.isBuffer(body)) throw new DomainError('unsupported_media_type', 'Foto harus JPEG, PNG atau WebP');
      return reply.status(201).send(await m.publicSide.attachPhoto(req.params.ticket, req.headers[REOPEN_CODE_HEADER], new Uint8Array(body)));
    });
  });
}
