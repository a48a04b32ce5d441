import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema } from '@pantau/shared';
import { requireActor } from '../../platform/http/auth-hook.ts';
import type { AuditService } from './audit.service.ts';

export function auditRoutes(app: FastifyInstance, audit: AuditService): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: 'Log audit (hanya tambah, berantai hash)', querystring: auditQuerySchema, response: { 200: auditPageSchema } } },
    (req) => audit.list(requireActor(req), req.query),
  );
}
