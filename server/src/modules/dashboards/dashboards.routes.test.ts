import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { combine, light } from './dashboards.calc.ts';

test('traffic light: within 5 points green, within 10 yellow, else red; the worse deviation decides', () => {
  assert.equal(light(-4.9, 2), 'hijau');
  assert.equal(light(3, -7), 'kuning');
  assert.equal(light(-10.5, 0), 'merah');
  const p = combine([{ pagu: 100, realization: 30, physicalPct: 40, targetFinancialPct: 40, targetPhysicalPct: 40 }, { pagu: 300, realization: 150, physicalPct: 60, targetFinancialPct: 40, targetPhysicalPct: 40 }]);
  assert.deepEqual([p.financialPct, p.physicalPct, p.deviationFinancial, p.status], [45, 55, 5, 'hijau']);
});

for (const kind of DB_KINDS) {
  describe(`development dashboard on ${kind}`, () => {
    let t: TestApp;
    let dinkes: Session;
    let pupr: Session;
    let pimpinan: Session;
    let ppid: Session;
    const entry = (org: string, over: Record<string, unknown> = {}) => ({ organizationId: t.orgs.get(org), year: 2025, quarter: 2, programCode: '1.02.02', programName: 'Program Upaya Kesehatan', pagu: 1000, realization: 400, physicalPct: 45, targetFinancialPct: 38, targetPhysicalPct: 42, ...over });
    before(async () => {
      t = await testApp(kind);
      dinkes = await t.signIn({ role: 'agency_officer', org: 'dinkes' });
      pupr = await t.signIn({ role: 'data_steward', org: 'pupr' });
      pimpinan = await t.signIn({ role: 'pimpinan' });
      ppid = await t.signIn({ role: 'ppid_officer', org: 'diskominfo' });
    });
    after(() => t.close());

    test('entry by role: own OPD 200, other OPD 403, pimpinan 403, bad input 400, anonymous 401; audited', async () => {
      const res = await t.as(dinkes)({ method: 'PUT', url: '/api/dashboard/budgets', payload: entry('dinkes') });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().financialPct, res.json().status], [40, 'hijau']);
      assert.equal((await t.as(dinkes)({ method: 'PUT', url: '/api/dashboard/budgets', payload: entry('pupr') })).statusCode, 403);
      assert.equal((await t.as(pimpinan)({ method: 'PUT', url: '/api/dashboard/budgets', payload: entry('dinkes') })).statusCode, 403);
      assert.equal((await t.as(dinkes)({ method: 'PUT', url: '/api/dashboard/budgets', payload: entry('dinkes', { realization: 2000 }) })).statusCode, 400, 'realization above pagu');
      assert.equal((await t.as(dinkes)({ method: 'PUT', url: '/api/dashboard/budgets', payload: entry('dinkes', { programCode: 'abc' }) })).statusCode, 400);
      assert.equal((await t.app.inject({ method: 'PUT', url: '/api/dashboard/budgets', payload: entry('dinkes') })).statusCode, 401);
      const again = await t.as(dinkes)({ method: 'PUT', url: '/api/dashboard/budgets', payload: entry('dinkes', { realization: 500 }) });
      assert.equal(again.json().id, res.json().id, 'same OPD, period and program: replaced, not duplicated');
      const audit = await t.db.selectFrom('audit_log').select('action').where('target_id', '=', res.json().id).orderBy('id').execute();
      assert.deepEqual(audit.map((a) => a.action), ['dashboard.budget.create', 'dashboard.budget.update']);
      assert.equal((await t.as(pupr)({ method: 'DELETE', url: `/api/dashboard/budgets/${res.json().id}` })).statusCode, 403);
    });

    test('overview ranks OPDs by shortfall; drill-down and trend; pimpinan reads, ppid_officer does not', async () => {
      await t.as(pupr)({ method: 'PUT', url: '/api/dashboard/budgets', payload: entry('pupr', { programCode: '1.03.10', programName: 'Jalan', realization: 200, physicalPct: 25 }) });
      await t.as(pupr)({ method: 'PUT', url: '/api/dashboard/budgets', payload: entry('pupr', { quarter: 1, programCode: '1.03.10', programName: 'Jalan', realization: 100, physicalPct: 12, targetFinancialPct: 12, targetPhysicalPct: 15 }) });
      await t.as(pupr)({ method: 'PUT', url: '/api/dashboard/indicators', payload: { organizationId: t.orgs.get('pupr'), year: 2025, code: 'IKU-1', name: 'Jalan mantap', unit: '%', target: 80, realization: 60 } });
      const o = await t.as(pimpinan)({ method: 'GET', url: '/api/dashboard/overview?year=2025' });
      assert.equal(o.statusCode, 200, o.body);
      assert.equal(o.json().quarter, 2, 'latest quarter with figures');
      assert.deepEqual(o.json().opds.map((x: { code: string; rank: number; status: string }) => [x.rank, x.code, x.status]), [[1, 'dinkes', 'hijau'], [2, 'pupr', 'merah']]);
      assert.equal(o.json().opds[1].ikuAchievementPct, 75);
      const d = (await t.as(pimpinan)({ method: 'GET', url: `/api/dashboard/opd/${t.orgs.get('pupr')}?year=2025&quarter=2` })).json();
      assert.equal(d.programs[0].deviationFinancial, -18);
      assert.deepEqual(d.trend.map((p: { quarter: number; financialPct: number }) => [p.quarter, p.financialPct]), [[1, 10], [2, 20]]);
      assert.deepEqual(d.programTrends['1.03.10'].map((p: { quarter: number; physicalPct: number }) => [p.quarter, p.physicalPct]), [[1, 12], [2, 25]]);
      assert.equal((await t.as(ppid)({ method: 'GET', url: '/api/dashboard/overview?year=2025' })).statusCode, 403);
      assert.equal((await t.as(pimpinan)({ method: 'GET', url: '/api/dashboard/overview?year=1999' })).statusCode, 400);
      assert.equal((await t.as(pimpinan)({ method: 'GET', url: `/api/dashboard/opd/${t.tenant.id}?year=2025` })).statusCode, 404);
    });

    test('import reports every bad row and writes nothing; a clean file saves all rows', async () => {
      const before = (await t.db.selectFrom('dash_budgets').select('id').execute()).length;
      const head = 'kode_opd,tahun,triwulan,kode_program,nama_program,pagu,realisasi,fisik_persen,target_keuangan_persen,target_fisik_persen\n';
      const bad = head + 'dinkes,2025,3,1.02.02,Upaya Kesehatan,1000,700,70,68,72\ndinkes,2025,5,1.02.02,Upaya Kesehatan,1000,700,70,68,72\nxyz,2025,3,1.02.03,SDM,1000,100,10,68,72\npupr,2025,3,1.03.10,Jalan,1000,500,50,68,72\ndinkes,2025,3,1.02.04,Farmasi,1000,abc,10,68,72\n';
      const res = await t.as(dinkes)({ method: 'POST', url: '/api/dashboard/budgets/import', headers: { 'content-type': 'text/csv' }, payload: bad });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().error.details.errors.map((e: { line: number; column: string }) => [e.line, e.column]), [[3, 'triwulan'], [4, 'kode_opd'], [5, 'kode_opd'], [6, 'realisasi']]);
      assert.equal((await t.db.selectFrom('dash_budgets').select('id').execute()).length, before);
      const ok = await t.as(dinkes)({ method: 'POST', url: '/api/dashboard/budgets/import', headers: { 'content-type': 'text/csv' }, payload: head + 'dinkes,2025,3,1.02.02,Upaya Kesehatan,1000,700,70,68,72\ndinkes,2025,3,1.02.03,SDM Kesehatan,500,300,60,68,72\n' });
      assert.deepEqual([ok.statusCode, ok.json().saved], [200, 2]);
      const tpl = await t.as(dinkes)({ method: 'GET', url: '/api/dashboard/budgets/template.csv' });
      assert.match(tpl.body, /^kode_opd,tahun,triwulan/);
      assert.equal((await t.as(pimpinan)({ method: 'GET', url: '/api/dashboard/budgets/template.xlsx' })).statusCode, 403);
      // the XLSX template, filled in as downloaded, imports (dry run) for the OPD of its example row
      const xlsx = await t.as(dinkes)({ method: 'GET', url: '/api/dashboard/budgets/template.xlsx' });
      const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const dry = await t.as(dinkes)({ method: 'POST', url: '/api/dashboard/budgets/import?dryRun=true', headers: { 'content-type': XLSX }, payload: xlsx.rawPayload });
      assert.deepEqual([dry.statusCode, dry.json().rows, dry.json().saved], [200, 1, 0], dry.body);
      const other = await t.as(pupr)({ method: 'POST', url: '/api/dashboard/budgets/import?dryRun=true', headers: { 'content-type': XLSX }, payload: xlsx.rawPayload });
      assert.deepEqual([other.statusCode, other.json().error.details.errors[0].column], [400, 'kode_opd'], 'PUPR cannot import Dinkes figures');
    });

    test('service indicators: cameras online per region, incident SLA and PPID timeliness for those who may read them', async () => {
      await t.buildCamera({ regionCode: '62.71.01', visibility: 'pimpinan' });
      await t.buildCamera({ regionCode: '62.01', visibility: 'public' });
      const list = (await t.as(pimpinan)({ method: 'GET', url: '/api/dashboard/service-indicators' })).json();
      const cams = list.find((i: { key: string }) => i.key === 'cameras_online');
      assert.equal(cams.available, true);
      assert.deepEqual(cams.items.map((i: { key: string; total: number; value: number }) => [i.key, i.total, i.value]), [['62.01', 1, 0], ['62.71', 1, 0]]);
      const sla = list.find((i: { key: string }) => i.key === 'incident_sla');
      assert.deepEqual([sla.available, sla.items], [true, []], 'no incident resolved yet');
      const ppid = list.find((i: { key: string }) => i.key === 'ppid_timeliness');
      assert.equal(ppid.available, true);
      assert.deepEqual(ppid.items.map((i: { value: number; total: number }) => [i.value, i.total]), [[0, 0]]);
      // a data steward reads the dashboard but neither incident statistics nor the PPID report
      const steward = await t.signIn({ role: 'data_steward', org: 'diskominfo' });
      const theirs = (await t.as(steward)({ method: 'GET', url: '/api/dashboard/service-indicators' })).json();
      assert.deepEqual(theirs.filter((i: { available: boolean }) => !i.available).map((i: { key: string }) => i.key).sort(), ['incident_sla', 'ppid_timeliness']);
    });
  });
}
