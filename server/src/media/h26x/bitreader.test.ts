import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BitReader, removeEmulationPrevention } from './bitreader.ts';

describe('removeEmulationPrevention', () => {
  const table = [
    { input: [0x67, 0x00, 0x00, 0x03, 0x01], output: [0x67, 0x00, 0x00, 0x01] },
    { input: [0x00, 0x00, 0x03, 0x00, 0x00, 0x03, 0x03], output: [0x00, 0x00, 0x00, 0x00, 0x03] },
    { input: [0x00, 0x03, 0x00], output: [0x00, 0x03, 0x00] },
    { input: [0x00, 0x00, 0x03], output: [0x00, 0x00] },
    { input: [], output: [] },
  ];
  for (const c of table) {
    test(Buffer.from(c.input).toString('hex') || '(empty)', () => {
      assert.deepEqual([...removeEmulationPrevention(Uint8Array.from(c.input))], c.output);
    });
  }
  test('returns the same array when there is nothing to remove', () => {
    const a = Uint8Array.of(1, 2, 3);
    assert.equal(removeEmulationPrevention(a), a);
  });
});

describe('BitReader', () => {
  test('bits, flags and skips MSB first', () => {
    const r = new BitReader(Uint8Array.of(0b1011_0011, 0xff));
    assert.equal(r.readBit(), 1);
    assert.equal(r.readBits(3), 0b011);
    assert.equal(r.readFlag(), false);
    r.skipBits(2);
    assert.equal(r.readBits(9), 0b1_1111_1111);
    assert.equal(r.bitsLeft, 0);
    assert.equal(r.overrun, false);
    assert.equal(r.readBit(), 0);
    assert.equal(r.overrun, true);
  });

  test('32-bit reads stay unsigned', () => {
    assert.equal(new BitReader(Uint8Array.of(0xff, 0xff, 0xff, 0xff)).readBits(32), 0xffffffff);
  });

  // ue(v) codes from H.264 Table 9-2, se(v) mapping from Table 9-3
  const ue = [
    { bits: '1', value: 0 },
    { bits: '010', value: 1 },
    { bits: '011', value: 2 },
    { bits: '00100', value: 3 },
    { bits: '00111', value: 6 },
    { bits: '0001000', value: 7 },
  ];
  const pack = (bits: string): Uint8Array => {
    const padded = bits.padEnd(Math.ceil(bits.length / 8) * 8, '1');
    return Uint8Array.from(padded.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  };
  for (const c of ue) {
    test(`ue(${c.bits}) = ${c.value}`, () => assert.equal(new BitReader(pack(c.bits)).readUE(), c.value));
  }
  const se = [
    { bits: '1', value: 0 },
    { bits: '010', value: 1 },
    { bits: '011', value: -1 },
    { bits: '00100', value: 2 },
    { bits: '00101', value: -2 },
  ];
  for (const c of se) {
    test(`se(${c.bits}) = ${c.value}`, () => assert.equal(new BitReader(pack(c.bits)).readSE(), c.value));
  }

  test('ue past the end or with 32+ leading zeros sets overrun instead of throwing', () => {
    const a = new BitReader(Uint8Array.of(0, 0));
    assert.equal(a.readUE(), 0);
    assert.equal(a.overrun, true);
    const b = new BitReader(new Uint8Array(8));
    b.readUE();
    assert.equal(b.overrun, true);
  });

  test('fuzz: ue round-trips any value below 2^31 - 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 2 }), (v) => {
        const code = (v + 1).toString(2);
        const r = new BitReader(pack('0'.repeat(code.length - 1) + code));
        assert.equal(r.readUE(), v);
        assert.equal(r.overrun, false);
      }),
    );
  });
});
