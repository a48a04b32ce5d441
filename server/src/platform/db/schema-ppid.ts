import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/** The PPID tables (migration 0008); `*_on` columns are 'YYYY-MM-DD' dates in the tenant's zone. */
export interface PpidTables {
  ppid_counters: { tenant_id: string; year: number; last: number };
  ppid_requests: {
    id: Generated<string>;
    tenant_id: string;
    registration_number: string;
    tracking_hash: string;
    requester_kind: string;
    name: string;
    id_number: string;
    address: string;
    phone: string;
    email: string;
    information: string;
    purpose: string;
    delivery_method: string;
    copy_format: string;
    submitted_at: Timestamp;
    received_on: string;
    due_on: string;
    extended: Generated<boolean>;
    extension_reason: string | null;
    status: Generated<string>;
    organization_id: string | null;
    response_kind: string | null;
    response_text: string | null;
    exemption_ground: string | null;
    consequence_test: string | null;
    responded_at: Timestamp | null;
    responded_on: string | null;
    last_reminder_on: string | null;
    escalated_on: string | null;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  ppid_request_events: { id: Generated<number>; tenant_id: string; request_id: string; at: Timestamp; kind: string; actor: string; note: string | null; public: Generated<boolean> };
  ppid_objections: {
    id: Generated<string>;
    tenant_id: string;
    request_id: string;
    ground: string;
    reason: string;
    filed_at: Timestamp;
    filed_on: string;
    due_on: string;
    decision: string | null;
    decision_text: string | null;
    decided_on: string | null;
    dispute_number: string | null;
    dispute_filed_on: string | null;
    dispute_outcome: string | null;
    dispute_settled_on: string | null;
    created_at: CreatedAt;
  };
  ppid_info_items: {
    id: Generated<string>;
    tenant_id: string;
    title: string;
    summary: string;
    category: string;
    organization_id: string;
    period: string;
    legal_basis: string | null;
    published: boolean;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  ppid_documents: { id: Generated<string>; tenant_id: string; owner_kind: 'request' | 'info_item'; owner_id: string; filename: string; mime: string; size: number; sha256: string; storage_key: string; created_at: CreatedAt };
  ppid_calendar_days: { tenant_id: string; date: string; kind: 'holiday' | 'cuti_bersama' | 'workday'; label: string };
  ppid_outbox: { id: Generated<number>; tenant_id: string; request_id: string | null; channel: 'email' | 'in_app'; recipient: string; subject: string; body: string; created_at: Timestamp; sent_at: Timestamp | null };
}
