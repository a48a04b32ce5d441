import type { PpidInfoItem, PpidInfoQuery, PpidObjection, PpidObjectionInput, PpidReceipt, PpidRequestInput, PpidTrackedRequest, PpidTrackInput } from '@pantau/shared';
import type { AnonymousActor, AuditWriter } from '../audit/index.ts';
import { randomToken, safeEqual, sha256Hex } from '../../platform/crypto/tokens.ts';
import { conflict, DomainError, notFound } from '../../platform/http/errors.ts';
import { answerDue, objectionDue, objectionOpenUntil } from './deadlines.ts';
import { caseOf, factsOf, presentObjection, type PpidContext } from './ppid.context.ts';
import type { RequestRow } from './requests.repository.ts';
import { presentInfoItems } from './registry.service.ts';
import { TenancyRepository } from '../tenancy/index.ts';

/** The tracking code is shown once; only its hash is kept, like a password. */
const hashCode = (code: string) => sha256Hex(`ppid-tracking:${code}`);
const anonymous = (tenantId: string, ip: string | null, label = 'pemohon informasi'): AnonymousActor => ({ kind: 'anonymous', tenantId, label, ip });

/**
 * What the public may do without signing in: file a request, follow it with its number and secret
 * code, object, answer a clarification, and read the published registry. No call here reveals
 * anyone's personal data, and a wrong code reads exactly like an unknown number.
 */
export class PpidPublicService {
  constructor(
    private readonly ctx: PpidContext,
    private readonly audit: AuditWriter,
  ) {}

  /** The tenant a public call is for: the one named by slug, or the installation's first (single-tenant installs). */
  async tenantFor(slug?: string): Promise<string> {
    const id = (await new TenancyRepository().publicTenant(this.ctx.db, slug ?? null))?.id;
    if (!id) throw notFound('Instansi');
    return id;
  }

  async submit(tenantId: string, ip: string | null, input: PpidRequestInput): Promise<PpidReceipt> {
    const now = this.ctx.clock.now();
    return this.ctx.db.transaction().execute(async (tx) => {
      const cal = await this.ctx.calendar(tx, tenantId);
      const receivedOn = cal.receiptDay(now);
      const year = Number(cal.today(now).slice(0, 4));
      const seq = await this.ctx.requests.nextNumber(tx, tenantId, year);
      const registrationNumber = `PPID-${year}-${String(seq).padStart(6, '0')}`;
      const trackingCode = randomToken(9);
      const dueOn = answerDue(cal, receivedOn);
      const row = await this.ctx.requests.insert(tx, {
        tenant_id: tenantId,
        registration_number: registrationNumber,
        tracking_hash: hashCode(trackingCode),
        requester_kind: input.requesterKind,
        name: input.name,
        id_number: input.idNumber,
        address: input.address,
        phone: input.phone,
        email: input.email,
        information: input.information,
        purpose: input.purpose,
        delivery_method: input.deliveryMethod,
        copy_format: input.copyFormat,
        submitted_at: now,
        received_on: receivedOn,
        due_on: dueOn,
      });
      await this.ctx.addEvent(tx, row, 'submitted', 'pemohon', null);
      await this.ctx.notify(tx, row, 'email', input.email, `Permohonan informasi ${registrationNumber} diterima`, `Nomor pendaftaran ${registrationNumber}. Jawaban paling lambat ${dueOn} (10 hari kerja sejak ${receivedOn}).`);
      await this.ctx.notify(tx, row, 'in_app', 'ppid:utama', `Permohonan baru ${registrationNumber}`, input.information.slice(0, 200));
      await this.audit.record(tx, anonymous(tenantId, ip), { action: 'ppid.request.submit', targetType: 'ppid_request', targetId: row.id, details: { registrationNumber } });
      return { registrationNumber, trackingCode, receivedOn, dueOn };
    });
  }

  /** The request behind a number and code, or 404 for either a wrong number or a wrong code. */
  private async owned(tenantId: string, input: PpidTrackInput): Promise<RequestRow> {
    const row = await this.ctx.requests.findByNumber(this.ctx.db, tenantId, input.registrationNumber.toUpperCase());
    if (!row || !safeEqual(row.tracking_hash, hashCode(input.trackingCode))) throw notFound('Permohonan dengan nomor dan kode itu');
    return row;
  }

  async track(tenantId: string, input: PpidTrackInput): Promise<PpidTrackedRequest> {
    const row = await this.owned(tenantId, input);
    const cal = await this.ctx.calendar(this.ctx.db, tenantId);
    const today = this.ctx.today(cal);
    const { openObjection, ...course } = await caseOf(this.ctx, cal, today, row, true);
    return {
      registrationNumber: row.registration_number,
      status: row.status as PpidTrackedRequest['status'],
      information: row.information,
      ...course,
      objectionOpenUntil: openObjection ? null : objectionOpenUntil(cal, factsOf(row), today),
    };
  }

  /** A document of the requester's own request. */
  async document(tenantId: string, input: PpidTrackInput, documentId: string): Promise<{ filename: string; mime: string; body: Buffer }> {
    const row = await this.owned(tenantId, input);
    const doc = await this.ctx.registry.findDocument(this.ctx.db, tenantId, documentId);
    if (!doc || doc.owner_kind !== 'request' || doc.owner_id !== row.id) throw notFound('Dokumen');
    return { filename: doc.filename, mime: doc.mime, body: await this.ctx.store.get(doc.storage_key) };
  }

  /** Keberatan (Pasal 35): allowed once grounds exist, within 30 working days, one open at a time. */
  async object(tenantId: string, ip: string | null, input: PpidObjectionInput): Promise<PpidObjection> {
    const row = await this.owned(tenantId, input);
    return this.ctx.db.transaction().execute(async (tx) => {
      await this.ctx.requests.lock(tx, tenantId, row.id);
      const cal = await this.ctx.calendar(tx, tenantId);
      const today = this.ctx.today(cal);
      const existing = await this.ctx.requests.objections(tx, tenantId, [row.id]);
      if (existing.some((o) => !o.decision)) throw conflict('Keberatan sebelumnya masih diproses');
      if (!objectionOpenUntil(cal, factsOf(row), today)) {
        throw new DomainError('conflict', 'Keberatan hanya dapat diajukan setelah permohonan dijawab atau lewat tenggat, paling lambat 30 hari kerja', { objectionOpen: false });
      }
      const filedOn = cal.receiptDay(this.ctx.clock.now());
      const o = await this.ctx.requests.insertObjection(tx, { tenant_id: tenantId, request_id: row.id, ground: input.ground, reason: input.reason, filed_at: this.ctx.clock.now(), filed_on: filedOn, due_on: objectionDue(cal, filedOn) });
      await this.ctx.addEvent(tx, row, 'objection_filed', 'pemohon', `Alasan Pasal 35(1) huruf ${input.ground.slice(0, 1)}`);
      await this.ctx.notify(tx, row, 'in_app', 'ppid:atasan', `Keberatan atas ${row.registration_number}`, input.reason.slice(0, 200));
      await this.audit.record(tx, anonymous(tenantId, ip), { action: 'ppid.objection.file', targetType: 'ppid_request', targetId: row.id, details: { objectionId: o.id, ground: o.ground } });
      return presentObjection(cal, o);
    });
  }

  /** The requester completes a request the PPID asked to clarify: the clock starts again from its receipt. */
  async clarify(tenantId: string, ip: string | null, input: PpidTrackInput & { text: string }): Promise<PpidTrackedRequest> {
    const row = await this.owned(tenantId, input);
    if (row.status !== 'clarification') throw conflict('Permohonan ini tidak sedang menunggu kelengkapan');
    await this.ctx.db.transaction().execute(async (tx) => {
      const cal = await this.ctx.calendar(tx, tenantId);
      const receivedOn = cal.receiptDay(this.ctx.clock.now());
      await this.ctx.requests.update(tx, tenantId, row.id, {
        status: 'received', information: `${row.information}\n\n[Kelengkapan ${receivedOn}] ${input.text}`, received_on: receivedOn, due_on: answerDue(cal, receivedOn),
        extended: false, extension_reason: null, response_kind: null, response_text: null, responded_on: null, responded_at: null,
      });
      await this.ctx.addEvent(tx, row, 'clarified', 'pemohon', null);
      await this.audit.record(tx, anonymous(tenantId, ip), { action: 'ppid.request.clarify', targetType: 'ppid_request', targetId: row.id });
    });
    return this.track(tenantId, input);
  }

  /** The requester withdraws a request still waiting (Alaveteli's "withdrawn"); it stays in the record and the report. */
  async withdraw(tenantId: string, ip: string | null, input: PpidTrackInput): Promise<PpidTrackedRequest> {
    const row = await this.owned(tenantId, input);
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.ctx.requests.lock(tx, tenantId, row.id);
      const current = await this.ctx.requests.findByNumber(tx, tenantId, row.registration_number);
      if (current?.status !== 'received' && current?.status !== 'clarification') throw conflict('Hanya permohonan yang belum dijawab dapat dicabut');
      const cal = await this.ctx.calendar(tx, tenantId);
      await this.ctx.requests.update(tx, tenantId, row.id, { status: 'withdrawn', responded_at: this.ctx.clock.now(), responded_on: this.ctx.today(cal) });
      await this.ctx.addEvent(tx, row, 'withdrawn', 'pemohon', null);
      await this.ctx.notify(tx, row, 'in_app', row.organization_id ? `ppid:org:${row.organization_id}` : 'ppid:utama', `Permohonan ${row.registration_number} dicabut`, '');
      await this.audit.record(tx, anonymous(tenantId, ip), { action: 'ppid.request.withdraw', targetType: 'ppid_request', targetId: row.id });
    });
    return this.track(tenantId, input);
  }

  async registry(tenantId: string, q: PpidInfoQuery): Promise<{ items: PpidInfoItem[]; total: number }> {
    const page = await this.ctx.registry.list(this.ctx.db, tenantId, { ...q, publishedOnly: true });
    return { items: await presentInfoItems(this.ctx, tenantId, page.items), total: page.total };
  }

  /** A document of a published registry item; unpublished ones read as unknown. */
  async registryDocument(tenantId: string, documentId: string): Promise<{ filename: string; mime: string; body: Buffer }> {
    const doc = await this.ctx.registry.findDocument(this.ctx.db, tenantId, documentId);
    const item = doc?.owner_kind === 'info_item' ? await this.ctx.registry.find(this.ctx.db, tenantId, doc.owner_id) : undefined;
    if (!doc || !item?.published) throw notFound('Dokumen');
    return { filename: doc.filename, mime: doc.mime, body: await this.ctx.store.get(doc.storage_key) };
  }
}
