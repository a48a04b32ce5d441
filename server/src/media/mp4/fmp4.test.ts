import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initSegment, mediaSegment, mimeType, samplesFromPictures, h264VideoTrack, h265VideoTrack, withoutH265ParameterSets, type Sample, type TimedPicture, type VideoTrack } from './fmp4.ts';
import { buildH265Config } from '../h26x/hvcc.ts';
import { createH265Depacketizer } from '../h26x/h265.ts';
import { h265TestCodec } from '../testing/packetizer.ts';
import { box, ftyp, tfdt, trun, u64 } from './boxes.ts';
import { buildH264Config } from '../h26x/avcc.ts';
import { createH264Depacketizer } from '../h26x/h264.ts';
import { TimestampUnwrapper } from '../rtp/reorder.ts';
import { fixtureNalus, groupAccessUnits, h264TestCodec, packetize } from '../testing/packetizer.ts';

const dir = mkdtempSync(join(tmpdir(), 'pantau-fmp4-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Top-level (or nested) boxes as [type, start, size]. */
function walk(data: Uint8Array, start = 0, end = data.length): [string, number, number][] {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: [string, number, number][] = [];
  for (let o = start; o + 8 <= end; ) {
    const size = v.getUint32(o);
    out.push([Buffer.from(data.subarray(o + 4, o + 8)).toString('latin1'), o, size]);
    if (size < 8) break;
    o += size;
  }
  return out;
}

/** Fixture → RTP → depacketizer → pictures on the unwrapped timeline (the real ingest path). */
function picturesFromFixture(name: string, frameDuration: number): { pictures: TimedPicture[]; sps: Uint8Array; pps: Uint8Array } {
  const aus = groupAccessUnits(h264TestCodec, fixtureNalus(name));
  // start just below the 32-bit wrap so the muxer sees unwrapped, increasing times
  const packets = packetize(h264TestCodec, aus, { frameDuration, firstTimestamp: 0xffffffff - frameDuration * 3 });
  const d = createH264Depacketizer();
  const unwrap = new TimestampUnwrapper();
  const pictures: TimedPicture[] = [];
  let sps: Uint8Array | undefined;
  let pps: Uint8Array | undefined;
  for (const p of packets) {
    for (const e of d.push(p)) {
      assert.equal(e.kind, 'access-unit');
      if (e.kind !== 'access-unit') continue;
      [sps, pps] = e.unit.parameterSets;
      pictures.push({ time: unwrap.unwrap(e.unit.timestamp), nalus: e.unit.nalus, isKey: e.unit.isKey });
    }
  }
  assert.ok(sps && pps);
  return { pictures, sps, pps };
}

/** Writes init + one fragment per GOP and returns the file path. */
function writeMp4(name: string, pictures: TimedPicture[], sps: Uint8Array, pps: Uint8Array, frameDuration: number): string {
  const cfg = buildH264Config(sps, [pps]);
  assert.ok(cfg.ok);
  return writeTrack(name, h264VideoTrack(cfg.config), pictures, frameDuration);
}

function writeTrack(name: string, track: VideoTrack, pictures: TimedPicture[], frameDuration: number): string {
  const parts = [initSegment(track)];
  const samples = samplesFromPictures(pictures, frameDuration);
  let seq = 1;
  let time = 0;
  for (let i = 0; i < samples.length; ) {
    let j = i + 1;
    while (j < samples.length && !samples[j]?.isKey) j++;
    const gop = samples.slice(i, j);
    parts.push(mediaSegment(seq++, time, gop));
    time += gop.reduce((n, s) => n + s.duration, 0);
    i = j;
  }
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

describe('fMP4 against ffprobe and ffmpeg', () => {
  const cases = [
    { fixture: 'h264-320x240-25fps.h264', fps: 25, frames: 50, width: 320, height: 240, codec: 'avc1.64000d' },
    { fixture: 'h264-320x240-25fps-4slices.h264', fps: 25, frames: 50, width: 320, height: 240, codec: 'avc1.64000d' },
    { fixture: 'h264-642x362-30fps.h264', fps: 30, frames: 30, width: 642, height: 362, codec: 'avc1.4d401e' },
  ];
  for (const c of cases) {
    test(`${c.fixture}: ffprobe sees ${c.frames} frames of ${c.width}x${c.height}, ffmpeg decodes cleanly`, () => {
      const frameDuration = 90000 / c.fps;
      const { pictures, sps, pps } = picturesFromFixture(c.fixture, frameDuration);
      assert.equal(pictures.length, c.frames);
      const cfg = buildH264Config(sps, [pps]);
      assert.ok(cfg.ok);
      assert.equal(mimeType(h264VideoTrack(cfg.config)), `video/mp4; codecs="${c.codec}"`);
      const path = writeMp4(`${c.fixture}.mp4`, pictures, sps, pps, frameDuration);
      const probe = spawnSync('ffprobe', ['-v', 'error', '-show_streams', '-count_frames', '-of', 'json', path], { encoding: 'utf8' });
      assert.equal(probe.stderr, '');
      assert.equal(probe.status, 0);
      const stream = (JSON.parse(probe.stdout) as { streams: Record<string, string | number>[] }).streams[0];
      assert.ok(stream);
      assert.equal(stream.codec_name, 'h264');
      assert.equal(stream.width, c.width);
      assert.equal(stream.height, c.height);
      assert.equal(Number(stream.nb_read_frames), c.frames);
      assert.ok(Math.abs(Number(stream.duration) - c.frames / c.fps) <= 1 / c.fps, `duration ${stream.duration}`);
      const decode = spawnSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'null', '-'], { encoding: 'utf8' });
      assert.equal(decode.stderr, '');
      assert.equal(decode.status, 0);
    });
  }

  test('decoded pixels match decoding the source fixture (no green multi-slice frames)', () => {
    const { pictures, sps, pps } = picturesFromFixture('h264-320x240-25fps-4slices.h264', 3600);
    const path = writeMp4('pixels.mp4', pictures, sps, pps, 3600);
    const md5 = (input: string): string =>
      execFileSync('ffmpeg', ['-v', 'error', '-i', input, '-f', 'framemd5', '-'], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.split(',').pop()?.trim())
        .join('\n');
    const src = new URL('../../../fixtures/h264-320x240-25fps-4slices.h264', import.meta.url).pathname;
    assert.equal(md5(path), md5(src));
  });
});

describe('fMP4 H.265 against ffprobe and ffmpeg', () => {
  for (const entry of ['hev1', 'hvc1'] as const) {
    test(`${entry}: 50 frames of 320x240 hevc, clean decode`, () => {
      const aus = groupAccessUnits(h265TestCodec, fixtureNalus('h265-320x240-25fps.h265'));
      const d = createH265Depacketizer();
      const unwrap = new TimestampUnwrapper();
      const pictures: TimedPicture[] = [];
      let sets: readonly Uint8Array[] = [];
      for (const p of packetize(h265TestCodec, aus)) {
        for (const e of d.push(p)) {
          if (e.kind !== 'access-unit') continue;
          sets = e.unit.parameterSets;
          const nalus = entry === 'hvc1' ? withoutH265ParameterSets(e.unit.nalus) : e.unit.nalus;
          pictures.push({ time: unwrap.unwrap(e.unit.timestamp), nalus, isKey: e.unit.isKey });
        }
      }
      const [vps, sps, pps] = sets as [Uint8Array, Uint8Array, Uint8Array];
      const cfg = buildH265Config(vps, sps, pps, entry);
      assert.ok(cfg.ok);
      assert.equal(mimeType(h265VideoTrack(cfg.config)), `video/mp4; codecs="${entry}.1.6.L60.90"`);
      const path = writeTrack(`${entry}.mp4`, h265VideoTrack(cfg.config), pictures, 3600);
      const probe = spawnSync('ffprobe', ['-v', 'error', '-show_streams', '-count_frames', '-of', 'json', path], { encoding: 'utf8' });
      assert.equal(probe.stderr, '');
      const stream = (JSON.parse(probe.stdout) as { streams: Record<string, string | number>[] }).streams[0];
      assert.deepEqual([stream?.codec_name, stream?.codec_tag_string, stream?.width, stream?.height, Number(stream?.nb_read_frames)], ['hevc', entry, 320, 240, 50]);
      assert.ok(Math.abs(Number(stream?.duration) - 2) <= 0.04);
      const decode = spawnSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'null', '-'], { encoding: 'utf8' });
      assert.equal(decode.stderr, '');
      assert.equal(decode.status, 0);
    });
  }
});

describe('fMP4 box layout', () => {
  test('ftyp brands', () => {
    assert.equal(Buffer.from(ftyp('avc1')).toString('hex'), '00000024' + Buffer.from('ftypisom').toString('hex') + '00000200' + Buffer.from('isomiso6iso2avc1mp41').toString('hex'));
  });

  test('tfdt is version 1 with a 64-bit time', () => {
    assert.equal(Buffer.from(tfdt(2 ** 33 + 5)).toString('hex'), '00000014' + '74666474' + '01000000' + '0000000200000005');
    assert.equal(Buffer.from(u64(2 ** 53 - 1)).toString('hex'), '001fffffffffffff');
  });

  test('trun flags, count, offset and entries', () => {
    const t = trun(120, [{ duration: 3600, size: 10, flags: 0x02000000 }]);
    assert.equal(Buffer.from(t).toString('hex'), '00000020' + '7472756e' + '00000701' + '00000001' + '00000078' + '00000e10' + '0000000a' + '02000000');
  });

  test('box size counts the header', () => {
    assert.deepEqual([...box('free', Uint8Array.of(1, 2))], [0, 0, 0, 10, 0x66, 0x72, 0x65, 0x65, 1, 2]);
  });

  test('init segment: ftyp then moov with trak and mvex; avcC inside avc1', () => {
    const nalus = fixtureNalus('h264-320x240-25fps.h264');
    const cfg = buildH264Config(nalus[0] as Uint8Array, [nalus[1] as Uint8Array]);
    assert.ok(cfg.ok);
    const init = initSegment(h264VideoTrack(cfg.config));
    const top = walk(init);
    assert.deepEqual(top.map((b) => b[0]), ['ftyp', 'moov']);
    const moov = top[1] as [string, number, number];
    assert.deepEqual(walk(init, moov[1] + 8, moov[1] + moov[2]).map((b) => b[0]), ['mvhd', 'trak', 'mvex']);
    const hex = Buffer.from(init).toString('hex');
    assert.ok(hex.includes(Buffer.from('avcC').toString('hex') + Buffer.from(cfg.config.avcC).toString('hex')));
  });

  test('media segment: trun data offset points at the first sample byte', () => {
    const samples: Sample[] = [
      { data: Uint8Array.of(0, 0, 0, 2, 0x65, 0xaa), duration: 3600, isKey: true },
      { data: Uint8Array.of(0, 0, 0, 1, 0x41), duration: 3600, isKey: false },
    ];
    const seg = mediaSegment(7, 90000, samples);
    const [moof, mdat] = walk(seg) as [[string, number, number], [string, number, number]];
    assert.equal(moof[0], 'moof');
    assert.equal(mdat[0], 'mdat');
    const v = new DataView(seg.buffer);
    // moof(8) mfhd(16) traf(8) tfhd(16) tfdt(20) trun header(8) version/flags(4) count(4) → offset
    const trunAt = 8 + 16 + 8 + 16 + 20;
    assert.equal(v.getUint32(8 + 12), 7, 'mfhd sequence');
    const offset = v.getUint32(trunAt + 16);
    assert.equal(offset, moof[2] + 8);
    assert.deepEqual([...seg.subarray(offset, offset + 6)], [0, 0, 0, 2, 0x65, 0xaa]);
    assert.equal(v.getUint32(trunAt + 20 + 12 + 8), 0x01010000, 'second sample is not sync');
  });

  test('samplesFromPictures: durations from time deltas, last one given, never negative', () => {
    const pics = [0, 3600, 7200, 7000].map((time, i) => ({ time, nalus: [Uint8Array.of(0x41, i)], isKey: i === 0 }));
    assert.deepEqual(samplesFromPictures(pics, 3000).map((s) => s.duration), [3600, 3600, 1, 3000]);
    assert.deepEqual([...(samplesFromPictures(pics, 1)[1]?.data ?? [])], [0, 0, 0, 2, 0x41, 1]);
  });
});
