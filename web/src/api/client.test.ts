import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, setUnauthenticatedHandler, toApiError, withQuery } from './client.ts';

test('withQuery leaves out empty values', () => {
  assert.equal(withQuery('/api/cameras', { q: '', regionCode: undefined, status: 'online', limit: 25, offset: 0 }), '/api/cameras?status=online&limit=25&offset=0');
  assert.equal(withQuery('/api/cameras', {}), '/api/cameras');
});

test('toApiError reads the error envelope and reports expired sessions, but not the login probes', () => {
  let expired = 0;
  setUnauthenticatedHandler(() => expired++);
  const e = toApiError('/api/cameras', 401, { error: { code: 'unauthenticated', message: 'Silakan masuk', details: null } });
  assert.ok(e instanceof ApiError);
  assert.equal(e.code, 'unauthenticated');
  assert.equal(expired, 1);
  toApiError('/api/auth/login', 401, { error: { code: 'invalid_credentials', message: 'x' } });
  toApiError('/api/auth/session', 401, { error: { code: 'unauthenticated', message: 'x' } });
  assert.equal(expired, 1);
  assert.equal(toApiError('/api/x', 502, null).code, 'internal');
});
