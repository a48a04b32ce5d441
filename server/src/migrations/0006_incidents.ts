import { sql, type Kysely } from 'kysely';

/**
 * Incidents and complaints: categories, SLA rules, SOP checklists, routing rules, incidents with
 * their timeline, agency tasks and attachments, and the notification outbox.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table incident_categories (
      tenant_id uuid not null references tenants(id),
      code text not null,
      name text not null,
      default_priority text not null check (default_priority in ('critical','high','medium','low')),
      active boolean not null default true,
      primary key (tenant_id, code)
    );
    -- category null: the default for the priority
    create table incident_sla_rules (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      category_code text,
      priority text not null check (priority in ('critical','high','medium','low')),
      response_minutes integer not null check (response_minutes > 0),
      resolve_minutes integer not null check (resolve_minutes > 0)
    );
    create unique index incident_sla_rules_key on incident_sla_rules (tenant_id, coalesce(category_code, ''), priority);
    create table incident_sop_steps (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      category_code text not null,
      position integer not null,
      title text not null,
      required boolean not null,
      unique (tenant_id, category_code, position)
    );
    create table incident_routing_rules (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      category_code text not null,
      region_code text,
      organization_id uuid not null references organizations(id)
    );
    create unique index incident_routing_rules_key on incident_routing_rules (tenant_id, category_code, coalesce(region_code, ''), organization_id);
    create table incidents (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      ticket text not null unique,
      channel text not null,
      category_code text not null,
      priority text not null check (priority in ('critical','high','medium','low')),
      status text not null,
      lat double precision not null,
      lng double precision not null,
      region_code text,
      address text not null default '',
      description text not null,
      reporter_name text,
      reporter_phone text,
      reporter_email text,
      reporter_anonymous boolean not null default false,
      reopen_code_hash text,
      owner_id uuid references users(id),
      merged_into_id uuid references incidents(id),
      sop_override boolean not null default false,
      created_by uuid references users(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      first_response_at timestamptz,
      resolved_at timestamptz,
      closed_at timestamptz,
      response_due_at timestamptz not null,
      resolve_due_at timestamptz not null,
      escalated_at timestamptz,
      open311_attributes jsonb
    );
    create index incidents_board on incidents (tenant_id, status, created_at desc);
    -- the operator board (active statuses, newest first) reads this small index in order, whatever the history size
    create index incidents_active on incidents (tenant_id, created_at desc) where status in ('received','verified','dispatched','in_progress','on_hold');
    create index incidents_created on incidents (tenant_id, created_at desc);
    create index incidents_due on incidents (response_due_at) where escalated_at is null and status in ('received','verified','dispatched','in_progress','on_hold');
    create table incident_events (
      id uuid primary key default gen_random_uuid(),
      -- insertion order: several events of one transaction share a timestamp
      seq bigint generated always as identity,
      incident_id uuid not null references incidents(id),
      at timestamptz not null,
      actor_id uuid,
      actor_label text not null,
      kind text not null,
      from_status text,
      to_status text,
      note text,
      -- shown on the public tracking page (status changes only, never internal notes)
      public boolean not null default false
    );
    create index incident_events_incident on incident_events (incident_id, seq);
    create table incident_checks (
      id uuid primary key default gen_random_uuid(),
      incident_id uuid not null references incidents(id),
      position integer not null,
      title text not null,
      required boolean not null,
      done_at timestamptz,
      done_by text
    );
    create index incident_checks_incident on incident_checks (incident_id, position);
    create table incident_tasks (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      incident_id uuid not null references incidents(id),
      organization_id uuid not null references organizations(id),
      status text not null check (status in ('dispatched','en_route','on_scene','done')),
      note text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (incident_id, organization_id)
    );
    create index incident_tasks_org on incident_tasks (tenant_id, organization_id, status);
    create table incident_attachments (
      id uuid primary key default gen_random_uuid(),
      incident_id uuid not null references incidents(id),
      kind text not null check (kind in ('photo','recording')),
      mime text,
      size integer,
      original bytea,
      public_copy bytea,
      camera_id uuid references cameras(id),
      from_at timestamptz,
      to_at timestamptz,
      hold boolean not null default false,
      export_status text,
      -- the evidence export (with hold) made for a recording attachment
      export_id uuid,
      created_by uuid,
      created_at timestamptz not null
    );
    create index incident_attachments_incident on incident_attachments (incident_id);
    create table agency_endpoints (
      organization_id uuid primary key references organizations(id),
      tenant_id uuid not null references tenants(id),
      email text,
      webhook_url text,
      webhook_secret_enc text
    );
    create table notification_outbox (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      channel text not null check (channel in ('in_app','email','webhook')),
      recipient_user_id uuid references users(id),
      recipient_org_id uuid references organizations(id),
      recipient_role text,
      address text,
      subject text not null,
      body jsonb not null,
      incident_id uuid references incidents(id),
      status text not null default 'pending' check (status in ('pending','sent','failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      last_error text,
      created_at timestamptz not null,
      sent_at timestamptz,
      read_at timestamptz
    );
    create index notification_outbox_due on notification_outbox (next_attempt_at) where status = 'pending';
    create index notification_outbox_inbox on notification_outbox (tenant_id, channel, created_at desc);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table notification_outbox; drop table agency_endpoints; drop table incident_attachments;
    drop table incident_tasks; drop table incident_checks; drop table incident_events; drop table incidents;
    drop table incident_routing_rules; drop table incident_sop_steps; drop table incident_sla_rules; drop table incident_categories;
  `.execute(db);
}
