/** Photo formats accepted as attachments, by their magic bytes (the declared type is not trusted). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

export type PhotoCheck = { ok: true; mime: 'image/jpeg' | 'image/png' | 'image/webp' } | { ok: false; reason: 'too_large' | 'empty' | 'unsupported' };

export function checkPhoto(bytes: Uint8Array): PhotoCheck {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, reason: 'too_large' };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { ok: true, mime: 'image/jpeg' };
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return { ok: true, mime: 'image/png' };
  if (String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return { ok: true, mime: 'image/webp' };
  return { ok: false, reason: 'unsupported' };
}

/**
 * A JPEG without its metadata segments: APP1 (Exif/XMP, where GPS lives), APP13 (IPTC) and
 * comments are dropped, every other segment and the entropy-coded data are copied unchanged.
 * Returns null when the bytes are not a well-formed JPEG segment sequence.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // start of scan: the rest is image data up to EOI; copy as is
    if (marker === 0xda) {
      parts.push(bytes.subarray(i));
      break;
    }
    const len = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (len < 2 || i + 2 + len > bytes.length) return null;
    const drop = marker === 0xe1 || marker === 0xed || marker === 0xfe;
    if (!drop) parts.push(bytes.subarray(i, i + 2 + len));
    i += 2 + len;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * The copy the public may see. PNG and WebP can carry eXIf/EXIF chunks too; rather than rewrite
 * them we do not publish them (null), so only JPEG photos get a public copy.
 */
export function publicCopy(mime: string, bytes: Uint8Array): Uint8Array | null {
  return mime === 'image/jpeg' ? stripJpegMetadata(bytes) : null;
}
