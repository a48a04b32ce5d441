import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCameraCsv, camerasToCsv, MAX_IMPORT_ROWS } from './cameras.csv.ts';
import { splitUrlCredentials, pickCredentials } from './cameras.credentials.ts';

const HEADER = 'code,name,region_code,address,lat,lng,category,organization_code,visibility,main_url,sub_url,username,password,tags,enabled';
const good = (code: string) => `${code},Kamera ${code},62.71.01,"Jl. A, No. 1",-2.21,113.91,lalu_lintas,dishub,public,rtsp://10.0.0.1/${code},,,,"a;b",true`;

test('good rows are parsed with their line numbers', () => {
  const r = parseCameraCsv(Buffer.from([HEADER, good('A-1'), good('A-2')].join('\n')));
  assert.deepEqual(r.errors, []);
  assert.equal(r.rows.length, 2);
  assert.equal(r.rows[0]!.line, 2);
  assert.equal(r.rows[1]!.input.code, 'A-2');
  assert.deepEqual(r.rows[0]!.input.tags, ['a', 'b']);
  assert.equal(r.rows[0]!.input.address, 'Jl. A, No. 1');
  assert.equal(r.rows[0]!.organizationCode, 'dishub');
  assert.equal(r.rows[0]!.credentialsBlank, true);
});

test('every bad row is reported with line and column', () => {
  const csv = [HEADER, good('A-1'), 'B-1,Kamera,62.71,,-200,113,lalu_lintas,,public,http://x,,,,,true', good('A-1'), 'C-1,Kamera C,62.71,,-2,113,bogus,,secret,rtsp://h/x,,,,,maybe'].join('\n');
  const r = parseCameraCsv(Buffer.from(csv));
  const at = (line: number) => r.errors.filter((e) => e.line === line).map((e) => e.column).sort();
  assert.deepEqual(at(3), ['lat', 'main_url']);
  assert.deepEqual(at(4), ['code']);
  assert.deepEqual(at(5), ['category', 'enabled', 'visibility']);
  assert.equal(r.rows.length, 1);
});

test('semicolon CSV from an Indonesian spreadsheet, BOM and decimal commas are accepted', () => {
  const csv = '\ufeffcode;name;region_code;lat;lng;category;main_url\nS-1;Kamera S;62.71;-2,21;113,91;keramaian;rtsp://10.1.1.1/s';
  const r = parseCameraCsv(Buffer.from(csv));
  assert.deepEqual(r.errors, []);
  assert.equal(r.rows[0]!.input.lat, -2.21);
  assert.equal(r.rows[0]!.input.visibility, 'internal');
});

test('header problems, non-UTF-8 files, ragged rows and too many rows are refused', () => {
  assert.match(parseCameraCsv(Buffer.from('code,name,colour\n')).errors.map((e) => e.message).join('|'), /kolom tidak dikenal: colour.*kolom wajib tidak ada/);
  const latin1 = Buffer.concat([Buffer.from(`${HEADER}\nX-1,Caf`), Buffer.from([0xe9]), Buffer.from(',62.71,,-2,113,lainnya,,,rtsp://h/x,,,,,\n')]);
  assert.match(parseCameraCsv(latin1).errors[0]!.message, /UTF-8/);
  assert.match(parseCameraCsv(Buffer.from(`${HEADER}\nX-1,only,three`)).errors[0]!.message, /jumlah kolom/);
  assert.match(parseCameraCsv(Buffer.from(`${HEADER}\n"unterminated`)).errors[0]!.message, /CSV tidak dapat dibaca/);
  const many = [HEADER, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => good(`M-${i}`))].join('\n');
  assert.match(parseCameraCsv(Buffer.from(many)).errors[0]!.message, /paling banyak/);
  assert.match(parseCameraCsv(Buffer.from('')).errors[0]!.message, /kosong/);
});

test('export writes the import columns and never a password; it parses back', () => {
  const csv = camerasToCsv([{ code: 'E-1', name: 'Kamera, "E"', regionCode: '62.71', address: '', lat: -2, lng: 113, category: 'pariwisata', organizationCode: null, visibility: 'public', mainUrl: 'rtsp://h/e', subUrl: null, username: 'u', tags: ['x'], enabled: false }]);
  assert.ok(csv.startsWith(HEADER));
  const back = parseCameraCsv(Buffer.from(csv));
  assert.deepEqual(back.errors, []);
  assert.equal(back.rows[0]!.input.name, 'Kamera, "E"');
  assert.equal(back.rows[0]!.input.enabled, false);
  assert.equal(back.rows[0]!.input.password, null);
});

test('credentials are taken out of RTSP URLs', () => {
  const s = splitUrlCredentials('rtsp://admin:p%40ss@192.168.1.10:554/Streaming/101');
  assert.deepEqual(s, { url: 'rtsp://192.168.1.10:554/Streaming/101', username: 'admin', password: 'p@ss' });
  assert.deepEqual(pickCredentials({ username: 'other' }, s), { username: 'other', password: 'p@ss' });
  assert.equal(pickCredentials({}, splitUrlCredentials('rtsp://h/x')), null);
});
