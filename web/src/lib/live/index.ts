import { LIVE_PATH } from '@pantau/shared';
import { reportUnauthenticated } from '../../api/client.ts';
import { LiveConnection, type SocketFactory } from './connection.ts';

export { LiveConnection } from './connection.ts';
export type { ChannelListener, ChannelRequest, LiveConnectionState } from './connection.ts';
export type { CameraStatusPush, LiveErrorCode, MediaKind } from './protocol.ts';
export { isHevc } from './protocol.ts';

/** The browser's WebSocket behind the connection's small socket port. */
const browserSocket: SocketFactory = (url, h) => {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  ws.onopen = () => h.open();
  ws.onclose = (e) => h.close(e.code);
  ws.onmessage = (e: MessageEvent<string | ArrayBuffer>) => (typeof e.data === 'string' ? h.text(e.data) : h.binary(e.data));
  return {
    send: (text) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(text);
    },
    close: (code) => {
      ws.onclose = ws.onmessage = null;
      // Closing a socket that is still connecting makes Chromium log an error: close it once open.
      if (ws.readyState === WebSocket.CONNECTING) ws.onopen = () => ws.close(code);
      else {
        ws.onopen = null;
        if (ws.readyState === WebSocket.OPEN) ws.close(code);
      }
    },
  };
};

/** Same origin: the session cookie travels with the upgrade. */
function liveUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${LIVE_PATH}`;
}

/** The one live socket of this tab. */
export const liveConnection = new LiveConnection({ url: liveUrl, socket: browserSocket, onUnauthenticated: reportUnauthenticated });
