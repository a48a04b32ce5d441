import type { BudgetEntry, BudgetInput, Indicator, IndicatorInput, OpdDetail, Overview, PeriodQuery, Procurement, ProcurementInput, ServiceIndicator, TrendPoint } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { DomainError, forbidden, notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { DashboardsRepository, type BudgetRow, type IndicatorRow, type ProcurementRow } from './dashboards.repository.ts';
import { achievement, combine, rankKey } from './dashboards.calc.ts';
import { mayWriteFor } from './dashboards.policy.ts';
import type { ServiceIndicatorProvider } from './dashboards.providers.ts';

const num = (v: string | number | null) => (v === null ? 0 : Number(v));
const asItem = (b: BudgetRow) => ({ pagu: num(b.pagu), realization: num(b.realization), physicalPct: num(b.physical_pct), targetFinancialPct: num(b.target_financial_pct), targetPhysicalPct: num(b.target_physical_pct) });

export function presentBudget(b: BudgetRow): BudgetEntry {
  const p = combine([asItem(b)]);
  return {
    id: b.id, organizationId: b.organization_id, organizationCode: b.org_code, organizationName: b.org_name, year: b.year, quarter: b.quarter, programCode: b.program_code, programName: b.program_name,
    pagu: p.pagu, realization: p.realization, financialPct: p.financialPct, physicalPct: p.physicalPct, targetFinancialPct: p.targetFinancialPct, targetPhysicalPct: p.targetPhysicalPct,
    deviationFinancial: p.deviationFinancial, deviationPhysical: p.deviationPhysical, status: p.status, problems: b.problems, followUp: b.follow_up, updatedAt: new Date(b.updated_at).toISOString(),
  };
}
const presentIndicator = (i: IndicatorRow): Indicator => ({ id: i.id, organizationId: i.organization_id, year: i.year, code: i.code, name: i.name, unit: i.unit, target: num(i.target), realization: i.realization === null ? null : num(i.realization), achievementPct: achievement(num(i.target), i.realization === null ? null : num(i.realization)) });
const presentProcurement = (p: ProcurementRow): Procurement => ({ id: p.id, organizationId: p.organization_id, year: p.year, packageName: p.package_name, method: p.method, stage: p.stage, value: num(p.value) });

/** Quarterly trend of cumulative realization against target, all OPDs together or one. */
function trendOf(rows: BudgetRow[]): TrendPoint[] {
  const byPeriod = new Map<string, BudgetRow[]>();
  for (const r of rows) byPeriod.set(`${r.year}-${r.quarter}`, [...(byPeriod.get(`${r.year}-${r.quarter}`) ?? []), r]);
  return [...byPeriod.values()].map((rs) => {
    const p = combine(rs.map(asItem));
    return { year: rs[0]!.year, quarter: rs[0]!.quarter, financialPct: p.financialPct, physicalPct: p.physicalPct, targetFinancialPct: p.targetFinancialPct, targetPhysicalPct: p.targetPhysicalPct };
  });
}

/** The development dashboard: RFK per OPD and quarter, IKU, procurement, and Pantau's own service indicators. */
export class DashboardsService {
  readonly repo = new DashboardsRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly tenancy: TenancyService,
    private readonly providers: ServiceIndicatorProvider[],
  ) {}

  /** The quarter asked for, or the latest with figures in that year. */
  private async quarterOf(tenantId: string, q: PeriodQuery): Promise<number> {
    if (q.quarter) return q.quarter;
    const rows = await this.repo.budgets(this.db, tenantId, q.year, null, null);
    return rows.reduce((m, r) => Math.max(m, r.quarter), 1);
  }

  /** Province overview: every OPD with figures in the period, ranked. */
  async overview(actor: Actor, q: PeriodQuery): Promise<Overview> {
    this.policy.authorize(actor, 'dashboard.read');
    const quarter = await this.quarterOf(actor.tenantId, q);
    const rows = await this.repo.budgets(this.db, actor.tenantId, q.year, quarter, null);
    const indicators = await this.repo.indicators(this.db, actor.tenantId, q.year, null);
    const procurements = await this.repo.procurements(this.db, actor.tenantId, q.year, null);
    const byOrg = new Map<string, BudgetRow[]>();
    for (const r of rows) byOrg.set(r.organization_id, [...(byOrg.get(r.organization_id) ?? []), r]);
    const opds = [...byOrg.values()].map((rs) => {
      const org = rs[0]!.organization_id;
      const ach = indicators.filter((i) => i.organization_id === org).map((i) => achievement(num(i.target), i.realization === null ? null : num(i.realization))).filter((a): a is number => a !== null);
      const pkgs = procurements.filter((p) => p.organization_id === org);
      const contracted = pkgs.filter((p) => ['kontrak', 'pelaksanaan', 'selesai'].includes(p.stage)).reduce((s, p) => s + num(p.value), 0);
      const total = pkgs.reduce((s, p) => s + num(p.value), 0);
      return {
        rank: 0, organizationId: org, code: rs[0]!.org_code, name: rs[0]!.org_name, programs: rs.length, ...combine(rs.map(asItem)),
        ikuAchievementPct: ach.length ? Math.round((ach.reduce((s, a) => s + a, 0) / ach.length) * 100) / 100 : null,
        procurementContractedPct: total > 0 ? Math.round((contracted / total) * 10000) / 100 : null,
      };
    });
    opds.sort((a, b) => {
      const [ka, kb] = [rankKey(a), rankKey(b)];
      return kb[0] - ka[0] || kb[1] - ka[1] || a.name.localeCompare(b.name);
    });
    opds.forEach((o, i) => (o.rank = i + 1));
    return { year: q.year, quarter, total: combine(rows.map(asItem)), opds };
  }

  /** Drill-down to one OPD: its programs in the period, IKU, procurement and its quarterly trend. */
  async opd(actor: Actor, organizationId: string, q: PeriodQuery): Promise<OpdDetail> {
    this.policy.authorize(actor, 'dashboard.read');
    const org = (await this.tenancy.organizationsOf(actor.tenantId)).find((o) => o.id === organizationId);
    if (!org) throw notFound('OPD');
    const quarter = await this.quarterOf(actor.tenantId, q);
    const all = await this.repo.budgets(this.db, actor.tenantId, null, null, organizationId);
    return {
      organizationId, code: org.code, name: org.name, year: q.year, quarter,
      programs: all.filter((r) => r.year === q.year && r.quarter === quarter).map(presentBudget),
      indicators: (await this.repo.indicators(this.db, actor.tenantId, q.year, organizationId)).map(presentIndicator),
      procurements: (await this.repo.procurements(this.db, actor.tenantId, q.year, organizationId)).map(presentProcurement),
      trend: trendOf(all),
      programTrends: Object.fromEntries([...new Set(all.map((r) => r.program_code))].map((code) => [code, trendOf(all.filter((r) => r.program_code === code))])),
    };
  }

  /** Quarters over the years, all OPDs together. */
  async trend(actor: Actor): Promise<TrendPoint[]> {
    this.policy.authorize(actor, 'dashboard.read');
    return trendOf(await this.repo.budgets(this.db, actor.tenantId, null, null, null));
  }

  async budgets(actor: Actor, q: PeriodQuery): Promise<BudgetEntry[]> {
    this.policy.authorize(actor, 'dashboard.read');
    return (await this.repo.budgets(this.db, actor.tenantId, q.year, q.quarter ?? null, null)).map(presentBudget);
  }

  async saveBudget(actor: Actor, input: BudgetInput): Promise<BudgetEntry> {
    this.policy.authorize(actor, 'dashboard.write');
    await this.checkOrg(actor, input.organizationId);
    const id = await this.db.transaction().execute(async (tx) => {
      const { id, created } = await this.repo.upsertBudget(tx, actor.tenantId, input);
      await this.audit.record(tx, actor, { action: created ? 'dashboard.budget.create' : 'dashboard.budget.update', targetType: 'dashboard_budget', targetId: id, details: { organizationId: input.organizationId, year: input.year, quarter: input.quarter, programCode: input.programCode, pagu: input.pagu, realization: input.realization, physicalPct: input.physicalPct } });
      return id;
    });
    const row = (await this.repo.budgets(this.db, actor.tenantId, input.year, input.quarter, input.organizationId)).find((r) => r.id === id)!;
    return presentBudget(row);
  }

  async deleteBudget(actor: Actor, id: string): Promise<void> {
    this.policy.authorize(actor, 'dashboard.write');
    const row = await this.repo.findBudget(this.db, actor.tenantId, id);
    if (!row) throw notFound('Entri anggaran');
    if (!mayWriteFor(actor, row.organization_id)) throw forbidden('Hanya OPD pemilik yang mengubah datanya');
    await this.db.transaction().execute(async (tx) => {
      await this.repo.deleteBudget(tx, actor.tenantId, id);
      await this.audit.record(tx, actor, { action: 'dashboard.budget.delete', targetType: 'dashboard_budget', targetId: id });
    });
  }

  async saveIndicator(actor: Actor, input: IndicatorInput): Promise<Indicator> {
    this.policy.authorize(actor, 'dashboard.write');
    await this.checkOrg(actor, input.organizationId);
    await this.db.transaction().execute(async (tx) => {
      const id = await this.repo.upsertIndicator(tx, actor.tenantId, input);
      await this.audit.record(tx, actor, { action: 'dashboard.indicator.save', targetType: 'dashboard_indicator', targetId: id, details: { ...input } });
    });
    return (await this.repo.indicators(this.db, actor.tenantId, input.year, input.organizationId)).map(presentIndicator).find((i) => i.code === input.code)!;
  }

  async saveProcurement(actor: Actor, input: ProcurementInput): Promise<Procurement> {
    this.policy.authorize(actor, 'dashboard.write');
    await this.checkOrg(actor, input.organizationId);
    await this.db.transaction().execute(async (tx) => {
      const id = await this.repo.upsertProcurement(tx, actor.tenantId, input);
      await this.audit.record(tx, actor, { action: 'dashboard.procurement.save', targetType: 'dashboard_procurement', targetId: id, details: { ...input } });
    });
    return (await this.repo.procurements(this.db, actor.tenantId, input.year, input.organizationId)).map(presentProcurement).find((p) => p.packageName === input.packageName)!;
  }

  async serviceIndicators(actor: Actor): Promise<ServiceIndicator[]> {
    this.policy.authorize(actor, 'dashboard.read');
    return Promise.all(this.providers.map((p) => p.collect(actor)));
  }

  async checkOrg(actor: Actor, organizationId: string): Promise<void> {
    if (!(await this.tenancy.organizationsOf(actor.tenantId)).some((o) => o.id === organizationId)) throw new DomainError('validation_failed', 'Masukan tidak valid', [{ path: 'body.organizationId', message: 'OPD tidak dikenal' }]);
    if (!mayWriteFor(actor, organizationId)) throw forbidden('Hanya OPD pemilik yang mengisi datanya');
  }
}
