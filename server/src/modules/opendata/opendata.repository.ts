import { sql, type Expression, type Selectable, type Updateable, type SqlBool, type ExpressionBuilder } from 'kysely';
import type { DatasetState } from '@pantau/shared';
import type { Executor } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { OdDatasetsTable, OdGroupsTable, OdResourcesTable } from './opendata.tables.ts';

export type DatasetRow = Selectable<OdDatasetsTable> & { org_code: string; org_name: string };
export type ResourceRow = Selectable<OdResourcesTable>;
export type GroupRow = Selectable<OdGroupsTable>;

/** Which datasets a reader sees: the public only published ones, a produsen also its own OPD's. */
export type DatasetScope = { tenantId: string; kind: 'published' } | { tenantId: string; kind: 'all' } | { tenantId: string; kind: 'organization'; organizationId: string };

export interface CatalogFilter {
  q: string | null;
  names: string[];
  organizations: string[];
  tags: string[];
  groups: string[];
  formats: string[];
  regions: string[];
  licenses: string[];
  state: DatasetState | null;
}

export type CatalogSort = { by: 'relevance' | 'title' | 'name' | 'created' | 'modified'; desc: boolean }[];

/** Facets of the catalog, named as CKAN names them. */
export const DATASET_FACETS = ['organization', 'tags', 'groups', 'res_format', 'region', 'license_id'] as const;
export type DatasetFacet = (typeof DATASET_FACETS)[number];

type Eb = ExpressionBuilder<Database & { d: OdDatasetsTable; o: Database['organizations'] }, 'd' | 'o'>;

function scoped(eb: Eb, scope: DatasetScope): Expression<SqlBool> {
  const own = eb('d.tenant_id', '=', scope.tenantId);
  if (scope.kind === 'all') return own;
  if (scope.kind === 'published') return eb.and([own, eb('d.state', '=', 'published')]);
  return eb.and([own, eb.or([eb('d.state', '=', 'published'), eb('d.organization_id', '=', scope.organizationId)])]);
}

function filtered(eb: Eb, f: CatalogFilter): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = [];
  if (f.q) c.push(sql<SqlBool>`d.search @@ websearch_to_tsquery('simple', ${f.q})`);
  if (f.names.length) c.push(eb('d.name', 'in', f.names));
  if (f.organizations.length) c.push(eb('o.code', 'in', f.organizations));
  if (f.regions.length) c.push(eb('d.region_code', 'in', f.regions));
  if (f.licenses.length) c.push(eb('d.license_id', 'in', f.licenses));
  if (f.state) c.push(eb('d.state', '=', f.state));
  // every named tag, group and format must be present (CKAN's fq terms are ANDed)
  if (f.tags.length) c.push(sql<SqlBool>`d.tags @> ${sql.val(f.tags)}::text[]`);
  if (f.groups.length) c.push(sql<SqlBool>`d.groups @> ${sql.val(f.groups)}::text[]`);
  if (f.formats.length) c.push(sql<SqlBool>`d.formats @> ${sql.val(f.formats)}::text[]`);
  return eb.and(c);
}

/** Datasets, resources, groups and the walidata setting. Every read takes the tenant. */
export class OpendataRepository {
  private datasets(db: Executor) {
    return db.selectFrom('od_datasets as d').innerJoin('organizations as o', 'o.id', 'd.organization_id').selectAll('d').select(['o.code as org_code', 'o.name as org_name']);
  }

  findDataset(db: Executor, scope: DatasetScope, idOrName: string): Promise<DatasetRow | undefined> {
    const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
    return this.datasets(db)
      .where((eb) => eb.and([scoped(eb as Eb, scope), isId ? eb('d.id', '=', idOrName) : eb('d.name', '=', idOrName)]))
      .executeTakeFirst();
  }

  async search(db: Executor, scope: DatasetScope, f: CatalogFilter, sort: CatalogSort, limit: number, offset: number): Promise<{ rows: DatasetRow[]; total: number }> {
    const base = () => db.selectFrom('od_datasets as d').innerJoin('organizations as o', 'o.id', 'd.organization_id').where((eb) => eb.and([scoped(eb as Eb, scope), filtered(eb as Eb, f)]));
    const { n } = await base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    let q = this.datasets(db).where((eb) => eb.and([scoped(eb as Eb, scope), filtered(eb as Eb, f)]));
    for (const s of sort) {
      const dir = s.desc ? 'desc' : 'asc';
      if (s.by === 'relevance') q = f.q ? q.orderBy(sql`ts_rank(d.search, websearch_to_tsquery('simple', ${f.q}))`, 'desc') : q;
      else if (s.by === 'title') q = q.orderBy('d.title', dir);
      else if (s.by === 'name') q = q.orderBy('d.name', dir);
      else if (s.by === 'created') q = q.orderBy('d.created_at', dir);
      else q = q.orderBy('d.updated_at', dir);
    }
    const rows = await q.orderBy('d.id').limit(limit).offset(offset).execute();
    return { rows, total: Number(n) };
  }

  /**
   * Counts per facet value over the same filtered set, every facet in one query (one scan of the
   * matching datasets); array columns count each element. At most `limit` values per facet.
   */
  async facets(db: Executor, scope: DatasetScope, f: CatalogFilter, facets: DatasetFacet[], limit: number): Promise<Record<string, { name: string; count: number }[]>> {
    const out: Record<string, { name: string; count: number }[]> = Object.fromEntries(facets.map((x) => [x, []]));
    if (facets.length === 0) return out;
    const matching = db
      .selectFrom('od_datasets as d')
      .innerJoin('organizations as o', 'o.id', 'd.organization_id')
      .where((eb) => eb.and([scoped(eb as Eb, scope), filtered(eb as Eb, f)]))
      .select(['o.code as organization', 'd.tags', 'd.groups', 'd.formats as res_format', 'd.region_code as region', 'd.license_id']);
    const part = (facet: DatasetFacet) =>
      facet === 'tags' || facet === 'groups' || facet === 'res_format'
        ? sql`select ${facet} as facet, v as name, count(*) as n from m, unnest(m.${sql.id(facet)}) as v group by v`
        : sql`select ${facet} as facet, m.${sql.id(facet)} as name, count(*) as n from m group by 2`;
    const { rows } = await sql<{ facet: string; name: string; n: number }>`
      with m as materialized (${matching})
      select facet, name, n from (
        select facet, name, n, row_number() over (partition by facet order by n desc, name) as r
        from (${sql.join(facets.map(part), sql` union all `)}) as all_facets
      ) as ranked where r <= ${limit} order by facet, r`.execute(db);
    for (const r of rows) out[r.facet]!.push({ name: String(r.name), count: Number(r.n) });
    return out;
  }

  async listNames(db: Executor, scope: DatasetScope, limit: number, offset: number): Promise<string[]> {
    const rows = await db.selectFrom('od_datasets as d').innerJoin('organizations as o', 'o.id', 'd.organization_id').where((eb) => scoped(eb as Eb, scope)).select('d.name').orderBy('d.name').limit(limit).offset(offset).execute();
    return rows.map((r) => r.name);
  }

  async nameTaken(db: Executor, tenantId: string, name: string, exceptId?: string): Promise<boolean> {
    let q = db.selectFrom('od_datasets').select('id').where('tenant_id', '=', tenantId).where('name', '=', name);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return !!(await q.executeTakeFirst());
  }

  async insertDataset(db: Executor, v: Omit<OdDatasetsTable, 'id' | 'state' | 'formats' | 'search' | 'created_at' | 'updated_at' | 'published_at' | 'review_note'>): Promise<string> {
    const { id } = await db.insertInto('od_datasets').values(v).returning('id').executeTakeFirstOrThrow();
    await this.refreshSearch(db, id);
    return id;
  }

  async updateDataset(db: Executor, tenantId: string, id: string, v: Updateable<OdDatasetsTable>): Promise<void> {
    await db.updateTable('od_datasets').set({ ...v, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
    await this.refreshSearch(db, id);
  }

  /** Title weighs more than the rest; 'simple' because the catalog mixes Bahasa Indonesia and English. */
  private async refreshSearch(db: Executor, id: string): Promise<void> {
    await sql`update od_datasets set search = setweight(to_tsvector('simple', name || ' ' || title), 'A')
      || setweight(to_tsvector('simple', array_to_string(tags, ' ') || ' ' || array_to_string(groups, ' ')), 'B')
      || setweight(to_tsvector('simple', description || ' ' || konsep || ' ' || definisi || ' ' || sumber), 'C') where id = ${id}`.execute(db);
  }

  async deleteDataset(db: Executor, tenantId: string, id: string): Promise<void> {
    await db.deleteFrom('od_datasets').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }

  /** Keeps the dataset's format list (a search facet) in step with its resources. */
  async refreshFormats(db: Executor, datasetId: string): Promise<void> {
    await sql`update od_datasets set formats = coalesce((select array_agg(distinct upper(format) order by upper(format)) from od_resources where dataset_id = ${datasetId}), '{}'), updated_at = now() where id = ${datasetId}`.execute(db);
  }

  listResources(db: Executor, tenantId: string, datasetIds: string[]): Promise<ResourceRow[]> {
    if (datasetIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('od_resources').selectAll().where('tenant_id', '=', tenantId).where('dataset_id', 'in', datasetIds).orderBy('position').orderBy('created_at').execute();
  }

  findResource(db: Executor, tenantId: string, id: string): Promise<ResourceRow | undefined> {
    return db.selectFrom('od_resources').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  async insertResource(db: Executor, v: { id?: string; tenantId: string; datasetId: string; name: string; description: string; format: string; url: string | null; table: string | null; fields: unknown[]; rowCount: number }): Promise<ResourceRow> {
    const { n } = await db.selectFrom('od_resources').select((eb) => eb.fn.countAll<number>().as('n')).where('dataset_id', '=', v.datasetId).executeTakeFirstOrThrow();
    return db
      .insertInto('od_resources')
      .values({ ...(v.id ? { id: v.id } : {}), tenant_id: v.tenantId, dataset_id: v.datasetId, position: Number(n), name: v.name, description: v.description, format: v.format, url: v.url, datastore_table: v.table, fields: JSON.stringify(v.fields), row_count: v.rowCount })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async deleteResource(db: Executor, tenantId: string, id: string): Promise<void> {
    await db.deleteFrom('od_resources').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }

  listGroups(db: Executor, tenantId: string): Promise<GroupRow[]> {
    return db.selectFrom('od_groups').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
  }

  insertGroup(db: Executor, tenantId: string, g: { name: string; title: string; description: string }): Promise<GroupRow> {
    return db.insertInto('od_groups').values({ tenant_id: tenantId, ...g }).returningAll().executeTakeFirstOrThrow();
  }

  async walidataOf(db: Executor, tenantId: string): Promise<string | null> {
    const row = await db.selectFrom('od_settings').select('walidata_organization_id').where('tenant_id', '=', tenantId).executeTakeFirst();
    return row?.walidata_organization_id ?? null;
  }

  async setWalidata(db: Executor, tenantId: string, organizationId: string): Promise<void> {
    await db.insertInto('od_settings').values({ tenant_id: tenantId, walidata_organization_id: organizationId }).onConflict((oc) => oc.column('tenant_id').doUpdateSet({ walidata_organization_id: organizationId })).execute();
  }
}
