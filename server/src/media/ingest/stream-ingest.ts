import { RtspClient, type PlayingTrack, type SessionFailure } from '../rtsp/index.ts';
import { TimestampUnwrapper } from '../rtp/index.ts';
import type { AccessUnit } from '../h26x/index.ts';
import { sampleData, type VideoTrack } from '../mp4/index.ts';
import type { CameraStatusEvent, PictureSink, StreamKind } from '../types.ts';
import { trackFor } from './track.ts';

export interface StreamIngestOptions {
  cameraId: string;
  stream: StreamKind;
  /** RTSP URL with credentials already inserted (never logged). */
  url: string;
  transport: 'tcp' | 'udp';
  now?: () => number;
  deadAfterMs?: number;
  backoffMs?: readonly number[];
  onStatus(event: CameraStatusEvent): void;
}

// failures a reconnect will not cure are errors; the rest mean the camera is just offline
const ERRORS = new Set<SessionFailure>(['unauthorized', 'auth-unsupported', 'unsupported-codec', 'bad-sdp', 'bad-transport', 'invalid-url']);
const STATS_EVERY_MS = 5000;

/**
 * One RTSP stream of one camera: keeps it connected (the client reconnects with backoff), turns
 * access units into timed pictures and hands them to its sinks (recorder, live hub). Never decodes.
 */
export class StreamIngest {
  private readonly client: RtspClient;
  private readonly sinks = new Set<PictureSink>();
  private readonly now: () => number;
  private unwrapper = new TimestampUnwrapper();
  private track: VideoTrack | null = null;
  private runOpen = false;
  private waitingForKey = true;
  private lastStatus: CameraStatusEvent['status'] | null = null;
  private stats = { frames: 0, bytes: 0, since: 0, lastFrameAt: null as Date | null };
  private lastPts: number | null = null;
  /** Totals since start, for metrics and benchmarks. */
  readonly totals = { frames: 0, bytes: 0, runs: 0 };

  constructor(private readonly opts: StreamIngestOptions) {
    this.now = opts.now ?? Date.now;
    this.client = new RtspClient({
      url: opts.url,
      transport: opts.transport,
      userAgent: 'Pantau',
      deadAfterMs: opts.deadAfterMs,
      backoffMs: opts.backoffMs,
      onAccessUnit: (unit, track) => this.onUnit(unit, track),
      onPlaying: () => this.onPlaying(),
      onFailure: (reason) => this.onFailure(reason),
    });
  }

  start(): void {
    this.client.start();
  }

  stop(): void {
    this.client.stop();
    this.endRun('detached');
  }

  addSink(sink: PictureSink): void {
    this.sinks.add(sink);
    if (this.runOpen && this.track && this.lastPts !== null) sink.startRun({ cameraId: this.opts.cameraId, stream: this.opts.stream, track: this.track, startedAtMs: this.now(), firstPts: this.lastPts });
  }

  removeSink(sink: PictureSink): void {
    if (this.sinks.delete(sink) && this.runOpen) sink.endRun('unsubscribed');
  }

  get sinkCount(): number {
    return this.sinks.size;
  }

  private onPlaying(): void {
    this.unwrapper = new TimestampUnwrapper();
    this.waitingForKey = true;
    this.stats = { frames: 0, bytes: 0, since: this.now(), lastFrameAt: this.stats.lastFrameAt };
  }

  private onUnit(unit: AccessUnit, playing: PlayingTrack): void {
    const pts = this.unwrapper.unwrap(unit.timestamp);
    if (this.waitingForKey && !unit.isKey) return;
    if (unit.isKey && (this.track === null || unit.parameterSetsChanged || !this.runOpen)) {
      const t = trackFor(playing.codec, unit);
      if (!t.ok) {
        this.emitStatus('error', t.reason);
        return;
      }
      this.endRun('parameters-changed');
      this.track = t.track;
      this.runOpen = true;
      this.totals.runs++;
      const run = { cameraId: this.opts.cameraId, stream: this.opts.stream, track: t.track, startedAtMs: this.now(), firstPts: pts };
      for (const s of this.sinks) s.startRun(run);
    }
    this.waitingForKey = false;
    const data = sampleData(unit.nalus);
    const picture = { pts, isKey: unit.isKey, data, receivedAtMs: this.now() };
    this.lastPts = pts;
    for (const s of this.sinks) s.push(picture);
    this.stats.frames++;
    this.stats.bytes += data.length;
    this.totals.frames++;
    this.totals.bytes += data.length;
    this.stats.lastFrameAt = new Date(picture.receivedAtMs);
    if (this.lastStatus !== 'online' || picture.receivedAtMs - this.stats.since >= STATS_EVERY_MS) this.emitStatus('online', null);
  }

  private onFailure(reason: SessionFailure): void {
    this.endRun(reason);
    this.emitStatus(ERRORS.has(reason) ? 'error' : 'offline', reason);
  }

  private endRun(reason: string): void {
    if (!this.runOpen) return;
    this.runOpen = false;
    for (const s of this.sinks) s.endRun(reason);
  }

  private emitStatus(status: CameraStatusEvent['status'], reason: string | null): void {
    const now = this.now();
    const secs = Math.max(0.001, (now - this.stats.since) / 1000);
    const online = status === 'online';
    this.opts.onStatus({
      cameraId: this.opts.cameraId,
      status,
      reason,
      fps: online && this.stats.frames > 1 ? Math.round((this.stats.frames / secs) * 10) / 10 : null,
      bitrateKbps: online && this.stats.frames > 1 ? Math.round((this.stats.bytes * 8) / secs / 1000) : null,
      lastFrameAt: this.stats.lastFrameAt,
      codec: this.track?.codec ?? null,
      width: this.track?.width ?? null,
      height: this.track?.height ?? null,
    });
    this.lastStatus = status;
    if (online) this.stats = { frames: 0, bytes: 0, since: now, lastFrameAt: this.stats.lastFrameAt };
  }
}
