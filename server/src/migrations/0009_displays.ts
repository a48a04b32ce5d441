import { sql, type Kysely } from 'kysely';

/**
 * Smart Displays: pairings (a code on the screen, approved in the console), displays with their
 * hashed token and current push, scenes and playlists. Tiles, tickers, playlist items and the push
 * are jsonb: they are validated by the shared zod schemas and read whole, never queried by field
 * (except a playlist's scene ids, found by containment).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table display_scenes (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      name text not null,
      layout text not null,
      tiles jsonb not null,
      ticker jsonb not null default '[]',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, name)
    );
    create table display_playlists (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      name text not null,
      items jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, name)
    );
    create table displays (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      name text not null,
      location text not null default '',
      tier text not null check (tier in ('public', 'pimpinan')),
      state text not null default 'active' check (state in ('active', 'revoked')),
      playlist_id uuid references display_playlists(id),
      time_zone text not null default 'Asia/Jakarta',
      token_hash text unique,
      push jsonb,
      last_seen_at timestamptz,
      paired_at timestamptz not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index displays_tenant on displays (tenant_id, name);
    create table display_pairings (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      secret_hash text not null,
      expires_at timestamptz not null,
      display_id uuid references displays(id),
      token_issued boolean not null default false,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table display_pairings; drop table displays; drop table display_playlists; drop table display_scenes;`.execute(db);
}
