// The incident topic on the one live socket: a change reaches consoles that may read the incident,
// and an agency officer only when its agency has a task on it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import type { LiveServerMessage } from '@pantau/shared';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { seedIncidentDefaults } from './incidents.defaults.ts';

function listen(base: string, s: Session): Promise<{ ws: WebSocket; got: LiveServerMessage[] }> {
  return new Promise((resolve, reject) => {
    const got: LiveServerMessage[] = [];
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/live`, { headers: { cookie: s.cookie, origin: base } });
    ws.on('message', (d, bin) => void (bin ? null : got.push(JSON.parse(d.toString()))));
    ws.on('open', () => resolve({ ws, got }));
    ws.on('error', reject);
  });
}
const until = async (fn: () => boolean, ms = 5000) => {
  const t0 = Date.now();
  while (!fn()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('incident events on /api/live', () => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await testApp('pglite');
    await seedIncidentDefaults(t.db, t.tenant.id, t.orgs);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => t.close());

  test('operator hears every change; Dishub only once dispatched to it; BPBD and PPID never', async () => {
    const op = await t.signIn({ role: 'operator' });
    const socks = await Promise.all([op, await t.signIn({ role: 'agency_officer', org: 'dishub' }), await t.signIn({ role: 'agency_officer', org: 'bpbd' }), await t.signIn({ role: 'ppid_officer' })].map((s) => listen(base, s)));
    const [opSock, dishub, bpbd, ppid] = socks as [Awaited<ReturnType<typeof listen>>, Awaited<ReturnType<typeof listen>>, Awaited<ReturnType<typeof listen>>, Awaited<ReturnType<typeof listen>>];
    const inc = (await t.as(op)({ method: 'POST', url: '/api/incidents', payload: { category: 'kemacetan', lat: -2.2096, lng: 113.9137, description: 'Macet' } })).json();
    await until(() => opSock.got.some((m) => m.type === 'incident' && m.incidentId === inc.id && m.change === 'created'));
    await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/transition`, payload: { to: 'verified' } });
    await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/dispatch`, payload: {} });
    await until(() => dishub.got.some((m) => m.type === 'incident' && m.change === 'dispatched'));
    assert.ok(!dishub.got.some((m) => m.type === 'incident' && m.change === 'created'), 'no task yet when it was created');
    assert.ok(opSock.got.filter((m) => m.type === 'incident').length >= 3);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(bpbd.got.filter((m) => m.type === 'incident').length, 0);
    assert.equal(ppid.got.filter((m) => m.type === 'incident').length, 0);
    for (const s of socks) s.ws.close();
  });
});
