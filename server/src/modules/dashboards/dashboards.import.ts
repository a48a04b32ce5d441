import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { BUDGET_COLUMNS, budgetInputSchema, type BudgetImportResult, type BudgetInput, type ImportRowError } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { readCsv, readXlsx, XLSX_TYPE } from '../opendata/index.ts';
import { DashboardsRepository } from './dashboards.repository.ts';
import { mayWriteFor } from './dashboards.policy.ts';

const FIELD_OF: Record<string, (typeof BUDGET_COLUMNS)[number]> = {
  year: 'tahun', quarter: 'triwulan', programCode: 'kode_program', programName: 'nama_program', pagu: 'pagu', realization: 'realisasi', physicalPct: 'fisik_persen',
  targetFinancialPct: 'target_keuangan_persen', targetPhysicalPct: 'target_fisik_persen', problems: 'permasalahan', followUp: 'tindak_lanjut', organizationId: 'kode_opd',
};
const EXAMPLE = ['dinkes', '2025', '2', '1.02.02', 'Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat', '12500000000', '4100000000', '38.5', '35', '40', '', ''];

/** The import template, in CSV or XLSX, with one example row. */
export async function budgetTemplate(format: 'csv' | 'xlsx'): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(stringify([[...BUDGET_COLUMNS], EXAMPLE]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('RFK');
  ws.addRow([...BUDGET_COLUMNS]);
  ws.addRow(EXAMPLE);
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** RFK import from CSV or XLSX: every row checked, every bad row reported, all saved or none. */
export class BudgetImportService {
  private readonly repo = new DashboardsRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly tenancy: TenancyService,
  ) {}

  async template(actor: Actor, format: 'csv' | 'xlsx'): Promise<Buffer> {
    this.policy.authorize(actor, 'dashboard.write');
    return budgetTemplate(format);
  }

  async import(actor: Actor, contentType: string, body: Buffer, dryRun: boolean): Promise<BudgetImportResult> {
    this.policy.authorize(actor, 'dashboard.write');
    const raw = contentType.startsWith(XLSX_TYPE) ? await readXlsx(body) : readCsv(body);
    const errors: ImportRowError[] = [...raw.errors];
    const header = raw.header.map((h) => h.toLowerCase());
    for (const c of BUDGET_COLUMNS.slice(0, 10)) if (raw.header.length && !header.includes(c)) errors.push({ line: 1, column: c, message: `kolom wajib tidak ada: ${c}` });
    const orgs = new Map((await this.tenancy.organizationsOf(actor.tenantId)).map((o) => [o.code, o.id]));
    const inputs: BudgetInput[] = [];
    const seen = new Map<string, number>();
    if (errors.length === 0) {
      for (const r of raw.rows) {
        if (r.cells.length !== header.length) continue;
        const cell = (c: string) => r.cells[header.indexOf(c)] ?? '';
        const orgCode = cell('kode_opd');
        const orgId = orgs.get(orgCode);
        if (!orgId) { errors.push({ line: r.line, column: 'kode_opd', message: `OPD tidak dikenal: ${orgCode}` }); continue; }
        if (!mayWriteFor(actor, orgId)) { errors.push({ line: r.line, column: 'kode_opd', message: `Anda tidak berwenang mengisi data ${orgCode}` }); continue; }
        const parsed = budgetInputSchema.safeParse({
          organizationId: orgId, year: cell('tahun'), quarter: cell('triwulan'), programCode: cell('kode_program'), programName: cell('nama_program'), pagu: cell('pagu'), realization: cell('realisasi'),
          physicalPct: cell('fisik_persen'), targetFinancialPct: cell('target_keuangan_persen'), targetPhysicalPct: cell('target_fisik_persen'), problems: cell('permasalahan'), followUp: cell('tindak_lanjut'),
        });
        if (!parsed.success) {
          for (const i of parsed.error.issues) errors.push({ line: r.line, column: FIELD_OF[String(i.path[0])] ?? null, message: i.message });
          continue;
        }
        const key = `${orgId}|${parsed.data.year}|${parsed.data.quarter}|${parsed.data.programCode}`;
        if (seen.has(key)) { errors.push({ line: r.line, column: 'kode_program', message: `sama dengan baris ${seen.get(key)}` }); continue; }
        seen.set(key, r.line);
        inputs.push(parsed.data);
      }
    }
    const result: BudgetImportResult = { ok: errors.length === 0, rows: raw.rows.length, saved: 0, errors: errors.sort((a, b) => a.line - b.line) };
    if (errors.length) throw new DomainError('validation_failed', `Impor dibatalkan: ${errors.length} kesalahan; tidak ada yang disimpan`, result);
    if (dryRun) return result;
    await this.db.transaction().execute(async (tx) => {
      const events = [];
      for (const input of inputs) {
        const { id, created } = await this.repo.upsertBudget(tx, actor.tenantId, input);
        events.push({ action: created ? 'dashboard.budget.create' : 'dashboard.budget.update', targetType: 'dashboard_budget', targetId: id, details: { source: 'import', organizationId: input.organizationId, year: input.year, quarter: input.quarter, programCode: input.programCode, realization: input.realization } });
      }
      await this.audit.recordMany(tx, actor, events);
    });
    return { ...result, saved: inputs.length };
  }
}
