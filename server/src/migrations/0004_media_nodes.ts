import { sql, type Kysely } from 'kysely';

/**
 * Several media processes share one database: each keeps a lease on its row in `media_nodes`, and
 * each camera is held by exactly one node (`cameras.media_node`) until that node's lease runs out.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table media_nodes (
      name text primary key,
      lease_until timestamptz not null,
      capacity integer,
      started_at timestamptz not null default now()
    );
    alter table cameras add column media_node text;
    create index cameras_media_node on cameras (media_node);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table cameras drop column media_node; drop table media_nodes;`.execute(db);
}
