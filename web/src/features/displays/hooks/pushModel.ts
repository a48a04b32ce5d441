import { CAMERA_GRIDS, type PortalTier, type Visibility } from '@pantau/shared';
import type { CameraGrid } from './sceneModel.ts';

/** Pairing codes avoid look-alike characters (no I, O, 0, 1), as on the screen. */
const CODE_CHARS = /[^A-HJ-NP-Z2-9]/g;

/**
 * The XXXX-XXXX mask: uppercases, drops characters a code never has, and puts the dash after four,
 * so a code typed or pasted in any form ends up as the screen shows it.
 */
export function formatPairingCode(raw: string): string {
  const chars = raw.toUpperCase().replace(CODE_CHARS, '').slice(0, 8);
  return chars.length > 4 ? `${chars.slice(0, 4)}-${chars.slice(4)}` : chars;
}

/** Whether a display of this tier may show a camera: `internal` never, `pimpinan` only on pimpinan displays. */
export function tierAllows(tier: PortalTier, visibility: Visibility): boolean {
  if (visibility === 'public') return true;
  return visibility === 'pimpinan' && tier === 'pimpinan';
}

export interface WallPush {
  cameraIds: string[];
  grid: CameraGrid;
  /** Cameras of the wall a display may never show (internal), left out of the push. */
  left: number;
}

/**
 * The video wall as a push: its cameras in reading order and a display grid of the same size when
 * one exists (1, 2×2, 3×3, 4×4). Larger walls go as 4×4 with the first sixteen cameras. Only
 * cameras known to be public or pimpinan go; the server checks the display's tier again.
 */
export function wallToPush(cells: (string | null)[], wallGrid: number, visibilityOf: (id: string) => Visibility | undefined): WallPush {
  const ids = cells.filter((c): c is string => c !== null);
  const allowed = ids.filter((id) => {
    const v = visibilityOf(id);
    return v === 'public' || v === 'pimpinan';
  });
  const cells2 = wallGrid * wallGrid;
  const grid = (CAMERA_GRIDS as readonly number[]).includes(cells2) ? (cells2 as CameraGrid) : 16;
  return { cameraIds: allowed.slice(0, 16), grid, left: ids.length - allowed.length };
}

/** Duration choices for a push, in seconds; null = until someone returns the display to its playlist. */
export const PUSH_DURATIONS: readonly (number | null)[] = [null, 60, 300, 900, 1800, 3600, 4 * 3600];

/** A display grid by its side: 1, 2×2, 3×3, 4×4. */
export const gridLabel = (cells: number) => (cells === 1 ? '1' : `${Math.sqrt(cells)}×${Math.sqrt(cells)}`);
