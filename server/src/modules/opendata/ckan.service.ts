import { ckanParams, type CkanAction } from '@pantau/shared';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import type { TenancyService } from '../tenancy/index.ts';
import type { OpendataService } from './opendata.service.ts';
import type { ResourcesService } from './resources.service.ts';
import type { CatalogFilter, DatasetFacet, DatasetRow, DatasetScope } from './opendata.repository.ts';
import { DATASET_FACETS } from './opendata.repository.ts';
import { ckanGroup, ckanOrganization, ckanPackage, ckanResource, type CkanUrls } from './ckan.present.ts';
import { parseCkanQuery, parseCkanSort, parseFacetFields } from './ckan.query.ts';
import { invalid } from './datastore.query.ts';
import { dcatCatalog, dcatDataset } from './dcat.ts';

/** What CKAN's status_show says; harvesters read `ckan_version` to pick their API dialect. */
export const CKAN_VERSION = '2.10.4';

const HELP: Record<CkanAction, string> = {
  status_show: 'Return a dictionary with information about the site\'s configuration.',
  package_list: 'Return a list of the names of the site\'s datasets (packages). Parameters: limit, offset.',
  package_search: 'Searches for datasets. Parameters: q, fq, rows (default 10, max 1000), start, sort, facet, facet.field, facet.limit.',
  package_show: 'Return the metadata of a dataset (package) and its resources. Parameters: id (id or name).',
  organization_list: 'Return a list of the names of the site\'s organizations. Parameters: all_fields, sort, limit, offset.',
  organization_show: 'Return the details of an organization. Parameters: id, include_datasets.',
  group_list: 'Return a list of the names of the site\'s groups. Parameters: all_fields, sort, limit, offset.',
  group_show: 'Return the details of a group. Parameters: id, include_datasets.',
  tag_list: 'Return a list of the site\'s tags. Parameters: query, all_fields.',
  resource_show: 'Return the metadata of a resource. Parameters: id.',
  datastore_search: 'Search a DataStore resource. Parameters: resource_id, filters, q, limit (default 100), offset, sort, fields, include_total.',
  help_show: 'Return the help string for a particular API action. Parameters: name.',
};

/** Actions CKAN clients use to write; this API is read-only, so they are refused as CKAN refuses an unauthorized user. */
const WRITE_ACTION = /_(create|update|patch|delete|purge|upsert)$|^(member|package_owner_org|dataset_purge)/;

function parse<T extends z.ZodTypeAny>(schema: T, params: Record<string, unknown>): z.infer<T> {
  const r = schema.safeParse(params);
  if (r.success) return r.data;
  const details: Record<string, string[]> = {};
  for (const i of r.error.issues) (details[String(i.path[0] ?? '_')] ??= []).push(i.message);
  throw new DomainError('validation_failed', 'Validation Error', details);
}

/** The CKAN 2.9–2.11 read API over the published part of the data bank. */
export class CkanService {
  constructor(
    private readonly db: Db,
    private readonly datasets: OpendataService,
    private readonly resources: ResourcesService,
    private readonly tenancy: TenancyService,
  ) {}

  isKnown(action: string): action is CkanAction {
    return action in HELP;
  }

  isWrite(action: string): boolean {
    return WRITE_ACTION.test(action);
  }

  async call(action: CkanAction, params: Record<string, unknown>, u: CkanUrls): Promise<unknown> {
    const scope = await this.datasets.publicScope();
    const repo = this.datasets.repo;
    const db = this.db;
    switch (action) {
      case 'status_show':
        return { site_title: `Bank Data ${scope.tenantName}`, site_url: u.base, site_description: 'Satu Data — Pantau', ckan_version: CKAN_VERSION, error_emails_to: null, locale_default: 'id', extensions: ['datastore', 'dcat'] };
      case 'help_show':
        return HELP[parse(ckanParams.help_show, params).name as CkanAction] ?? (() => { throw notFound('Action'); })();
      case 'package_list': {
        const p = parse(ckanParams.package_list, params);
        return repo.listNames(db, scope, p.limit, p.offset);
      }
      case 'package_search':
        return this.packageSearch(scope, params, u);
      case 'package_show': {
        const d = await repo.findDataset(db, scope, parse(ckanParams.package_show, params).id);
        if (!d) throw notFound('Dataset');
        return (await this.packages(scope, [d], u))[0];
      }
      case 'organization_list':
      case 'group_list':
        return this.memberList(scope, action === 'organization_list' ? 'organization' : 'groups', parse(ckanParams.organization_list, params));
      case 'organization_show':
      case 'group_show':
        return this.memberShow(scope, action === 'organization_show' ? 'organization' : 'groups', parse(ckanParams.organization_show, params), u);
      case 'tag_list': {
        const p = parse(ckanParams.tag_list, params);
        const tags = (await repo.facets(db, scope, parseCkanQuery('', ''), ['tags'], 10_000)).tags!.map((t) => t.name).filter((t) => !p.query || t.toLowerCase().includes(p.query.toLowerCase())).sort();
        return p.all_fields ? tags.map((t) => ({ id: t, name: t, display_name: t, vocabulary_id: null })) : tags;
      }
      case 'resource_show': {
        const { resource } = await this.resources.visible(scope, parse(ckanParams.resource_show, params).id);
        return ckanResource(resource, u);
      }
      case 'datastore_search':
        return this.datastoreSearch(scope, params);
    }
  }

  /** The DCAT-AP catalog, one page of published datasets at a time. */
  async catalog(page: number, u: CkanUrls) {
    const scope = await this.datasets.publicScope();
    const perPage = 1000;
    const { rows, total } = await this.datasets.repo.search(this.db, scope, parseCkanQuery('', ''), [{ by: 'name', desc: false }], perPage, (page - 1) * perPage);
    const resources = await this.datasets.repo.listResources(this.db, scope.tenantId, rows.map((d) => d.id));
    const datasets = rows.map((d) => dcatDataset(d, resources.filter((r) => r.dataset_id === d.id), u));
    return dcatCatalog(scope.tenantName, datasets, { page, perPage, total }, u);
  }

  private async packages(scope: DatasetScope, rows: DatasetRow[], u: CkanUrls) {
    const resources = await this.datasets.repo.listResources(this.db, scope.tenantId, rows.map((d) => d.id));
    const groups = await this.datasets.repo.listGroups(this.db, scope.tenantId);
    return rows.map((d) => ckanPackage(d, resources.filter((r) => r.dataset_id === d.id), groups, u));
  }

  private async packageSearch(scope: DatasetScope, params: Record<string, unknown>, u: CkanUrls) {
    const p = parse(ckanParams.package_search, params);
    const filter = parseCkanQuery(p.q, p.fq);
    const sort = parseCkanSort(p.sort);
    const { rows, total } = await this.datasets.repo.search(this.db, scope, filter, sort, p.rows, p.start);
    const fields = p.facet ? parseFacetFields(p['facet.field']) : [];
    const facets: Record<string, Record<string, number>> = {};
    const searchFacets: Record<string, { title: string; items: { name: string; display_name: string; count: number }[] }> = {};
    const names = await this.displayNames(scope);
    for (const field of fields) if (!(DATASET_FACETS as readonly string[]).includes(field)) throw invalid('facet.field', `Faset tidak didukung: ${field}`);
    const counted = await this.datasets.repo.facets(this.db, scope, filter, fields as DatasetFacet[], p['facet.limit'] < 0 ? 10_000 : p['facet.limit']);
    for (const [field, items] of Object.entries(counted)) {
      facets[field] = Object.fromEntries(items.map((i) => [i.name, i.count]));
      searchFacets[field] = { title: field, items: items.map((i) => ({ name: i.name, display_name: names.get(`${field}:${i.name}`) ?? i.name, count: i.count })) };
    }
    return { count: total, sort: p.sort, facets, search_facets: searchFacets, results: await this.packages(scope, rows, u) };
  }

  private async displayNames(scope: DatasetScope): Promise<Map<string, string>> {
    const m = new Map<string, string>();
    for (const o of await this.tenancy.organizationsOf(scope.tenantId)) m.set(`organization:${o.code}`, o.name);
    for (const g of await this.datasets.repo.listGroups(this.db, scope.tenantId)) m.set(`groups:${g.name}`, g.title);
    return m;
  }

  private async counts(scope: DatasetScope, facet: 'organization' | 'groups'): Promise<Map<string, number>> {
    return new Map((await this.datasets.repo.facets(this.db, scope, parseCkanQuery('', ''), [facet], 10_000))[facet]!.map((i) => [i.name, i.count]));
  }

  private async members(scope: DatasetScope, kind: 'organization' | 'groups') {
    const counts = await this.counts(scope, kind);
    if (kind === 'organization') return (await this.tenancy.organizationsOf(scope.tenantId)).map((o) => ({ name: o.code, id: o.id, dict: ckanOrganization(o, counts.get(o.code) ?? 0) }));
    return (await this.datasets.repo.listGroups(this.db, scope.tenantId)).map((g) => ({ name: g.name, id: g.id, dict: ckanGroup(g, counts.get(g.name) ?? 0) }));
  }

  private async memberList(scope: DatasetScope, kind: 'organization' | 'groups', p: z.infer<typeof ckanParams.organization_list>) {
    const [field, dir = 'asc'] = p.sort.trim().split(/\s+/);
    if (!['name', 'title', 'package_count'].includes(field!) || !['asc', 'desc'].includes(dir)) throw invalid('sort', `Urutan tidak didukung: ${p.sort}`);
    const all = (await this.members(scope, kind)).sort((a, b) => {
      const key = (x: typeof a) => (field === 'package_count' ? x.dict.package_count ?? 0 : field === 'title' ? x.dict.title : x.name);
      const c = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
      return dir === 'desc' ? -c : c;
    });
    const page = all.slice(p.offset, p.offset + p.limit);
    return p.all_fields ? page.map((m) => m.dict) : page.map((m) => m.name);
  }

  private async memberShow(scope: DatasetScope, kind: 'organization' | 'groups', p: z.infer<typeof ckanParams.organization_show>, u: CkanUrls) {
    const m = (await this.members(scope, kind)).find((x) => x.name === p.id || x.id === p.id);
    if (!m) throw notFound(kind === 'organization' ? 'Organization' : 'Group');
    if (!p.include_datasets) return m.dict;
    const filter: CatalogFilter = { ...parseCkanQuery('', ''), ...(kind === 'organization' ? { organizations: [m.name] } : { groups: [m.name] }) };
    const { rows } = await this.datasets.repo.search(this.db, scope, filter, [{ by: 'name', desc: false }], 1000, 0);
    return { ...m.dict, packages: await this.packages(scope, rows, u) };
  }

  private async datastoreSearch(scope: DatasetScope, params: Record<string, unknown>) {
    const p = parse(ckanParams.datastore_search, params);
    const resourceId = p.resource_id ?? p.id;
    if (!resourceId) throw new DomainError('validation_failed', 'Validation Error', { resource_id: ['Missing value'] });
    const page = await this.resources.search(scope, resourceId, { filters: p.filters, q: p.q, sort: p.sort, limit: p.limit, offset: p.offset });
    const wanted = p.fields === undefined ? null : (Array.isArray(p.fields) ? p.fields : p.fields.split(',')).map((f) => f.trim()).filter(Boolean);
    const known = new Set(page.fields.map((f) => f.id));
    for (const w of wanted ?? []) if (!known.has(w)) throw invalid('fields', `kolom tidak dikenal: ${w}`);
    const pick = (r: Record<string, unknown>) => (wanted ? Object.fromEntries(wanted.map((w) => [w, r[w]])) : r);
    const link = (offset: number) => `/api/3/action/datastore_search?${new URLSearchParams({ ...(offset ? { offset: String(offset) } : {}), resource_id: page.resource.id, ...(p.limit !== 100 ? { limit: String(p.limit) } : {}) })}`;
    return {
      include_total: p.include_total, resource_id: page.resource.id, records_format: 'objects',
      fields: wanted ? page.fields.filter((f) => wanted.includes(f.id)) : page.fields,
      records: page.records.map(pick), limit: p.limit, ...(p.offset ? { offset: p.offset } : {}),
      ...(p.filters !== undefined ? { filters: typeof p.filters === 'string' ? JSON.parse(p.filters) : p.filters } : {}), ...(p.q ? { q: p.q } : {}), ...(p.sort ? { sort: p.sort } : {}),
      ...(p.include_total ? { total: page.total } : {}),
      _links: { start: link(0), next: link(p.offset + p.limit) },
    };
  }
}
