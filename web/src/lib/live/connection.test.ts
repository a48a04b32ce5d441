import { afterEach, beforeEach, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { LIVE_KIND } from '@pantau/shared';
import { LiveConnection, type ChannelListener, type SocketHandlers } from './connection.ts';
import { backoffDelay, parseMediaFrame } from './protocol.ts';

const CAM = '00000000-0000-4000-8000-000000000001';

/** A socket the test drives: records what the client sent and lets the test play the server. */
class FakeSocket {
  sent: Record<string, unknown>[] = [];
  closed: number | null = null;
  constructor(readonly h: SocketHandlers) {}
  send(text: string) {
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }
  close(code?: number) {
    this.closed = code ?? 1000;
  }
  server(m: unknown) {
    this.h.text(JSON.stringify(m));
  }
  media(kind: number, channel: number, bytes: number[]) {
    const b = new Uint8Array([kind, channel >> 8, channel & 0xff, ...bytes]);
    this.h.binary(b.buffer);
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  let unauth = 0;
  const conn = new LiveConnection({
    url: () => 'ws://test/api/live',
    socket: (_url, h) => {
      const s = new FakeSocket(h);
      sockets.push(s);
      return s;
    },
    onUnauthenticated: () => unauth++,
  });
  return { conn, sockets, last: () => sockets[sockets.length - 1]!, unauth: () => unauth };
}

function recorder() {
  const events: string[] = [];
  const listener: ChannelListener = {
    init: (mime) => events.push(`init ${mime}`),
    media: (kind, data) => events.push(`${kind} ${[...data].join(',')}`),
    ended: (r) => events.push(`ended ${r}`),
    error: (c) => events.push(`error ${c}`),
    interrupted: () => events.push('interrupted'),
  };
  return { events, listener };
}

beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'] }));
afterEach(() => mock.timers.reset());

test('the socket opens only when someone needs it, and subscribes once open', () => {
  const { conn, sockets, last } = setup();
  assert.equal(sockets.length, 0);
  const r = recorder();
  conn.subscribe({ cameraId: CAM, stream: 'sub' }, r.listener);
  assert.equal(sockets.length, 1);
  assert.equal(conn.getState(), 'connecting');
  last().h.open();
  assert.deepEqual(last().sent, [{ type: 'subscribe', channel: 1, cameraId: CAM, stream: 'sub' }]);
});

test('messages and media frames are routed by channel; unknown channels are dropped', () => {
  const { conn, last } = setup();
  const a = recorder();
  const b = recorder();
  conn.subscribe({ cameraId: CAM, stream: 'sub' }, a.listener);
  conn.subscribe({ cameraId: CAM, stream: 'main' }, b.listener);
  last().h.open();
  last().server({ type: 'init', channel: 2, mime: 'video/mp4; codecs="avc1.640028"' });
  last().media(LIVE_KIND.init, 2, [1, 2]);
  last().media(LIVE_KIND.keyFragment, 1, [9]);
  last().media(LIVE_KIND.fragment, 77, [5]);
  last().server({ type: 'error', channel: 1, code: 'not_found', message: 'x' });
  last().server({ type: 'ended', channel: 2, reason: 'closed' });
  assert.deepEqual(a.events, ['key 9', 'error not_found']);
  assert.deepEqual(b.events, ['init video/mp4; codecs="avc1.640028"', 'init 1,2', 'ended closed']);
});

test('a dropped socket reconnects with backoff 1, 2, 5, 10 s and resubscribes every channel', () => {
  const { conn, sockets, last } = setup();
  const r = recorder();
  conn.subscribe({ cameraId: CAM, stream: 'sub' }, r.listener);
  last().h.open();
  last().h.close(1006);
  assert.deepEqual(r.events, ['interrupted']);
  assert.equal(conn.getState(), 'reconnecting');
  mock.timers.tick(999);
  assert.equal(sockets.length, 1);
  mock.timers.tick(1);
  assert.equal(sockets.length, 2);
  last().h.close(1006);
  mock.timers.tick(2000);
  assert.equal(sockets.length, 3);
  last().h.close(1006);
  mock.timers.tick(5000);
  assert.equal(sockets.length, 4);
  last().h.open();
  assert.equal(conn.getState(), 'open');
  assert.deepEqual(last().sent, [{ type: 'subscribe', channel: 1, cameraId: CAM, stream: 'sub' }]);
  assert.deepEqual([0, 1, 2, 3, 9].map(backoffDelay), [1000, 2000, 5000, 10_000, 10_000]);
});

test('4401 means signed out: no reconnect, the session handler runs', () => {
  const { conn, sockets, last, unauth } = setup();
  conn.subscribe({ cameraId: CAM, stream: 'sub' }, recorder().listener);
  last().h.close(4401);
  mock.timers.tick(60_000);
  assert.equal(sockets.length, 1);
  assert.equal(unauth(), 1);
  assert.equal(conn.getState(), 'signed-out');
});

test('pings every 20 s; a silent socket is abandoned and replaced', () => {
  const { conn, sockets, last } = setup();
  const release = conn.retain();
  last().h.open();
  mock.timers.tick(20_000);
  assert.deepEqual(last().sent, [{ type: 'ping' }]);
  last().server({ type: 'pong' });
  mock.timers.tick(40_000);
  assert.equal(sockets.length, 1, 'a pong keeps it alive');
  mock.timers.tick(20_000);
  assert.equal(sockets[0]!.closed, 4000, 'no message for 60 s: closed');
  mock.timers.tick(1000);
  assert.equal(sockets.length, 2);
  release();
});

test('unsubscribing tells the server; the last user leaving closes the socket after a moment', () => {
  const { conn, last } = setup();
  const off = conn.subscribe({ cameraId: CAM, stream: 'sub' }, recorder().listener);
  last().h.open();
  off();
  assert.deepEqual(last().sent.at(-1), { type: 'unsubscribe', channel: 1 });
  mock.timers.tick(4000);
  assert.equal(last().closed, null);
  const again = conn.subscribe({ cameraId: CAM, stream: 'main' }, recorder().listener);
  mock.timers.tick(10_000);
  assert.equal(last().closed, null, 'new interest cancels the close');
  assert.deepEqual(last().sent.at(-1), { type: 'subscribe', channel: 2, cameraId: CAM, stream: 'main' });
  again();
  mock.timers.tick(5000);
  assert.equal(last().closed, 1000);
  assert.equal(conn.getState(), 'idle');
});

test('status pushes reach status listeners; malformed text is ignored', () => {
  const { conn, last } = setup();
  const got: string[] = [];
  conn.onStatus((s) => got.push(`${s.cameraId} ${s.status}`));
  const release = conn.retain();
  last().h.open();
  last().server({ type: 'camera-status', cameraId: CAM, status: 'offline', reason: 'timeout', fps: null, bitrateKbps: null, lastFrameAt: null });
  last().h.text('not json');
  last().server({ type: 'camera-status', cameraId: 'nope' });
  assert.deepEqual(got, [`${CAM} offline`]);
  release();
});

test('binary frames: kind, big-endian channel, payload', () => {
  const f = parseMediaFrame(new Uint8Array([2, 0x01, 0x02, 7, 8]).buffer);
  assert.deepEqual(f && { kind: f.kind, channel: f.channel, data: [...f.data] }, { kind: 'key', channel: 258, data: [7, 8] });
  assert.equal(parseMediaFrame(new Uint8Array([9, 0, 1]).buffer), null);
  assert.equal(parseMediaFrame(new Uint8Array([1, 0]).buffer), null);
});
