import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextSort, sortRows } from './sortRows.ts';

const rows = [
  { name: 'Bundaran', bytes: 5, days: null },
  { name: 'alun-alun', bytes: 20, days: 3 },
  { name: 'Cempaka', bytes: 1, days: 10 },
];

test('numbers sort numerically, strings by locale, nulls last in both directions', () => {
  const by = (key: 'name' | 'bytes' | 'days', desc: boolean) => sortRows(rows, { key, desc }, (r, k) => r[k]).map((r) => r.name);
  assert.deepEqual(by('bytes', true), ['alun-alun', 'Bundaran', 'Cempaka']);
  assert.deepEqual(by('name', false), ['alun-alun', 'Bundaran', 'Cempaka']);
  assert.deepEqual(by('days', false), ['alun-alun', 'Cempaka', 'Bundaran']);
  assert.deepEqual(by('days', true), ['Cempaka', 'alun-alun', 'Bundaran']);
});

test('the same column flips; a new numeric column starts with the largest', () => {
  assert.deepEqual(nextSort({ key: 'bytes', desc: true }, 'bytes', true), { key: 'bytes', desc: false });
  assert.deepEqual(nextSort({ key: 'bytes', desc: false }, 'name', false), { key: 'name', desc: false });
  assert.deepEqual(nextSort({ key: 'name', desc: false }, 'days', true), { key: 'days', desc: true });
});
