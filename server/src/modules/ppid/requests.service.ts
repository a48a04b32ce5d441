import type { PpidRequestDetail, PpidRequestQuery, PpidRequestSummary, PpidRespondInput, PpidDocument } from '@pantau/shared';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { conflict, DomainError, forbidden, notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import { deadlineOf, extendedDue } from './deadlines.ts';
import { checkDocument } from './files.ts';
import { caseOf, factsOf, presentDocument, presentSummary, type PpidContext } from './ppid.context.ts';
import type { RequestRow } from './requests.repository.ts';

const OPEN = ['received', 'clarification'];

/** The officers' side of requests: the queue, the detail, routing, extension, the answer and its documents. */
export class PpidRequestsService {
  constructor(
    private readonly ctx: PpidContext,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
  ) {}

  async list(actor: Actor, q: PpidRequestQuery): Promise<{ items: PpidRequestSummary[]; total: number }> {
    this.policy.authorize(actor, 'ppid.request.read');
    const scope = await this.ctx.scopeOf(actor);
    const cal = await this.ctx.calendar(this.ctx.db, actor.tenantId);
    const today = this.ctx.today(cal);
    let rows: RequestRow[];
    let total: number;
    if (q.state) {
      // the deadline state depends on the calendar, so it is computed here over the open requests
      // the database narrows to late or not-late requests; the calendar decides the exact state
      const late = q.state === 'overdue' || q.state === 'very_overdue';
      const open = q.state === 'closed' ? [] : await this.ctx.requests.listOpen(this.ctx.db, scope, late ? { before: today } : { from: today });
      const needle = q.q?.toLowerCase();
      const all = open.filter((r) => deadlineOf(cal, factsOf(r), today, false).state === q.state && (!needle || [r.registration_number, r.name, r.information].some((s) => s.toLowerCase().includes(needle))));
      total = all.length;
      rows = all.slice(q.offset, q.offset + q.limit);
    } else {
      ({ items: rows, total } = await this.ctx.requests.list(this.ctx.db, scope, q));
    }
    const objections = await this.ctx.requests.objections(this.ctx.db, actor.tenantId, rows.map((r) => r.id));
    const open = new Set(objections.filter((o) => !o.decision).map((o) => o.request_id));
    return { items: rows.map((r) => presentSummary(cal, today, r, open.has(r.id))), total };
  }

  async get(actor: Actor, id: string): Promise<PpidRequestDetail> {
    this.policy.authorize(actor, 'ppid.request.read');
    const row = await this.ctx.requests.find(this.ctx.db, await this.ctx.scopeOf(actor), id);
    if (!row) throw notFound('Permohonan');
    const cal = await this.ctx.calendar(this.ctx.db, actor.tenantId);
    const today = this.ctx.today(cal);
    const { openObjection, ...course } = await caseOf(this.ctx, cal, today, row, false);
    return {
      ...presentSummary(cal, today, row, openObjection),
      requesterKind: row.requester_kind as PpidRequestDetail['requesterKind'],
      idNumber: row.id_number,
      address: row.address,
      phone: row.phone,
      email: row.email,
      purpose: row.purpose,
      deliveryMethod: row.delivery_method as PpidRequestDetail['deliveryMethod'],
      copyFormat: row.copy_format as PpidRequestDetail['copyFormat'],
      ...course,
    };
  }

  /** Loads a request the actor may handle, locked for the transaction. */
  private async handleable(tx: Executor, actor: Actor, id: string): Promise<RequestRow> {
    const row = await this.ctx.requests.find(tx, await this.ctx.scopeOf(actor, tx), id);
    if (!row) throw notFound('Permohonan');
    await this.ctx.requests.lock(tx, actor.tenantId, id);
    return row;
  }

  /** PPID Utama hands the request to the PPID Pelaksana of the OPD holding the information. */
  async route(actor: Actor, id: string, input: { organizationId: string; note?: string }): Promise<PpidRequestDetail> {
    this.policy.authorize(actor, 'ppid.request.handle');
    if (actor.role === 'ppid_officer' && !(await this.ctx.isUtama(this.ctx.db, actor))) throw forbidden('Hanya PPID Utama yang meneruskan permohonan');
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.handleable(tx, actor, id);
      if (!OPEN.includes(row.status)) throw conflict('Permohonan sudah dijawab');
      const org = await this.ctx.registry.organization(tx, actor.tenantId, input.organizationId);
      if (!org) throw new DomainError('validation_failed', 'Masukan tidak valid', [{ path: 'body.organizationId', message: 'OPD tidak dikenal' }]);
      await this.ctx.requests.update(tx, actor.tenantId, id, { organization_id: org.id });
      await this.ctx.addEvent(tx, row, 'routed', actor.label, `Diteruskan ke PPID Pelaksana ${org.name}`);
      if (input.note) await this.ctx.addEvent(tx, row, 'note', actor.label, input.note, false);
      await this.ctx.notify(tx, row, 'in_app', `ppid:org:${org.id}`, `Permohonan ${row.registration_number} diteruskan`, row.information.slice(0, 200));
      await this.audit.record(tx, actor, { action: 'ppid.request.route', targetType: 'ppid_request', targetId: id, details: { organizationId: org.id } });
    });
    return this.get(actor, id);
  }

  /** One extension of 7 working days, with written reasons sent to the requester (Pasal 22(8)). */
  async extend(actor: Actor, id: string, input: { reason: string }): Promise<PpidRequestDetail> {
    this.policy.authorize(actor, 'ppid.request.handle');
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.handleable(tx, actor, id);
      if (row.status !== 'received') throw conflict('Hanya permohonan yang menunggu jawaban dapat diperpanjang');
      if (row.extended) throw conflict('Perpanjangan hanya sekali (7 hari kerja)');
      const cal = await this.ctx.calendar(tx, actor.tenantId);
      if (this.ctx.today(cal) > row.due_on) throw conflict('Tenggat sudah lewat; perpanjangan harus diberitahukan sebelum tenggat');
      const dueOn = extendedDue(cal, row.due_on);
      await this.ctx.requests.update(tx, actor.tenantId, id, { extended: true, extension_reason: input.reason, due_on: dueOn });
      await this.ctx.addEvent(tx, row, 'extended', actor.label, `Diperpanjang sampai ${dueOn}: ${input.reason}`);
      await this.ctx.notify(tx, row, 'email', row.email, `Perpanjangan waktu ${row.registration_number}`, `Jawaban paling lambat ${dueOn}. Alasan: ${input.reason}`);
      await this.audit.record(tx, actor, { action: 'ppid.request.extend', targetType: 'ppid_request', targetId: id, details: { dueOn } });
    });
    return this.get(actor, id);
  }

  /** The written answer (Pasal 22(7)): granted, partly granted, refused, not held, or needs clarification. */
  async respond(actor: Actor, id: string, input: PpidRespondInput): Promise<PpidRequestDetail> {
    this.policy.authorize(actor, 'ppid.request.handle');
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.handleable(tx, actor, id);
      if (row.status !== 'received') throw conflict('Permohonan ini tidak sedang menunggu jawaban');
      const cal = await this.ctx.calendar(tx, actor.tenantId);
      const status = input.kind === 'clarification' ? 'clarification' : input.kind;
      const exempt = input.kind === 'refused' || input.kind === 'partially_granted';
      await this.ctx.requests.update(tx, actor.tenantId, id, {
        status,
        response_kind: input.kind,
        response_text: input.text,
        exemption_ground: exempt ? (input.exemptionGround ?? null) : null,
        consequence_test: exempt ? (input.consequenceTest ?? null) : null,
        responded_at: this.ctx.clock.now(),
        responded_on: this.ctx.today(cal),
      });
      await this.ctx.addEvent(tx, row, `responded_${input.kind}`, actor.label, input.text.slice(0, 500));
      await this.ctx.notify(tx, row, 'email', row.email, `Jawaban atas permohonan ${row.registration_number}`, input.text);
      await this.audit.record(tx, actor, { action: 'ppid.request.respond', targetType: 'ppid_request', targetId: id, details: { kind: input.kind, exemptionGround: input.exemptionGround ?? null } });
    });
    return this.get(actor, id);
  }

  /** Attaches a document to the answer (before or after it is sent). */
  async attach(actor: Actor, id: string, file: { mime: string; filename: string; body: Buffer }): Promise<PpidDocument> {
    this.policy.authorize(actor, 'ppid.request.handle');
    const filename = checkDocument(file.mime, file.filename, file.body);
    const stored = await this.ctx.store.put(actor.tenantId, file.body);
    return this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.handleable(tx, actor, id);
      const doc = await this.ctx.registry.insertDocument(tx, { tenant_id: actor.tenantId, owner_kind: 'request', owner_id: row.id, filename, mime: file.mime, size: file.body.length, sha256: stored.sha256, storage_key: stored.key });
      await this.ctx.addEvent(tx, row, 'document', actor.label, filename);
      await this.audit.record(tx, actor, { action: 'ppid.request.attach', targetType: 'ppid_request', targetId: id, details: { documentId: doc.id, filename, sha256: stored.sha256 } });
      return presentDocument(doc);
    });
  }

  /** A document of a request the actor may read, or of any registry item for registry readers. */
  async document(actor: Actor, documentId: string): Promise<{ filename: string; mime: string; body: Buffer }> {
    this.policy.authorize(actor, 'ppid.registry.read');
    const doc = await this.ctx.registry.findDocument(this.ctx.db, actor.tenantId, documentId);
    if (!doc) throw notFound('Dokumen');
    if (doc.owner_kind === 'request') {
      this.policy.authorize(actor, 'ppid.request.read');
      if (!(await this.ctx.requests.find(this.ctx.db, await this.ctx.scopeOf(actor), doc.owner_id))) throw notFound('Dokumen');
    }
    return { filename: doc.filename, mime: doc.mime, body: await this.ctx.store.get(doc.storage_key) };
  }
}
