import { sql, type Kysely } from 'kysely';

/** Video wall layouts and tours, saved per user. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table wall_layouts (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      user_id uuid not null references users(id) on delete cascade,
      name text not null,
      grid integer not null check (grid between 1 and 6),
      cells jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (user_id, name)
    );
    create table wall_tours (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      user_id uuid not null references users(id) on delete cascade,
      name text not null,
      dwell_seconds integer not null check (dwell_seconds between 5 and 3600),
      layout_ids jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (user_id, name)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table wall_tours; drop table wall_layouts;`.execute(db);
}
