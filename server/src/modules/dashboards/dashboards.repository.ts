import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DashBudgetsTable, DashIndicatorsTable, DashProcurementsTable } from './dashboards.tables.ts';

export type BudgetRow = Selectable<DashBudgetsTable> & { org_code: string; org_name: string };
export type IndicatorRow = Selectable<DashIndicatorsTable>;
export type ProcurementRow = Selectable<DashProcurementsTable>;

export interface BudgetValues {
  organizationId: string;
  year: number;
  quarter: number;
  programCode: string;
  programName: string;
  pagu: number;
  realization: number;
  physicalPct: number;
  targetFinancialPct: number;
  targetPhysicalPct: number;
  problems: string;
  followUp: string;
}

/** RFK entries, IKU and procurement packages; every method takes the tenant. */
export class DashboardsRepository {
  /** Entries of a year (one quarter, or all), optionally of one OPD. */
  budgets(db: Executor, tenantId: string, year: number | null, quarter: number | null, organizationId: string | null): Promise<BudgetRow[]> {
    let q = db.selectFrom('dash_budgets as b').innerJoin('organizations as o', 'o.id', 'b.organization_id').selectAll('b').select(['o.code as org_code', 'o.name as org_name']).where('b.tenant_id', '=', tenantId);
    if (year !== null) q = q.where('b.year', '=', year);
    if (quarter !== null) q = q.where('b.quarter', '=', quarter);
    if (organizationId) q = q.where('b.organization_id', '=', organizationId);
    return q.orderBy('b.year').orderBy('b.quarter').orderBy('o.name').orderBy('b.program_code').execute();
  }

  /** Inserts or replaces the entry of (OPD, year, quarter, program); returns the row and whether it existed. */
  async upsertBudget(db: Executor, tenantId: string, v: BudgetValues): Promise<{ id: string; created: boolean }> {
    const existing = await db.selectFrom('dash_budgets').select('id').where('organization_id', '=', v.organizationId).where('year', '=', v.year).where('quarter', '=', v.quarter).where('program_code', '=', v.programCode).executeTakeFirst();
    const values = { program_name: v.programName, pagu: v.pagu, realization: v.realization, physical_pct: v.physicalPct, target_financial_pct: v.targetFinancialPct, target_physical_pct: v.targetPhysicalPct, problems: v.problems, follow_up: v.followUp };
    if (existing) {
      await db.updateTable('dash_budgets').set({ ...values, updated_at: new Date() }).where('id', '=', existing.id).execute();
      return { id: existing.id, created: false };
    }
    const row = await db.insertInto('dash_budgets').values({ tenant_id: tenantId, organization_id: v.organizationId, year: v.year, quarter: v.quarter, program_code: v.programCode, ...values }).returning('id').executeTakeFirstOrThrow();
    return { id: row.id, created: true };
  }

  async deleteBudget(db: Executor, tenantId: string, id: string): Promise<{ organization_id: string } | undefined> {
    return db.deleteFrom('dash_budgets').where('tenant_id', '=', tenantId).where('id', '=', id).returning('organization_id').executeTakeFirst();
  }

  findBudget(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('dash_budgets').select(['id', 'organization_id']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  indicators(db: Executor, tenantId: string, year: number, organizationId: string | null): Promise<IndicatorRow[]> {
    let q = db.selectFrom('dash_indicators').selectAll().where('tenant_id', '=', tenantId).where('year', '=', year);
    if (organizationId) q = q.where('organization_id', '=', organizationId);
    return q.orderBy('code').execute();
  }

  async upsertIndicator(db: Executor, tenantId: string, v: { organizationId: string; year: number; code: string; name: string; unit: string; target: number; realization: number | null }): Promise<string> {
    const row = await db
      .insertInto('dash_indicators')
      .values({ tenant_id: tenantId, organization_id: v.organizationId, year: v.year, code: v.code, name: v.name, unit: v.unit, target: v.target, realization: v.realization })
      .onConflict((oc) => oc.columns(['organization_id', 'year', 'code']).doUpdateSet({ name: v.name, unit: v.unit, target: v.target, realization: v.realization, updated_at: new Date() }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  procurements(db: Executor, tenantId: string, year: number, organizationId: string | null): Promise<ProcurementRow[]> {
    let q = db.selectFrom('dash_procurements').selectAll().where('tenant_id', '=', tenantId).where('year', '=', year);
    if (organizationId) q = q.where('organization_id', '=', organizationId);
    return q.orderBy('package_name').execute();
  }

  async upsertProcurement(db: Executor, tenantId: string, v: { organizationId: string; year: number; packageName: string; method: string; stage: ProcurementRow['stage']; value: number }): Promise<string> {
    const row = await db
      .insertInto('dash_procurements')
      .values({ tenant_id: tenantId, organization_id: v.organizationId, year: v.year, package_name: v.packageName, method: v.method, stage: v.stage, value: v.value })
      .onConflict((oc) => oc.columns(['organization_id', 'year', 'package_name']).doUpdateSet({ method: v.method, stage: v.stage, value: v.value, updated_at: new Date() }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
}
