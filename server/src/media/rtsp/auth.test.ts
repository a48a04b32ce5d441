import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { authorizationHeader, chooseChallenge, parseWwwAuthenticate, type AuthChallenge } from './auth.ts';

const digest = (over: Partial<Extract<AuthChallenge, { scheme: 'digest' }>>): AuthChallenge => ({
  scheme: 'digest', realm: '', nonce: '', opaque: null, algorithm: 'MD5', algorithmGiven: false, qop: null, stale: false, ...over,
});

describe('parseWwwAuthenticate', () => {
  const table: { name: string; values: string[]; out: AuthChallenge[] }[] = [
    { name: 'Basic', values: ['Basic realm="IP Camera"'], out: [{ scheme: 'basic', realm: 'IP Camera' }] },
    {
      name: 'Hikvision-style Digest + Basic headers',
      values: ['Digest realm="IP Camera(C1234)", nonce="4f5a6b7c8d9e", stale="FALSE"', 'Basic realm="IP Camera(C1234)"'],
      out: [digest({ realm: 'IP Camera(C1234)', nonce: '4f5a6b7c8d9e' }), { scheme: 'basic', realm: 'IP Camera(C1234)' }],
    },
    {
      name: 'two challenges in one header, qop list, opaque, algorithm, stale',
      values: ['Digest realm="r", qop="auth,auth-int", nonce="n", opaque="o", algorithm=MD5-sess, stale=TRUE, Basic realm="b"'],
      out: [digest({ realm: 'r', nonce: 'n', opaque: 'o', algorithm: 'MD5-sess', algorithmGiven: true, qop: 'auth', stale: true }), { scheme: 'basic', realm: 'b' }],
    },
    { name: 'escaped quote and comma in realm', values: ['Digest realm="a \\"b\\", c", nonce=abc'], out: [digest({ realm: 'a "b", c', nonce: 'abc' })] },
    { name: 'SHA-256 (RFC 7616)', values: ['Digest realm="r", nonce="n", algorithm=SHA-256, qop="auth"'], out: [digest({ realm: 'r', nonce: 'n', algorithm: 'SHA-256', algorithmGiven: true, qop: 'auth' })] },
    { name: 'unsupported: auth-int only, unknown algorithm, no nonce, other scheme', values: ['Digest realm="r", nonce="n", qop="auth-int"', 'Digest realm="r", nonce="n", algorithm=SHA-512-256', 'Digest realm="r"', 'Negotiate abc=='], out: [] },
    { name: 'garbage', values: ['=,"""', ''], out: [] },
  ];
  for (const c of table) test(c.name, () => assert.deepEqual(parseWwwAuthenticate(c.values), c.out));

  test('fuzz: never throws', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 4 }), (values) => void parseWwwAuthenticate(values)));
  });
});

describe('chooseChallenge', () => {
  test('Digest over Basic, SHA-256 over MD5, null when none', () => {
    const md5 = digest({ nonce: 'a' });
    const sha = digest({ nonce: 'b', algorithm: 'SHA-256' });
    assert.equal(chooseChallenge([{ scheme: 'basic', realm: '' }, md5]), md5);
    assert.equal(chooseChallenge([md5, sha, { scheme: 'basic', realm: '' }]), sha);
    assert.equal(chooseChallenge([]), null);
  });
});

describe('authorizationHeader', () => {
  test('Basic', () => {
    assert.equal(authorizationHeader({ scheme: 'basic', realm: '' }, { username: 'Aladdin', password: 'open sesame', method: 'DESCRIBE', uri: 'rtsp://x', cnonce: '', nonceCount: 1 }), 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
  });

  test('RFC 2617 §3.5 example (MD5, qop=auth)', () => {
    const ch = digest({ realm: 'testrealm@host.com', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', opaque: '5ccc069c403ebaf9f0171e9517f40e41', qop: 'auth' });
    const h = authorizationHeader(ch, { username: 'Mufasa', password: 'Circle Of Life', method: 'GET', uri: '/dir/index.html', cnonce: '0a4f113b', nonceCount: 1 });
    assert.equal(
      h,
      'Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41", qop=auth, nc=00000001, cnonce="0a4f113b"',
    );
  });

  const rfc7616 = { realm: 'http-auth@example.org', nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v', opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS', qop: 'auth' as const, algorithmGiven: true };
  const input = { username: 'Mufasa', password: 'Circle of Life', method: 'GET', uri: '/dir/index.html', cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ', nonceCount: 1 };
  test('RFC 7616 §3.9.1 example, MD5', () => {
    assert.match(authorizationHeader(digest({ ...rfc7616, algorithm: 'MD5' }), input), /response="8ca523f5e9506fed4657c9700eebdbec", algorithm=MD5, /);
  });
  test('RFC 7616 §3.9.1 example, SHA-256', () => {
    assert.match(authorizationHeader(digest({ ...rfc7616, algorithm: 'SHA-256' }), input), /response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", algorithm=SHA-256, /);
  });

  test('no qop (RFC 2069 style, what most cameras send); value checked with Python hashlib', () => {
    const ch = digest({ realm: 'IP Camera(C1234)', nonce: '4f5a6b7c8d9e' });
    const h = authorizationHeader(ch, { username: 'admin', password: '12345', method: 'DESCRIBE', uri: 'rtsp://192.168.1.64:554/Streaming/Channels/101', cnonce: 'unused', nonceCount: 1 });
    assert.equal(h, 'Digest username="admin", realm="IP Camera(C1234)", nonce="4f5a6b7c8d9e", uri="rtsp://192.168.1.64:554/Streaming/Channels/101", response="1791db54d89b27f34c74848d279a6c5d"');
  });

  test('nonce count is 8 hex digits and changes the response', () => {
    const ch = digest({ realm: 'r', nonce: 'n', qop: 'auth' });
    const a = authorizationHeader(ch, { ...input, nonceCount: 1 });
    const b = authorizationHeader(ch, { ...input, nonceCount: 0x1f });
    assert.match(b, /nc=0000001f/);
    assert.notEqual(a.match(/response="(\w+)"/)?.[1], b.match(/response="(\w+)"/)?.[1]);
  });
});
