/**
 * End-to-end test of the data bank and the development dashboard in Chromium against the real
 * server with its demo seed: the public catalog without login (search, facets, dataset page,
 * rows, chart, embed), then the leaders' dashboard with charts and a drill-down, with screenshots.
 * Fails on any browser console error or warning that is not explicitly allowed.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { assertBuilt, openPage, ROOT, runCleanups, startServer, WAIT, withEvidence } from './support.ts';

after(runCleanups);

test('data bank public catalog and the leaders\' development dashboard', { timeout: 240_000 }, async () => {
  assertBuilt();
  const { base, password } = await startServer();
  const { page, problems } = await openPage();
  await page.setViewportSize({ width: 1600, height: 1000 });
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  await withEvidence(page, 'databank', problems, async () => {
    await publicCatalog(page, base);
    await dashboard(page, base, password);
  });
  assert.deepEqual(problems, [], `unexpected console output:\n${problems.join('\n')}`);
});

/** A chart is drawn when its canvas has a size and some non-transparent pixels. */
async function chartDrawn(page: Page, testId: string): Promise<void> {
  const canvas = page.getByTestId(testId).locator('canvas').first();
  await canvas.waitFor();
  await page.waitForFunction(
    (id) => {
      const c = document.querySelector(`[data-testid="${id}"] canvas`) as HTMLCanvasElement | null;
      if (!c || c.width < 50) return false;
      const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      return !!d && d.some((v, i) => i % 4 === 3 && v > 0);
    },
    testId,
    { timeout: WAIT },
  );
}

async function publicCatalog(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/data`);
  await page.getByTestId('dataset-card').first().waitFor();
  assert.equal(await page.getByTestId('dataset-card').count(), 2, 'two published demo datasets; the one in review stays hidden');
  await page.getByTestId('catalog-search').fill('curah hujan');
  await page.getByTestId('catalog-search').press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="dataset-card"]').length === 1);
  await page.getByRole('link', { name: /Curah Hujan Bulanan/ }).click();
  await page.getByTestId('dataset-title').waitFor();
  await page.getByTestId('rows-table').locator('tbody tr').nth(11).waitFor();
  assert.equal(await page.getByTestId('rows-table').locator('tbody tr').count(), 12, 'twelve months of rainfall');
  await page.getByTestId('tab-chart').click();
  await chartDrawn(page, 'dataset-chart');
  const embed = await page.getByTestId('embed-code').textContent();
  const src = /src="([^"]+)"/.exec(embed ?? '')?.[1];
  assert.ok(src?.includes('/data/embed/'), 'embed code points at the embed route');
  await page.screenshot({ path: join(ROOT, 'test-results/databank-dataset.png') });
  await page.goto(src!.replace(/^https?:\/\/[^/]+/, base));
  await chartDrawn(page, 'dataset-chart');

  // a map by region code: population per kabupaten/kota on the offline boundaries
  const population = (await (await fetch(`${base}/api/public/opendata/datasets/jumlah-penduduk-kabupaten-kota`)).json()) as { resources: { id: string }[] };
  await page.goto(`${base}/data/embed/${population.resources[0]!.id}?type=map&x=kode_wilayah&y=penduduk&fn=sum&title=Penduduk`);
  await chartDrawn(page, 'dataset-chart');
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(ROOT, 'test-results/databank-map.png') });

  // on a phone the catalog stacks: facets above results, nothing wider than the screen
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/data`);
  await page.getByTestId('dataset-card').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal scrolling on a phone (${overflow}px too wide)`);
  await page.screenshot({ path: join(ROOT, 'test-results/databank-mobile.png'), fullPage: true });
  await page.setViewportSize({ width: 1600, height: 1000 });
}

async function dashboard(page: Page, base: string, password: string): Promise<void> {
  await page.goto(`${base}/dashboard`);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-overview').waitFor();
  const rows = page.getByTestId('ranking-table').locator('tbody tr');
  assert.equal(await rows.count(), 7, 'seven seeded OPDs ranked');
  assert.ok((await page.getByTestId('light-merah').count()) > 0, 'the lagging OPDs show red');
  await chartDrawn(page, 'chart-ranking');
  await chartDrawn(page, 'chart-trend');
  await chartDrawn(page, 'service-cameras_online');
  await page.getByTestId('service-incident_sla').waitFor();
  await page.waitForTimeout(600); // let ECharts finish its entry animation for the screenshot
  await page.screenshot({ path: join(ROOT, 'test-results/dashboard.png'), fullPage: true });
  await page.getByTestId('ranking-opd').last().click();
  await page.getByTestId('programs-table').locator('tbody tr').first().waitFor();
  assert.match((await page.getByTestId('programs-table').textContent()) ?? '', /\d\.\d{2}\.\d{2}/, 'program codes listed');
  await page.getByTestId('program-select').first().click();
  await page.getByTestId('chart-s-curve').getByText(/·/).waitFor();
  await chartDrawn(page, 'chart-s-curve');
  await page.goto(`${base}/dashboard/input`);
  await page.getByTestId('budget-form').waitFor();
  await page.getByTestId('nav-databank').click();
  await page.getByTestId('dataset-card').nth(2).waitFor();
  assert.ok((await page.getByTestId('dataset-state').allTextContents()).includes('Diajukan'), 'the admin sees the dataset in review');
}
