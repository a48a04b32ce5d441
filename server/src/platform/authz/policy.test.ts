import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Policy } from './policy.ts';
import type { Actor } from './actor.ts';
import { inRegionScope } from './actor.ts';
import { DomainError } from '../http/errors.ts';

const actor = (over: Partial<Actor>): Actor => ({ kind: 'user', userId: 'u', tenantId: 't', role: 'operator', organizationId: null, regionCodes: [], scopes: null, label: 'x', ip: null, ...over });
const policy = new Policy([{ 'thing.read': ['admin', 'operator'], 'thing.write': ['admin'] }], [{ 'things:read': ['thing.read'] }]);

test('roles get exactly the actions of the table', () => {
  assert.equal(policy.can(actor({ role: 'operator' }), 'thing.read'), true);
  assert.equal(policy.can(actor({ role: 'operator' }), 'thing.write'), false);
  assert.equal(policy.can(actor({ role: 'pimpinan' }), 'thing.read'), false);
  assert.deepEqual(policy.permissionsOf(actor({ role: 'admin' })), ['thing.read', 'thing.write']);
});

test('a token is limited by its scopes and by its owner role', () => {
  assert.equal(policy.can(actor({ role: 'admin', kind: 'token', scopes: ['things:read'] }), 'thing.read'), true);
  assert.equal(policy.can(actor({ role: 'admin', kind: 'token', scopes: ['things:read'] }), 'thing.write'), false);
  assert.equal(policy.can(actor({ role: 'pimpinan', kind: 'token', scopes: ['things:read'] }), 'thing.read'), false);
});

test('authorize throws forbidden; unknown actions and duplicates are programming errors', () => {
  assert.throws(() => policy.authorize(actor({ role: 'pimpinan' }), 'thing.read'), (e: unknown) => e instanceof DomainError && e.code === 'forbidden');
  assert.throws(() => policy.can(actor({}), 'nope'), /unknown policy action/);
  assert.throws(() => new Policy([{ a: ['admin'] }, { a: ['operator'] }]), /declared twice/);
  assert.throws(() => new Policy([{ a: ['admin'] }], [{ s: ['b'] }]), /unknown action/);
});

test('a region scope covers the region and everything below it, nothing beside it', () => {
  const a = actor({ regionCodes: ['62.71'] });
  assert.equal(inRegionScope(a, '62.71'), true);
  assert.equal(inRegionScope(a, '62.71.03'), true);
  assert.equal(inRegionScope(a, '62.7'), false);
  assert.equal(inRegionScope(a, '62.01'), false);
  assert.equal(inRegionScope(actor({}), '33.74'), true);
});
