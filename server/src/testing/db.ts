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
  // Kysely's migrator looks at every table of the database; a schema dropped by another test file
  // in the middle of that look fails it ("schema … does not exist"): migrations share a lock that
  // drops take alone
  await withSchemaLock(url, 'shared', () => migrateToLatest(h.db));
  return {
    ...h,
    close: async () => {
      await h.close();
      await dropTestSchema(url, schema);
    },
  };
}

const SCHEMA_LOCK = 727_274;

async function withSchemaLock<T>(url: string, mode: 'shared' | 'exclusive', fn: () => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const suffix = mode === 'shared' ? '_shared' : '';
  try {
    await c.query(`select pg_advisory_lock${suffix}($1)`, [SCHEMA_LOCK]);
    return await fn();
  } finally {
    await c.query(`select pg_advisory_unlock${suffix}($1)`, [SCHEMA_LOCK]).catch(() => {});
    await c.end();
  }
}

/** Drops a test schema, never while another test file is migrating. */
export async function dropTestSchema(url: string, schema: string): Promise<void> {
  await withSchemaLock(url, 'exclusive', async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(`drop schema if exists "${schema.replace(/"/g, '')}" cascade`);
    } finally {
      await c.end();
    }
  });
}
