import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { DatastoreField, DatastoreType, ImportRowError } from '@pantau/shared';
import { decodeUtf8 } from '../cameras/index.ts';

/** A sheet read from an upload: header names and the raw text of every cell (null when empty). */
export interface RawTable {
  header: string[];
  rows: { line: number; cells: (string | null)[] }[];
  errors: ImportRowError[];
}

export const MAX_UPLOAD_ROWS = 200_000;
export const MAX_COLUMNS = 100;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const blank = (s: string | null | undefined) => (s === null || s === undefined || s.trim() === '' ? null : s.trim());

/** Reads CSV (comma or, as Indonesian spreadsheets save it, semicolon), strictly UTF-8. */
export function readCsv(buf: Buffer): RawTable {
  const text = decodeUtf8(buf);
  if (text === null) return { header: [], rows: [], errors: [{ line: 0, column: null, message: 'Berkas bukan teks UTF-8; simpan ulang sebagai "CSV UTF-8"' }] };
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as never;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    return { header: [], rows: [], errors: [{ line: err.lines ?? 0, column: null, message: `CSV tidak dapat dibaca: ${err.message}` }] };
  }
  const [head, ...body] = records;
  return checkShape(head?.record ?? [], body.map((r) => ({ line: r.info.lines, cells: r.record.map(blank) })));
}

function cellText(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'object') {
    if ('error' in v) throw new Error(`sel berisi galat ${String(v.error)}`);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    return null;
  }
  return blank(String(v));
}

/** Reads the first worksheet of an XLSX workbook; a cell holding an Excel error (#REF!, #DIV/0!) is a row error. */
export async function readXlsx(buf: Buffer): Promise<RawTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    return { header: [], rows: [], errors: [{ line: 0, column: null, message: `XLSX tidak dapat dibaca: ${(e as Error).message}` }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { header: [], rows: [], errors: [{ line: 0, column: null, message: 'Buku kerja tidak berisi lembar' }] };
  let header: string[] = [];
  const rows: RawTable['rows'] = [];
  const errors: ImportRowError[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    // row.values is 1-based: index 0 is always empty
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    if (header.length === 0) {
      header = values.map((v) => String(cellText(v) ?? ''));
      return;
    }
    const cells: (string | null)[] = [];
    for (const [i, v] of values.entries()) {
      try {
        cells[i] = cellText(v);
      } catch (e) {
        errors.push({ line, column: header[i] ?? null, message: (e as Error).message });
      }
    }
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    while (cells.length > header.length && cells[cells.length - 1] === null) cells.pop();
    while (cells.length < header.length) cells.push(null);
    if (cells.some((c) => c !== null)) rows.push({ line, cells });
  });
  const shaped = checkShape(header, rows);
  return { ...shaped, errors: [...shaped.errors, ...errors].sort((a, b) => a.line - b.line) };
}

function checkShape(rawHeader: string[], rows: RawTable['rows']): RawTable {
  const header = rawHeader.map((h) => h.trim());
  const errors: ImportRowError[] = [];
  if (header.length === 0) return { header, rows: [], errors: [{ line: 1, column: null, message: 'Berkas kosong' }] };
  if (header.length > MAX_COLUMNS) errors.push({ line: 1, column: null, message: `paling banyak ${MAX_COLUMNS} kolom` });
  const seen = new Set<string>();
  for (const [i, h] of header.entries()) {
    if (!h) errors.push({ line: 1, column: `#${i + 1}`, message: 'nama kolom kosong' });
    else if (h.startsWith('_')) errors.push({ line: 1, column: h, message: 'nama kolom tidak boleh diawali _' });
    else if (h.length > 100) errors.push({ line: 1, column: h, message: 'nama kolom terlalu panjang' });
    else if (seen.has(h.toLowerCase())) errors.push({ line: 1, column: h, message: 'nama kolom ganda' });
    seen.add(h.toLowerCase());
  }
  if (rows.length > MAX_UPLOAD_ROWS) errors.push({ line: 0, column: null, message: `paling banyak ${MAX_UPLOAD_ROWS} baris per unggahan` });
  if (errors.length) return { header, rows: [], errors };
  for (const r of rows) {
    if (r.cells.length !== header.length) errors.push({ line: r.line, column: null, message: `jumlah kolom ${r.cells.length}, seharusnya ${header.length}` });
  }
  return { header, rows, errors };
}

const INT = /^-?(0|[1-9]\d{0,14})$/;
const NUMERIC = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Whether a non-empty cell fits a type; dates must also exist on the calendar. */
export function fits(type: DatastoreType, v: string): boolean {
  switch (type) {
    case 'text':
      return true;
    case 'int':
      return INT.test(v);
    case 'numeric':
      return NUMERIC.test(v);
    case 'date':
      return DATE.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v);
    case 'timestamp':
      return TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v));
  }
}

// codes keep their leading zeros and dots (62.10 is not 62.1): never a number, whatever they look like
const CODE_COLUMN = /(^|[\s_-])(kode|code|id|nik|nip|npwp)([\s_-]|$)/i;

/** The narrowest type every non-empty cell of a column fits; code-like columns stay text. */
export function inferType(name: string, values: (string | null)[]): DatastoreType {
  if (CODE_COLUMN.test(name)) return 'text';
  const present = values.filter((v): v is string => v !== null);
  if (present.length === 0) return 'text';
  for (const t of ['int', 'numeric', 'date', 'timestamp'] as const) if (present.every((v) => fits(t, v))) return t;
  return 'text';
}

const TYPE_LABEL: Record<DatastoreType, string> = { text: 'teks', int: 'bilangan bulat', numeric: 'angka (titik desimal)', date: 'tanggal YYYY-MM-DD', timestamp: 'waktu ISO 8601' };

/**
 * Types every column (declared types win over inference) and checks every cell against them,
 * so an upload reports all its bad rows at once.
 */
export function typeTable(t: RawTable, declared: Record<string, DatastoreType> = {}): { fields: DatastoreField[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  for (const name of Object.keys(declared)) if (!t.header.includes(name)) errors.push({ line: 1, column: name, message: 'kolom yang diberi tipe tidak ada' });
  const fields = t.header.map((id, i) => ({ id, type: declared[id] ?? inferType(id, t.rows.map((r) => r.cells[i] ?? null)) }));
  for (const r of t.rows) {
    if (r.cells.length !== fields.length) continue;
    for (const [i, f] of fields.entries()) {
      const v = r.cells[i];
      if (v !== null && v !== undefined && !fits(f.type, v)) errors.push({ line: r.line, column: f.id, message: `"${v.slice(0, 40)}" bukan ${TYPE_LABEL[f.type]}` });
    }
  }
  return { fields, errors };
}
