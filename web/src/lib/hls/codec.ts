/** RFC 6381 codec strings read from an fMP4 init segment (the playlist carries none). Pure. */

function find(b: Uint8Array, fourcc: string): number {
  const c = [...fourcc].map((x) => x.charCodeAt(0));
  for (let i = 4; i + 4 <= b.length; i++) if (b[i] === c[0] && b[i + 1] === c[1] && b[i + 2] === c[2] && b[i + 3] === c[3]) return i + 4;
  return -1;
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** `video/mp4; codecs="…"` for the init segment's video track, or null when it is neither H.264 nor H.265. */
export function mimeOfInit(init: Uint8Array): string | null {
  const avc = find(init, 'avcC');
  if (avc > 0 && avc + 4 <= init.length) return `video/mp4; codecs="avc1.${hex2(init[avc + 1]!)}${hex2(init[avc + 2]!)}${hex2(init[avc + 3]!)}"`;
  const hvc = find(init, 'hvcC');
  if (hvc < 0 || hvc + 13 > init.length) return null;
  const entry = find(init, 'hev1') > 0 ? 'hev1' : 'hvc1';
  const b1 = init[hvc + 1]!;
  const space = ['', 'A', 'B', 'C'][b1 >> 6];
  const tier = b1 & 0x20 ? 'H' : 'L';
  const profile = b1 & 0x1f;
  let compat = 0;
  for (let i = 0; i < 4; i++) compat = (compat << 8) | init[hvc + 2 + i]!;
  // the compatibility flags are written bit-reversed (ISO/IEC 14496-15 annex E)
  let rev = 0;
  for (let i = 0; i < 32; i++) rev = (rev << 1) | ((compat >>> i) & 1);
  const constraints = [...init.subarray(hvc + 6, hvc + 12)];
  while (constraints.length && constraints[constraints.length - 1] === 0) constraints.pop();
  const level = init[hvc + 12]!;
  return `video/mp4; codecs="${[`${entry}.${space}${profile}`, (rev >>> 0).toString(16), `${tier}${level}`, ...constraints.map((c) => c.toString(16).toUpperCase())].join('.')}"`;
}
