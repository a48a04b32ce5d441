import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type TestApp } from '../../testing/app.ts';
import { seedIncidentDefaults } from './incidents.defaults.ts';

/** A tiny JPEG with an Exif (APP1) segment carrying a "GPS" marker. */
const EXIF_JPEG = Buffer.from([
  0xff, 0xd8,
  0xff, 0xe1, 0x00, 0x0c, ...Buffer.from('Exif\0\0GPS!'),
  0xff, 0xdb, 0x00, 0x04, 0x00, 0x01,
  0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0x33,
  0xff, 0xd9,
]);

for (const kind of DB_KINDS) {
  describe(`public report photos on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(kind);
      await seedIncidentDefaults(t.db, t.tenant.id, t.orgs);
    });
    after(() => t.close());

    const report = async () => {
      const res = await t.app.inject({ remoteAddress: `10.2.0.${++ip}`, method: 'POST', url: '/api/public/incidents', payload: { category: 'sampah', lat: -2.21, lng: 113.91, description: 'Tumpukan sampah di tepi sungai', reporter: null } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { ticket: string; reopenCode: string };
    };
    // each call from its own address: the per-IP limit has its own test elsewhere
    let ip = 0;
    const upload = (ticket: string, code: string | null, body: Buffer, type = 'image/jpeg') =>
      t.app.inject({ remoteAddress: `10.1.0.${++ip}`, method: 'POST', url: `/api/public/incidents/${ticket}/photos`, headers: { 'content-type': type, ...(code ? { 'x-reopen-code': code } : {}) }, payload: body });

    test('the reporter adds a photo with the reopen code; the public copy has no EXIF', async () => {
      const r = await report();
      const res = await upload(r.ticket, r.reopenCode, EXIF_JPEG);
      assert.equal(res.statusCode, 201, res.body);
      const row = await t.db.selectFrom('incident_attachments').select(['original', 'public_copy', 'created_by', 'mime']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
      assert.equal(row.mime, 'image/jpeg');
      assert.equal(row.created_by, null);
      assert.ok(Buffer.from(row.original!).includes('GPS!'));
      assert.ok(!Buffer.from(row.public_copy!).includes('GPS!'), 'EXIF stripped');
      const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'incident.photo.attach').execute();
      assert.equal(audit.length, 1);
    });

    test('uploads are limited per IP', async () => {
      const r = await report();
      const codes = [];
      for (let i = 0; i < 11; i++) codes.push((await t.app.inject({ method: 'POST', url: `/api/public/incidents/${r.ticket}/photos`, remoteAddress: '10.9.9.9', headers: { 'content-type': 'image/jpeg', 'x-reopen-code': 'salah-salah-salah' }, payload: EXIF_JPEG })).statusCode);
      assert.equal(codes.at(-1), 429);
    });

    test('wrong or missing code, bad bytes, unknown ticket, too many photos, too late', async () => {
      const r = await report();
      assert.equal((await upload(r.ticket, 'kode-yang-salah-123', EXIF_JPEG)).statusCode, 403);
      assert.equal((await upload(r.ticket, null, EXIF_JPEG)).statusCode, 400);
      assert.equal((await upload(r.ticket, r.reopenCode, Buffer.from('bukan gambar sama sekali'))).statusCode, 415);
      assert.equal((await upload(r.ticket, r.reopenCode, EXIF_JPEG, 'text/plain')).statusCode, 415);
      assert.equal((await upload('PTU-000000-AAAAAA', r.reopenCode, EXIF_JPEG)).statusCode, 404);
      assert.equal((await upload('bukan-tiket', r.reopenCode, EXIF_JPEG)).statusCode, 400);
      for (let i = 0; i < 3; i++) assert.equal((await upload(r.ticket, r.reopenCode, EXIF_JPEG)).statusCode, 201);
      assert.equal((await upload(r.ticket, r.reopenCode, EXIF_JPEG)).statusCode, 409);
      const late = await report();
      t.clock.advance(25 * 3_600_000);
      assert.equal((await upload(late.ticket, late.reopenCode, EXIF_JPEG)).statusCode, 409);
    });

    test('a signed-in official may report without a CSRF token: public writes act for nobody', async () => {
      const s = await t.signIn({ role: 'pimpinan' });
      const res = await t.app.inject({ method: 'POST', url: '/api/public/incidents', headers: { cookie: s.cookie }, payload: { category: 'sampah', lat: -2.21, lng: 113.91, description: 'Sampah menumpuk di pasar', reporter: null } });
      assert.equal(res.statusCode, 201, res.body);
    });
  });
}
