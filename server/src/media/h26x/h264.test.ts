import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createH264Depacketizer } from './h264.ts';
import type { AccessUnit, DepacketizerEvent, RtpPayloadPacket } from './access-unit.ts';
import { fixtureNalus, groupAccessUnits, h264TestCodec as codec, packetize } from '../testing/packetizer.ts';

const single = groupAccessUnits(codec, fixtureNalus('h264-320x240-25fps.h264'));
const sliced = groupAccessUnits(codec, fixtureNalus('h264-320x240-25fps-4slices.h264'));
const large = groupAccessUnits(codec, fixtureNalus('h264-642x362-30fps.h264'));
const type = (n: Uint8Array): number => (n[0] as number) & 0x1f;

function run(packets: readonly RtpPayloadPacket[], initial = {}, limits = {}): { units: AccessUnit[]; events: DepacketizerEvent[] } {
  const d = createH264Depacketizer(initial, limits);
  const events = packets.flatMap((p) => d.push(p));
  const units = events.flatMap((e) => (e.kind === 'access-unit' ? [e.unit] : []));
  return { units, events };
}

function assertSameUnits(actual: readonly AccessUnit[], expected: readonly (readonly Uint8Array[])[]): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((u, i) => {
    const exp = expected[i] as Uint8Array[];
    assert.equal(u.nalus.length, exp.length, `access unit ${i}: NAL count`);
    u.nalus.forEach((n, k) => assert.deepEqual(Buffer.from(n), Buffer.from(exp[k] as Uint8Array), `access unit ${i} NAL ${k}`));
  });
}

describe('fixtures are what the tests assume', () => {
  test('50 pictures, one and four slices, keyframes every 25', () => {
    assert.equal(single.length, 50);
    assert.equal(sliced.length, 50);
    assert.equal(sliced[3]?.filter((n) => type(n) === 1).length, 4);
    assert.deepEqual(single[0]?.map(type), [7, 8, 6, 5]);
    assert.ok(large.some((au) => au.some((n) => n.length > 1400)), 'some NAL units need FU-A');
  });
});

describe('H.264 depacketizer round trip (RFC 6184)', () => {
  const cases = [
    { name: 'single slice, STAP-A + FU-A', aus: single, aggregate: true },
    { name: 'single slice, single NAL + FU-A only', aus: single, aggregate: false },
    { name: 'four slices per picture stay one access unit', aus: sliced, aggregate: true },
    { name: '642x362 with large FU-A pictures', aus: large, aggregate: true },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const packets = packetize(codec, c.aus, { aggregate: c.aggregate, firstSequence: 65500 });
      const { units, events } = run(packets);
      assert.equal(events.filter((e) => e.kind === 'dropped').length, 0);
      assertSameUnits(units, c.aus);
      assert.deepEqual(units.map((u) => u.isKey).flatMap((k, i) => (k ? [i] : [])), c.aus === large ? [0] : [0, 25]);
      assert.equal(units[1]?.timestamp, 90000 + 3600);
      assert.equal(units[0]?.parameterSets.length, 2);
      assert.equal(units[0]?.parameterSetsChanged, true);
      assert.equal(units[1]?.parameterSetsChanged, false);
    });
  }

  test('SPS/PPS only in SDP: inserted before every IDR', () => {
    const stripped = single.map((au) => au.filter((n) => type(n) !== 7 && type(n) !== 8));
    const sps = single[0]?.[0] as Uint8Array;
    const pps = single[0]?.[1] as Uint8Array;
    const { units } = run(packetize(codec, stripped), { sps, pps });
    assertSameUnits(units, single);
    assert.equal(units[0]?.parameterSetsChanged, false, 'SDP sets count as already known');
  });

  test('gst-rtsp-server config-interval=-1: SPS/PPS repeated before every slice are dropped', () => {
    const [sps, pps] = sliced[0] as [Uint8Array, Uint8Array];
    const repeated = sliced.map((au) => au.flatMap((n) => (type(n) === 1 || type(n) === 5 ? [sps, pps, n] : [n])));
    const { units } = run(packetize(codec, repeated));
    assertSameUnits(units, sliced);
  });

  test('marked SPS and PPS sent alone are carried into the next picture', () => {
    const [sps, pps, ...rest] = single[0] as Uint8Array[];
    // each set alone in a packet with the marker bit and the IDR's timestamp
    const head = packetize(codec, [[sps as Uint8Array], [pps as Uint8Array]], { frameDuration: 0 });
    const fixed = [...head, ...packetize(codec, [rest, ...single.slice(1)], { firstSequence: 1002 })];
    const { units } = run(fixed);
    assert.deepEqual(units[0]?.nalus.map(type), [7, 8, 6, 5]);
    assert.equal(units.length, 50);
  });

  test('missing marker bits: pictures end on timestamp change', () => {
    const packets = packetize(codec, sliced).map((p) => ({ ...p, marker: false }));
    const { units } = run(packets);
    assertSameUnits(units, sliced.slice(0, 49)); // the last one waits for a next timestamp
  });

  test('a lost FU-A fragment drops that picture only, and the next one reports the loss', () => {
    const packets = packetize(codec, large);
    const victim = packets.findIndex((p, i) => i > 20 && (p.payload[0]! & 0x1f) === 28 && (p.payload[1]! & 0xc0) === 0);
    assert.ok(victim > 0);
    const lostTs = packets[victim]?.timestamp;
    const { units, events } = run(packets.filter((_, i) => i !== victim));
    assert.equal(units.length, large.length - 1);
    assert.ok(!units.some((u) => u.timestamp === lostTs));
    assert.deepEqual(events.find((e) => e.kind === 'dropped'), { kind: 'dropped', code: 'packet-loss', timestamp: lostTs });
    const after = units.find((u) => u.timestamp > (lostTs as number));
    assert.equal(after?.packetsLostBefore, 1);
  });

  test('a lost last slice (with the marker) drops the picture and not the next one', () => {
    const packets = packetize(codec, sliced);
    const victim = packets.findIndex((p, i) => i > 10 && p.marker);
    const { units } = run(packets.filter((_, i) => i !== victim));
    // the packet after the gap belongs to the next picture: it is dropped too (conservative)
    assert.equal(units.length, 48);
  });
});

describe('H.264 depacketizer: malformed and unsupported packets', () => {
  const p = (payload: number[], seq = 1, marker = true): RtpPayloadPacket => ({ sequenceNumber: seq, timestamp: 1, marker, payload: Uint8Array.from(payload) });
  const table: { name: string; packets: RtpPayloadPacket[]; code: string }[] = [
    { name: 'STAP-B', packets: [p([25, 0, 1, 2])], code: 'unsupported-packet-type' },
    { name: 'FU-B', packets: [p([29, 0x85, 1])], code: 'unsupported-packet-type' },
    { name: 'type 0', packets: [p([0, 1])], code: 'unsupported-packet-type' },
    { name: 'empty payload', packets: [p([])], code: 'empty-payload' },
    { name: 'STAP-A length past the end', packets: [p([24, 0, 9, 0x65, 1])], code: 'malformed-packet' },
    { name: 'STAP-A with zero-size unit', packets: [p([24, 0, 0])], code: 'malformed-packet' },
    { name: 'FU-A too short', packets: [p([28, 0x85])], code: 'malformed-packet' },
    { name: 'FU-A middle without start', packets: [p([28, 0x05, 1, 2], 1, false)], code: 'fragment-without-start' },
    { name: 'FU-A start then single NAL', packets: [p([28, 0x85, 1, 2], 1, false), p([0x65, 3], 2)], code: 'fragment-incomplete' },
    { name: 'FU-A start, marker, no end', packets: [p([28, 0x85, 1, 2], 1, true)], code: 'fragment-incomplete' },
  ];
  for (const c of table) {
    test(c.name, () => {
      const { units, events } = run(c.packets);
      assert.equal(units.length, 0);
      assert.equal(events.find((e) => e.kind === 'dropped')?.code, c.code);
    });
  }

  test('an access unit over the byte cap is dropped and memory stays bounded', () => {
    const d = createH264Depacketizer({}, { maxAccessUnitBytes: 5000 });
    const packets = packetize(codec, large.slice(0, 2));
    let peak = 0;
    const events = packets.flatMap((pk) => {
      const e = d.push(pk);
      peak = Math.max(peak, d.bufferedBytes);
      return e;
    });
    assert.ok(events.some((e) => e.kind === 'dropped' && e.code === 'access-unit-too-large'));
    assert.ok(peak <= 5000, `peak ${peak}`);
  });
});

describe('H.264 depacketizer fuzz', () => {
  const packets = packetize(codec, sliced.slice(0, 6));
  test('random packets never throw and stay within the cap', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ seq: fc.integer({ min: 0, max: 65535 }), ts: fc.integer({ min: 0, max: 5 }), marker: fc.boolean(), payload: fc.uint8Array({ maxLength: 1500 }) }), { maxLength: 60 }), (items) => {
        const d = createH264Depacketizer({}, { maxAccessUnitBytes: 20000 });
        for (const it of items) {
          const events = d.push({ sequenceNumber: it.seq, timestamp: it.ts, marker: it.marker, payload: it.payload });
          assert.ok(d.bufferedBytes <= 20000);
          for (const e of events) if (e.kind === 'access-unit') assert.ok(e.unit.nalus.every((n) => n.length > 0));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('mutated, dropped and reordered fixture packets never throw', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(packets.length - 1), fc.nat(1400), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'drop', 'swap', 'cut')), { maxLength: 20 }), (muts) => {
        const list: RtpPayloadPacket[] = packets.map((p) => ({ ...p, payload: p.payload.slice() }));
        for (const [i, off, val, op] of muts) {
          const pk = list[i % list.length];
          if (!pk) continue;
          if (op === 'flip' && pk.payload.length > 0) list[i % list.length] = { ...pk, payload: Uint8Array.from(pk.payload, (b, k) => (k === off % pk.payload.length ? val : b)) };
          if (op === 'cut') list[i % list.length] = { ...pk, payload: pk.payload.subarray(0, off % (pk.payload.length + 1)) };
          if (op === 'drop') list.splice(i % list.length, 1);
          if (op === 'swap' && list.length > 1) [list[0], list[i % list.length]] = [list[i % list.length] as RtpPayloadPacket, list[0] as RtpPayloadPacket];
        }
        const d = createH264Depacketizer();
        let units = 0;
        for (const pk of list) units += d.push(pk).filter((e) => e.kind === 'access-unit').length;
        assert.ok(units <= 6);
      }),
      { numRuns: 300 },
    );
  });
});
