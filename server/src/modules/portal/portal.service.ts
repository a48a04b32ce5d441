import type { PortalInfo, PortalTier, PublicCamera, PublicCameraList, PublicCameraQuery, TransparencyStats } from '@pantau/shared';
import { hlsPlaylistPath } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { inRegionScope, type Actor } from '../../platform/authz/actor.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuditWriter } from '../audit/index.ts';
import type { PublicIncidentStats } from '../incidents/index.ts';
import { CAMERA_VISIBILITY } from '../cameras/index.ts';
import { displayNameOf, PortalRepository, type PortalCameraRow, type PortalScope } from './portal.repository.ts';
import { TenancyRepository } from '../tenancy/index.ts';

/** Resolves a Smart Display's cookie to its tenant and tier (built by the displays module). */
export type DisplayViewerResolver = (token: string) => Promise<{ tenantId: string; tier: PortalTier; displayId: string } | null>;

/** Who looks at the portal: a tier, a tenant, and for officials their region scope. */
export interface PortalViewer {
  tier: PortalTier;
  tenantId: string;
  /** Empty: the whole tenant; only meaningful for `pimpinan`. */
  regionCodes: string[];
  actor: Actor | null;
}

/** The incidents module's public aggregates for a tenant and period. */
export type IncidentAggregates = (tenantId: string, range: { from: Date; to: Date }) => Promise<PublicIncidentStats>;

/** Map settings of the installation, shown to the portal's map. */
export interface PortalMap {
  mapTileUrl: string | null;
  mapAttribution: string | null;
}

/** A camera the viewer may not see and one that does not exist answer the same. */
const cameraNotFound = () => notFound('Kamera');

/** Whether a role sees the `pimpinan` tier at all (role × tier table of the cameras module). */
export function seesPimpinan(actor: Actor): boolean {
  const v = CAMERA_VISIBILITY[actor.role].tiers;
  return v === 'all' || v.includes('pimpinan');
}

/** The public portal: who is looking, which cameras they may see, and taking a camera off it. */
export class PortalService {
  private readonly repo = new PortalRepository();
  private readonly tenants = new TenancyRepository();

  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly incidentStats: IncidentAggregates,
    private readonly displays: DisplayViewerResolver | null = null,
  ) {}

  /** The jurisdiction of `?tenant=` (default: the first one). */
  async tenantOf(slug: string | null): Promise<{ id: string; slug: string; name: string }> {
    const t = await this.tenants.publicTenant(this.db, slug);
    if (!t) throw notFound('Yurisdiksi');
    return t;
  }

  /**
   * An official of the tenant (by role, within their region scope) or an approved display of its
   * tier is `pimpinan`; anyone else, including an official looking at another tenant, is `public`.
   */
  async viewerOf(input: { actor: Actor | null; displayToken: string | null; tenantSlug?: string | null }): Promise<PortalViewer> {
    const { actor, displayToken } = input;
    if (actor && actor.kind === 'user' && seesPimpinan(actor)) {
      const t = input.tenantSlug ? await this.tenantOf(input.tenantSlug) : null;
      if (!t || t.id === actor.tenantId) return { tier: 'pimpinan', tenantId: actor.tenantId, regionCodes: actor.regionCodes, actor };
    }
    if (displayToken && this.displays) {
      const d = await this.displays(displayToken).catch(() => null);
      if (d) {
        const t = input.tenantSlug ? await this.tenantOf(input.tenantSlug) : null;
        if (!t || t.id === d.tenantId) return { tier: d.tier, tenantId: d.tenantId, regionCodes: [], actor: null };
      }
    }
    const t = await this.tenantOf(input.tenantSlug ?? null);
    return { tier: 'public', tenantId: t.id, regionCodes: [], actor: null };
  }

  async info(v: PortalViewer, map: PortalMap): Promise<PortalInfo> {
    const t = await this.repo.tenantById(this.db, v.tenantId);
    if (!t) throw notFound('Yurisdiksi');
    const official = v.tier === 'pimpinan' && v.actor?.userId ? await displayNameOf(this.db, v.actor.userId) : null;
    return { tenant: { slug: t.slug, name: t.name }, viewer: v.tier, officialName: official?.display_name ?? null, mapTileUrl: map.mapTileUrl, mapAttribution: map.mapAttribution };
  }

  async cameras(v: PortalViewer, q: Omit<PublicCameraQuery, 'tenant'>): Promise<PublicCameraList> {
    const rows = await this.repo.list(this.db, scopeOf(v), q);
    const cameras = rows.map(present);
    // the filter groups cameras by city/regency (the second level of the region code)
    const counts = new Map<string, number>();
    for (const c of cameras) {
      const city = c.regionCode.split('.').slice(0, 2).join('.');
      counts.set(city, (counts.get(city) ?? 0) + 1);
    }
    const names = new Map((await this.repo.regionNames(this.db, [...counts.keys()])).map((r) => [r.code, r.name]));
    const regions = [...counts].map(([code, n]) => ({ code, name: names.get(code) ?? code, cameras: n })).sort((a, b) => a.name.localeCompare(b.name, 'id'));
    return { viewer: v.tier, cameras, regions };
  }

  async camera(v: PortalViewer, id: string): Promise<PublicCamera> {
    const row = await this.repo.find(this.db, scopeOf(v), id);
    if (!row) throw cameraNotFound();
    return present(row);
  }

  /** A camera as the public sees it, or null: for page heads, which must never name a non-public camera. */
  async publicCamera(tenantSlug: string | null, id: string): Promise<PublicCamera | null> {
    const t = await this.tenants.publicTenant(this.db, tenantSlug);
    if (!t) return null;
    const row = await this.repo.find(this.db, { tenantId: t.id, pimpinan: null }, id);
    return row ? present(row) : null;
  }

  /** The transparency page: report aggregates of the jurisdiction and cameras online for this viewer's tier. */
  async stats(v: PortalViewer, days: number): Promise<TransparencyStats> {
    const to = this.clock.now();
    const from = new Date(to.getTime() - days * 86_400_000);
    const [incidents, cameras] = await Promise.all([this.incidentStats(v.tenantId, { from, to }), this.cameraCounts(v)]);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      reports: { total: incidents.total, byCategory: incidents.byCategory, byStatus: incidents.byStatus },
      resolution: incidents.resolution,
      cameras,
    };
  }

  /** Cameras online per region for the viewer's tier (the statistics page). */
  async cameraCounts(v: PortalViewer) {
    const { cameras, regions } = await this.cameras(v, {});
    const byRegion = regions.map((r) => {
      const inRegion = cameras.filter((c) => c.regionCode === r.code || c.regionCode.startsWith(`${r.code}.`));
      return { regionCode: r.code, regionName: r.name, total: inRegion.length, online: inRegion.filter((c) => c.status === 'online').length };
    });
    return { total: cameras.length, online: cameras.filter((c) => c.status === 'online').length, byRegion };
  }

  /**
   * May this viewer (resolved only when it matters) pull the camera's live stream? `cacheable` only for public cameras, whose
   * segments a shared cache may keep; an official's stream must stay private.
   */
  async streamAccess(viewer: () => Promise<PortalViewer>, cameraId: string): Promise<{ ok: true; cacheable: boolean } | { ok: false }> {
    const f = await this.repo.accessFacts(this.db, cameraId);
    if (!f || !f.enabled) return { ok: false };
    // who is asking matters only for a pimpinan camera: the crowd at a public one costs one read
    if (f.visibility === 'public') return { ok: true, cacheable: true };
    if (f.visibility !== 'pimpinan') return { ok: false };
    const v = await viewer();
    if (v.tier === 'pimpinan' && f.tenant_id === v.tenantId && inRegions(v.regionCodes, f.region_code)) return { ok: true, cacheable: false };
    return { ok: false };
  }

  /** Takes a camera off the portal now: it becomes `internal`, audited in the same transaction. */
  async takedown(actor: Actor, id: string, reason: string): Promise<{ id: string; visibility: 'internal' }> {
    this.policy.authorize(actor, 'portal.takedown');
    await this.db.transaction().execute(async (tx) => {
      const cam = await this.repo.lockCamera(tx, actor.tenantId, id);
      if (!cam || !inRegionScope(actor, cam.region_code)) throw cameraNotFound();
      await this.repo.setVisibility(tx, actor.tenantId, id, 'internal');
      await this.audit.record(tx, actor, { action: 'portal.takedown', targetType: 'camera', targetId: id, details: { from: cam.visibility, reason } });
    });
    return { id, visibility: 'internal' };
  }
}

function inRegions(codes: string[], region: string): boolean {
  return codes.length === 0 || codes.some((r) => region === r || region.startsWith(`${r}.`));
}

function scopeOf(v: PortalViewer): PortalScope {
  return { tenantId: v.tenantId, pimpinan: v.tier === 'pimpinan' ? { regionCodes: v.regionCodes } : null };
}

function present(r: PortalCameraRow): PublicCamera {
  const online = r.enabled && r.status === 'online';
  return {
    id: r.id,
    name: r.name,
    regionCode: r.region_code,
    regionName: r.region_name ?? r.region_code,
    category: r.category as PublicCamera['category'],
    lat: r.lat,
    lng: r.lng,
    status: online ? 'online' : 'offline',
    tier: r.visibility === 'pimpinan' ? 'pimpinan' : 'public',
    hls: online ? hlsPlaylistPath(r.id) : null,
  };
}
