import type { ColumnType, Generated } from 'kysely';

type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns come back as text from node-postgres; the repository converts them. */
type Numeric = ColumnType<string | number, number | string, number | string>;

/** Tables of migration 0007 (development dashboard); merged into the Kysely Database type below. */
export interface DashBudgetsTable {
  id: Generated<string>;
  tenant_id: string;
  organization_id: string;
  year: number;
  quarter: number;
  program_code: string;
  program_name: string;
  pagu: Numeric;
  realization: Numeric;
  physical_pct: Numeric;
  target_financial_pct: Numeric;
  target_physical_pct: Numeric;
  problems: string;
  follow_up: string;
  updated_at: Updated;
}

export interface DashIndicatorsTable {
  id: Generated<string>;
  tenant_id: string;
  organization_id: string;
  year: number;
  code: string;
  name: string;
  unit: string;
  target: Numeric;
  realization: Numeric | null;
  updated_at: Updated;
}

export interface DashProcurementsTable {
  id: Generated<string>;
  tenant_id: string;
  organization_id: string;
  year: number;
  package_name: string;
  method: string;
  stage: 'rup' | 'tender' | 'kontrak' | 'pelaksanaan' | 'selesai';
  value: Numeric;
  updated_at: Updated;
}

declare module '../../platform/db/schema.ts' {
  interface Database {
    dash_budgets: DashBudgetsTable;
    dash_indicators: DashIndicatorsTable;
    dash_procurements: DashProcurementsTable;
  }
}
