/**
 * Reads a live fMP4 fragment's timing (moof → traf → tfdt, trun/tfhd durations) without touching
 * its media: the HLS packager needs durations to cut parts and segments, nothing more.
 */

/** Decode time and total duration of one moof+mdat fragment, in its track's timescale. */
export interface FragmentTiming {
  decodeTime: number;
  duration: number;
}

function children(buf: Uint8Array, start: number, end: number, visit: (type: string, body: number, end: number) => void): void {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let o = start;
  while (o + 8 <= end) {
    const size = v.getUint32(o);
    if (size < 8 || o + size > end) return; // a truncated or 64-bit box: our fragments have neither
    visit(String.fromCharCode(buf[o + 4]!, buf[o + 5]!, buf[o + 6]!, buf[o + 7]!), o + 8, o + size);
    o += size;
  }
}

/** The fragment's timing, or null when it is not a moof with a tfdt (never expected from the hub). */
export function fragmentTiming(frag: Uint8Array): FragmentTiming | null {
  const v = new DataView(frag.buffer, frag.byteOffset, frag.byteLength);
  let out: FragmentTiming | null = null;
  children(frag, 0, frag.length, (type, body, end) => {
    if (type !== 'moof') return;
    children(frag, body, end, (t, b, e) => {
      if (t !== 'traf') return;
      let decodeTime: number | null = null;
      let defaultDuration = 0;
      let duration = 0;
      children(frag, b, e, (bt, bb) => {
        const version = frag[bb]!;
        const flags = v.getUint32(bb) & 0xffffff;
        if (bt === 'tfdt') decodeTime = version === 1 ? Number(v.getBigUint64(bb + 4)) : v.getUint32(bb + 4);
        if (bt === 'tfhd' && flags & 0x08) {
          // default-sample-duration follows track id and, when present, base offset and description index
          let o = bb + 8;
          if (flags & 0x01) o += 8;
          if (flags & 0x02) o += 4;
          defaultDuration = v.getUint32(o);
        }
        if (bt === 'trun') {
          const count = v.getUint32(bb + 4);
          let o = bb + 8;
          if (flags & 0x01) o += 4;
          if (flags & 0x04) o += 4;
          const fields = ['0x100', '0x200', '0x400', '0x800'].filter((f) => flags & Number(f)).length;
          for (let i = 0; i < count; i++, o += fields * 4) duration += flags & 0x100 ? v.getUint32(o) : defaultDuration;
        }
      });
      if (decodeTime !== null) out = { decodeTime, duration };
    });
  });
  return out;
}
