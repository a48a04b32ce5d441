import type { DatastoreField } from '@pantau/shared';
import { DomainError } from '../../platform/http/errors.ts';
import type { ColumnFilter, DatastoreSearch } from './datastore.repository.ts';
import { fits } from './tabular.ts';

/** A CKAN-style validation failure: `details` maps a parameter to its messages. */
export const invalid = (param: string, message: string) => new DomainError('validation_failed', message, { [param]: [message] });

/** Raw search parameters as CKAN's datastore_search takes them (filters as an object or JSON text). */
export interface RawDatastoreSearch {
  filters?: unknown;
  q?: unknown;
  sort?: unknown;
  limit: number;
  offset: number;
}

function parseJsonParam(param: string, v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    throw invalid(param, 'bukan JSON yang valid');
  }
}

/** Resolves field names to generated columns and checks every filter value against its column type. */
export function resolveSearch(fields: DatastoreField[], raw: RawDatastoreSearch): DatastoreSearch {
  const indexOf = (param: string, name: string) => {
    const i = fields.findIndex((f) => f.id === name);
    if (i < 0) throw invalid(param, `kolom tidak dikenal: ${name}`);
    return i;
  };
  const filters: ColumnFilter[] = [];
  const rawFilters = raw.filters === undefined || raw.filters === '' ? {} : parseJsonParam('filters', raw.filters);
  if (typeof rawFilters !== 'object' || rawFilters === null || Array.isArray(rawFilters)) throw invalid('filters', 'harus berupa objek {"kolom": nilai}');
  for (const [name, v] of Object.entries(rawFilters)) {
    const index = indexOf('filters', name);
    const type = fields[index]!.type;
    const values = (Array.isArray(v) ? v : [v]).map((x) => String(x));
    if (values.length === 0 || values.length > 100) throw invalid('filters', `nilai ${name}: 1–100 nilai`);
    for (const value of values) if (!fits(type, value)) throw invalid('filters', `nilai "${value}" tidak cocok dengan tipe ${type} kolom ${name}`);
    filters.push({ index, type, values });
  }
  let q: string | null = null;
  if (typeof raw.q === 'string' && raw.q.trim()) q = raw.q.trim().slice(0, 200);
  else if (raw.q !== undefined && raw.q !== '' && typeof raw.q !== 'string') throw invalid('q', 'q harus berupa teks');
  const sort: DatastoreSearch['sort'] = [];
  if (raw.sort !== undefined && raw.sort !== '') {
    if (typeof raw.sort !== 'string') throw invalid('sort', 'sort harus berupa teks');
    for (const part of raw.sort.split(',').map((s) => s.trim()).filter(Boolean)) {
      const m = /^"?(.+?)"?(?:\s+(asc|desc))?$/i.exec(part);
      if (!m) throw invalid('sort', `urutan tidak valid: ${part}`);
      if (m[1] === '_id') continue;
      sort.push({ index: indexOf('sort', m[1]!), desc: m[2]?.toLowerCase() === 'desc' });
    }
  }
  return { filters, q, sort, limit: raw.limit, offset: raw.offset };
}
