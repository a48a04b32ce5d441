import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { displaySchema, displayUpdateSchema, pairingApproveSchema, playlistInputSchema, playlistSchema, pushInputSchema, sceneInputSchema, sceneSchema } from '@pantau/shared';
import { requireActor } from '../../platform/http/auth-hook.ts';
import type { DisplaysService } from './displays.service.ts';
import type { DisplayContentService } from './content.service.ts';

const idParams = z.object({ id: z.uuid() });

/** The console's routes for Smart Displays: displays, pairing approval, push, scenes and playlists. */
export function displaysRoutes(app: FastifyInstance, displays: DisplaysService, content: DisplayContentService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['smart display'];
  // static paths first in reading order; find-my-way prefers them over `:id` anyway
  r.get('/api/displays/scenes', { schema: { tags, summary: 'Adegan layar', response: { 200: z.array(sceneSchema) } } }, (req) => content.listScenes(requireActor(req)));
  r.post('/api/displays/scenes', { schema: { tags, body: sceneInputSchema, response: { 201: sceneSchema } } }, async (req, reply) => reply.status(201).send(await content.saveScene(requireActor(req), null, req.body)));
  r.get('/api/displays/scenes/:id', { schema: { tags, params: idParams, response: { 200: sceneSchema } } }, (req) => content.getScene(requireActor(req), req.params.id));
  r.put('/api/displays/scenes/:id', { schema: { tags, params: idParams, body: sceneInputSchema, response: { 200: sceneSchema } } }, (req) => content.saveScene(requireActor(req), req.params.id, req.body));
  r.delete('/api/displays/scenes/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await content.deleteScene(requireActor(req), req.params.id);
    return reply.status(204).send();
  });

  r.get('/api/displays/playlists', { schema: { tags, summary: 'Daftar putar layar', response: { 200: z.array(playlistSchema) } } }, (req) => content.listPlaylists(requireActor(req)));
  r.post('/api/displays/playlists', { schema: { tags, body: playlistInputSchema, response: { 201: playlistSchema } } }, async (req, reply) => reply.status(201).send(await content.savePlaylist(requireActor(req), null, req.body)));
  r.get('/api/displays/playlists/:id', { schema: { tags, params: idParams, response: { 200: playlistSchema } } }, (req) => content.getPlaylist(requireActor(req), req.params.id));
  r.put('/api/displays/playlists/:id', { schema: { tags, params: idParams, body: playlistInputSchema, response: { 200: playlistSchema } } }, (req) => content.savePlaylist(requireActor(req), req.params.id, req.body));
  r.delete('/api/displays/playlists/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await content.deletePlaylist(requireActor(req), req.params.id);
    return reply.status(204).send();
  });

  r.post('/api/displays/pair/approve', { schema: { tags, summary: 'Setujui kode pemasangan yang tampil di layar', body: pairingApproveSchema, response: { 201: displaySchema } } }, async (req, reply) =>
    reply.status(201).send(await displays.approve(requireActor(req), req.body)),
  );
  r.get('/api/displays', { schema: { tags, summary: 'Layar terdaftar', response: { 200: z.array(displaySchema) } } }, (req) => displays.list(requireActor(req)));
  r.get('/api/displays/:id', { schema: { tags, params: idParams, response: { 200: displaySchema } } }, (req) => displays.get(requireActor(req), req.params.id));
  r.patch('/api/displays/:id', { schema: { tags, params: idParams, body: displayUpdateSchema, response: { 200: displaySchema } } }, (req) => displays.update(requireActor(req), req.params.id, req.body));
  r.delete('/api/displays/:id', { schema: { tags, summary: 'Cabut layar (tokennya berhenti berlaku)', params: idParams } }, async (req, reply) => {
    await displays.revoke(requireActor(req), req.params.id);
    return reply.status(204).send();
  });
  r.post('/api/displays/:id/push', { schema: { tags, summary: 'Dorong kamera, kamera-kamera atau adegan ke layar sekarang', params: idParams, body: pushInputSchema, response: { 200: displaySchema } } }, (req) =>
    displays.push(requireActor(req), req.params.id, req.body),
  );
  r.post('/api/displays/:id/resume', { schema: { tags, summary: 'Kembalikan layar ke daftar putarnya', params: idParams, response: { 200: displaySchema } } }, (req) => displays.resume(requireActor(req), req.params.id));
}
