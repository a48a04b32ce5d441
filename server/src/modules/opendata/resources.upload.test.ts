import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

for (const kind of DB_KINDS) {
  describe(`datastore uploads are all or nothing on ${kind}`, () => {
    let t: TestApp;
    let steward: Session;
    let datasetId: string;
    const upload = (query: string, type: string, payload: string | Buffer) => t.as(steward)({ method: 'POST', url: `/api/opendata/datasets/${datasetId}/resources/upload?${query}`, headers: { 'content-type': type }, payload });
    const tables = async () => (await t.db.selectFrom('od_resources').select('id').where('dataset_id', '=', datasetId).execute()).length;
    before(async () => {
      t = await testApp(kind);
      steward = await t.signIn({ role: 'data_steward', org: 'bpbd' });
      datasetId = (await t.as(steward)({ method: 'POST', url: '/api/opendata/datasets', payload: { name: 'hotspot', title: 'Titik Panas', organizationId: t.orgs.get('bpbd'), regionCode: '62' } })).json().id;
    });
    after(() => t.close());

    test('a malformed CSV reports every bad row and writes nothing', async () => {
      const csv = 'tanggal,kabupaten,titik_panas\n2024-08-01,Kapuas,12\n2024-08-02,Katingan\n2024-13-45,Seruyan,7\n2024-08-04,Sukamara,banyak\n2024-08-05,Lamandau,3,ekstra\n';
      const res = await upload('name=Hotspot&types=' + encodeURIComponent('{"tanggal":"date","titik_panas":"int"}'), 'text/csv', csv);
      assert.equal(res.statusCode, 400, res.body);
      const details = res.json().error.details;
      assert.equal(details.ok, false);
      assert.deepEqual(details.errors.map((e: { line: number; column: string | null }) => [e.line, e.column]), [[3, null], [4, 'tanggal'], [5, 'titik_panas'], [6, null]]);
      assert.equal(await tables(), 0);
      const leftovers = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'dataset.resource.upload').execute();
      assert.equal(leftovers.length, 0);
    });

    test('inferred types without declarations; a dry run previews and writes nothing', async () => {
      const csv = 'tanggal;kabupaten;titik_panas;luas_ha\n2024-08-01;Kapuas;12;3.5\n2024-08-02;Katingan;4;0.75\n';
      const dry = await upload('name=Hotspot&dryRun=true', 'text/csv', csv);
      assert.equal(dry.statusCode, 200, dry.body);
      assert.deepEqual(dry.json().fields.map((f: { type: string }) => f.type), ['date', 'text', 'int', 'numeric']);
      assert.equal(dry.json().preview[1].kabupaten, 'Katingan');
      assert.equal(await tables(), 0);
      assert.equal((await upload('name=Hotspot', 'text/csv', Buffer.from([0xff, 0xfe, 0x41]))).statusCode, 400, 'not UTF-8');
      assert.equal((await upload('name=Hotspot', 'text/csv', 'a,a\n1,2\n')).statusCode, 400, 'duplicate header');
      assert.equal((await upload('name=Hotspot', 'application/pdf', 'x')).statusCode, 415);
    });

    test('XLSX: error cells and wrong types are reported by row; a clean sheet loads with types', async () => {
      const bad = await workbook([['tanggal', 'kabupaten', 'titik_panas'], [new Date('2024-08-01'), 'Kapuas', 12], [new Date('2024-08-02'), 'Katingan', { error: '#DIV/0!' } as ExcelJS.CellErrorValue], ['kemarin', 'Seruyan', 5]]);
      const res = await upload('name=Hotspot&types=' + encodeURIComponent('{"tanggal":"date"}'), XLSX, bad);
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(res.json().error.details.errors.map((e: { line: number }) => e.line), [3, 4]);
      assert.equal(await tables(), 0);
      const good = await workbook([['tanggal', 'kabupaten', 'titik_panas'], [new Date('2024-08-01'), 'Kapuas', 12], [new Date('2024-08-02'), 'Katingan', { formula: 'A1', result: 4 } as ExcelJS.CellFormulaValue]]);
      const ok = await upload('name=Hotspot%20XLSX', XLSX, good);
      assert.equal(ok.statusCode, 201, ok.body);
      assert.deepEqual(ok.json().resource.fields, [{ id: 'tanggal', type: 'date' }, { id: 'kabupaten', type: 'text' }, { id: 'titik_panas', type: 'int' }]);
      const rows = (await t.as(steward)({ method: 'GET', url: `/api/opendata/resources/${ok.json().resource.id}/data?sort=tanggal desc` })).json();
      assert.deepEqual(rows.records.map((r: { tanggal: string; titik_panas: number }) => [r.tanggal, r.titik_panas]), [['2024-08-02', 4], ['2024-08-01', 12]]);
      const ds = (await t.as(steward)({ method: 'GET', url: `/api/opendata/datasets/${datasetId}` })).json();
      assert.deepEqual(ds.formats, ['XLSX']);
    });

    test('deleting a resource drops its table', async () => {
      const res = (await upload('name=Sementara', 'text/csv', 'a,b\n1,2\n')).json().resource;
      assert.equal((await t.as(steward)({ method: 'DELETE', url: `/api/opendata/resources/${res.id}` })).statusCode, 204);
      assert.equal((await t.as(steward)({ method: 'GET', url: `/api/opendata/resources/${res.id}/data` })).statusCode, 404);
      const other = await t.signIn({ role: 'data_steward', org: 'dinkes' });
      assert.equal((await t.as(other)({ method: 'DELETE', url: `/api/opendata/resources/${res.id}` })).statusCode, 404);
    });
  });
}
