import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OPEN311_BASE, OPEN311_FORMATS, open311PostSchema, open311RequestsQuerySchema, open311UpdatesQuerySchema, type Open311Format } from '@pantau/shared';
import { DomainError } from '../../platform/http/errors.ts';
import { render, renderErrors } from './open311.format.ts';
import { Open311Problem, type Open311Service } from './open311.service.ts';

const formatOf = (url: string): Open311Format => (/\.xml(\?|$)/.test(url) ? 'xml' : 'json');
/** `kebakaran.json` → code and format; null for a format the spec does not have. */
function splitFile(file: string): { id: string; format: Open311Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { id: m[1]!, format: m[2] as Open311Format } : null;
}

function send(reply: FastifyReply, format: Open311Format, root: string, item: string | null, data: unknown) {
  const out = render(format, root, item, data as never);
  return reply.header('content-type', out.type).send(out.body);
}

/** Every failure as the spec's array of {code, description}: 404 unknown, 403 api_key, 400 anything else. */
function fail(req: FastifyRequest, reply: FastifyReply, err: unknown) {
  let status = 400;
  let description = 'Permintaan tidak valid';
  if (err instanceof Open311Problem) [status, description] = [err.status, err.message];
  else if (err instanceof DomainError) {
    status = err.code === 'not_found' ? 404 : err.code === 'forbidden' || err.code === 'unauthenticated' ? 403 : err.status >= 500 ? err.status : 400;
    description = err.message;
  } else if (hasZodFastifySchemaValidationErrors(err)) description = err.validation.map((v) => `${String(v.instancePath).replace(/^\//, '') || v.params?.missingProperty || ''} ${v.message ?? ''}`.trim()).join('; ');
  else if ((err as { statusCode?: number }).statusCode === 415) description = 'Content-Type harus application/x-www-form-urlencoded';
  else if (!((err as { statusCode?: number }).statusCode! < 500)) {
    req.log.error({ err }, 'open311 failure');
    status = 500;
    description = 'Kesalahan server';
  }
  const out = renderErrors(formatOf(req.url), [{ code: status, description }]);
  return reply.status(status).header('content-type', out.type).send(out.body);
}

/** GeoReport v2 at /open311/v2 (and discovery), XML and JSON, over the incidents service. */
export function open311Routes(app: FastifyInstance, open311: Open311Service): void {
  void app.register(async (scope) => {
    scope.setErrorHandler((err, req, reply) => fail(req, reply, err));
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      const params = new URLSearchParams(body as string);
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of params) out[k] = k in out ? [...[out[k]!].flat(), v] : v;
      done(null, out);
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['open311'];
    const jurisdiction = z.object({ jurisdiction_id: z.string().max(64).optional() });
    const fileParams = z.object({ file: z.string().max(200) });
    const unknownFormat = (file: string) => new Open311Problem(404, `format tidak dikenal: ${file}`);

    for (const format of OPEN311_FORMATS) {
      for (const path of ['/open311/discovery', `${OPEN311_BASE}/discovery`]) {
        r.get(`${path}.${format}`, { schema: { tags, summary: 'GeoReport v2 discovery' } }, (req, reply) => {
          const url = `${req.protocol}://${req.host}${OPEN311_BASE}`;
          return send(reply, format, 'discovery', null, {
            changeset: '2026-01-01T00:00:00+07:00', contact: 'Pusat komando Pantau', key_service: 'Token API dengan cakupan open311 (konsol: Token API)',
            endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url, changeset: '2026-01-01T00:00:00+07:00', type: 'production', formats: ['text/xml', 'application/json'] }],
          });
        });
      }
      r.get(`${OPEN311_BASE}/services.${format}`, { schema: { tags, summary: 'GeoReport v2: daftar layanan', querystring: jurisdiction } }, async (req, reply) =>
        send(reply, format, 'services', 'service', await open311.services(req.query.jurisdiction_id)),
      );
      r.get(`${OPEN311_BASE}/requests.${format}`, { schema: { tags, summary: 'GeoReport v2: daftar laporan (90 hari / 1000 terakhir)', querystring: open311RequestsQuerySchema } }, async (req, reply) =>
        send(reply, format, 'service_requests', 'request', await open311.requests(req.query)),
      );
      r.post(`${OPEN311_BASE}/requests.${format}`, { schema: { tags, summary: 'GeoReport v2: kirim laporan (api_key wajib)', body: open311PostSchema } }, async (req, reply) =>
        send(reply, format, 'service_requests', 'request', await open311.submit(req.body, req.ip ?? null)),
      );
      r.get(`${OPEN311_BASE}/servicerequestupdates.${format}`, { schema: { tags, summary: 'Ekstensi mySociety: pembaruan status', querystring: open311UpdatesQuerySchema } }, async (req, reply) =>
        send(reply, format, 'service_request_updates', 'request_update', await open311.updates(req.query)),
      );
    }
    r.get(`${OPEN311_BASE}/services/:file`, { schema: { tags, summary: 'GeoReport v2: definisi layanan ({code}.json|xml)', params: fileParams, querystring: jurisdiction } }, async (req, reply) => {
      const f = splitFile(req.params.file);
      if (!f) throw unknownFormat(req.params.file);
      return send(reply, f.format, 'service_definition', null, await open311.definition(f.id, req.query.jurisdiction_id));
    });
    r.get(`${OPEN311_BASE}/requests/:file`, { schema: { tags, summary: 'GeoReport v2: satu laporan ({id}.json|xml)', params: fileParams, querystring: jurisdiction } }, async (req, reply) => {
      const f = splitFile(req.params.file);
      if (!f) throw unknownFormat(req.params.file);
      return send(reply, f.format, 'service_requests', 'request', await open311.request(f.id, req.query.jurisdiction_id));
    });
    r.get(`${OPEN311_BASE}/tokens/:file`, { schema: { tags, summary: 'GeoReport v2: token → id laporan', params: fileParams, querystring: jurisdiction } }, async (req, reply) => {
      const f = splitFile(req.params.file);
      if (!f) throw unknownFormat(req.params.file);
      return send(reply, f.format, 'service_requests', 'request', await open311.token(f.id, req.query.jurisdiction_id));
    });
  });
}
