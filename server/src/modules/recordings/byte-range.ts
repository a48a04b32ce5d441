/** HTTP `Range: bytes=…` for one range (RFC 9110 §14.1.2); several ranges are served whole. Pure. */
export type ByteRange = { kind: 'whole' } | { kind: 'range'; start: number; end: number } | { kind: 'unsatisfiable' };

/** `end` is exclusive. */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (!header) return { kind: 'whole' };
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return { kind: 'whole' }; // unknown unit or several ranges: the whole file is a valid answer
  const [, a, b] = m;
  if (a === '' && b === '') return { kind: 'whole' };
  if (a === '') {
    const n = Number(b);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(0, size - n), end: size };
  }
  const start = Number(a);
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = b === '' ? size : Math.min(size, Number(b) + 1);
  if (end <= start) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end };
}
