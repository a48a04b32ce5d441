/**
 * Server side of the RTSP Transport header (RFC 2326 §12.39): picks the first acceptable
 * transport spec a client offers and formats the answer. Pure.
 */

/** Lower transports the simulator can serve. */
export type LowerTransport = 'tcp' | 'udp';

/** A transport the client asked for and the server can serve. */
export type TransportOffer =
  | { readonly kind: 'tcp'; readonly channels: readonly [number, number] | null }
  | { readonly kind: 'udp'; readonly clientPorts: readonly [number, number] };

/** What a SETUP settled on. */
export type NegotiatedTransport =
  | { readonly kind: 'tcp'; readonly channels: readonly [number, number] }
  | { readonly kind: 'udp'; readonly clientPorts: readonly [number, number]; readonly serverPorts: readonly [number, number] };

function pair(v: string, max: number): readonly [number, number] | null {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(v.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a + 1 : Number(m[2]);
  return a <= max && b <= max && b >= a ? [a, b] : null;
}

/**
 * Returns the first offer among the comma-separated specs that is unicast RTP over TCP
 * interleaved or UDP with client ports, in a lower transport `allowed` permits; null when none.
 */
export function chooseTransport(header: string, allowed: ReadonlySet<LowerTransport>): TransportOffer | null {
  for (const spec of header.split(',')) {
    const parts = spec.split(';').map((p) => p.trim());
    const proto = (parts[0] ?? '').toUpperCase();
    const kind = proto === 'RTP/AVP/TCP' ? 'tcp' : proto === 'RTP/AVP' || proto === 'RTP/AVP/UDP' ? 'udp' : null;
    if (kind === null || !allowed.has(kind)) continue;
    let unicast = true;
    let channels: readonly [number, number] | null = null;
    let clientPorts: readonly [number, number] | null = null;
    let playMode = true;
    for (const p of parts.slice(1)) {
      const eq = p.indexOf('=');
      const key = (eq < 0 ? p : p.slice(0, eq)).toLowerCase();
      const val = eq < 0 ? '' : p.slice(eq + 1);
      if (key === 'multicast') unicast = false;
      else if (key === 'interleaved') channels = pair(val, 255);
      else if (key === 'client_port') clientPorts = pair(val, 65535);
      else if (key === 'mode') playMode = /^"?play"?$/i.test(val.trim());
    }
    if (!unicast || !playMode) continue;
    if (kind === 'tcp') return { kind, channels };
    if (clientPorts !== null && clientPorts[0] > 0) return { kind, clientPorts };
  }
  return null;
}

/** The Transport header of a SETUP response. */
export function formatTransport(t: NegotiatedTransport, ssrc: number): string {
  const s = `ssrc=${(ssrc >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
  return t.kind === 'tcp'
    ? `RTP/AVP/TCP;unicast;interleaved=${t.channels[0]}-${t.channels[1]};${s};mode="PLAY"`
    : `RTP/AVP;unicast;client_port=${t.clientPorts[0]}-${t.clientPorts[1]};server_port=${t.serverPorts[0]}-${t.serverPorts[1]};${s};mode="PLAY"`;
}
