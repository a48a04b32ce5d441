import type { CameraImportResult, ImportRowError } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import { inRegionScope, type Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { AuditEvent, AuditWriter } from '../audit/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { CamerasRepository, type NewCameraRow } from './cameras.repository.ts';
import { cameraScopeOf } from './cameras.policy.ts';
import { pickCredentials, splitUrlCredentials } from './cameras.credentials.ts';
import { camerasToCsv, parseCameraCsv } from './cameras.csv.ts';

/** CSV import (all rows or none) and export of the camera registry. */
export class CameraTransferService {
  private readonly repo = new CamerasRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly tenancy: TenancyService,
    private readonly secrets: SecretBox,
  ) {}

  /**
   * Validates every row (format, region in scope, organization, duplicate codes) and reports every
   * bad row; commits only when there is none. Existing codes are updated, new ones created.
   */
  async importCsv(actor: Actor, body: Buffer, dryRun: boolean): Promise<CameraImportResult> {
    this.policy.authorize(actor, 'camera.write');
    const { rows, errors, refs } = parseCameraCsv(body);
    const regions = await this.tenancy.regionCodesOf(actor.tenantId);
    const orgs = new Map((await this.tenancy.organizationsOf(actor.tenantId)).map((o) => [o.code, o.id]));
    const refErrors: ImportRowError[] = [];
    const formatBad = new Set(errors.map((e) => `${e.line}:${e.column}`));
    for (const r of refs) {
      // a region cell that already failed its format check is reported once, by the parser
      if (!formatBad.has(`${r.line}:region_code`)) {
        if (!regions.has(r.regionCode)) refErrors.push({ line: r.line, column: 'region_code', message: `wilayah ${r.regionCode} tidak ada di pemerintah daerah ini` });
        else if (!inRegionScope(actor, r.regionCode)) refErrors.push({ line: r.line, column: 'region_code', message: `wilayah ${r.regionCode} di luar cakupan Anda` });
      }
      if (r.organizationCode && !orgs.has(r.organizationCode)) refErrors.push({ line: r.line, column: 'organization_code', message: `organisasi ${r.organizationCode} tidak dikenal` });
    }
    const allErrors = [...errors, ...refErrors].sort((a, b) => a.line - b.line);
    const total = refs.length;
    const fail = (errs: ImportRowError[]): never => {
      throw new DomainError('validation_failed', `Impor dibatalkan: ${errs.length} kesalahan; tidak ada yang disimpan`, { ok: false, rows: total, created: 0, updated: 0, errors: errs } satisfies CameraImportResult);
    };
    if (allErrors.length) fail(allErrors);

    return this.db.transaction().execute(async (tx) => {
      const existing = new Map((await this.repo.findByCodes(tx, actor.tenantId, rows.map((r) => r.input.code))).map((e) => [e.code, e]));
      const outOfScope = rows.filter((r) => existing.has(r.input.code) && !inRegionScope(actor, existing.get(r.input.code)!.region_code));
      if (outOfScope.length) fail(outOfScope.map((r) => ({ line: r.line, column: 'code', message: `kamera ${r.input.code} sudah ada di luar cakupan Anda` })));
      const inserts: NewCameraRow[] = [];
      const events: AuditEvent[] = [];
      let updated = 0;
      for (const r of rows) {
        const d = r.input;
        const main = splitUrlCredentials(d.mainUrl);
        const creds = pickCredentials(d, main);
        const row = {
          tenant_id: actor.tenantId,
          code: d.code,
          name: d.name,
          region_code: d.regionCode,
          address: d.address,
          lat: d.lat,
          lng: d.lng,
          category: d.category,
          organization_id: r.organizationCode ? orgs.get(r.organizationCode)! : null,
          visibility: d.visibility,
          main_url: main.url,
          sub_url: d.subUrl ? splitUrlCredentials(d.subUrl).url : null,
          credentials_enc: creds ? this.secrets.seal(JSON.stringify(creds)) : null,
          tags: d.tags,
          enabled: d.enabled,
        };
        const prior = existing.get(d.code);
        if (prior) {
          // blank credential cells in a re-imported export keep the stored credentials
          const { tenant_id: _t, ...patch } = row;
          if (r.credentialsBlank && !main.username && !main.password) patch.credentials_enc = prior.credentials_enc;
          if (!dryRun) await this.repo.update(tx, actor.tenantId, prior.id, patch);
          events.push({ action: 'camera.update', targetType: 'camera', targetId: prior.id, details: { code: d.code, via: 'import' } });
          updated++;
        } else {
          inserts.push(row);
        }
      }
      if (!dryRun) {
        await this.repo.insertMany(tx, inserts);
        const created = await this.repo.findByCodes(tx, actor.tenantId, inserts.map((i) => i.code));
        for (const c of created) events.push({ action: 'camera.create', targetType: 'camera', targetId: c.id, details: { code: c.code, via: 'import' } });
        events.push({ action: 'camera.import', targetType: 'camera', details: { rows: rows.length, created: inserts.length, updated } });
        await this.audit.recordMany(tx, actor, events);
      }
      return { ok: true, rows: rows.length, created: inserts.length, updated, errors: [] };
    });
  }

  /** CSV of every camera in the actor's scope, streamed in pages; passwords never, URLs only for stream managers. */
  async *exportCsv(actor: Actor): AsyncGenerator<string> {
    this.policy.authorize(actor, 'camera.export');
    const withStreams = this.policy.can(actor, 'camera.stream.read');
    const orgCodes = new Map((await this.tenancy.organizationsOf(actor.tenantId)).map((o) => [o.id, o.code]));
    await this.db.transaction().execute((tx) => this.audit.record(tx, actor, { action: 'camera.export', targetType: 'camera', details: { format: 'csv' } }));
    let header = true;
    let batch: Parameters<typeof camerasToCsv>[0] = [];
    const flush = () => {
      const out = camerasToCsv(batch, header);
      header = false;
      batch = [];
      return out;
    };
    for await (const r of this.repo.streamInScope(this.db, cameraScopeOf(actor))) {
      const creds = withStreams && r.credentials_enc ? (JSON.parse(this.secrets.open(r.credentials_enc)) as { username: string }) : null;
      batch.push({
        code: r.code, name: r.name, regionCode: r.region_code, address: r.address, lat: r.lat, lng: r.lng,
        category: r.category as never, organizationCode: r.organization_id ? (orgCodes.get(r.organization_id) ?? null) : null,
        visibility: r.visibility, mainUrl: withStreams ? r.main_url : '', subUrl: withStreams ? r.sub_url : null,
        username: creds?.username ?? null, tags: r.tags, enabled: r.enabled,
      });
      if (batch.length >= 1000) yield flush();
    }
    if (batch.length || header) yield flush();
  }
}
