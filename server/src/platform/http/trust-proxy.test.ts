import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testApp } from '../../testing/app.ts';

// Behind a reverse proxy every request comes from the proxy's address: the per-IP limits must key on
// the client the proxy names, and only when the proxy is one we were told to trust.
const login = (ip: string, from: string) => ({ method: 'POST' as const, url: '/api/auth/login', remoteAddress: ip, headers: { 'x-forwarded-for': from }, payload: { username: 'nobody', password: 'wrong-password' } });

describe('per-IP limits behind a reverse proxy', () => {
  let trusted: Awaited<ReturnType<typeof testApp>>;
  let direct: Awaited<ReturnType<typeof testApp>>;
  before(async () => {
    trusted = await testApp('pglite', { loginPerMinute: 2, trustProxy: '127.0.0.1' });
    direct = await testApp('pglite', { loginPerMinute: 2 });
  });
  after(async () => {
    await trusted.close();
    await direct.close();
  });

  test('a trusted proxy: each forwarded client has its own budget', async () => {
    const codes = [];
    for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']) codes.push((await trusted.app.inject(login('127.0.0.1', client))).statusCode);
    assert.deepEqual(codes, [401, 401, 401, 401]);
    const same = [];
    for (let i = 0; i < 3; i++) same.push((await trusted.app.inject(login('127.0.0.1', '198.51.100.9'))).statusCode);
    assert.deepEqual(same, [401, 401, 429]);
  });

  test('no trusted proxy: a forwarded header changes nothing, the socket address is the client', async () => {
    const codes = [];
    for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) codes.push((await direct.app.inject(login('127.0.0.1', client))).statusCode);
    assert.deepEqual(codes, [401, 401, 429]);
  });

  test('an untrusted sender cannot pick its own address', async () => {
    const codes = [];
    for (const client of ['203.0.113.5', '203.0.113.6', '203.0.113.7']) codes.push((await trusted.app.inject(login('192.0.2.50', client))).statusCode);
    assert.deepEqual(codes, [401, 401, 429]);
  });
});
