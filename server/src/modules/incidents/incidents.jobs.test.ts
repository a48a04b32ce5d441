// SLA timers and escalation on the controllable clock, the outbox (in-app, e-mail, signed webhook
// with retries), photos with EXIF stripped for the public, public tracking and reopen, statistics.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { seedIncidentDefaults } from './incidents.defaults.ts';
import type { IncidentJobs } from './incidents.jobs.ts';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, type WebhookPoster } from './outbox.delivery.ts';

const AT = { lat: -2.2096, lng: 113.9137, address: 'Bundaran Besar' };
const MIN = 60_000;

for (const kind of DB_KINDS) {
  describe(`incidents: SLA, outbox, photos, public side, stats on ${kind}`, () => {
    let t: TestApp;
    let op: Session;
    let admin: Session;
    const mails: { to: string; subject: string }[] = [];
    const posts: { url: string; headers: Record<string, string>; body: string }[] = [];
    let webhookStatus = 500;
    const poster: WebhookPoster = async (url, headers, body) => {
      posts.push({ url, headers, body });
      return { status: webhookStatus };
    };
    let jobs: IncidentJobs;
    before(async () => {
      t = await testApp(kind);
      await seedIncidentDefaults(t.db, t.tenant.id, t.orgs);
      op = await t.signIn({ role: 'operator' });
      admin = await t.signIn({ role: 'admin' });
      jobs = t.services.incidents.jobs({ send: async (to, subject) => void mails.push({ to, subject }) }, poster);
    });
    after(() => t.close());

    test('SLA: ok → warning → breached on the clock; the worker escalates once and tells supervisors', async () => {
      const inc = (await t.as(op)({ method: 'POST', url: '/api/incidents', payload: { category: 'kemacetan', priority: 'high', ...AT, description: 'Macet total' } })).json();
      assert.equal(inc.response.state, 'ok');
      t.clock.advance(46 * MIN);
      assert.equal((await t.as(op)({ method: 'GET', url: `/api/incidents/${inc.id}` })).json().response.state, 'warning');
      assert.equal(await jobs.escalateOverdue(), 0);
      t.clock.advance(15 * MIN);
      const late = (await t.as(op)({ method: 'GET', url: `/api/incidents/${inc.id}` })).json();
      assert.equal(late.response.state, 'breached');
      assert.equal(late.escalated, false);
      assert.ok((await jobs.escalateOverdue()) >= 1);
      assert.equal(await jobs.escalateOverdue(), 0, 'escalated once');
      const after = (await t.as(op)({ method: 'GET', url: `/api/incidents/${inc.id}` })).json();
      assert.equal(after.escalated, true);
      assert.ok(after.events.some((e: { kind: string }) => e.kind === 'escalated'));
      const inbox = (await t.as(admin)({ method: 'GET', url: '/api/incidents/notifications' })).json();
      assert.ok(inbox.some((n: { incidentId: string; subject: string }) => n.incidentId === inc.id && /Eskalasi/.test(n.subject)));
      // verifying now stops the response timer late
      const v = (await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/transition`, payload: { to: 'verified' } })).json();
      assert.equal(v.response.state, 'late');
    });

    test('outbox: dispatch writes in-app, e-mail and a signed webhook; failures retry with backoff', async () => {
      const secret = 'rahasia-webhook-dishub-123';
      const dishub = t.orgs.get('dishub')!;
      assert.equal((await t.as(op)({ method: 'PUT', url: `/api/incidents/agencies/${dishub}/endpoint`, payload: { email: 'posko@dishub.example.id', webhookUrl: 'http://dishub.example.id/hook', webhookSecret: secret } })).statusCode, 403);
      assert.equal((await t.as(admin)({ method: 'PUT', url: `/api/incidents/agencies/${dishub}/endpoint`, payload: { email: 'posko@dishub.example.id', webhookUrl: 'http://dishub.example.id/hook', webhookSecret: secret } })).statusCode, 204);
      const inc = (await t.as(op)({ method: 'POST', url: '/api/incidents', payload: { category: 'lampu_jalan_mati', ...AT, description: 'Lampu mati sepanjang jalan' } })).json();
      await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/transition`, payload: { to: 'verified' } });
      await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/dispatch`, payload: {} });
      const officer = await t.signIn({ role: 'agency_officer', org: 'dishub' });
      assert.ok((await t.as(officer)({ method: 'GET', url: '/api/incidents/notifications' })).json().some((n: { incidentId: string }) => n.incidentId === inc.id));
      webhookStatus = 500;
      let r = await jobs.deliverOutbox();
      assert.equal(r.sent, 1, 'the e-mail');
      assert.equal(r.failed, 1, 'the webhook');
      assert.deepEqual(mails.at(-1)!.to, 'posko@dishub.example.id');
      const p = posts.at(-1)!;
      const ts = Number(p.headers[WEBHOOK_TIMESTAMP_HEADER]);
      assert.equal(p.headers[WEBHOOK_SIGNATURE_HEADER], signWebhook(secret, ts, p.body), 'signed with the agency secret');
      assert.equal(JSON.parse(p.body).ticket, inc.ticket);
      assert.equal((await jobs.deliverOutbox()).failed, 0, 'not retried before the backoff');
      webhookStatus = 204;
      t.clock.advance(31_000);
      r = await jobs.deliverOutbox();
      assert.equal(r.sent, 1);
      const row = await t.db.selectFrom('notification_outbox').select(['status', 'attempts']).where('incident_id', '=', inc.id).where('channel', '=', 'webhook').executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'sent', attempts: 2 });
    });

    test('photos: magic bytes checked (415, 413); the public copy has no EXIF; public tracking has no personal data; reopen window', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/public/incidents', payload: { category: 'jalan_rusak', ...AT, description: 'Lubang besar di tengah jalan', reporter: { name: 'Siti', phone: '0813 1111 2222', email: 'siti@example.id', anonymous: false } } });
      assert.equal(res.statusCode, 201, res.body);
      const { ticket, reopenCode } = res.json();
      const inc = (await t.as(op)({ method: 'GET', url: `/api/incidents?q=${ticket}` })).json().items[0];
      assert.equal(inc.channel, 'web');
      const seg = (m: number, payload: number[]) => [0xff, m, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
      const jpeg = Buffer.from([0xff, 0xd8, ...seg(0xe1, [...Buffer.from('Exif\0\0GPS:-2.2096,113.9137')]), 0xff, 0xda, 0, 4, 1, 2, 0xff, 0xd9]);
      const up = (body: Buffer, type: string) => t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/photos`, payload: body, headers: { 'content-type': type } });
      assert.equal((await up(Buffer.from('GIF89a......'), 'image/jpeg')).statusCode, 415, 'declared JPEG, really GIF');
      assert.equal((await up(Buffer.alloc(5 * 1024 * 1024 + 10, 0xff), 'image/jpeg')).statusCode, 413);
      const ok = await up(jpeg, 'image/jpeg');
      assert.equal(ok.statusCode, 201, ok.body);
      const photoUrl = `/api/incidents/${inc.id}/photos/${ok.json().id}`;
      assert.ok((await t.as(op)({ method: 'GET', url: photoUrl })).rawPayload.toString('latin1').includes('GPS:'), 'operators see the original');
      const pim = await t.signIn({ role: 'pimpinan' });
      const pub = await t.as(pim)({ method: 'GET', url: photoUrl });
      assert.equal(pub.statusCode, 200);
      assert.ok(!pub.rawPayload.toString('latin1').includes('GPS:'), 'others get the stripped copy');

      const tracked = await t.app.inject({ method: 'GET', url: `/api/public/incidents/${ticket}` });
      assert.equal(tracked.statusCode, 200);
      assert.ok(!/Siti|0813|siti@/.test(tracked.body), 'no personal data');
      assert.deepEqual(tracked.json().history.map((h: { status: string }) => h.status), ['received']);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/public/incidents/PTU-000000-AAAAAA' })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/public/incidents/bogus' })).statusCode, 400);
      const reopen = (code: string) => t.app.inject({ method: 'POST', url: `/api/public/incidents/${ticket}/reopen`, payload: { reopenCode: code, reason: 'Lubang masih ada' } });
      assert.equal((await reopen(reopenCode)).statusCode, 409, 'not resolved yet');
      await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/transition`, payload: { to: 'rejected', note: 'uji' } }).then(async (r) => assert.equal(r.statusCode, 200));
      const other = (await t.app.inject({ method: 'POST', url: '/api/public/incidents', payload: { category: 'sampah', ...AT, description: 'Sampah menumpuk di pasar', reporter: null } })).json();
      const oid = (await t.as(op)({ method: 'GET', url: `/api/incidents?q=${other.ticket}` })).json().items[0].id;
      for (const to of ['verified', 'in_progress']) await t.as(op)({ method: 'POST', url: `/api/incidents/${oid}/transition`, payload: { to } });
      await t.as(admin)({ method: 'POST', url: `/api/incidents/${oid}/transition`, payload: { to: 'resolved', overrideSop: true } });
      const again = (code: string) => t.app.inject({ method: 'POST', url: `/api/public/incidents/${other.ticket}/reopen`, payload: { reopenCode: code, reason: 'Belum diangkut' } });
      assert.equal((await again('salah-salah-salah')).statusCode, 403);
      const re = await again(other.reopenCode);
      assert.equal(re.statusCode, 200, re.body);
      assert.equal(re.json().status, 'in_progress');
      await t.as(admin)({ method: 'POST', url: `/api/incidents/${oid}/transition`, payload: { to: 'resolved', overrideSop: true } });
      t.clock.advance(8 * 24 * 60 * MIN);
      assert.equal((await again(other.reopenCode)).statusCode, 409, 'window passed');
    });

    test('stats: counts and durations within the period; CSV; pimpinan allowed, agency not', async () => {
      op = await t.signIn({ role: 'operator' }); // the clock moved past the old session
      const s = await t.as(op)({ method: 'GET', url: '/api/incidents/stats' });
      assert.equal(s.statusCode, 200, s.body);
      const body = s.json();
      assert.ok(body.total >= 3);
      assert.equal(body.byCategory.reduce((n: number, r: { count: number }) => n + r.count, 0), body.total);
      assert.ok(body.firstResponse.count >= 2 && body.firstResponse.p90Minutes >= body.firstResponse.meanMinutes * 0.5);
      assert.ok(body.byAgency.some((r: { key: string }) => r.key === 'Dinas Perhubungan'));
      const csv = await t.as(op)({ method: 'GET', url: '/api/incidents/stats.csv' });
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.match(csv.body, /^dimension,key,value\r\n/);
      assert.equal((await t.as(await t.signIn({ role: 'pimpinan' }))({ method: 'GET', url: '/api/incidents/stats' })).statusCode, 200);
      assert.equal((await t.as(await t.signIn({ role: 'agency_officer', org: 'dishub' }))({ method: 'GET', url: '/api/incidents/stats' })).statusCode, 403);
      assert.equal((await t.as(op)({ method: 'GET', url: '/api/incidents/stats?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z' })).statusCode, 400);
    });
  });
}
