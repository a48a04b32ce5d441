import type { Camera, CameraCategory, Visibility } from '@pantau/shared';

/** What the camera form edits: strings and nulls as the inputs hold them. */
export interface CameraFormValues {
  code: string;
  name: string;
  regionCode: string | null;
  address: string;
  lat: number | string;
  lng: number | string;
  category: CameraCategory | null;
  organizationId: string | null;
  visibility: Visibility;
  mainUrl: string;
  subUrl: string;
  /** Write-only: blank means "keep what is stored". */
  username: string;
  password: string;
  clearCredentials: boolean;
  tags: string[];
  enabled: boolean;
}

export function emptyValues(): CameraFormValues {
  return {
    code: '',
    name: '',
    regionCode: null,
    address: '',
    lat: '',
    lng: '',
    category: null,
    organizationId: null,
    visibility: 'internal',
    mainUrl: '',
    subUrl: '',
    username: '',
    password: '',
    clearCredentials: false,
    tags: [],
    enabled: true,
  };
}

export function valuesFromCamera(c: Camera): CameraFormValues {
  return {
    ...emptyValues(),
    code: c.code,
    name: c.name,
    regionCode: c.regionCode,
    address: c.address,
    lat: c.lat,
    lng: c.lng,
    category: c.category,
    organizationId: c.organizationId,
    visibility: c.visibility,
    mainUrl: c.mainUrl ?? '',
    subUrl: c.subUrl ?? '',
    tags: c.tags,
    enabled: c.enabled,
  };
}

/** '' stays undefined so the schema reports "required" rather than "must be a number". */
function toNumber(v: number | string): number | undefined {
  if (typeof v === 'number') return v;
  const s = v.trim().replace(',', '.');
  return s === '' ? undefined : Number(s);
}

/** The body for POST /api/cameras (validated by cameraCreateSchema before sending). */
export function toCreateBody(v: CameraFormValues): Record<string, unknown> {
  return {
    code: v.code,
    name: v.name,
    regionCode: v.regionCode ?? undefined,
    address: v.address,
    lat: toNumber(v.lat),
    lng: toNumber(v.lng),
    category: v.category ?? undefined,
    organizationId: v.organizationId,
    visibility: v.visibility,
    mainUrl: v.mainUrl.trim() || undefined,
    subUrl: v.subUrl.trim() || null,
    username: v.username || null,
    password: v.password || null,
    tags: v.tags,
    enabled: v.enabled,
  };
}

/**
 * The body for PATCH /api/cameras/:id: only the fields the user changed, so the audit log records
 * what really changed and a save does not overwrite a colleague's concurrent edit of another
 * field. Credentials are sent only when typed (or explicitly cleared); a user without
 * camera.stream.read never received the URLs and does not blank them by saving.
 */
export function toUpdateBody(v: CameraFormValues, camera: Camera): Record<string, unknown> {
  const before = toCreateBody(valuesFromCamera(camera));
  const after = toCreateBody(v);
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === 'username' || key === 'password') continue;
    if (JSON.stringify(value) !== JSON.stringify(before[key])) body[key] = value;
  }
  // Emptied by the user: send '' so validation says so, instead of silently keeping the old URL.
  if (camera.mainUrl !== undefined && v.mainUrl.trim() === '') body.mainUrl = '';
  if (v.clearCredentials) {
    body.username = null;
    body.password = null;
  } else {
    if (v.username) body.username = v.username;
    if (v.password) body.password = v.password;
  }
  return body;
}
