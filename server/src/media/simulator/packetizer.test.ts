// Fixture parsing and RFC 6184 packetization, checked against Pantau's depacketizer and RTP parser.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createH264Depacketizer } from '../h26x/h264.ts';
import type { AccessUnit } from '../h26x/access-unit.ts';
import { parseRtp } from '../rtp/packet.ts';
import { DEFAULT_FIXTURES, SPEEDWAY_FIXTURE } from './catalog.ts';
import { loadFixture, parseFixture } from './fixture.ts';
import { buildTemplate, packetizeAccessUnit, prepareStream, stampFrame, type PreparedStream } from './packetizer.ts';

const type = (n: Uint8Array): number => (n[0] as number) & 0x1f;

function stapTypes(p: Uint8Array): number[] {
  const out: number[] = [];
  for (let o = 1; o + 2 < p.length; o += 2 + (((p[o] as number) << 8) | (p[o + 1] as number))) out.push((p[o + 2] as number) & 0x1f);
  return out;
}

/** Every packet of `frames` stamped in order, as parsed RTP packets. */
function packets(stream: PreparedStream, count: number, seq0 = 65530, ts0 = 2 ** 32 - 7200) {
  const out = [];
  let seq = seq0;
  for (let i = 0; i < count; i++) {
    const t = stream.frames[i % stream.frames.length];
    assert.ok(t);
    const buf = new Uint8Array(t.bytes.length);
    seq = stampFrame(t, buf, 4, seq, (ts0 + i * 3600) >>> 0, 0xcafebabe);
    for (let k = 0; k < t.offsets.length; k++) {
      const o = t.offsets[k] as number;
      assert.equal(buf[o], 0x24);
      assert.equal(buf[o + 1], 4);
      const len = ((buf[o + 2] as number) << 8) | (buf[o + 3] as number);
      const p = parseRtp(buf.subarray(o + 4, o + 4 + len));
      assert.ok(p.ok);
      out.push(p.packet);
    }
  }
  return out;
}

describe('fixtures', () => {
  test('the committed simulator fixtures parse with the expected size, rate and GOP', () => {
    const cases: [string, number, number, number, number][] = [
      [DEFAULT_FIXTURES.main, 640, 360, 250, 50],
      [DEFAULT_FIXTURES.sub, 320, 180, 250, 50],
      [DEFAULT_FIXTURES.multiSliceMain, 640, 360, 100, 50],
      [SPEEDWAY_FIXTURE, 352, 288, 200, 50],
    ];
    for (const [file, w, h, frames, gop] of cases) {
      const f = loadFixture(file);
      assert.equal(f.width, w, file);
      assert.equal(f.height, h, file);
      assert.equal(f.fps, 25, file);
      assert.equal(f.units.length, frames, file);
      assert.deepEqual(f.keyIndexes, Array.from({ length: Math.ceil(frames / gop) }, (_, i) => i * gop), file);
      assert.ok(readFileSync(file).length < 1024 * 1024, `${file} < 1 MB`);
      for (const k of f.keyIndexes) assert.deepEqual(f.units[k]?.nalus.slice(0, 2).map(type), [7, 8]);
    }
  });

  test('slices of one picture stay in one access unit', () => {
    const f = loadFixture(DEFAULT_FIXTURES.multiSliceMain);
    for (const u of f.units) assert.equal(u.nalus.filter((n) => type(n) === 1 || type(n) === 5).length, 4);
  });

  test('leading pictures before the first keyframe are skipped and SPS/PPS are put before every IDR', () => {
    const sc = [0, 0, 0, 1];
    const sps = [0x67, 0x42, 0xc0, 0x1e, 0xd9, 0x01, 0x40, 0x16, 0xe8, 0x40, 0x00, 0x00, 0x03, 0x00, 0x40, 0x00, 0x00, 0x0c, 0x83, 0xc5, 0x8b, 0x92];
    const bytes = Uint8Array.from([...sc, 0x41, 0x80, 1, ...sc, ...sps, ...sc, 0x68, 0xce, ...sc, 0x65, 0x80, 2, ...sc, 0x41, 0x80, 3, ...sc, 0x65, 0x80, 4]);
    const r = parseFixture(bytes, 'synthetic');
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.fixture.units.map((u) => u.nalus.map(type)), [[7, 8, 5], [1], [7, 8, 5]]);
    assert.deepEqual(r.fixture.keyIndexes, [0, 2]);
    assert.deepEqual(parseFixture(Uint8Array.from([...sc, 0x41, 0x80, 1]), 'x'), { ok: false, error: 'no-sps' });
    assert.deepEqual(parseFixture(new Uint8Array(10), 'x'), { ok: false, error: 'no-pictures' });
  });
});

describe('packetizer', () => {
  test('single NAL, STAP-A and FU-A payloads; none above the MTU', () => {
    const big = new Uint8Array(5000).fill(7);
    big[0] = 0x65;
    const p = packetizeAccessUnit([Uint8Array.of(0x67, 1, 2), Uint8Array.of(0x68, 3), big, Uint8Array.of(0x06, 9)], 1388);
    assert.equal(type(p[0] as Uint8Array), 24, 'SPS+PPS in one STAP-A');
    assert.deepEqual([...(p[0] as Uint8Array)], [0x78, 0, 3, 0x67, 1, 2, 0, 2, 0x68, 3]);
    const fus = p.slice(1, -1);
    assert.ok(fus.length >= 4);
    for (const f of fus) {
      assert.equal(type(f), 28);
      assert.ok(f.length <= 1388);
    }
    assert.equal(((fus[0] as Uint8Array)[1] as number) & 0xc0, 0x80, 'start bit');
    assert.equal(((fus[fus.length - 1] as Uint8Array)[1] as number) & 0xc0, 0x40, 'end bit');
    assert.equal(fus.reduce((s, f) => s + f.length - 2, 0), 4999);
    assert.deepEqual([...(p[p.length - 1] as Uint8Array)], [0x06, 9], 'a lone small NAL goes as a single NAL unit packet');
  });

  test('the marker bit is on the last packet of each frame only', () => {
    const t = buildTemplate([new Uint8Array(3000).fill(0x41)], false, 96, 1400);
    const marks = [...t.offsets].map((o) => ((t.bytes[o + 5] as number) & 0x80) !== 0);
    assert.deepEqual(marks, [false, false, true]);
    assert.ok([...t.offsets].every((o, k) => (k + 1 < t.offsets.length ? (t.offsets[k + 1] as number) - o : t.bytes.length - o) <= 1404));
  });

  test('round trip through the depacketizer: every picture, byte for byte, across the loop and sequence wrap', () => {
    for (const file of [DEFAULT_FIXTURES.main, DEFAULT_FIXTURES.multiSliceMain]) {
      const f = loadFixture(file);
      const stream = prepareStream(f, 'both');
      const count = f.units.length + 30;
      const rtp = packets(stream, count);
      assert.ok(rtp.every((p) => p.payload.length + 12 <= 1400 && p.payloadType === 96 && p.ssrc === 0xcafebabe));
      assert.ok(rtp.some((p) => type(p.payload) === 28) && rtp.some((p) => type(p.payload) === 24));
      const units: AccessUnit[] = [];
      const d = createH264Depacketizer();
      for (const p of rtp) for (const e of d.push(p)) if (e.kind === 'access-unit') units.push(e.unit);
      assert.equal(units.length, count, file);
      units.forEach((u, i) => {
        const src = f.units[i % f.units.length];
        assert.equal(u.timestamp, (2 ** 32 - 7200 + i * 3600) >>> 0);
        assert.equal(u.isKey, src?.isKey);
        assert.equal(u.packetsLostBefore, 0);
        assert.deepEqual(u.nalus.map((n) => Buffer.from(n).toString('hex')), src?.nalus.map((n) => Buffer.from(n).toString('hex')));
      });
    }
  });

  test('sdp-only strips SPS/PPS from the packets', () => {
    const f = loadFixture(DEFAULT_FIXTURES.sub);
    const d = createH264Depacketizer({ sps: f.sps, pps: f.pps });
    const units: AccessUnit[] = [];
    for (const p of packets(prepareStream(f, 'sdp-only'), 60)) for (const e of d.push(p)) if (e.kind === 'access-unit') units.push(e.unit);
    assert.equal(units.length, 60);
    // the depacketizer re-inserts parameter sets from SDP; the wire had none
    const wire = packets(prepareStream(f, 'sdp-only'), 60).flatMap((p) => (type(p.payload) === 24 ? stapTypes(p.payload) : [type(p.payload)]));
    assert.ok(!wire.includes(7) && !wire.includes(8));
    assert.equal(units.filter((u) => u.isKey).length, 2);
  });
});
