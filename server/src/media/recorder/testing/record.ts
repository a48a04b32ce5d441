/** Test helpers that record fixture pictures through a real Recorder. */
import { randomUUID } from 'node:crypto';
import type { PictureSink, StreamKind, TimedPicture } from '../../types.ts';
import type { Recorder } from '../recorder.ts';
import { rotationOffset90k } from '../timing.ts';
import { loopPictures, type FixtureStream } from './fixture-stream.ts';

/**
 * A camera whose streams do not rotate in the first `seconds` after a whole minute (60 s
 * segments; T0 is on a minute), so a short test sees one recording per run.
 */
export function quietCamera(seconds = 6): string {
  for (;;) {
    const id = randomUUID();
    if ((['main', 'sub'] as const).every((s) => rotationOffset90k(id, s, 60 * 90_000) > seconds * 90_000)) return id;
  }
}

/** A recorder clock the test moves with the pictures. */
export class TestClock {
  constructor(public ms: number) {}
  readonly now = (): number => this.ms;
}

/** Plays `n` pictures of a looping fixture into a sink as one run, letting the writer keep up. */
export async function playRun(
  rec: Recorder,
  sink: PictureSink,
  clock: TestClock,
  s: FixtureStream,
  o: { cameraId: string; stream?: StreamKind; startMs: number; firstPts: number; n: number; end?: string | null },
): Promise<TimedPicture[]> {
  const gen = loopPictures(s, { startMs: o.startMs, firstPts: o.firstPts });
  const first = gen.next().value as TimedPicture;
  clock.ms = first.receivedAtMs;
  sink.startRun({ cameraId: o.cameraId, stream: o.stream ?? 'main', track: s.track, startedAtMs: first.receivedAtMs, firstPts: first.pts });
  const pics = [first];
  sink.push(first);
  for (let i = 1; i < o.n; i++) {
    const p = gen.next().value as TimedPicture;
    clock.ms = p.receivedAtMs;
    sink.push(p);
    pics.push(p);
    if (i % 25 === 0) await rec.flush();
  }
  if (o.end !== null) sink.endRun(o.end ?? 'disconnect');
  await rec.flush();
  return pics;
}

