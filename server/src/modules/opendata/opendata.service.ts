import type { CatalogPage, CatalogQuery, Dataset, DatasetGroup, DatasetGroupInput, DatasetInput, DatasetTransitionInput, DatasetUpdate, OpendataRole } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, DomainError, forbidden, notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import { TenancyRepository, type TenancyService } from '../tenancy/index.ts';
import { OpendataRepository, type CatalogFilter, type DatasetRow, type DatasetScope } from './opendata.repository.ts';
import { DatastoreRepository } from './datastore.repository.ts';
import { isWalidata, mayEdit, readScope } from './opendata.policy.ts';
import { presentDataset, presentGroup, presentSummary } from './opendata.present.ts';

const TRANSITIONS = {
  submit: { from: ['draft'], to: 'submitted', walidata: false },
  verify: { from: ['submitted'], to: 'verified', walidata: true },
  publish: { from: ['verified'], to: 'published', walidata: true },
  reject: { from: ['submitted', 'verified'], to: 'draft', walidata: true },
  unpublish: { from: ['published'], to: 'draft', walidata: true },
} as const;

const emptyFilter: CatalogFilter = { q: null, names: [], organizations: [], tags: [], groups: [], formats: [], regions: [], licenses: [], state: null };

/** The console's catalog query as a repository filter (the CKAN API builds its own from `fq`). */
export function filterOf(q: CatalogQuery): CatalogFilter {
  const one = (v: string | undefined) => (v ? [v] : []);
  return { ...emptyFilter, q: q.q || null, organizations: one(q.organization), groups: one(q.group), tags: one(q.tag), formats: one(q.format?.toUpperCase()), regions: one(q.region), state: q.state ?? null };
}

/** Datasets of the data bank: Satu Data metadata, the walidata review flow, groups and the catalog. */
export class OpendataService {
  readonly repo = new OpendataRepository();
  private readonly datastore = new DatastoreRepository();
  private readonly regions = new TenancyRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly tenancy: TenancyService,
    private readonly clock: Clock,
  ) {}

  async roleOf(actor: Actor): Promise<OpendataRole> {
    this.policy.authorize(actor, 'dataset.read');
    const walidataOrg = await this.repo.walidataOf(this.db, actor.tenantId);
    return { walidata: isWalidata(actor, walidataOrg), organizationId: actor.organizationId, walidataOrganizationId: walidataOrg };
  }

  async setWalidata(actor: Actor, organizationId: string): Promise<OpendataRole> {
    this.policy.authorize(actor, 'opendata.settings');
    await this.checkOrganization(actor.tenantId, organizationId);
    await this.db.transaction().execute(async (tx) => {
      await this.repo.setWalidata(tx, actor.tenantId, organizationId);
      await this.audit.record(tx, actor, { action: 'opendata.walidata.set', targetType: 'organization', targetId: organizationId });
    });
    return this.roleOf(actor);
  }

  /** The console's scope for this actor. */
  async scopeOf(actor: Actor): Promise<{ scope: DatasetScope; walidata: boolean }> {
    const walidata = isWalidata(actor, await this.repo.walidataOf(this.db, actor.tenantId));
    return { scope: readScope(actor, walidata), walidata };
  }

  /** What anyone sees without signing in: the published datasets of the deployment's (first) tenant. */
  async publicScope(): Promise<DatasetScope & { tenantName: string }> {
    const t = await this.regions.publicTenant(this.db, null);
    if (!t) throw notFound('Katalog data');
    return { tenantId: t.id, kind: 'published', tenantName: t.name };
  }

  async catalog(actor: Actor, q: CatalogQuery): Promise<CatalogPage> {
    this.policy.authorize(actor, 'dataset.read');
    return this.search((await this.scopeOf(actor)).scope, q);
  }

  /** Catalog search with facets; the public pages call it with the published scope. */
  async search(scope: DatasetScope, q: CatalogQuery): Promise<CatalogPage> {
    const f = filterOf(q);
    const sort = q.sort === 'title' ? [{ by: 'title' as const, desc: false }] : q.sort === 'newest' ? [{ by: 'created' as const, desc: true }] : q.sort === 'modified' ? [{ by: 'modified' as const, desc: true }] : [{ by: 'relevance' as const, desc: true }, { by: 'modified' as const, desc: true }];
    const { rows, total } = await this.repo.search(this.db, scope, f, sort, q.limit, q.offset);
    const facets: CatalogPage['facets'] = {};
    const orgs = new Map((await this.tenancy.organizationsOf(scope.tenantId)).map((o) => [o.code, o.name]));
    const groups = new Map((await this.repo.listGroups(this.db, scope.tenantId)).map((g) => [g.name, g.title]));
    const tenant = await this.tenancy.getTenant(scope.tenantId);
    const regions = new Map((await this.regions.listRegionsUnder(this.db, tenant.regionCode)).map((r) => [r.code, r.name]));
    const names: Record<string, Map<string, string>> = { organization: orgs, groups, region: regions };
    const counted = await this.repo.facets(this.db, scope, f, ['organization', 'groups', 'tags', 'res_format', 'region'], 50);
    for (const [facet, items] of Object.entries(counted)) {
      facets[facet] = items.map((i) => ({ ...i, displayName: names[facet]?.get(i.name) ?? i.name }));
    }
    return { items: rows.map(presentSummary), total, facets };
  }

  async get(actor: Actor, idOrName: string): Promise<Dataset> {
    this.policy.authorize(actor, 'dataset.read');
    return this.show((await this.scopeOf(actor)).scope, idOrName);
  }

  /** One dataset with its resources, if the scope sees it. */
  async show(scope: DatasetScope, idOrName: string): Promise<Dataset> {
    const d = await this.repo.findDataset(this.db, scope, idOrName);
    if (!d) throw notFound('Dataset');
    return presentDataset(d, await this.repo.listResources(this.db, scope.tenantId, [d.id]));
  }

  async create(actor: Actor, input: DatasetInput): Promise<Dataset> {
    this.policy.authorize(actor, 'dataset.write');
    const { walidata } = await this.scopeOf(actor);
    if (!walidata && actor.organizationId !== input.organizationId) throw forbidden('Produsen data hanya membuat dataset untuk OPD-nya sendiri');
    await this.checkOrganization(actor.tenantId, input.organizationId);
    await this.checkGroups(actor.tenantId, input.groups);
    const id = await this.db.transaction().execute(async (tx) => {
      if (await this.repo.nameTaken(tx, actor.tenantId, input.name)) throw conflict(`Nama dataset "${input.name}" sudah dipakai`, [{ path: 'body.name', message: 'sudah dipakai' }]);
      const id = await this.repo.insertDataset(tx, {
        tenant_id: actor.tenantId, name: input.name, title: input.title, description: input.description, organization_id: input.organizationId,
        konsep: input.konsep, definisi: input.definisi, klasifikasi: input.klasifikasi, ukuran: input.ukuran, satuan: input.satuan, frekuensi: input.frekuensi,
        periode: input.periode, region_code: input.regionCode, sumber: input.sumber, license_id: input.licenseId, tags: input.tags, groups: input.groups, created_by: actor.userId,
      });
      await this.audit.record(tx, actor, { action: 'dataset.create', targetType: 'dataset', targetId: id, details: { name: input.name, organizationId: input.organizationId } });
      return id;
    });
    return this.show({ tenantId: actor.tenantId, kind: 'all' }, id);
  }

  async update(actor: Actor, id: string, input: DatasetUpdate): Promise<Dataset> {
    this.policy.authorize(actor, 'dataset.write');
    const d = await this.editable(actor, id);
    const walidata = (await this.scopeOf(actor)).walidata;
    if (input.organizationId && input.organizationId !== d.organization_id) {
      if (!walidata) throw forbidden('Hanya walidata yang memindahkan dataset ke OPD lain');
      await this.checkOrganization(actor.tenantId, input.organizationId);
    }
    if (input.groups) await this.checkGroups(actor.tenantId, input.groups);
    await this.db.transaction().execute(async (tx) => {
      if (input.name && (await this.repo.nameTaken(tx, actor.tenantId, input.name, id))) throw conflict(`Nama dataset "${input.name}" sudah dipakai`, [{ path: 'body.name', message: 'sudah dipakai' }]);
      await this.repo.updateDataset(tx, actor.tenantId, id, {
        name: input.name, title: input.title, description: input.description, organization_id: input.organizationId, konsep: input.konsep, definisi: input.definisi,
        klasifikasi: input.klasifikasi, ukuran: input.ukuran, satuan: input.satuan, frekuensi: input.frekuensi, periode: input.periode, region_code: input.regionCode,
        sumber: input.sumber, license_id: input.licenseId, tags: input.tags, groups: input.groups,
      });
      await this.audit.record(tx, actor, { action: 'dataset.update', targetType: 'dataset', targetId: id, details: { fields: Object.keys(input) } });
    });
    return this.show({ tenantId: actor.tenantId, kind: 'all' }, id);
  }

  /** Moves a dataset through draft → submitted → verified → published; only walidata review. */
  async transition(actor: Actor, id: string, input: DatasetTransitionInput): Promise<Dataset> {
    this.policy.authorize(actor, input.action === 'submit' ? 'dataset.write' : 'dataset.review');
    const rule = TRANSITIONS[input.action];
    const { walidata, scope } = await this.scopeOf(actor);
    const d = await this.repo.findDataset(this.db, scope, id);
    if (!d) throw notFound('Dataset');
    if (rule.walidata && !walidata) throw forbidden('Hanya walidata yang meninjau dan menerbitkan dataset');
    if (!walidata && actor.organizationId !== d.organization_id) throw forbidden('Produsen data hanya mengajukan dataset OPD-nya sendiri');
    if (!(rule.from as readonly string[]).includes(d.state)) throw conflict(`Dataset berstatus ${d.state}; "${input.action}" tidak berlaku`);
    if (input.action === 'submit' && (await this.repo.listResources(this.db, actor.tenantId, [id])).length === 0) throw conflict('Tambahkan sedikitnya satu sumber data sebelum mengajukan');
    await this.db.transaction().execute(async (tx) => {
      await this.repo.updateDataset(tx, actor.tenantId, id, {
        state: rule.to,
        review_note: input.action === 'reject' || input.action === 'unpublish' ? (input.note ?? null) : input.action === 'submit' ? null : d.review_note,
        ...(rule.to === 'published' ? { published_at: this.clock.now() } : {}),
      });
      await this.audit.record(tx, actor, { action: `dataset.${input.action}`, targetType: 'dataset', targetId: id, details: { from: d.state, to: rule.to, note: input.note ?? null } });
    });
    return this.show({ tenantId: actor.tenantId, kind: 'all' }, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    this.policy.authorize(actor, 'dataset.write');
    const d = await this.editable(actor, id);
    const tables = (await this.repo.listResources(this.db, actor.tenantId, [id])).map((r) => r.datastore_table).filter((t): t is string => !!t);
    await this.db.transaction().execute(async (tx) => {
      await this.repo.deleteDataset(tx, actor.tenantId, id);
      for (const t of tables) await this.datastore.drop(tx, t);
      await this.audit.record(tx, actor, { action: 'dataset.delete', targetType: 'dataset', targetId: id, details: { name: d.name } });
    });
  }

  /** The dataset if this actor may change it: 404 when unseen, 403 when not its OPD's, 409 while under review. */
  async editable(actor: Actor, id: string): Promise<DatasetRow> {
    const { walidata, scope } = await this.scopeOf(actor);
    const d = await this.repo.findDataset(this.db, scope, id);
    if (!d) throw notFound('Dataset');
    const may = mayEdit(actor, walidata, d);
    if (may === 'not_own') throw forbidden('Produsen data hanya mengubah dataset OPD-nya sendiri');
    if (may === 'locked') throw conflict(`Dataset berstatus ${d.state}; minta walidata mengembalikannya ke draf untuk diubah`);
    return d;
  }

  async listGroups(actor: Actor | null, tenantId: string): Promise<DatasetGroup[]> {
    if (actor) this.policy.authorize(actor, 'dataset.read');
    return (await this.repo.listGroups(this.db, tenantId)).map(presentGroup);
  }

  async createGroup(actor: Actor, input: DatasetGroupInput): Promise<DatasetGroup> {
    this.policy.authorize(actor, 'dataset.review');
    if (!(await this.scopeOf(actor)).walidata) throw forbidden('Hanya walidata yang mengelola grup topik');
    return this.db.transaction().execute(async (tx) => {
      if ((await this.repo.listGroups(tx, actor.tenantId)).some((g) => g.name === input.name)) throw conflict(`Grup "${input.name}" sudah ada`);
      const g = await this.repo.insertGroup(tx, actor.tenantId, input);
      await this.audit.record(tx, actor, { action: 'dataset.group.create', targetType: 'dataset_group', targetId: g.id, details: { name: g.name } });
      return presentGroup(g);
    });
  }

  private async checkOrganization(tenantId: string, id: string): Promise<void> {
    if (!(await this.tenancy.organizationsOf(tenantId)).some((o) => o.id === id)) throw new DomainError('validation_failed', 'Masukan tidak valid', [{ path: 'body.organizationId', message: 'OPD tidak dikenal' }]);
  }

  private async checkGroups(tenantId: string, names: string[]): Promise<void> {
    const known = new Set((await this.repo.listGroups(this.db, tenantId)).map((g) => g.name));
    const bad = names.flatMap((n, i) => (known.has(n) ? [] : [{ path: `body.groups.${i}`, message: `grup tidak dikenal: ${n}` }]));
    if (bad.length) throw new DomainError('validation_failed', 'Masukan tidak valid', bad);
  }
}
