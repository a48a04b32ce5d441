/**
 * Smart Displays in the console, end to end in Chromium against the real server: an admin builds a
 * scene and a playlist, pairs a screen with the code it got from POST /api/display/pair, pushes a
 * camera to it from the camera page, sees the push in the display list, returns it to its playlist,
 * and takes a public camera off the portal (it becomes internal). Fails on any console error.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiLogin, assertBuilt, openPage, runCleanups, startServer, withEvidence } from './support.ts';

after(runCleanups);

interface CameraRow {
  id: string;
  name: string;
  visibility: string;
}

const SCENE = 'Lobi Balai Kota E2E';
const PLAYLIST = 'Hari kerja E2E';
const DISPLAY = 'Layar Lobi E2E';

/** Picks an option of a Mantine Select/MultiSelect, typing its label first into a searchable one. */
async function choose(page: Page, testId: string, label: string, search = true): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  if (search) await input.fill(label);
  await page.getByRole('option', { name: label, exact: true }).click();
}

test('displays console: scene, playlist, pairing, push from the camera page, resume, portal takedown', { timeout: 300_000 }, async () => {
  assertBuilt();
  const { base, password } = await startServer();
  const admin = await apiLogin(base, 'admin', password);
  const cameras = async (visibility: string) => {
    const res = await fetch(`${base}/api/cameras?visibility=${visibility}&limit=100`, { headers: { cookie: admin.cookie } });
    assert.equal(res.status, 200);
    return ((await res.json()) as { items: CameraRow[] }).items.sort((a, b) => a.name.localeCompare(b.name));
  };
  const publicCams = await cameras('public');
  const pimpinanCams = await cameras('pimpinan');
  assert.ok(publicCams.length >= 2 && pimpinanCams.length >= 1, 'demo data has public and pimpinan cameras');
  const [shown, takenDown] = publicCams as [CameraRow, CameraRow];
  const secret = pimpinanCams[0]!;

  const { page, problems } = await openPage();
  await withEvidence(page, 'displays-console', problems, async () => {
    await page.goto(`${base}/tampilan`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByRole('heading', { name: 'Layar pintar' }).waitFor();
    await page.getByTestId('empty-state').waitFor();

    // A scene: cameras beside announcements, with a ticker.
    await page.getByTestId('displays-scenes-link').click();
    await page.getByTestId('scene-create').click();
    await page.getByTestId('scene-name').fill(SCENE);
    await page.getByTestId('scene-layout-split').click();
    await page.locator('[data-testid="scene-preview"][data-layout="split"]').waitFor();
    await choose(page, 'tile-cameras', shown.name);
    await page.getByTestId('scene-slot-1').click();
    await choose(page, 'tile-kind', 'Pengumuman', false);
    await page.getByTestId('tile-messages').fill('Pelayanan KTP buka pukul 08.00\nAntrean daring tersedia');
    await page.getByTestId('scene-ticker').fill('Selamat datang di Balai Kota');
    await page.getByTestId('scene-save').click();
    await page.getByTestId('scene-row').filter({ hasText: SCENE }).waitFor();

    // A playlist of that scene.
    await page.getByTestId('nav-displays').click();
    await page.getByTestId('displays-playlists-link').click();
    await page.getByTestId('playlist-create').click();
    await page.getByTestId('playlist-name').fill(PLAYLIST);
    await choose(page, 'playlist-item-scene', SCENE);
    await page.getByTestId('playlist-item-seconds').fill('30');
    await page.getByTestId('playlist-save').click();
    await page.getByTestId('playlist-row').filter({ hasText: PLAYLIST }).filter({ hasText: SCENE }).waitFor();

    // A screen asks for a code (as the kiosk does); the operator approves it, typed loosely.
    const pair = await fetch(`${base}/api/display/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.ok(pair.ok, `POST /api/display/pair: ${pair.status} ${await pair.clone().text()}`);
    const { code } = (await pair.json()) as { code: string };
    assert.match(code, /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    await page.getByTestId('nav-displays').click();
    await page.getByTestId('display-pair').click();
    await page.getByTestId('pair-code').fill(code.replace('-', '').toLowerCase());
    assert.equal(await page.getByTestId('pair-code').inputValue(), code, 'the mask restores the dash and capitals');
    await page.getByTestId('pair-name').fill(DISPLAY);
    await page.getByTestId('pair-location').fill('Lobi lantai 1');
    await choose(page, 'display-playlist', PLAYLIST);
    await page.getByTestId('pair-form').getByRole('button', { name: 'Pasangkan' }).click();
    const row = page.getByTestId('display-row').filter({ hasText: DISPLAY });
    await row.waitFor();
    await row.locator('[data-testid="display-showing"][data-mode="playlist"]').filter({ hasText: PLAYLIST }).waitFor();

    // Push a camera from its page.
    await page.goto(`${base}/cameras/${shown.id}`);
    await page.getByTestId('camera-title').filter({ hasText: shown.name }).waitFor();
    await page.getByTestId('camera-push').click();
    await page.getByTestId('push-modal').waitFor();
    // the only display that may show this camera is chosen already
    await page.waitForFunction((name) => document.querySelector<HTMLInputElement>('[data-testid="push-display"]')?.value.includes(name), DISPLAY);
    await page.getByTestId('push-modal-send').click();
    await page.getByTestId('push-modal').waitFor({ state: 'detached' });

    // The list shows the push; the display page returns it to its playlist.
    await page.getByTestId('nav-displays').click();
    await row.locator('[data-testid="display-showing"][data-mode="push"]').filter({ hasText: shown.name }).waitFor();
    await row.getByTestId('display-link').click();
    await page.getByTestId('display-title').filter({ hasText: DISPLAY }).waitFor();
    // a public display is never offered a pimpinan camera
    await page.getByTestId('push-camera').click();
    await page.getByTestId('push-camera').fill(secret.name);
    await page.getByText('Tidak ada yang cocok').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('display-resume').click();
    await page.locator('[data-testid="display-info"] [data-testid="display-showing"][data-mode="playlist"]').filter({ hasText: PLAYLIST }).waitFor();
    await page.getByTestId('display-resume').waitFor({ state: 'detached' });

    // Take another public camera off the portal: it becomes internal and loses its portal controls.
    await page.goto(`${base}/cameras/${takenDown.id}`);
    await page.getByTestId('camera-title').filter({ hasText: takenDown.name }).waitFor();
    await page.getByTestId('camera-info').getByText('Publik', { exact: true }).waitFor();
    await page.getByTestId('camera-takedown').click();
    await page.getByTestId('takedown-reason').fill('Lokasi sedang dipakai acara tertutup');
    await page.getByTestId('takedown-confirm').click();
    await page.getByTestId('camera-info').getByText('Internal', { exact: true }).waitFor();
    await page.getByTestId('camera-takedown').waitFor({ state: 'detached' });
    await page.getByTestId('camera-push').waitFor({ state: 'detached' });
  });

  const now = await fetch(`${base}/api/cameras/${takenDown.id}`, { headers: { cookie: admin.cookie } });
  assert.equal(((await now.json()) as CameraRow).visibility, 'internal');
  assert.deepEqual(problems, [], `unexpected console output:\n${problems.join('\n')}`);
});
