/** Rupiah in short form for headline figures: 312,0 M (miliar), 4,1 T (triliun). */
export function rupiahShort(n: number): string {
  if (n >= 1e12) return `Rp ${(n / 1e12).toLocaleString('id-ID', { maximumFractionDigits: 2 })} T`;
  if (n >= 1e9) return `Rp ${(n / 1e9).toLocaleString('id-ID', { maximumFractionDigits: 1 })} M`;
  return `Rp ${n.toLocaleString('id-ID')}`;
}

export const pct = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`);
export const signedPct = (n: number) => `${n > 0 ? '+' : ''}${pct(n)}`;
