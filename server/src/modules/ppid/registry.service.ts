import type { PpidCalendarDay, PpidCalendarDayInput, PpidDocument, PpidInfoInput, PpidInfoItem, PpidInfoQuery, PpidInfoUpdate } from '@pantau/shared';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { DomainError, forbidden, notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import { DECREE_OVERRIDES } from './calendar.decrees.ts';
import { checkDocument } from './files.ts';
import { presentDocument, type PpidContext } from './ppid.context.ts';
import type { InfoRow } from './registry.repository.ts';

/** Registry items with their documents, in one query for the documents. */
export async function presentInfoItems(ctx: PpidContext, tenantId: string, rows: InfoRow[]): Promise<PpidInfoItem[]> {
  const docs = await ctx.registry.documentsOf(ctx.db, tenantId, 'info_item', rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    summary: r.summary,
    category: r.category as PpidInfoItem['category'],
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    period: r.period,
    legalBasis: r.legal_basis,
    published: r.published,
    updatedAt: r.updated_at.toISOString(),
    documents: docs.filter((d) => d.owner_id === r.id).map(presentDocument),
  }));
}

const invalid = (path: string, message: string) => new DomainError('validation_failed', 'Masukan tidak valid', [{ path, message }]);

/** Daftar Informasi Publik management and the tenant's working-day calendar edits. */
export class PpidRegistryService {
  constructor(
    private readonly ctx: PpidContext,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
  ) {}

  async list(actor: Actor, q: PpidInfoQuery): Promise<{ items: PpidInfoItem[]; total: number }> {
    this.policy.authorize(actor, 'ppid.registry.read');
    const page = await this.ctx.registry.list(this.ctx.db, actor.tenantId, { ...q, publishedOnly: false });
    return { items: await presentInfoItems(this.ctx, actor.tenantId, page.items), total: page.total };
  }

  /** A PPID Pelaksana manages its own OPD's items; the PPID Utama and admins any OPD's. */
  private async checkOwner(actor: Actor, organizationId: string, db: Executor = this.ctx.db): Promise<void> {
    const org = await this.ctx.registry.organization(db, actor.tenantId, organizationId);
    if (!org) throw invalid('body.organizationId', 'OPD tidak dikenal');
    const scope = await this.ctx.scopeOf(actor, db);
    if (scope.organizationId && scope.organizationId !== organizationId) throw forbidden('PPID Pelaksana hanya mengelola informasi OPD-nya');
  }

  async create(actor: Actor, input: PpidInfoInput): Promise<PpidInfoItem> {
    this.policy.authorize(actor, 'ppid.registry.write');
    await this.checkOwner(actor, input.organizationId);
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const id = await this.ctx.registry.insert(tx, { tenant_id: actor.tenantId, title: input.title, summary: input.summary, category: input.category, organization_id: input.organizationId, period: input.period, legal_basis: input.legalBasis, published: input.published });
      await this.audit.record(tx, actor, { action: 'ppid.info.create', targetType: 'ppid_info_item', targetId: id, details: { title: input.title, category: input.category, published: input.published } });
      return id;
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<PpidInfoItem> {
    this.policy.authorize(actor, 'ppid.registry.read');
    const row = await this.ctx.registry.find(this.ctx.db, actor.tenantId, id);
    if (!row) throw notFound('Informasi');
    return (await presentInfoItems(this.ctx, actor.tenantId, [row]))[0]!;
  }

  async update(actor: Actor, id: string, input: PpidInfoUpdate): Promise<PpidInfoItem> {
    this.policy.authorize(actor, 'ppid.registry.write');
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.ctx.registry.find(tx, actor.tenantId, id);
      if (!row) throw notFound('Informasi');
      await this.checkOwner(actor, row.organization_id, tx);
      if (input.organizationId) await this.checkOwner(actor, input.organizationId, tx);
      const next = { category: input.category ?? row.category, legalBasis: input.legalBasis !== undefined ? input.legalBasis : row.legal_basis, published: input.published ?? row.published };
      if (next.category === 'dikecualikan' && (!next.legalBasis || next.published)) throw invalid('body.legalBasis', 'informasi dikecualikan wajib mencantumkan dasar hukum dan tidak dapat dipublikasikan');
      await this.ctx.registry.update(tx, actor.tenantId, id, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.period !== undefined ? { period: input.period } : {}),
        ...(input.organizationId !== undefined ? { organization_id: input.organizationId } : {}),
        category: next.category,
        legal_basis: next.legalBasis,
        published: next.published,
      });
      await this.audit.record(tx, actor, { action: 'ppid.info.update', targetType: 'ppid_info_item', targetId: id, details: { fields: Object.keys(input), published: next.published } });
    });
    return this.get(actor, id);
  }

  async attach(actor: Actor, id: string, file: { mime: string; filename: string; body: Buffer }): Promise<PpidDocument> {
    this.policy.authorize(actor, 'ppid.registry.write');
    const filename = checkDocument(file.mime, file.filename, file.body);
    const row = await this.ctx.registry.find(this.ctx.db, actor.tenantId, id);
    if (!row) throw notFound('Informasi');
    await this.checkOwner(actor, row.organization_id);
    const stored = await this.ctx.store.put(actor.tenantId, file.body);
    return this.ctx.db.transaction().execute(async (tx) => {
      const doc = await this.ctx.registry.insertDocument(tx, { tenant_id: actor.tenantId, owner_kind: 'info_item', owner_id: id, filename, mime: file.mime, size: file.body.length, sha256: stored.sha256, storage_key: stored.key });
      await this.audit.record(tx, actor, { action: 'ppid.info.attach', targetType: 'ppid_info_item', targetId: id, details: { documentId: doc.id, filename, sha256: stored.sha256 } });
      return presentDocument(doc);
    });
  }

  /** The year's days off as they apply: library holidays, the built-in decrees, the tenant's edits. */
  async calendar(actor: Actor, year: number): Promise<PpidCalendarDay[]> {
    this.policy.authorize(actor, 'ppid.request.read');
    const own = await this.ctx.registry.calendarDays(this.ctx.db, actor.tenantId);
    const cal = await this.ctx.calendar(this.ctx.db, actor.tenantId);
    const ownDates = new Set(own.map((d) => d.date));
    const decreeDates = new Set(DECREE_OVERRIDES.map((d) => d.date));
    return cal.holidaysOf(year).map((d) => ({ date: d.date, label: d.label, kind: d.kind, source: ownDates.has(d.date) ? 'tenant' : decreeDates.has(d.date) ? 'decree' : 'library' }));
  }

  async setCalendarDay(actor: Actor, input: PpidCalendarDayInput): Promise<void> {
    this.policy.authorize(actor, 'ppid.calendar.write');
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.ctx.registry.upsertCalendarDay(tx, { tenant_id: actor.tenantId, ...input });
      await this.audit.record(tx, actor, { action: 'ppid.calendar.set', targetType: 'ppid_calendar_day', targetId: input.date, details: { kind: input.kind, label: input.label } });
    });
  }

  async deleteCalendarDay(actor: Actor, date: string): Promise<void> {
    this.policy.authorize(actor, 'ppid.calendar.write');
    await this.ctx.db.transaction().execute(async (tx) => {
      if (!(await this.ctx.registry.deleteCalendarDay(tx, actor.tenantId, date))) throw notFound('Hari pada kalender');
      await this.audit.record(tx, actor, { action: 'ppid.calendar.delete', targetType: 'ppid_calendar_day', targetId: date });
    });
  }
}
