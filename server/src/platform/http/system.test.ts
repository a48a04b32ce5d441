import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';

describe('system endpoints', () => {
  let t: TestApp;
  before(async () => (t = await testApp('pglite')));
  after(() => t.close());

  test('health, readiness and metrics', async () => {
    assert.deepEqual((await t.app.inject({ url: '/healthz' })).json(), { status: 'ok' });
    assert.deepEqual((await t.app.inject({ url: '/readyz' })).json(), { status: 'ready' });
    await t.app.inject({ url: '/api/regions' });
    const m = await t.app.inject({ url: '/metrics' });
    assert.equal(m.statusCode, 200);
    assert.match(m.body, /pantau_process_cpu_user_seconds_total/);
    assert.match(m.body, /pantau_http_request_duration_seconds_count\{method="GET",route="\/api\/regions",status="401"\} 1/);
  });

  test('OpenAPI document lists every API route with its schemas', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json();
    assert.equal(doc.openapi.startsWith('3.'), true);
    for (const p of ['/api/auth/login', '/api/cameras', '/api/cameras/{id}', '/api/cameras/import', '/api/users', '/api/tokens', '/api/audit', '/api/regions']) assert.ok(doc.paths[p], p);
    assert.ok(doc.paths['/api/cameras'].post.requestBody.content['application/json'].schema.properties.mainUrl);
    const ui = await t.app.inject({ url: '/api/docs' });
    assert.ok([200, 302].includes(ui.statusCode));
  });

  test('public config carries no secrets', async () => {
    const c = (await t.app.inject({ url: '/api/config/public' })).json();
    assert.deepEqual(Object.keys(c).sort(), ['mapAttribution', 'mapTileUrl']);
  });
});
