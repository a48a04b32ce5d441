import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';

const body = (code: string, over: Record<string, unknown> = {}) => ({
  code, name: `Kamera ${code}`, regionCode: '62.71.01', lat: -2.2, lng: 113.9, category: 'keramaian', mainUrl: `rtsp://10.0.0.2/${code}`, ...over,
});

for (const kind of DB_KINDS) {
  describe(`camera registry on ${kind}`, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await testApp(kind);
      admin = await t.signIn({ role: 'admin' });
    });
    after(() => t.close());

    test('create → 201, credentials from the URL are stored encrypted and never returned', async () => {
      const res = await t.as(admin)({ method: 'POST', url: '/api/cameras', payload: body('C-1', { mainUrl: 'rtsp://admin:Rahasia99@10.0.0.9:554/live', tags: ['pasar'] }) });
      assert.equal(res.statusCode, 201, res.body);
      const cam = res.json();
      assert.equal(cam.mainUrl, 'rtsp://10.0.0.9:554/live');
      assert.equal(cam.hasCredentials, true);
      assert.ok(!res.body.includes('Rahasia99'));
      const row = await t.db.selectFrom('cameras').selectAll().where('id', '=', cam.id).executeTakeFirstOrThrow();
      assert.ok(row.credentials_enc && !row.credentials_enc.includes('Rahasia99') && !row.main_url.includes('Rahasia99'));
      const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', cam.id).execute();
      assert.deepEqual(audit.map((a) => a.action), ['camera.create']);
      assert.ok(!JSON.stringify(audit).includes('Rahasia99'));
    });

    test('duplicate code → 409; unknown region or organization → 400; nothing written', async () => {
      await t.as(admin)({ method: 'POST', url: '/api/cameras', payload: body('C-2') });
      const dup = await t.as(admin)({ method: 'POST', url: '/api/cameras', payload: body('C-2') });
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().error.code, 'conflict');
      const badRegion = await t.as(admin)({ method: 'POST', url: '/api/cameras', payload: body('C-3', { regionCode: '33.74' }) });
      assert.equal(badRegion.statusCode, 400);
      assert.equal(badRegion.json().error.details[0].path, 'body.regionCode');
      const badOrg = await t.as(admin)({ method: 'POST', url: '/api/cameras', payload: body('C-3', { organizationId: '00000000-0000-4000-8000-000000000000' }) });
      assert.equal(badOrg.statusCode, 400);
      const n = await t.db.selectFrom('cameras').select('id').where('code', '=', 'C-3').execute();
      assert.equal(n.length, 0);
    });

    test('get, update, delete with 200/404 and audit', async () => {
      const cam = (await t.as(admin)({ method: 'POST', url: '/api/cameras', payload: body('C-4') })).json();
      const got = await t.as(admin)({ method: 'GET', url: `/api/cameras/${cam.id}` });
      assert.equal(got.statusCode, 200);
      const upd = await t.as(admin)({ method: 'PATCH', url: `/api/cameras/${cam.id}`, payload: { name: 'Kamera Baru', visibility: 'public', username: 'u', password: 'p' } });
      assert.equal(upd.statusCode, 200);
      assert.equal(upd.json().name, 'Kamera Baru');
      assert.equal(upd.json().hasCredentials, true);
      const clear = await t.as(admin)({ method: 'PATCH', url: `/api/cameras/${cam.id}`, payload: { username: null, password: null } });
      assert.equal(clear.json().hasCredentials, false);
      assert.equal((await t.as(admin)({ method: 'DELETE', url: `/api/cameras/${cam.id}` })).statusCode, 204);
      assert.equal((await t.as(admin)({ method: 'GET', url: `/api/cameras/${cam.id}` })).statusCode, 404);
      assert.equal((await t.as(admin)({ method: 'DELETE', url: `/api/cameras/${cam.id}` })).statusCode, 404);
      assert.equal((await t.as(admin)({ method: 'GET', url: '/api/cameras/not-a-uuid' })).statusCode, 400);
      const actions = (await t.db.selectFrom('audit_log').select('action').where('target_id', '=', cam.id).orderBy('id').execute()).map((r) => r.action);
      assert.deepEqual(actions, ['camera.create', 'camera.update', 'camera.update', 'camera.delete']);
    });

    test('search and filters: text, region prefix, category, status, paging', async () => {
      await t.buildCamera({ code: 'F-1', name: 'Simpang Lima Sampit', regionCode: '62.02', category: 'lalu_lintas' });
      await t.buildCamera({ code: 'F-2', name: 'Pasar Sampit', regionCode: '62.02', category: 'keramaian' });
      await t.buildCamera({ code: 'F-3', name: 'Taman Kecamatan', regionCode: '62.71.03', category: 'ruang_terbuka_hijau', enabled: false });
      const get = async (qs: string) => (await t.as(admin)({ method: 'GET', url: `/api/cameras?${qs}` })).json();
      assert.deepEqual((await get('q=sampit')).items.map((c: { code: string }) => c.code).sort(), ['F-1', 'F-2']);
      assert.deepEqual((await get('regionCode=62.02&category=keramaian')).items.map((c: { code: string }) => c.code), ['F-2']);
      assert.ok((await get('regionCode=62.71')).items.some((c: { code: string }) => c.code === 'F-3'));
      assert.deepEqual((await get('status=disabled')).items.map((c: { code: string }) => c.code), ['F-3']);
      const page = await get('limit=1&offset=0&regionCode=62.02');
      assert.equal(page.items.length, 1);
      assert.equal(page.total, 2);
      assert.equal((await t.as(admin)({ method: 'GET', url: '/api/cameras?limit=5000' })).statusCode, 400);
      assert.equal((await t.as(admin)({ method: 'GET', url: '/api/cameras?category=kebun' })).statusCode, 400);
      const pct = await get(`q=${encodeURIComponent("%' OR 1=1 --")}`);
      assert.equal(pct.total, 0);
      const markers = (await t.as(admin)({ method: 'GET', url: '/api/cameras/markers?regionCode=62.02' })).json();
      assert.deepEqual(Object.keys(markers[0]).sort(), ['category', 'id', 'lat', 'lng', 'name', 'status', 'visibility']);
    });

    test('import commits every row or none, and reports every bad row', async () => {
      const header = 'code,name,region_code,lat,lng,category,organization_code,visibility,main_url,tags';
      const good = `${header}\nI-1,Impor Satu,62.71.01,-2.2,113.9,lalu_lintas,dishub,public,rtsp://admin:pw@10.9.0.1/a,x;y\nI-2,Impor Dua,62.03,-3.0,114.3,keramaian,,internal,rtsp://10.9.0.2/a,`;
      const post = (csv: string | Buffer, dry = false) => t.as(admin)({ method: 'POST', url: `/api/cameras/import?dryRun=${dry}`, headers: { 'content-type': 'text/csv' }, payload: csv });
      const dry = await post(good, true);
      assert.equal(dry.statusCode, 200);
      assert.deepEqual(dry.json(), { ok: true, rows: 2, created: 2, updated: 0, errors: [] });
      assert.equal((await t.db.selectFrom('cameras').select('id').where('code', 'in', ['I-1', 'I-2']).execute()).length, 0, 'dry run writes nothing');
      const bad = `${good}\nI-3,Impor Tiga,99.99,-2,113,lalu_lintas,,public,rtsp://h/x,\nI-4,Impor Empat,62.71,-2,113,lalu_lintas,tidak-ada,public,ftp://h/x,`;
      const res = await post(bad);
      assert.equal(res.statusCode, 400);
      const details = res.json().error.details;
      assert.equal(details.ok, false);
      assert.deepEqual(details.errors.map((e: { line: number; column: string }) => `${e.line}:${e.column}`).sort(), ['4:region_code', '5:main_url', '5:organization_code'].sort());
      assert.equal((await t.db.selectFrom('cameras').select('id').where('code', 'like', 'I-%').execute()).length, 0, 'nothing written on errors');
      const ok = await post(good);
      assert.deepEqual(ok.json(), { ok: true, rows: 2, created: 2, updated: 0, errors: [] });
      const again = await post(good.replace('Impor Dua', 'Impor Dua Baru'));
      assert.deepEqual(again.json(), { ok: true, rows: 2, created: 0, updated: 2, errors: [] });
      const i1 = await t.db.selectFrom('cameras').selectAll().where('code', '=', 'I-1').executeTakeFirstOrThrow();
      assert.equal(i1.main_url, 'rtsp://10.9.0.1/a');
      assert.ok(i1.credentials_enc);
      assert.deepEqual(i1.tags, ['x', 'y']);
      const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'camera.import').execute();
      assert.equal(audit.length, 2);
    });

    test('import refuses other content types and bad encodings without writing', async () => {
      const json = await t.as(admin)({ method: 'POST', url: '/api/cameras/import', payload: { a: 1 } });
      assert.equal(json.statusCode, 415);
      const utf16 = Buffer.from('\ufeffcode,name\n', 'utf16le');
      const res = await t.as(admin)({ method: 'POST', url: '/api/cameras/import', headers: { 'content-type': 'text/csv' }, payload: utf16 });
      assert.equal(res.statusCode, 400);
      assert.match(res.json().error.details.errors[0].message, /UTF-8/);
    });

    test('export streams CSV without passwords and is audited', async () => {
      await t.buildCamera({ code: 'X-1', username: 'viewer', password: 'JanganBocor1' });
      const res = await t.as(admin)({ method: 'GET', url: '/api/cameras/export.csv' });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/csv/);
      assert.ok(res.body.startsWith('code,name,region_code'));
      assert.match(res.body, /X-1,Kamera X-1,62\.71\.01/);
      assert.ok(!res.body.includes('JanganBocor1'));
      const op = await t.signIn({ role: 'operator' });
      const opCsv = await t.as(op)({ method: 'GET', url: '/api/cameras/export.csv' });
      assert.equal(opCsv.statusCode, 200);
      assert.ok(!opCsv.body.includes('rtsp://'), 'operators do not see stream URLs');
      const pim = await t.signIn({ role: 'pimpinan' });
      assert.equal((await t.as(pim)({ method: 'GET', url: '/api/cameras/export.csv' })).statusCode, 403);
    });
  });
}
