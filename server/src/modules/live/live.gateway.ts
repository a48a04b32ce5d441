import type { WebSocket } from 'ws';
import { LIVE_KIND, LIVE_MAX_CHANNELS, liveClientMessageSchema, type LiveServerMessage } from '@pantau/shared';
import type { Actor } from '../../platform/authz/actor.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { CameraStatusEvent, LiveViewer } from '../../media/index.ts';
import type { LiveService } from './live.service.ts';

const VISIBLE_REFRESH_MS = 60_000;
/** A message another module pushes to every live socket whose actor is in its audience. */
export interface LiveBroadcast {
  message: LiveServerMessage;
  visibleTo(actor: Actor): boolean;
}

function frame(kind: number, channel: number, payload: Uint8Array): Buffer {
  const b = Buffer.allocUnsafe(3 + payload.length);
  b[0] = kind;
  b.writeUInt16BE(channel, 1);
  b.set(payload, 3);
  return b;
}

/** One browser tab's live socket: many channels (camera streams), camera status pushed as it changes. */
export class LiveConnection {
  private readonly channels = new Map<number, Promise<(() => void) | null>>();
  private visible = new Set<string>();
  private visibleAt = 0;

  constructor(
    private readonly ws: WebSocket,
    private readonly actor: Actor,
    private readonly live: LiveService,
  ) {}

  async start(): Promise<void> {
    // listen before any await: a page subscribes the moment the socket opens
    this.ws.on('message', (data, isBinary) => void this.onMessage(isBinary ? null : data.toString()));
    this.ws.on('close', () => this.closeAll());
    await this.refreshVisible();
  }

  /** Status of a camera this actor may see. */
  async pushStatus(e: CameraStatusEvent): Promise<void> {
    if (Date.now() - this.visibleAt > VISIBLE_REFRESH_MS) await this.refreshVisible();
    if (!this.visible.has(e.cameraId)) return;
    this.send({ type: 'camera-status', cameraId: e.cameraId, status: e.status, reason: e.reason, fps: e.fps, bitrateKbps: e.bitrateKbps, lastFrameAt: e.lastFrameAt?.toISOString() ?? null });
  }

  /** A message of another module's topic, sent only if its audience includes this actor. */
  pushBroadcast(b: LiveBroadcast): void {
    if (b.visibleTo(this.actor)) this.send(b.message);
  }
  private async refreshVisible(): Promise<void> {
    this.visibleAt = Date.now();
    this.visible = await this.live.visibleIds(this.actor);
  }

  private send(m: LiveServerMessage): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(m));
  }

  private async onMessage(text: string | null): Promise<void> {
    let parsed;
    try {
      parsed = text === null || text.length > 4096 ? null : liveClientMessageSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) return this.send({ type: 'error', channel: null, code: 'bad_message', message: 'Pesan tidak valid' });
    const m = parsed.data;
    if (m.type === 'ping') return this.send({ type: 'pong' });
    if (m.type === 'unsubscribe') return void this.drop(m.channel);
    if (this.channels.size >= LIVE_MAX_CHANNELS && !this.channels.has(m.channel)) {
      return this.send({ type: 'error', channel: m.channel, code: 'too_many_channels', message: `Paling banyak ${LIVE_MAX_CHANNELS} kamera per koneksi` });
    }
    await this.drop(m.channel);
    const channel = m.channel;
    const ws = this.ws;
    const viewer: LiveViewer = {
      backlog: () => ws.bufferedAmount,
      init: (mime, bytes) => {
        this.send({ type: 'init', channel, mime });
        if (ws.readyState === ws.OPEN) ws.send(frame(LIVE_KIND.init, channel, bytes));
      },
      fragment: (bytes, isKey) => {
        if (ws.readyState === ws.OPEN) ws.send(frame(isKey ? LIVE_KIND.keyFragment : LIVE_KIND.fragment, channel, bytes));
      },
      ended: (reason) => this.send({ type: 'ended', channel, reason }),
    };
    const opening = this.live.open(this.actor, m.cameraId, m.stream, viewer).catch((e: unknown) => {
      const code = e instanceof DomainError ? (e.code === 'not_found' ? 'not_found' : e.code === 'forbidden' ? 'forbidden' : 'media_unavailable') : 'media_unavailable';
      this.send({ type: 'error', channel, code, message: e instanceof Error ? e.message : 'Gagal membuka video' });
      this.channels.delete(channel);
      return null;
    });
    this.channels.set(channel, opening);
  }

  private async drop(channel: number): Promise<void> {
    const p = this.channels.get(channel);
    if (!p) return;
    this.channels.delete(channel);
    (await p)?.();
  }

  private closeAll(): void {
    for (const ch of [...this.channels.keys()]) void this.drop(ch);
  }
}
