import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';

/** Every migration, in order. The same list serves embedded PGlite and a PostgreSQL server. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
