import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { datastoreTypeSchema, type DatastoreField, type DatastorePage, type Resource, type ResourceLinkInput, type ResourceUploadQuery, type ResourceUploadResult } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import type { OpendataService } from './opendata.service.ts';
import type { DatasetRow, DatasetScope, ResourceRow } from './opendata.repository.ts';
import { DatastoreRepository, tableFor } from './datastore.repository.ts';
import { resolveSearch, invalid, type RawDatastoreSearch } from './datastore.query.ts';
import { presentResource } from './opendata.present.ts';
import { readCsv, readXlsx, typeTable, XLSX_TYPE } from './tabular.ts';

const declaredTypesSchema = z.record(z.string(), datastoreTypeSchema);
const CHUNK = 5000;

/** A datastore resource the reader may see, with its dataset. */
export interface VisibleResource {
  resource: ResourceRow;
  dataset: DatasetRow;
}

/** Resources of datasets: uploaded CSV/XLSX tables kept in the datastore, or external links. */
export class ResourcesService {
  private readonly datastore = new DatastoreRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly datasets: OpendataService,
  ) {}

  /**
   * Reads, types and checks an upload; all or nothing: with any bad row the answer lists every
   * one of them and nothing is written. `dryRun` previews without writing.
   */
  async upload(actor: Actor, datasetId: string, contentType: string, body: Buffer, q: ResourceUploadQuery): Promise<ResourceUploadResult> {
    this.policy.authorize(actor, 'dataset.write');
    const dataset = await this.datasets.editable(actor, datasetId);
    const isXlsx = contentType.startsWith(XLSX_TYPE);
    const raw = isXlsx ? await readXlsx(body) : readCsv(body);
    let declared: Record<string, z.infer<typeof datastoreTypeSchema>> = {};
    if (q.types) {
      const parsed = declaredTypesSchema.safeParse((() => { try { return JSON.parse(q.types); } catch { return null; } })());
      if (!parsed.success) throw new DomainError('validation_failed', 'Masukan tidak valid', [{ path: 'querystring.types', message: 'JSON {"kolom": "text|int|numeric|date|timestamp"}' }]);
      declared = parsed.data;
    }
    const typed = raw.errors.length && raw.rows.length === 0 ? { fields: [], errors: [] } : typeTable(raw, declared);
    const errors = [...raw.errors, ...typed.errors].sort((a, b) => a.line - b.line);
    const preview = raw.rows.slice(0, 10).map((r) => Object.fromEntries(typed.fields.map((f, i) => [f.id, r.cells[i] ?? null])));
    const result: ResourceUploadResult = { ok: errors.length === 0, rows: raw.rows.length, fields: typed.fields, preview, errors, resource: null };
    if (errors.length) throw new DomainError('validation_failed', `Unggahan dibatalkan: ${errors.length} kesalahan; tidak ada yang disimpan`, result);
    if (raw.rows.length === 0) throw new DomainError('validation_failed', 'Berkas tidak berisi baris data', { ...result, ok: false });
    if (q.dryRun === 'true') return result;
    const resource = await this.db.transaction().execute(async (tx) => {
      const id = randomUUID();
      await this.datastore.create(tx, tableFor(id), typed.fields, raw.rows.map((r) => r.cells));
      const row = await this.datasets.repo.insertResource(tx, { id, tenantId: actor.tenantId, datasetId: dataset.id, name: q.name, description: q.description, format: isXlsx ? 'XLSX' : 'CSV', url: null, table: tableFor(id), fields: typed.fields, rowCount: raw.rows.length });
      await this.datasets.repo.refreshFormats(tx, dataset.id);
      await this.audit.record(tx, actor, { action: 'dataset.resource.upload', targetType: 'dataset', targetId: dataset.id, details: { resourceId: id, name: q.name, rows: raw.rows.length, columns: typed.fields.length } });
      return row;
    });
    // the rows are committed; a failed vacuum only leaves queries slower until autovacuum runs
    await this.datastore.vacuum(this.db, tableFor(resource.id)).catch(() => undefined);
    return { ...result, resource: presentResource(resource) };
  }

  async link(actor: Actor, datasetId: string, input: ResourceLinkInput): Promise<Resource> {
    this.policy.authorize(actor, 'dataset.write');
    const dataset = await this.datasets.editable(actor, datasetId);
    return this.db.transaction().execute(async (tx) => {
      const row = await this.datasets.repo.insertResource(tx, { tenantId: actor.tenantId, datasetId: dataset.id, name: input.name, description: input.description, format: input.format.toUpperCase(), url: input.url, table: null, fields: [], rowCount: 0 });
      await this.datasets.repo.refreshFormats(tx, dataset.id);
      await this.audit.record(tx, actor, { action: 'dataset.resource.link', targetType: 'dataset', targetId: dataset.id, details: { resourceId: row.id, url: input.url } });
      return presentResource(row);
    });
  }

  async remove(actor: Actor, resourceId: string): Promise<void> {
    this.policy.authorize(actor, 'dataset.write');
    const r = await this.datasets.repo.findResource(this.db, actor.tenantId, resourceId);
    if (!r) throw notFound('Sumber data');
    await this.datasets.editable(actor, r.dataset_id);
    await this.db.transaction().execute(async (tx) => {
      await this.datasets.repo.deleteResource(tx, actor.tenantId, r.id);
      if (r.datastore_table) await this.datastore.drop(tx, r.datastore_table);
      await this.datasets.repo.refreshFormats(tx, r.dataset_id);
      await this.audit.record(tx, actor, { action: 'dataset.resource.delete', targetType: 'dataset', targetId: r.dataset_id, details: { resourceId: r.id, name: r.name } });
    });
  }

  /** The resource if its dataset lies in the scope; 404 otherwise (an unpublished one does not exist for the public). */
  async visible(scope: DatasetScope, resourceId: string): Promise<VisibleResource> {
    const resource = z.uuid().safeParse(resourceId).success ? await this.datasets.repo.findResource(this.db, scope.tenantId, resourceId) : undefined;
    const dataset = resource && (await this.datasets.repo.findDataset(this.db, scope, resource.dataset_id));
    if (!resource || !dataset) throw notFound('Sumber data');
    return { resource, dataset };
  }

  async scopeOf(actor: Actor): Promise<DatasetScope> {
    this.policy.authorize(actor, 'dataset.read');
    return (await this.datasets.scopeOf(actor)).scope;
  }

  private tableOf(v: VisibleResource): { table: string; fields: DatastoreField[] } {
    if (!v.resource.datastore_table) throw invalid('resource_id', 'Sumber data ini tautan luar, tidak ada di datastore');
    return { table: v.resource.datastore_table, fields: v.resource.fields };
  }

  /** Filter, full-text, sort and page over a datastore table (also CKAN's datastore_search). */
  async search(scope: DatasetScope, resourceId: string, raw: RawDatastoreSearch): Promise<DatastorePage & { resource: ResourceRow }> {
    const v = await this.visible(scope, resourceId);
    const { table, fields } = this.tableOf(v);
    const s = resolveSearch(fields, raw);
    const { records, total } = await this.datastore.search(this.db, table, fields, s, Number(v.resource.row_count));
    return { fields: [{ id: '_id', type: 'int' }, ...fields], records, total, resource: v.resource };
  }

  /** Every matching row, chunk by chunk in `_id` order, for CSV and JSON downloads of any size. */
  async *rows(scope: DatasetScope, resourceId: string, raw: Omit<RawDatastoreSearch, 'sort' | 'limit' | 'offset'>): AsyncGenerator<{ fields: DatastoreField[]; rows: Record<string, unknown>[] }> {
    const v = await this.visible(scope, resourceId);
    const { table, fields } = this.tableOf(v);
    const s = resolveSearch(fields, { ...raw, limit: CHUNK, offset: 0 });
    let after = 0;
    for (;;) {
      const rows = await this.datastore.chunk(this.db, table, fields, s, after, CHUNK);
      yield { fields, rows };
      if (rows.length < CHUNK) return;
      after = Number(rows[rows.length - 1]!._id);
    }
  }

  /** Values of one column grouped and aggregated, for a chart. */
  async aggregate(scope: DatasetScope, resourceId: string, x: string, y: string | null, fn: 'sum' | 'avg' | 'count'): Promise<{ x: unknown; y: number }[]> {
    const v = await this.visible(scope, resourceId);
    const { table, fields } = this.tableOf(v);
    const xi = fields.findIndex((f) => f.id === x);
    const yi = y === null ? -1 : fields.findIndex((f) => f.id === y);
    if (xi < 0) throw invalid('x', `kolom tidak dikenal: ${x}`);
    if (y !== null && (yi < 0 || !['int', 'numeric'].includes(fields[yi]!.type))) throw invalid('y', `kolom angka tidak dikenal: ${y}`);
    return this.datastore.aggregate(this.db, table, xi, yi < 0 ? null : yi, y === null ? 'count' : fn, 500);
  }
}
