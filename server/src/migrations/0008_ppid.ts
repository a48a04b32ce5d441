import { sql, type Kysely } from 'kysely';

/**
 * PPID: information requests with their timeline, objections (with the Komisi Informasi dispute),
 * the information registry, documents, the editable working-day calendar and the requester outbox.
 * Dates that count working days are stored as 'YYYY-MM-DD' text: they are calendar dates in the
 * tenant's zone, not instants, and text keeps both drivers from shifting them through a local Date.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table ppid_counters (
      tenant_id uuid not null references tenants(id),
      year integer not null,
      last integer not null,
      primary key (tenant_id, year)
    );
    create table ppid_requests (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      registration_number text not null,
      tracking_hash text not null,
      requester_kind text not null,
      name text not null,
      id_number text not null,
      address text not null,
      phone text not null,
      email text not null,
      information text not null,
      purpose text not null,
      delivery_method text not null,
      copy_format text not null,
      submitted_at timestamptz not null,
      received_on text not null check (received_on ~ '^\\d{4}-\\d{2}-\\d{2}$'),
      due_on text not null check (due_on ~ '^\\d{4}-\\d{2}-\\d{2}$'),
      extended boolean not null default false,
      extension_reason text,
      status text not null default 'received',
      organization_id uuid references organizations(id),
      response_kind text,
      response_text text,
      exemption_ground text,
      consequence_test text,
      responded_at timestamptz,
      responded_on text,
      last_reminder_on text,
      escalated_on text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, registration_number)
    );
    create index ppid_requests_queue on ppid_requests (tenant_id, status, due_on);
    create table ppid_request_events (
      id bigserial primary key,
      tenant_id uuid not null references tenants(id),
      request_id uuid not null references ppid_requests(id),
      at timestamptz not null,
      kind text not null,
      actor text not null,
      note text,
      public boolean not null default true
    );
    create index ppid_request_events_request on ppid_request_events (request_id, id);
    create table ppid_objections (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      request_id uuid not null references ppid_requests(id),
      ground text not null,
      reason text not null,
      filed_at timestamptz not null,
      filed_on text not null,
      due_on text not null,
      decision text,
      decision_text text,
      decided_on text,
      dispute_number text,
      dispute_filed_on text,
      dispute_outcome text,
      dispute_settled_on text,
      created_at timestamptz not null default now()
    );
    create index ppid_objections_request on ppid_objections (request_id);
    create table ppid_info_items (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      title text not null,
      summary text not null default '',
      category text not null check (category in ('berkala', 'serta_merta', 'setiap_saat', 'dikecualikan')),
      organization_id uuid not null references organizations(id),
      period text not null,
      legal_basis text,
      published boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (category <> 'dikecualikan' or (legal_basis is not null and not published))
    );
    create index ppid_info_items_public on ppid_info_items (tenant_id, published, category);
    create table ppid_documents (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      owner_kind text not null check (owner_kind in ('request', 'info_item')),
      owner_id uuid not null,
      filename text not null,
      mime text not null,
      size integer not null,
      sha256 text not null,
      storage_key text not null,
      created_at timestamptz not null default now()
    );
    create index ppid_documents_owner on ppid_documents (owner_kind, owner_id);
    create table ppid_calendar_days (
      tenant_id uuid not null references tenants(id),
      date text not null check (date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
      kind text not null check (kind in ('holiday', 'cuti_bersama', 'workday')),
      label text not null,
      primary key (tenant_id, date)
    );
    create table ppid_outbox (
      id bigserial primary key,
      tenant_id uuid not null references tenants(id),
      request_id uuid references ppid_requests(id),
      channel text not null check (channel in ('email', 'in_app')),
      recipient text not null,
      subject text not null,
      body text not null,
      created_at timestamptz not null,
      sent_at timestamptz
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table ppid_outbox; drop table ppid_calendar_days; drop table ppid_documents; drop table ppid_info_items;
    drop table ppid_objections; drop table ppid_request_events; drop table ppid_requests; drop table ppid_counters;`.execute(db);
}
