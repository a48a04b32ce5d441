/**
 * The camera simulator's socket adapter: one TCP server for RTSP (and interleaved RTP), one
 * shared UDP socket pair for RTP/RTCP over UDP, one timer wheel for every playing session.
 * Protocol decisions live in `handler.ts`; this file only moves bytes and runs effects.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import { RtspStreamParser } from '../rtsp/message.ts';
import { Catalog, type CameraStats, type CatalogOptions, type StreamSource } from './catalog.ts';
import { expireSessions, handleRequest, initialConnection, touchSessions, type ConnectionState, type HandlerContext, type HandlerEffect } from './handler.ts';
import type { StreamName } from './paths.ts';
import { Player, startPosition } from './player.ts';
import { BAD_REQUEST, serializeReply } from './reply.ts';
import { TimerWheel } from './scheduler.ts';
import { bindUdpPair, tcpSink, udpSink } from './sinks.ts';
import type { LowerTransport } from './transport.ts';

/** Settings of {@link startSimulator}. */
export interface SimulatorOptions extends CatalogOptions {
  /** Address to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** RTSP port; default 8554, 0 for any free port. */
  readonly port?: number;
  /** Lower transports offered; default TCP and UDP. */
  readonly transports?: readonly LowerTransport[];
  /** Session timeout announced and enforced; default 60 s. */
  readonly sessionTimeoutSec?: number;
  /** Per-client backlog above which frames are dropped to the next keyframe; default 1 MiB. */
  readonly maxQueueBytes?: number;
  /** Connections accepted at once; default 10,000. */
  readonly maxConnections?: number;
}

/** Counters of the whole simulator. */
export interface SimulatorStats {
  readonly cameras: Record<string, CameraStats>;
  readonly connections: number;
  readonly sessions: number;
  readonly playing: number;
}

/** A running simulator. */
export interface Simulator {
  readonly host: string;
  readonly port: number;
  /** Configured camera names, or null when any name is served. */
  readonly names: readonly string[] | null;
  /** URL of a camera's stream, e.g. `rtsp://127.0.0.1:8554/cam-001/main`; `query` like `fault=stall`. */
  url(name: string, stream?: StreamName, query?: string): string;
  stats(): SimulatorStats;
  /** Closes every connection and socket. */
  stop(): Promise<void>;
}

interface Connection {
  socket: Socket;
  parser: RtspStreamParser;
  state: ConnectionState<StreamSource>;
  players: Map<string, { player: Player; source: StreamSource; rtcpKey: string | null }>;
}

/** Starts a simulator; resolves once it listens. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const catalog = new Catalog(options);
  const transports = new Set<LowerTransport>(options.transports ?? ['tcp', 'udp']);
  const udp: [UdpSocket, UdpSocket] | null = transports.has('udp') ? await bindUdpPair(host) : null;
  const wheel = new TimerWheel();
  const epoch = wheel.now();
  const connections = new Set<Connection>();
  // RTCP from a UDP client keeps its session alive: source address → connection
  const rtcpSources = new Map<string, Connection>();
  const maxQueueBytes = options.maxQueueBytes ?? 1024 * 1024;
  const ctx: HandlerContext<StreamSource> = {
    resolve: (path) => catalog.resolve(path),
    transports,
    udpServerPorts: udp ? [udp[0].address().port, udp[1].address().port] : null,
    sessionTimeoutSec: options.sessionTimeoutSec ?? 60,
    secret: randomBytes(32),
    random32: () => randomInt(0, 2 ** 32 - 1),
  };

  udp?.[1].on('message', (_msg, rinfo) => {
    const c = rtcpSources.get(`${rinfo.address}:${rinfo.port}`);
    if (c) c.state = touchSessions(c.state, Date.now());
  });

  function stopPlayer(c: Connection, id: string): void {
    const p = c.players.get(id);
    if (p === undefined) return;
    p.player.stop();
    wheel.cancel(p.player);
    p.source.stats.sessions--;
    if (p.rtcpKey !== null) rtcpSources.delete(p.rtcpKey);
    c.players.delete(id);
  }

  function run(c: Connection, effects: readonly HandlerEffect<StreamSource>[]): void {
    for (const e of effects) {
      if (e.type === 'close') c.socket.end();
      else if (e.type === 'stop') stopPlayer(c, e.sessionId);
      else {
        const { session } = e;
        const source = session.stream.source;
        const t = session.transport;
        let sink = tcpSink(c.socket);
        let rtcpKey: string | null = null;
        if (t.kind === 'udp' && udp) {
          const address = (c.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
          sink = udpSink(udp[0], address, t.clientPorts[0], c.socket);
          rtcpKey = `${address}:${t.clientPorts[1]}`;
          rtcpSources.set(rtcpKey, c);
        }
        const now = wheel.now();
        const fps = source.prepared.fixture.fps;
        const faults = session.stream.faults;
        const live = source.offset + Math.floor(((now - epoch) * fps) / 1000);
        const start = startPosition(source.prepared, live, faults.parameterSets === 'late');
        const player = new Player({
          stream: source.prepared, sink, channel: t.kind === 'tcp' ? t.channels[0] : 0, seq: e.seq, rtptime: e.rtptime,
          ssrc: session.ssrc, faults, now, stats: source.stats, maxQueueBytes,
          // a flood starts at a keyframe and needs no catch-up burst on top
          start: faults.floodFactor > 1 ? { index: start.index, behind: 0 } : start,
        });
        stopPlayer(c, session.id);
        c.players.set(session.id, { player, source, rtcpKey });
        source.stats.sessions++;
        wheel.schedule(player, player.firstDue);
      }
    }
  }

  function onData(c: Connection, chunk: Uint8Array): void {
    for (const ev of c.parser.push(chunk)) {
      if (ev.kind === 'request') {
        const r = handleRequest(ctx, c.state, ev, Date.now());
        c.state = r.state;
        if (!c.socket.destroyed) c.socket.write(serializeReply(r.reply));
        run(c, r.effects);
      } else if (ev.kind === 'interleaved') {
        // RTCP receiver reports on the odd channel; liveness is enough, once a second
        const now = Date.now();
        if (now - c.state.lastActivity >= 1000) c.state = touchSessions(c.state, now);
      } else if (ev.kind === 'error' && ev.code !== 'garbage') {
        c.socket.write(serializeReply(BAD_REQUEST));
        if (ev.fatal) c.socket.end();
      }
    }
  }

  const server: Server = createServer((socket) => {
    if (connections.size >= (options.maxConnections ?? 10_000)) return void socket.destroy();
    socket.setNoDelay(true);
    const c: Connection = {
      socket, parser: new RtspStreamParser({ maxHeaderBytes: 8192, maxBodyBytes: 16384 }), state: initialConnection(Date.now()), players: new Map(),
    };
    connections.add(c);
    socket.on('data', (chunk: Buffer) => onData(c, chunk));
    socket.on('error', () => undefined); // 'close' follows
    socket.on('close', () => {
      for (const id of [...c.players.keys()]) stopPlayer(c, id);
      connections.delete(c);
    });
  });

  const expiry = setInterval(() => {
    const now = Date.now();
    for (const c of connections) {
      const r = expireSessions(ctx, c.state, now);
      if (r.effects.length === 0) continue;
      c.state = r.state;
      run(c, r.effects);
    }
  }, 1000);
  expiry.unref();

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8554, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    clearInterval(expiry);
    udp?.forEach((s) => s.close());
    throw err;
  }
  const port = (server.address() as { port: number }).port;
  const urlHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;

  return {
    host,
    port,
    names: catalog.names,
    url: (name, stream = 'main', query) => `rtsp://${urlHost}:${port}/${encodeURIComponent(name)}/${stream}${query ? `?${query}` : ''}`,
    stats: () => {
      let sessions = 0;
      let playing = 0;
      for (const c of connections) {
        sessions += c.state.sessions.size;
        playing += c.players.size;
      }
      return { cameras: catalog.stats(), connections: connections.size, sessions, playing };
    },
    stop: async () => {
      clearInterval(expiry);
      wheel.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const c of connections) c.socket.destroy();
      udp?.forEach((s) => s.close());
      await closed;
    },
  };
}
