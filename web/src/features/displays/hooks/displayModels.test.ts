import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAIRING_CODE_PATTERN, playlistInputSchema, sceneInputSchema, type Visibility } from '@pantau/shared';
import { emptyItem, moveItem, playlistToDraft, playlistToInput } from './playlistModel.ts';
import { formatPairingCode, gridLabel, tierAllows, wallToPush } from './pushModel.ts';
import { emptyTile, linesOf, resizeTiles, sceneToDraft, sceneToInput, type SceneDraft } from './sceneModel.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

test('the pairing mask accepts a code typed or pasted in any form and never shows a look-alike character', () => {
  assert.equal(formatPairingCode('abcd'), 'ABCD');
  assert.equal(formatPairingCode('abcde'), 'ABCD-E');
  assert.equal(formatPairingCode('abcd-ef23'), 'ABCD-EF23');
  assert.equal(formatPairingCode(' AB CD EF 23 99'), 'ABCD-EF23');
  assert.equal(formatPairingCode('ABCD-EF2'), 'ABCD-EF2');
  // I, O, 0 and 1 never appear in a code
  assert.equal(formatPairingCode('OI01ABCD'), 'ABCD');
  assert.match(formatPairingCode('wxyz2345'), PAIRING_CODE_PATTERN);
  // the mask is stable: formatting a formatted code changes nothing (the input re-formats on every key)
  for (const s of ['', 'A', 'ABCD-', 'ABCD-EFGH']) assert.equal(formatPairingCode(formatPairingCode(s)), formatPairingCode(s));
});

test('a display shows public cameras whatever its tier, pimpinan cameras only on pimpinan displays, internal never', () => {
  const table: [Parameters<typeof tierAllows>[0], Visibility, boolean][] = [
    ['public', 'public', true], ['public', 'pimpinan', false], ['public', 'internal', false],
    ['pimpinan', 'public', true], ['pimpinan', 'pimpinan', true], ['pimpinan', 'internal', false],
  ];
  for (const [tier, v, ok] of table) assert.equal(tierAllows(tier, v), ok, `${tier} × ${v}`);
});

test('grids are named by their side', () => {
  assert.deepEqual([1, 4, 9, 16].map(gridLabel), ['1', '2×2', '3×3', '4×4']);
});

test('the wall goes to a display with its grid, in reading order, without internal or unknown cameras', () => {
  const vis = new Map<string, Visibility>([[A, 'public'], [B, 'internal'], [C, 'pimpinan']]);
  const p = wallToPush([A, null, B, C], 2, (id) => vis.get(id));
  assert.deepEqual(p, { cameraIds: [A, C], grid: 4, left: 1 });
  // a 5×5 wall has no display grid of its size: 4×4 with the first sixteen
  const many = Array.from({ length: 25 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const big = wallToPush(many, 5, () => 'public');
  assert.equal(big.grid, 16);
  assert.deepEqual(big.cameraIds, many.slice(0, 16));
  assert.equal(wallToPush([null], 1, () => 'public').cameraIds.length, 0);
});

test('changing the layout keeps tiles in their slots and fills new slots with a clock', () => {
  const cams = { ...emptyTile('cameras'), cameraIds: [A] };
  const quad = resizeTiles([cams], 'quad');
  assert.equal(quad.length, 4);
  assert.equal(quad[0], cams);
  assert.deepEqual(quad.slice(1).map((t) => t.kind), ['clock_weather', 'clock_weather', 'clock_weather']);
  assert.deepEqual(resizeTiles(quad, 'split').map((t) => t.kind), ['cameras', 'clock_weather']);
});

test('a scene draft becomes a valid scene input and comes back the same', () => {
  const draft: SceneDraft = {
    name: 'Lobi Balai Kota',
    layout: 'main_side',
    tiles: [
      { ...emptyTile('cameras'), cameraIds: [A, C], grid: 4, dwellSeconds: '30' },
      { ...emptyTile('announcements'), messagesText: 'Pelayanan KTP buka 08.00\n\n  Antrean online tersedia  \n' },
      { ...emptyTile('clock_weather'), weatherText: ' Cerah, 31 °C ' },
    ],
    tickerText: 'Selamat datang\n',
  };
  const input = sceneToInput(draft);
  const parsed = sceneInputSchema.parse(input);
  assert.deepEqual(parsed.tiles[0], { kind: 'cameras', cameraIds: [A, C], grid: 4, dwellSeconds: 30 });
  assert.deepEqual(parsed.tiles[1], { kind: 'announcements', messages: ['Pelayanan KTP buka 08.00', 'Antrean online tersedia'] });
  assert.deepEqual(parsed.tiles[2], { kind: 'clock_weather', weatherText: 'Cerah, 31 °C' });
  assert.deepEqual(parsed.ticker, ['Selamat datang']);
  const back = sceneToDraft({ id: A, name: parsed.name, layout: parsed.layout, tiles: parsed.tiles, ticker: parsed.ticker, updatedAt: '2026-11-22T00:00:00Z' });
  assert.deepEqual(sceneToInput(back), input);
  // a camera tile without cameras is refused at its own path, so the editor can mark that slot
  const bad = sceneInputSchema.safeParse(sceneToInput({ ...draft, tiles: [emptyTile('cameras'), draft.tiles[1]!, draft.tiles[2]!] }));
  assert.equal(bad.success, false);
  assert.deepEqual(bad.error?.issues[0]?.path, ['tiles', 0, 'cameraIds']);
  assert.deepEqual(linesOf(' a \n\n b'), ['a', 'b']);
});

test('a playlist draft: times cut to HH:MM, days sorted, rows reordered', () => {
  const one = { ...emptyItem(A), seconds: '45', days: [5, 1], from: '08:00:00', to: '16:30' };
  const two = { ...emptyItem(B), seconds: 60 };
  const input = playlistToInput({ name: 'Hari kerja', items: [one, two] });
  const parsed = playlistInputSchema.parse(input);
  assert.deepEqual(parsed.items[0], { sceneId: A, seconds: 45, days: [1, 5], from: '08:00', to: '16:30' });
  assert.deepEqual(parsed.items[1], { sceneId: B, seconds: 60, days: [], from: null, to: null });
  assert.deepEqual(playlistToInput(playlistToDraft({ id: C, name: parsed.name, items: parsed.items, updatedAt: '' })), input);
  // an unpicked scene fails on its row
  const r = playlistInputSchema.safeParse(playlistToInput({ name: 'x', items: [emptyItem()] }));
  assert.deepEqual(r.error?.issues[0]?.path, ['items', 0, 'sceneId']);
  assert.deepEqual(moveItem(['a', 'b', 'c'], 2, -1), ['a', 'c', 'b']);
  assert.deepEqual(moveItem(['a', 'b', 'c'], 0, -1), ['a', 'b', 'c']);
  assert.deepEqual(moveItem(['a', 'b', 'c'], 0, 2), ['b', 'c', 'a']);
});
