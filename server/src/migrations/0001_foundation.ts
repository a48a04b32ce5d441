import { sql, type Kysely } from 'kysely';

/** Tenancy, users, sessions, API tokens, the append-only audit chain and the camera registry. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table tenants (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      name text not null,
      region_code text not null,
      created_at timestamptz not null default now()
    );

    create table regions (
      code text primary key,
      name text not null,
      level text not null check (level in ('provinsi','kabupaten','kota','kecamatan','desa')),
      parent_code text references regions(code)
    );

    create table organizations (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      code text not null,
      name text not null,
      kind text not null check (kind in ('opd','agency')),
      created_at timestamptz not null default now(),
      unique (tenant_id, code)
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      username text not null unique,
      display_name text not null,
      email text,
      role text not null check (role in ('admin','operator','pimpinan','agency_officer','ppid_officer','data_steward')),
      organization_id uuid references organizations(id),
      region_codes text[] not null default '{}',
      password_hash text not null,
      must_change_password boolean not null default false,
      disabled boolean not null default false,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      password_changed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index users_tenant on users (tenant_id, username);

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    );
    create index sessions_user on sessions (user_id);

    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      user_id uuid not null references users(id),
      name text not null,
      prefix text not null,
      token_hash text not null unique,
      scopes text[] not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    );
    create index api_tokens_user on api_tokens (user_id);

    create table audit_log (
      id bigint generated always as identity primary key,
      tenant_id uuid,
      at timestamptz not null,
      actor_id uuid,
      actor_label text not null,
      action text not null,
      target_type text,
      target_id text,
      ip text,
      details jsonb not null default '{}',
      prev_hash text not null,
      hash text not null
    );
    create index audit_log_tenant_at on audit_log (tenant_id, at desc);
    create index audit_log_target on audit_log (tenant_id, target_type, target_id);

    -- The audit log is append-only: the database itself refuses edits, whatever the application does.
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();

    create table cameras (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      code text not null,
      name text not null,
      region_code text not null references regions(code),
      address text not null default '',
      lat double precision not null,
      lng double precision not null,
      category text not null,
      organization_id uuid references organizations(id),
      visibility text not null check (visibility in ('internal','pimpinan','public')),
      main_url text not null,
      sub_url text,
      credentials_enc text,
      tags text[] not null default '{}',
      enabled boolean not null default true,
      status text not null default 'unknown',
      status_reason text,
      last_frame_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, code)
    );
    create index cameras_tenant_region on cameras (tenant_id, region_code text_pattern_ops);
    create index cameras_tenant_name on cameras (tenant_id, name);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table cameras; drop table audit_log; drop function audit_log_append_only();
    drop table api_tokens; drop table sessions; drop table users; drop table organizations;
    drop table regions; drop table tenants;
  `.execute(db);
}
