import { loadConfig } from '../config.ts';
import { openAndMigrate } from '../bootstrap.ts';
import { AuditService } from '../modules/audit/index.ts';
import { Policy } from '../platform/authz/policy.ts';
import { systemClock } from '../platform/clock.ts';

/** `npm run audit:verify`: recompute the audit hash chain; exit 1 naming the first bad row. */
const config = loadConfig();
const db = await openAndMigrate(config);
const result = await new AuditService(db.db, new Policy([]), systemClock).verify();
await db.close();
if (result.ok) {
  console.log(`Rantai audit utuh / audit chain intact: ${result.rows} baris / rows`);
} else {
  console.error(`Rantai audit RUSAK / audit chain BROKEN at row ${result.firstBad!.id}: ${result.firstBad!.reason} (${result.rows} rows read)`);
  process.exitCode = 1;
}
