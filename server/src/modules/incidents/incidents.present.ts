import type { IncidentAttachment, IncidentEvent, IncidentStatus, IncidentSummary, IncidentTask, SopCheck, TaskStatus } from '@pantau/shared';
import type { IncidentRow, TaskRow } from './incidents.repository.ts';
import { slaTimer } from './incidents.lifecycle.ts';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** One board row: SLA timers are computed at `now` (the injected clock). */
export function presentSummary(r: IncidentRow & { owner_name?: string | null }, now: Date): IncidentSummary {
  const stopped = r.status === 'rejected' || r.status === 'merged' ? r.updated_at : null;
  return {
    id: r.id,
    ticket: r.ticket,
    channel: r.channel as IncidentSummary['channel'],
    category: r.category_code,
    priority: r.priority as IncidentSummary['priority'],
    status: r.status as IncidentStatus,
    lat: r.lat,
    lng: r.lng,
    regionCode: r.region_code,
    address: r.address,
    description: r.description,
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    response: slaTimer(r.created_at, r.response_due_at, r.first_response_at ?? stopped, now),
    resolution: slaTimer(r.created_at, r.resolve_due_at, r.resolved_at ?? r.closed_at ?? stopped, now),
    escalated: r.escalated_at !== null,
  };
}

export function presentTask(t: TaskRow & { ticket: string; category_code: string; priority: string; address: string; lat: number; lng: number; description: string }): IncidentTask {
  return {
    id: t.id,
    incidentId: t.incident_id,
    ticket: t.ticket,
    organizationId: t.organization_id,
    organizationName: t.organization_name,
    status: t.status as TaskStatus,
    note: t.note,
    createdAt: t.created_at.toISOString(),
    updatedAt: t.updated_at.toISOString(),
    category: t.category_code,
    priority: t.priority as IncidentTask['priority'],
    address: t.address,
    lat: t.lat,
    lng: t.lng,
    description: t.description,
  };
}

export const presentCheck = (c: { id: string; position: number; title: string; required: boolean; done_at: Date | null; done_by: string | null }): SopCheck => ({
  id: c.id,
  position: c.position,
  title: c.title,
  required: c.required,
  doneAt: iso(c.done_at),
  doneBy: c.done_by,
});

export const presentEvent = (e: { id: string; at: Date; actor_label: string; kind: string; from_status: string | null; to_status: string | null; note: string | null }): IncidentEvent => ({
  id: e.id,
  at: e.at.toISOString(),
  actor: e.actor_label,
  kind: e.kind,
  fromStatus: e.from_status as IncidentStatus | null,
  toStatus: e.to_status as IncidentStatus | null,
  note: e.note,
});

export const presentAttachment = (a: { id: string; kind: 'photo' | 'recording'; mime: string | null; size: number | null; camera_id: string | null; camera_name: string | null; from_at: Date | null; to_at: Date | null; hold: boolean; export_status: string | null; export_id: string | null; created_at: Date }): IncidentAttachment => ({
  id: a.id,
  kind: a.kind,
  mime: a.mime,
  size: a.size,
  cameraId: a.camera_id,
  cameraName: a.camera_name,
  from: iso(a.from_at),
  to: iso(a.to_at),
  hold: a.hold,
  exportStatus: a.export_status as IncidentAttachment['exportStatus'],
  exportId: a.export_id,
  createdAt: a.created_at.toISOString(),
});
