import type { ColumnType, Generated } from 'kysely';
import type { IncidentTables } from './schema-incidents.ts';
import type { PpidTables } from './schema-ppid.ts';
import type { DisplayTables } from './schema-displays.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  region_code: string;
  created_at: CreatedAt;
}

export interface RegionsTable {
  code: string;
  name: string;
  level: 'provinsi' | 'kabupaten' | 'kota' | 'kecamatan' | 'desa';
  parent_code: string | null;
}

export interface OrganizationsTable {
  id: Generated<string>;
  tenant_id: string;
  code: string;
  name: string;
  kind: 'opd' | 'agency';
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  tenant_id: string;
  username: string;
  display_name: string;
  email: string | null;
  role: string;
  organization_id: string | null;
  region_codes: string[];
  password_hash: string;
  must_change_password: Generated<boolean>;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  password_changed_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  scopes: string[];
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  tenant_id: string | null;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface CamerasTable {
  id: Generated<string>;
  tenant_id: string;
  code: string;
  name: string;
  region_code: string;
  address: string;
  lat: number;
  lng: number;
  category: string;
  organization_id: string | null;
  visibility: 'internal' | 'pimpinan' | 'public';
  main_url: string;
  sub_url: string | null;
  credentials_enc: string | null;
  tags: string[];
  enabled: boolean;
  status: Generated<string>;
  status_reason: string | null;
  last_frame_at: Timestamp | null;
  /** The media process holding this camera (migration 0004). */
  media_node: Generated<string | null>;
  /** Days of recordings kept; null: the installation default (migration 0005). */
  retention_days: Generated<number | null>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface WallLayoutsTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  name: string;
  grid: number;
  cells: ColumnType<(string | null)[], string, string>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface WallToursTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  name: string;
  dwell_seconds: number;
  layout_ids: ColumnType<string[], string, string>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface MediaNodesTable {
  name: string;
  lease_until: Timestamp;
  capacity: number | null;
  started_at: CreatedAt;
}

/** The Kysely view of the whole database. */
export interface Database extends PpidTables, IncidentTables, DisplayTables {
  tenants: TenantsTable;
  regions: RegionsTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  cameras: CamerasTable;
  media_nodes: MediaNodesTable;
  wall_layouts: WallLayoutsTable;
  wall_tours: WallToursTable;
  recording_runs: RecordingRunsTable;
  recordings: RecordingsTable;
  recording_garbage: RecordingGarbageTable;
  recording_totals: RecordingTotalsTable;
  evidence_holds: EvidenceHoldsTable;
  bookmarks: BookmarksTable;
  evidence_exports: EvidenceExportsTable;
  signing_keys: SigningKeysTable;
}

/** One unbroken stretch of recording of a stream (migration 0002); gaps lie between runs. */
export interface RecordingRunsTable {
  id: Generated<number>;
  node: string;
  camera_id: string;
  stream: 'main' | 'sub';
  codec: string;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
}

/** One segment file (~60 s) with its compact per-frame index; `sha256` is null while open. */
export interface RecordingsTable {
  id: Generated<number>;
  camera_id: string;
  run_id: number;
  stream: 'main' | 'sub';
  path: string;
  start_time: Timestamp;
  end_time: Timestamp;
  start_90k: number;
  wall_duration_90k: Generated<number>;
  duration_90k: Generated<number>;
  frames: Generated<number>;
  bytes: Generated<number>;
  codec: string;
  width: number;
  height: number;
  init_bytes: number;
  sha256: Uint8Array | null;
  sample_index: Uint8Array;
}

/** Files to unlink: a row is written before the unlink and removed after it (crash-safe deletion). */
export interface RecordingGarbageTable {
  id: Generated<number>;
  path: string;
  reason: string;
  created_at: CreatedAt;
}

/** Bytes and recordings per camera, kept by a trigger on `recordings` (migration 0005). */
export interface RecordingTotalsTable {
  camera_id: string;
  bytes: Generated<number>;
  recordings: Generated<number>;
}

/** A range of a camera's recordings that retention must not delete until released. */
export interface EvidenceHoldsTable {
  id: Generated<string>;
  tenant_id: string;
  camera_id: string;
  start_time: Timestamp;
  end_time: Timestamp;
  reason: string;
  case_number: string | null;
  export_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  released_at: Timestamp | null;
  released_by: string | null;
  release_reason: string | null;
}

export interface BookmarksTable {
  id: Generated<string>;
  tenant_id: string;
  camera_id: string;
  start_time: Timestamp;
  end_time: Timestamp | null;
  note: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface EvidenceExportsTable {
  id: Generated<string>;
  tenant_id: string;
  camera_ids: string[];
  from_time: Timestamp;
  to_time: Timestamp;
  reason: string;
  case_number: string | null;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  progress: Generated<number>;
  error: string | null;
  files: ColumnType<unknown, string | undefined, string>;
  gaps: ColumnType<unknown, string | undefined, string>;
  hold_ids: Generated<string[]>;
  created_by: string;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface SigningKeysTable {
  purpose: string;
  public_key: string;
  private_key_enc: string;
  created_at: CreatedAt;
}
