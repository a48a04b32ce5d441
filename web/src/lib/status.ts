import type { CameraStatus, Visibility } from '@pantau/shared';

/** Badge colours per status: online green, offline red (light), error red (filled), unknown gray (outline), disabled dark. */
export const STATUS_BADGE: Record<CameraStatus, { color: string; variant: 'filled' | 'light' | 'outline' }> = {
  online: { color: 'green', variant: 'filled' },
  offline: { color: 'red', variant: 'light' },
  error: { color: 'red', variant: 'filled' },
  unknown: { color: 'gray', variant: 'outline' },
  disabled: { color: 'dark', variant: 'filled' },
};

/** The same meaning as hex colours, for map circles. */
export const STATUS_HEX: Record<CameraStatus, string> = {
  online: '#40c057',
  offline: '#ff8787',
  error: '#e03131',
  unknown: '#909296',
  disabled: '#25262b',
};

export const VISIBILITY_COLOR: Record<Visibility, string> = {
  internal: 'gray',
  pimpinan: 'violet',
  public: 'cyan',
};
