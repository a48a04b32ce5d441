import type { IncidentLiveEvent, LiveStream } from '@pantau/shared';
import {
  backoffDelay,
  CLOSE_ORIGIN,
  CLOSE_UNAUTHENTICATED,
  encodeClientMessage,
  parseMediaFrame,
  parseServerMessage,
  type CameraStatusPush,
  type LiveErrorCode,
  type MediaKind,
} from './protocol.ts';

/** Events of one socket, as the connection needs them. */
export interface SocketHandlers {
  open(): void;
  close(code: number): void;
  text(data: string): void;
  binary(data: ArrayBuffer): void;
}
export interface SocketPort {
  send(text: string): void;
  close(code?: number): void;
}
/** Opens a socket; the browser's WebSocket in the console, a fake in unit tests. */
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketPort;

/** What a player hears on its channel. */
export interface ChannelListener {
  init(mime: string): void;
  media(kind: MediaKind, data: Uint8Array): void;
  ended(reason: string): void;
  error(code: LiveErrorCode, message: string): void;
  /** The socket dropped; the channel is subscribed again when it returns and a new init follows. */
  interrupted(): void;
}

export interface ChannelRequest {
  cameraId: string;
  stream: LiveStream;
}

export type LiveConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'signed-out';

export interface LiveConnectionOptions {
  url: () => string;
  socket: SocketFactory;
  /** Called when the server refuses the socket for want of a session (close code 4401). */
  onUnauthenticated?: () => void;
}

const PING_MS = 20_000;
/** Without any message for this long (pongs included) the socket is deemed dead. */
const DEAD_MS = 50_000;
/** Keeps the socket briefly after the last user leaves, so a page change does not reconnect. */
const LINGER_MS = 5_000;
const MAX_CHANNEL = 65_535;

interface Channel extends ChannelRequest {
  listener: ChannelListener;
}

/**
 * The console's ONE live WebSocket (`/api/live`): a topic store multiplexing every camera a tab
 * shows, plus camera status pushes. Opens when the first user appears and closes shortly after the
 * last one leaves; reconnects with backoff and resubscribes every channel.
 */
export class LiveConnection {
  private socket: SocketPort | null = null;
  private generation = 0;
  private state: LiveConnectionState = 'idle';
  private readonly channels = new Map<number, Channel>();
  private nextChannel = 1;
  private retainers = 0;
  private attempt = 0;
  private lastMessageAt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private lingerTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private readonly stateListeners = new Set<(s: LiveConnectionState) => void>();
  private readonly statusListeners = new Set<(s: CameraStatusPush) => void>();
  private readonly incidentListeners = new Set<(e: IncidentLiveEvent) => void>();

  constructor(private readonly opts: LiveConnectionOptions) {}

  getState(): LiveConnectionState {
    return this.state;
  }

  onState(listener: (s: LiveConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => void this.stateListeners.delete(listener);
  }

  /** Status pushes for every camera the user may see; listening alone does not open the socket. */
  onStatus(listener: (s: CameraStatusPush) => void): () => void {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  }

  /** Incident changes the user may know of (the incidents topic); listening alone does not open the socket. */
  onIncident(listener: (e: IncidentLiveEvent) => void): () => void {
    this.incidentListeners.add(listener);
    return () => void this.incidentListeners.delete(listener);
  }

  /** Declares interest in status pushes (opens the socket); returns the release. */
  retain(): () => void {
    this.retainers++;
    this.wake();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.retainers--;
      this.maybeLinger();
    };
  }

  /** Subscribes a camera stream on a fresh channel; returns the unsubscribe. */
  subscribe(req: ChannelRequest, listener: ChannelListener): () => void {
    const channel = this.allocate();
    this.channels.set(channel, { ...req, listener });
    if (this.state === 'open') this.sendSubscribe(channel);
    else this.wake();
    return () => {
      if (!this.channels.delete(channel)) return;
      if (this.state === 'open') this.send({ type: 'unsubscribe', channel });
      this.maybeLinger();
    };
  }

  /** Number of channels in use (for diagnostics and tests). */
  get channelCount(): number {
    return this.channels.size;
  }

  /** Drops the socket for good (sign-out); later interest opens a new one. */
  close(): void {
    this.clearTimers();
    const had = this.socket !== null;
    this.abandonSocket(1000);
    if (had) for (const ch of this.channels.values()) ch.listener.interrupted();
    this.attempt = 0;
    this.setState('idle');
  }

  private allocate(): number {
    for (let i = 0; i < MAX_CHANNEL; i++) {
      const c = this.nextChannel;
      this.nextChannel = c >= MAX_CHANNEL ? 1 : c + 1;
      if (!this.channels.has(c)) return c;
    }
    throw new Error('no free live channel');
  }

  private get wanted(): boolean {
    return this.retainers > 0 || this.channels.size > 0;
  }

  private wake(): void {
    if (this.lingerTimer) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = null;
    }
    if (this.state === 'idle' || this.state === 'signed-out') this.connect();
  }

  private maybeLinger(): void {
    if (this.wanted || this.lingerTimer || this.state === 'idle') return;
    this.lingerTimer = setTimeout(() => {
      this.lingerTimer = null;
      if (!this.wanted) this.close();
    }, LINGER_MS);
  }

  private connect(): void {
    this.reconnectTimer = null;
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const gen = ++this.generation;
    const current = () => gen === this.generation;
    this.socket = this.opts.socket(this.opts.url(), {
      open: () => current() && this.opened(),
      close: (code) => current() && this.dropped(code),
      text: (data) => current() && this.onText(data),
      binary: (data) => current() && this.onBinary(data),
    });
  }

  private opened(): void {
    this.attempt = 0;
    this.lastMessageAt = Date.now();
    this.setState('open');
    for (const channel of this.channels.keys()) this.sendSubscribe(channel);
    this.pingTimer = setInterval(() => {
      // A half-open TCP connection never reports a close; silence is the only sign.
      if (Date.now() - this.lastMessageAt > DEAD_MS) this.dropped(1006, true);
      else this.send({ type: 'ping' });
    }, PING_MS);
    this.maybeLinger();
  }

  private dropped(code: number, abandon = false): void {
    if (abandon) this.abandonSocket(4000);
    this.generation++;
    this.socket = null;
    this.clearTimers();
    for (const ch of this.channels.values()) ch.listener.interrupted();
    if (code === CLOSE_UNAUTHENTICATED) {
      this.setState('signed-out');
      this.opts.onUnauthenticated?.();
      return;
    }
    if (!this.wanted) return this.setState('idle');
    // A refused origin will not fix itself quickly: go straight to the longest delay.
    const delay = backoffDelay(code === CLOSE_ORIGIN ? Number.MAX_SAFE_INTEGER : this.attempt);
    this.attempt++;
    this.setState('reconnecting');
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private onText(data: string): void {
    this.lastMessageAt = Date.now();
    const m = parseServerMessage(data);
    if (!m) return;
    switch (m.type) {
      case 'camera-status':
        for (const l of this.statusListeners) l(m);
        return;
      case 'init':
        return this.channels.get(m.channel)?.listener.init(m.mime);
      case 'ended':
        return this.channels.get(m.channel)?.listener.ended(m.reason);
      case 'error':
        if (m.channel !== null) this.channels.get(m.channel)?.listener.error(m.code, m.message);
        return;
      case 'incident':
        for (const l of this.incidentListeners) l(m);
        return;
      case 'pong':
        return;
    }
  }

  private onBinary(data: ArrayBuffer): void {
    this.lastMessageAt = Date.now();
    const f = parseMediaFrame(data);
    // frames of a channel already unsubscribed are still in flight; they are dropped here
    if (f) this.channels.get(f.channel)?.listener.media(f.kind, f.data);
  }

  private sendSubscribe(channel: number): void {
    const ch = this.channels.get(channel);
    if (ch) this.send({ type: 'subscribe', channel, cameraId: ch.cameraId, stream: ch.stream });
  }

  private send(m: Parameters<typeof encodeClientMessage>[0]): void {
    this.socket?.send(encodeClientMessage(m));
  }

  private abandonSocket(code: number): void {
    const s = this.socket;
    this.generation++;
    this.socket = null;
    s?.close(code);
  }

  private clearTimers(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.pingTimer = this.reconnectTimer = this.lingerTimer = null;
  }

  private setState(s: LiveConnectionState): void {
    if (s === this.state) return;
    this.state = s;
    for (const l of this.stateListeners) l(s);
  }
}
