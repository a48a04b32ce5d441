import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/** The Smart Display tables (migration 0009); jsonb columns hold shapes of packages/shared/src/displays.ts. */
export interface DisplayTables {
  display_scenes: {
    id: Generated<string>;
    tenant_id: string;
    name: string;
    layout: string;
    tiles: ColumnType<unknown[], string, string>;
    ticker: ColumnType<string[], string | undefined, string>;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  display_playlists: {
    id: Generated<string>;
    tenant_id: string;
    name: string;
    items: ColumnType<unknown[], string, string>;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  displays: {
    id: Generated<string>;
    tenant_id: string;
    name: string;
    location: Generated<string>;
    tier: string;
    state: Generated<string>;
    playlist_id: string | null;
    time_zone: Generated<string>;
    token_hash: string | null;
    push: ColumnType<unknown, string | null | undefined, string | null>;
    last_seen_at: Timestamp | null;
    paired_at: Timestamp;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  display_pairings: {
    id: Generated<string>;
    code: string;
    secret_hash: string;
    expires_at: Timestamp;
    display_id: string | null;
    token_issued: Generated<boolean>;
    created_at: CreatedAt;
  };
}
