import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fits, inferType, readCsv, typeTable } from './tabular.ts';
import { parseCkanQuery, parseCkanSort, parseFacetFields } from './ckan.query.ts';
import { resolveSearch } from './datastore.query.ts';
import { DomainError } from '../../platform/http/errors.ts';

test('type inference: the narrowest type every cell fits; codes stay text', () => {
  const table: [string, (string | null)[], string][] = [
    ['penduduk', ['270400', '-3', null], 'int'],
    ['luas', ['10759', '3.5'], 'numeric'],
    ['nilai', ['0.75', '007'], 'text'],
    ['tanggal', ['2024-02-29', '2024-12-31'], 'date'],
    ['tanggal', ['2023-02-29'], 'text'],
    ['waktu', ['2024-08-01T07:00:00+07:00', '2024-08-01 08:30'], 'timestamp'],
    ['kode_wilayah', ['62.01', '62.10'], 'text'],
    ['id', ['1', '2'], 'text'],
    ['kosong', [null, null], 'text'],
  ];
  for (const [name, values, want] of table) assert.equal(inferType(name, values), want, `${name} ${values.join(',')}`);
  assert.equal(fits('int', '1234567890123456'), false, 'beyond 15 digits is not safely an integer');
});

test('CSV shape: semicolons, header checks, row widths, declared types checked cell by cell', () => {
  const t = readCsv(Buffer.from('a;b\n1;x\n2\n'));
  assert.deepEqual(t.header, ['a', 'b']);
  assert.deepEqual(t.errors.map((e) => e.line), [3]);
  assert.deepEqual(readCsv(Buffer.from('a,,_c\n1,2,3\n')).errors.map((e) => e.message), ['nama kolom kosong', 'nama kolom tidak boleh diawali _']);
  const typed = typeTable(readCsv(Buffer.from('n,d\n1,2024-01-01\nx,2024-13-01\n')), { n: 'int', d: 'date', zz: 'text' });
  assert.deepEqual(typed.errors.map((e) => [e.line, e.column]), [[1, 'zz'], [3, 'n'], [3, 'd']]);
});

test('CKAN fq/q: field terms ANDed, quoted values, formats upper-cased, unknown fields refused', () => {
  const f = parseCkanQuery('curah hujan tags:cuaca', 'organization:bpbd +res_format:csv groups:"lingkungan"');
  assert.deepEqual([f.q, f.tags, f.organizations, f.formats, f.groups], ['curah hujan', ['cuaca'], ['bpbd'], ['CSV'], ['lingkungan']]);
  assert.equal(parseCkanQuery('*:*', '').q, null);
  assert.throws(() => parseCkanQuery('', 'popularity:5'), (e: unknown) => e instanceof DomainError && e.code === 'validation_failed');
  assert.throws(() => parseCkanQuery('', '-tags:x'), DomainError);
  assert.deepEqual(parseCkanSort('score desc, metadata_modified desc'), [{ by: 'relevance', desc: true }, { by: 'modified', desc: true }]);
  assert.throws(() => parseCkanSort('views_recent desc'), DomainError);
  assert.deepEqual(parseFacetFields('["organization","tags"]'), ['organization', 'tags']);
  assert.deepEqual(parseFacetFields('tags'), ['tags']);
});

test('datastore search parameters resolve to generated columns, with values checked against types', () => {
  const fields = [{ id: 'kode', type: 'text' as const }, { id: 'jumlah', type: 'int' as const }];
  const s = resolveSearch(fields, { filters: '{"kode":["62.01","62.02"],"jumlah":5}', sort: '"jumlah" desc, kode', limit: 10, offset: 0 });
  assert.deepEqual(s.filters, [{ index: 0, type: 'text', values: ['62.01', '62.02'] }, { index: 1, type: 'int', values: ['5'] }]);
  assert.deepEqual(s.sort, [{ index: 1, desc: true }, { index: 0, desc: false }]);
  for (const bad of [{ filters: '{"jumlah":"lima"}' }, { filters: '{"x":1}' }, { filters: '[1]' }, { filters: '{' }, { sort: 'x desc' }, { sort: 'kode; drop table x' }]) {
    assert.throws(() => resolveSearch(fields, { ...bad, limit: 10, offset: 0 }), DomainError, JSON.stringify(bad));
  }
});
