/**
 * Evidence export: MP4 files per camera and continuous stretch (no transcoding), a manifest with
 * the SHA-256 of each file signed with the installation's Ed25519 key, and one ZIP of it all. Runs
 * in the background with progress in the database; exports and downloads are audited.
 */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yazl from 'yazl';
import { exportInputSchema, type Export, type ExportInput } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import type { CamerasService } from '../cameras/index.ts';
import type { Playback, PlannedSpan } from '../../media/index.ts';
import type { EvidenceService } from './evidence.service.ts';
import { exportFileName, manifestBytes, MANIFEST, PUBLIC_KEY, README, SIGNATURE, type ExportManifest, type ManifestFile } from './manifest.ts';
import { RecordingsRepository, type ExportRow } from './recordings.repository.ts';
import type { ExportSigner } from './signing.ts';

const ZIP = 'export.zip';

export interface ExportsServiceOptions {
  dataDir: string;
  now: () => Date;
  log: { error(o: object, msg: string): void };
}

export class ExportsService {
  private readonly repo = new RecordingsRepository();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly cameras: CamerasService,
    private readonly evidence: EvidenceService,
    private readonly playback: Playback,
    private readonly signer: ExportSigner,
    private readonly o: ExportsServiceOptions,
  ) {}

  private dir(id: string): string {
    return join(this.o.dataDir, 'exports', id);
  }

  /** Marks exports a stopped process left unfinished as failed (call at start). */
  async recover(): Promise<void> {
    const ids = await this.repo.failUnfinished(this.db, this.o.now());
    for (const id of ids) await rm(this.dir(id), { recursive: true, force: true });
  }

  /** Queues an export (and holds its range when asked); returns at once with status `queued`. */
  async create(actor: Actor, input: ExportInput): Promise<Export> {
    this.policy.authorize(actor, 'recording.export');
    const v = exportInputSchema.parse(input);
    if (v.hold) this.policy.authorize(actor, 'evidence.hold');
    const cameraIds = [...new Set(v.cameraIds)];
    if (!(await this.cameras.allVisible(actor, cameraIds))) throw notFound('Kamera');
    if (!actor.userId) throw forbidden('Ekspor memerlukan pengguna');
    const userId = actor.userId;
    const id = await this.db.transaction().execute(async (tx) => {
      const id = await this.repo.insertExport(tx, { tenantId: actor.tenantId, cameraIds, from: new Date(v.from), to: new Date(v.to), reason: v.reason, caseNumber: v.caseNumber, userId });
      const holdIds: string[] = [];
      if (v.hold) {
        for (const cameraId of cameraIds) holdIds.push(await this.evidence.insertHold(tx, actor, { cameraId, start: new Date(v.from), end: new Date(v.to), reason: v.reason, caseNumber: v.caseNumber, exportId: id }));
        await this.repo.setExportHolds(tx, id, holdIds);
      }
      await this.audit.record(tx, actor, { action: 'recording.export', targetType: 'export', targetId: id, details: { cameraIds, from: v.from, to: v.to, reason: v.reason, caseNumber: v.caseNumber, hold: v.hold } });
      return id;
    });
    this.queue = this.queue.then(() => this.run(id, actor.tenantId));
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<Export> {
    this.policy.authorize(actor, 'recording.export');
    return present(await this.row(actor, id));
  }

  async list(actor: Actor, page: { limit: number; offset: number }): Promise<{ items: Export[]; total: number }> {
    this.policy.authorize(actor, 'recording.export');
    // administrators see every export; others their own
    const r = await this.repo.listExports(this.db, actor.tenantId, { userId: actor.role === 'admin' ? null : actor.userId, ...page });
    return { items: r.items.map(present), total: r.total };
  }

  /**
   * A finished export's file: a listed video, the manifest, signature or key as a path, or the whole
   * export as a ZIP built while it is sent (no second copy on disk). Audited.
   */
  async download(actor: Actor, id: string, name: string): Promise<{ kind: 'file'; path: string; size: number } | { kind: 'zip'; stream: NodeJS.ReadableStream }> {
    this.policy.authorize(actor, 'recording.export');
    const row = await this.row(actor, id);
    const files = [...row.files.map((f) => f.name), MANIFEST, SIGNATURE, PUBLIC_KEY, README];
    if (row.status !== 'done' || (name !== ZIP && !files.includes(name))) throw notFound('Berkas ekspor');
    const dir = this.dir(id);
    const size = name === ZIP ? 0 : (await stat(join(dir, name)).catch(() => null))?.size;
    if (size === undefined) throw notFound('Berkas ekspor');
    await this.db.transaction().execute((tx) => this.audit.record(tx, actor, { action: 'recording.export.download', targetType: 'export', targetId: id, details: { name } }));
    if (name !== ZIP) return { kind: 'file', path: join(dir, name), size };
    const zip = new yazl.ZipFile();
    // video does not compress: store it
    for (const n of files) zip.addFile(join(dir, n), n, { compress: !n.endsWith('.mp4') });
    zip.end();
    return { kind: 'zip', stream: zip.outputStream };
  }

  async publicKey(actor: Actor): Promise<{ publicKeyPem: string; fingerprint: string }> {
    this.policy.authorize(actor, 'recording.view');
    const k = await this.signer.get();
    return { publicKeyPem: k.publicKeyPem, fingerprint: k.fingerprint };
  }

  /**
   * An export is team evidence (an incident's attachment is opened by whoever handles the incident):
   * its creator, an admin, or anyone allowed to export who may see every one of its cameras.
   */
  private async row(actor: Actor, id: string): Promise<ExportRow> {
    const row = await this.repo.getExport(this.db, actor.tenantId, id);
    if (!row) throw notFound('Ekspor');
    if (actor.role === 'admin' || row.created_by === actor.userId) return row;
    if (!(await this.cameras.allVisible(actor, row.camera_ids).catch(() => false))) throw notFound('Ekspor');
    return row;
  }

  /** Carries out one export; failures are recorded on the export, never thrown. */
  private async run(id: string, tenantId: string): Promise<void> {
    const dir = this.dir(id);
    try {
      const row = await this.repo.getExport(this.db, tenantId, id);
      if (!row) return;
      await mkdir(dir, { recursive: true });
      const from = row.from_time.getTime();
      const to = row.to_time.getTime();
      const cams = await this.repo.cameraLabels(this.db, tenantId, row.camera_ids);
      const byId = new Map(cams.map((c) => [c.id, c]));
      // plan everything first: the progress bar needs the total
      const work: { cameraId: string; code: string; span: PlannedSpan }[] = [];
      const gaps: ExportRow['gaps'] = [];
      for (const cameraId of row.camera_ids) {
        const plan = await this.playback.plan(cameraId, 'main', from, to);
        for (const s of plan.spans) work.push({ cameraId, code: byId.get(cameraId)?.code ?? cameraId.slice(0, 8), span: s });
        for (const g of plan.gaps) gaps.push({ cameraId, start: new Date(g.start90k / 90).toISOString(), end: new Date(g.end90k / 90).toISOString(), reason: g.reason });
      }
      // chain of custody: every closed source segment is re-hashed, on another thread while the
      // files are written, against the SHA-256 the recorder stored when it closed it
      const verifying = this.playback.verifySources(work.flatMap((w) => w.span.recordingIds));
      verifying.catch(() => {}); // awaited below; a failure must not surface as unhandled meanwhile
      const files = work.map((w) => ({ w, mp4: this.playback.file(w.span, { edit: true, creationTime: new Date(w.span.start90k / 90) }) }));
      const total = files.reduce((n, f) => n + f.mp4.size, 0) || 1;
      let done = 0;
      let lastReport = 0;
      const manifestFiles: ManifestFile[] = [];
      const counts = new Map<string, number>();
      for (const { w, mp4 } of files) {
        const n = (counts.get(w.cameraId) ?? 0) + 1;
        counts.set(w.cameraId, n);
        const name = exportFileName(w.code, w.span.start90k / 90, n);
        const base = done;
        const r = await mp4.writeTo(
          join(dir, name),
          (bytes) => {
            done = base + bytes;
            const now = Date.now();
            if (now - lastReport >= 500) {
              lastReport = now;
              // the last 5 % is the manifest
              void this.repo.setExportProgress(this.db, id, Math.min(0.95, (done / total) * 0.95)).catch(() => {});
            }
          },
        );
        manifestFiles.push({ name, cameraId: w.cameraId, start: new Date(w.span.start90k / 90).toISOString(), end: new Date(w.span.end90k / 90).toISOString(), bytes: r.bytes, sha256: r.sha256 });
      }
      const sources = await verifying;
      const bad = sources.filter((x) => x.state === 'altered' || x.state === 'missing');
      if (bad.length > 0) throw new Error(`rekaman sumber berubah atau hilang sejak direkam / source recordings altered or missing since recorded: ${bad.map((x) => `${x.path} (${x.state})`).join(', ')}`);
      const key = await this.signer.get();
      const manifest: ExportManifest = {
        format: 'pantau-evidence-export/1',
        exportId: id,
        createdAt: row.created_at.toISOString(),
        operator: { id: row.created_by, username: row.created_by_name },
        reason: row.reason,
        caseNumber: row.case_number,
        range: { from: row.from_time.toISOString(), to: row.to_time.toISOString() },
        cameras: row.camera_ids.map((c) => ({ id: c, code: byId.get(c)?.code ?? '', name: byId.get(c)?.name ?? '' })),
        files: manifestFiles,
        gaps,
        sources: sources.map((x) => ({ recording: x.path, sha256: x.sha256, state: x.state as 'verified' | 'open' })),
        signingKeyFingerprint: key.fingerprint,
      };
      const mb = manifestBytes(manifest);
      await writeFile(join(dir, MANIFEST), mb);
      await writeFile(join(dir, SIGNATURE), `${key.sign(mb).toString('base64')}\n`);
      await writeFile(join(dir, PUBLIC_KEY), key.publicKeyPem);
      await writeFile(join(dir, README), readme(key.fingerprint));
      await this.repo.finishExport(this.db, id, { files: manifestFiles, gaps, at: this.o.now() });
    } catch (err) {
      this.o.log.error({ exportId: id, err }, 'export failed');
      await rm(dir, { recursive: true, force: true }).catch(() => {});
      await this.repo.failExport(this.db, id, (err as Error).message.slice(0, 500), this.o.now()).catch(() => {});
    }
  }
}

function readme(fingerprint: string): string {
  return [
    'Ekspor barang bukti Pantau / Pantau evidence export',
    '',
    'Berkas MP4 diputar dengan pemutar standar (VLC, ffmpeg, peramban). manifest.json mencatat kamera,',
    'rentang waktu, celah rekaman, operator, alasan, nomor perkara dan SHA-256 setiap berkas; manifest.sig',
    'adalah tanda tangan Ed25519 atas manifest.json dengan kunci di public-key.pem.',
    'The MP4 files play in standard players. manifest.json lists cameras, range, gaps, operator, reason,',
    'case number and the SHA-256 of each file; manifest.sig is an Ed25519 signature of manifest.json.',
    '',
    `Sidik jari kunci / key fingerprint: ${fingerprint}`,
    'Periksa / verify: npm run verify-export -- <folder atau berkas zip>',
    '',
  ].join('\n');
}

function present(r: ExportRow): Export {
  const base = `/api/exports/${r.id}`;
  const done = r.status === 'done';
  return {
    id: r.id,
    status: r.status,
    progress: r.progress,
    cameraIds: r.camera_ids,
    from: r.from_time.toISOString(),
    to: r.to_time.toISOString(),
    reason: r.reason,
    caseNumber: r.case_number,
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    error: r.error,
    files: r.files.map((f) => ({ ...f, url: `${base}/files/${encodeURIComponent(f.name)}` })),
    gaps: r.gaps,
    manifestUrl: done ? `${base}/files/${MANIFEST}` : null,
    signatureUrl: done ? `${base}/files/${SIGNATURE}` : null,
    zipUrl: done ? `${base}/files/${ZIP}` : null,
    holdIds: r.hold_ids,
  };
}
