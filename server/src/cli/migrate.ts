import { loadConfig } from '../config.ts';
import { openAndMigrate } from '../bootstrap.ts';

/** `npm run migrate`: apply pending migrations to the configured database and exit. */
const config = loadConfig();
const db = await openAndMigrate(config);
console.log(db.applied.length ? `Migrasi diterapkan / applied: ${db.applied.join(', ')}` : 'Skema sudah mutakhir / schema is up to date');
await db.close();
