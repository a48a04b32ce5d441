import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cameraCreateSchema, cameraUpdateSchema, type Camera } from '@pantau/shared';
import { emptyValues, toCreateBody, toUpdateBody, valuesFromCamera } from './cameraFormModel.ts';

const camera: Camera = {
  id: '6f1c2a8e-1d5b-4a51-9c1e-2f3b4c5d6e7f',
  code: 'PKY-001',
  name: 'Bundaran Besar',
  regionCode: '62.71',
  address: 'Jl. Yos Sudarso',
  lat: -2.21,
  lng: 113.91,
  category: 'lalu_lintas',
  organizationId: null,
  visibility: 'public',
  tags: ['pky'],
  enabled: true,
  status: 'online',
  statusReason: null,
  lastFrameAt: null,
  mainUrl: 'rtsp://10.0.0.1/main',
  subUrl: null,
  hasCredentials: true,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

test('a filled form produces a body the shared create schema accepts', () => {
  const v = { ...emptyValues(), code: 'X-1', name: 'Kamera', regionCode: '62.71', lat: '-2,5', lng: 113.9, category: 'puskesmas' as const, mainUrl: ' rtsp://a/b ' };
  const r = cameraCreateSchema.safeParse(toCreateBody(v));
  assert.ok(r.success, JSON.stringify(r.error?.issues));
  assert.equal(r.data.lat, -2.5, 'comma decimals are accepted');
  assert.equal(r.data.username, null);
});

test('empty inputs are left undefined so the schema reports them as required', () => {
  const body = toCreateBody(emptyValues());
  assert.equal(body.lat, undefined);
  assert.equal(body.mainUrl, undefined);
  assert.equal(body.category, undefined);
  assert.equal(cameraCreateSchema.safeParse(body).success, false);
});

test('update keeps stored credentials unless typed or cleared', () => {
  const v = valuesFromCamera(camera);
  const keep = toUpdateBody(v, camera);
  assert.deepEqual(keep, {}, 'an untouched form changes nothing');
  assert.ok(cameraUpdateSchema.safeParse(keep).success);
  const typed = toUpdateBody({ ...v, password: 'rahasia' }, camera);
  assert.equal(typed.password, 'rahasia');
  assert.ok(!('username' in typed));
  const cleared = toUpdateBody({ ...v, password: 'ignored', clearCredentials: true }, camera);
  assert.equal(cleared.username, null);
  assert.equal(cleared.password, null);
});

test('update sends only the changed fields', () => {
  const body = toUpdateBody({ ...valuesFromCamera(camera), name: 'Bundaran Besar (baru)', tags: ['pky', 'utama'], lat: '-2.3' }, camera);
  assert.deepEqual(body, { name: 'Bundaran Besar (baru)', tags: ['pky', 'utama'], lat: -2.3 });
});

test('a user who never saw the stream URL does not blank it by saving', () => {
  const hidden: Camera = { ...camera, mainUrl: undefined, subUrl: undefined };
  const body = toUpdateBody(valuesFromCamera(hidden), hidden);
  assert.ok(!('mainUrl' in body) && !('subUrl' in body));
  const emptied = toUpdateBody({ ...valuesFromCamera(camera), mainUrl: '' }, camera);
  assert.equal(emptied.mainUrl, '', 'emptying a visible URL is sent, so validation can refuse it');
});
