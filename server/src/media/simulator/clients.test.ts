// The simulator against Pantau's own RtspClient: 20 cameras at once with every frame accounted
// for, UDP, and each fault kind as a client sees it. Plus a client that stops reading.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import type { AccessUnit } from '../h26x/access-unit.ts';
import { RtspClient } from '../rtsp/client.ts';
import { RtspStreamParser, getHeader } from '../rtsp/message.ts';
import type { PlayingTrack, SessionFailure } from '../rtsp/session.ts';
import { startSimulator, type Simulator } from './server.ts';

const type = (n: Uint8Array): number => (n[0] as number) & 0x1f;
let sim: Simulator;
const clients = new Set<RtspClient>();
const sockets = new Set<Socket>();

before(async () => {
  sim = await startSimulator({ port: 0, cameras: 24, faults: { 'cam-024': ['auth=basic'] }, maxQueueBytes: 256 * 1024 });
});
after(async () => {
  for (const c of clients) c.stop();
  for (const s of sockets) s.destroy();
  await sim?.stop();
});

interface Pull {
  units: AccessUnit[];
  failures: SessionFailure[];
  dropped: string[];
  track: PlayingTrack | null;
  stop(): void;
}

/** Starts a client; it records what arrives until stopped. */
function pull(url: string, transport: 'tcp' | 'udp' = 'tcp', deadAfterMs = 20000): Pull {
  const p: Pull = { units: [], failures: [], dropped: [], track: null, stop: () => undefined };
  const client = new RtspClient({
    url, transport, tickMs: 100, deadAfterMs, backoffMs: [60000],
    onAccessUnit: (u) => void p.units.push(u),
    onPlaying: (t) => void (p.track = t),
    onFailure: (reason) => void p.failures.push(reason),
    onDropped: (code) => void p.dropped.push(code),
  });
  clients.add(client);
  p.stop = () => {
    client.stop();
    clients.delete(client);
  };
  client.start();
  return p;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond() && Date.now() < end) await sleep(20);
}

describe('simulator with Pantau RtspClient', () => {
  test('20 cameras over TCP at once: every frame sent is received, in order, none lost', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `cam-${String(i + 1).padStart(3, '0')}`);
    const pulls = names.map((n) => pull(sim.url(n)));
    await sleep(3000);
    const sentAtCut = sim.stats().cameras;
    // everything written before the cut reaches the clients soon after (a lost frame never does)
    await until(() => names.every((n, i) => (pulls[i] as Pull).units.length >= (sentAtCut[n]?.main.framesSent ?? 0)), 3000);
    const sentNow = sim.stats().cameras;
    const received = pulls.map((p) => p.units.length);
    pulls.forEach((p) => p.stop());
    names.forEach((n, i) => {
      const p = pulls[i] as Pull;
      const before = sentAtCut[n]?.main.framesSent ?? -1;
      const now = sentNow[n]?.main.framesSent ?? -1;
      assert.deepEqual(p.failures, [], n);
      assert.deepEqual(p.dropped, [], n);
      // real-time pace is the player tests' business; here: every camera streamed (a loaded machine connects late)
      assert.ok(before >= 25, `${n} sent ${before} in 3 s`);
      assert.ok((received[i] as number) >= before && (received[i] as number) <= now, `${n}: received ${received[i]}, sent ${before}…${now}`);
      assert.equal(sentNow[n]?.main.framesDropped, 0);
      assert.ok(p.units[0]?.isKey, 'starts on a keyframe');
      assert.ok(p.units.every((u) => u.packetsLostBefore === 0));
      for (let k = 1; k < p.units.length; k++) assert.equal(((p.units[k]?.timestamp ?? 0) - (p.units[k - 1]?.timestamp ?? 0)) >>> 0, 3600);
    });
    // the cameras do not all show the same picture: their latest frames differ
    const lasts = new Set(pulls.map((p) => Buffer.from(p.units[p.units.length - 1]?.nalus.at(-1) ?? []).toString('base64').slice(0, 200)));
    assert.ok(lasts.size >= 10, `distinct pictures: ${lasts.size}`);
  });

  test('UDP: frames arrive in order', async () => {
    const p = pull(sim.url('cam-021', 'sub'), 'udp');
    await until(() => p.units.length >= 40, 5000);
    p.stop();
    assert.deepEqual(p.failures, []);
    assert.ok(p.units.length >= 40);
    assert.equal(p.track?.transport.protocol, 'udp');
    for (let k = 1; k < p.units.length; k++) assert.equal(((p.units[k]?.timestamp ?? 0) - (p.units[k - 1]?.timestamp ?? 0)) >>> 0, 3600);
  });

  test('faults, each as a client sees it', async (t) => {
    const stall = pull(sim.url('cam-001', 'sub', 'fault=stall=0.5'), 'tcp', 700);
    const disconnect = pull(sim.url('cam-002', 'sub', 'fault=disconnect=1'));
    const noCreds = pull(sim.url('cam-024'));
    const creds = pull(sim.url('cam-024').replace('rtsp://', 'rtsp://admin:pantau@'));
    const digest = pull(sim.url('cam-003', 'sub', 'fault=auth').replace('rtsp://', 'rtsp://admin:pantau@'));
    const garbage = pull(sim.url('cam-004', 'sub', 'fault=garbage=0.5'));
    const noSps = pull(sim.url('cam-005', 'sub', 'fault=no-sps'));
    const sdpOnly = pull(sim.url('cam-006', 'sub', 'fault=sps-sdp-only'));
    const inbandOnly = pull(sim.url('cam-007', 'sub', 'fault=sps-inband-only'));
    const sliced = pull(sim.url('cam-008', 'sub', 'fault=multi-slice'));
    const flood = pull(sim.url('cam-009', 'sub', 'fault=flood=10'));
    const unknown = pull(sim.url('nobody'));
    const clean = pull(sim.url('cam-010', 'sub'));
    await sleep(2600);
    for (const p of [stall, disconnect, noCreds, creds, digest, garbage, noSps, sdpOnly, inbandOnly, sliced, flood, unknown, clean]) p.stop();

    await t.test('stall: frames, then no-media while the connection stays up', () => {
      // up to a GOP of catch-up burst plus 0.5 s of real time
      assert.ok(stall.units.length >= 10 && stall.units.length <= 70, String(stall.units.length));
      assert.deepEqual(stall.failures, ['no-media']);
    });
    await t.test('disconnect: closed after about a second', () => {
      assert.deepEqual(disconnect.failures, ['closed']);
      // 1 s of real time plus up to a GOP of catch-up burst
      assert.ok(disconnect.units.length >= 20 && disconnect.units.length <= 80, String(disconnect.units.length));
    });
    await t.test('auth: unauthorized without credentials; frames with them (Basic and Digest)', () => {
      assert.deepEqual(noCreds.failures, ['unauthorized']);
      assert.equal(noCreds.units.length, 0);
      assert.deepEqual(creds.failures, []);
      assert.ok(creds.units.length >= 50);
      assert.deepEqual(digest.failures, []);
      assert.ok(digest.units.length >= 50);
    });
    await t.test('garbage: the client skips junk and bad payloads and keeps playing', () => {
      assert.deepEqual(garbage.failures, []);
      assert.ok(garbage.units.length >= 30, String(garbage.units.length));
      assert.ok(garbage.dropped.length > 0, `dropped ${garbage.dropped.length}`);
    });
    await t.test('no-sps: no sprop-parameter-sets, P-frames first, parameter sets from the first IDR', () => {
      assert.equal(noSps.track?.media.fmtp.has('sprop-parameter-sets'), false);
      assert.equal(noSps.units[0]?.isKey, false);
      assert.equal(noSps.units[0]?.parameterSets.length, 0);
      const key = noSps.units.findIndex((u) => u.isKey);
      assert.ok(key > 0);
      assert.deepEqual(noSps.units[key]?.nalus.slice(0, 2).map(type), [7, 8]);
      assert.equal(noSps.units[key]?.parameterSets.length, 2);
    });
    await t.test('sps-sdp-only: parameter sets known from SDP before any in-band copy', () => {
      assert.ok(sdpOnly.track?.media.fmtp.has('sprop-parameter-sets'));
      assert.equal(sdpOnly.units[0]?.parameterSets.length, 2);
    });
    await t.test('sps-inband-only: no sprop-parameter-sets; keyframes carry SPS and PPS', () => {
      assert.equal(inbandOnly.track?.media.fmtp.has('sprop-parameter-sets'), false);
      assert.ok(inbandOnly.units[0]?.isKey);
      assert.deepEqual(inbandOnly.units[0]?.nalus.slice(0, 2).map(type), [7, 8]);
    });
    await t.test('multi-slice: four slices per picture', () => {
      assert.ok(sliced.units.length >= 50);
      for (const u of sliced.units) assert.equal(u.nalus.filter((n) => type(n) === 1 || type(n) === 5).length, 4);
    });
    await t.test('flood: far more frames than real time', () => {
      assert.ok(flood.units.length > 3 * clean.units.length, `${flood.units.length} vs ${clean.units.length}`);
    });
    await t.test('an unknown camera fails with bad-status (404)', () => {
      assert.deepEqual(unknown.failures, ['bad-status']);
    });
  });

  test('a client that stops reading never grows the server’s memory: frames are dropped instead', async () => {
    const url = sim.url('cam-022', 'main', 'fault=flood=200');
    const socket = connect({ host: sim.host, port: sim.port });
    sockets.add(socket);
    const parser = new RtspStreamParser();
    const responses: { status: number; session?: string }[] = [];
    socket.on('data', (d: Buffer) => {
      for (const e of parser.push(d)) if (e.kind === 'response') responses.push({ status: e.status, session: getHeader(e.headers, 'Session')?.split(';')[0] });
    });
    socket.write(`SETUP ${url}/trackID=0 RTSP/1.0\r\nCSeq: 1\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n`);
    await until(() => responses.length === 1, 2000);
    assert.equal(responses[0]?.status, 200);
    socket.write(`PLAY ${url} RTSP/1.0\r\nCSeq: 2\r\nSession: ${responses[0]?.session}\r\n\r\n`);
    await until(() => responses.length === 2, 2000);
    assert.equal(responses[1]?.status, 200);
    socket.pause(); // from now on nothing is read
    await sleep(2500);
    const s = sim.stats().cameras['cam-022']?.main;
    assert.ok(s && s.framesDropped > 100, `dropped ${s?.framesDropped}`);
    // 2.5 s at 200x is ~60 MB of video; what went out is bounded by the socket buffers plus the queue
    assert.ok(s.bytesSent < 24 * 1024 * 1024, `sent ${s.bytesSent}`);
    socket.destroy();
  });
});
