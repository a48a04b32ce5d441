import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type TestApp } from '../../testing/app.ts';
import { seedOpendataDemo } from './index.ts';

/**
 * Drives /api/3/action the way CKAN clients do: the requests are those of CKAN's API guide
 * ("Making an API request", package_search with q/fq/facet.field, datastore_search with filters
 * and q, following `_links.next`), by GET with a query string and by POST with a JSON body.
 */
for (const kind of DB_KINDS) {
  describe(`CKAN action API conformance on ${kind}`, () => {
    let t: TestApp;
    const get = async (path: string) => {
      const res = await t.app.inject({ method: 'GET', url: path, headers: { host: 'data.kalteng.test' } });
      return { status: res.statusCode, body: res.json() };
    };
    const post = async (action: string, payload: unknown) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/3/action/${action}`, payload: payload as object, headers: { host: 'data.kalteng.test' } });
      return { status: res.statusCode, body: res.json() };
    };
    before(async () => {
      t = await testApp(kind);
      await seedOpendataDemo(t.system, t.orgs, t.services.opendata, t.services.resources);
    });
    after(() => t.close());

    test('envelope, status_show and package_list (published only)', async () => {
      const s = await get('/api/3/action/status_show');
      assert.equal(s.status, 200);
      assert.equal(s.body.success, true);
      assert.equal(s.body.help, 'http://data.kalteng.test/api/3/action/help_show?name=status_show');
      assert.match(s.body.result.ckan_version, /^2\.\d+/);
      const list = await get('/api/3/action/package_list');
      assert.deepEqual(list.body.result, ['curah-hujan-bulanan-palangka-raya', 'jumlah-penduduk-kabupaten-kota'], 'the road dataset in review is not listed');
    });

    test('package_search: q, fq, rows/start, sort, facet.field (GET and POST alike)', async () => {
      const q = await get('/api/3/action/package_search?q=penduduk');
      assert.equal(q.body.result.count, 1);
      assert.equal(q.body.result.results[0].name, 'jumlah-penduduk-kabupaten-kota');
      const fq = await get(`/api/3/action/package_search?fq=${encodeURIComponent('organization:bpbd res_format:CSV')}&facet.field=${encodeURIComponent('["organization","tags","res_format"]')}`);
      assert.equal(fq.body.result.count, 1);
      assert.deepEqual(fq.body.result.facets.organization, { bpbd: 1 });
      assert.deepEqual(fq.body.result.search_facets.organization.items, [{ name: 'bpbd', display_name: 'Badan Penanggulangan Bencana Daerah', count: 1 }]);
      const viaPost = await post('package_search', { q: 'tags:cuaca', rows: 1, start: 0, sort: 'metadata_modified desc' });
      assert.equal(viaPost.body.result.count, 1);
      const paged = await post('package_search', { rows: 1, start: 1, sort: 'name asc' });
      assert.deepEqual([paged.body.result.count, paged.body.result.results.map((r: { name: string }) => r.name)], [2, ['jumlah-penduduk-kabupaten-kota']]);
      const bad = await get('/api/3/action/package_search?rows=5000');
      assert.equal(bad.status, 409);
      assert.equal(bad.body.error.__type, 'Validation Error');
      assert.ok(bad.body.error.rows);
      assert.equal((await get('/api/3/action/package_search?sort=popularity%20desc')).status, 409);
    });

    test('package_show, organization_*, group_*, tag_list and resource_show shapes', async () => {
      const p = (await get('/api/3/action/package_show?id=jumlah-penduduk-kabupaten-kota')).body.result;
      for (const key of ['id', 'name', 'title', 'notes', 'license_id', 'license_title', 'metadata_created', 'metadata_modified', 'owner_org', 'organization', 'resources', 'tags', 'groups', 'extras', 'num_resources', 'num_tags', 'state', 'type', 'private']) assert.ok(key in p, key);
      assert.equal(p.organization.name, 'diskominfo');
      assert.deepEqual(p.tags.map((x: { name: string }) => x.name), ['penduduk', 'sensus']);
      assert.ok(p.extras.some((e: { key: string; value: string }) => e.key === 'satuan' && e.value === 'jiwa'));
      const res = p.resources[0];
      assert.equal(res.datastore_active, true);
      assert.equal(res.url, `http://data.kalteng.test/api/public/opendata/resources/${res.id}/download.csv`);
      assert.equal((await get(`/api/3/action/package_show?id=${p.id}`)).body.result.name, p.name, 'by id as well as by name');
      assert.deepEqual((await get(`/api/3/action/resource_show?id=${res.id}`)).body.result.package_id, p.id);
      const orgs = (await get('/api/3/action/organization_list?all_fields=true&sort=package_count%20desc')).body.result;
      assert.equal(orgs[0].package_count, 1);
      assert.ok((await get('/api/3/action/organization_list')).body.result.includes('dinkes'));
      const org = (await post('organization_show', { id: 'bpbd', include_datasets: true })).body.result;
      assert.deepEqual(org.packages.map((x: { name: string }) => x.name), ['curah-hujan-bulanan-palangka-raya']);
      assert.deepEqual((await get('/api/3/action/group_list')).body.result, ['infrastruktur', 'kependudukan', 'kesehatan', 'lingkungan']);
      assert.equal((await get('/api/3/action/group_show?id=kependudukan')).body.result.package_count, 1);
      assert.deepEqual((await get('/api/3/action/tag_list')).body.result, ['cuaca', 'curah hujan', 'karhutla', 'penduduk', 'sensus'], 'tags of unpublished datasets stay hidden');
    });

    test('errors: 404 Not Found Error, 409 Validation Error, 403 Authorization Error, 400 unknown action', async () => {
      const nf = await get('/api/3/action/package_show?id=kondisi-jalan-provinsi');
      assert.equal(nf.status, 404, 'a dataset in review does not exist for CKAN clients');
      assert.deepEqual([nf.body.success, nf.body.error.__type], [false, 'Not Found Error']);
      const missing = await get('/api/3/action/package_show');
      assert.equal(missing.status, 409);
      assert.deepEqual(missing.body.error.id, ['Missing value']);
      const write = await post('package_create', { name: 'baru' });
      assert.deepEqual([write.status, write.body.error.__type], [403, 'Authorization Error']);
      const unknown = await get('/api/3/action/package_frobnicate');
      assert.deepEqual([unknown.status, unknown.body.success], [400, false]);
      assert.match(unknown.body.error.message, /Action name not known/);
    });

    test('datastore_search: fields, records, total, filters, q, sort and _links paging to the end', async () => {
      const pkg = (await get('/api/3/action/package_show?id=jumlah-penduduk-kabupaten-kota')).body.result;
      const rid = pkg.resources[0].id;
      const first = (await get(`/api/3/action/datastore_search?resource_id=${rid}&limit=5`)).body.result;
      assert.deepEqual(first.fields.slice(0, 2), [{ id: '_id', type: 'int' }, { id: 'kode_wilayah', type: 'text' }]);
      assert.deepEqual([first.total, first.records.length, first.limit], [14, 5, 5]);
      assert.equal(first._links.start, `/api/3/action/datastore_search?resource_id=${rid}&limit=5`);
      let next = first._links.next as string;
      let seen = first.records.length;
      for (let guard = 0; guard < 10; guard++) {
        const page = (await get(next)).body.result;
        if (page.records.length === 0) break;
        seen += page.records.length;
        next = page._links.next;
      }
      assert.equal(seen, 14, 'following _links.next visits every row once');
      const filtered = await post('datastore_search', { resource_id: rid, filters: { kode_wilayah: ['62.71', '62.02'] }, sort: 'penduduk desc', fields: 'kabupaten_kota,penduduk' });
      assert.deepEqual(filtered.body.result.records, [{ kabupaten_kota: 'Kotawaringin Timur', penduduk: 428900 }, { kabupaten_kota: 'Palangka Raya', penduduk: 293500 }]);
      const ft = (await get(`/api/3/action/datastore_search?resource_id=${rid}&q=Kapuas`)).body.result;
      assert.deepEqual([ft.total, ft.records[0].kode_wilayah], [1, '62.03']);
      const badField = await post('datastore_search', { resource_id: rid, filters: { nope: 1 } });
      assert.deepEqual([badField.status, badField.body.error.__type], [409, 'Validation Error']);
      assert.ok(badField.body.error.filters);
      assert.equal((await get('/api/3/action/datastore_search?resource_id=00000000-0000-4000-8000-000000000000')).status, 404);
      assert.equal((await get('/api/3/action/datastore_search')).status, 409);
    });

    test('DCAT-AP catalog lists the published datasets with distributions', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/catalog.jsonld', headers: { host: 'data.kalteng.test' } });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /application\/ld\+json/);
      const cat = res.json();
      assert.equal(cat['@type'], 'dcat:Catalog');
      assert.equal(cat['dcat:dataset'].length, 2);
      const ds = cat['dcat:dataset'].find((d: { 'dct:title': string }) => d['dct:title'].startsWith('Curah'));
      assert.equal(ds['dct:accrualPeriodicity']['@id'], 'http://publications.europa.eu/resource/authority/frequency/MONTHLY');
      assert.match(ds['dcat:distribution'][0]['dcat:downloadURL']['@id'], /download\.csv$/);
    });
  });
}
