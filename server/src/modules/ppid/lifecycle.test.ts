import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { fileRequest, idOf, setClock } from './ppid.testing.ts';

const PDF = Buffer.from('%PDF-1.4\n% uji\n');

for (const kind of DB_KINDS) {
  describe(`PPID request lifecycle on ${kind}`, () => {
    let t: TestApp;
    let utama: Session;
    let dinkes: Session;
    let atasan: Session;
    before(async () => {
      t = await testApp(kind);
      utama = await t.signIn({ role: 'ppid_officer', org: 'diskominfo' });
      dinkes = await t.signIn({ role: 'ppid_officer', org: 'dinkes' });
      atasan = await t.signIn({ role: 'pimpinan' });
    });
    after(() => t.close());

    test('submit after office hours before Idul Fitri 2026 → extension → refusal → objection → atasan → dispute', async () => {
      // Tue 17 Mar 2026 17:00 WIB: after 16:00, so received on the next working day. 18 Mar is cuti
      // bersama Nyepi, 19 Nyepi, 20-24 Idul Fitri and cuti bersama: received Wed 25 Mar.
      setClock(t, '2026-03-17T17:00:00');
      const receipt = await fileRequest(t);
      assert.match(receipt.registrationNumber, /^PPID-2026-\d{6}$/);
      assert.equal(receipt.receivedOn, '2026-03-25');
      // 26, 27, 30, 31 Mar, 1, 2 Apr = 6, (3 Apr Good Friday), 6, 7, 8, 9 Apr = 10
      assert.equal(receipt.dueOn, '2026-04-09');
      const id = await idOf(t, receipt.registrationNumber);
      const track = () => t.app.inject({ method: 'POST', url: '/api/public/ppid/track', payload: { registrationNumber: receipt.registrationNumber, trackingCode: receipt.trackingCode } });
      assert.equal((await track()).json().deadline.state, 'on_time');
      const wrong = await t.app.inject({ method: 'POST', url: '/api/public/ppid/track', payload: { registrationNumber: receipt.registrationNumber, trackingCode: 'salah-kode-123' } });
      assert.equal(wrong.statusCode, 404, 'a wrong code reads as unknown');

      // Pelaksana does not see it until it is routed there
      assert.equal((await t.as(dinkes)({ method: 'GET', url: `/api/ppid/requests/${id}` })).statusCode, 404);
      assert.equal((await t.as(dinkes)({ method: 'POST', url: `/api/ppid/requests/${id}/route`, payload: { organizationId: t.orgs.get('dinkes') } })).statusCode, 403, 'only the PPID Utama routes');
      const routed = await t.as(utama)({ method: 'POST', url: `/api/ppid/requests/${id}/route`, payload: { organizationId: t.orgs.get('dinkes'), note: 'data di Dinkes' } });
      assert.equal(routed.statusCode, 200, routed.body);
      assert.equal(routed.json().organizationName, 'Dinas Kesehatan');
      const queue = await t.as(dinkes)({ method: 'GET', url: '/api/ppid/requests' });
      assert.deepEqual(queue.json().items.map((r: { id: string }) => r.id), [id]);

      // three working days before the due date: due soon after 7 April
      setClock(t, '2026-04-08T09:00:00');
      assert.equal((await t.as(dinkes)({ method: 'GET', url: '/api/ppid/requests?state=due_soon' })).json().total, 1);
      const ext = await t.as(dinkes)({ method: 'POST', url: `/api/ppid/requests/${id}/extend`, payload: { reason: 'Dokumen di arsip inaktif' } });
      assert.equal(ext.statusCode, 200, ext.body);
      assert.equal(ext.json().deadline.dueOn, '2026-04-20', '10, 13, 14, 15, 16, 17, 20 Apr');
      assert.equal((await t.as(dinkes)({ method: 'POST', url: `/api/ppid/requests/${id}/extend`, payload: { reason: 'lagi' } })).statusCode, 409, 'only one extension');

      // refusal needs the Pasal 17 ground and the consequence test
      setClock(t, '2026-04-16T10:00:00');
      const bare = await t.as(dinkes)({ method: 'POST', url: `/api/ppid/requests/${id}/respond`, payload: { kind: 'refused', text: 'Ditolak' } });
      assert.equal(bare.statusCode, 400);
      const doc = await t.as(dinkes)({ method: 'POST', url: `/api/ppid/requests/${id}/documents?filename=surat-penolakan.pdf`, payload: PDF, headers: { 'content-type': 'application/pdf' } });
      assert.equal(doc.statusCode, 201, doc.body);
      const fake = await t.as(dinkes)({ method: 'POST', url: `/api/ppid/requests/${id}/documents?filename=virus.pdf`, payload: Buffer.from('MZ\x90\x00'), headers: { 'content-type': 'application/pdf' } });
      assert.equal(fake.statusCode, 400, 'content must match the type');
      const exe = await t.as(dinkes)({ method: 'POST', url: `/api/ppid/requests/${id}/documents?filename=a.exe`, payload: Buffer.from('MZ'), headers: { 'content-type': 'application/x-msdownload' } });
      assert.equal(exe.statusCode, 415);
      const refused = await t.as(dinkes)({ method: 'POST', url: `/api/ppid/requests/${id}/respond`, payload: { kind: 'refused', text: 'Informasi dikecualikan', exemptionGround: 'h', consequenceTest: 'Membuka data ini mengungkap riwayat kesehatan pribadi seseorang.' } });
      assert.equal(refused.statusCode, 200, refused.body);
      assert.equal(refused.json().deadline.state, 'closed');
      assert.equal((await t.as(dinkes)({ method: 'POST', url: `/api/ppid/requests/${id}/respond`, payload: { kind: 'granted', text: 'x' } })).statusCode, 409);

      // the requester sees the answer and its document, objects with a Pasal 35 ground
      const seen = (await track()).json();
      assert.equal(seen.status, 'refused');
      assert.equal(seen.exemptionGround, 'h');
      assert.equal(seen.documents.length, 1);
      // 17, 20-24, 27-30 = 10, (1 May), 4-8 = 15, 11-13 = 18, (14 Ascension, 15 cuti), 18-22 = 23, 25, 26,
      // (27 Idul Adha, 28 cuti), 29 = 26, (1 Jun Pancasila), 2-5 Jun = 30
      assert.equal(seen.objectionOpenUntil, '2026-06-05');
      assert.ok(!JSON.stringify(seen).includes('6271014404900001'), 'no NIK on the tracking page');
      assert.ok(!seen.events.some((e: { kind: string }) => e.kind === 'note'), 'internal notes stay internal');
      assert.deepEqual([...new Set(seen.events.map((e: { actor: string }) => e.actor))].sort(), ['PPID', 'pemohon'], 'no officer account names');
      const dl = await t.app.inject({ method: 'GET', url: `/api/public/ppid/requests/documents/${seen.documents[0].id}?registrationNumber=${receipt.registrationNumber}&trackingCode=${receipt.trackingCode}` });
      assert.equal(dl.statusCode, 200);
      assert.equal(dl.headers['content-type'], 'application/pdf');
      assert.ok(dl.rawPayload.equals(PDF));

      setClock(t, '2026-04-20T10:00:00');
      const objection = await t.app.inject({ method: 'POST', url: '/api/public/ppid/objections', payload: { registrationNumber: receipt.registrationNumber, trackingCode: receipt.trackingCode, ground: 'a_refused', reason: 'Data yang saya minta sudah dianonimkan' } });
      assert.equal(objection.statusCode, 201, objection.body);
      const o = objection.json();
      assert.equal(o.filedOn, '2026-04-20');
      assert.equal(o.dueOn, '2026-06-09', 'the same count from 20 Apr ends on Tue 9 Jun');
      const again = await t.app.inject({ method: 'POST', url: '/api/public/ppid/objections', payload: { registrationNumber: receipt.registrationNumber, trackingCode: receipt.trackingCode, ground: 'g_late', reason: 'lagi' } });
      assert.equal(again.statusCode, 409);

      assert.equal((await t.as(dinkes)({ method: 'POST', url: `/api/ppid/objections/${o.id}/decide`, payload: { decision: 'rejected', text: 'x' } })).statusCode, 403, 'only the atasan PPID decides');
      const decided = await t.as(atasan)({ method: 'POST', url: `/api/ppid/objections/${o.id}/decide`, payload: { decision: 'rejected', text: 'Penolakan dikuatkan' } });
      assert.equal(decided.statusCode, 200, decided.body);
      assert.equal(decided.json().disputeDeadline, '2026-05-11', '14 working days after 20 Apr: 21-24, 27-30 = 8, (1 May), 4-8 = 13, 11');
      assert.equal((await t.as(atasan)({ method: 'POST', url: `/api/ppid/objections/${o.id}/decide`, payload: { decision: 'upheld', text: 'x' } })).statusCode, 409);
      const dispute = await t.as(utama)({ method: 'POST', url: `/api/ppid/objections/${o.id}/dispute`, payload: { number: 'KI-KT/2026/007', filedOn: '2026-05-04', outcome: 'pending' } });
      assert.equal(dispute.statusCode, 200, dispute.body);

      const detail = (await t.as(utama)({ method: 'GET', url: `/api/ppid/requests/${id}` })).json();
      assert.deepEqual(detail.events.map((e: { kind: string }) => e.kind), ['submitted', 'routed', 'note', 'extended', 'document', 'responded_refused', 'objection_filed', 'objection_rejected', 'dispute']);
      const outbox = await t.db.selectFrom('ppid_outbox').select(['channel', 'recipient']).where('request_id', '=', id).orderBy('id').execute();
      assert.deepEqual(outbox.filter((m) => m.channel === 'email').length, 4, 'receipt, extension, answer, objection decision');
      const audit = await t.db.selectFrom('audit_log').select('action').where('target_id', '=', id).execute();
      assert.ok(['ppid.request.submit', 'ppid.request.route', 'ppid.request.extend', 'ppid.request.respond', 'ppid.request.attach'].every((a) => audit.some((r) => r.action === a)));
    });

    test('worker sweep: reminders on due-soon and overdue days, escalation once when very overdue', async () => {
      setClock(t, '2026-01-05T09:00:00');
      const r = await fileRequest(t, { email: 'lama@contoh.id' });
      assert.equal(r.dueOn, '2026-01-20');
      const id = await idOf(t, r.registrationNumber);
      setClock(t, '2026-01-07T09:00:00');
      assert.deepEqual(await t.services.ppid.sweep(), { reminded: 0, escalated: 0 });
      setClock(t, '2026-01-19T09:00:00');
      assert.deepEqual(await t.services.ppid.sweep(), { reminded: 1, escalated: 0 });
      assert.deepEqual(await t.services.ppid.sweep(), { reminded: 0, escalated: 0 }, 'once a day');
      setClock(t, '2026-02-04T09:00:00');
      assert.equal((await t.services.ppid.sweep()).escalated, 1);
      setClock(t, '2026-02-05T09:00:00');
      const next = await t.services.ppid.sweep();
      assert.equal(next.escalated, 0, 'escalated only once');
      const msgs = await t.db.selectFrom('ppid_outbox').select('recipient').where('request_id', '=', id).execute();
      assert.ok(msgs.some((m) => m.recipient === 'ppid:atasan'));
      assert.equal((await t.as(utama)({ method: 'GET', url: '/api/ppid/requests?state=very_overdue' })).json().total, 1);
    });

    test('clarification pauses the request; the requester completes it and the clock restarts', async () => {
      setClock(t, '2026-02-02T09:00:00');
      const r = await fileRequest(t);
      const id = await idOf(t, r.registrationNumber);
      const res = await t.as(utama)({ method: 'POST', url: `/api/ppid/requests/${id}/respond`, payload: { kind: 'clarification', text: 'Mohon sebutkan tahun anggaran' } });
      assert.equal(res.json().status, 'clarification');
      setClock(t, '2026-02-09T10:00:00');
      const done = await t.app.inject({ method: 'POST', url: '/api/public/ppid/clarifications', payload: { registrationNumber: r.registrationNumber, trackingCode: r.trackingCode, text: 'Tahun anggaran 2025' } });
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().status, 'received');
      assert.equal(done.json().deadline.receivedOn, '2026-02-09');
      const owner = { registrationNumber: r.registrationNumber, trackingCode: r.trackingCode };
      const gone = await t.app.inject({ method: 'POST', url: '/api/public/ppid/withdrawals', payload: owner });
      assert.equal(gone.statusCode, 200, gone.body);
      assert.equal(gone.json().status, 'withdrawn');
      assert.equal(gone.json().deadline.state, 'closed');
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/public/ppid/withdrawals', payload: owner })).statusCode, 409);
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/public/ppid/withdrawals', payload: { ...owner, trackingCode: 'bukan-kodenya-123' } })).statusCode, 404);
    });
  });
}
