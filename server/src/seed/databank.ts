import type { Actor } from '../platform/authz/actor.ts';
import type { Services } from '../app.ts';
import { seedOpendataDemo } from '../modules/opendata/index.ts';
import { seedDashboardsDemo } from '../modules/dashboards/index.ts';

/** Demo data bank (datasets, groups, walidata) and development dashboard figures for the seeded OPDs. */
export async function seedDatabankDemo(system: Actor, orgIds: Map<string, string>, services: Services): Promise<void> {
  await seedOpendataDemo(system, orgIds, services.opendata, services.resources);
  await seedDashboardsDemo(system, orgIds, services.dashboards);
}
