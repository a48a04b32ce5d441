import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../platform/http/errors.ts';
import type { CkanService } from './ckan.service.ts';
import type { CkanUrls } from './ckan.present.ts';

/** CKAN's error types and their HTTP statuses. */
const CKAN_ERRORS: Record<string, [number, string]> = {
  not_found: [404, 'Not Found Error'],
  validation_failed: [409, 'Validation Error'],
  forbidden: [403, 'Authorization Error'],
  unauthenticated: [403, 'Authorization Error'],
};

const urlsOf = (req: FastifyRequest): CkanUrls => ({ base: `${req.protocol}://${req.headers.host ?? 'localhost'}` });

function fail(reply: FastifyReply, help: string, status: number, type: string, message: string, fields?: Record<string, unknown>) {
  return reply.status(status).send({ help, success: false, error: { __type: type, message, ...(fields ?? {}) } });
}

/**
 * `/api/3/action/{name}` with CKAN's envelope `{help, success, result}` and its errors, GET with
 * query parameters or POST with a JSON body, so CKAN clients and harvesters work unchanged.
 * Only published datasets are served. Also the DCAT-AP catalog at `/catalog.jsonld`.
 */
export function ckanRoutes(app: FastifyInstance, ckan: CkanService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const handler = async (req: FastifyRequest<{ Params: { action: string } }>, reply: FastifyReply) => {
    const { action } = req.params;
    const u = urlsOf(req);
    const help = `${u.base}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
    if (ckan.isWrite(action)) return fail(reply, help, 403, 'Authorization Error', `Access denied: API CKAN ini hanya-baca; ubah data bank melalui konsol Pantau (${action})`);
    if (!ckan.isKnown(action)) return fail(reply, help, 400, 'Bad Request', `Bad request - Action name not known: ${action}`);
    const body = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? (req.body as Record<string, unknown>) : {};
    try {
      const result = await ckan.call(action, { ...(req.query as Record<string, unknown>), ...body }, u);
      return reply.send({ help, success: true, result });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const [status, type] = CKAN_ERRORS[e.code] ?? [e.status, 'Bad Request'];
      const fields = e.code === 'validation_failed' && e.details && typeof e.details === 'object' && !Array.isArray(e.details) ? (e.details as Record<string, unknown>) : undefined;
      return fail(reply, help, status, type, e.code === 'not_found' ? `Not found: ${e.message}` : e.message, fields);
    }
  };
  const schema = { tags: ['CKAN API'], summary: 'Aksi CKAN 2.10 (hanya-baca): status_show, package_list/search/show, organization_*, group_*, tag_list, resource_show, datastore_search', params: z.object({ action: z.string().max(100) }) };
  r.get('/api/3/action/:action', { schema }, handler);
  r.post('/api/3/action/:action', { schema }, handler);
  r.get('/api/3', { schema: { tags: ['CKAN API'] } }, async () => ({ version: 3 }));
  r.get('/catalog.jsonld', { schema: { tags: ['CKAN API'], summary: 'Katalog DCAT-AP (JSON-LD)', querystring: z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }) } }, async (req, reply) =>
    reply.header('content-type', 'application/ld+json; charset=utf-8').send(await ckan.catalog(req.query.page, urlsOf(req))),
  );
}
