import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The incident tables (migration 0006). */
export interface IncidentTables {
  incident_categories: IncidentCategoriesTable;
  incident_sla_rules: IncidentSlaRulesTable;
  incident_sop_steps: IncidentSopStepsTable;
  incident_routing_rules: IncidentRoutingRulesTable;
  incidents: IncidentsTable;
  incident_events: IncidentEventsTable;
  incident_checks: IncidentChecksTable;
  incident_tasks: IncidentTasksTable;
  incident_attachments: IncidentAttachmentsTable;
  agency_endpoints: AgencyEndpointsTable;
  notification_outbox: NotificationOutboxTable;
}

export interface IncidentCategoriesTable {
  tenant_id: string;
  code: string;
  name: string;
  default_priority: string;
  active: Generated<boolean>;
}
export interface IncidentSlaRulesTable {
  id: Generated<string>;
  tenant_id: string;
  category_code: string | null;
  priority: string;
  response_minutes: number;
  resolve_minutes: number;
}
export interface IncidentSopStepsTable {
  id: Generated<string>;
  tenant_id: string;
  category_code: string;
  position: number;
  title: string;
  required: boolean;
}
export interface IncidentRoutingRulesTable {
  id: Generated<string>;
  tenant_id: string;
  category_code: string;
  region_code: string | null;
  organization_id: string;
}
export interface IncidentsTable {
  id: Generated<string>;
  tenant_id: string;
  ticket: string;
  channel: string;
  category_code: string;
  priority: string;
  status: string;
  lat: number;
  lng: number;
  region_code: string | null;
  address: string;
  description: string;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_email: string | null;
  reporter_anonymous: boolean;
  reopen_code_hash: string | null;
  owner_id: string | null;
  merged_into_id: string | null;
  sop_override: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  first_response_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  response_due_at: Timestamp;
  resolve_due_at: Timestamp;
  escalated_at: Timestamp | null;
  open311_attributes: ColumnType<Record<string, string> | null, string | null, string | null>;
}
export interface IncidentEventsTable {
  id: Generated<string>;
  seq: Generated<number>;
  incident_id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  public: Generated<boolean>;
}
export interface IncidentChecksTable {
  id: Generated<string>;
  incident_id: string;
  position: number;
  title: string;
  required: boolean;
  done_at: Timestamp | null;
  done_by: string | null;
}
export interface IncidentTasksTable {
  id: Generated<string>;
  tenant_id: string;
  incident_id: string;
  organization_id: string;
  status: string;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface IncidentAttachmentsTable {
  id: Generated<string>;
  incident_id: string;
  kind: 'photo' | 'recording';
  mime: string | null;
  size: number | null;
  original: Uint8Array | null;
  public_copy: Uint8Array | null;
  camera_id: string | null;
  from_at: Timestamp | null;
  to_at: Timestamp | null;
  hold: Generated<boolean>;
  export_status: string | null;
  export_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}
export interface AgencyEndpointsTable {
  organization_id: string;
  tenant_id: string;
  email: string | null;
  webhook_url: string | null;
  webhook_secret_enc: string | null;
}
export interface NotificationOutboxTable {
  id: Generated<string>;
  tenant_id: string;
  channel: 'in_app' | 'email' | 'webhook';
  recipient_user_id: string | null;
  recipient_org_id: string | null;
  recipient_role: string | null;
  address: string | null;
  subject: string;
  body: ColumnType<Record<string, unknown>, string, string>;
  incident_id: string | null;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  read_at: Timestamp | null;
}
