import type { CatalogFilter, CatalogSort } from './opendata.repository.ts';
import { invalid } from './datastore.query.ts';

/** Solr field names a CKAN client puts in `fq` (or `q`), mapped onto the catalog filter. */
const FQ_FIELDS: Record<string, keyof Omit<CatalogFilter, 'q' | 'state'>> = {
  organization: 'organizations',
  owner_org: 'organizations',
  tags: 'tags',
  groups: 'groups',
  res_format: 'formats',
  name: 'names',
  license_id: 'licenses',
  region: 'regions',
  kode_wilayah: 'regions',
};

const TERM = /([+-]?)([a-z_]+):("([^"]*)"|[^\s()]+)/gi;

/**
 * Reads the `field:value` terms of `fq` and of `q` (CKAN lets `q` carry them too, e.g.
 * `q=tags:kesehatan`); what is left of `q` is the full-text query. Terms are ANDed, as a harvester
 * writing `organization:dinkes res_format:CSV` expects.
 */
export function parseCkanQuery(q: string, fq: string): CatalogFilter {
  const f: CatalogFilter = { q: null, names: [], organizations: [], tags: [], groups: [], formats: [], regions: [], licenses: [], state: null };
  const take = (text: string, param: 'q' | 'fq'): string =>
    text.replace(TERM, (whole, sign: string, field: string, raw: string, quoted: string | undefined) => {
      const key = FQ_FIELDS[field.toLowerCase()];
      if (!key) {
        if (param === 'q') return whole;
        throw invalid('fq', `Bidang pencarian tidak didukung: ${field}`);
      }
      if (sign === '-') throw invalid(param, 'Pengecualian (-bidang:nilai) tidak didukung');
      const value = quoted ?? raw;
      f[key].push(key === 'formats' ? value.toUpperCase() : value);
      return ' ';
    });
  const restFq = take(fq, 'fq').replace(/\bAND\b|\+/g, ' ').trim();
  if (restFq && restFq !== '*:*') throw invalid('fq', `fq tidak dipahami: ${restFq}`);
  const text = take(q, 'q').trim();
  f.q = text && text !== '*:*' ? text : null;
  return f;
}

const SORT_FIELDS: Record<string, CatalogSort[number]['by']> = {
  score: 'relevance',
  metadata_modified: 'modified',
  metadata_created: 'created',
  name: 'name',
  title_string: 'title',
  title: 'title',
};

/** CKAN's `sort` ("score desc, metadata_modified desc"). */
export function parseCkanSort(sort: string): CatalogSort {
  const out: CatalogSort = [];
  for (const part of sort.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [field, dir = 'asc'] = part.split(/\s+/);
    const by = SORT_FIELDS[field!];
    if (!by || !['asc', 'desc'].includes(dir.toLowerCase())) throw invalid('sort', `Urutan tidak didukung: ${part}`);
    out.push({ by, desc: dir.toLowerCase() === 'desc' });
  }
  return out;
}

/** `facet.field` arrives as a JSON list in text (CKAN's documented form) or as a list. */
export function parseFacetFields(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v;
  try {
    const parsed: unknown = JSON.parse(v);
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed;
  } catch {
    // a bare field name is accepted too
  }
  if (/^[a-z_]+$/.test(v)) return [v];
  throw invalid('facet.field', 'facet.field harus daftar JSON, mis. ["organization","tags"]');
}
