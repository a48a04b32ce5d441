import { sql, type Kysely } from 'kysely';

/**
 * Data bank (datasets, resources, groups; datastore tables are created per resource at run time,
 * named `ds_<resource id>`) and the development dashboard (budget realization per OPD and quarter,
 * IKU, procurement).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table od_settings (
      tenant_id uuid primary key references tenants(id),
      walidata_organization_id uuid references organizations(id)
    );
    create table od_groups (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      name text not null,
      title text not null,
      description text not null default '',
      created_at timestamptz not null default now(),
      unique (tenant_id, name)
    );
    create table od_datasets (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      name text not null,
      title text not null,
      description text not null default '',
      organization_id uuid not null references organizations(id),
      state text not null default 'draft' check (state in ('draft', 'submitted', 'verified', 'published')),
      konsep text not null default '',
      definisi text not null default '',
      klasifikasi text not null default '',
      ukuran text not null default '',
      satuan text not null default '',
      frekuensi text not null default 'tahunan',
      periode text not null default '',
      region_code text not null,
      sumber text not null default '',
      license_id text not null default 'cc-by',
      tags text[] not null default '{}',
      groups text[] not null default '{}',
      formats text[] not null default '{}',
      review_note text,
      search tsvector not null default ''::tsvector,
      created_by uuid,
      published_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, name)
    );
    create index od_datasets_state on od_datasets (tenant_id, state, updated_at desc);
    create index od_datasets_org on od_datasets (organization_id);
    create index od_datasets_search on od_datasets using gin (search);
    create index od_datasets_tags on od_datasets using gin (tags);
    create index od_datasets_groups on od_datasets using gin (groups);
    create table od_resources (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      dataset_id uuid not null references od_datasets(id) on delete cascade,
      position integer not null default 0,
      name text not null,
      description text not null default '',
      format text not null,
      url text,
      datastore_table text,
      fields jsonb not null default '[]',
      row_count bigint not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index od_resources_dataset on od_resources (dataset_id, position);

    create table dash_budgets (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      organization_id uuid not null references organizations(id),
      year integer not null,
      quarter integer not null check (quarter between 1 and 4),
      program_code text not null,
      program_name text not null,
      pagu numeric(18, 2) not null check (pagu >= 0),
      realization numeric(18, 2) not null check (realization >= 0),
      physical_pct numeric(5, 2) not null check (physical_pct between 0 and 100),
      target_financial_pct numeric(5, 2) not null check (target_financial_pct between 0 and 100),
      target_physical_pct numeric(5, 2) not null check (target_physical_pct between 0 and 100),
      problems text not null default '',
      follow_up text not null default '',
      updated_at timestamptz not null default now(),
      unique (organization_id, year, quarter, program_code)
    );
    create index dash_budgets_period on dash_budgets (tenant_id, year, quarter);
    create table dash_indicators (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      organization_id uuid not null references organizations(id),
      year integer not null,
      code text not null,
      name text not null,
      unit text not null default '',
      target numeric(18, 2) not null,
      realization numeric(18, 2),
      updated_at timestamptz not null default now(),
      unique (organization_id, year, code)
    );
    create table dash_procurements (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      organization_id uuid not null references organizations(id),
      year integer not null,
      package_name text not null,
      method text not null,
      stage text not null check (stage in ('rup', 'tender', 'kontrak', 'pelaksanaan', 'selesai')),
      value numeric(18, 2) not null check (value >= 0),
      updated_at timestamptz not null default now(),
      unique (organization_id, year, package_name)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table dash_procurements; drop table dash_indicators; drop table dash_budgets;
    drop table od_resources; drop table od_datasets; drop table od_groups; drop table od_settings;
  `.execute(db);
}
