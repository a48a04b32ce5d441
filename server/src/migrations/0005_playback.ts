import { sql, type Kysely } from 'kysely';

/**
 * Playback, evidence and retention: per-camera retention days, byte counters kept by a trigger on
 * the recording index (no directory walks, no sums over millions of rows), evidence holds that
 * retention never deletes, bookmarks, evidence exports and the installation's signing key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table cameras add column retention_days integer check (retention_days between 1 and 3650);

    create table recording_totals (
      camera_id uuid primary key,
      bytes bigint not null default 0,
      recordings integer not null default 0
    );
    create function recording_totals_apply() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        update recording_totals set bytes = bytes - old.bytes, recordings = recordings - 1 where camera_id = old.camera_id;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into recording_totals (camera_id, bytes, recordings) values (new.camera_id, new.bytes, 1)
          on conflict (camera_id) do update set bytes = recording_totals.bytes + excluded.bytes, recordings = recording_totals.recordings + 1;
      end if;
      return null;
    end $$;
    create trigger recordings_totals after insert or delete or update of bytes, camera_id on recordings
      for each row execute function recording_totals_apply();
    insert into recording_totals (camera_id, bytes, recordings)
      select camera_id, sum(bytes), count(*) from recordings group by camera_id;

    -- no foreign key to cameras: held evidence outlives a deleted camera
    create table evidence_holds (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      camera_id uuid not null,
      start_time timestamptz not null,
      end_time timestamptz not null check (end_time > start_time),
      reason text not null,
      case_number text,
      export_id uuid,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      released_at timestamptz,
      released_by uuid references users(id),
      release_reason text,
      check ((released_at is null) = (release_reason is null))
    );
    create index evidence_holds_active on evidence_holds (camera_id, start_time) where released_at is null;
    create index evidence_holds_tenant on evidence_holds (tenant_id, created_at desc);

    create table bookmarks (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      camera_id uuid not null references cameras(id) on delete cascade,
      start_time timestamptz not null,
      end_time timestamptz,
      note text not null,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      check (end_time is null or end_time > start_time)
    );
    create index bookmarks_camera_time on bookmarks (camera_id, start_time);
    create index bookmarks_tenant_time on bookmarks (tenant_id, start_time desc);

    create table evidence_exports (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      camera_ids uuid[] not null,
      from_time timestamptz not null,
      to_time timestamptz not null,
      reason text not null,
      case_number text,
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      progress real not null default 0,
      error text,
      files jsonb not null default '[]',
      gaps jsonb not null default '[]',
      hold_ids uuid[] not null default '{}',
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create index evidence_exports_tenant on evidence_exports (tenant_id, created_at desc);

    -- Ed25519 key that signs export manifests; the private half sealed with the installation secret
    create table signing_keys (
      purpose text primary key,
      public_key text not null,
      private_key_enc text not null,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table signing_keys; drop table evidence_exports; drop table bookmarks; drop table evidence_holds;
    drop trigger recordings_totals on recordings; drop function recording_totals_apply(); drop table recording_totals;
    alter table cameras drop column retention_days;
  `.execute(db);
}
