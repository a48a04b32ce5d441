import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { buildServices } from '../app.ts';
import { migrateToLatest, openDatabase } from '../platform/db/database.ts';
import { ManualClock } from '../platform/clock.ts';
import { SecretBox } from '../platform/crypto/secret-box.ts';
import { seedDemo } from '../seed/demo.ts';

const root = new URL('../../..', import.meta.url).pathname;
const verify = (dataDir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server/src/cli/audit-verify.ts')], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH, PANTAU_DATA_DIR: dataDir } });

test('npm run audit:verify passes on an intact chain and names the altered row', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-audit-'));
  let h = await openDatabase({ url: null, pgliteDir: join(dataDir, 'db') });
  await migrateToLatest(h.db);
  await seedDemo(h.db, buildServices({ db: h.db, clock: new ManualClock(), secrets: new SecretBox(randomBytes(32)), options: { sessionHours: 1, loginMaxFailures: 5, loginLockMinutes: 15 } }));
  await h.close();

  const ok = verify(dataDir);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /audit chain intact: \d+/);

  h = await openDatabase({ url: null, pgliteDir: join(dataDir, 'db') });
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(h.db);
  await sql`update audit_log set actor_label = 'penyusup' where id = 5`.execute(h.db);
  await h.close();

  const bad = verify(dataDir);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /BROKEN at row 5: hash does not match/);
});
