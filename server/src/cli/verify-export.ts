/**
 * `npm run verify-export -- <folder|file.zip> [--key public-key.pem]`: checks an evidence export's
 * signature and the size and SHA-256 of every file; exit 0 when intact, 1 naming each problem,
 * 2 on bad usage. Needs no database and no server: a court's expert can run it on a laptop.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { directoryReader, verifyExport, zipReader } from '../modules/recordings/index.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { key: { type: 'string' } } });
const target = positionals[0];
if (!target || positionals.length > 1) {
  console.error('Pakai / usage: npm run verify-export -- <folder|berkas.zip> [--key kunci-publik.pem]');
  process.exit(2);
}
let isDir: boolean;
try {
  isDir = statSync(target).isDirectory();
} catch {
  console.error(`Tidak ditemukan / not found: ${target}`);
  process.exit(2);
}
const reader = isDir ? await directoryReader(target) : await zipReader(target);
const result = await verifyExport(reader, values.key ? readFileSync(values.key, 'utf8') : undefined);
if (result.fingerprint) console.log(`Kunci penanda tangan / signing key: ${result.fingerprint}${values.key ? ' (kunci yang Anda berikan / the key you gave)' : ' (bandingkan dengan sidik jari instalasi / compare with the installation fingerprint)'}`);
if (result.ok) {
  console.log(`UTUH / INTACT: tanda tangan sah, ${result.checkedFiles} berkas cocok dengan manifest / signature valid, ${result.checkedFiles} files match the manifest`);
} else {
  console.error('GAGAL / FAILED:');
  for (const p of result.problems) console.error(`  - ${p}`);
  process.exitCode = 1;
}
