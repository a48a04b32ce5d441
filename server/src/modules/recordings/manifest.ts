/**
 * The evidence export manifest: what was exported, by whom and why, and the SHA-256 of every file,
 * signed with the installation's Ed25519 key. `verifyExport` is what `npm run verify-export` runs:
 * it names exactly what fails (signature, a missing file, a size or hash that differs).
 */
import { keyFingerprint, verifySignature } from './signing.ts';

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const PUBLIC_KEY = 'public-key.pem';
export const README = 'BACA-SAYA.txt';

export interface ManifestFile {
  name: string;
  cameraId: string;
  start: string;
  end: string;
  bytes: number;
  sha256: string;
}

export interface ExportManifest {
  format: 'pantau-evidence-export/1';
  exportId: string;
  createdAt: string;
  operator: { id: string; username: string };
  reason: string;
  caseNumber: string | null;
  range: { from: string; to: string };
  cameras: { id: string; code: string; name: string }[];
  files: ManifestFile[];
  gaps: { cameraId: string; start: string; end: string; reason: string | null }[];
  /**
   * The segment files the export was cut from, re-hashed at export time against the SHA-256 the
   * recorder stored when it closed them (`open`: still being written, no stored hash yet).
   */
  sources: { recording: string; sha256: string | null; state: 'verified' | 'open' }[];
  signingKeyFingerprint: string;
}

/** The manifest's bytes as written and signed. */
export function manifestBytes(m: ExportManifest): Buffer {
  return Buffer.from(`${JSON.stringify(m, null, 2)}\n`, 'utf8');
}

/** A safe file name for a camera's stretch: `<code>_<start>_<n>.mp4`. */
export function exportFileName(cameraCode: string, startMs: number, n: number): string {
  const code = cameraCode.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60) || 'kamera';
  const t = new Date(startMs).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${code}_${t}_${n}.mp4`;
}

export interface VerifyResult {
  ok: boolean;
  fingerprint: string | null;
  problems: string[];
  checkedFiles: number;
}

/** Files of an export, from a directory or a ZIP. */
export interface ExportReader {
  names: string[];
  /** A small file whole (manifest, signature, key), or null when absent. */
  read(name: string): Promise<Buffer | null>;
  /** Size and SHA-256 of a file, streamed (video files can be gigabytes), or null when absent. */
  digest(name: string): Promise<{ bytes: number; sha256: string } | null>;
}

/**
 * Verifies an export. `trustedKeyPem`, when given, must be the key that signed (otherwise the
 * export's own public key is used and its fingerprint reported for comparison with the
 * installation's, published at `GET /api/exports/public-key`).
 */
export async function verifyExport(reader: ExportReader, trustedKeyPem?: string): Promise<VerifyResult> {
  const read = (n: string) => reader.read(n);
  const problems: string[] = [];
  const manifestRaw = await read(MANIFEST);
  const sig = await read(SIGNATURE);
  const keyPem = trustedKeyPem ?? (await read(PUBLIC_KEY))?.toString('utf8');
  if (!manifestRaw) return { ok: false, fingerprint: null, problems: [`${MANIFEST} tidak ada / missing`], checkedFiles: 0 };
  if (!sig) problems.push(`${SIGNATURE} tidak ada / missing`);
  if (!keyPem) problems.push(`${PUBLIC_KEY} tidak ada / missing`);
  let fingerprint: string | null = null;
  if (keyPem) {
    try {
      fingerprint = keyFingerprint(keyPem);
    } catch {
      problems.push(`${PUBLIC_KEY}: bukan kunci publik Ed25519 / not an Ed25519 public key`);
    }
  }
  if (sig && keyPem && fingerprint && !verifySignature(keyPem, manifestRaw, Buffer.from(sig.toString('utf8').trim(), 'base64'))) {
    problems.push(`${MANIFEST}: tanda tangan tidak cocok / signature does not match (the manifest or its signature was changed)`);
  }
  let manifest: ExportManifest;
  try {
    manifest = JSON.parse(manifestRaw.toString('utf8')) as ExportManifest;
  } catch {
    return { ok: false, fingerprint, problems: [...problems, `${MANIFEST}: bukan JSON / not JSON`], checkedFiles: 0 };
  }
  if (fingerprint && manifest.signingKeyFingerprint !== fingerprint) problems.push(`${MANIFEST}: signed by key ${manifest.signingKeyFingerprint}, checked with ${fingerprint}`);
  let checked = 0;
  for (const f of manifest.files ?? []) {
    const d = await reader.digest(f.name);
    if (!d) {
      problems.push(`${f.name}: tidak ada / missing`);
      continue;
    }
    checked++;
    if (d.bytes !== f.bytes) problems.push(`${f.name}: ukuran ${d.bytes} byte, manifest ${f.bytes} / size differs`);
    if (d.sha256 !== f.sha256) problems.push(`${f.name}: SHA-256 ${d.sha256} ≠ manifest ${f.sha256} / file was changed`);
  }
  const known = new Set([MANIFEST, SIGNATURE, PUBLIC_KEY, README, ...(manifest.files ?? []).map((f) => f.name)]);
  for (const n of reader.names) if (!known.has(n)) problems.push(`${n}: tidak tercantum di manifest / not listed in the manifest`);
  return { ok: problems.length === 0, fingerprint, problems, checkedFiles: checked };
}
