import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CAMERA_CATEGORIES, CAMERA_STATUSES, VISIBILITIES } from '@pantau/shared';
import type { CameraFilters } from '../../../api/cameras.ts';

function pick<T extends string>(allowed: readonly T[], v: string | null): T | undefined {
  return allowed.find((a) => a === v);
}

/**
 * Camera filters live in the URL, so a filtered list survives reloads, can be shared, and "back"
 * from a camera detail returns to the same page of results.
 */
export function useCameraFilters() {
  const [params, setParams] = useSearchParams();

  const filters: CameraFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      regionCode: params.get('region') || undefined,
      category: pick(CAMERA_CATEGORIES, params.get('category')),
      status: pick(CAMERA_STATUSES, params.get('status')),
      visibility: pick(VISIBILITIES, params.get('visibility')),
    }),
    [params],
  );
  const page = Math.max(1, Number(params.get('page')) || 1);

  const setFilters = useCallback(
    (patch: Partial<CameraFilters>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          const names: Record<keyof CameraFilters, string> = {
            q: 'q',
            regionCode: 'region',
            category: 'category',
            status: 'status',
            visibility: 'visibility',
            organizationId: 'org',
          };
          for (const [k, v] of Object.entries(patch)) {
            const name = names[k as keyof CameraFilters];
            if (v) next.set(name, v);
            else next.delete(name);
          }
          next.delete('page'); // a new filter starts again at page 1
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setPage = useCallback(
    (p: number) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (p > 1) next.set('page', String(p));
        else next.delete('page');
        return next;
      }),
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const active = Object.values(filters).some(Boolean);

  return { filters, page, setFilters, setPage, clear, active };
}
