import type { z } from 'zod';
import { OPEN311_MAX_REQUESTS, OPEN311_WINDOW_DAYS, type Open311Request, type Open311Service as Open311ServiceEntry, type Open311Update, type open311PostSchema, type open311RequestsQuerySchema } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import type { Authenticator } from '../../platform/http/auth-hook.ts';
import type { IncidentModule } from '../incidents/index.ts';
import { attributesOf, checkAttributes, groupOf } from './open311.services.ts';
import { collectAttributes, OPEN_STATUSES, open311Status, parseW3c, updateStatus, w3c } from './open311.format.ts';
import { Open311Repository } from './open311.repository.ts';

/** An Open311 failure: the spec's status (400, 403, 404) and a description. */
export class Open311Problem extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    message: string,
  ) {
    super(message);
  }
}

/** The GeoReport v2 adapter: maps the spec onto the incidents service, nothing stored of its own. */
export class Open311Service {
  private readonly repo = new Open311Repository();
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: Policy,
    private readonly authn: Pick<Authenticator, 'fromApiToken'>,
    private readonly incidents: Pick<IncidentModule, 'incidents' | 'config' | 'publicSide'>,
  ) {}

  private async tenant(jurisdiction: string | undefined) {
    return this.incidents.publicSide.tenantOf(jurisdiction ?? null).catch(() => {
      throw new Open311Problem(404, `jurisdiction_id ${jurisdiction} tidak dikenal`);
    });
  }

  async services(jurisdiction?: string): Promise<Open311ServiceEntry[]> {
    const t = await this.tenant(jurisdiction);
    return (await this.incidents.config.categoriesOf(t.id, true)).map((c) => ({
      service_code: c.code, service_name: c.name, description: `Laporan ${c.name.toLowerCase()}`, metadata: true, type: 'realtime' as const, keywords: c.code.replace(/_/g, ', '), group: groupOf(c.code),
    }));
  }

  async definition(code: string, jurisdiction?: string) {
    if (!(await this.services(jurisdiction)).some((s) => s.service_code === code)) throw new Open311Problem(404, `service_code ${code} tidak dikenal`);
    return { service_code: code, attributes: attributesOf(code) };
  }

  /** POST requests: `api_key` is an API token with the `open311` scope (403 otherwise). */
  async submit(body: z.output<typeof open311PostSchema>, ip: string | null): Promise<{ service_request_id: string; service_notice: string; account_id: string }[]> {
    const actor = body.api_key ? await this.authn.fromApiToken(body.api_key, ip) : null;
    if (!actor || !this.policy.can(actor, 'incident.open311.submit')) throw new Open311Problem(403, 'api_key tidak ada, tidak sah, atau tanpa cakupan open311');
    const tenant = await this.tenant(body.jurisdiction_id);
    if (tenant.id !== actor.tenantId) throw new Open311Problem(403, 'api_key bukan untuk jurisdiction_id ini');
    if (!body.service_code) throw new Open311Problem(400, 'service_code wajib diisi');
    const service = (await this.services(body.jurisdiction_id)).find((s) => s.service_code === body.service_code);
    if (!service) throw new Open311Problem(404, `service_code ${body.service_code} tidak dikenal`);
    if (body.lat === undefined || body.long === undefined) {
      // the spec allows address_string or address_id alone; this endpoint has no geocoder to place them
      throw new Open311Problem(400, body.address_string || body.address_id ? 'lat dan long wajib: endpoint ini tidak memiliki geocoder' : 'lokasi wajib: lat dan long');
    }
    const { values, problems } = checkAttributes(attributesOf(service.service_code), collectAttributes(body));
    if (problems.length) throw new Open311Problem(400, problems.join('; '));
    const name = [body.first_name, body.last_name].filter(Boolean).join(' ') || null;
    const row = await this.incidents.incidents.insert(
      actor,
      {
        channel: 'web', category: service.service_code, lat: body.lat, lng: body.long, address: body.address_string ?? '',
        description: body.description?.trim() || service.service_name,
        reporter: name || body.email || body.phone ? { name, phone: body.phone ?? null, email: body.email ?? null, anonymous: false } : null,
      },
      { channel: 'open311', open311Attributes: Object.keys(values).length ? values : null },
    );
    return [{ service_request_id: row.ticket, service_notice: '', account_id: '' }];
  }

  async requests(q: z.output<typeof open311RequestsQuerySchema>): Promise<Open311Request[]> {
    const t = await this.tenant(q.jurisdiction_id);
    const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : null);
    const tickets = list(q.service_request_id);
    // the spec: with service_request_id, every other filter is ignored
    if (tickets) return this.present(await this.repo.requests(this.db, t.id, { tickets, serviceCodes: null, statuses: null, from: null, to: null, limit: OPEN311_MAX_REQUESTS }));
    const statuses = list(q.status);
    if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Problem(400, 'status harus open atau closed');
    const from = q.start_date ? parseW3c(q.start_date) : null;
    const to = q.end_date ? parseW3c(q.end_date) : null;
    if ((q.start_date && !from) || (q.end_date && !to)) throw new Open311Problem(400, 'start_date/end_date harus W3C datetime dengan zona waktu');
    const end = to ?? this.clock.now();
    const start = from ?? new Date(end.getTime() - OPEN311_WINDOW_DAYS * 86_400_000);
    const wanted = statuses && statuses.length === 1 ? (statuses[0] === 'open' ? OPEN_STATUSES : ['resolved', 'closed', 'rejected', 'merged']) : null;
    return this.present(await this.repo.requests(this.db, t.id, { tickets: null, serviceCodes: list(q.service_code), statuses: wanted, from: start, to: end, limit: OPEN311_MAX_REQUESTS }));
  }

  async request(id: string, jurisdiction?: string): Promise<Open311Request[]> {
    const found = await this.requests({ jurisdiction_id: jurisdiction, service_request_id: id });
    if (!found.length) throw new Open311Problem(404, `service_request_id ${id} tidak ditemukan`);
    return found;
  }

  /** Requests are created at once, so a token is the request id itself. */
  async token(token: string, jurisdiction?: string) {
    const [r] = await this.request(token, jurisdiction).catch(() => {
      throw new Open311Problem(404, `token ${token} tidak ditemukan`);
    });
    return [{ service_request_id: r!.service_request_id, token }];
  }

  async updates(q: { jurisdiction_id?: string; start_date?: string; end_date?: string }): Promise<Open311Update[]> {
    const t = await this.tenant(q.jurisdiction_id);
    const from = q.start_date ? parseW3c(q.start_date) : null;
    const to = q.end_date ? parseW3c(q.end_date) : null;
    if ((q.start_date && !from) || (q.end_date && !to)) throw new Open311Problem(400, 'start_date/end_date harus W3C datetime dengan zona waktu');
    const end = to ?? this.clock.now();
    const rows = await this.repo.updates(this.db, t.id, from ?? new Date(end.getTime() - OPEN311_WINDOW_DAYS * 86_400_000), end, OPEN311_MAX_REQUESTS);
    return rows.map((r) => ({ update_id: String(r.seq), service_request_id: r.ticket, status: updateStatus(r.to_status!, r.kind), updated_datetime: w3c(r.at), description: '', media_url: '' }));
  }

  private present(rows: Awaited<ReturnType<Open311Repository['requests']>>): Open311Request[] {
    return rows.map((r) => ({
      service_request_id: r.ticket,
      status: open311Status(r.status),
      status_notes: r.status,
      service_name: r.category_name ?? r.category_code,
      service_code: r.category_code,
      description: r.description,
      agency_responsible: r.agencies ?? '',
      service_notice: '',
      requested_datetime: w3c(r.created_at),
      updated_datetime: w3c(r.updated_at),
      expected_datetime: w3c(r.resolve_due_at),
      address: r.address,
      address_id: '',
      zipcode: '',
      lat: r.lat,
      long: r.lng,
      media_url: '',
    }));
  }
}
