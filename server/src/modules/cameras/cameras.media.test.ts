import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type TestApp } from '../../testing/app.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const kind of DB_KINDS) {
  describe(`cameras shared by media processes on ${kind}`, () => {
    let t: TestApp;
    let ids: string[];
    before(async () => {
      t = await testApp(kind);
      ids = [];
      for (let i = 0; i < 5; i++) ids.push((await t.buildCamera({ username: i === 0 ? 'u' : null, password: i === 0 ? 'rahasia' : null })).id);
    });
    after(() => t.close());
    const media = () => t.services.cameraMedia;

    test('each camera goes to exactly one node, within capacity', async () => {
      const a = await media().claim('node-a', 2, 60_000);
      const b = await media().claim('node-b', null, 60_000);
      assert.equal(a.length, 2);
      assert.equal(b.length, 3);
      assert.deepEqual([...a, ...b].sort(), [...ids].sort());
      // claiming again keeps the same cameras: nothing moves while leases are alive
      assert.deepEqual(await media().claim('node-a', 2, 60_000), a);
      assert.deepEqual((await media().claim('node-b', null, 60_000)).sort(), [...b].sort());
      const sources = await media().sourcesFor(a);
      assert.equal(sources.length, 2);
      const withCreds = (await media().sourcesFor(ids)).find((s) => s.username === 'u');
      assert.equal(withCreds?.password, 'rahasia', 'credentials are decrypted for the media process only');
    });

    test('concurrent claims never give one camera to two nodes', async () => {
      await media().release('node-a');
      await media().release('node-b');
      for (let round = 0; round < 5; round++) {
        const [x, y, z] = await Promise.all([media().claim('n1', 2, 60_000), media().claim('n2', 2, 60_000), media().claim('n3', 2, 60_000)]);
        const all = [...x, ...y, ...z];
        assert.equal(new Set(all).size, all.length, `round ${round}: ${JSON.stringify({ x, y, z })}`);
      }
      const rows = await t.db.selectFrom('cameras').select(['id', 'media_node']).execute();
      assert.ok(rows.every((r) => ['n1', 'n2', 'n3'].includes(r.media_node ?? '')), 'every camera is held');
    });

    test('a node that stops heartbeating loses its cameras to the others; disabled cameras are released', async () => {
      for (const n of ['n1', 'n2', 'n3']) await media().release(n);
      const held = await media().claim('short', null, 150);
      assert.equal(held.length, 5);
      assert.deepEqual(await media().claim('other', null, 60_000), [], 'nothing while the lease is alive');
      await sleep(300);
      assert.equal((await media().claim('other', null, 60_000)).length, 5, 'the cameras of the lapsed node move');
      await t.db.updateTable('cameras').set({ enabled: false }).where('id', '=', ids[0]!).execute();
      const after = await media().claim('other', null, 60_000);
      assert.equal(after.length, 4);
      const row = await t.db.selectFrom('cameras').select('media_node').where('id', '=', ids[0]!).executeTakeFirstOrThrow();
      assert.equal(row.media_node, null);
      await media().release('other');
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from cameras where media_node is not null`.execute(t.db);
      assert.equal(Number(rows[0]!.n), 0, 'release hands every camera back');
    });
  });
}
