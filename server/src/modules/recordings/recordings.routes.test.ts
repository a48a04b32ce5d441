import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { Recorder } from '../../media/index.ts';
import { fixtureStream } from '../../media/recorder/testing/fixture-stream.ts';
import { playRun, TestClock } from '../../media/recorder/testing/record.ts';
import { directoryReader, verifyExport, zipReader } from './index.ts';

const h264 = fixtureStream('h264-320x240-25fps.h264', 25);
const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);
const CLI = new URL('../../cli/verify-export.ts', import.meta.url).pathname;
const iso = (ms: number) => new Date(ms).toISOString();

async function waitExport(t: TestApp, s: Session, id: string) {
  for (let i = 0; i < 200; i++) {
    const e = (await t.as(s)({ method: 'GET', url: `/api/exports/${id}` })).json();
    if (e.status === 'done' || e.status === 'failed') return e;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('export did not finish');
}

for (const kind of DB_KINDS) {
  describe(`recordings API on ${kind}`, () => {
    let t: TestApp;
    let dir: string;
    let admin: Session;
    let op: Session;
    let op2: Session;
    let ppid: Session;
    let pimpinan: Session;
    let cam: string;
    let hidden: string;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'pantau-rec-api-'));
      t = await testApp(kind, { dataDir: dir });
      admin = await t.signIn({ role: 'admin' });
      op = await t.signIn({ role: 'operator' });
      op2 = await t.signIn({ role: 'operator' });
      ppid = await t.signIn({ role: 'ppid_officer' });
      pimpinan = await t.signIn({ role: 'pimpinan' });
      cam = (await t.buildCamera({ visibility: 'internal' })).id;
      hidden = (await t.buildCamera({ visibility: 'internal', regionCode: '62.01' })).id;
      // 10 s recorded, 5 s outage, 5 s more
      const clock = new TestClock(T0);
      const rec = new Recorder({ db: t.db, dataDir: dir, clock: clock.now, segmentSeconds: 60, syncIntervalMs: 0 });
      const sink = rec.sink(cam, 'main');
      await playRun(rec, sink, clock, h264, { cameraId: cam, startMs: T0, firstPts: 0, n: 250, end: 'disconnect' });
      await playRun(rec, sink, clock, h264, { cameraId: cam, startMs: T0 + 15_000, firstPts: 9_000_000, n: 125, end: 'detach' });
      await rec.close();
    });
    after(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('timeline: spans, the outage with its reason; 400 for a range too long or backwards, 401, 403, 404', async () => {
      const q = `from=${iso(T0 - 60_000)}&to=${iso(T0 + 60_000)}`;
      const res = await t.as(op)({ method: 'GET', url: `/api/cameras/${cam}/timeline?${q}` });
      assert.equal(res.statusCode, 200, res.body);
      const tl = res.json();
      assert.equal(tl.recorded.length, 2);
      assert.ok(tl.gaps.some((g: { reason: string | null }) => g.reason === 'disconnect'));
      assert.equal((await t.as(op)({ method: 'GET', url: `/api/cameras/${cam}/timeline?from=${iso(T0)}&to=${iso(T0 + 40 * 86_400_000)}` })).statusCode, 400);
      assert.equal((await t.as(op)({ method: 'GET', url: `/api/cameras/${cam}/timeline?from=${iso(T0)}&to=${iso(T0 - 1000)}` })).statusCode, 400);
      assert.equal((await t.as(op)({ method: 'GET', url: `/api/cameras/${cam}/timeline?from=kemarin&to=${iso(T0)}` })).statusCode, 400);
      assert.equal((await t.as(null)({ method: 'GET', url: `/api/cameras/${cam}/timeline?${q}` })).statusCode, 401);
      assert.equal((await t.as(ppid)({ method: 'GET', url: `/api/cameras/${cam}/timeline?${q}` })).statusCode, 403);
      // an internal camera is invisible to a pimpinan: not found, not forbidden
      assert.equal((await t.as(pimpinan)({ method: 'GET', url: `/api/cameras/${cam}/timeline?${q}` })).statusCode, 404);
      const scoped = await t.signIn({ role: 'operator', regionCodes: ['62.01'] });
      assert.equal((await t.as(scoped)({ method: 'GET', url: `/api/cameras/${cam}/timeline?${q}` })).statusCode, 404, 'outside the operator region');
      assert.equal((await t.as(scoped)({ method: 'GET', url: `/api/cameras/${hidden}/timeline?${q}` })).statusCode, 200);
    });

    test('playback items are MP4 URLs served whole or by byte range (206, 416); the view is audited', async () => {
      const res = await t.as(op)({ method: 'GET', url: `/api/cameras/${cam}/playback?from=${iso(T0 + 2_500)}&to=${iso(T0 + 18_000)}` });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.items.length, 2);
      assert.equal(body.gaps.length, 1);
      const item = body.items[0];
      assert.ok(Date.parse(item.keyframeStart) <= Date.parse(item.start));
      assert.equal(item.fps, 25);
      const whole = await t.as(op)({ method: 'GET', url: item.url });
      assert.equal(whole.statusCode, 200);
      assert.equal(whole.headers['content-type'], 'video/mp4');
      assert.equal(whole.headers['accept-ranges'], 'bytes');
      assert.equal(whole.rawPayload.subarray(4, 8).toString(), 'ftyp');
      const part = await t.as(op)({ method: 'GET', url: item.url, headers: { range: 'bytes=100-199' } });
      assert.equal(part.statusCode, 206);
      assert.equal(part.headers['content-range'], `bytes 100-199/${whole.rawPayload.length}`);
      assert.ok(part.rawPayload.equals(whole.rawPayload.subarray(100, 200)));
      const tail = await t.as(op)({ method: 'GET', url: item.url, headers: { range: 'bytes=-50' } });
      assert.ok(tail.rawPayload.equals(whole.rawPayload.subarray(-50)));
      const bad = await t.as(op)({ method: 'GET', url: item.url, headers: { range: `bytes=${whole.rawPayload.length}-` } });
      assert.equal(bad.statusCode, 416);
      assert.equal(bad.json().error.code, 'range_not_satisfiable');
      assert.equal((await t.as(op)({ method: 'GET', url: `/api/cameras/${cam}/video.mp4?from=${iso(T0 - 50_000)}&to=${iso(T0 - 40_000)}` })).statusCode, 404);
      const audit = await t.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'recording.view').execute();
      assert.ok(audit.some((a) => a.target_id === cam));
      // without ffmpeg configured, thumbnails are unavailable: 204 and a header, not an error
      const th = await t.as(op)({ method: 'GET', url: `/api/cameras/${cam}/thumbnail.jpg?at=${iso(T0 + 3000)}` });
      assert.equal(th.statusCode, 204);
      assert.equal(th.headers['x-pantau-thumbnail'], 'unavailable');
      // with ffmpeg: a JPEG of the keyframe, decoded once and cached
      const withFfmpeg = await testApp(kind, { dataDir: dir, ffmpegPath: '/usr/bin/ffmpeg' });
      try {
        const o = await withFfmpeg.signIn({ role: 'operator' });
        const c = (await withFfmpeg.buildCamera()).id;
        const clock = new TestClock(T0);
        const rec = new Recorder({ db: withFfmpeg.db, dataDir: dir, clock: clock.now, segmentSeconds: 60, syncIntervalMs: 0 });
        await playRun(rec, rec.sink(c, 'main'), clock, h264, { cameraId: c, startMs: T0, firstPts: 0, n: 75, end: 'detach' });
        await rec.close();
        const jpg = await withFfmpeg.as(o)({ method: 'GET', url: `/api/cameras/${c}/thumbnail.jpg?at=${iso(T0 + 2_500)}` });
        assert.equal(jpg.statusCode, 200, jpg.body);
        assert.equal(jpg.headers['content-type'], 'image/jpeg');
        assert.deepEqual([...jpg.rawPayload.subarray(0, 3)], [0xff, 0xd8, 0xff]);
        const gap = await withFfmpeg.as(o)({ method: 'GET', url: `/api/cameras/${c}/thumbnail.jpg?at=${iso(T0 - 60_000)}` });
        assert.equal(gap.statusCode, 204);
        assert.equal(gap.headers['x-pantau-thumbnail'], 'none');
      } finally {
        await withFfmpeg.close();
      }
    });

    test('bookmarks: 201, search, 403 for roles that only watch, author or admin deletes', async () => {
      const payload = { cameraId: cam, start: iso(T0 + 4_000), end: iso(T0 + 6_000), note: 'Motor melawan arus' };
      const res = await t.as(op)({ method: 'POST', url: '/api/bookmarks', payload });
      assert.equal(res.statusCode, 201, res.body);
      const b = res.json();
      assert.equal(b.cameraId, cam);
      assert.equal((await t.as(pimpinan)({ method: 'POST', url: '/api/bookmarks', payload })).statusCode, 403);
      assert.equal((await t.as(op)({ method: 'POST', url: '/api/bookmarks', payload: { ...payload, end: iso(T0) } })).statusCode, 400);
      assert.equal((await t.as(op)({ method: 'POST', url: '/api/bookmarks', payload: { ...payload, note: '' } })).statusCode, 400);
      const found = (await t.as(op2)({ method: 'GET', url: '/api/bookmarks?q=melawan' })).json();
      assert.deepEqual(found.items.map((x: { id: string }) => x.id), [b.id]);
      assert.equal((await t.as(op2)({ method: 'GET', url: '/api/bookmarks?q=banjir' })).json().total, 0);
      const tl = (await t.as(op)({ method: 'GET', url: `/api/cameras/${cam}/timeline?from=${iso(T0)}&to=${iso(T0 + 60_000)}` })).json();
      assert.equal(tl.bookmarks.length, 1);
      assert.equal((await t.as(op2)({ method: 'DELETE', url: `/api/bookmarks/${b.id}` })).statusCode, 403, 'another operator');
      assert.equal((await t.as(admin)({ method: 'DELETE', url: `/api/bookmarks/${b.id}` })).statusCode, 204);
      assert.equal((await t.as(admin)({ method: 'DELETE', url: `/api/bookmarks/${b.id}` })).statusCode, 404);
    });

    test('holds: operator holds, only admin releases (with reason), twice is 409; all audited', async () => {
      const res = await t.as(op)({ method: 'POST', url: '/api/holds', payload: { cameraId: cam, start: iso(T0), end: iso(T0 + 5_000), reason: 'Laporan kecelakaan', caseNumber: 'LP/123/I/2026' } });
      assert.equal(res.statusCode, 201, res.body);
      const hold = res.json();
      assert.equal(hold.releasedAt, null);
      assert.equal((await t.as(pimpinan)({ method: 'POST', url: '/api/holds', payload: { cameraId: cam, start: iso(T0), end: iso(T0 + 1), reason: 'x'.repeat(5) } })).statusCode, 403);
      assert.equal((await t.as(op)({ method: 'POST', url: `/api/holds/${hold.id}/release`, payload: { reason: 'selesai' } })).statusCode, 403);
      assert.equal((await t.as(admin)({ method: 'POST', url: `/api/holds/${hold.id}/release`, payload: {} })).statusCode, 400);
      const rel = await t.as(admin)({ method: 'POST', url: `/api/holds/${hold.id}/release`, payload: { reason: 'Perkara selesai' } });
      assert.equal(rel.statusCode, 200);
      assert.ok(rel.json().releasedAt);
      assert.equal((await t.as(admin)({ method: 'POST', url: `/api/holds/${hold.id}/release`, payload: { reason: 'lagi' } })).statusCode, 409);
      const actions = (await t.db.selectFrom('audit_log').select('action').where('target_id', '=', cam).execute()).map((a) => a.action);
      assert.ok(actions.includes('evidence.hold') && actions.includes('evidence.release'));
    });

    test('export: signed manifest, MP4s across the outage, gap reported, hold created; verification catches one flipped byte', async () => {
      const res = await t.as(op)({ method: 'POST', url: '/api/exports', payload: { cameraIds: [cam], from: iso(T0 + 2_000), to: iso(T0 + 18_000), reason: 'Permintaan Polres', caseNumber: 'LP/7/2026', hold: true } });
      assert.equal(res.statusCode, 202, res.body);
      assert.equal((await t.as(pimpinan)({ method: 'POST', url: '/api/exports', payload: { cameraIds: [cam], from: iso(T0), to: iso(T0 + 1000), reason: 'lihat' } })).statusCode, 403);
      assert.equal((await t.as(op)({ method: 'POST', url: '/api/exports', payload: { cameraIds: [cam], from: iso(T0), to: iso(T0 + 25 * 3_600_000), reason: 'terlalu lama' } })).statusCode, 400);
      const e = await waitExport(t, op, res.json().id);
      assert.equal(e.status, 'done', e.error);
      assert.equal(e.files.length, 2);
      assert.equal(e.gaps.length, 1);
      assert.equal(e.holdIds.length, 1);
      // another operator who may see the camera opens it (team evidence); one outside its region does not
      assert.equal((await t.as(op2)({ method: 'GET', url: `/api/exports/${e.id}` })).statusCode, 200, "another operator's export");
      const outside = await t.signIn({ role: 'operator', regionCodes: ['62.01'] });
      assert.equal((await t.as(outside)({ method: 'GET', url: `/api/exports/${e.id}` })).statusCode, 404, 'camera outside the region');
      assert.equal((await t.as(outside)({ method: 'GET', url: e.zipUrl })).statusCode, 404);
      // nor may they export it, alone or beside a camera of their own region
      const own = (await t.buildCamera({ regionCode: '62.01' })).id;
      for (const cameraIds of [[cam], [own, cam]]) {
        const denied = await t.as(outside)({ method: 'POST', url: '/api/exports', payload: { cameraIds, from: iso(T0), to: iso(T0 + 1000), reason: 'coba' } });
        assert.equal(denied.statusCode, 404, denied.body);
      }
      assert.equal(await t.db.selectFrom('evidence_exports').select('id').where('reason', '=', 'coba').executeTakeFirst(), undefined);
      assert.equal((await t.as(admin)({ method: 'GET', url: `/api/exports/${e.id}` })).statusCode, 200);
      // download everything into a folder, as a user would, and verify it
      const out = mkdtempSync(join(tmpdir(), 'pantau-export-check-'));
      try {
        for (const f of e.files) writeFileSync(join(out, f.name), (await t.as(op)({ method: 'GET', url: f.url })).rawPayload);
        for (const u of [e.manifestUrl, e.signatureUrl]) writeFileSync(join(out, u.split('/').pop()), (await t.as(op)({ method: 'GET', url: u })).rawPayload);
        const key = (await t.as(op)({ method: 'GET', url: '/api/exports/public-key' })).json();
        writeFileSync(join(out, 'public-key.pem'), key.publicKeyPem);
        const ok = await verifyExport(await directoryReader(out));
        assert.deepEqual(ok.problems, []);
        const good = spawnSync(process.execPath, ['--import', 'tsx', CLI, out], { encoding: 'utf8' });
        assert.equal(good.status, 0, good.stderr);
        assert.match(good.stdout, /UTUH \/ INTACT/);
        assert.equal(ok.fingerprint, key.fingerprint);
        const zip = join(out, 'x.zip');
        writeFileSync(zip, (await t.as(op)({ method: 'GET', url: e.zipUrl })).rawPayload);
        assert.deepEqual((await verifyExport(await zipReader(zip))).problems, []);
        rmSync(zip);
        const video = join(out, e.files[0].name);
        const bytes = readFileSync(video);
        bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0x01, bytes.length - 10);
        writeFileSync(video, bytes);
        const bad = await verifyExport(await directoryReader(out));
        assert.equal(bad.ok, false);
        assert.deepEqual(bad.problems.map((p) => p.split(':')[0]), [e.files[0].name]);
        // the command a court's expert runs says the same
        const cli = spawnSync(process.execPath, ['--import', 'tsx', CLI, out], { encoding: 'utf8' });
        assert.equal(cli.status, 1, cli.stderr);
        assert.match(cli.stderr, new RegExp(`${e.files[0].name}: SHA-256`));
        const manifest = join(out, 'manifest.json');
        writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('Permintaan Polres', 'Permintaan Polda'));
        assert.ok((await verifyExport(await directoryReader(out))).problems.some((p) => p.startsWith('manifest.json')));
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
      const actions = (await t.db.selectFrom('audit_log').select('action').where('target_id', '=', e.id).execute()).map((a) => a.action);
      assert.ok(actions.includes('recording.export') && actions.includes('recording.export.download'));
      const manifest = JSON.parse((await t.as(op)({ method: 'GET', url: e.manifestUrl })).body);
      assert.ok(manifest.sources.length >= 2 && manifest.sources.every((x: { state: string }) => x.state === 'verified'), 'source segments re-hashed');
      // a segment changed on disk after recording: the export refuses, naming it
      // the recording that holds the re-exported instant (rotation is staggered per camera, so the
      // first run may be cut anywhere: the earliest recording need not be part of this export)
      const seg = await t.db.selectFrom('recordings').select('path').where('camera_id', '=', cam).where('start_time', '<=', new Date(T0 + 2_000)).where('end_time', '>', new Date(T0 + 2_000)).executeTakeFirstOrThrow();
      const segPath = join(dir, ...seg.path.split('/'));
      const original = readFileSync(segPath);
      const tampered = Buffer.from(original);
      tampered.writeUInt8(tampered.readUInt8(tampered.length - 5) ^ 0xff, tampered.length - 5);
      writeFileSync(segPath, tampered);
      try {
        const again = await waitExport(t, op, (await t.as(op)({ method: 'POST', url: '/api/exports', payload: { cameraIds: [cam], from: iso(T0 + 1_000), to: iso(T0 + 3_000), reason: 'Cek ulang' } })).json().id);
        assert.equal(again.status, 'failed');
        assert.match(again.error, new RegExp(`${seg.path} \\(altered\\)`));
      } finally {
        writeFileSync(segPath, original);
      }
      assert.equal((await t.as(op)({ method: 'GET', url: `/api/exports/${e.id}/files/..%2F..%2Fetc%2Fpasswd` })).statusCode, 404);
    });

    test('storage: per camera and region; retention set by admin only', async () => {
      const res = await t.as(admin)({ method: 'GET', url: '/api/storage' });
      assert.equal(res.statusCode, 200, res.body);
      const s = res.json();
      const c = s.cameras.find((x: { cameraId: string }) => x.cameraId === cam);
      assert.ok(c.bytes > 0 && c.recordings >= 2);
      assert.ok(s.heldBytes > 0, 'the export held its range');
      assert.ok(s.regions.some((r: { regionCode: string }) => r.regionCode === '62.71.01'));
      assert.equal((await t.as(pimpinan)({ method: 'GET', url: '/api/storage' })).statusCode, 403);
      assert.equal((await t.as(op)({ method: 'PUT', url: `/api/cameras/${cam}/retention`, payload: { retentionDays: 7 } })).statusCode, 403);
      assert.equal((await t.as(admin)({ method: 'PUT', url: `/api/cameras/${cam}/retention`, payload: { retentionDays: 0 } })).statusCode, 400);
      assert.equal((await t.as(admin)({ method: 'PUT', url: `/api/cameras/${cam}/retention`, payload: { retentionDays: 7 } })).statusCode, 200);
      const after = (await t.as(admin)({ method: 'GET', url: '/api/storage' })).json();
      assert.equal(after.cameras.find((x: { cameraId: string }) => x.cameraId === cam).retentionDays, 7);
    });
  });
}
