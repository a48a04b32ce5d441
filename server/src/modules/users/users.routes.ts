import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiTokenCreateSchema, apiTokenCreatedSchema, apiTokenSchema, userCreateSchema, userPageSchema, userQuerySchema, userSchema, userUpdateSchema } from '@pantau/shared';
import { requireActor } from '../../platform/http/auth-hook.ts';
import type { UsersService } from './users.service.ts';
import type { TokensService } from './tokens.service.ts';

const idParams = z.object({ id: z.uuid() });

export function usersRoutes(app: FastifyInstance, users: UsersService, tokens: TokensService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/users', { schema: { tags: ['users'], querystring: userQuerySchema, response: { 200: userPageSchema } } }, (req) => users.list(requireActor(req), req.query));
  r.post('/api/users', { schema: { tags: ['users'], body: userCreateSchema, response: { 201: userSchema } } }, async (req, reply) =>
    reply.status(201).send(await users.create(requireActor(req), req.body)),
  );
  r.get('/api/users/:id', { schema: { tags: ['users'], params: idParams, response: { 200: userSchema } } }, (req) => users.get(requireActor(req), req.params.id));
  r.patch('/api/users/:id', { schema: { tags: ['users'], params: idParams, body: userUpdateSchema, response: { 200: userSchema } } }, (req) =>
    users.update(requireActor(req), req.params.id, req.body),
  );

  r.get('/api/tokens', { schema: { tags: ['tokens'], summary: 'Token API milik sendiri', response: { 200: z.array(apiTokenSchema) } } }, (req) => tokens.list(requireActor(req)));
  r.post('/api/tokens', { schema: { tags: ['tokens'], body: apiTokenCreateSchema, response: { 201: apiTokenCreatedSchema } } }, async (req, reply) =>
    reply.status(201).send(await tokens.create(requireActor(req), req.body)),
  );
  r.delete('/api/tokens/:id', { schema: { tags: ['tokens'], params: idParams } }, async (req, reply) => {
    await tokens.revoke(requireActor(req), req.params.id);
    return reply.status(204).send();
  });
}
