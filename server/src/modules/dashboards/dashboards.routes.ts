import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { budgetEntrySchema, budgetImportResultSchema, budgetInputSchema, indicatorInputSchema, indicatorSchema, opdDetailSchema, overviewSchema, periodQuerySchema, procurementInputSchema, procurementSchema, serviceIndicatorSchema, trendPointSchema } from '@pantau/shared';
import { requireActor } from '../../platform/http/auth-hook.ts';
import type { DashboardsService } from './dashboards.service.ts';
import type { BudgetImportService } from './dashboards.import.ts';

const idParams = z.object({ id: z.uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function dashboardsRoutes(app: FastifyInstance, dash: DashboardsService, importer: BudgetImportService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dashboard pembangunan'];
  r.get('/api/dashboard/overview', { schema: { tags, summary: 'Peringkat OPD: realisasi keuangan dan fisik terhadap target triwulan', querystring: periodQuerySchema, response: { 200: overviewSchema } } }, (req) => dash.overview(requireActor(req), req.query));
  r.get('/api/dashboard/trend', { schema: { tags, summary: 'Tren triwulanan seluruh OPD', response: { 200: z.array(trendPointSchema) } } }, (req) => dash.trend(requireActor(req)));
  r.get('/api/dashboard/opd/:id', { schema: { tags, summary: 'Rincian satu OPD: program, IKU, pengadaan, tren', params: idParams, querystring: periodQuerySchema, response: { 200: opdDetailSchema } } }, (req) => dash.opd(requireActor(req), req.params.id, req.query));
  r.get('/api/dashboard/service-indicators', { schema: { tags, summary: 'Indikator layanan dari Pantau (kamera daring, SLA insiden, PPID)', response: { 200: z.array(serviceIndicatorSchema) } } }, (req) => dash.serviceIndicators(requireActor(req)));
  r.get('/api/dashboard/budgets', { schema: { tags, querystring: periodQuerySchema, response: { 200: z.array(budgetEntrySchema) } } }, (req) => dash.budgets(requireActor(req), req.query));
  r.put('/api/dashboard/budgets', { schema: { tags, summary: 'Simpan RFK satu program satu triwulan (buat atau ganti)', body: budgetInputSchema, response: { 200: budgetEntrySchema } } }, (req) => dash.saveBudget(requireActor(req), req.body));
  r.delete('/api/dashboard/budgets/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await dash.deleteBudget(requireActor(req), req.params.id);
    return reply.status(204).send();
  });
  r.put('/api/dashboard/indicators', { schema: { tags, summary: 'Simpan IKU (target dan realisasi)', body: indicatorInputSchema, response: { 200: indicatorSchema } } }, (req) => dash.saveIndicator(requireActor(req), req.body));
  r.put('/api/dashboard/procurements', { schema: { tags, summary: 'Simpan paket pengadaan', body: procurementInputSchema, response: { 200: procurementSchema } } }, (req) => dash.saveProcurement(requireActor(req), req.body));
  r.post(
    '/api/dashboard/budgets/import',
    { bodyLimit: 16 * 1024 * 1024, schema: { tags, summary: 'Impor RFK dari CSV/XLSX (semua atau tidak sama sekali)', consumes: ['text/csv', XLSX], querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }), response: { 200: budgetImportResultSchema } } },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw Object.assign(new Error('Kirim berkas CSV (text/csv) atau XLSX'), { statusCode: 415 });
      return importer.import(requireActor(req), String(req.headers['content-type'] ?? ''), req.body, req.query.dryRun === 'true');
    },
  );
  r.get('/api/dashboard/budgets/template.:format', { schema: { tags, summary: 'Templat impor RFK', params: z.object({ format: z.enum(['csv', 'xlsx']) }) } }, async (req, reply) => {
    const f = req.params.format;
    const file = await importer.template(requireActor(req), f);
    return reply.header('content-type', f === 'csv' ? 'text/csv; charset=utf-8' : XLSX).header('content-disposition', `attachment; filename="templat-rfk.${f}"`).send(file);
  });
}
