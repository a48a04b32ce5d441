import type { z } from 'zod';
import type { IncidentCategory, IncidentCategoryInput, IncidentPriority, SlaRule, routingRuleInputSchema, slaInputSchema } from '@pantau/shared';
import type { Actor } from '../../platform/authz/actor.ts';
import { conflict, DomainError, notFound } from '../../platform/http/errors.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { TenancyService } from '../tenancy/index.ts';
import type { IncidentCore } from './incidents.core.ts';
import { DEFAULT_SLA } from './incidents.lifecycle.ts';

const presentCategory = (c: { code: string; name: string; default_priority: string; active: boolean }): IncidentCategory => ({ code: c.code, name: c.name, defaultPriority: c.default_priority as IncidentPriority, active: c.active });

/** Admin-editable configuration: categories, SOP checklists, routing rules, SLAs, agency endpoints. */
export class IncidentConfigService {
  constructor(
    private readonly core: IncidentCore,
    private readonly tenancy: TenancyService,
    private readonly secrets: SecretBox,
  ) {}

  /** Categories of a tenant; also the public list (web form, Open311 services). */
  async categoriesOf(tenantId: string, activeOnly = false): Promise<IncidentCategory[]> {
    const rows = await this.core.config.listCategories(this.core.db, tenantId);
    return rows.filter((r) => !activeOnly || r.active).map(presentCategory);
  }

  async listCategories(actor: Actor): Promise<IncidentCategory[]> {
    this.core.policy.authorize(actor, 'incident.read');
    return this.categoriesOf(actor.tenantId);
  }

  async saveCategory(actor: Actor, input: IncidentCategoryInput): Promise<IncidentCategory> {
    this.core.policy.authorize(actor, 'incident.configure');
    return this.core.db.transaction().execute(async (tx) => {
      const row = await this.core.config.upsertCategory(tx, actor.tenantId, input);
      await this.core.audit.record(tx, actor, { action: 'incident.category.save', targetType: 'incident_category', targetId: null, details: { ...input } });
      return presentCategory(row);
    });
  }

  async sop(actor: Actor, category: string) {
    this.core.policy.authorize(actor, 'incident.read');
    await this.requireCategory(actor.tenantId, category);
    return (await this.core.config.listSop(this.core.db, actor.tenantId, category)).map((s) => ({ id: s.id, position: s.position, title: s.title, required: s.required }));
  }

  /** Replaces the checklist; incidents already created keep the checklist they were created with. */
  async saveSop(actor: Actor, category: string, steps: { title: string; required: boolean }[]) {
    this.core.policy.authorize(actor, 'incident.configure');
    await this.requireCategory(actor.tenantId, category);
    await this.core.db.transaction().execute(async (tx) => {
      await this.core.config.replaceSop(tx, actor.tenantId, category, steps);
      await this.core.audit.record(tx, actor, { action: 'incident.sop.save', targetType: 'incident_category', targetId: null, details: { category, steps } });
    });
    return this.sop(actor, category);
  }

  async routing(actor: Actor) {
    this.core.policy.authorize(actor, 'incident.read');
    return (await this.core.config.listRouting(this.core.db, actor.tenantId)).map((r) => ({ id: r.id, category: r.category_code, regionCode: r.region_code, organizationId: r.organization_id, organizationName: r.organization_name }));
  }

  async addRouting(actor: Actor, input: z.output<typeof routingRuleInputSchema>) {
    this.core.policy.authorize(actor, 'incident.configure');
    await this.requireCategory(actor.tenantId, input.category);
    if (!(await this.tenancy.organizationsOf(actor.tenantId)).some((o) => o.id === input.organizationId)) {
      throw new DomainError('validation_failed', 'Instansi tidak dikenal', [{ path: 'body.organizationId', message: 'instansi tidak dikenal' }]);
    }
    if (input.regionCode && !(await this.tenancy.regionCodesOf(actor.tenantId)).has(input.regionCode)) {
      throw new DomainError('validation_failed', 'Wilayah tidak dikenal', [{ path: 'body.regionCode', message: 'wilayah tidak dikenal' }]);
    }
    await this.core.db.transaction().execute(async (tx) => {
      const r = await this.core.config.insertRouting(tx, actor.tenantId, input);
      if (!r) throw conflict('Aturan penerusan itu sudah ada');
      await this.core.audit.record(tx, actor, { action: 'incident.routing.add', targetType: 'incident_routing_rule', targetId: r.id, details: { ...input } });
    });
    return this.routing(actor);
  }

  async removeRouting(actor: Actor, id: string): Promise<void> {
    this.core.policy.authorize(actor, 'incident.configure');
    await this.core.db.transaction().execute(async (tx) => {
      if (!(await this.core.config.deleteRouting(tx, actor.tenantId, id))) throw notFound('Aturan penerusan');
      await this.core.audit.record(tx, actor, { action: 'incident.routing.remove', targetType: 'incident_routing_rule', targetId: id });
    });
  }

  /** The tenant's rules, with the built-in defaults for priorities it has not set. */
  async sla(actor: Actor): Promise<SlaRule[]> {
    this.core.policy.authorize(actor, 'incident.read');
    const rows = await this.core.config.listSla(this.core.db, actor.tenantId);
    const own: SlaRule[] = rows.map((r) => ({ category: r.category_code, priority: r.priority as IncidentPriority, responseMinutes: r.response_minutes, resolveMinutes: r.resolve_minutes }));
    const defaults = (Object.keys(DEFAULT_SLA) as IncidentPriority[]).filter((p) => !own.some((r) => r.category === null && r.priority === p)).map((p) => ({ category: null, priority: p, ...DEFAULT_SLA[p] }));
    return [...defaults, ...own];
  }

  async saveSla(actor: Actor, input: z.output<typeof slaInputSchema>): Promise<SlaRule[]> {
    this.core.policy.authorize(actor, 'incident.configure');
    if (input.category) await this.requireCategory(actor.tenantId, input.category);
    if (input.resolveMinutes < input.responseMinutes) throw new DomainError('validation_failed', 'Batas penyelesaian harus ≥ batas tanggapan', [{ path: 'body.resolveMinutes', message: 'lebih kecil dari batas tanggapan' }]);
    await this.core.db.transaction().execute(async (tx) => {
      await this.core.config.upsertSla(tx, actor.tenantId, input);
      await this.core.audit.record(tx, actor, { action: 'incident.sla.save', targetType: 'incident_sla', targetId: null, details: { ...input } });
    });
    return this.sla(actor);
  }

  /** Where an agency gets its tasks besides the console: e-mail and a signed webhook (secret stored encrypted). */
  async saveEndpoint(actor: Actor, organizationId: string, input: { email: string | null; webhookUrl: string | null; webhookSecret: string | null }): Promise<void> {
    this.core.policy.authorize(actor, 'incident.configure');
    if (!(await this.tenancy.organizationsOf(actor.tenantId)).some((o) => o.id === organizationId)) throw notFound('Instansi');
    await this.core.db.transaction().execute(async (tx) => {
      await this.core.config.upsertEndpoint(tx, actor.tenantId, { organizationId, email: input.email, webhookUrl: input.webhookUrl, secretEnc: input.webhookSecret ? this.secrets.seal(input.webhookSecret) : null });
      await this.core.audit.record(tx, actor, { action: 'incident.endpoint.save', targetType: 'organization', targetId: organizationId, details: { email: input.email, webhookUrl: input.webhookUrl, secret: input.webhookSecret ? 'set' : null } });
    });
  }

  private async requireCategory(tenantId: string, code: string): Promise<void> {
    if (!(await this.core.config.findCategory(this.core.db, tenantId, code))) throw notFound('Kategori');
  }
}
