import type { PortalTier } from '@pantau/shared';
import type { Executor } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { DisplaysRepository } from './displays.repository.ts';

/**
 * Cameras put on a display must exist in the tenant and never be `internal`; an internal camera
 * reads as unknown, so the message reveals nothing about it. With a display tier, a camera above
 * that tier is refused with a message saying why (a `pimpinan` camera on a public lobby screen).
 */
export async function checkCameras(db: Executor, repo: DisplaysRepository, tenantId: string, ids: string[], path: (i: number) => string, allowed: readonly string[] = ['public', 'pimpinan'], tier?: PortalTier): Promise<void> {
  const found = new Map((await repo.camerasByIds(db, tenantId, [...new Set(ids)])).map((c) => [c.id, c]));
  const issues = ids.flatMap((id, i) => {
    const c = found.get(id);
    if (!c || c.visibility === 'internal') return [{ path: path(i), message: 'kamera tidak dikenal' }];
    if (!allowed.includes(c.visibility)) return [{ path: path(i), message: `kamera "${c.name}" hanya untuk pimpinan; layar ini ${tier === 'public' ? 'publik' : tier}` }];
    return [];
  });
  if (issues.length) {
    const tierIssue = issues.find((x) => x.message !== 'kamera tidak dikenal');
    throw new DomainError('validation_failed', tierIssue ? 'Kamera pimpinan tidak boleh tampil di layar publik' : 'Masukan tidak valid', issues);
  }
}
