import type { PpidDocument, PpidEvent, PpidObjection, PpidRequestDetail, PpidRequestSummary } from '@pantau/shared';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { WorkingCalendar, type DateOnly } from './calendar.ts';
import { DECREE_OVERRIDES } from './calendar.decrees.ts';
import { deadlineOf, disputeDeadline } from './deadlines.ts';
import { RequestsRepository, type EventRow, type ObjectionRow, type RequestRow, type RequestScope } from './requests.repository.ts';
import { RegistryRepository, type DocumentRow } from './registry.repository.ts';
import type { DocumentStore } from './files.ts';

/** The organization whose PPID officers are the PPID Utama: Diskominfo (Permendagri 3/2017). */
export const PPID_UTAMA_ORG_CODE = 'diskominfo';

/** What every PPID service shares: the database, the clock, the repositories, the calendar and the store. */
export class PpidContext {
  readonly requests = new RequestsRepository();
  readonly registry = new RegistryRepository();
  constructor(
    readonly db: Db,
    readonly clock: Clock,
    readonly store: DocumentStore,
  ) {}

  /** The tenant's working-day calendar: library holidays, the built-in decrees, then its own edits. */
  async calendar(db: Executor, tenantId: string): Promise<WorkingCalendar> {
    const own = await this.registry.calendarDays(db, tenantId);
    return new WorkingCalendar([...DECREE_OVERRIDES, ...own]);
  }

  today(cal: WorkingCalendar): DateOnly {
    return cal.today(this.clock.now());
  }

  /** Whether the actor's organization is the PPID Utama. */
  async isUtama(db: Executor, actor: Actor): Promise<boolean> {
    if (!actor.organizationId) return false;
    const org = await this.registry.organization(db, actor.tenantId, actor.organizationId);
    return org?.code === PPID_UTAMA_ORG_CODE;
  }

  /** Which requests the actor may see: admin, pimpinan and the PPID Utama all; a PPID Pelaksana its OPD's. */
  async scopeOf(actor: Actor, db: Executor = this.db): Promise<RequestScope> {
    if (actor.role !== 'ppid_officer' || (await this.isUtama(db, actor))) return { tenantId: actor.tenantId, organizationId: null };
    if (!actor.organizationId) throw forbidden('Petugas PPID harus terdaftar pada sebuah OPD');
    return { tenantId: actor.tenantId, organizationId: actor.organizationId };
  }

  async addEvent(tx: Executor, r: Pick<RequestRow, 'tenant_id' | 'id'>, kind: string, actor: string, note: string | null, isPublic = true): Promise<void> {
    await this.requests.addEvent(tx, { tenant_id: r.tenant_id, request_id: r.id, at: this.clock.now(), kind, actor, note, public: isPublic });
  }

  /** Queues a message to the requester (e-mail) or to officers (in-app); a mailer sends the e-mail ones. */
  async notify(tx: Executor, r: Pick<RequestRow, 'tenant_id' | 'id'>, channel: 'email' | 'in_app', recipient: string, subject: string, body: string): Promise<void> {
    await this.requests.queue(tx, { tenant_id: r.tenant_id, request_id: r.id, channel, recipient, subject, body, created_at: this.clock.now() });
  }
}

export const presentDocument = (d: DocumentRow): PpidDocument => ({ id: d.id, filename: d.filename, mime: d.mime, size: d.size, createdAt: d.created_at.toISOString() });
export const presentEvent = (e: EventRow): PpidEvent => ({ at: e.at.toISOString(), kind: e.kind, actor: e.actor, note: e.note });

export function presentObjection(cal: WorkingCalendar, o: ObjectionRow): PpidObjection {
  return {
    id: o.id,
    ground: o.ground as PpidObjection['ground'],
    reason: o.reason,
    filedOn: o.filed_on,
    dueOn: o.due_on,
    decision: o.decision as PpidObjection['decision'],
    decisionText: o.decision_text,
    decidedOn: o.decided_on,
    disputeDeadline: disputeDeadline(cal, o.decided_on, o.due_on),
    disputeNumber: o.dispute_number,
    disputeFiledOn: o.dispute_filed_on,
    disputeOutcome: o.dispute_outcome as PpidObjection['disputeOutcome'],
    disputeSettledOn: o.dispute_settled_on,
  };
}

export const factsOf = (r: RequestRow) => ({ receivedOn: r.received_on, dueOn: r.due_on, extended: r.extended, respondedOn: r.status === 'received' ? null : (r.responded_on ?? null) });

export function presentSummary(cal: WorkingCalendar, today: DateOnly, r: RequestRow, openObjection: boolean): PpidRequestSummary {
  const { daysOff: _omit, ...deadline } = deadlineOf(cal, factsOf(r), today, false);
  return {
    id: r.id,
    registrationNumber: r.registration_number,
    name: r.name,
    information: r.information,
    status: r.status as PpidRequestSummary['status'],
    organizationId: r.organization_id,
    organizationName: r.organization_name ?? null,
    submittedAt: r.submitted_at.toISOString(),
    deadline,
    openObjection,
  };
}

/**
 * The course of a request as both sides see it (deadline, answer, documents, history, objections);
 * `publicOnly` leaves out internal events such as notes and reminders.
 */
export async function caseOf(ctx: PpidContext, cal: WorkingCalendar, today: DateOnly, r: RequestRow, publicOnly: boolean) {
  const [docs, events, objections] = await Promise.all([
    ctx.registry.documentsOf(ctx.db, r.tenant_id, 'request', [r.id]),
    ctx.requests.events(ctx.db, r.tenant_id, r.id, publicOnly),
    ctx.requests.objections(ctx.db, r.tenant_id, [r.id]),
  ]);
  return {
    deadline: deadlineOf(cal, factsOf(r), today),
    extensionReason: r.extension_reason,
    responseKind: r.response_kind as PpidRequestDetail['responseKind'],
    responseText: r.response_text,
    exemptionGround: r.exemption_ground as PpidRequestDetail['exemptionGround'],
    consequenceTest: r.consequence_test,
    respondedOn: r.responded_on,
    documents: docs.map(presentDocument),
    // the public sees that the PPID acted, not which officer's account did
    events: events.map((e) => presentEvent(publicOnly && e.actor !== 'pemohon' ? { ...e, actor: 'PPID' } : e)),
    objections: objections.map((o) => presentObjection(cal, o)),
    openObjection: objections.some((o) => !o.decision),
  };
}
