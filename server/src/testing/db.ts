import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testDatabaseUrl } from '../config.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../platform/db/database.ts';

export type DbKind = 'pglite' | 'postgres';

/** PGlite always; the PostgreSQL server too when PANTAU_TEST_DATABASE_URL is set (CI sets it). */
export const DB_KINDS: DbKind[] = testDatabaseUrl() ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh, migrated database: in-memory PGlite, or a new schema on the server dropped at close. */
export async function freshDatabase(kind: DbKind): Promise<DatabaseHandle> {
  if (kind === 'pglite') {
    const h = await openDatabase({ url: null, pgliteDir: 'memory://' });
    await migrateToLatest(h.db);
    return h;
  }
  const url = testDatabaseUrl()!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const h = await openDatabase({ url, schema });
  await migrateToLatest(h.db);
  return {
    ...h,
    close: async () => {
      await h.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}
