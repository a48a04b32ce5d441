/**
 * Test-only: real H.264/H.265 pictures for the recorder, built the way ingest builds them
 * (fixture → RTP packetizer → depacketizer → length-prefixed sample data), and a looping,
 * clocked feed of them with optional camera clock drift.
 */
import { spawnSync } from 'node:child_process';
import { buildH264Config } from '../../h26x/avcc.ts';
import { createH264Depacketizer } from '../../h26x/h264.ts';
import { createH265Depacketizer } from '../../h26x/h265.ts';
import { buildH265Config } from '../../h26x/hvcc.ts';
import { h264VideoTrack, h265VideoTrack, sampleData, type VideoTrack } from '../../mp4/index.ts';
import { fixtureNalus, groupAccessUnits, h264TestCodec, h265TestCodec, packetize } from '../../testing/packetizer.ts';
import type { TimedPicture } from '../../types.ts';

export interface FixturePicture {
  /** pts relative to the fixture's first picture, 90 kHz. */
  offset90k: number;
  isKey: boolean;
  data: Uint8Array;
}

export interface FixtureStream {
  track: VideoTrack;
  pictures: FixturePicture[];
  frame90k: number;
}

/** Decodes nothing: packetizes a fixture and depacketizes it back into samples. */
export function fixtureStream(name: string, fps: number): FixtureStream {
  const h265 = name.startsWith('h265');
  const frame90k = Math.round(90_000 / fps);
  const aus = groupAccessUnits(h265 ? h265TestCodec : h264TestCodec, fixtureNalus(name));
  const packets = packetize(h265 ? h265TestCodec : h264TestCodec, aus, { frameDuration: frame90k, firstTimestamp: 0 });
  const d = h265 ? createH265Depacketizer() : createH264Depacketizer();
  const pictures: FixturePicture[] = [];
  let sets: readonly Uint8Array[] = [];
  for (const p of packets) {
    for (const e of d.push(p)) {
      if (e.kind !== 'access-unit') throw new Error(`fixture picture dropped: ${e.code}`);
      sets = e.unit.parameterSets;
      pictures.push({ offset90k: e.unit.timestamp, isKey: e.unit.isKey, data: sampleData(e.unit.nalus) });
    }
  }
  let track: VideoTrack;
  if (h265) {
    const c = buildH265Config(sets[0] as Uint8Array, sets[1] as Uint8Array, sets[2] as Uint8Array, 'hev1');
    if (!c.ok) throw new Error(`hvcC: ${c.error}`);
    track = h265VideoTrack(c.config);
  } else {
    const c = buildH264Config(sets[0] as Uint8Array, [sets[1] as Uint8Array]);
    if (!c.ok) throw new Error(`avcC: ${c.error}`);
    track = h264VideoTrack(c.config);
  }
  return { track, pictures, frame90k };
}

/** Adds a filler NAL unit (type 12) to each picture so the stream averages `kbit` kbit/s. */
export function padded(s: FixtureStream, kbit: number): FixtureStream {
  const have = s.pictures.reduce((n, p) => n + p.data.length, 0) / s.pictures.length;
  const want = (kbit * 1000) / 8 / 25;
  if (want <= have + 6) return s;
  const filler = new Uint8Array(Math.round(want - have));
  new DataView(filler.buffer).setUint32(0, filler.length - 4);
  filler.fill(0xff, 4);
  filler[4] = 12;
  filler[filler.length - 1] = 0x80;
  return { ...s, pictures: s.pictures.map((p) => ({ ...p, data: Buffer.concat([p.data, filler]) })) };
}

export interface FeedOptions {
  /** Recorder clock at the first picture. */
  startMs: number;
  /** pts of the first picture (unwrapped RTP time). */
  firstPts: number;
  /** Camera clock error: positive runs fast (more pts per real second). */
  cameraPpm?: number;
  /** Delay from capture to `receivedAtMs`; a function adds jitter. */
  latencyMs?: number | ((i: number) => number);
}

/** The endless picture sequence of a looping fixture on a real-time timeline. */
export function* loopPictures(s: FixtureStream, o: FeedOptions): Generator<TimedPicture> {
  const ppm = o.cameraPpm ?? 0;
  const latency = typeof o.latencyMs === 'function' ? o.latencyMs : () => (o.latencyMs as number | undefined) ?? 0;
  for (let i = 0; ; i++) {
    const p = s.pictures[i % s.pictures.length] as FixturePicture;
    const real90k = i * s.frame90k;
    yield {
      pts: o.firstPts + Math.round(real90k * (1 + ppm / 1e6)),
      isKey: p.isKey,
      data: p.data,
      receivedAtMs: o.startMs + real90k / 90 + latency(i),
    };
  }
}

export interface ProbeResult {
  stderr: string;
  codec: string;
  width: number;
  height: number;
  frames: number;
  durationS: number;
}

/** ffprobe with frame counting; `stderr` must be empty for a clean file. */
export function probe(path: string): ProbeResult {
  const r = spawnSync(
    '/usr/bin/ffprobe',
    ['-v', 'error', '-count_frames', '-show_entries', 'stream=nb_read_frames,width,height,codec_name:format=duration', '-of', 'json', path],
    { encoding: 'utf8' },
  );
  const j = JSON.parse(r.stdout || '{}') as { streams?: Record<string, string | number>[]; format?: { duration?: string } };
  const st = j.streams?.[0] ?? {};
  return {
    stderr: r.stderr.trim() + (r.status === 0 ? '' : ` (exit ${r.status})`),
    codec: String(st.codec_name ?? ''),
    width: Number(st.width ?? 0),
    height: Number(st.height ?? 0),
    frames: Number(st.nb_read_frames ?? 0),
    durationS: Number(j.format?.duration ?? NaN),
  };
}
