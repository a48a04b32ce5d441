import type { Camera, CameraCreate, CameraMarker, CameraQuery, CameraUpdate } from '@pantau/shared';
import { cameraCreateSchema } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import { inRegionScope, type Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { conflict, DomainError, notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { CamerasRepository, type CameraFilter, type CameraPatch, type CameraRow } from './cameras.repository.ts';
import { cameraScopeOf } from './cameras.policy.ts';
import { pickCredentials, splitUrlCredentials } from './cameras.credentials.ts';

type Issue = { path: string; message: string };

/** The camera registry: CRUD within the actor's region and visibility scope. */
export class CamerasService {
  private readonly repo = new CamerasRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly tenancy: TenancyService,
    private readonly secrets: SecretBox,
  ) {}

  async list(actor: Actor, q: CameraQuery): Promise<{ items: Camera[]; total: number }> {
    this.policy.authorize(actor, 'camera.read');
    const { limit, offset, ...filter } = q;
    const { rows, total } = await this.repo.listInScope(this.db, cameraScopeOf(actor), filter, { limit, offset });
    const present = this.presenterFor(actor);
    return { items: rows.map(present), total };
  }

  async markers(actor: Actor, filter: CameraFilter): Promise<CameraMarker[]> {
    this.policy.authorize(actor, 'camera.read');
    const rows = await this.repo.markersInScope(this.db, cameraScopeOf(actor), filter);
    return rows.map((r) => ({ id: r.id, name: r.name, lat: r.lat, lng: r.lng, category: r.category as CameraMarker['category'], status: (r.enabled ? r.status : 'disabled') as CameraMarker['status'], visibility: r.visibility }));
  }

  async get(actor: Actor, id: string): Promise<Camera> {
    this.policy.authorize(actor, 'camera.read');
    const row = await this.repo.findInScope(this.db, cameraScopeOf(actor), id);
    if (!row) throw notFound('Kamera');
    return this.presenterFor(actor)(row);
  }

  /** True when the actor may see every one of `ids` (an empty list is trivially visible). */
  async allVisible(actor: Actor, ids: readonly string[]): Promise<boolean> {
    this.policy.authorize(actor, 'camera.read');
    const distinct = new Set(ids).size;
    return distinct === 0 || (await this.repo.countInScope(this.db, cameraScopeOf(actor), ids)) === distinct;
  }

  async create(actor: Actor, input: CameraCreate): Promise<Camera> {
    this.policy.authorize(actor, 'camera.write');
    const data = cameraCreateSchema.parse(input);
    await this.checkReferences(actor, data.regionCode, data.organizationId);
    const main = splitUrlCredentials(data.mainUrl);
    const sub = data.subUrl ? splitUrlCredentials(data.subUrl) : null;
    const creds = pickCredentials(data, main);
    return this.db.transaction().execute(async (tx) => {
      if (await this.repo.codeTaken(tx, actor.tenantId, data.code)) throw conflict(`Kode kamera ${data.code} sudah dipakai`, [{ path: 'body.code', message: 'sudah dipakai' }]);
      const row = await this.repo.insert(tx, {
        tenant_id: actor.tenantId,
        code: data.code,
        name: data.name,
        region_code: data.regionCode,
        address: data.address,
        lat: data.lat,
        lng: data.lng,
        category: data.category,
        organization_id: data.organizationId,
        visibility: data.visibility,
        main_url: main.url,
        sub_url: sub?.url ?? null,
        credentials_enc: creds ? this.secrets.seal(JSON.stringify(creds)) : null,
        tags: data.tags,
        enabled: data.enabled,
      });
      await this.audit.record(tx, actor, { action: 'camera.create', targetType: 'camera', targetId: row.id, details: { code: row.code, name: row.name, regionCode: row.region_code, visibility: row.visibility } });
      return this.presenterFor(actor)(row);
    });
  }

  async update(actor: Actor, id: string, input: CameraUpdate): Promise<Camera> {
    this.policy.authorize(actor, 'camera.write');
    const scope = cameraScopeOf(actor);
    const current = await this.repo.findInScope(this.db, scope, id);
    if (!current) throw notFound('Kamera');
    if (input.regionCode !== undefined || input.organizationId !== undefined) {
      await this.checkReferences(actor, input.regionCode ?? current.region_code, input.organizationId === undefined ? current.organization_id : input.organizationId);
    }
    const patch: CameraPatch = {};
    const simple = { code: 'code', name: 'name', regionCode: 'region_code', address: 'address', lat: 'lat', lng: 'lng', category: 'category', organizationId: 'organization_id', visibility: 'visibility', tags: 'tags', enabled: 'enabled' } as const;
    for (const [k, col] of Object.entries(simple)) {
      const v = input[k as keyof CameraUpdate];
      if (v !== undefined) (patch as Record<string, unknown>)[col] = v;
    }
    let creds = current.credentials_enc ? (JSON.parse(this.secrets.open(current.credentials_enc)) as { username: string; password: string }) : null;
    let credsChanged = false;
    if (input.mainUrl !== undefined) {
      const main = splitUrlCredentials(input.mainUrl);
      patch.main_url = main.url;
      if (main.username || main.password) {
        creds = { username: main.username ?? '', password: main.password ?? '' };
        credsChanged = true;
      }
    }
    if (input.subUrl !== undefined) patch.sub_url = input.subUrl ? splitUrlCredentials(input.subUrl).url : null;
    if (input.username !== undefined || input.password !== undefined) {
      const username = input.username === undefined ? (creds?.username ?? '') : (input.username ?? '');
      const password = input.password === undefined ? (creds?.password ?? '') : (input.password ?? '');
      creds = username || password ? { username, password } : null;
      credsChanged = true;
    }
    if (credsChanged) patch.credentials_enc = creds ? this.secrets.seal(JSON.stringify(creds)) : null;
    return this.db.transaction().execute(async (tx) => {
      if (input.code && (await this.repo.codeTaken(tx, actor.tenantId, input.code, id))) throw conflict(`Kode kamera ${input.code} sudah dipakai`, [{ path: 'body.code', message: 'sudah dipakai' }]);
      const row = await this.repo.update(tx, actor.tenantId, id, patch);
      if (!row) throw notFound('Kamera');
      const { password: _p, username: _u, ...changed } = input;
      await this.audit.record(tx, actor, { action: 'camera.update', targetType: 'camera', targetId: id, details: { code: row.code, changed, credentialsChanged: credsChanged } });
      return this.presenterFor(actor)(row);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    this.policy.authorize(actor, 'camera.write');
    const current = await this.repo.findInScope(this.db, cameraScopeOf(actor), id);
    if (!current) throw notFound('Kamera');
    await this.db.transaction().execute(async (tx) => {
      if (!(await this.repo.delete(tx, actor.tenantId, id))) throw notFound('Kamera');
      await this.audit.record(tx, actor, { action: 'camera.delete', targetType: 'camera', targetId: id, details: { code: current.code, name: current.name } });
    });
  }

  /** Region must be the tenant's and inside the actor's region scope; the organization the tenant's. */
  private async checkReferences(actor: Actor, regionCode: string, organizationId: string | null): Promise<void> {
    const issues: Issue[] = [];
    const regions = await this.tenancy.regionCodesOf(actor.tenantId);
    if (!regions.has(regionCode)) issues.push({ path: 'body.regionCode', message: `wilayah ${regionCode} tidak ada di pemerintah daerah ini` });
    else if (!inRegionScope(actor, regionCode)) issues.push({ path: 'body.regionCode', message: `wilayah ${regionCode} di luar cakupan Anda` });
    if (organizationId) {
      const orgs = await this.tenancy.organizationsOf(actor.tenantId);
      if (!orgs.some((o) => o.id === organizationId)) issues.push({ path: 'body.organizationId', message: 'organisasi tidak ada di pemerintah daerah ini' });
    }
    if (issues.length) throw new DomainError('validation_failed', 'Masukan tidak valid', issues);
  }

  /** Stream details only for those allowed to see them; credentials never. */
  presenterFor(actor: Actor): (r: CameraRow) => Camera {
    const withStreams = this.policy.can(actor, 'camera.stream.read');
    return (r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      regionCode: r.region_code,
      address: r.address,
      lat: r.lat,
      lng: r.lng,
      category: r.category as Camera['category'],
      organizationId: r.organization_id,
      visibility: r.visibility,
      tags: r.tags,
      enabled: r.enabled,
      status: (r.enabled ? r.status : 'disabled') as Camera['status'],
      statusReason: r.status_reason,
      lastFrameAt: r.last_frame_at?.toISOString() ?? null,
      ...(withStreams ? { mainUrl: r.main_url, subUrl: r.sub_url, hasCredentials: r.credentials_enc !== null } : {}),
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    });
  }
}
