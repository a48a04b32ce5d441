import assert from 'node:assert/strict';
import { DISPLAY_COOKIE, type Display, type PairingApprove } from '@pantau/shared';
import type { Session, TestApp } from '../../testing/app.ts';

/** A one-tile camera scene body. */
export function scenePayload(name: string, cameraIds: string[], grid: 1 | 4 | 9 | 16 = 4) {
  return { name, layout: 'full', tiles: [{ kind: 'cameras', cameraIds, grid }], ticker: ['Selamat datang'] };
}

/** Starts a pairing as a screen would, approves its code as `by`, and polls once: the display and its cookie. */
export async function pairDisplay(t: TestApp, by: Session, approve: Omit<PairingApprove, 'code'>): Promise<{ display: Display; cookie: string; token: string }> {
  const start = await t.app.inject({ method: 'POST', url: '/api/display/pair' });
  assert.equal(start.statusCode, 200, start.body);
  const { pairingId, code, secret } = start.json();
  const ok = await t.as(by)({ method: 'POST', url: '/api/displays/pair/approve', payload: { code, ...approve } });
  assert.equal(ok.statusCode, 201, ok.body);
  const poll = await t.app.inject({ method: 'POST', url: '/api/display/pair/status', payload: { pairingId, secret } });
  assert.equal(poll.json().state, 'approved');
  const c = poll.cookies.find((x) => x.name === DISPLAY_COOKIE);
  assert.ok(c, 'the approved poll sets the display cookie');
  return { display: ok.json(), cookie: `${DISPLAY_COOKIE}=${c.value}`, token: c.value };
}
