import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';

const CSV = 'kode_wilayah,kabupaten,penduduk\n62.01,Kotawaringin Barat,270400\n62.71,Palangka Raya,293500\n';

for (const kind of DB_KINDS) {
  describe(`data bank datasets and the walidata flow on ${kind}`, () => {
    let t: TestApp;
    let walidata: Session;
    let dinkes: Session;
    let pupr: Session;
    let pimpinan: Session;
    let dinkesOrg: string;
    const body = (over: Record<string, unknown> = {}) => ({ name: 'fasilitas-kesehatan', title: 'Fasilitas Kesehatan', organizationId: dinkesOrg, regionCode: '62', tags: ['kesehatan'], ...over });
    before(async () => {
      t = await testApp(kind);
      await t.services.opendata.setWalidata(t.system, t.orgs.get('diskominfo')!);
      await t.services.opendata.createGroup(t.system, { name: 'kesehatan', title: 'Kesehatan', description: '' });
      dinkesOrg = t.orgs.get('dinkes')!;
      walidata = await t.signIn({ role: 'data_steward', org: 'diskominfo' });
      dinkes = await t.signIn({ role: 'data_steward', org: 'dinkes' });
      pupr = await t.signIn({ role: 'operator', org: 'pupr' });
      pimpinan = await t.signIn({ role: 'pimpinan' });
    });
    after(() => t.close());

    test('role: walidata is the data_steward of the walidata OPD; admin only sets it', async () => {
      assert.equal((await t.as(walidata)({ method: 'GET', url: '/api/opendata/role' })).json().walidata, true);
      assert.equal((await t.as(dinkes)({ method: 'GET', url: '/api/opendata/role' })).json().walidata, false);
      assert.equal((await t.as(walidata)({ method: 'PUT', url: '/api/opendata/walidata', payload: { organizationId: dinkesOrg } })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/opendata/role' })).statusCode, 401);
    });

    test('produsen data create for their own OPD only: 201, 403, 400, 409', async () => {
      const res = await t.as(dinkes)({ method: 'POST', url: '/api/opendata/datasets', payload: body({ groups: ['kesehatan'] }) });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().state, 'draft');
      assert.equal((await t.as(pupr)({ method: 'POST', url: '/api/opendata/datasets', payload: body({ name: 'lain' }) })).statusCode, 403, 'PUPR cannot create for Dinkes');
      assert.equal((await t.as(pimpinan)({ method: 'POST', url: '/api/opendata/datasets', payload: body({ name: 'lain' }) })).statusCode, 403);
      assert.equal((await t.as(dinkes)({ method: 'POST', url: '/api/opendata/datasets', payload: body() })).statusCode, 409, 'name taken');
      assert.equal((await t.as(dinkes)({ method: 'POST', url: '/api/opendata/datasets', payload: body({ name: 'Bad Name!' }) })).statusCode, 400);
      assert.equal((await t.as(dinkes)({ method: 'POST', url: '/api/opendata/datasets', payload: body({ name: 'x-grup', groups: ['tidak-ada'] }) })).statusCode, 400);
    });

    test('a produsen edits only its OPD\'s datasets, only in draft; only walidata publish; the public sees published only', async () => {
      const d = (await t.as(dinkes)({ method: 'POST', url: '/api/opendata/datasets', payload: body({ name: 'imunisasi', title: 'Cakupan Imunisasi' }) })).json();
      assert.equal((await t.as(pupr)({ method: 'PATCH', url: `/api/opendata/datasets/${d.id}`, payload: { title: 'Diubah PUPR' } })).statusCode, 404, 'a draft of another OPD is not even visible');
      assert.equal((await t.as(dinkes)({ method: 'PATCH', url: `/api/opendata/datasets/${d.id}`, payload: { title: 'Cakupan Imunisasi Dasar' } })).statusCode, 200);
      // submit needs a resource
      assert.equal((await t.as(dinkes)({ method: 'POST', url: `/api/opendata/datasets/${d.id}/transition`, payload: { action: 'submit' } })).statusCode, 409);
      const up = await t.as(dinkes)({ method: 'POST', url: `/api/opendata/datasets/${d.id}/resources/upload?name=Data`, headers: { 'content-type': 'text/csv' }, payload: CSV });
      assert.equal(up.statusCode, 201, up.body);
      assert.equal((await t.as(dinkes)({ method: 'POST', url: `/api/opendata/datasets/${d.id}/transition`, payload: { action: 'submit' } })).statusCode, 200);
      assert.equal((await t.as(dinkes)({ method: 'PATCH', url: `/api/opendata/datasets/${d.id}`, payload: { title: 'Saat ditinjau' } })).statusCode, 409, 'locked while in review');
      assert.equal((await t.as(dinkes)({ method: 'POST', url: `/api/opendata/datasets/${d.id}/transition`, payload: { action: 'verify' } })).statusCode, 403, 'a produsen does not verify');
      assert.equal((await t.as(walidata)({ method: 'POST', url: `/api/opendata/datasets/${d.id}/transition`, payload: { action: 'publish' } })).statusCode, 409, 'publish needs verify first');
      assert.equal((await t.as(walidata)({ method: 'POST', url: `/api/opendata/datasets/${d.id}/transition`, payload: { action: 'verify' } })).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/public/opendata/datasets/${d.name}` })).statusCode, 404, 'not public before publishing');
      const pub = await t.as(walidata)({ method: 'POST', url: `/api/opendata/datasets/${d.id}/transition`, payload: { action: 'publish' } });
      assert.equal(pub.json().state, 'published');
      const seen = await t.app.inject({ method: 'GET', url: `/api/public/opendata/datasets/${d.name}` });
      assert.equal(seen.statusCode, 200);
      assert.equal(seen.json().resources[0].rowCount, 2);
      const cat = (await t.app.inject({ method: 'GET', url: '/api/public/opendata/datasets?q=imunisasi' })).json();
      assert.deepEqual(cat.items.map((x: { name: string }) => x.name), ['imunisasi']);
      assert.deepEqual(cat.facets.organization, [{ name: 'dinkes', displayName: 'Dinas Kesehatan', count: 1 }]);
      assert.deepEqual(cat.facets.region, [{ name: '62', displayName: 'Kalimantan Tengah', count: 1 }]);
      // audit trail of the whole flow
      const audit = await t.db.selectFrom('audit_log').select('action').where('target_id', '=', d.id).orderBy('id').execute();
      assert.deepEqual(audit.map((a) => a.action), ['dataset.create', 'dataset.update', 'dataset.resource.upload', 'dataset.submit', 'dataset.verify', 'dataset.publish']);
    });

    test('datastore rows: filter, sort, page, full text, CSV download; unpublished rows stay private', async () => {
      const d = (await t.as(walidata)({ method: 'POST', url: '/api/opendata/datasets', payload: body({ name: 'penduduk', title: 'Penduduk', organizationId: t.orgs.get('diskominfo') }) })).json();
      const r = (await t.as(walidata)({ method: 'POST', url: `/api/opendata/datasets/${d.id}/resources/upload?name=Penduduk`, headers: { 'content-type': 'text/csv' }, payload: CSV + '62.02,Kotawaringin Timur,428900\n' })).json().resource;
      assert.deepEqual(r.fields, [{ id: 'kode_wilayah', type: 'text' }, { id: 'kabupaten', type: 'text' }, { id: 'penduduk', type: 'int' }]);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/public/opendata/resources/${r.id}/data` })).statusCode, 404);
      const page = (await t.as(walidata)({ method: 'GET', url: `/api/opendata/resources/${r.id}/data?sort=penduduk desc&limit=2` })).json();
      assert.equal(page.total, 3);
      assert.deepEqual(page.records.map((x: { penduduk: number }) => x.penduduk), [428900, 293500]);
      const f = (await t.as(walidata)({ method: 'GET', url: `/api/opendata/resources/${r.id}/data?filters=${encodeURIComponent('{"kode_wilayah":"62.71"}')}` })).json();
      assert.deepEqual([f.total, f.records[0].kabupaten], [1, 'Palangka Raya']);
      const q = (await t.as(walidata)({ method: 'GET', url: `/api/opendata/resources/${r.id}/data?q=Timur` })).json();
      assert.equal(q.total, 1);
      assert.equal((await t.as(walidata)({ method: 'GET', url: `/api/opendata/resources/${r.id}/data?filters=${encodeURIComponent('{"penduduk":"banyak"}')}` })).statusCode, 400);
      assert.equal((await t.as(walidata)({ method: 'GET', url: `/api/opendata/resources/${r.id}/data?sort=nope` })).statusCode, 400);
      const csv = await t.as(walidata)({ method: 'GET', url: `/api/opendata/resources/${r.id}/download.csv?filters=${encodeURIComponent('{"kode_wilayah":["62.01","62.02"]}')}` });
      assert.equal(csv.body, 'kode_wilayah,kabupaten,penduduk\n62.01,Kotawaringin Barat,270400\n62.02,Kotawaringin Timur,428900\n', 'the download re-imports as it came');
      const agg = (await t.as(walidata)({ method: 'GET', url: `/api/opendata/resources/${r.id}/aggregate?x=kabupaten&y=penduduk` })).json();
      assert.equal(agg.length, 3);
      assert.equal((await t.as(pimpinan)({ method: 'GET', url: `/api/opendata/resources/${r.id}/data` })).statusCode, 404, 'pimpinan reads published data only');
    });

    test('groups, walidata setting, links, reject with a note, delete: 201/400/403/404/409 by role', async () => {
      const admin = await t.signIn({ role: 'admin' });
      assert.equal((await t.as(dinkes)({ method: 'POST', url: '/api/opendata/groups', payload: { name: 'ekonomi', title: 'Ekonomi' } })).statusCode, 403);
      assert.equal((await t.as(walidata)({ method: 'POST', url: '/api/opendata/groups', payload: { name: 'ekonomi', title: 'Ekonomi' } })).statusCode, 201);
      assert.equal((await t.as(walidata)({ method: 'POST', url: '/api/opendata/groups', payload: { name: 'ekonomi', title: 'Lagi' } })).statusCode, 409);
      assert.equal((await t.as(walidata)({ method: 'POST', url: '/api/opendata/groups', payload: { name: 'E K', title: 'x' } })).statusCode, 400);
      assert.equal((await t.as(admin)({ method: 'PUT', url: '/api/opendata/walidata', payload: { organizationId: t.tenant.id } })).statusCode, 400, 'not an organization');
      assert.equal((await t.as(admin)({ method: 'PUT', url: '/api/opendata/walidata', payload: { organizationId: t.orgs.get('diskominfo') } })).statusCode, 200);
      const d = (await t.as(dinkes)({ method: 'POST', url: '/api/opendata/datasets', payload: body({ name: 'puskesmas', title: 'Daftar Puskesmas' }) })).json();
      assert.equal((await t.as(dinkes)({ method: 'POST', url: `/api/opendata/datasets/${d.id}/resources`, payload: { name: 'Peta', format: 'pdf', url: 'ftp://x' } })).statusCode, 400);
      const link = await t.as(dinkes)({ method: 'POST', url: `/api/opendata/datasets/${d.id}/resources`, payload: { name: 'Profil', format: 'pdf', url: 'https://dinkes.kalteng.go.id/profil.pdf' } });
      assert.equal(link.statusCode, 201);
      assert.equal((await t.as(dinkes)({ method: 'GET', url: `/api/opendata/datasets/${d.id}` })).json().formats.join(), 'PDF');
      await t.as(dinkes)({ method: 'POST', url: `/api/opendata/datasets/${d.id}/transition`, payload: { action: 'submit' } });
      const back = await t.as(walidata)({ method: 'POST', url: `/api/opendata/datasets/${d.id}/transition`, payload: { action: 'reject', note: 'Lengkapi definisi operasional' } });
      assert.deepEqual([back.json().state, back.json().reviewNote], ['draft', 'Lengkapi definisi operasional']);
      assert.equal((await t.as(dinkes)({ method: 'PATCH', url: `/api/opendata/datasets/${d.id}`, payload: { definisi: 'Fasilitas kesehatan tingkat pertama' } })).statusCode, 200, 'editable again after the return');
      assert.equal((await t.as(dinkes)({ method: 'PATCH', url: `/api/opendata/datasets/${d.id}`, payload: { organizationId: t.orgs.get('pupr') } })).statusCode, 403, 'only walidata move a dataset');
      assert.equal((await t.as(pupr)({ method: 'DELETE', url: `/api/opendata/datasets/${d.id}` })).statusCode, 404);
      assert.equal((await t.as(dinkes)({ method: 'DELETE', url: `/api/opendata/datasets/${d.id}` })).statusCode, 204);
      assert.equal((await t.as(dinkes)({ method: 'GET', url: `/api/opendata/datasets/${d.id}` })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/opendata/datasets' })).statusCode, 401);
      assert.equal((await t.as(pimpinan)({ method: 'GET', url: '/api/opendata/datasets?limit=500' })).statusCode, 400);
    });
  });
}
