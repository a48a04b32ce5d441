/**
 * Parsing of RTSP response headers the client acts on: Session, Transport, Public.
 */

/** Session header: id and keepalive timeout (RFC 2326 §12.37; 60 s when absent). */
export interface SessionHeader {
  readonly id: string;
  readonly timeoutSeconds: number;
}

/** Parses `Session: 12345678;timeout=60`. Returns null for an empty id. */
export function parseSessionHeader(value: string): SessionHeader | null {
  const [rawId, ...params] = value.split(';');
  const id = (rawId ?? '').trim();
  if (id === '') return null;
  let timeoutSeconds = 60;
  for (const p of params) {
    const m = /^\s*timeout\s*=\s*(\d{1,6})\s*$/i.exec(p);
    // a zero or absurd timeout would make keepalives spin or never happen
    if (m) timeoutSeconds = Math.min(3600, Math.max(5, Number(m[1])));
  }
  return { id, timeoutSeconds };
}

/** The parts of a SETUP response's Transport header the client uses. */
export interface TransportHeader {
  readonly protocol: 'tcp' | 'udp';
  readonly interleaved: readonly [number, number] | null;
  readonly serverPorts: readonly [number, number] | null;
  readonly clientPorts: readonly [number, number] | null;
  /** SSRC the server will use, if it says. */
  readonly ssrc: number | null;
  /** Address to expect UDP from, if not the RTSP server itself. */
  readonly source: string | null;
}

function range(v: string, max: number): readonly [number, number] | null {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(v.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a + 1 : Number(m[2]);
  return a <= max && b <= max ? [a, b] : null;
}

/** Parses a Transport header (first transport spec only, which is the one the server chose). */
export function parseTransportHeader(value: string): TransportHeader {
  const spec = value.split(',')[0] ?? '';
  const parts = spec.split(';').map((p) => p.trim());
  const protocol = /\/TCP$/i.test(parts[0] ?? '') ? 'tcp' : 'udp';
  let interleaved: TransportHeader['interleaved'] = null;
  let serverPorts: TransportHeader['serverPorts'] = null;
  let clientPorts: TransportHeader['clientPorts'] = null;
  let ssrc: number | null = null;
  let source: string | null = null;
  for (const p of parts.slice(1)) {
    const eq = p.indexOf('=');
    const key = (eq < 0 ? p : p.slice(0, eq)).toLowerCase();
    const val = eq < 0 ? '' : p.slice(eq + 1);
    if (key === 'interleaved') interleaved = range(val, 255);
    else if (key === 'server_port') serverPorts = range(val, 65535);
    else if (key === 'client_port') clientPorts = range(val, 65535);
    else if (key === 'source') source = val.trim() || null;
    else if (key === 'ssrc' && /^[0-9a-f]{1,8}$/i.test(val.trim())) ssrc = parseInt(val.trim(), 16);
  }
  return { protocol, interleaved, serverPorts, clientPorts, ssrc, source };
}

/** Methods from a Public header, upper-cased. */
export function parsePublicHeader(value: string): string[] {
  return value
    .split(',')
    .map((m) => m.trim().toUpperCase())
    .filter((m) => m !== '');
}
