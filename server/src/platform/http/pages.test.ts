import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { HEAD_MARKER, Pages, pageFor } from './pages.ts';

test('each client-side route is served by the page that owns it', () => {
  const table: [string, string][] = [
    ['/', 'portal'], ['/kamera/8d0c5f0e-0000-4000-8000-000000000000', 'portal'], ['/lapor', 'portal'], ['/lacak', 'portal'],
    ['/lacak/PTU-2026-000001', 'portal'], ['/statistik', 'portal'], ['/statistik/', 'portal'],
    ['/layar', 'display'], ['/layar/pasang', 'display'],
    ['/login', 'console'], ['/cameras', 'console'], ['/kamera', 'console'], ['/kamera/a/b', 'console'], ['/lapor/x', 'console'],
    ['/layarku', 'console'], ['/data', 'console'], ['/informasi-publik/lacak', 'console'],
  ];
  for (const [path, entry] of table) assert.equal(pageFor(path), entry, path);
});

test('the head marker is filled per request, and pages without it are served as built', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-pages-'));
  writeFileSync(join(dir, 'portal.html'), `<head>${HEAD_MARKER}</head>`);
  writeFileSync(join(dir, 'index.html'), '<head><title>Konsol</title></head>');
  const pages = new Pages(dir, async (entry, path) => (path === '/statistik' ? `<title>${entry} statistik</title>` : null));
  assert.equal((await pages.render('/statistik', {})).html, '<head><title>portal statistik</title></head>');
  assert.equal((await pages.render('/', {})).html, '<head><title>Pantau</title></head>');
  assert.deepEqual(await pages.render('/login', {}), { entry: 'console', html: '<head><title>Konsol</title></head>' });
});
