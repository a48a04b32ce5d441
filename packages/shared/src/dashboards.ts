import { z } from 'zod';
import { importRowErrorSchema } from './cameras.ts';

/**
 * Development dashboard (dashboard pembangunan): RFK per OPD, program and quarter (cumulative
 * realization against the quarterly S-curve target), IKU target vs realization, procurement.
 */
export const TRAFFIC_LIGHTS = ['hijau', 'kuning', 'merah'] as const;
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];
export const PROCUREMENT_STAGES = ['rup', 'tender', 'kontrak', 'pelaksanaan', 'selesai'] as const;

const pct = z.coerce.number().min(0).max(100);
const money = z.coerce.number().min(0).max(1e15);
const year = z.coerce.number().int().min(2000).max(2100);
const quarter = z.coerce.number().int().min(1).max(4);
/** Permendagri 90/2019 program code, e.g. 2.21.02 (urusan.bidang.program), optionally deeper. */
export const programCodeSchema = z.string().trim().regex(/^\d{1,2}(\.\d{1,2}){1,4}$/, 'kode program Permendagri 90/2019, mis. 2.21.02');

export const budgetInputSchema = z.strictObject({
  organizationId: z.uuid(),
  year,
  quarter,
  programCode: programCodeSchema,
  programName: z.string().trim().min(2).max(300),
  pagu: money,
  realization: money,
  physicalPct: pct,
  targetFinancialPct: pct,
  targetPhysicalPct: pct,
  problems: z.string().trim().max(2000).default(''),
  followUp: z.string().trim().max(2000).default(''),
}).refine((v) => v.realization <= v.pagu, { message: 'realisasi melebihi pagu', path: ['realization'] });
export type BudgetInput = z.infer<typeof budgetInputSchema>;

const progress = {
  pagu: z.number(),
  realization: z.number(),
  financialPct: z.number(),
  physicalPct: z.number(),
  targetFinancialPct: z.number(),
  targetPhysicalPct: z.number(),
  deviationFinancial: z.number(),
  deviationPhysical: z.number(),
  status: z.enum(TRAFFIC_LIGHTS),
};

export const budgetEntrySchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationCode: z.string(),
  organizationName: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  programCode: z.string(),
  programName: z.string(),
  ...progress,
  problems: z.string(),
  followUp: z.string(),
  updatedAt: z.string(),
});
export type BudgetEntry = z.infer<typeof budgetEntrySchema>;

export const indicatorInputSchema = z.strictObject({
  organizationId: z.uuid(),
  year,
  code: z.string().trim().min(1).max(30),
  name: z.string().trim().min(2).max(300),
  unit: z.string().trim().max(50).default(''),
  target: z.coerce.number().min(0),
  realization: z.coerce.number().min(0).nullable().default(null),
});
export type IndicatorInput = z.infer<typeof indicatorInputSchema>;
export const indicatorSchema = z.object({ id: z.uuid(), organizationId: z.uuid(), year: z.number(), code: z.string(), name: z.string(), unit: z.string(), target: z.number(), realization: z.number().nullable(), achievementPct: z.number().nullable() });
export type Indicator = z.infer<typeof indicatorSchema>;

export const procurementInputSchema = z.strictObject({
  organizationId: z.uuid(),
  year,
  packageName: z.string().trim().min(2).max(300),
  method: z.string().trim().min(2).max(60),
  stage: z.enum(PROCUREMENT_STAGES),
  value: money,
});
export type ProcurementInput = z.infer<typeof procurementInputSchema>;
export const procurementSchema = z.object({ id: z.uuid(), organizationId: z.uuid(), year: z.number(), packageName: z.string(), method: z.string(), stage: z.enum(PROCUREMENT_STAGES), value: z.number() });
export type Procurement = z.infer<typeof procurementSchema>;

export const periodQuerySchema = z.object({ year, quarter: quarter.optional() });
export type PeriodQuery = z.infer<typeof periodQuerySchema>;


export const opdRankSchema = z.object({
  rank: z.number().int(),
  organizationId: z.uuid(),
  code: z.string(),
  name: z.string(),
  programs: z.number().int(),
  ...progress,
  ikuAchievementPct: z.number().nullable(),
  procurementContractedPct: z.number().nullable(),
});
export type OpdRank = z.infer<typeof opdRankSchema>;

export const overviewSchema = z.object({ year: z.number(), quarter: z.number(), total: z.object(progress), opds: z.array(opdRankSchema) });
export type Overview = z.infer<typeof overviewSchema>;

export const trendPointSchema = z.object({ year: z.number(), quarter: z.number(), financialPct: z.number(), physicalPct: z.number(), targetFinancialPct: z.number(), targetPhysicalPct: z.number() });
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const opdDetailSchema = z.object({
  organizationId: z.uuid(),
  code: z.string(),
  name: z.string(),
  year: z.number(),
  quarter: z.number(),
  programs: z.array(budgetEntrySchema),
  indicators: z.array(indicatorSchema),
  procurements: z.array(procurementSchema),
  trend: z.array(trendPointSchema),
  /** Quarterly trend of each program (by program code), for the drill-down to one program. */
  programTrends: z.record(z.string(), z.array(trendPointSchema)),
});
export type OpdDetail = z.infer<typeof opdDetailSchema>;

/** Indicators Pantau computes from its own modules; `available: false` when the module is not there. */
export const serviceIndicatorSchema = z.object({
  key: z.string(),
  available: z.boolean(),
  unit: z.string(),
  items: z.array(z.object({ key: z.string(), label: z.string(), value: z.number(), total: z.number().nullable() })),
});
export type ServiceIndicator = z.infer<typeof serviceIndicatorSchema>;

export const budgetImportResultSchema = z.object({ ok: z.boolean(), rows: z.number().int(), saved: z.number().int(), errors: z.array(importRowErrorSchema) });
export type BudgetImportResult = z.infer<typeof budgetImportResultSchema>;

/** Columns of the budget import template (CSV/XLSX), in order. */
export const BUDGET_COLUMNS = ['kode_opd', 'tahun', 'triwulan', 'kode_program', 'nama_program', 'pagu', 'realisasi', 'fisik_persen', 'target_keuangan_persen', 'target_fisik_persen', 'permasalahan', 'tindak_lanjut'] as const;
