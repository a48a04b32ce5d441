import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import { migrateToLatest, openDatabase, pgliteDirFor, type DatabaseHandle } from './platform/db/database.ts';
import { loadOrCreateKey, SecretBox } from './platform/crypto/secret-box.ts';

/** Opens the configured database and brings its schema up to date. */
export async function openAndMigrate(config: Config): Promise<DatabaseHandle & { applied: string[] }> {
  const handle = await openDatabase({ url: config.databaseUrl, pgliteDir: pgliteDirFor(config.dataDir) });
  try {
    const applied = await migrateToLatest(handle.db);
    return { ...handle, applied };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

export function secretBoxFor(config: Config): SecretBox {
  return new SecretBox(loadOrCreateKey(config.secretKey, config.dataDir));
}

/** Demo credentials go to the terminal once and to a 0600 file in the data directory. */
export function writeCredentialsFile(dataDir: string, creds: { username: string; role: string; password: string }[]): string {
  const file = join(dataDir, 'demo-credentials.txt');
  const body = ['# Pantau demo users (hapus berkas ini setelah kata sandi dicatat / delete after noting)', ...creds.map((c) => `${c.username}\t${c.role}\t${c.password}`)].join('\n');
  writeFileSync(file, body + '\n', { mode: 0o600 });
  return file;
}
