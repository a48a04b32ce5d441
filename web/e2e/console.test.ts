/**
 * End-to-end test of the web console against the real server: login, camera list, map,
 * language switch. Assumes web/dist is built (`npm run build -w web`); builds nothing itself.
 * Fails on any browser console error, warning or page error that is not explicitly allowed.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

const ROOT = new URL('../..', import.meta.url).pathname;
const CHROMIUM = process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium';
const WAIT = 30_000;

/**
 * Console noise that is not the console's fault. Software WebGL (headless, --disable-gpu) makes
 * Chromium's compositor read the map canvas back, and its GL driver reports that as a warning.
 */
const ALLOWED: RegExp[] = [
  /GL Driver Message \(OpenGL, Performance, GL_CLOSE_PATH_NV, High\): GPU stall due to ReadPixels/,
  /Automatic fallback to software WebGL has been deprecated/,
];

const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) {
    try {
      await c();
    } catch {
      // keep cleaning up the rest
    }
  }
});

function freePort(): Promise<number> {
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

/** Kills the server's whole process group (npx → node → tsx), then waits for it to go. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
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

async function startServer(): Promise<{ base: string; password: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-e2e-data-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
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
  cleanups.push(() => stopServer(child));
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

async function launchBrowser(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'pantau-e2e-chromium-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
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
      // WebGL for the map through SwiftShader when there is no GPU
      '--enable-unsafe-swiftshader',
    ],
    viewport: { width: 1440, height: 900 },
  });
  cleanups.push(() => context.close());
  return context;
}

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    const text = `[${m.type()}] ${m.text()} (${m.location().url})`;
    if (!ALLOWED.some((re) => re.test(m.text()))) problems.push(text);
  });
  page.on('pageerror', (e) => problems.push(`[pageerror] ${e.message}`));
  return problems;
}

test('console: login, camera list, map and language switch', { timeout: 240_000 }, async () => {
  assert.ok(existsSync(join(ROOT, 'web/dist/index.html')), 'web/dist is missing: run `npm run build -w web` first');
  const { base, password } = await startServer();
  const context = await launchBrowser();
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(WAIT);
  const problems = watchConsole(page);
  try {
    await walkThrough(page, base, password);
  } catch (e) {
    // Keep the evidence: a screenshot of where it stopped and any console output so far.
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results/console-failure.png') }).catch(() => undefined);
    if (e instanceof Error && problems.length) e.message += `\nconsole output:\n${problems.join('\n')}`;
    throw e;
  }
  assert.deepEqual(problems, [], `unexpected console output:\n${problems.join('\n')}`);
});

async function walkThrough(page: Page, base: string, password: string): Promise<void> {
  // A deep link while signed out goes to the login page, and back to the link after login.
  await page.goto(`${base}/cameras`);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();

  // Camera list with rows.
  await page.getByTestId('camera-table').waitFor();
  await page.getByTestId('camera-row').first().waitFor();
  assert.ok((await page.getByTestId('camera-row').count()) > 0, 'camera list has rows');
  assert.equal(new URL(page.url()).pathname, '/cameras', 'returned to the deep link after login');
  assert.equal(await page.getByTestId('nav-cameras').textContent(), 'Kamera');

  // Map: a real canvas and camera features in the clustered source.
  await page.getByTestId('nav-map').click();
  const canvas = page.getByTestId('map-canvas').locator('canvas');
  await canvas.waitFor();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="map-marker-count"]')?.textContent ?? 0) > 0,
    undefined,
    { timeout: WAIT },
  );
  const box = await canvas.boundingBox();
  assert.ok(box && box.width > 100 && box.height > 100, `map canvas has a size (${JSON.stringify(box)})`);
  const markers = Number(await page.getByTestId('map-marker-count').textContent());
  assert.ok(markers > 0, `markers loaded: ${markers}`);

  // Language: switch to English, see translated labels, and keep the choice across a reload.
  await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
  await page.getByRole('heading', { name: 'Camera map' }).waitFor();
  assert.equal(await page.getByTestId('nav-cameras').textContent(), 'Cameras');
  await page.reload();
  await page.getByTestId('nav-map').waitFor();
  assert.equal(await page.getByTestId('nav-map').textContent(), 'Map');
  await page.getByTestId('map-canvas').locator('canvas').waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="map-marker-count"]')?.textContent ?? 0) > 0);

  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  await page.waitForTimeout(500); // let the map finish drawing for the screenshot
  await page.screenshot({ path: join(ROOT, 'test-results/console.png') });
}
