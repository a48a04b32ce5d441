import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialWall, layoutCells, nextEmpty, resizeCells, streamFor, wallReducer, type WallState } from './wallModel.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

test('growing a wall keeps every camera at its row and column', () => {
  assert.deepEqual(resizeCells([A, B, C, null], 2, 3), [A, B, null, C, null, null, null, null, null]);
});

test('shrinking moves cameras outside the new grid into free cells, then drops the rest', () => {
  // 3×3 with cameras at (0,0), (2,2) and (1,2) → 2×2: (0,0) stays, the others fill free cells
  const cells = [A, null, null, null, null, B, null, null, C];
  assert.deepEqual(resizeCells(cells, 3, 2), [A, B, C, null]);
  assert.deepEqual(resizeCells([A, B, C, null], 2, 1), [A]);
});

test('a stored layout is fitted to its grid', () => {
  assert.deepEqual(layoutCells({ grid: 2, cells: [A] }), [A, null, null, null]);
  assert.deepEqual(layoutCells({ grid: 1, cells: [A, B] }), [A]);
});

test('assigning a camera selects the next empty cell, wrapping around', () => {
  let s: WallState = initialWall();
  s = wallReducer(s, { type: 'assign', cell: 0, cameraId: A });
  assert.equal(s.selected, 1);
  s = wallReducer(s, { type: 'select', cell: 3 });
  s = wallReducer(s, { type: 'assign', cell: 3, cameraId: B });
  assert.equal(s.selected, 1);
  assert.equal(s.dirty, true);
  assert.equal(nextEmpty([A, B, C, A], 2), 2, 'a full wall keeps the selection');
});

test('moving a camera onto another cell swaps the two', () => {
  const s = wallReducer({ ...initialWall(), cells: [A, null, B, null] }, { type: 'move', from: 0, to: 2 });
  assert.deepEqual(s.cells, [B, null, A, null]);
});

test('loading a layout replaces the wall and is clean; saving keeps the cells', () => {
  const layout = { id: 'L', name: 'Pos', grid: 3, cells: [A], createdAt: '', updatedAt: '' };
  const s = wallReducer(wallReducer(initialWall(), { type: 'assign', cell: 0, cameraId: B }), { type: 'load', layout });
  assert.equal(s.grid, 3);
  assert.equal(s.cells.length, 9);
  assert.equal(s.dirty, false);
  const edited = wallReducer(s, { type: 'grid', grid: 2 });
  assert.equal(edited.dirty, true);
  assert.equal(wallReducer(edited, { type: 'saved', layout }).dirty, false);
});

test('grids use the sub stream, a single view the main stream', () => {
  assert.equal(streamFor(1), 'main');
  assert.equal(streamFor(4), 'sub');
});
