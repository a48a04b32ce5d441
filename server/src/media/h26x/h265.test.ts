import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createH265Depacketizer } from './h265.ts';
import { buildH265Config, h265CodecString, parseH265Sps } from './hvcc.ts';
import type { AccessUnit, DepacketizerEvent, RtpPayloadPacket } from './access-unit.ts';
import { fixtureNalus, groupAccessUnits, h265TestCodec as codec, packetize } from '../testing/packetizer.ts';

const nalus = fixtureNalus('h265-320x240-25fps.h265');
const aus = groupAccessUnits(codec, nalus);
const type = (n: Uint8Array): number => ((n[0] as number) >> 1) & 0x3f;
const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));

function run(packets: readonly RtpPayloadPacket[], initial = {}, limits = {}): { units: AccessUnit[]; events: DepacketizerEvent[] } {
  const d = createH265Depacketizer(initial, limits);
  const events = packets.flatMap((p) => d.push(p));
  return { units: events.flatMap((e) => (e.kind === 'access-unit' ? [e.unit] : [])), events };
}

function assertSame(actual: readonly AccessUnit[], expected: readonly (readonly Uint8Array[])[]): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((u, i) => assert.deepEqual(u.nalus.map((n) => Buffer.from(n).toString('hex')), expected[i]?.map((n) => Buffer.from(n).toString('hex')), `access unit ${i}`));
}

describe('H.265 depacketizer round trip (RFC 7798)', () => {
  test('fixture shape: 50 pictures, VPS SPS PPS SEI IDR first', () => {
    assert.equal(aus.length, 50);
    assert.deepEqual(aus[0]?.map(type), [32, 33, 34, 39, 20]);
  });

  for (const aggregate of [true, false]) {
    test(`AP ${aggregate ? 'and' : 'off,'} FU at MTU 1400 reproduce the access units`, () => {
      const packets = packetize(codec, aus, { aggregate, mtu: 1400, firstSequence: 65530 });
      assert.ok(packets.some((p) => type(p.payload) === 49), 'FU used');
      if (aggregate) assert.ok(packets.some((p) => type(p.payload) === 48), 'AP used');
      const { units, events } = run(packets);
      assert.equal(events.length, 50);
      assertSame(units, aus);
      assert.deepEqual(units.flatMap((u, i) => (u.isKey ? [i] : [])), [0, 25]);
      assert.equal(units[0]?.parameterSets.length, 3);
    });
  }

  test('small MTU: every picture fragmented', () => {
    const { units } = run(packetize(codec, aus, { mtu: 200 }));
    assertSame(units, aus);
  });

  test('VPS/SPS/PPS only in SDP are inserted before each IRAP picture', () => {
    const [vps, sps, pps] = aus[0] as Uint8Array[];
    const stripped = aus.map((au) => au.filter((n) => type(n) < 32 || type(n) > 34));
    const { units } = run(packetize(codec, stripped), { vps, sps, pps });
    assertSame(units, aus);
  });

  test('parameter sets repeated before every picture are dropped from non-key pictures', () => {
    const [vps, sps, pps] = aus[0] as Uint8Array[];
    const noisy = aus.map((au) => (au.some((n) => type(n) === 32) ? au : [vps as Uint8Array, sps as Uint8Array, pps as Uint8Array, ...au]));
    const { units } = run(packetize(codec, noisy));
    assertSame(units, aus);
  });

  test('a lost FU fragment drops the picture', () => {
    const packets = packetize(codec, aus, { mtu: 300 });
    const victim = packets.findIndex((p, i) => i > 30 && type(p.payload) === 49 && ((p.payload[2] as number) & 0xc0) === 0);
    const { units, events } = run(packets.filter((_, i) => i !== victim));
    assert.equal(units.length, 49);
    assert.equal(events.find((e) => e.kind === 'dropped')?.kind, 'dropped');
  });

  const p = (bytes: number[], marker = true): RtpPayloadPacket => ({ sequenceNumber: 1, timestamp: 0, marker, payload: Uint8Array.from(bytes) });
  const table = [
    { name: 'PACI', packet: p([50 << 1, 1, 0, 0]), code: 'unsupported-packet-type' },
    { name: 'AP with size past the end', packet: p([48 << 1, 1, 0, 9, 2, 1]), code: 'malformed-packet' },
    { name: 'AP with a 1-byte unit', packet: p([48 << 1, 1, 0, 1, 2]), code: 'malformed-packet' },
    { name: 'FU too short', packet: p([49 << 1, 1, 0x93]), code: 'malformed-packet' },
    { name: 'FU middle without start', packet: p([49 << 1, 1, 0x13, 5]), code: 'fragment-without-start' },
    { name: 'FU start without end before marker', packet: p([49 << 1, 1, 0x93, 5]), code: 'fragment-incomplete' },
  ];
  for (const c of table) {
    test(c.name, () => {
      const { units, events } = run([c.packet]);
      assert.equal(units.length, 0);
      assert.deepEqual(events, [{ kind: 'dropped', code: c.code, timestamp: 0 }]);
    });
  }

  test('fuzz: random and mutated packets never throw, memory capped', () => {
    const packets = packetize(codec, aus.slice(0, 4), { mtu: 500 });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(
          fc.record({ sequenceNumber: fc.integer({ min: 0, max: 65535 }), timestamp: fc.integer({ min: 0, max: 3 }), marker: fc.boolean(), payload: fc.uint8Array({ maxLength: 600 }) }),
          fc.tuple(fc.nat(packets.length - 1), fc.nat(600), fc.nat(255)).map(([i, at, v]) => {
            const pk = packets[i] as RtpPayloadPacket;
            return { ...pk, payload: Uint8Array.from(pk.payload, (b, k) => (k === at % pk.payload.length ? v : b)) };
          }),
        ), { maxLength: 50 }),
        (list) => {
          const d = createH265Depacketizer({}, { maxAccessUnitBytes: 10000 });
          for (const pk of list) {
            d.push(pk);
            assert.ok(d.bufferedBytes <= 10000);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('H.265 SPS and hvcC', () => {
  const table = [
    { name: 'fixture 320x240 Main', sps: nalus.find((n) => type(n) === 33) as Uint8Array, width: 320, height: 240, profile: 1, level: 60, depth: 8, codec: 'hev1.1.6.L60.90' },
    { name: '642x362 Main (conformance window)', sps: hex('42010101600000030090000003000003003fa005120171c9265959a4932bc05a020000030002000003003c10'), width: 642, height: 362, profile: 1, level: 63, depth: 8, codec: 'hev1.1.6.L63.90' },
    { name: '1920x1080 Main 10', sps: hex('420101022000000300900000030000030078a003c08010e4d96566924caf016808000003000800000300f040'), width: 1920, height: 1080, profile: 2, level: 120, depth: 10, codec: 'hev1.2.4.L120.90' },
  ];
  for (const c of table) {
    test(c.name, () => {
      const r = parseH265Sps(c.sps);
      assert.ok(r.ok, JSON.stringify(r));
      assert.deepEqual([r.sps.width, r.sps.height, r.sps.profileIdc, r.sps.levelIdc, r.sps.bitDepthLuma], [c.width, c.height, c.profile, c.level, c.depth]);
      assert.equal(h265CodecString('hev1', r.sps), c.codec);
    });
  }

  test('errors: not an SPS, truncated', () => {
    assert.deepEqual(parseH265Sps(nalus[0] as Uint8Array), { ok: false, error: 'not-sps' });
    const sps = nalus.find((n) => type(n) === 33) as Uint8Array;
    assert.deepEqual(parseH265Sps(sps.subarray(0, 16)), { ok: false, error: 'truncated' });
  });

  test('hvcC layout: profile byte, arrays VPS/SPS/PPS, completeness for hvc1', () => {
    const [vps, sps, pps] = aus[0] as [Uint8Array, Uint8Array, Uint8Array];
    const r = buildH265Config(vps, sps, pps, 'hvc1');
    assert.ok(r.ok);
    const h = r.config.hvcC;
    assert.equal(h[0], 1);
    assert.equal(h[1], 0x01); // space 0, tier 0, profile 1
    assert.equal(h[12], 60);
    assert.equal(h[21]! & 3, 3, 'four-byte lengths');
    assert.equal(h[22], 3);
    assert.deepEqual([h[23], (h[24]! << 8) | h[25]!, (h[26]! << 8) | h[27]!], [0x80 | 32, 1, vps.length]);
    assert.equal(h.length, 23 + 15 + vps.length + sps.length + pps.length);
    assert.equal(r.config.codec, 'hvc1.1.6.L60.90');
  });

  test('fuzz: mutated SPS never throws', () => {
    const sps = nalus.find((n) => type(n) === 33) as Uint8Array;
    fc.assert(fc.property(fc.nat(sps.length - 1), fc.nat(255), (i, v) => {
      const m = sps.slice();
      m[i] = v;
      const r = parseH265Sps(m);
      if (r.ok) assert.ok(r.sps.width > 0 && r.sps.height > 0);
    }), { numRuns: 1000 });
  });
});
