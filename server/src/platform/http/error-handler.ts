import type { Pages } from './pages.ts';
import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from './errors.ts';

interface Issue {
  path: string;
  message: string;
}

function zodIssues(e: ZodError): Issue[] {
  return e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** One place turns every thrown thing into `{ error: { code, message, details } }` with the right status. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    if (err instanceof DomainError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'tidak valid',
      }));
      return reply.status(400).send({ error: { code: 'validation_failed', message: 'Masukan tidak valid', details } });
    }
    if (err instanceof ZodError) {
      return reply.status(400).send({ error: { code: 'validation_failed', message: 'Masukan tidak valid', details: zodIssues(err) } });
    }
    const fe = err as FastifyError;
    const status = fe.statusCode ?? 500;
    if (status === 413) return reply.status(413).send({ error: { code: 'payload_too_large', message: 'Ukuran permintaan terlalu besar' } });
    if (status === 415) return reply.status(415).send({ error: { code: 'unsupported_media_type', message: 'Jenis konten tidak didukung' } });
    if (status === 429) return reply.status(429).send({ error: { code: 'rate_limited', message: 'Terlalu banyak permintaan; coba lagi nanti' } });
    if (status >= 400 && status < 500) {
      return reply.status(400).send({ error: { code: 'bad_request', message: fe.message || 'Permintaan tidak valid' } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Terjadi kesalahan pada server' } });
  });
}

/**
 * Unknown routes: JSON 404 for the API; with a web build, other GET pages fall back to the page
 * that owns the path (console, portal or kiosk) so client-side routes survive a reload. Fastify
 * allows one not-found handler.
 */
export function registerNotFound(app: FastifyInstance, pages: Pages | null): void {
  app.setNotFoundHandler(async (req, reply) => {
    // a dot in the path means a file that is missing; one in the query (`?t=…00.000Z`) does not
    const path = req.url.split('?')[0]!;
    if (pages && req.method === 'GET' && !path.startsWith('/api/') && !path.includes('.')) {
      const { html } = await pages.render(path, req.query as Record<string, string>);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    }
    return reply.status(404).send({ error: { code: 'not_found', message: `Rute ${req.method} ${path} tidak ada` } });
  });
}
