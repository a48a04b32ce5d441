/** A column and direction of a sortable table. */
export interface Sort<K extends string> {
  key: K;
  desc: boolean;
}

/** Sorts rows by one field: numbers numerically, strings the Indonesian way, nulls last either way. */
export function sortRows<T, K extends string>(rows: readonly T[], sort: Sort<K>, value: (row: T, key: K) => number | string | null): T[] {
  const dir = sort.desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
    return String(x).localeCompare(String(y), 'id') * dir;
  });
}

/** Clicking the sorted column flips it; another column starts descending for numbers (largest first). */
export function nextSort<K extends string>(current: Sort<K>, key: K, numeric: boolean): Sort<K> {
  if (current.key === key) return { key, desc: !current.desc };
  return { key, desc: numeric };
}
