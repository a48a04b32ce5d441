import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { wallLayoutInputSchema, wallLayoutSchema, wallLayoutUpdateSchema, wallTourInputSchema, wallTourSchema, wallTourUpdateSchema } from '@pantau/shared';
import { requireActor } from '../../platform/http/auth-hook.ts';
import type { WallsService } from './walls.service.ts';

const idParams = z.object({ id: z.uuid() });

export function wallsRoutes(app: FastifyInstance, walls: WallsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['video wall'];
  r.get('/api/walls/layouts', { schema: { tags, summary: 'Tata letak dinding video milik sendiri', response: { 200: z.array(wallLayoutSchema) } } }, (req) => walls.listLayouts(requireActor(req)));
  r.post('/api/walls/layouts', { schema: { tags, body: wallLayoutInputSchema, response: { 201: wallLayoutSchema } } }, async (req, reply) => reply.status(201).send(await walls.createLayout(requireActor(req), req.body)));
  r.patch('/api/walls/layouts/:id', { schema: { tags, params: idParams, body: wallLayoutUpdateSchema, response: { 200: wallLayoutSchema } } }, (req) => walls.updateLayout(requireActor(req), req.params.id, req.body));
  r.delete('/api/walls/layouts/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await walls.deleteLayout(requireActor(req), req.params.id);
    return reply.status(204).send();
  });
  r.get('/api/walls/tours', { schema: { tags, summary: 'Tur (rotasi tata letak) milik sendiri', response: { 200: z.array(wallTourSchema) } } }, (req) => walls.listTours(requireActor(req)));
  r.post('/api/walls/tours', { schema: { tags, body: wallTourInputSchema, response: { 201: wallTourSchema } } }, async (req, reply) => reply.status(201).send(await walls.createTour(requireActor(req), req.body)));
  r.patch('/api/walls/tours/:id', { schema: { tags, params: idParams, body: wallTourUpdateSchema, response: { 200: wallTourSchema } } }, (req) => walls.updateTour(requireActor(req), req.params.id, req.body));
  r.delete('/api/walls/tours/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await walls.deleteTour(requireActor(req), req.params.id);
    return reply.status(204).send();
  });
}
