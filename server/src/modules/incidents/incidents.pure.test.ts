import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canMoveTask, canTransition, makeTicket, slaState } from './incidents.lifecycle.ts';
import { distanceM, pointInPolygon, regionAt, shapesFromGeoJson, shippedRegionShapes } from './incidents.geo.ts';
import { checkPhoto, stripJpegMetadata } from './incidents.photos.ts';
import { nextAttempt, signWebhook } from './outbox.delivery.ts';
import { createHmac } from 'node:crypto';

test('lifecycle: allowed and refused transitions', () => {
  const table: [string, string, boolean][] = [
    ['received', 'verified', true], ['received', 'rejected', true], ['received', 'merged', true], ['received', 'dispatched', false], ['received', 'resolved', false],
    ['verified', 'dispatched', true], ['dispatched', 'in_progress', true], ['in_progress', 'on_hold', true], ['on_hold', 'in_progress', true],
    ['in_progress', 'resolved', true], ['resolved', 'closed', true], ['resolved', 'in_progress', true], ['closed', 'in_progress', true],
    ['closed', 'resolved', false], ['rejected', 'verified', false], ['merged', 'in_progress', false], ['on_hold', 'closed', false],
  ];
  for (const [from, to, ok] of table) assert.equal(canTransition(from as never, to as never), ok, `${from} → ${to}`);
  assert.equal(canMoveTask('dispatched', 'en_route'), true);
  assert.equal(canMoveTask('dispatched', 'done'), true);
  assert.equal(canMoveTask('on_scene', 'en_route'), false);
  assert.equal(canMoveTask('done', 'done'), false);
});

test('SLA state: ok, warning at 75 %, breached, met, late', () => {
  const start = new Date('2026-01-01T00:00:00Z');
  const due = new Date('2026-01-01T01:00:00Z');
  const at = (min: number) => new Date(start.getTime() + min * 60_000);
  assert.equal(slaState(start, due, null, at(10)), 'ok');
  assert.equal(slaState(start, due, null, at(45)), 'warning');
  assert.equal(slaState(start, due, null, at(61)), 'breached');
  assert.equal(slaState(start, due, at(59), at(500)), 'met');
  assert.equal(slaState(start, due, at(61), at(500)), 'late');
});

test('tickets: readable, dated, no ambiguous characters', () => {
  const t = makeTicket(new Date('2026-03-04T10:00:00Z'), new Uint8Array([0, 1, 2, 3, 31, 200]));
  assert.match(t, /^PTU-260304-[2-9A-HJ-NP-Z]{6}$/);
});

test('point in polygon with a hole; deepest region wins; shipped boundaries', () => {
  const square = [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]] as [number, number][][];
  assert.equal(pointInPolygon(1, 1, square), true);
  assert.equal(pointInPolygon(5, 5, square), false, 'inside the hole');
  assert.equal(pointInPolygon(11, 5, square), false);
  const shapes = shapesFromGeoJson({ features: [
    { properties: { code: '62' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] } },
    { properties: { code: '62.71' }, geometry: { type: 'MultiPolygon', coordinates: [[[[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]]] } },
  ] });
  assert.equal(regionAt(shapes, 2, 2), '62.71');
  assert.equal(regionAt(shapes, 8, 8), '62');
  assert.equal(regionAt(shapes, 20, 20), null);
  const shipped = shippedRegionShapes();
  // Bundaran Besar, Palangka Raya; Sampit; Banjarmasin; the Java Sea
  assert.match(regionAt(shipped, -2.2096, 113.9137) ?? '', /^62\.71\.0[1-5]$/);
  assert.equal(regionAt(shipped, -2.5383, 112.9508), '62.02');
  assert.equal(regionAt(shipped, -3.3186, 114.5944), '63.71');
  assert.equal(regionAt(shipped, -5.5, 112), null);
});

test('distance: haversine in metres', () => {
  assert.ok(Math.abs(distanceM(-2.2096, 113.9137, -2.2096, 113.9137)) < 0.001);
  const d = distanceM(-2.2, 113.9, -2.2, 113.91); // 0.01° of longitude near the equator ≈ 1.11 km
  assert.ok(d > 1100 && d < 1120, String(d));
});

function jpegWithExif(): Uint8Array {
  const seg = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
  const exif = [...Buffer.from('Exif\0\0GPS-LAT-LNG-SECRET')];
  return new Uint8Array([0xff, 0xd8, ...seg(0xe0, [...Buffer.from('JFIF\0'), 1, 2]), ...seg(0xe1, exif), ...seg(0xfe, [...Buffer.from('comment')]), ...seg(0xdb, [0, 1, 2]), 0xff, 0xda, 0, 4, 1, 2, 0x11, 0x22, 0xff, 0xd9]);
}

test('photos: magic bytes, size, EXIF stripped from the JPEG copy and nothing else', () => {
  const jpeg = jpegWithExif();
  assert.deepEqual(checkPhoto(jpeg), { ok: true, mime: 'image/jpeg' });
  assert.deepEqual(checkPhoto(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), { ok: true, mime: 'image/png' });
  assert.deepEqual(checkPhoto(new Uint8Array(Buffer.from('GIF89a...'))), { ok: false, reason: 'unsupported' });
  assert.deepEqual(checkPhoto(new Uint8Array(0)), { ok: false, reason: 'empty' });
  assert.deepEqual(checkPhoto(new Uint8Array(5 * 1024 * 1024 + 1).fill(0xff)), { ok: false, reason: 'too_large' });
  const clean = stripJpegMetadata(jpeg)!;
  const text = Buffer.from(clean).toString('latin1');
  assert.ok(!text.includes('GPS-LAT-LNG-SECRET') && !text.includes('comment'));
  assert.ok(text.includes('JFIF'), 'other segments stay');
  assert.deepEqual([...clean.slice(-6)], [1, 2, 0x11, 0x22, 0xff, 0xd9], 'scan data copied unchanged');
  assert.equal(stripJpegMetadata(new Uint8Array([0xff, 0xd8, 0x00, 0x01, 0, 0])), null, 'broken segment sequence');
});

test('webhooks: HMAC-SHA256 over timestamp.body; retries back off then stop', () => {
  const sig = signWebhook('rahasia-instansi-1234', 1700000000, '{"a":1}');
  assert.equal(sig, 'v1=' + createHmac('sha256', 'rahasia-instansi-1234').update('1700000000.{"a":1}').digest('hex'));
  assert.notEqual(sig, signWebhook('rahasia-instansi-1234', 1700000001, '{"a":1}'));
  const now = new Date('2026-01-01T00:00:00Z');
  assert.equal(nextAttempt(0, now)!.getTime() - now.getTime(), 30_000);
  assert.ok(nextAttempt(1, now)! > nextAttempt(0, now)!);
  assert.equal(nextAttempt(5, now), null);
});
