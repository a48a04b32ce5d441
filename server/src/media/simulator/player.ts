/**
 * Plays one session: walks a prepared fixture's frames in a loop at its frame rate, stamping
 * continuous RTP sequence numbers and timestamps across loops, and hands them to a sink (a TCP
 * connection or a UDP destination). Runs on the shared {@link TimerWheel}. Applies the faults
 * that act on media (stall, flood, garbage, disconnect) and keeps memory bounded: when a sink's
 * backlog passes its limit, frames are dropped up to the next keyframe.
 */
import type { FaultSet } from './faults.ts';
import { stampFrame, type FrameTemplate, type PreparedStream } from './packetizer.ts';
import type { WheelTask } from './scheduler.ts';

/** Where a session's media goes. */
export interface MediaSink {
  /** Bytes accepted but not yet written to the kernel. */
  backlog(): number;
  /** Sends a stamped frame (the template's layout); returns the bytes put on the wire. */
  sendFrame(bytes: Uint8Array, template: FrameTemplate): number;
  /** Sends junk (garbage fault): raw bytes on TCP, one datagram on UDP. */
  sendJunk(bytes: Uint8Array): void;
  /** Closes the client's RTSP connection (disconnect fault). */
  close(): void;
}

/** Counters of one stream (all sessions of one camera encoding). */
export interface StreamStats {
  framesSent: number;
  bytesSent: number;
  packetsSent: number;
  /** Frames skipped because a client could not keep up. */
  framesDropped: number;
  /** Sessions playing now. */
  sessions: number;
}

/** A zeroed {@link StreamStats}. */
export function emptyStats(): StreamStats {
  return { framesSent: 0, bytesSent: 0, packetsSent: 0, framesDropped: 0, sessions: 0 };
}

/** Settings of one player. */
export interface PlayerOptions {
  readonly stream: PreparedStream;
  readonly sink: MediaSink;
  /** Interleaved RTP channel (ignored by UDP sinks). */
  readonly channel: number;
  readonly seq: number;
  readonly rtptime: number;
  readonly ssrc: number;
  readonly faults: FaultSet;
  /** First frame to send and how many frames behind the live position it is (sent as a burst). */
  readonly start: { readonly index: number; readonly behind: number };
  readonly now: number;
  readonly stats: StreamStats;
  /** Backlog above which frames are dropped up to the next keyframe. */
  readonly maxQueueBytes: number;
  readonly random?: () => number;
}

/** Frames sent per wheel visit at most, so a catch-up burst or a flood cannot hog the loop. */
const MAX_FRAMES_PER_RUN = 8;
/** Further behind than this (a blocked event loop), the schedule restarts from now. */
const MAX_LAG_MS = 3000;
/** The initial burst never goes further back than this. */
const MAX_BURST_MS = 2500;

/**
 * Where a new session starts: the keyframe at or before the camera's live position (so the
 * client can decode at once; the frames up to the live position follow as a burst), or, for
 * `late` parameter sets, the live position itself moved off any keyframe.
 */
export function startPosition(stream: PreparedStream, liveIndex: number, late: boolean): { index: number; behind: number } {
  const n = stream.frames.length;
  const live = ((liveIndex % n) + n) % n;
  if (late) return { index: stream.frames[live]?.isKey && n > 1 ? (live + 1) % n : live, behind: 0 };
  let key = stream.keyIndexes[stream.keyIndexes.length - 1] as number;
  for (const k of stream.keyIndexes) if (k <= live) key = k;
  return { index: key, behind: (live - key + n) % n };
}

/** Plays one session; schedule it on a {@link TimerWheel} at {@link Player.firstDue}. */
export class Player implements WheelTask {
  private readonly frameMs: number;
  private readonly tsStep: number;
  private index: number;
  private seq: number;
  /** Frames advanced since the start (sent or dropped): drives timestamps and due times. */
  private count = 0;
  private origin: number;
  private readonly stallAt: number | null;
  private readonly closeAt: number | null;
  private waitKey = false;
  private stopped = false;
  private readonly random: () => number;

  constructor(private readonly o: PlayerOptions) {
    const fps = o.stream.fixture.fps;
    this.frameMs = 1000 / fps / o.faults.floodFactor;
    this.tsStep = 90000 / fps;
    this.index = o.start.index;
    this.seq = o.seq & 0xffff;
    const burst = Math.min(o.start.behind * (1000 / fps), MAX_BURST_MS);
    this.origin = o.now - burst;
    this.stallAt = o.faults.stallAfterMs === null ? null : o.now + o.faults.stallAfterMs;
    this.closeAt = o.faults.disconnectAfterMs === null ? null : o.now + o.faults.disconnectAfterMs;
    this.random = o.random ?? Math.random;
  }

  /** When the first frame is due. */
  get firstDue(): number {
    return this.origin;
  }

  /** Stops for good; the next wheel visit removes it. */
  stop(): void {
    this.stopped = true;
  }

  /** Sends what is due; returns the next due time, or null when finished. */
  run(now: number): number | null {
    if (this.stopped) return null;
    if (this.closeAt !== null && now >= this.closeAt) {
      this.stopped = true;
      this.o.sink.close();
      return null;
    }
    let due = this.origin + this.count * this.frameMs;
    if (this.stallAt !== null && now >= this.stallAt) return this.closeAt;
    for (let sent = 0; due <= now && sent < MAX_FRAMES_PER_RUN && !this.stopped; sent++) {
      this.emit();
      due = this.origin + this.count * this.frameMs;
    }
    if (now - due > MAX_LAG_MS) {
      this.origin = now - this.count * this.frameMs;
      due = now;
    }
    if (this.stopped) return null;
    return this.closeAt === null ? due : Math.min(due, this.closeAt);
  }

  private emit(): void {
    const { stream, sink, stats, maxQueueBytes } = this.o;
    const t = stream.frames[this.index] as FrameTemplate;
    const ts = (this.o.rtptime + Math.round(this.count * this.tsStep)) >>> 0;
    this.count++;
    this.index = (this.index + 1) % stream.frames.length;
    const backlog = sink.backlog();
    if (backlog > maxQueueBytes) this.waitKey = true;
    if (this.waitKey && (!t.isKey || backlog > maxQueueBytes / 2)) {
      stats.framesDropped++;
      return;
    }
    this.waitKey = false;
    const out = Buffer.allocUnsafe(t.bytes.length);
    this.seq = stampFrame(t, out, this.o.channel, this.seq, ts, this.o.ssrc);
    if (this.o.faults.garbageRate > 0 && this.random() < this.o.faults.garbageRate) this.garbage(out, t);
    stats.bytesSent += sink.sendFrame(out, t);
    stats.framesSent++;
    stats.packetsSent += t.offsets.length;
  }

  /** Either junk before the frame or one packet's payload replaced by random bytes. */
  private garbage(out: Uint8Array, t: FrameTemplate): void {
    if (this.random() < 0.5) {
      const junk = new Uint8Array(1 + Math.floor(this.random() * 64));
      // never `$` or A–Z: junk that a resilient reader can skip without losing framing
      for (let i = 0; i < junk.length; i++) {
        const b = Math.floor(this.random() * 256);
        junk[i] = b === 0x24 || (b >= 0x41 && b <= 0x5a) ? 0x00 : b;
      }
      this.o.sink.sendJunk(junk);
      return;
    }
    const k = Math.floor(this.random() * t.offsets.length);
    const start = (t.offsets[k] as number) + 16;
    const end = k + 1 < t.offsets.length ? (t.offsets[k + 1] as number) : out.length;
    for (let i = start; i < end; i++) out[i] = Math.floor(this.random() * 256);
  }
}
