import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeZoneOfRegion } from './timezone.ts';

test('a display takes its tenant province zone', () => {
  const cases: [string | null, string][] = [
    ['62', 'Asia/Jakarta'], // Kalimantan Tengah
    ['62.71', 'Asia/Jakarta'],
    ['63.71', 'Asia/Makassar'], // Banjarmasin
    ['65.71', 'Asia/Makassar'], // Tarakan
    ['33.74', 'Asia/Jakarta'], // Semarang
    ['91.71', 'Asia/Jayapura'],
    ['', 'Asia/Jakarta'],
    [null, 'Asia/Jakarta'],
  ];
  for (const [code, zone] of cases) assert.equal(timeZoneOfRegion(code), zone, String(code));
});
