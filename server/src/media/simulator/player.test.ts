// The timer wheel and the player on a fake clock and fake sinks: pacing, continuity across loops,
// bounded backlog, and the media faults (stall, flood, garbage, disconnect).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRtp } from '../rtp/packet.ts';
import { DEFAULT_FIXTURES } from './catalog.ts';
import { NO_FAULTS, type FaultSet } from './faults.ts';
import { loadFixture } from './fixture.ts';
import { prepareStream, type FrameTemplate } from './packetizer.ts';
import { emptyStats, Player, startPosition, type MediaSink } from './player.ts';
import { TimerWheel, type WheelTask } from './scheduler.ts';

const stream = prepareStream(loadFixture(DEFAULT_FIXTURES.sub), 'both');

describe('timer wheel', () => {
  test('runs tasks at their due slot, reschedules, and handles dues beyond one turn', () => {
    const wheel = new TimerWheel({ slotMs: 5, slots: 16, autoStart: false, now: () => 0 });
    const runs: [string, number][] = [];
    const task = (name: string, period: number, times: number): WheelTask => {
      let left = times;
      return { run: (now) => (runs.push([name, now]), --left > 0 ? now + period : null) };
    };
    wheel.schedule(task('a', 40, 3), 40);
    wheel.schedule(task('far', 0, 1), 500); // 100 slots ahead on a 16-slot wheel
    for (let t = 0; t <= 600; t += 5) wheel.tick(t);
    assert.deepEqual(runs, [['a', 40], ['a', 80], ['a', 120], ['far', 500]]);
    assert.equal(wheel.size, 0);
  });

  test('cancel removes a task; a task due now during a tick runs on the next tick, not twice', () => {
    const wheel = new TimerWheel({ slotMs: 5, slots: 8, autoStart: false, now: () => 0 });
    let a = 0;
    let b = 0;
    const ta: WheelTask = { run: (now) => (a++, now) }; // always due again at once
    const tb: WheelTask = { run: () => (b++, null) };
    wheel.schedule(ta, 0);
    wheel.schedule(tb, 10);
    wheel.cancel(tb);
    wheel.tick(0);
    wheel.tick(5);
    wheel.tick(10);
    assert.equal(a, 3);
    assert.equal(b, 0);
    wheel.clear();
    assert.equal(wheel.size, 0);
  });

  test('after a long pause every bucket is visited once', () => {
    const wheel = new TimerWheel({ slotMs: 5, slots: 8, autoStart: false, now: () => 0 });
    const ran: number[] = [];
    for (let i = 0; i < 8; i++) wheel.schedule({ run: () => (ran.push(i), null) }, i * 5);
    wheel.tick(10_000);
    assert.deepEqual(ran.sort((x, y) => x - y), [0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

interface Sent {
  seq: number;
  ts: number;
  marker: boolean;
  at: number;
}

/** A sink that records RTP packets (parsed from the interleaved layout) and has a settable backlog. */
function fakeSink(clock: { now: number }) {
  const sent: Sent[] = [];
  const frames: { key: boolean; at: number }[] = [];
  const junk: Uint8Array[] = [];
  let payloadErrors = 0;
  const state = { backlog: 0, closed: false };
  const sink: MediaSink = {
    backlog: () => state.backlog,
    sendFrame: (bytes: Uint8Array, t: FrameTemplate) => {
      frames.push({ key: t.isKey, at: clock.now });
      for (let k = 0; k < t.offsets.length; k++) {
        const o = t.offsets[k] as number;
        const len = ((bytes[o + 2] as number) << 8) | (bytes[o + 3] as number);
        const p = parseRtp(bytes.subarray(o + 4, o + 4 + len));
        assert.ok(p.ok);
        const orig = t.bytes.subarray(o + 16, o + 4 + len);
        if (Buffer.compare(Buffer.from(orig), Buffer.from(p.packet.payload)) !== 0) payloadErrors++;
        sent.push({ seq: p.packet.sequenceNumber, ts: p.packet.timestamp, marker: p.packet.marker, at: clock.now });
      }
      return bytes.length;
    },
    sendJunk: (b) => void junk.push(b),
    close: () => void (state.closed = true),
  };
  return { sink, sent, frames, junk, state, payloadErrors: () => payloadErrors };
}

function play(faults: Partial<FaultSet> = {}, start = { index: 0, behind: 0 }, maxQueueBytes = 1 << 20) {
  const clock = { now: 10_000 };
  const wheel = new TimerWheel({ slotMs: 5, autoStart: false, now: () => clock.now });
  const f = fakeSink(clock);
  const stats = emptyStats();
  let r = 0x2545f491;
  const player = new Player({
    stream, sink: f.sink, channel: 0, seq: 65000, rtptime: 4294900000, ssrc: 1, faults: { ...NO_FAULTS, ...faults }, start, now: clock.now, stats, maxQueueBytes,
    random: () => ((r = (Math.imul(r, 1664525) + 1013904223) >>> 0) / 2 ** 32),
  });
  wheel.schedule(player, player.firstDue);
  const advance = (ms: number): void => {
    const end = clock.now + ms;
    while (clock.now < end) {
      clock.now += 5;
      wheel.tick(clock.now);
    }
  };
  return { ...f, stats, advance, clock, wheel, player };
}

describe('player', () => {
  test('25 fps in real time; sequence numbers and timestamps continue across loops and wrap', () => {
    const p = play();
    p.advance(12_000); // 300 frames: more than the 250-frame fixture
    assert.ok(Math.abs(p.stats.framesSent - 300) <= 1, String(p.stats.framesSent));
    for (let i = 1; i < p.sent.length; i++) {
      const a = p.sent[i - 1] as Sent;
      const b = p.sent[i] as Sent;
      assert.equal(b.seq, (a.seq + 1) & 0xffff, `seq at ${i}`);
      assert.equal((b.ts - a.ts) >>> 0, a.marker ? 3600 : 0, `ts at ${i}`);
    }
    assert.equal(p.frames[250]?.key, true, 'the loop restarts on the first keyframe');
    assert.equal(p.stats.packetsSent, p.sent.length);
    assert.equal(p.payloadErrors(), 0);
  });

  test('a late start catches up in a burst, then runs in real time', () => {
    const p = play({}, { index: 0, behind: 30 });
    p.advance(100);
    assert.ok(p.stats.framesSent >= 30, `burst sent ${p.stats.framesSent}`);
    const after = p.stats.framesSent;
    p.advance(2000);
    assert.ok(Math.abs(p.stats.framesSent - after - 50) <= 2);
  });

  test('a slow client: frames are dropped while the backlog is high and sending resumes on a keyframe', () => {
    const p = play({}, { index: 0, behind: 0 }, 10_000);
    p.advance(400);
    const before = p.frames.length;
    p.state.backlog = 20_000;
    p.advance(1000);
    assert.equal(p.frames.length, before, 'nothing sent while backed up');
    assert.ok(p.stats.framesDropped >= 24);
    p.state.backlog = 0;
    p.advance(2500);
    assert.equal(p.frames[before]?.key, true, 'resumes on a keyframe');
    assert.ok(p.frames.length > before + 10);
  });

  test('stall: media stops after the set time and the player leaves the wheel', () => {
    const p = play({ stallAfterMs: 1000 });
    p.advance(3000);
    assert.ok(Math.abs(p.stats.framesSent - 25) <= 1, String(p.stats.framesSent));
    assert.equal(p.wheel.size, 0);
    assert.equal(p.state.closed, false);
  });

  test('disconnect: the connection is closed after the set time', () => {
    const p = play({ disconnectAfterMs: 800 });
    p.advance(700);
    assert.equal(p.state.closed, false);
    p.advance(200);
    assert.equal(p.state.closed, true);
    assert.equal(p.wheel.size, 0);
  });

  test('flood: ten times real time', () => {
    const p = play({ floodFactor: 10 });
    p.advance(1000);
    assert.ok(p.stats.framesSent >= 240, String(p.stats.framesSent));
  });

  test('garbage: junk bytes and corrupted payloads, never `$` or A–Z in the junk', () => {
    const p = play({ garbageRate: 0.5 });
    p.advance(4000);
    assert.ok(p.junk.length > 10);
    assert.ok(p.payloadErrors() > 10);
    for (const j of p.junk) assert.ok(!j.some((b) => b === 0x24 || (b >= 0x41 && b <= 0x5a)));
    const clean = play();
    clean.advance(4000);
    assert.equal(clean.junk.length + clean.payloadErrors(), 0);
  });

  test('start positions: the keyframe at or before the live position, or off any keyframe for late parameter sets', () => {
    assert.deepEqual(startPosition(stream, 0, false), { index: 0, behind: 0 });
    assert.deepEqual(startPosition(stream, 73, false), { index: 50, behind: 23 });
    assert.deepEqual(startPosition(stream, 250 + 120, false), { index: 100, behind: 20 });
    assert.deepEqual(startPosition(stream, 100, true), { index: 101, behind: 0 });
    assert.deepEqual(startPosition(stream, 77, true), { index: 77, behind: 0 });
  });
});
