import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organizationInputSchema, organizationSchema, regionSchema } from '@pantau/shared';
import { requireActor } from '../../platform/http/auth-hook.ts';
import type { TenancyService } from './tenancy.service.ts';

export function tenancyRoutes(app: FastifyInstance, tenancy: TenancyService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/regions', { schema: { tags: ['tenancy'], summary: 'Wilayah (kode Kemendagri) milik pemerintah daerah pengguna', response: { 200: z.array(regionSchema) } } }, (req) =>
    tenancy.listRegions(requireActor(req)),
  );
  r.get('/api/organizations', { schema: { tags: ['tenancy'], summary: 'OPD dan instansi mitra', response: { 200: z.array(organizationSchema) } } }, (req) =>
    tenancy.listOrganizations(requireActor(req)),
  );
  r.post('/api/organizations', { schema: { tags: ['tenancy'], body: organizationInputSchema, response: { 201: organizationSchema } } }, async (req, reply) =>
    reply.status(201).send(await tenancy.createOrganization(requireActor(req), req.body)),
  );
}
