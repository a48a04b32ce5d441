import type { ServiceIndicator } from '@pantau/shared';
import type { Actor } from '../../platform/authz/actor.ts';
import type { CamerasService } from '../cameras/index.ts';
import type { TenancyService } from '../tenancy/index.ts';

/**
 * A service indicator computed by another Pantau module. The dashboard knows only this interface,
 * so incident SLA and PPID timeliness plug in when those modules exist, without an import here.
 */
export interface ServiceIndicatorProvider {
  readonly key: string;
  collect(actor: Actor): Promise<ServiceIndicator>;
}

/** Placeholder for a module that is not part of this build: the dashboard shows "not available". */
export function unavailable(key: string, unit: string): ServiceIndicatorProvider {
  return { key, collect: async () => ({ key, available: false, unit, items: [] }) };
}

/** Cameras online per kabupaten/kota, from the camera registry's status, as this actor may see them. */
export function camerasOnline(cameras: CamerasService, tenancy: TenancyService): ServiceIndicatorProvider {
  return {
    key: 'cameras_online',
    async collect(actor) {
      const regions = (await tenancy.listRegions(actor)).filter((r) => r.level === 'kabupaten' || r.level === 'kota');
      const items: ServiceIndicator['items'] = [];
      for (const r of regions) {
        const markers = await cameras.markers(actor, { regionCode: r.code });
        if (markers.length) items.push({ key: r.code, label: r.name, value: markers.filter((m) => m.status === 'online').length, total: markers.length });
      }
      return { key: 'cameras_online', available: true, unit: 'kamera', items };
    },
  };
}
