import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';

for (const kind of DB_KINDS) {
  describe(`video wall layouts and tours on ${kind}`, () => {
    let t: TestApp;
    let op: Session;
    let cams: string[];
    let hidden: string;
    before(async () => {
      t = await testApp(kind);
      op = await t.signIn({ role: 'pimpinan' });
      cams = [(await t.buildCamera({ visibility: 'public' })).id, (await t.buildCamera({ visibility: 'pimpinan' })).id];
      hidden = (await t.buildCamera({ visibility: 'internal' })).id;
    });
    after(() => t.close());

    test('layouts: create 201, duplicate name 409, bad cell count 400, hidden camera 400, own only', async () => {
      const res = await t.as(op)({ method: 'POST', url: '/api/walls/layouts', payload: { name: 'Lalu lintas pagi', grid: 2, cells: [cams[0], cams[1], null, null] } });
      assert.equal(res.statusCode, 201, res.body);
      const layout = res.json();
      assert.deepEqual(layout.cells, [cams[0], cams[1], null, null]);
      assert.equal((await t.as(op)({ method: 'POST', url: '/api/walls/layouts', payload: { name: 'Lalu lintas pagi', grid: 1, cells: [null] } })).statusCode, 409);
      assert.equal((await t.as(op)({ method: 'POST', url: '/api/walls/layouts', payload: { name: 'Salah', grid: 3, cells: [null] } })).statusCode, 400);
      assert.equal((await t.as(op)({ method: 'POST', url: '/api/walls/layouts', payload: { name: 'Salah', grid: 7, cells: [] } })).statusCode, 400);
      const sneaky = await t.as(op)({ method: 'POST', url: '/api/walls/layouts', payload: { name: 'Intip', grid: 1, cells: [hidden] } });
      assert.equal(sneaky.statusCode, 400, 'a pimpinan cannot put an internal camera on its wall');
      const other = await t.signIn({ role: 'operator' });
      assert.deepEqual((await t.as(other)({ method: 'GET', url: '/api/walls/layouts' })).json(), []);
      assert.equal((await t.as(other)({ method: 'PATCH', url: `/api/walls/layouts/${layout.id}`, payload: { name: 'Punyaku' } })).statusCode, 404);
      const upd = await t.as(op)({ method: 'PATCH', url: `/api/walls/layouts/${layout.id}`, payload: { grid: 1, cells: [cams[1]] } });
      assert.equal(upd.statusCode, 200);
      assert.equal(upd.json().grid, 1);
      assert.equal((await t.as(op)({ method: 'PATCH', url: `/api/walls/layouts/${layout.id}`, payload: { grid: 3 } })).statusCode, 400, 'grid and cells change together');
    });

    test('tours rotate through own layouts only; delete 204 then 404', async () => {
      const a = (await t.as(op)({ method: 'POST', url: '/api/walls/layouts', payload: { name: 'A', grid: 1, cells: [cams[0]] } })).json();
      const b = (await t.as(op)({ method: 'POST', url: '/api/walls/layouts', payload: { name: 'B', grid: 1, cells: [cams[1]] } })).json();
      const tour = await t.as(op)({ method: 'POST', url: '/api/walls/tours', payload: { name: 'Keliling', dwellSeconds: 15, layoutIds: [a.id, b.id] } });
      assert.equal(tour.statusCode, 201);
      assert.equal((await t.as(op)({ method: 'POST', url: '/api/walls/tours', payload: { name: 'Cepat', dwellSeconds: 1, layoutIds: [a.id] } })).statusCode, 400);
      assert.equal((await t.as(op)({ method: 'POST', url: '/api/walls/tours', payload: { name: 'Asing', dwellSeconds: 10, layoutIds: ['00000000-0000-4000-8000-000000000000'] } })).statusCode, 400);
      assert.deepEqual((await t.as(op)({ method: 'GET', url: '/api/walls/tours' })).json().map((x: { name: string }) => x.name), ['Keliling']);
      assert.equal((await t.as(op)({ method: 'DELETE', url: `/api/walls/tours/${tour.json().id}` })).statusCode, 204);
      assert.equal((await t.as(op)({ method: 'DELETE', url: `/api/walls/tours/${tour.json().id}` })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/walls/tours' })).statusCode, 401);
    });
  });
}
