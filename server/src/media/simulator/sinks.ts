/**
 * Media sinks of the socket adapter: a TCP connection carrying interleaved RTP, or a UDP
 * destination reached through the server's one shared RTP socket. Plus binding that socket pair.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import type { Socket } from 'node:net';
import type { FrameTemplate } from './packetizer.ts';
import type { MediaSink } from './player.ts';

/** Interleaved RTP on the RTSP connection (RFC 2326 §10.12). */
export function tcpSink(socket: Socket): MediaSink {
  return {
    // bytes Node holds for this socket: what a slow client makes grow
    backlog: () => socket.writableLength,
    sendFrame: (bytes) => {
      if (socket.destroyed || !socket.writable) return 0;
      socket.write(bytes);
      return bytes.length;
    },
    sendJunk: (bytes) => {
      if (!socket.destroyed && socket.writable) socket.write(bytes);
    },
    close: () => void socket.destroy(),
  };
}

/** RTP datagrams to `address:port`; closing ends the RTSP connection `control`. */
export function udpSink(rtp: UdpSocket, address: string, port: number, control: Socket): MediaSink {
  const noop = (): void => undefined;
  return {
    backlog: () => rtp.getSendQueueSize(),
    sendFrame: (bytes, t: FrameTemplate) => {
      for (let k = 0; k < t.offsets.length; k++) {
        const o = t.offsets[k] as number;
        const len = ((bytes[o + 2] as number) << 8) | (bytes[o + 3] as number);
        rtp.send(bytes, o + 4, len, port, address, noop);
      }
      return t.rtpBytes;
    },
    sendJunk: (bytes) => rtp.send(bytes, 0, bytes.length, port, address, noop),
    close: () => void control.destroy(),
  };
}

function bind(type: 'udp4' | 'udp6', host: string, port: number): Promise<UdpSocket> {
  return new Promise((resolve, reject) => {
    const s = createSocket(type);
    s.once('error', (err) => {
      s.close();
      reject(err);
    });
    s.bind(port, host, () => {
      s.removeAllListeners('error');
      s.on('error', () => undefined); // ICMP port unreachable and the like: nothing to do
      resolve(s);
    });
  });
}

/** Binds RTP on an even port and RTCP on the next (RFC 3550 §11), retrying on collisions. */
export async function bindUdpPair(host: string): Promise<[UdpSocket, UdpSocket]> {
  const type = host.includes(':') ? 'udp6' : 'udp4';
  for (let i = 0; i < 50; i++) {
    const rtp = await bind(type, host, 0);
    const port = rtp.address().port;
    if (port % 2 === 0 && port < 65535) {
      try {
        return [rtp, await bind(type, host, port + 1)];
      } catch {
        // taken: try another
      }
    }
    rtp.close();
  }
  throw new Error('no free UDP port pair for RTP/RTCP');
}
