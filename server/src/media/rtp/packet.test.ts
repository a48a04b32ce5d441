import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseRtp, serializeRtp } from './packet.ts';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));

describe('parseRtp', () => {
  test('fixed header: marker, payload type, sequence, timestamp, ssrc', () => {
    const r = parseRtp(hex('80e0 fffe 80000001 deadbeef 6588'));
    assert.ok(r.ok);
    assert.equal(r.packet.marker, true);
    assert.equal(r.packet.payloadType, 96);
    assert.equal(r.packet.sequenceNumber, 0xfffe);
    assert.equal(r.packet.timestamp, 0x80000001);
    assert.equal(r.packet.ssrc, 0xdeadbeef);
    assert.deepEqual([...r.packet.payload], [0x65, 0x88]);
    assert.equal(r.packet.extension, null);
  });

  test('CSRC list, header extension and padding are skipped', () => {
    // V=2 P=1 X=1 CC=2; extension profile 0xbede, one word; 3 padding bytes
    const r = parseRtp(hex('b2 60 0001 00000010 00000002 0000000a 0000000b bede0001 11223344 4142 0000 03'));
    assert.ok(r.ok);
    assert.deepEqual(r.packet.csrc, [10, 11]);
    assert.deepEqual(r.packet.extension && [r.packet.extension.profile, ...r.packet.extension.data], [0xbede, 0x11, 0x22, 0x33, 0x44]);
    assert.deepEqual([...r.packet.payload], [0x41, 0x42]);
    assert.equal(r.packet.padding, true);
  });

  const errors = [
    { name: 'shorter than 12 bytes', bytes: '80600001000000', error: 'too-short' },
    { name: 'version 1', bytes: '40600001 00000000 00000000', error: 'bad-version' },
    { name: 'CSRC count past the end', bytes: '83600001 00000000 00000000 00000001', error: 'truncated-csrc' },
    { name: 'extension header past the end', bytes: '90600001 00000000 00000000 bede', error: 'truncated-extension' },
    { name: 'extension length past the end', bytes: '90600001 00000000 00000000 bede0002 00000000', error: 'truncated-extension' },
    { name: 'padding count zero', bytes: 'a0600001 00000000 00000000 4100', error: 'bad-padding' },
    { name: 'padding longer than payload', bytes: 'a0600001 00000000 00000000 41ff', error: 'bad-padding' },
  ];
  for (const c of errors) test(c.name, () => assert.deepEqual(parseRtp(hex(c.bytes)), { ok: false, error: c.error }));

  test('fuzz: serialize then parse returns the same fields', () => {
    fc.assert(
      fc.property(
        fc.record({
          marker: fc.boolean(),
          payloadType: fc.integer({ min: 0, max: 127 }),
          sequenceNumber: fc.integer({ min: 0, max: 0xffff }),
          timestamp: fc.integer({ min: 0, max: 0xffffffff }),
          ssrc: fc.integer({ min: 0, max: 0xffffffff }),
          csrc: fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 15 }),
          extension: fc.option(fc.record({ profile: fc.integer({ min: 0, max: 0xffff }), data: fc.uint8Array({ maxLength: 12 }).filter((d) => d.length % 4 === 0) })),
          paddingBytes: fc.integer({ min: 0, max: 20 }),
          payload: fc.uint8Array({ maxLength: 100 }),
        }),
        (init) => {
          const r = parseRtp(serializeRtp(init));
          assert.ok(r.ok);
          const { payload, extension, ...rest } = r.packet;
          assert.deepEqual([...payload], [...init.payload]);
          assert.deepEqual(extension && { profile: extension.profile, data: [...extension.data] }, init.extension && { profile: init.extension.profile, data: [...init.extension.data] });
          assert.deepEqual(rest, { padding: init.paddingBytes > 0, marker: init.marker, payloadType: init.payloadType, sequenceNumber: init.sequenceNumber, timestamp: init.timestamp, ssrc: init.ssrc, csrc: init.csrc });
        },
      ),
    );
  });

  test('fuzz: random bytes never throw and payload stays inside the input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = parseRtp(bytes);
        if (r.ok) {
          assert.ok(r.packet.payload.length <= bytes.length - 12);
          assert.equal(r.packet.payload.buffer, bytes.buffer);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
