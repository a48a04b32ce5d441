import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';

/** Bad input gets a coded 4xx and writes nothing. */
describe('bad input', () => {
  let t: TestApp;
  let admin: Session;
  let before0: number;
  before(async () => {
    t = await testApp('pglite');
    admin = await t.signIn({ role: 'admin' });
    before0 = (await t.db.selectFrom('cameras').select('id').execute()).length;
  });
  after(() => t.close());

  const post = (payload: string | object, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    t.as(admin)({ method: 'POST', url: '/api/cameras', payload, headers });
  const valid = { code: 'OK-1', name: 'Kamera Sah', regionCode: '62.71', lat: -2.2, lng: 113.9, category: 'lainnya', mainUrl: 'rtsp://10.0.0.1/ok' };

  const expectError = (res: { statusCode: number; json(): any }, status: number, code: string) => {
    assert.equal(res.statusCode, status);
    const body = res.json();
    assert.equal(body.error.code, code);
    assert.equal(typeof body.error.message, 'string');
  };

  test('malformed JSON → 400 bad_request', async () => expectError(await post('{"code": "A",'), 400, 'bad_request'));
  test('wrong types → 400 validation_failed with paths', async () => {
    const res = await post({ ...valid, lat: '-2.2', enabled: 'yes' });
    expectError(res, 400, 'validation_failed');
    assert.deepEqual(res.json().error.details.map((d: { path: string }) => d.path).sort(), ['body.enabled', 'body.lat']);
  });
  test('unknown fields → 400', async () => {
    const res = await post({ ...valid, credentials_enc: 'x' });
    expectError(res, 400, 'validation_failed');
  });
  test('oversize body → 413', async () => expectError(await post({ ...valid, name: 'x'.repeat(2 * 1024 * 1024) }), 413, 'payload_too_large'));
  test('unsupported content type → 415', async () => expectError(await post('code=A', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type'));
  test('SQL-looking strings are just text', async () => {
    const res = await post({ ...valid, code: 'SQL-1', name: "Robert'); DROP TABLE cameras;--", address: "' OR '1'='1" });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().name, "Robert'); DROP TABLE cameras;--");
    const search = await t.as(admin)({ method: 'GET', url: `/api/cameras?q=${encodeURIComponent("' OR '1'='1")}` });
    assert.equal(search.json().total, 1);
  });
  test('out-of-range and non-RTSP values → 400', async () => {
    expectError(await post({ ...valid, code: 'R-1', lat: 91 }), 400, 'validation_failed');
    expectError(await post({ ...valid, code: 'R-2', mainUrl: 'http://10.0.0.1/x' }), 400, 'validation_failed');
    expectError(await post({ ...valid, code: 'bad code!' }), 400, 'validation_failed');
    expectError(await post({ ...valid, code: 'R-3', regionCode: '62.7' }), 400, 'validation_failed');
  });
  test('unknown routes → 404 JSON; query junk → 400', async () => {
    expectError(await t.as(admin)({ method: 'GET', url: '/api/nope' }), 404, 'not_found');
    expectError(await t.as(admin)({ method: 'GET', url: '/api/cameras?offset=-1' }), 400, 'validation_failed');
  });
  test('nothing but the SQL-looking camera was written', async () => {
    const after0 = (await t.db.selectFrom('cameras').select('code').execute()).map((r) => r.code);
    assert.equal(after0.length, before0 + 1);
    assert.ok(after0.includes('SQL-1'));
  });
});
