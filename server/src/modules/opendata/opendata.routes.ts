import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { stringify } from 'csv-stringify/sync';
import {
  catalogPageSchema, catalogQuerySchema, datasetGroupInputSchema, datasetGroupSchema, datasetInputSchema, datasetSchema, datasetTransitionInputSchema, datasetUpdateSchema,
  datastorePageSchema, datastoreQuerySchema, opendataRoleSchema, resourceLinkInputSchema, resourceSchema, resourceUploadQuerySchema, resourceUploadResultSchema, walidataInputSchema,
} from '@pantau/shared';
import { requireActor } from '../../platform/http/auth-hook.ts';
import type { OpendataService } from './opendata.service.ts';
import type { ResourcesService } from './resources.service.ts';
import type { DatasetScope } from './opendata.repository.ts';
import { XLSX_TYPE } from './tabular.ts';

const idParams = z.object({ id: z.uuid() });
const nameParams = z.object({ id: z.string().min(1).max(100) });
const aggregateQuery = z.object({ x: z.string().min(1).max(100), y: z.string().max(100).optional(), fn: z.enum(['sum', 'avg', 'count']).default('sum') });
const downloadQuery = datastoreQuerySchema.pick({ q: true, filters: true });
const UPLOAD_LIMIT = 50 * 1024 * 1024;

/** Console routes (signed in, scoped by role and OPD) and the public catalog's JSON (published only, no login). */
export function opendataRoutes(app: FastifyInstance, datasets: OpendataService, resources: ResourcesService): void {
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['data bank'];
  r.get('/api/opendata/role', { schema: { tags, summary: 'Peran pengguna di bank data (walidata / produsen data)', response: { 200: opendataRoleSchema } } }, (req) => datasets.roleOf(requireActor(req)));
  r.put('/api/opendata/walidata', { schema: { tags, summary: 'Tetapkan OPD walidata (admin)', body: walidataInputSchema, response: { 200: opendataRoleSchema } } }, (req) => datasets.setWalidata(requireActor(req), req.body.organizationId));
  r.get('/api/opendata/datasets', { schema: { tags, summary: 'Katalog dataset yang terlihat oleh pengguna', querystring: catalogQuerySchema, response: { 200: catalogPageSchema } } }, (req) => datasets.catalog(requireActor(req), req.query));
  r.post('/api/opendata/datasets', { schema: { tags, body: datasetInputSchema, response: { 201: datasetSchema } } }, async (req, reply) => reply.status(201).send(await datasets.create(requireActor(req), req.body)));
  r.get('/api/opendata/datasets/:id', { schema: { tags, params: nameParams, response: { 200: datasetSchema } } }, (req) => datasets.get(requireActor(req), req.params.id));
  r.patch('/api/opendata/datasets/:id', { schema: { tags, params: idParams, body: datasetUpdateSchema, response: { 200: datasetSchema } } }, (req) => datasets.update(requireActor(req), req.params.id, req.body));
  r.delete('/api/opendata/datasets/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await datasets.remove(requireActor(req), req.params.id);
    return reply.status(204).send();
  });
  r.post('/api/opendata/datasets/:id/transition', { schema: { tags, summary: 'Ajukan, verifikasi, terbitkan, tolak atau tarik dataset', params: idParams, body: datasetTransitionInputSchema, response: { 200: datasetSchema } } }, (req) =>
    datasets.transition(requireActor(req), req.params.id, req.body),
  );
  r.post('/api/opendata/datasets/:id/resources', { schema: { tags, summary: 'Tambah tautan sumber data luar', params: idParams, body: resourceLinkInputSchema, response: { 201: resourceSchema } } }, async (req, reply) =>
    reply.status(201).send(await resources.link(requireActor(req), req.params.id, req.body)),
  );
  r.post(
    '/api/opendata/datasets/:id/resources/upload',
    {
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, summary: 'Unggah CSV/XLSX ke datastore (semua atau tidak sama sekali)', params: idParams, querystring: resourceUploadQuerySchema, consumes: ['text/csv', XLSX_TYPE], response: { 200: resourceUploadResultSchema, 201: resourceUploadResultSchema } },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw Object.assign(new Error('Kirim berkas CSV (text/csv) atau XLSX'), { statusCode: 415 });
      const result = await resources.upload(requireActor(req), req.params.id, String(req.headers['content-type'] ?? ''), req.body, req.query);
      return reply.status(result.resource ? 201 : 200).send(result);
    },
  );
  r.delete('/api/opendata/resources/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await resources.remove(requireActor(req), req.params.id);
    return reply.status(204).send();
  });
  r.get('/api/opendata/groups', { schema: { tags, response: { 200: z.array(datasetGroupSchema) } } }, (req) => datasets.listGroups(requireActor(req), requireActor(req).tenantId));
  r.post('/api/opendata/groups', { schema: { tags, body: datasetGroupInputSchema, response: { 201: datasetGroupSchema } } }, async (req, reply) => reply.status(201).send(await datasets.createGroup(requireActor(req), req.body)));

  const pub = ['data bank (publik)'];
  r.get('/api/public/opendata/datasets', { schema: { tags: pub, summary: 'Katalog publik (hanya dataset terbit)', querystring: catalogQuerySchema.omit({ state: true }), response: { 200: catalogPageSchema } } }, async (req) =>
    datasets.search(await datasets.publicScope(), req.query),
  );
  r.get('/api/public/opendata/datasets/:id', { schema: { tags: pub, params: nameParams, response: { 200: datasetSchema } } }, async (req) => datasets.show(await datasets.publicScope(), req.params.id));
  r.get('/api/public/opendata/groups', { schema: { tags: pub, response: { 200: z.array(datasetGroupSchema) } } }, async () => datasets.listGroups(null, (await datasets.publicScope()).tenantId));

  // the same data routes twice: the public ones see published datasets, the console ones what the user may see
  const scopes: [string, string[], (req: FastifyRequest) => Promise<DatasetScope>][] = [
    ['/api/public/opendata', pub, () => datasets.publicScope()],
    ['/api/opendata', tags, (req) => resources.scopeOf(requireActor(req))],
  ];
  for (const [prefix, t, scopeOf] of scopes) {
    r.get(`${prefix}/resources/:id/data`, { schema: { tags: t, summary: 'Baris datastore: filter, urut, halaman, cari', params: idParams, querystring: datastoreQuerySchema, response: { 200: datastorePageSchema } } }, async (req) => {
      const { fields, records, total } = await resources.search(await scopeOf(req), req.params.id, req.query);
      return { fields, records, total };
    });
    r.get(`${prefix}/resources/:id/aggregate`, { schema: { tags: t, summary: 'Agregasi satu kolom untuk grafik', params: idParams, querystring: aggregateQuery, response: { 200: z.array(z.object({ x: z.unknown(), y: z.number() })) } } }, async (req) =>
      resources.aggregate(await scopeOf(req), req.params.id, req.query.x, req.query.y ?? null, req.query.fn),
    );
    r.get(`${prefix}/resources/:id/download.csv`, { schema: { tags: t, summary: 'Unduh seluruh atau hasil filter (CSV)', params: idParams, querystring: downloadQuery } }, async (req, reply) => {
      const gen = resources.rows(await scopeOf(req), req.params.id, req.query);
      const first = await gen.next();
      const stream = Readable.from((async function* () {
        if (first.done) return;
        yield stringify([first.value.fields.map((f) => f.id)]);
        for (let chunk = first.value; ; ) {
          yield stringify(chunk.rows.map((row) => chunk.fields.map((f) => row[f.id] ?? '')));
          const next = await gen.next();
          if (next.done) return;
          chunk = next.value;
        }
      })());
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${req.params.id}.csv"`).send(stream);
    });
    r.get(`${prefix}/resources/:id/download.json`, { schema: { tags: t, summary: 'Unduh seluruh atau hasil filter (JSON)', params: idParams, querystring: downloadQuery } }, async (req, reply) => {
      const gen = resources.rows(await scopeOf(req), req.params.id, req.query);
      const first = await gen.next();
      const stream = Readable.from((async function* () {
        yield '[';
        let sep = '';
        for (let chunk = first.done ? null : first.value; chunk; ) {
          for (const row of chunk.rows) {
            yield sep + JSON.stringify(row);
            sep = ',\n';
          }
          const next = await gen.next();
          chunk = next.done ? null : next.value;
        }
        yield ']\n';
      })());
      return reply.header('content-type', 'application/json; charset=utf-8').header('content-disposition', `attachment; filename="${req.params.id}.json"`).send(stream);
    });
  }
}
