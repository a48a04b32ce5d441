import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { Db } from './platform/db/database.ts';
import type { Clock } from './platform/clock.ts';
import type { SecretBox } from './platform/crypto/secret-box.ts';
import { Policy } from './platform/authz/policy.ts';
import { registerErrorHandler, registerNotFound } from './platform/http/error-handler.ts';
import { registerAuth } from './platform/http/auth-hook.ts';
import { Pages, type HeadRenderer } from './platform/http/pages.ts';
import { registerMetrics } from './platform/http/metrics.ts';
import { AuditService, auditPolicy, auditRoutes, auditScopes } from './modules/audit/index.ts';
import { TenancyService, tenancyPolicy, tenancyRoutes, tenancyScopes } from './modules/tenancy/index.ts';
import { AuthService, TokensService, UsersService, authRoutes, usersPolicy, usersRoutes } from './modules/users/index.ts';
import { CameraMediaService, CamerasService, CameraTransferService, camerasPolicy, camerasRoutes, camerasScopes } from './modules/cameras/index.ts';
import { LiveService, livePolicy, liveRoutes, liveScopes } from './modules/live/index.ts';
import { WallsService, wallsPolicy, wallsRoutes } from './modules/walls/index.ts';
import { HlsPackagers, Playback, type MediaPipeline } from './media/index.ts';
import { EvidenceService, ExportSigner, ExportsService, PlaybackService, StorageService, recordingsPolicy, recordingsRoutes, recordingsScopes } from './modules/recordings/index.ts';
import { BudgetImportService, DashboardsService, camerasOnline, dashboardsPolicy, dashboardsRoutes, dashboardsScopes } from './modules/dashboards/index.ts';
import { CkanService, OpendataService, ResourcesService, ckanRoutes, opendataPolicy, opendataRoutes, opendataScopes } from './modules/opendata/index.ts';
import { buildPpidServices, ppidPolicy, ppidPublicRoutes, ppidRoutes } from './modules/ppid/index.ts';
import { buildIncidentModule, incidentsConfigRoutes, incidentsPolicy, incidentsRoutes, incidentsScopes } from './modules/incidents/index.ts';
import { Open311Service, open311Routes } from './modules/open311/index.ts';
import { HlsService, cachedAccess, hlsRoutes } from './modules/hls/index.ts';
import { PortalService, portalHead, portalPolicy, portalRoutes, seoRoutes, streamAccessOf, type DisplayViewerResolver } from './modules/portal/index.ts';
import { buildDisplayModule, displaysPolicy, displaysRoutes, kioskRoutes } from './modules/displays/index.ts';

// validation messages in Bahasa Indonesia, the console's first language
z.config(z.locales.id());

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Log every request (at info); off by default. */
  logRequests?: boolean;
  sessionHours: number;
  secureCookies: boolean;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginPerMinute?: number;
  /** Built console to serve at `/`; null to serve the API only. */
  webDist: string | null;
  mapTileUrl: string | null;
  mapAttribution: string | null;
  /** The portal's public address for absolute links (canonical, Open Graph, sitemap); null: relative/request host. */
  publicUrl?: string | null;
  /** Reverse proxies whose X-Forwarded-For names the client (rate limits, audit); false when none. */
  trustProxy?: false | number | string;
  /** The data directory (recordings, exports, PPID documents) and how long recordings are kept. */
  recordings?: RecordingsOptions;
}

export interface RecordingsOptions {
  dataDir: string;
  budgetBytes: number;
  retentionDays: number | null;
  ffmpegPath: string | null;
}

const NO_RECORDINGS: RecordingsOptions = { dataDir: join(tmpdir(), 'pantau-no-recordings'), budgetBytes: 0, retentionDays: null, ffmpegPath: null };

export interface AppDeps {
  db: Db;
  clock: Clock;
  secrets: SecretBox;
  options: AppOptions;
  /** The media pipeline when this process runs the media role; live view needs it. */
  media?: MediaPipeline | null;
  /** Resolves a Smart Display's cookie to its tier (the displays module); absent: displays count as public. */
  displayViewer?: DisplayViewerResolver | null;
}

/** Every service, wired once: their constructors are their dependency lists. */
export function buildServices(deps: Pick<AppDeps, 'db' | 'clock' | 'secrets' | 'media' | 'displayViewer'> & { options: Pick<AppOptions, 'sessionHours' | 'loginMaxFailures' | 'loginLockMinutes' | 'recordings'>; log?: { error(o: object, msg: string): void } }) {
  const { db, clock, secrets, options } = deps;
  const policy = new Policy(
    [auditPolicy, tenancyPolicy, usersPolicy, camerasPolicy, livePolicy, wallsPolicy, recordingsPolicy, opendataPolicy, dashboardsPolicy, ppidPolicy, incidentsPolicy, portalPolicy, displaysPolicy],
    [auditScopes, tenancyScopes, camerasScopes, liveScopes, recordingsScopes, opendataScopes, dashboardsScopes, incidentsScopes],
  );
  const audit = new AuditService(db, policy, clock);
  const tenancy = new TenancyService(db, policy, audit);
  const auth = new AuthService(db, policy, audit, tenancy, clock, { sessionHours: options.sessionHours, maxFailures: options.loginMaxFailures, lockMinutes: options.loginLockMinutes });
  const users = new UsersService(db, policy, audit, tenancy);
  const tokens = new TokensService(db, policy, audit, clock);
  const cameras = new CamerasService(db, policy, audit, tenancy, secrets);
  const cameraTransfer = new CameraTransferService(db, policy, audit, tenancy, secrets);
  const cameraMedia = new CameraMediaService(db, secrets);
  const live = new LiveService(db, policy, cameras, audit, deps.media ?? null);
  const walls = new WallsService(db, policy, audit, cameras);
  const rec = options.recordings ?? NO_RECORDINGS;
  const playbackCore = new Playback({ db, dataDir: rec.dataDir });
  const now = () => clock.now();
  const evidence = new EvidenceService(db, policy, audit, cameras, now);
  const recordings = {
    playback: new PlaybackService(db, policy, audit, cameras, evidence, playbackCore, { dataDir: rec.dataDir, ffmpegPath: rec.ffmpegPath, now: () => now().getTime() }),
    evidence,
    exports: new ExportsService(db, policy, audit, cameras, evidence, playbackCore, new ExportSigner(db, secrets), { dataDir: rec.dataDir, now, log: deps.log ?? console }),
    storage: new StorageService(db, policy, audit, cameras, { dataDir: rec.dataDir, budgetBytes: rec.budgetBytes, defaultRetentionDays: rec.retentionDays, now: () => now().getTime() }),
  };
  const opendata = new OpendataService(db, policy, audit, tenancy, clock);
  const resources = new ResourcesService(db, policy, audit, opendata);
  const ckan = new CkanService(db, opendata, resources, tenancy);
  const budgetImport = new BudgetImportService(db, policy, audit, tenancy);
  // PPID documents live under the data directory too (a temporary folder when absent)
  const ppid = buildPpidServices({ db, clock, policy, audit, dataDir: options.recordings?.dataDir });
  const incidents = buildIncidentModule({ db, policy, audit, clock, secrets, tenancy, cameras, exports: recordings.exports });
  // service indicators from Pantau itself; the dashboard knows only the provider interface
  const dashboards = new DashboardsService(db, policy, audit, tenancy, [
    camerasOnline(cameras, tenancy),
    { key: 'incident_sla', collect: (actor) => incidents.stats.slaIndicator(actor) },
    // the year of the command center's zone (WIB)
    { key: 'ppid_timeliness', collect: (actor) => ppid.reports.timelinessIndicator(actor, new Date(clock.now().getTime() + 7 * 3_600_000).getUTCFullYear()) },
  ]);
  const open311 = new Open311Service(db, clock, policy, auth, incidents);
  // Smart Displays: console services, the kiosk side and viewerOfToken for the portal and HLS
  const displays = buildDisplayModule({ db, policy, audit, clock });
  // public portal: the same incident aggregates as the console, for the whole tenant; a paired
  // display counts as a viewer of its tier
  const displayViewer = deps.displayViewer ?? ((token: string) => displays.viewerOfToken(token));
  const portal = new PortalService(db, policy, audit, clock, (t, r) => incidents.publicStats.forTenant(t, r), displayViewer);
  return { policy, audit, tenancy, auth, users, tokens, cameras, cameraTransfer, cameraMedia, live, walls, recordings, opendata, resources, ckan, dashboards, budgetImport, ppid, incidents, open311, portal, displays };
}
export type Services = ReturnType<typeof buildServices>;

/** Builds the HTTP app; never listens (main.ts does, tests use inject()). */
export async function buildApp(deps: AppDeps): Promise<{ app: FastifyInstance; services: Services; metrics: Registry }> {
  const { options } = deps;
  const services = buildServices(deps);
  const tp = options.trustProxy ?? false;
  // a hop count trusts that many proxies in front of us, whoever they are
  const trustProxy = typeof tp === 'number' ? (_address: string, hop: number) => hop < tp : tp;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024, trustProxy });
  // "incoming request / request completed" lines for every call drown the useful ones at info;
  // they appear when the log level is debug or trace
  const requestLevel = options.logRequests ? undefined : 'warn';
  if (requestLevel) app.addHook('onRoute', (route) => void (route.logLevel ||= requestLevel));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, message: `Terlalu banyak permintaan; coba lagi dalam ${Math.ceil(ctx.ttl / 1000)} detik` }),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Pantau API', version: '0.1.0', description: 'API pusat komando Pantau. Galat: `{ error: { code, message, details } }`.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'pantau_session' }, token: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const metrics = registerMetrics(app);
  registerAuth(app, services.auth);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ error: { code: 'unavailable', message: 'Basis data tidak tersedia' } });
    }
  });
  app.get('/api/config/public', { schema: { tags: ['system'], summary: 'Konfigurasi publik untuk konsol' } }, async () => ({
    mapTileUrl: options.mapTileUrl,
    mapAttribution: options.mapAttribution,
  }));

  tenancyRoutes(app, services.tenancy);
  authRoutes(app, services.auth, { secureCookies: options.secureCookies, loginPerMinute: options.loginPerMinute ?? 20 });
  usersRoutes(app, services.users, services.tokens);
  camerasRoutes(app, services.cameras, services.cameraTransfer);
  auditRoutes(app, services.audit);
  wallsRoutes(app, services.walls);
  opendataRoutes(app, services.opendata, services.resources);
  ckanRoutes(app, services.ckan);
  dashboardsRoutes(app, services.dashboards, services.budgetImport);
  await ppidRoutes(app, services.ppid);
  ppidPublicRoutes(app, services.ppid.public);
  recordingsRoutes(app, services.recordings);
  liveRoutes(app, services.live, deps.media ? (l) => deps.media!.onStatus(l) : null, (l) => services.incidents.events.on(l));
  incidentsRoutes(app, services.incidents);
  incidentsConfigRoutes(app, services.incidents);
  open311Routes(app, services.open311);
  // public portal, Smart Displays and the live HLS both watch through: who may pull which camera is
  // the portal's rule (answers cached ≤ 1 s, so a camera taken off the portal stops within seconds)
  portalRoutes(app, services.portal, { mapTileUrl: options.mapTileUrl, mapAttribution: options.mapAttribution });
  seoRoutes(app, services.portal, options.publicUrl ?? null);
  displaysRoutes(app, services.displays.displays, services.displays.content);
  kioskRoutes(app, services.displays.kiosk, services.displays.hub, { secureCookies: options.secureCookies });
  hlsRoutes(app, new HlsService(deps.media ? new HlsPackagers(deps.media) : null), cachedAccess(streamAccessOf(services.portal)));

  // page heads (title, description, Open Graph) for the portal's camera and statistics pages
  const pageHead: HeadRenderer | null = portalHead(services.portal, options.publicUrl ?? null);
  const withConsole = !!options.webDist && existsSync(join(options.webDist, 'index.html'));
  // `/` is the portal's page, rendered with its head; the static plugin serves only built files
  if (withConsole) await app.register(fastifyStatic, { root: options.webDist!, wildcard: false, index: false });
  registerNotFound(app, withConsole ? new Pages(options.webDist!, pageHead) : null);
  return { app, services, metrics };
}
