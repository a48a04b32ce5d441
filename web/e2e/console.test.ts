/**
 * End-to-end test of the web console against the real server: login, camera list, map,
 * language switch. Assumes web/dist is built (`npm run build -w web`); builds nothing itself.
 * Fails on any browser console error, warning or page error that is not explicitly allowed.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { assertBuilt, openPage, ROOT, runCleanups, startServer, WAIT, withEvidence } from './support.ts';

after(runCleanups);

test('console: login, camera list, map and language switch', { timeout: 240_000 }, async () => {
  assertBuilt();
  const { base, password } = await startServer();
  const { page, problems } = await openPage();
  await withEvidence(page, 'console', problems, () => walkThrough(page, base, password));
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
