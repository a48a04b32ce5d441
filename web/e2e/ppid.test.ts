/**
 * End-to-end test of PPID in Chromium against the real server: a citizen browses the registry,
 * files a request without logging in, tracks it with the receipt's code, an officer answers it in
 * the console, and the citizen sees the answer. Fails on any unexpected console output.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertBuilt, openPage, runCleanups, startServer, withEvidence } from './support.ts';

after(runCleanups);

test('ppid: public submission and tracking, officer answer in the console', { timeout: 240_000 }, async () => {
  assertBuilt();
  const { base, password } = await startServer();
  const { page, problems } = await openPage();
  await withEvidence(page, 'ppid', problems, () => walkThrough(page, base, password));
  // the one expected failure: the deliberately wrong tracking code answers 404, which Chromium logs
  const expected = problems.filter((p) => /status of 404 .*\/api\/public\/ppid\/track\)$/.test(p));
  assert.equal(expected.length, 1, 'the wrong code was refused once');
  const rest = problems.filter((p) => !expected.includes(p));
  assert.deepEqual(rest, [], `unexpected console output:\n${rest.join('\n')}`);
});

async function walkThrough(page: Page, base: string, password: string): Promise<void> {
  // The published registry is public: the demo seed publishes three items, never the exempt one.
  await page.goto(`${base}/informasi-publik`);
  await page.getByTestId('registry-item').first().waitFor();
  assert.equal(await page.getByTestId('registry-item').count(), 3);
  assert.equal(await page.getByText('Rekam medis pasien RSUD').count(), 0);

  // File a request; a bad NIK is caught by the shared schema before anything is sent.
  await page.getByRole('link', { name: 'Ajukan permohonan' }).click();
  await page.getByTestId('f-name').fill('Warga Uji Coba');
  await page.getByTestId('f-id').fill('1234567890');
  await page.getByTestId('f-phone').fill('0812 3456 7890');
  await page.getByTestId('f-email').fill('warga@contoh.id');
  await page.getByTestId('f-address').fill('Jl. RTA Milono, Palangka Raya');
  await page.getByTestId('f-information').fill('Jumlah CCTV publik yang aktif di Palangka Raya');
  await page.getByTestId('f-purpose').fill('Kajian kampus');
  await page.getByTestId('f-submit').click();
  await page.getByText('NIK harus 16 angka').waitFor();
  await page.getByTestId('f-id').fill('6271010101900009');
  await page.getByTestId('f-submit').click();
  const number = (await page.getByTestId('receipt-number').textContent())!.trim();
  assert.match(number, /^PPID-\d{4}-\d{6}$/);
  const code = (await page.getByTestId('receipt-code').textContent())!.trim();

  // Track it straight from the receipt (the code travels in router state, not the URL).
  await page.getByRole('link', { name: 'Lacak sekarang' }).click();
  await page.getByTestId('tracked-request').waitFor();
  assert.ok(!page.url().includes(code), 'the tracking code is not in the URL');
  assert.equal((await page.getByTestId('status-badge').textContent())?.trim(), 'Menunggu jawaban');
  assert.match((await page.getByTestId('due-on').textContent()) ?? '', /^\d{4}-\d{2}-\d{2}$/);

  // A wrong code reads like an unknown number.
  await page.getByTestId('t-code').fill('kode-salah-1234');
  await page.getByTestId('t-submit').click();
  await page.getByTestId('track-error').waitFor();

  // The officer finds it in the queue with a deadline badge and answers it.
  await page.goto(`${base}/ppid`);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('ppid-queue').waitFor();
  const row = page.getByTestId('ppid-row').filter({ hasText: number });
  await row.getByTestId('deadline-badge').waitFor();
  assert.ok((await page.getByTestId('deadline-badge').filter({ hasText: /Terlambat|Sangat terlambat/ }).count()) > 0, 'the demo seed has overdue requests');
  await row.click();
  await page.getByTestId('detail-information').waitFor();
  await page.getByTestId('respond-text').fill('Terdapat 12 CCTV publik aktif; daftar terlampir.');
  await page.getByTestId('respond-submit').click();
  await page.getByTestId('detail-response').waitFor();
  assert.equal((await page.getByTestId('status-badge').textContent())?.trim(), 'Dipenuhi');

  // Report page renders its charts.
  await page.getByTestId('nav-ppid-report').click();
  await page.getByTestId('chart-status').locator('canvas').waitFor();

  // The citizen sees the answer.
  await page.goto(`${base}/informasi-publik/lacak`);
  await page.getByTestId('t-number').fill(number);
  await page.getByTestId('t-code').fill(code);
  await page.getByTestId('t-submit').click();
  await page.getByTestId('tracked-request').getByText('Terdapat 12 CCTV publik aktif').first().waitFor();
  assert.equal((await page.getByTestId('status-badge').textContent())?.trim(), 'Dipenuhi');
  await page.getByTestId('objection-form').waitFor();
}
