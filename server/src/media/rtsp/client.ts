/**
 * Thin socket adapter that runs the pure session reducer (`session.ts`) on a TCP connection and,
 * for UDP transport, a pair of datagram sockets; RTP goes through the reorder buffer and the
 * H.264/H.265 depacketizer. All protocol decisions live in the reducer.
 */
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect as tcpConnect, type Socket } from 'node:net';
import type { AccessUnit, DepacketizeErrorCode } from '../h26x/access-unit.ts';
import type { Depacketizer } from '../h26x/depacketizer.ts';
import { createH264Depacketizer } from '../h26x/h264.ts';
import { createH265Depacketizer } from '../h26x/h265.ts';
import { parseRtp, type RtpPacket } from '../rtp/packet.ts';
import { ReorderBuffer } from '../rtp/reorder.ts';
import { RtspStreamParser, type RtspStreamSink } from './message.ts';
import { h264Fmtp, h265Fmtp } from './sdp.ts';
import { initialSession, step, type PlayingTrack, type SessionCommand, type SessionConfig, type SessionEvent, type SessionFailure, type SessionState } from './session.ts';

// a plain Uint8Array: its subarrays are cheaper to make than Buffer views, one per RTP packet
const SHARED_READ_BUFFER = new Uint8Array(64 * 1024);

/** Callbacks and settings of a client. */
export interface RtspClientOptions extends SessionConfig {
  onAccessUnit(unit: AccessUnit, track: PlayingTrack): void;
  onPlaying?(track: PlayingTrack): void;
  onFailure?(reason: SessionFailure, retryInMs: number): void;
  onDropped?(code: DepacketizeErrorCode): void;
  /** Timer period for keepalive, timeouts and backoff; default 500 ms. */
  tickMs?: number;
}

/** One camera stream: `start()` connects and keeps reconnecting until `stop()`. */
export class RtspClient {
  private state: SessionState = initialSession();
  private socket: Socket | null = null;
  private udp: [UdpSocket, UdpSocket] | null = null;
  private parser = new RtspStreamParser();
  private track: PlayingTrack | null = null;
  private depacketizer: Depacketizer | null = null;
  private reorder: ReorderBuffer<RtpPacket> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastMediaEvent = 0;

  constructor(private readonly options: RtspClientOptions) {}

  /** Current phase, for status displays and tests. */
  get phase(): SessionState['phase'] {
    return this.state.phase;
  }

  /** Starts connecting. */
  start(): void {
    this.timer = setInterval(() => this.dispatch({ type: 'tick', now: Date.now() }), this.options.tickMs ?? 500);
    this.dispatch({ type: 'start', now: Date.now() });
  }

  /** Sends TEARDOWN when a session exists, then closes everything. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.dispatch({ type: 'stop', now: Date.now() });
  }

  private dispatch(event: SessionEvent): void {
    const result = step(this.options, this.state, event);
    this.state = result.state;
    for (const c of result.commands) this.run(c);
  }

  private run(c: SessionCommand): void {
    switch (c.type) {
      case 'connect':
        this.open(c.host, c.port, c.udp);
        return;
      case 'send':
        this.socket?.write(c.bytes);
        return;
      case 'close':
        this.close();
        return;
      case 'playing':
        this.startTrack(c.track);
        return;
      case 'failed':
        this.options.onFailure?.(c.reason, c.retryInMs);
        return;
    }
  }

  private open(host: string, port: number, udp: boolean): void {
    this.parser = new RtspStreamParser();
    const socket: Socket = tcpConnect({
      host,
      port,
      // One read buffer for every camera of the process instead of a fresh 64 KiB allocation per read:
      // with hundreds of cameras those allocations made garbage collection the largest cost. Reads are
      // handled synchronously and everything kept past a read (fragments, NAL units, the parser's
      // tail) is copied, so reusing the buffer is safe.
      onread: {
        buffer: SHARED_READ_BUFFER,
        callback: (n: number, buf: Uint8Array) => {
          if (this.socket === socket) this.onData(buf.subarray(0, n));
          return true;
        },
      },
    });
    this.socket = socket;
    let connected = false;
    socket.setNoDelay(true);
    socket.on('connect', () => {
      connected = true;
      const cnonce = randomBytes(8).toString('hex');
      if (!udp) return this.dispatch({ type: 'connected', now: Date.now(), cnonce });
      bindRtpPair().then(
        (pair) => {
          if (this.socket !== socket) return void pair.forEach((s) => s.close());
          this.udp = pair;
          pair[0].on('message', (msg) => this.onRtp(msg));
          this.dispatch({ type: 'connected', now: Date.now(), cnonce, udpPort: pair[0].address().port });
        },
        () => this.dispatch({ type: 'connect-failed', now: Date.now() }),
      );
    });
    socket.on('error', () => undefined); // 'close' follows and reports it
    socket.on('close', () => {
      if (this.socket === socket) this.dispatch({ type: connected ? 'closed' : 'connect-failed', now: Date.now() });
    });
  }

  private onData(chunk: Uint8Array): void {
    this.parser.feed(chunk, this.sink);
  }

  /** Messages and frames in arrival order: a PLAY response starts the track before the RTP behind it. */
  private readonly sink: RtspStreamSink = {
    frame: (channel, payload) => {
      if (this.track?.transport.interleaved?.[0] === channel) this.onRtp(payload);
    },
    event: (e) => {
      if (e.kind === 'response') this.dispatch({ type: 'response', now: Date.now(), response: e });
      else if (e.kind === 'request') this.dispatch({ type: 'server-request', now: Date.now(), request: e });
      else if (e.fatal) this.dispatch({ type: 'protocol-error', now: Date.now() });
    },
  };

  private close(): void {
    const s = this.socket;
    this.socket = null;
    // end() flushes a pending TEARDOWN; destroy shortly after in case the peer never closes
    if (s) {
      s.end();
      setTimeout(() => s.destroy(), 1000).unref();
    }
    this.udp?.forEach((u) => u.close());
    this.udp = null;
    this.track = null;
    this.depacketizer = null;
    this.reorder = null;
  }

  private startTrack(track: PlayingTrack): void {
    this.track = track;
    if (track.codec === 'H264') {
      const f = h264Fmtp(track.media.fmtp);
      this.depacketizer = createH264Depacketizer({ sps: f.sps[0], pps: f.pps[0] });
    } else {
      const f = h265Fmtp(track.media.fmtp);
      this.depacketizer = createH265Depacketizer({ vps: f.vps[0], sps: f.sps[0], pps: f.pps[0] });
    }
    // TCP never reorders; UDP needs a small window
    this.reorder = track.transport.protocol === 'udp' ? new ReorderBuffer<RtpPacket>({ capacity: 64 }) : null;
    this.options.onPlaying?.(track);
  }

  private onRtp(bytes: Uint8Array): void {
    const track = this.track;
    const depacketizer = this.depacketizer;
    if (track === null || depacketizer === null) return;
    const parsed = parseRtp(bytes);
    if (!parsed.ok || !track.media.payloadTypes.includes(parsed.packet.payloadType)) return;
    const now = Date.now();
    // liveness needs a heartbeat, not a reducer step per packet
    if (now - this.lastMediaEvent >= 1000) {
      this.lastMediaEvent = now;
      this.dispatch({ type: 'media', now });
    }
    // TCP never reorders: no array per packet on the common path
    if (this.reorder === null) this.depacketize(depacketizer, parsed.packet, track);
    else for (const p of this.reorder.push(parsed.packet)) this.depacketize(depacketizer, p, track);
  }

  private depacketize(depacketizer: Depacketizer, p: RtpPacket, track: PlayingTrack): void {
    const events = depacketizer.push(p);
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.kind === 'access-unit') this.options.onAccessUnit(e.unit, track);
      else this.options.onDropped?.(e.code);
    }
  }
}

/** Binds RTP on an even port and RTCP on the next one (RFC 3550 §11), retrying a few times. */
async function bindRtpPair(): Promise<[UdpSocket, UdpSocket]> {
  const bind = (port: number): Promise<UdpSocket> =>
    new Promise((resolve, reject) => {
      const s = createSocket('udp4');
      s.once('error', (err) => {
        s.close();
        reject(err);
      });
      s.bind(port, () => resolve(s));
    });
  for (let i = 0; i < 20; i++) {
    const probe = await bind(0);
    const port = probe.address().port & ~1;
    probe.close();
    try {
      const rtp = await bind(port);
      try {
        return [rtp, await bind(port + 1)];
      } catch {
        rtp.close();
      }
    } catch {
      // taken in the meantime; try another
    }
  }
  throw new Error('no free RTP port pair');
}
