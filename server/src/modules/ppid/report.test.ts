import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { fileRequest, idOf, setClock } from './ppid.testing.ts';

/**
 * Hand-computed fixture for 2026: four requests, all filed before 16:00 WIB on working days.
 *  A filed Mon 5 Jan, granted Thu 8 Jan → 3 working days (6, 7, 8)
 *  B filed Mon 12 Jan, refused (Pasal 17 h) Mon 19 Jan → 4 working days (13, 14, 15, 19; 16 Jan Isra Mi'raj)
 *  C filed Mon 2 Feb, partly granted (Pasal 17 c) Mon 9 Feb → 5 working days (3-6, 9)
 *  D filed Tue 3 Mar, still waiting
 *  One request filed in 2025 must not count. B's objection (ground a) is upheld; a dispute is recorded.
 *  Average = (3 + 4 + 5) / 3 = 4.0
 */
for (const kind of DB_KINDS) {
  describe(`PPID annual report on ${kind}`, () => {
    let t: TestApp;
    let officer: Session;
    let atasan: Session;
    before(async () => {
      t = await testApp(kind);
      officer = await t.signIn({ role: 'ppid_officer', org: 'diskominfo' });
      atasan = await t.signIn({ role: 'pimpinan' });
      const respond = async (reg: string, when: string, payload: object) => {
        setClock(t, when);
        const res = await t.as(officer)({ method: 'POST', url: `/api/ppid/requests/${await idOf(t, reg)}/respond`, payload });
        assert.equal(res.statusCode, 200, res.body);
      };
      const test = 'Membuka informasi ini merugikan kepentingan yang dilindungi undang-undang.';
      setClock(t, '2025-12-10T09:00:00');
      await fileRequest(t);
      setClock(t, '2026-01-05T09:00:00');
      const a = await fileRequest(t);
      await respond(a.registrationNumber, '2026-01-08T10:00:00', { kind: 'granted', text: 'Terlampir' });
      setClock(t, '2026-01-12T09:00:00');
      const b = await fileRequest(t);
      await respond(b.registrationNumber, '2026-01-19T10:00:00', { kind: 'refused', text: 'Dikecualikan', exemptionGround: 'h', consequenceTest: test });
      setClock(t, '2026-02-02T09:00:00');
      const c = await fileRequest(t);
      await respond(c.registrationNumber, '2026-02-09T10:00:00', { kind: 'partially_granted', text: 'Sebagian', exemptionGround: 'c', consequenceTest: test });
      setClock(t, '2026-03-03T09:00:00');
      await fileRequest(t);
      const o = await t.app.inject({ method: 'POST', url: '/api/public/ppid/objections', payload: { registrationNumber: b.registrationNumber, trackingCode: b.trackingCode, ground: 'a_refused', reason: 'Keberatan' } });
      assert.equal(o.statusCode, 201, o.body);
      await t.as(atasan)({ method: 'POST', url: `/api/ppid/objections/${o.json().id}/decide`, payload: { decision: 'upheld', text: 'Berikan' } });
      await t.as(officer)({ method: 'POST', url: `/api/ppid/objections/${o.json().id}/dispute`, payload: { number: 'KI/1', filedOn: '2026-03-10', outcome: 'mediated', settledOn: '2026-04-01' } });
    });
    after(() => t.close());

    test('JSON matches the hand-computed fixture', async () => {
      const r = (await t.as(officer)({ method: 'GET', url: '/api/ppid/reports/2026' })).json();
      assert.equal(r.requests, 4);
      assert.deepEqual(r.byStatus, { received: 1, clarification: 0, granted: 1, partially_granted: 1, refused: 1, not_held: 0, withdrawn: 0 });
      assert.deepEqual(r.refusedByGround, { h: 1, c: 1 });
      assert.equal(r.answered, 3);
      assert.equal(r.averageWorkingDays, 4);
      assert.deepEqual(r.perRequest.map((p: { workingDays: number | null }) => p.workingDays), [3, 4, 5, null]);
      assert.equal(r.answeredLate, 0);
      assert.equal(r.objections, 1);
      assert.deepEqual(r.objectionsByGround, { a_refused: 1 });
      assert.deepEqual(r.objectionsByDecision, { upheld: 1 });
      assert.deepEqual(r.disputesByOutcome, { mediated: 1 });
      const r2025 = (await t.as(officer)({ method: 'GET', url: '/api/ppid/reports/2025' })).json();
      assert.equal(r2025.requests, 1);
    });

    test('CSV and PDF downloads', async () => {
      const csv = await t.as(officer)({ method: 'GET', url: '/api/ppid/reports/2026/csv' });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.match(csv.body, /ringkasan,jumlah_permohonan,4\r\n/);
      assert.match(csv.body, /ringkasan,rata_rata_hari_kerja,4\r\n/);
      assert.match(csv.body, /penolakan_pasal_17,h,1/);
      const pdf = await t.as(officer)({ method: 'GET', url: '/api/ppid/reports/2026/pdf' });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.equal((await t.as(officer)({ method: 'GET', url: '/api/ppid/reports/1999' })).statusCode, 400);
    });
  });
}
