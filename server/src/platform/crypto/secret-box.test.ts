import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadOrCreateKey, SecretBox } from './secret-box.ts';

test('seal/open round-trips and never shows the plaintext', () => {
  const box = new SecretBox(randomBytes(32));
  const sealed = box.seal('{"username":"admin","password":"rahasia"}');
  assert.ok(!sealed.includes('rahasia'));
  assert.notEqual(sealed, box.seal('{"username":"admin","password":"rahasia"}'), 'a fresh IV each time');
  assert.equal(box.open(sealed), '{"username":"admin","password":"rahasia"}');
});

test('a flipped byte or another key is refused (GCM authentication)', () => {
  const box = new SecretBox(randomBytes(32));
  const sealed = box.seal('secret');
  const raw = Buffer.from(sealed.slice(3), 'base64');
  raw[raw.length - 1]! ^= 1;
  assert.throws(() => box.open(`v1:${raw.toString('base64')}`));
  assert.throws(() => new SecretBox(randomBytes(32)).open(sealed));
});

test('the key is generated once into the data directory with mode 0600', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-key-'));
  const k1 = loadOrCreateKey(null, dir);
  const k2 = loadOrCreateKey(null, dir);
  assert.equal(k1.length, 32);
  assert.deepEqual(k1, k2);
  assert.equal(statSync(join(dir, 'secret.key')).mode & 0o777, 0o600);
  assert.equal(Buffer.from(readFileSync(join(dir, 'secret.key'), 'utf8').trim(), 'base64').length, 32);
  const configured = randomBytes(32);
  assert.deepEqual(loadOrCreateKey(configured, dir), configured);
});
