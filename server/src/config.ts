import { z } from 'zod';
import { accessSync, constants } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';
import { hostname } from 'node:os';
import { isIP } from 'node:net';

/** Roles this process can run; `npm start` runs all of them in one process. */
export const PROCESS_ROLES = ['api', 'media', 'worker'] as const;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const schema = z.object({
  PANTAU_HOST: z.string().min(1).default('127.0.0.1'),
  PANTAU_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  PANTAU_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  ROLE: z
    .string()
    .default('api,media,worker')
    .transform((s) => s.split(',').map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(z.enum(PROCESS_ROLES)).min(1)),
  PANTAU_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Base64 of 32 bytes; when absent a key is generated once into the data directory. */
  PANTAU_SECRET_KEY: z
    .string()
    .refine((s) => Buffer.from(s, 'base64').length === 32, 'must be base64 of exactly 32 bytes')
    .optional(),
  PANTAU_SEED_DEMO: bool.default(true),
  PANTAU_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Set when the console is served over HTTPS so cookies get the Secure flag. */
  PANTAU_SECURE_COOKIES: bool.default(false),
  PANTAU_MAP_TILE_URL: z.string().url().optional(),
  PANTAU_TRUST_PROXY: z.string().trim().optional().transform((v, ctx) => {
    const parsed = trustProxyOf(v);
    if (parsed === undefined) ctx.addIssue({ code: 'custom', message: 'a number of proxy hops (1–10) or a comma-separated list of proxy addresses/CIDRs (e.g. 127.0.0.1,10.0.0.0/8)' });
    return parsed ?? false;
  }),
  PANTAU_MAP_ATTRIBUTION: z.string().optional(),
  /** The portal's public address (https://cctv.example.go.id): absolute canonical, share and sitemap links. */
  PANTAU_PUBLIC_URL: z
    .string()
    .url()
    .refine((s) => /^https?:\/\//.test(s) && !/[?#]/.test(s), 'an http(s) address without query or fragment, e.g. https://cctv.palangkaraya.go.id')
    .transform((s) => s.replace(/\/+$/, ''))
    .optional(),
  PANTAU_WEB_DIST: z.string().optional(),
  /** Record every enabled camera's main stream continuously. */
  PANTAU_RECORDING: bool.default(true),
  /** Disk budget for recordings (bytes; suffixes KB, MB, GB, TB); the oldest are deleted beyond it. */
  PANTAU_RECORDING_BUDGET: z
    .string()
    .regex(/^(\d+(\.\d+)?\s*(B|KB|MB|GB|TB)?|\d{1,2}(\.\d+)?\s*%)$/i, 'a size such as 500GB, or a share of the volume such as 80%')
    .default('20GB')
    .transform((s): RecordingBudget => (s.trim().endsWith('%') ? { percent: Number.parseFloat(s) } : { bytes: parseSize(s) })),
  /** Days of recordings kept for cameras without their own retention (0: only the budget limits). */
  PANTAU_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  /** ffmpeg for timeline thumbnails (decodes one keyframe on demand); found on PATH when unset. */
  PANTAU_FFMPEG: z.string().min(1).optional(),
  PATH: z.string().default(''),
  /** This media process's stable name among several sharing one database. */
  PANTAU_MEDIA_NODE: z.string().min(1).max(100).default(hostname()),
  /** Most cameras this media process takes (the rest go to other media processes); unset: no limit. */
  PANTAU_MEDIA_CAPACITY: z.coerce.number().int().min(1).max(100_000).optional(),
  /** The built-in camera simulator for the demo cameras: auto = on when demo data is seeded. */
  PANTAU_SIMULATOR: z.enum(['auto', 'on', 'off']).default('auto'),
  PANTAU_SIMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(8554),
  PANTAU_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  PANTAU_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
});

export type Config = {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  roles: (typeof PROCESS_ROLES)[number][];
  logLevel: z.infer<typeof schema>['PANTAU_LOG_LEVEL'];
  secretKey: Buffer | null;
  seedDemo: boolean;
  sessionHours: number;
  secureCookies: boolean;
  /** Which reverse proxies' X-Forwarded-For to believe (Fastify trustProxy): false, hop count or addresses. */
  trustProxy: false | number | string;
  mapTileUrl: string | null;
  mapAttribution: string | null;
  /** The portal's public origin (and path prefix), no trailing slash; null: links relative, sitemap from the request. */
  publicUrl: string | null;
  webDist: string;
  loginMaxFailures: number;
  loginLockMinutes: number;
  simulator: boolean;
  simulatorPort: number;
  recording: boolean;
  /** Bytes, or a share of the recordings volume (resolved at start with `budgetBytesOf`). */
  recordingBudget: RecordingBudget;
  retentionDays: number | null;
  ffmpegPath: string | null;
  mediaNode: string;
  mediaCapacity: number | null;
};

export type RecordingBudget = { bytes: number } | { percent: number };

/** The budget in bytes: a share of the volume holding `dir` when given as a percentage. */
export async function budgetBytesOf(budget: RecordingBudget, dir: string): Promise<number> {
  if ('bytes' in budget) return budget.bytes;
  const s = await statfs(dir);
  return Math.floor((s.blocks * s.bsize * budget.percent) / 100);
}

export class ConfigError extends Error {}

const UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };
function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([A-Z]*)$/i.exec(s.trim())!;
  return Math.round(Number(m[1]) * (UNITS[(m[2] || 'B').toUpperCase()] ?? 1));
}

/** An executable on PATH, or null (optional tools degrade cleanly without it). */
function findOnPath(name: string, path: string): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * PANTAU_TRUST_PROXY: unset → trust nobody (the socket's address is the client); `N` → N proxy hops;
 * `a,b/16` → those proxies. Never "everyone": any client could then pick its own address and walk
 * around the per-IP limits. Returns undefined when the value is not one of these.
 */
export function trustProxyOf(v: string | undefined): false | number | string | undefined {
  if (!v) return false;
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n >= 1 && n <= 10 ? n : undefined;
  }
  const parts = v.split(',').map((p) => p.trim());
  const ok = parts.every((p) => {
    const [addr, bits, extra] = p.split('/');
    if (extra !== undefined || !addr || !isIP(addr)) return false;
    if (bits === undefined) return true;
    const max = isIP(addr) === 4 ? 32 : 128;
    return /^\d+$/.test(bits) && Number(bits) <= max;
  });
  return ok ? parts.join(',') : undefined;
}

/** The only reader of process.env: parses once and names every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    host: e.PANTAU_HOST,
    port: e.PANTAU_PORT,
    dataDir: resolve(e.PANTAU_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    roles: e.ROLE,
    logLevel: e.PANTAU_LOG_LEVEL,
    secretKey: e.PANTAU_SECRET_KEY ? Buffer.from(e.PANTAU_SECRET_KEY, 'base64') : null,
    seedDemo: e.PANTAU_SEED_DEMO,
    sessionHours: e.PANTAU_SESSION_HOURS,
    secureCookies: e.PANTAU_SECURE_COOKIES,
    trustProxy: e.PANTAU_TRUST_PROXY,
    mapTileUrl: e.PANTAU_MAP_TILE_URL ?? null,
    mapAttribution: e.PANTAU_MAP_ATTRIBUTION ?? null,
    publicUrl: e.PANTAU_PUBLIC_URL ?? null,
    webDist: resolve(e.PANTAU_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    loginMaxFailures: e.PANTAU_LOGIN_MAX_FAILURES,
    simulator: e.PANTAU_SIMULATOR === 'on' || (e.PANTAU_SIMULATOR === 'auto' && e.PANTAU_SEED_DEMO),
    simulatorPort: e.PANTAU_SIMULATOR_PORT,
    recording: e.PANTAU_RECORDING,
    recordingBudget: e.PANTAU_RECORDING_BUDGET,
    retentionDays: e.PANTAU_RETENTION_DAYS === 0 ? null : e.PANTAU_RETENTION_DAYS,
    ffmpegPath: e.PANTAU_FFMPEG ?? findOnPath('ffmpeg', e.PATH),
    mediaNode: e.PANTAU_MEDIA_NODE,
    mediaCapacity: e.PANTAU_MEDIA_CAPACITY ?? null,
    loginLockMinutes: e.PANTAU_LOGIN_LOCK_MINUTES,
  };
}

/** Test runs only: the PostgreSQL server to run repository and API tests on besides PGlite. */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.PANTAU_TEST_DATABASE_URL;
  if (!url) return null;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('PANTAU_TEST_DATABASE_URL: must start with postgres://');
  return url;
}
