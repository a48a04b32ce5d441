/**
 * Helpers shared by the browser end-to-end tests: a real server on a free port with a fresh data
 * directory, an independent RTSP server, headless Chromium, console watching, and cleanup that runs
 * even when a test fails. Tests assume web/dist is built (`npm run build -w web`).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { spawnGstServer } from '../../server/src/media/testing/gst-server.ts';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const CHROMIUM = process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium';
export const WAIT = 30_000;

/**
 * Console noise that is not the console's fault. Software WebGL (headless, --disable-gpu) makes
 * Chromium's compositor read the map canvas back, and its GL driver reports that as a warning.
 */
export const ALLOWED: RegExp[] = [
  /GL Driver Message \(OpenGL, Performance, GL_CLOSE_PATH_NV, High\): GPU stall due to ReadPixels/,
  /Automatic fallback to software WebGL has been deprecated/,
];

const cleanups: (() => Promise<void> | void)[] = [];

/** Registers something to undo after the file's tests, last registered first. */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

/** Runs every cleanup even if some fail; pass to node:test's `after`. */
export async function runCleanups(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) {
    try {
      await c();
    } catch {
      // keep cleaning up the rest
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Kills a detached child's whole process group (npx → node → tsx), then waits for it to go. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 8_000);
  await exited;
  clearTimeout(timer);
}

/** The demo admin password from the server's start-up banner (or the credentials file it writes). */
function adminPassword(output: string, dataDir: string): string | null {
  const slash = output.match(/^\s*admin\s*\/\s*(\S+)\s*$/m);
  if (slash?.[1]) return slash[1];
  const table = output.match(/^\s*admin\s+admin\s+(\S+)\s*$/m);
  if (table?.[1]) return table[1];
  const file = join(dataDir, 'demo-credentials.txt');
  if (existsSync(file)) {
    const row = readFileSync(file, 'utf8').match(/^admin\t\S+\t(\S+)$/m);
    if (row?.[1]) return row[1];
  }
  return null;
}

export function assertBuilt(): void {
  assert.ok(existsSync(join(ROOT, 'web/dist/index.html')), 'web/dist is missing: run `npm run build -w web` first');
}

/** The real server (all roles) on a free port with a fresh data directory and demo data. */
export async function startServer(): Promise<{ base: string; password: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-e2e-data-'));
  onCleanup(() => rmSync(dataDir, { recursive: true, force: true }));
  const child = spawn('npx', ['tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    detached: true, // own process group, so the whole tree can be stopped
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PANTAU_PORT: String(port),
      PANTAU_HOST: '127.0.0.1',
      PANTAU_DATA_DIR: dataDir,
      PANTAU_SIMULATOR: 'off',
      PANTAU_LOG_LEVEL: 'warn',
    },
  });
  onCleanup(() => stopGroup(child));
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  let password: string | null = null;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) assert.fail(`server exited with ${child.exitCode}:\n${output}`);
    password ??= adminPassword(output, dataDir);
    if (password) {
      const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
      if (ok) return { base, password };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`server did not become ready with demo credentials within 90 s:\n${output}`);
}

/**
 * GStreamer's gst-rtsp-server (not our code) serving rtsp://127.0.0.1:PORT/test: H.264 of a moving
 * ball, 320×240 at 25 fps, four slices per picture. Needs Debian's python3 with the `gi` bindings.
 */
export async function startRtspServer(): Promise<{ url: string }> {
  // the server picks its port itself: a port chosen beforehand could be taken by the Pantau server
  // starting beside it, and gst-rtsp-server would not say so
  const { port, child } = await spawnGstServer('h264', 'none', { detached: true });
  onCleanup(() => stopGroup(child));
  return { url: `rtsp://127.0.0.1:${port}/test` };
}

export async function launchBrowser(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'pantau-e2e-chromium-'));
  onCleanup(() => rmSync(profile, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // live video starts muted without a click, as on a control-room wall
      '--autoplay-policy=no-user-gesture-required',
      // WebGL for the map through SwiftShader when there is no GPU
      '--enable-unsafe-swiftshader',
    ],
    viewport: { width: 1440, height: 900 },
  });
  onCleanup(() => context.close());
  return context;
}

/** A fresh browser and its first page, with the test timeout and a watch on its console. */
export async function openPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await launchBrowser();
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(WAIT);
  return { context, page, problems: watchConsole(page) };
}

/** Collects console errors and warnings (minus ALLOWED) and page errors. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    const text = `[${m.type()}] ${m.text()} (${m.location().url})`;
    if (!ALLOWED.some((re) => re.test(m.text()))) problems.push(text);
  });
  page.on('pageerror', (e) => problems.push(`[pageerror] ${e.message}`));
  return problems;
}

/** Runs `body`; on failure keeps a screenshot and the console output so far with the error. */
export async function withEvidence(page: Page, name: string, problems: string[], body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, `test-results/${name}-failure.png`) }).catch(() => undefined);
    if (e instanceof Error && problems.length) e.message += `\nconsole output:\n${problems.join('\n')}`;
    throw e;
  }
}

/** Signs in through the API: the session cookie and CSRF token for direct calls. */
export async function apiLogin(base: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  assert.equal(res.status, 200, `login as ${username}: ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: body.csrfToken };
}

/** Statistics of a decoded picture, for checking that video really plays. */
export interface PictureSample {
  width: number;
  height: number;
  meanLuma: number;
  lumaVariance: number;
  meanR: number;
  meanG: number;
  meanB: number;
  /** Luma at every 4th pixel of every 4th row, for comparing two moments. */
  grid: number[];
}

/** Draws the <video> into a canvas and measures the decoded picture. */
export function samplePicture(page: Page, videoSelector: string): Promise<PictureSample> {
  return page.evaluate((sel) => {
    const v = document.querySelector<HTMLVideoElement>(sel);
    if (!v || v.videoWidth === 0) throw new Error(`no decoded picture in ${sel}`);
    const c = document.createElement('canvas');
    c.width = v.videoWidth;
    c.height = v.videoHeight;
    const g = c.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(v, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0, sum = 0, sq = 0, r = 0, gr = 0, b = 0;
    const grid: number[] = [];
    for (let y = 0; y < c.height; y += 2) {
      for (let x = 0; x < c.width; x += 2) {
        const i = (y * c.width + x) * 4;
        const luma = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
        n++;
        sum += luma;
        sq += luma * luma;
        r += d[i]!;
        gr += d[i + 1]!;
        b += d[i + 2]!;
        if (y % 4 === 0 && x % 4 === 0) grid.push(Math.round(luma));
      }
    }
    const mean = sum / n;
    return { width: c.width, height: c.height, meanLuma: mean, lumaVariance: sq / n - mean * mean, meanR: r / n, meanG: gr / n, meanB: b / n, grid };
  }, videoSelector);
}

/** Mean absolute difference of two luma grids. */
export function meanAbsDiff(a: number[], b: number[]): number {
  assert.equal(a.length, b.length, 'samples of the same size');
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! - b[i]!);
  return s / a.length;
}
