import i18n from '../i18n/index.ts';

/** The parts of a zod issue the console reads; structural, so the web needs no zod import. */
export interface RawIssue {
  readonly code?: string;
  readonly path?: readonly PropertyKey[];
  readonly message?: string;
  readonly input?: unknown;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly expected?: string;
  readonly format?: string;
}

/**
 * Custom messages written into the shared schemas are Indonesian; translate the known ones so an
 * English session does not mix languages. Unknown messages are shown as the server wrote them.
 */
const SHARED_MESSAGES: Record<string, 'validation.rtspUrl' | 'validation.codeChars' | 'validation.usernameChars' | 'validation.regionCode' | 'validation.orgCodeChars'> = {
  'harus URL rtsp:// atau rtsps:// yang valid': 'validation.rtspUrl',
  'huruf, angka, titik, garis bawah, tanda hubung': 'validation.codeChars',
  'huruf kecil, angka, titik, garis bawah, tanda hubung': 'validation.usernameChars',
  'kode wilayah Kemendagri tidak valid': 'validation.regionCode',
  'huruf kecil, angka dan tanda hubung': 'validation.orgCodeChars',
};

/** Localises the built-in zod issues; used as the per-parse error map of the shared schemas. */
export function issueMessage(issue: RawIssue): string {
  const t = i18n.t.bind(i18n);
  const n = Number(issue.minimum ?? issue.maximum ?? 0);
  // An empty input is "required", whatever rule it failed first (length, enum, URL, type).
  const empty = issue.input === undefined || issue.input === null || issue.input === '';
  if (empty && issue.code !== 'custom' && issue.origin !== 'array') return t('validation.required');
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? t('validation.number') : t('validation.invalid');
    case 'too_small':
      if (issue.origin === 'string') return n <= 1 ? t('validation.required') : t('validation.minChars', { count: n });
      if (issue.origin === 'array') return t('validation.minItems', { count: n });
      return t('validation.min', { n });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxChars', { count: n });
      if (issue.origin === 'array') return t('validation.maxItems', { count: n });
      return t('validation.max', { n });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'uuid') return t('validation.choice');
      return t('validation.format');
    case 'invalid_value':
      return t('validation.choice');
    case 'unrecognized_keys':
      return t('validation.unknownField');
    default:
      return t('validation.invalid');
  }
}

/**
 * Translates a finished issue into the current language. Client issues were already localised by
 * `errorMap` (`localized`); server issues are re-derived from their code when they carry one.
 */
export function translateIssue(issue: RawIssue, localized: boolean): string {
  const known = issue.message ? SHARED_MESSAGES[issue.message] : undefined;
  if (known) return i18n.t(known);
  if ((localized || issue.code === 'custom' || !issue.code) && issue.message) return issue.message;
  return issue.code ? issueMessage(issue) : i18n.t('validation.invalid');
}

/** Per-parse error map: leaves schema-level messages to `translateIssue`, localises the rest. */
export const errorMap = (issue: RawIssue): string => issueMessage(issue);

export type FieldErrors = Record<string, string>;

/** Where the server says an issue is ("body.lat", ["body", "lat"]) without its request part. */
const REQUEST_PARTS = new Set(['body', 'query', 'querystring', 'params']);

function issuePath(issue: unknown): string {
  const raw = (issue as { path?: unknown }).path;
  const parts = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' && raw ? raw.split('.') : [];
  if (parts.length > 0 && REQUEST_PARTS.has(parts[0]!)) parts.shift();
  return parts[0] || '_form';
}

/** One message per top-level field (tags[3] → tags), the first issue winning. */
export function issuesToFieldErrors(issues: unknown, localized = false): FieldErrors {
  const out: FieldErrors = {};
  if (!Array.isArray(issues)) return out;
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null) continue;
    const key = issuePath(issue);
    if (!out[key]) out[key] = translateIssue(issue as RawIssue, localized);
  }
  return out;
}

interface SafeParser<T> {
  safeParse(data: unknown, params?: { error?: (issue: RawIssue) => string }): { success: true; data: T } | { success: false; error: { issues: unknown[] } };
}

/** Validates with a shared schema and returns either the parsed value or per-field messages. */
export function validate<T>(schema: SafeParser<T>, data: unknown): { ok: true; data: T } | { ok: false; errors: FieldErrors } {
  const r = schema.safeParse(data, { error: errorMap });
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: issuesToFieldErrors(r.error.issues, true) };
}
