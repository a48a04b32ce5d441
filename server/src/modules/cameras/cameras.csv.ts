import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CAMERA_CSV_COLUMNS, cameraCreateSchema, type CameraCreate, type ImportRowError } from '@pantau/shared';

export const MAX_IMPORT_ROWS = 20_000;
const REQUIRED = ['code', 'name', 'region_code', 'lat', 'lng', 'category', 'main_url'] as const;

/** zod field name → CSV column, so an error points at the cell the user must fix. */
const FIELD_TO_COLUMN: Record<string, string> = {
  code: 'code', name: 'name', regionCode: 'region_code', address: 'address', lat: 'lat', lng: 'lng', category: 'category',
  visibility: 'visibility', mainUrl: 'main_url', subUrl: 'sub_url', username: 'username', password: 'password', tags: 'tags', enabled: 'enabled',
};

export interface ParsedCameraRow {
  line: number;
  input: ReturnType<typeof cameraCreateSchema.parse>;
  organizationCode: string | null;
  /** Credentials cells were empty: on update, keep what is stored. */
  credentialsBlank: boolean;
}

export interface ParseResult {
  rows: ParsedCameraRow[];
  errors: ImportRowError[];
  /** Region and organization cells of every row, valid or not, so reference errors are reported too. */
  refs: { line: number; regionCode: string; organizationCode: string | null }[];
}

/** Decodes strictly as UTF-8: a Windows-1252 file would otherwise import with mangled names. */
export function decodeUtf8(buf: Buffer): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return null;
  }
}

function parseNumber(s: string): number | string {
  const t = s.trim().replace(',', '.');
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : s;
}

function parseBool(s: string): boolean | string {
  const t = s.trim().toLowerCase();
  if (t === '' || ['true', '1', 'ya', 'yes', 'aktif'].includes(t)) return true;
  if (['false', '0', 'tidak', 'no', 'nonaktif'].includes(t)) return false;
  return s;
}

/** Reads and validates a camera CSV row by row; reference checks (regions, organizations) are the service's. */
export function parseCameraCsv(buf: Buffer): ParseResult {
  const text = decodeUtf8(buf);
  if (text === null) return { rows: [], refs: [], errors: [{ line: 0, column: null, message: 'Berkas bukan teks UTF-8; simpan ulang sebagai "CSV UTF-8"' }] };
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  // spreadsheets in the Indonesian locale save CSV with semicolons
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true, bom: true, trim: false }) as never;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    return { rows: [], refs: [], errors: [{ line: err.lines ?? 0, column: null, message: `CSV tidak dapat dibaca: ${err.message}` }] };
  }
  const header = records[0]?.record.map((h) => h.trim().toLowerCase());
  if (!header) return { rows: [], refs: [], errors: [{ line: 1, column: null, message: 'Berkas kosong' }] };
  const errors: ImportRowError[] = [];
  const unknown = header.filter((h) => !(CAMERA_CSV_COLUMNS as readonly string[]).includes(h));
  for (const h of unknown) errors.push({ line: 1, column: h, message: `kolom tidak dikenal: ${h}` });
  for (const r of REQUIRED) if (!header.includes(r)) errors.push({ line: 1, column: r, message: `kolom wajib tidak ada: ${r}` });
  if (new Set(header).size !== header.length) errors.push({ line: 1, column: null, message: 'ada nama kolom ganda' });
  if (errors.length) return { rows: [], refs: [], errors };
  if (records.length - 1 > MAX_IMPORT_ROWS) return { rows: [], refs: [], errors: [{ line: 0, column: null, message: `paling banyak ${MAX_IMPORT_ROWS} baris per impor` }] };

  const rows: ParsedCameraRow[] = [];
  const refs: ParseResult['refs'] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    if (record.length !== header.length) {
      errors.push({ line, column: null, message: `jumlah kolom ${record.length}, seharusnya ${header.length}` });
      continue;
    }
    const cell = (c: string) => (record[header.indexOf(c)] ?? '').trim();
    const has = (c: string) => header.includes(c) && cell(c) !== '';
    refs.push({ line, regionCode: cell('region_code'), organizationCode: has('organization_code') ? cell('organization_code') : null });
    const raw: Record<string, unknown> = {
      code: cell('code'),
      name: cell('name'),
      regionCode: cell('region_code'),
      address: cell('address'),
      lat: parseNumber(cell('lat')),
      lng: parseNumber(cell('lng')),
      category: cell('category'),
      visibility: has('visibility') ? cell('visibility') : undefined,
      mainUrl: cell('main_url'),
      subUrl: has('sub_url') ? cell('sub_url') : null,
      username: has('username') ? cell('username') : null,
      password: has('password') ? (record[header.indexOf('password')] ?? '') : null,
      tags: has('tags') ? cell('tags').split(';').map((t) => t.trim()).filter(Boolean) : [],
      enabled: has('enabled') ? parseBool(cell('enabled')) : true,
    };
    const parsed = cameraCreateSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        errors.push({ line, column: FIELD_TO_COLUMN[field] ?? null, message: issue.message });
      }
      continue;
    }
    const dup = seen.get(parsed.data.code);
    if (dup !== undefined) {
      errors.push({ line, column: 'code', message: `kode ${parsed.data.code} sudah dipakai di baris ${dup}` });
      continue;
    }
    seen.set(parsed.data.code, line);
    rows.push({ line, input: parsed.data, organizationCode: has('organization_code') ? cell('organization_code') : null, credentialsBlank: !has('username') && !has('password') });
  }
  return { rows, errors, refs };
}

export interface CsvCamera extends Omit<CameraCreate, 'organizationId' | 'password'> {
  organizationCode: string | null;
}

/** The export: same columns as the import, passwords never written. */
export function camerasToCsv(cams: CsvCamera[], withHeader = true): string {
  const rows = cams.map((c) => [
    c.code, c.name, c.regionCode, c.address ?? '', c.lat, c.lng, c.category, c.organizationCode ?? '', c.visibility ?? 'internal',
    c.mainUrl, c.subUrl ?? '', c.username ?? '', '', (c.tags ?? []).join(';'), c.enabled === false ? 'false' : 'true',
  ]);
  return stringify(withHeader ? [[...CAMERA_CSV_COLUMNS], ...rows] : rows);
}
