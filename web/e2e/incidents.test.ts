/**
 * Incidents end to end in Chromium against the real server: the 112 call-taker creates an
 * incident with the keyboard, verifies and dispatches it; an agency officer in a second browser
 * context sees the task arrive live and moves it; the operator sees that live, completes the SOP
 * and resolves. Fails on any console error or warning that is not explicitly allowed.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiLogin, assertBuilt, openPage, runCleanups, startServer, withEvidence } from './support.ts';

after(runCleanups);

const PASSWORD = 'sandi-uji-e2e-2026';

/** Creates a user as admin and gets it past the forced password change. */
async function makeUser(base: string, admin: { cookie: string; csrf: string }, body: Record<string, unknown>): Promise<string> {
  const first = 'sandi-awal-e2e-2026';
  const res = await fetch(`${base}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf }, body: JSON.stringify({ ...body, password: first }) });
  assert.equal(res.status, 201, await res.text());
  const s = await apiLogin(base, body.username as string, first);
  const pw = await fetch(`${base}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf }, body: JSON.stringify({ currentPassword: first, newPassword: PASSWORD }) });
  assert.ok(pw.status < 300, await pw.text());
  return body.username as string;
}

async function signIn(page: Page, base: string, username: string, path: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
}

test('incidents: call-taker creates and dispatches, agency moves its task live, operator resolves after the SOP', { timeout: 300_000 }, async () => {
  assertBuilt();
  const { base, password } = await startServer();
  const admin = await apiLogin(base, 'admin', password);
  const orgs = (await (await fetch(`${base}/api/organizations`, { headers: { cookie: admin.cookie } })).json()) as { id: string; code: string }[];
  const dishubId = orgs.find((o) => o.code === 'dishub')!.id;
  const operator = await makeUser(base, admin, { username: 'e2e.operator', displayName: 'Operator E2E', role: 'operator', regionCodes: [] });
  const officer = await makeUser(base, admin, { username: 'e2e.dishub', displayName: 'Petugas Dishub E2E', role: 'agency_officer', organizationId: dishubId, regionCodes: [] });

  const { page: op, problems: opProblems } = await openPage();
  const { page: ag, problems: agProblems } = await openPage();
  const problems = [opProblems, agProblems];
  const all = () => problems.flat();

  await withEvidence(ag, 'incidents-agency', problems[1]!, async () => {
    await signIn(ag, base, officer, '/tugas');
    await ag.getByRole('heading', { name: 'Tugas instansi' }).waitFor();
  });

  let ticket = '';
  await withEvidence(op, 'incidents-operator', problems[0]!, async () => {
    await signIn(op, base, operator, '/insiden/baru');
    // keyboard first: the caller's number has focus
    await op.getByTestId('intake-phone').waitFor();
    const t0 = Date.now();
    await op.keyboard.type('0812 7777 1122');
    await op.keyboard.press('Tab');
    await op.keyboard.type('Rina');
    await op.keyboard.press('Tab');
    await op.keyboard.type('Kemacetan');
    await op.getByRole('option', { name: 'Kemacetan', exact: true }).click();
    await op.getByTestId('intake-place').fill('Bundaran Bes');
    await op.getByRole('option', { name: 'Bundaran Besar', exact: true }).click();
    await op.getByTestId('intake-coords').filter({ hasText: '-2.2' }).waitFor();
    await op.getByTestId('intake-notes').fill('Antrean panjang, lampu lalu lintas mati');
    await op.keyboard.press('Control+Enter');
    await op.getByTestId('incident-detail').waitFor();
    const elapsed = Date.now() - t0;
    assert.ok(elapsed < 30_000, `incident saved ${elapsed} ms after typing began`);
    ticket = (await op.getByTestId('incident-ticket').textContent()) ?? '';
    assert.match(ticket, /^PTU-\d{6}-[A-Z0-9]{6}$/);
    assert.match((await op.getByTestId('incident-reporter').textContent()) ?? '', /0812 7777 1122/);

    await op.getByTestId('action-verified').click();
    await op.locator('[data-testid="incident-detail"][data-status="verified"]').waitFor();
    await op.getByTestId('action-dispatch').click();
    await op.getByTestId('dispatch-confirm').click();
    await op.locator('[data-testid="incident-detail"][data-status="dispatched"]').waitFor();
    await op.getByTestId('incident-tasks').getByText('Dinas Perhubungan').waitFor();
  });

  await withEvidence(ag, 'incidents-agency', problems[1]!, async () => {
    // pushed over the live socket: well before the 30 s fallback poll
    const card = ag.locator(`[data-testid="agency-task"][data-ticket="${ticket}"]`);
    await card.waitFor({ timeout: 15_000 });
    const shown = (await ag.getByTestId('agency-task').evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket')))).sort();
    const dishubTasks = (await (await fetch(`${base}/api/incidents/tasks?organizationId=${dishubId}`, { headers: { cookie: admin.cookie } })).json()) as { ticket: string }[];
    assert.deepEqual(shown, dishubTasks.map((x) => x.ticket).sort(), 'exactly its own agency tasks');
    assert.ok(!(await ag.content()).includes('0812 7777 1122'), 'no reporter data for the agency');
    await card.getByTestId('task-en_route').click();
    await ag.locator(`[data-testid="agency-task"][data-ticket="${ticket}"][data-task-status="en_route"]`).waitFor();
  });

  await withEvidence(op, 'incidents-operator', problems[0]!, async () => {
    await op.locator('[data-testid="incident-detail"][data-status="in_progress"]').waitFor({ timeout: 15_000 });
    await op.getByTestId('incident-tasks').getByText('Menuju lokasi').waitFor();
    // resolve is blocked until every required SOP step is ticked
    assert.equal(await op.getByTestId('action-resolved').isDisabled(), true);
    const steps = op.getByTestId('sop-step');
    for (let i = 0; i < (await steps.count()); i++) {
      const box = steps.nth(i);
      if (await box.isChecked()) continue;
      // the box is controlled by the server's answer: click, then wait for the saved state
      await box.click();
      await op.waitForFunction((n) => (document.querySelectorAll('[data-testid="sop-step"]')[n] as HTMLInputElement | undefined)?.checked === true, i);
    }
    await op.waitForFunction(() => !(document.querySelector('[data-testid="action-resolved"]') as HTMLButtonElement | null)?.disabled);
    await op.getByTestId('action-resolved').click();
    await op.locator('[data-testid="incident-detail"][data-status="resolved"]').waitFor();
    await op.getByTestId('incident-timeline').getByText('Langkah SOP').first().waitFor();

    // the board lists active incidents only; the resolved one is gone from it
    await op.getByTestId('nav-incidents').click();
    await op.getByTestId('incident-table').waitFor();
    assert.equal(await op.locator(`[data-testid="incident-row"][data-ticket="${ticket}"]`).count(), 0);
    assert.ok((await op.getByTestId('incident-row').count()) > 0, 'demo incidents on the board');

    // statistics: counts over the period, including the incident just resolved
    await op.getByTestId('nav-incident-stats').click();
    await op.getByTestId('stats-total').waitFor();
    assert.ok(Number(await op.getByTestId('stats-total').textContent()) >= 13);
  });

  // the supervisor edits an SOP checklist in the settings page
  const { page: ad, problems: adProblems } = await openPage();
  problems.push(adProblems);
  await withEvidence(ad, 'incidents-settings', problems[2]!, async () => {
    await ad.goto(`${base}/insiden/pengaturan`);
    await ad.getByTestId('login-username').fill('admin');
    await ad.getByTestId('login-password').fill(password);
    await ad.getByTestId('login-submit').click();
    // the kebakaran SOP of the demo has five steps
    await ad.getByTestId('sop-editor-step').nth(4).waitFor();
    await ad.getByTestId('sop-add-step').click();
    await ad.getByTestId('sop-editor-step').last().locator('input:not([type="checkbox"])').fill('Laporkan ke Kapolsek setempat');
    await ad.getByTestId('sop-save').click();
    await ad.waitForFunction(async () => {
      const r = await fetch('/api/incidents/sop/kebakaran');
      return (await r.json()).some((s: { title: string }) => s.title === 'Laporkan ke Kapolsek setempat');
    });
  });

  // the reporter's tracking page: public, status history only
  await withEvidence(ag, 'incidents-tracking', problems[1]!, async () => {
    await ag.goto(`${base}/lacak/${ticket}`);
    const result = ag.getByTestId('track-result');
    await result.getByText('Selesai').first().waitFor();
    const text = (await result.textContent()) ?? '';
    assert.ok(text.includes(ticket) && text.includes('Diteruskan'));
    assert.ok(!/0812 7777|Rina|Antrean/.test(text), 'no personal data or notes');
  });

  assert.deepEqual(all(), [], `unexpected console output:\n${all().join('\n')}`);
});
