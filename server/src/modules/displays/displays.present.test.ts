import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Scene } from '@pantau/shared';
import type { DisplayRow } from './displays.repository.ts';
import { resolveKioskState, showingOf, type CameraFacts } from './displays.present.ts';

const NOW = new Date('2026-01-05T03:00:00Z');
const cam = (id: string, visibility: string, enabled = true): CameraFacts => ({ id, name: `Kamera ${id.slice(0, 4)}`, visibility, enabled });
const ids = { pub: '11111111-1111-4111-8111-111111111111', lead: '22222222-2222-4222-8222-222222222222', hid: '33333333-3333-4333-8333-333333333333', off: '44444444-4444-4444-8444-444444444444' };
const cameras = new Map([cam(ids.pub, 'public'), cam(ids.lead, 'pimpinan'), cam(ids.hid, 'internal'), cam(ids.off, 'public', false)].map((c) => [c.id, c]));
const scene: Scene = { id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', name: 'Semua', layout: 'split', tiles: [{ kind: 'cameras', cameraIds: [ids.pub, ids.lead, ids.hid, ids.off], grid: 4, dwellSeconds: 20 }, { kind: 'stats' }], ticker: ['Halo'], updatedAt: NOW.toISOString() };

function display(tier: string, push: unknown = null): DisplayRow {
  return { id: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd', tenant_id: 't', name: 'Lobi', location: '', tier, state: 'active', playlist_id: null, time_zone: 'Asia/Makassar', token_hash: 'h', push, last_seen_at: null, paired_at: NOW, created_at: NOW, updated_at: NOW };
}

const resolve = (tier: string, push: unknown = null) =>
  resolveKioskState({ display: display(tier, push), playlist: [{ sceneId: scene.id, seconds: 10, days: [], from: null, to: null }], scenes: new Map([[scene.id, scene]]), cameras, now: NOW });
const camsOf = (s: ReturnType<typeof resolve>) => (s.playlist[0]!.scene.tiles[0] as { cameras: { id: string }[] }).cameras.map((c) => c.id);

test('a public display gets public cameras only; a pimpinan display adds pimpinan; internal and disabled never', () => {
  assert.deepEqual(camsOf(resolve('public')), [ids.pub]);
  assert.deepEqual(camsOf(resolve('pimpinan')), [ids.pub, ids.lead]);
  assert.ok(!JSON.stringify(resolve('pimpinan')).includes(ids.hid));
  const s = resolve('public');
  assert.equal(s.timeZone, 'Asia/Makassar');
  assert.equal(s.serverTime, NOW.toISOString());
  assert.deepEqual(s.playlist[0]!.scene.tiles[1], { kind: 'stats' });
});

test('pushes: in force until `until`; a push of cameras the tier may not show falls back to the playlist', () => {
  const at = NOW.toISOString();
  const live = { push: { kind: 'camera', cameraId: ids.pub, seconds: 60 }, at, until: new Date(NOW.getTime() + 60_000).toISOString() };
  assert.equal(resolve('public', live).override?.scene.name, 'Kamera 1111');
  assert.equal(showingOf(display('public', live), NOW).mode, 'push');
  const ended = { ...live, until: new Date(NOW.getTime() - 1).toISOString() };
  assert.equal(resolve('public', ended).override, null);
  assert.deepEqual(showingOf(display('public', ended), NOW), { mode: 'playlist' });
  const lead = { push: { kind: 'camera', cameraId: ids.lead, seconds: null }, at, until: null };
  assert.equal(resolve('public', lead).override, null, 'a display made public drops a pimpinan push');
  assert.equal(resolve('pimpinan', lead).override?.until, null);
  const many = { push: { kind: 'cameras', cameraIds: [ids.hid, ids.pub], grid: 4, seconds: null }, at, until: null };
  const tile = resolve('public', many).override!.scene.tiles[0] as { cameras: { id: string }[]; grid: number };
  assert.deepEqual([tile.cameras.map((c) => c.id), tile.grid], [[ids.pub], 4]);
  const sc = { push: { kind: 'scene', sceneId: scene.id, seconds: null }, at, until: null };
  assert.equal(resolve('public', sc).override?.scene.id, scene.id);
  assert.deepEqual(showingOf(display('public', { garbage: true }), NOW), { mode: 'playlist' }, 'an unreadable push is ignored');
});
