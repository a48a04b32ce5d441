// The HLS routes by injection with a fake access rule and a packager fed synthetic pictures:
// every status path (200 public/private, 400, 404, 429, 503) and what each answer lets caches do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { hlsPlaylistPath } from '@pantau/shared';
import { HlsPackagers } from '../../media/index.ts';
import { LiveHub, type LiveViewer } from '../../media/live/live-hub.ts';
import { registerErrorHandler } from '../../platform/http/error-handler.ts';
import { cachedAccess, type HlsAccessResult } from './hls.access.ts';
import { hlsRoutes } from './hls.routes.ts';
import { HlsService } from './hls.service.ts';

const CAM = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const track = { sampleEntry: 'avc1', decoderConfig: new Uint8Array([1, 0x42, 0xc0, 0x1e, 0xff, 0xe0, 0]), codec: 'avc1.42c01e', width: 320, height: 240 } as const;

async function rig(opts: { answer?: HlsAccessResult; media?: boolean; perMinute?: number } = {}) {
  const hub = new LiveHub();
  let pts = 0;
  const feed = (n: number) => {
    for (let i = 0; i < n; i++, pts += 3600) hub.push({ pts, isKey: (pts / 3600) % 50 === 0, data: new Uint8Array(500).fill(i), receivedAtMs: 0 });
  };
  hub.startRun({ cameraId: CAM, stream: 'sub', track, startedAtMs: 0, firstPts: 0 });
  feed(120);
  // the packager gets the cached keyframe group, then a little more: one whole segment at once
  const source = {
    subscribe: (id: string, _s: 'main' | 'sub', v: LiveViewer) => {
      if (id !== CAM) return { ok: false as const, reason: 'not-attached' };
      const unsubscribe = hub.subscribe(v);
      feed(60);
      return { ok: true as const, unsubscribe };
    },
  };
  const access = { answer: opts.answer ?? ({ ok: true, cacheable: true } as HlsAccessResult), calls: 0 };
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  const svc = new HlsService(opts.media === false ? null : new HlsPackagers(source), { blockMs: 300 });
  hlsRoutes(app, svc, cachedAccess(async (_req: FastifyRequest) => (access.calls++, access.answer), { ttlMs: 200 }), { perMinute: opts.perMinute });
  await app.ready();
  return { app, hub, feed, access, get: (url: string) => app.inject({ method: 'GET', url, remoteAddress: '10.1.2.3' }) };
}

test('a refused camera is a 404 with the standard body and no camera detail', async () => {
  const r = await rig({ answer: { ok: false } });
  const res = await r.get(hlsPlaylistPath(CAM));
  assert.equal(res.statusCode, 404);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.deepEqual(res.json(), { error: { code: 'not_found', message: 'Siaran tidak ditemukan' } });
  assert.equal((await r.get(`/api/public/hls/${CAM}/abc/seg-0.m4s`)).statusCode, 404);
});

test('a public camera: cacheable playlist and media; the init segment is an ftyp', async () => {
  const r = await rig();
  const res = await r.get(hlsPlaylistPath(CAM));
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'public, max-age=1');
  assert.match(res.body, /^#EXTM3U\n/, 'sent as text, not JSON');
  const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(res.body)![1]!;
  const m = await r.get(`/api/public/hls/${CAM}/${init}`);
  assert.equal(m.statusCode, 200);
  assert.equal(m.headers['content-type'], 'video/mp4');
  assert.equal(m.headers['cache-control'], 'public, max-age=3600, immutable');
  assert.equal(m.rawPayload.subarray(4, 8).toString(), 'ftyp');
});

test('a pimpinan camera (not cacheable): private, no-store everywhere', async () => {
  const r = await rig({ answer: { ok: true, cacheable: false } });
  const res = await r.get(hlsPlaylistPath(CAM));
  assert.equal(res.headers['cache-control'], 'private, no-store');
  const seg = /\n([^#\n]+seg-\d+\.m4s)\n/.exec(res.body)![1]!;
  const m = await r.get(`/api/public/hls/${CAM}/${seg}`);
  assert.equal(m.statusCode, 200);
  assert.equal(m.headers['cache-control'], 'private, no-store');
});

test('the access answer is remembered briefly, then asked again', async () => {
  const r = await rig();
  for (let i = 0; i < 5; i++) await r.get(hlsPlaylistPath(CAM));
  assert.equal(r.access.calls, 1);
  await new Promise((res) => setTimeout(res, 250));
  r.access.answer = { ok: false };
  assert.equal((await r.get(hlsPlaylistPath(CAM))).statusCode, 404);
});

test('400: bad query, part without msn, msn far ahead, a bad camera id', async () => {
  const r = await rig();
  assert.equal((await r.get(`${hlsPlaylistPath(CAM)}?_HLS_msn=-1`)).statusCode, 400);
  assert.equal((await r.get(`${hlsPlaylistPath(CAM)}?_HLS_part=1`)).statusCode, 400);
  assert.equal((await r.get(`${hlsPlaylistPath(CAM)}?_HLS_msn=99`)).statusCode, 400);
  assert.equal((await r.get(hlsPlaylistPath('nope'))).statusCode, 400);
});

test('404: unknown generation or file name, a part that never came', async () => {
  const r = await rig();
  const body = (await r.get(hlsPlaylistPath(CAM))).body;
  const gen = /URI="([a-z0-9]+)\//.exec(body)![1]!;
  assert.equal((await r.get(`/api/public/hls/${CAM}/zzz/seg-0.m4s`)).statusCode, 404);
  assert.equal((await r.get(`/api/public/hls/${CAM}/${gen}/seg-0.mp4`)).statusCode, 404);
  assert.equal((await r.get(`/api/public/hls/${CAM}/${gen}/part-0.40.m4s`)).statusCode, 404);
});

test('a preload-hinted part is held until it exists', async () => {
  const r = await rig();
  const body = (await r.get(hlsPlaylistPath(CAM))).body;
  const hint = /PRELOAD-HINT:TYPE=PART,URI="([^"]+)"/.exec(body)![1]!;
  const pending = r.get(`/api/public/hls/${CAM}/${hint}`);
  setTimeout(() => r.feed(15), 50);
  const res = await pending;
  assert.equal(res.statusCode, 200);
  assert.ok(res.rawPayload.length > 500);
});

test('503: media not running here, or camera not attached; offline after the run ends', async () => {
  const none = await rig({ media: false });
  const a = await none.get(hlsPlaylistPath(CAM));
  assert.equal(a.statusCode, 503);
  assert.equal(a.json().error.code, 'unavailable');
  const r = await rig();
  assert.equal((await r.get(hlsPlaylistPath(OTHER))).statusCode, 503);
  assert.equal((await r.get(hlsPlaylistPath(CAM))).statusCode, 200);
  r.hub.endRun('stalled');
  const off = await r.get(hlsPlaylistPath(CAM));
  assert.equal(off.statusCode, 503);
  assert.equal(off.json().error.message, 'Kamera sedang tidak menayangkan siaran langsung');
});

test('429 beyond the per-IP limit', async () => {
  const r = await rig({ perMinute: 3 });
  const codes = [];
  for (let i = 0; i < 4; i++) codes.push((await r.get(hlsPlaylistPath(CAM))).statusCode);
  assert.deepEqual(codes, [200, 200, 200, 429]);
});
