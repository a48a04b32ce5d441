// Camera configuration: names, paths to streams, faults from config and URL, credentials, offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Catalog, cameraNames, DEFAULT_FIXTURES, nameHash, SPEEDWAY_FIXTURE } from './catalog.ts';
import { parseStreamPath, type StreamPath } from './paths.ts';

const path = (url: string): StreamPath => {
  const r = parseStreamPath(url);
  assert.ok(r.ok, url);
  return r.path;
};

test('camera names for a count', () => {
  assert.deepEqual(cameraNames(3), ['cam-001', 'cam-002', 'cam-003']);
  assert.equal(cameraNames(1200)[1199], 'cam-1200');
  assert.equal(cameraNames(1200)[0], 'cam-0001');
});

test('offsets are stable per name and spread over the clip', () => {
  assert.equal(nameHash('cam-001'), nameHash('cam-001'));
  const offsets = new Set(cameraNames(200).map((n) => nameHash(n) % 250));
  assert.ok(offsets.size >= 100, `distinct offsets: ${offsets.size}`);
});

test('with a camera list, other names are 404; without one, any name is served', () => {
  const listed = new Catalog({ cameras: 2 });
  assert.equal(listed.resolve(path('rtsp://h/cam-002/sub')).ok, true);
  assert.deepEqual(listed.resolve(path('rtsp://h/cam-003/main')), { ok: false, status: 404 });
  assert.deepEqual(listed.names, ['cam-001', 'cam-002']);
  assert.deepEqual(Object.keys(listed.stats()), ['cam-001', 'cam-002']);
  const open = new Catalog();
  assert.equal(open.names, null);
  const r = open.resolve(path('rtsp://h/anything'));
  assert.ok(r.ok);
  assert.equal(r.stream.stream, 'main');
  assert.equal(r.stream.media.width, 640);
});

test('main and sub use their fixtures; a camera may have its own; multi-slice switches fixture', () => {
  const c = new Catalog({ cameras: ['a', { name: 'road', fixtures: { main: SPEEDWAY_FIXTURE } }] });
  const size = (url: string): string => {
    const r = c.resolve(path(url));
    assert.ok(r.ok);
    return `${r.stream.media.width}x${r.stream.media.height}:${r.stream.source.prepared.fixture.name}`;
  };
  assert.equal(size('rtsp://h/a/main'), '640x360:sim-main-640x360-25fps.h264');
  assert.equal(size('rtsp://h/a/sub'), '320x180:sim-sub-320x180-25fps.h264');
  assert.equal(size('rtsp://h/road'), '352x288:speedway-352x288-25fps.h264');
  assert.equal(size('rtsp://h/road/sub'), '320x180:sim-sub-320x180-25fps.h264');
  assert.equal(size('rtsp://h/a/main?fault=multi-slice'), '640x360:sim-main-640x360-25fps-4slices.h264');
  assert.equal(size('rtsp://h/a/sub?fault=multi-slice'), '320x240:h264-320x240-25fps-4slices.h264');
});

test('faults: "*" plus per camera plus the URL query; bad ones fail at start or give 400', () => {
  const c = new Catalog({ cameras: ['a', { name: 'b', faults: ['flood=5'] }], faults: { '*': 'garbage=0.2', a: ['stall=3', 'auth=basic'] } });
  const a = c.resolve(path('rtsp://h/a/main?fault=disconnect=4'));
  assert.ok(a.ok);
  assert.equal(a.stream.faults.garbageRate, 0.2);
  assert.equal(a.stream.faults.stallAfterMs, 3000);
  assert.equal(a.stream.faults.disconnectAfterMs, 4000);
  assert.deepEqual(a.stream.auth, { scheme: 'basic', username: 'admin', password: 'pantau', realm: 'Pantau camera simulator' });
  const b = c.resolve(path('rtsp://h/b/sub'));
  assert.ok(b.ok);
  assert.equal(b.stream.faults.floodFactor, 5);
  assert.equal(b.stream.auth, null);
  assert.deepEqual(c.resolve(path('rtsp://h/b/sub?fault=stall=x')), { ok: false, status: 400 });
  assert.throws(() => new Catalog({ cameras: ['a'], faults: { a: 'explode' } }), /bad fault "explode"/);
});

test('configured credentials protect every camera', () => {
  const c = new Catalog({ auth: { username: 'u', password: 'p' } });
  const r = c.resolve(path('rtsp://h/x'));
  assert.ok(r.ok);
  assert.deepEqual(r.stream.auth, { scheme: 'digest', username: 'u', password: 'p', realm: 'Pantau camera simulator' });
});

test('a missing fixture fails at start', () => {
  assert.throws(() => new Catalog({ fixtures: { main: '/nonexistent.h264' } }), /ENOENT/);
  assert.ok(DEFAULT_FIXTURES.main.endsWith('server/fixtures/sim-main-640x360-25fps.h264'));
});
