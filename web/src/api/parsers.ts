import type { Parser } from './client.ts';

/** A parser for a JSON array whose items each satisfy `item`. */
export function arrayOf<T>(item: Parser<T>): Parser<T[]> {
  return {
    parse(data) {
      if (!Array.isArray(data)) throw new Error('expected an array');
      return data.map((x) => item.parse(x));
    },
  };
}

/** Public runtime settings; not part of the shared contract yet, so checked by hand here. */
export interface PublicConfig {
  mapTileUrl: string | null;
  mapAttribution: string | null;
}

const stringOrNull = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

export const publicConfigParser: Parser<PublicConfig> = {
  parse(data) {
    if (typeof data !== 'object' || data === null) throw new Error('expected an object');
    const o = data as Record<string, unknown>;
    return { mapTileUrl: stringOrNull(o.mapTileUrl), mapAttribution: stringOrNull(o.mapAttribution) };
  },
};
