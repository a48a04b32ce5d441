import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { budgetBytesOf, loadConfig, ConfigError, trustProxyOf } from './config.ts';

test('defaults need no configuration', () => {
  const c = loadConfig({});
  assert.equal(c.port, 8080);
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.databaseUrl, null);
  assert.deepEqual(c.roles, ['api', 'media', 'worker']);
  assert.ok(c.dataDir.endsWith('/data'));
  assert.equal(c.seedDemo, true);
});

test('a bad variable is named in the error', () => {
  assert.throws(() => loadConfig({ PANTAU_PORT: 'eighty' }), (e: unknown) => e instanceof ConfigError && e.message.includes('PANTAU_PORT'));
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), (e: unknown) => e instanceof ConfigError && e.message.includes('DATABASE_URL'));
  assert.throws(() => loadConfig({ ROLE: 'api,cook' }), (e: unknown) => e instanceof ConfigError && e.message.includes('ROLE'));
  assert.throws(() => loadConfig({ PANTAU_SECRET_KEY: 'c2hvcnQ=' }), (e: unknown) => e instanceof ConfigError && e.message.includes('PANTAU_SECRET_KEY'));
});

test('roles, database URL and booleans are parsed', () => {
  const c = loadConfig({ ROLE: 'media', DATABASE_URL: 'postgres://u@h/db', PANTAU_SEED_DEMO: 'false', PANTAU_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') });
  assert.deepEqual(c.roles, ['media']);
  assert.equal(c.databaseUrl, 'postgres://u@h/db');
  assert.equal(c.seedDemo, false);
  assert.equal(c.secretKey?.length, 32);
});

test('the recording budget is a size or a share of the volume; retention days and ffmpeg are optional', async () => {
  assert.deepEqual(loadConfig({}).recordingBudget, { bytes: 20e9 });
  assert.deepEqual(loadConfig({ PANTAU_RECORDING_BUDGET: '1.5TB' }).recordingBudget, { bytes: 1.5e12 });
  const share = loadConfig({ PANTAU_RECORDING_BUDGET: '80%' }).recordingBudget;
  assert.deepEqual(share, { percent: 80 });
  const bytes = await budgetBytesOf(share, tmpdir());
  const s = await statfs(tmpdir());
  assert.equal(bytes, Math.floor(s.blocks * s.bsize * 0.8));
  assert.throws(() => loadConfig({ PANTAU_RECORDING_BUDGET: '180%' }), /PANTAU_RECORDING_BUDGET/);
  assert.throws(() => loadConfig({ PANTAU_RECORDING_BUDGET: 'banyak' }), /PANTAU_RECORDING_BUDGET/);
  assert.equal(loadConfig({}).retentionDays, 30);
  assert.equal(loadConfig({ PANTAU_RETENTION_DAYS: '0' }).retentionDays, null);
  assert.equal(loadConfig({ PATH: '/nowhere' }).ffmpegPath, null);
  assert.equal(loadConfig({ PANTAU_FFMPEG: '/opt/ffmpeg' }).ffmpegPath, '/opt/ffmpeg');
});

test('trusted proxies: none by default, a hop count or addresses, never everyone', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({ PANTAU_TRUST_PROXY: '1' }).trustProxy, 1);
  assert.equal(loadConfig({ PANTAU_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy, '127.0.0.1,10.0.0.0/8,::1');
  for (const bad of ['true', '0', '11', '10.0.0.0/33', 'proxy.local', '1.2.3.4/8/9']) {
    assert.equal(trustProxyOf(bad), undefined, bad);
    assert.throws(() => loadConfig({ PANTAU_TRUST_PROXY: bad }), (e: unknown) => e instanceof ConfigError && e.message.includes('PANTAU_TRUST_PROXY'));
  }
});

test('public address: unset by default, a trailing slash dropped, no query, fragment or other scheme', () => {
  assert.equal(loadConfig({}).publicUrl, null);
  assert.equal(loadConfig({ PANTAU_PUBLIC_URL: 'https://cctv.palangkaraya.go.id/' }).publicUrl, 'https://cctv.palangkaraya.go.id');
  assert.equal(loadConfig({ PANTAU_PUBLIC_URL: 'https://kota.go.id/pantau' }).publicUrl, 'https://kota.go.id/pantau');
  for (const bad of ['cctv.go.id', 'ftp://cctv.go.id', 'https://cctv.go.id/?x=1', 'https://cctv.go.id/#top']) {
    assert.throws(() => loadConfig({ PANTAU_PUBLIC_URL: bad }), (e: unknown) => e instanceof ConfigError && e.message.includes('PANTAU_PUBLIC_URL'), bad);
  }
});
