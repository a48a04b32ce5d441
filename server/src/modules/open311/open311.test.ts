// Open311 GeoReport v2 conformance, point by point: discovery, services and definitions, POST with
// api_key, GET with filters and the 90-day window, tokens, servicerequestupdates; errors as arrays
// of {code, description} with 400/403/404; ids as strings; every datetime with a zone; XML
// well-formed and carrying the same data as JSON.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { seedIncidentDefaults } from '../incidents/index.ts';

const TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const AT = { lat: '-2.2096', long: '113.9137' };
const parser = new XMLParser({ parseTagValue: false });

for (const kind of DB_KINDS) {
  describe(`Open311 GeoReport v2 on ${kind}`, () => {
    let t: TestApp;
    let op: Session;
    let apiKey: string;
    let readOnlyKey: string;
    before(async () => {
      t = await testApp(kind);
      await seedIncidentDefaults(t.db, t.tenant.id, t.orgs);
      op = await t.signIn({ role: 'operator' });
      apiKey = (await t.as(op)({ method: 'POST', url: '/api/tokens', payload: { name: 'open311', scopes: ['open311'] } })).json().token;
      readOnlyKey = (await t.as(op)({ method: 'POST', url: '/api/tokens', payload: { name: 'baca', scopes: ['cameras:read'] } })).json().token;
    });
    after(() => t.close());

    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const post = (fields: Record<string, string>, fmt = 'json') =>
      t.app.inject({ method: 'POST', url: `/open311/v2/requests.${fmt}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
    const xml = (body: string) => {
      assert.equal(XMLValidator.validate(body), true, `well-formed XML:\n${body}`);
      return parser.parse(body);
    };
    const isError = (res: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number, fmt: 'json' | 'xml' = 'json') => {
      assert.equal(res.statusCode, status, res.body);
      if (fmt === 'json') {
        const errs = JSON.parse(res.body);
        assert.ok(Array.isArray(errs) && errs.length === 1 && errs[0].code === status && typeof errs[0].description === 'string' && errs[0].description, res.body);
      } else {
        const doc = xml(res.body);
        assert.equal(Number(doc.errors.error.code), status);
      }
    };

    test('discovery in JSON and XML', async () => {
      const j = await get('/open311/discovery.json');
      assert.equal(j.statusCode, 200);
      assert.match(j.headers['content-type'] as string, /application\/json/);
      const d = j.json();
      assert.equal(d.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
      assert.deepEqual(d.endpoints[0].formats, ['text/xml', 'application/json']);
      assert.match(d.changeset, TZ);
      const x = await get('/open311/v2/discovery.xml');
      assert.match(x.headers['content-type'] as string, /text\/xml/);
      assert.deepEqual(xml(x.body).discovery.endpoints.endpoint.formats.format, ['text/xml', 'application/json']);
    });

    test('services: the same list in JSON and XML; definitions with attributes; 404 for unknown service and jurisdiction', async () => {
      const list = (await get('/open311/v2/services.json')).json();
      assert.ok(list.length >= 12);
      const fire = list.find((s: { service_code: string }) => s.service_code === 'kebakaran');
      assert.deepEqual(Object.keys(fire).sort(), ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
      assert.equal(fire.metadata, true);
      assert.equal(fire.type, 'realtime');
      const x = xml((await get('/open311/v2/services.xml')).body).services.service;
      assert.equal(x.length, list.length);
      assert.deepEqual(x.map((s: { service_code: string }) => s.service_code), list.map((s: { service_code: string }) => s.service_code));
      assert.equal(x[0].metadata, 'true');
      const def = (await get('/open311/v2/services/kecelakaan_lalu_lintas.json')).json();
      assert.equal(def.service_code, 'kecelakaan_lalu_lintas');
      assert.ok(def.attributes.some((a: { code: string; required: boolean; datatype: string }) => a.code === 'korban' && a.required && a.datatype === 'number'));
      const dx = xml((await get('/open311/v2/services/banjir.xml')).body).service_definition;
      const water = dx.attributes.attribute.find((a: { code: string }) => a.code === 'tinggi_air');
      assert.equal(water.values.value.length, 3);
      isError(await get('/open311/v2/services/tidak_ada.json'), 404);
      isError(await get('/open311/v2/services/tidak_ada.xml'), 404, 'xml');
      isError(await get('/open311/v2/services.json?jurisdiction_id=mars'), 404);
    });

    let created = '';
    test('POST requests: 403 without or with a bad api_key, 400 for missing fields and bad attributes, 404 unknown service, then a string id', async () => {
      const base = { service_code: 'kecelakaan_lalu_lintas', ...AT, description: 'Tabrakan dua motor', 'attribute[korban]': '2', email: 'warga@example.id', first_name: 'Ani', phone: '0812 9999 0000' };
      isError(await post({ ...base }), 403);
      isError(await post({ ...base, api_key: 'pnt_salah' }), 403);
      isError(await post({ ...base, api_key: readOnlyKey }), 403);
      isError(await post({ ...base }, 'xml'), 403, 'xml');
      const { service_code: _s, ...noService } = base;
      isError(await post({ ...noService, api_key: apiKey }), 400);
      isError(await post({ ...base, service_code: 'tidak_ada', api_key: apiKey }), 404);
      const { lat: _a, long: _b, ...noPlace } = base;
      isError(await post({ ...noPlace, api_key: apiKey }), 400);
      isError(await post({ ...noPlace, address_string: 'Jl. Tjilik Riwut', api_key: apiKey }), 400);
      isError(await post({ ...base, 'attribute[korban]': '', api_key: apiKey }), 400);
      isError(await post({ ...base, 'attribute[korban]': 'dua', api_key: apiKey }), 400);
      isError(await post({ ...base, 'attribute[warna]': 'merah', api_key: apiKey }), 400);
      isError(await post({ ...base, lat: '95', api_key: apiKey }), 400);
      isError(await post({ ...base, api_key: apiKey, jurisdiction_id: 'mars' }), 404);
      const ok = await post({ ...base, api_key: apiKey });
      assert.equal(ok.statusCode, 200, ok.body);
      const [r] = ok.json();
      assert.equal(typeof r.service_request_id, 'string');
      assert.match(r.service_request_id, /^PTU-/);
      created = r.service_request_id;
      isError(await post({ ...base, service_code: 'banjir', 'attribute[tinggi_air]': 'selutut', api_key: apiKey }, 'xml'), 400, 'xml'); // korban is not an attribute of banjir
      isError(await post({ service_code: 'banjir', ...AT, 'attribute[tinggi_air]': 'sedada', api_key: apiKey }), 400);
      const okXml = await post({ service_code: 'banjir', ...AT, 'attribute[tinggi_air]': 'selutut', api_key: apiKey }, 'xml');
      assert.equal(okXml.statusCode, 200, okXml.body);
      assert.match(String(xml(okXml.body).service_requests.request.service_request_id), /^PTU-/);
      const stored = await t.db.selectFrom('incidents').select(['channel', 'open311_attributes', 'reporter_email']).where('ticket', '=', created).executeTakeFirstOrThrow();
      assert.deepEqual(stored, { channel: 'open311', open311_attributes: { korban: '2' }, reporter_email: 'warga@example.id' });
    });

    test('GET requests: published requests only, no personal data, zones on every datetime, filters, 90-day window, JSON = XML', async () => {
      const call = await t.as(op)({ method: 'POST', url: '/api/incidents', payload: { category: 'kebakaran', lat: -2.2, lng: 113.9, description: 'panggilan 112 rahasia' } });
      assert.equal(call.statusCode, 201);
      const res = await get('/open311/v2/requests.json');
      assert.equal(res.statusCode, 200);
      const list = res.json();
      assert.ok(list.some((r: { service_request_id: string }) => r.service_request_id === created));
      assert.ok(!res.body.includes('panggilan 112 rahasia'), '112 calls are not published');
      assert.ok(!/warga@example|0812 9999|Ani/.test(res.body), 'no personal data');
      for (const r of list) {
        assert.equal(typeof r.service_request_id, 'string');
        for (const k of ['requested_datetime', 'updated_datetime', 'expected_datetime']) assert.match(r[k], TZ, k);
        assert.ok(r.status === 'open' || r.status === 'closed');
        assert.equal(typeof r.lat, 'number');
      }
      const x = xml((await get('/open311/v2/requests.xml')).body).service_requests.request;
      const xs = Array.isArray(x) ? x : [x];
      assert.deepEqual(xs.map((r: { service_request_id: string }) => r.service_request_id), list.map((r: { service_request_id: string }) => r.service_request_id));
      const one = list.find((r: { service_request_id: string }) => r.service_request_id === created);
      const oneX = xs.find((r: { service_request_id: string }) => r.service_request_id === created);
      for (const [k, v] of Object.entries(one)) assert.equal(String(oneX[k]), String(v), `XML ${k}`);

      assert.equal((await get('/open311/v2/requests.json?service_code=banjir')).json().every((r: { service_code: string }) => r.service_code === 'banjir'), true);
      assert.equal((await get('/open311/v2/requests.json?status=closed')).json().length, 0);
      isError(await get('/open311/v2/requests.json?status=pending'), 400);
      isError(await get('/open311/v2/requests.json?start_date=2026-01-01'), 400);
      isError(await get('/open311/v2/requests.xml?start_date=kemarin'), 400, 'xml');
      assert.deepEqual((await get(`/open311/v2/requests.json?service_request_id=${created}&status=closed`)).json().map((r: { service_request_id: string }) => r.service_request_id), [created], 'id ignores other filters');
      t.clock.advance(91 * 86_400_000);
      assert.equal((await get('/open311/v2/requests.json')).json().length, 0, 'outside the default 90 days');
      const since = new Date(Date.now() - 86_400_000).toISOString();
      assert.ok((await get(`/open311/v2/requests.json?start_date=${encodeURIComponent(since)}&end_date=${encodeURIComponent(new Date(t.clock.now()).toISOString())}`)).json().length >= 2);
    });

    test('GET one request and a token; 404 for unknown ids', async () => {
      const one = await get(`/open311/v2/requests/${created}.json`);
      assert.equal(one.statusCode, 200);
      assert.equal(one.json().length, 1);
      assert.equal(xml((await get(`/open311/v2/requests/${created}.xml`)).body).service_requests.request.service_request_id, created);
      isError(await get('/open311/v2/requests/PTU-000000-AAAAAA.json'), 404);
      isError(await get('/open311/v2/requests/PTU-000000-AAAAAA.xml'), 404, 'xml');
      assert.deepEqual((await get(`/open311/v2/tokens/${created}.json`)).json(), [{ service_request_id: created, token: created }]);
      isError(await get('/open311/v2/tokens/tidak-ada.json'), 404);
      isError(await get(`/open311/v2/requests/${created}.csv`), 404);
    });

    test('servicerequestupdates: the lifecycle in mySociety statuses, with zones', async () => {
      const id = (await t.db.selectFrom('incidents').select('id').where('ticket', '=', created).executeTakeFirstOrThrow()).id;
      op = await t.signIn({ role: 'operator' });
      const admin = await t.signIn({ role: 'admin' });
      await t.as(op)({ method: 'POST', url: `/api/incidents/${id}/transition`, payload: { to: 'verified' } });
      await t.as(op)({ method: 'POST', url: `/api/incidents/${id}/dispatch`, payload: {} });
      await t.as(admin)({ method: 'POST', url: `/api/incidents/${id}/transition`, payload: { to: 'resolved', overrideSop: true } });
      const u = (await get('/open311/v2/servicerequestupdates.json')).json().filter((x: { service_request_id: string }) => x.service_request_id === created);
      assert.deepEqual(u.map((x: { status: string }) => x.status), ['INVESTIGATING', 'ACTION_SCHEDULED', 'FIXED']);
      for (const x of u) {
        assert.match(x.updated_datetime, TZ);
        assert.equal(typeof x.update_id, 'string');
      }
      const ux = xml((await get('/open311/v2/servicerequestupdates.xml')).body).service_request_updates.request_update;
      assert.ok((Array.isArray(ux) ? ux : [ux]).some((x: { status: string }) => x.status === 'FIXED'));
      assert.equal((await get(`/open311/v2/requests/${created}.json`)).json()[0].status, 'closed');
      isError(await get('/open311/v2/servicerequestupdates.json?start_date=x'), 400);
    });
  });
}
