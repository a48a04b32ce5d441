// Live view end to end through the HTTP server: session cookie on the WebSocket upgrade, camera
// visibility, the multiplexed binary protocol, status pushes, and audit of who watched what.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { LIVE_KIND, type LiveServerMessage } from '@pantau/shared';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { MediaPipeline } from '../../media/index.ts';
import { startGstServer } from '../../media/testing/gst-server.ts';
import { startMediaHost } from '../../roles/media-host.ts';

type Received = { texts: LiveServerMessage[]; binaries: { kind: number; channel: number; size: number; at: number }[]; closed: { code: number } | null };

function connect(base: string, s: Session | null, origin?: string): Promise<{ ws: WebSocket; got: Received; opened: boolean }> {
  return new Promise((resolve) => {
    const got: Received = { texts: [], binaries: [], closed: null };
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/live`, { headers: { ...(s ? { cookie: s.cookie } : {}), origin: origin ?? base } });
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        const b = data as Buffer;
        got.binaries.push({ kind: b[0]!, channel: b.readUInt16BE(1), size: b.length - 3, at: Date.now() });
      } else got.texts.push(JSON.parse(data.toString()));
    });
    ws.on('close', (code) => {
      got.closed = { code };
      resolve({ ws, got, opened: false });
    });
    ws.on('open', () => resolve({ ws, got, opened: true }));
  });
}

const until = async (fn: () => boolean, ms = 10_000) => {
  const t0 = Date.now();
  while (!fn()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('live view over /api/live', () => {
  let t: TestApp;
  let base: string;
  let gst: Awaited<ReturnType<typeof startGstServer>>;
  let host: ReturnType<typeof startMediaHost>;
  const media = new MediaPipeline({ deadAfterMs: 3000, backoffMs: [300] });
  let internalCam: string;
  let publicCam: string;
  before(async () => {
    gst = await startGstServer('h264', 'basic');
    t = await testApp('pglite', { media });
    internalCam = (await t.buildCamera({ code: 'LIVE-INT', visibility: 'internal', mainUrl: `rtsp://admin:s3cret@127.0.0.1:${gst.port}/test` })).id;
    publicCam = (await t.buildCamera({ code: 'LIVE-PUB', visibility: 'public', mainUrl: `rtsp://127.0.0.1:${gst.port}/test`, username: 'admin', password: 's3cret' })).id;
    host = startMediaHost({ pipeline: media, cameras: t.services.cameraMedia, log: t.app.log, node: 'live-test', record: false, syncMs: 200 });
    await host.sync();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await host.stop();
    await t.close();
    gst.stop();
  });

  test('an operator subscribes to a camera and gets init, then a keyframe first', async () => {
    const op = await t.signIn({ role: 'operator' });
    const { ws, got, opened } = await connect(base, op);
    assert.equal(opened, true);
    const t0 = Date.now();
    ws.send(JSON.stringify({ type: 'subscribe', channel: 7, cameraId: internalCam, stream: 'main' }));
    await until(() => got.binaries.filter((b) => b.kind !== LIVE_KIND.init).length >= 10);
    const init = got.texts.find((m) => m.type === 'init');
    assert.ok(init && init.type === 'init' && init.channel === 7 && /avc1/.test(init.mime));
    assert.equal(got.binaries[0]!.kind, LIVE_KIND.init);
    assert.equal(got.binaries[1]!.kind, LIVE_KIND.keyFragment, 'video starts on a keyframe');
    assert.ok(got.binaries.every((b) => b.channel === 7));
    console.log(`live time to first keyframe: ${got.binaries[1]!.at - t0} ms`);
    ws.send(JSON.stringify({ type: 'unsubscribe', channel: 7 }));
    ws.close();
    const audit = await t.db.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', 'camera.live_view').where('target_id', '=', internalCam).execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_id, op.userId);
    const row = await t.db.selectFrom('cameras').select(['status', 'last_frame_at']).where('id', '=', internalCam).executeTakeFirstOrThrow();
    assert.equal(row.status, 'online', 'health is written back to the registry');
  });

  test('a role that may not see a camera gets not_found on its channel, other channels work', async () => {
    const pim = await t.signIn({ role: 'pimpinan' });
    const { ws, got } = await connect(base, pim);
    ws.send(JSON.stringify({ type: 'subscribe', channel: 1, cameraId: internalCam, stream: 'sub' }));
    ws.send(JSON.stringify({ type: 'subscribe', channel: 2, cameraId: publicCam, stream: 'sub' }));
    await until(() => got.texts.some((m) => m.type === 'error') && got.binaries.some((b) => b.channel === 2 && b.kind === LIVE_KIND.keyFragment));
    const err = got.texts.find((m) => m.type === 'error');
    assert.ok(err && err.type === 'error' && err.channel === 1 && err.code === 'not_found');
    assert.ok(!got.binaries.some((b) => b.channel === 1), 'nothing of the hidden camera is sent');
    assert.ok(!got.texts.some((m) => m.type === 'camera-status' && m.cameraId === internalCam), 'nor its status');
    ws.send('{"type":"subscribe","channel":0}');
    ws.send('not json');
    await until(() => got.texts.filter((m) => m.type === 'error' && m.code === 'bad_message').length === 2);
    ws.close();
  });

  test('no session or another origin: the socket is closed', async () => {
    const anon = await connect(base, null);
    await until(() => anon.got.closed !== null);
    assert.equal(anon.got.closed!.code, 4401);
    const op = await t.signIn({ role: 'operator' });
    const evil = await connect(base, op, 'http://evil.example');
    await until(() => evil.got.closed !== null);
    assert.equal(evil.got.closed!.code, 4403);
  });

  test('a camera disabled in the registry is detached by the media host', async () => {
    const admin = await t.signIn({ role: 'admin' });
    const res = await t.as(admin)({ method: 'PATCH', url: `/api/cameras/${publicCam}`, payload: { enabled: false } });
    assert.equal(res.statusCode, 200);
    await host.sync();
    assert.ok(!media.attachedIds().includes(publicCam));
    assert.ok(media.attachedIds().includes(internalCam));
  });
});
