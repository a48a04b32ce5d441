import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../../testing/db.ts';
import { testApp, type Session, type TestApp } from '../../testing/app.ts';
import { seedIncidentDefaults } from './incidents.defaults.ts';

const BUNDARAN = { lat: -2.2096, lng: 113.9137 };

for (const kind of DB_KINDS) {
  describe(`incidents: intake, lifecycle, SOP, dispatch on ${kind}`, () => {
    let t: TestApp;
    let op: Session;
    let admin: Session;
    let damkar: Session;
    let dishub: Session;
    let pimpinan: Session;
    before(async () => {
      t = await testApp(kind);
      await seedIncidentDefaults(t.db, t.tenant.id, t.orgs);
      op = await t.signIn({ role: 'operator' });
      admin = await t.signIn({ role: 'admin' });
      damkar = await t.signIn({ role: 'agency_officer', org: 'damkar' });
      dishub = await t.signIn({ role: 'agency_officer', org: 'dishub' });
      pimpinan = await t.signIn({ role: 'pimpinan' });
    });
    after(() => t.close());

    const create = (s: Session | null, payload: Record<string, unknown>) => t.as(s)({ method: 'POST', url: '/api/incidents', payload });
    const fire = { category: 'kebakaran', ...BUNDARAN, address: 'Bundaran Besar', description: 'Asap tebal dari ruko', reporter: { name: 'Budi', phone: '0812 3456 7890', email: 'budi@example.id', anonymous: false } };

    test('create: 201 with ticket, region from the point, SOP snapshot, SLA timers; 400, 401, 403', async () => {
      const res = await create(op, fire);
      assert.equal(res.statusCode, 201, res.body);
      const inc = res.json();
      assert.match(inc.ticket, /^PTU-\d{6}-[A-Z0-9]{6}$/);
      assert.equal(inc.status, 'received');
      assert.equal(inc.priority, 'critical', 'the category default');
      assert.match(inc.regionCode, /^62\.71\./);
      assert.ok(inc.checklist.length >= 3 && inc.checklist.some((c: { required: boolean }) => c.required));
      assert.equal(inc.response.state, 'ok');
      assert.equal(new Date(inc.response.dueAt).getTime() - new Date(inc.createdAt).getTime(), 10 * 60_000);
      assert.equal(inc.reporter.phone, '0812 3456 7890');
      assert.equal(inc.ownerId, op.userId);
      assert.equal((await create(op, { ...fire, category: 'nope' })).statusCode, 400);
      assert.equal((await create(op, { ...fire, lat: 95 })).statusCode, 400);
      assert.equal((await create(op, { ...fire, extra: 1 })).statusCode, 400);
      assert.equal((await create(null, fire)).statusCode, 401);
      assert.equal((await create(damkar, fire)).statusCode, 403);
      assert.equal((await create(pimpinan, fire)).statusCode, 403);
      const audit = await t.db.selectFrom('audit_log').select('action').where('target_id', '=', inc.id).execute();
      assert.deepEqual(audit.map((a) => a.action), ['incident.create']);
    });

    test('a region-limited operator neither creates nor sees outside its region', async () => {
      const local = await t.signIn({ role: 'operator', regionCodes: ['62.02'] });
      assert.equal((await create(local, fire)).statusCode, 400);
      const inc = (await create(op, fire)).json();
      await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/transition`, payload: { to: 'verified' } });
      await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/dispatch`, payload: {} });
      assert.equal((await t.as(local)({ method: 'GET', url: `/api/incidents/${inc.id}` })).statusCode, 404);
      assert.equal((await t.as(local)({ method: 'GET', url: '/api/incidents?status=all' })).json().total, 0);
      assert.deepEqual((await t.as(local)({ method: 'GET', url: `/api/incidents/tasks?organizationId=${t.orgs.get('damkar')}` })).json(), []);
      assert.ok((await t.as(op)({ method: 'GET', url: `/api/incidents/tasks?organizationId=${t.orgs.get('damkar')}` })).json().length >= 1);
    });

    test('lifecycle: 409 on an illegal step; dispatch by routing; agency sees only its task; SOP blocks resolve; override by supervisor only', async () => {
      const inc = (await create(op, fire)).json();
      const go = (s: Session, to: string, extra: Record<string, unknown> = {}) => t.as(s)({ method: 'POST', url: `/api/incidents/${inc.id}/transition`, payload: { to, ...extra } });
      assert.equal((await go(op, 'resolved')).statusCode, 409);
      assert.equal((await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/dispatch`, payload: {} })).statusCode, 409, 'verify first');
      assert.equal((await go(op, 'verified')).statusCode, 200);
      assert.equal((await go(damkar, 'in_progress')).statusCode, 403);
      assert.equal((await t.as(dishub)({ method: 'GET', url: `/api/incidents/${inc.id}` })).statusCode, 404, 'not yet any agency task');
      const d = await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/dispatch`, payload: { note: 'segera' } });
      assert.equal(d.statusCode, 200, d.body);
      const dispatched = d.json();
      assert.equal(dispatched.status, 'dispatched');
      assert.deepEqual(dispatched.tasks.map((x: { organizationId: string }) => x.organizationId).sort(), [t.orgs.get('damkar'), t.orgs.get('polres-satlantas')].sort());
      assert.equal((await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/dispatch`, payload: {} })).statusCode, 409, 'same agencies again');
      assert.equal((await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/dispatch`, payload: { organizationIds: ['00000000-0000-4000-8000-000000000000'] } })).statusCode, 400);

      // the agency officer: only its own tasks, no reporter data, no other agency's task
      const all = (await t.as(damkar)({ method: 'GET', url: '/api/incidents/tasks' })).json();
      assert.ok(all.every((x: { organizationId: string }) => x.organizationId === t.orgs.get('damkar')));
      const mine = all.filter((x: { incidentId: string }) => x.incidentId === inc.id);
      assert.equal(mine.length, 1);
      const seen = (await t.as(damkar)({ method: 'GET', url: `/api/incidents/${inc.id}` })).json();
      assert.equal(seen.reporter, null);
      assert.equal(seen.tasks.length, 1);
      assert.equal((await t.as(dishub)({ method: 'GET', url: `/api/incidents/${inc.id}` })).statusCode, 404);
      assert.ok(!(await t.as(dishub)({ method: 'GET', url: '/api/incidents/tasks' })).json().some((x: { incidentId: string }) => x.incidentId === inc.id));
      assert.ok(!(await t.as(dishub)({ method: 'GET', url: '/api/incidents?status=all' })).json().items.some((x: { id: string }) => x.id === inc.id));
      const polresTask = dispatched.tasks.find((x: { organizationId: string }) => x.organizationId === t.orgs.get('polres-satlantas'));
      assert.equal((await t.as(damkar)({ method: 'PATCH', url: `/api/incidents/tasks/${polresTask.id}`, payload: { status: 'en_route' } })).statusCode, 404);
      assert.equal((await t.as(pimpinan)({ method: 'PATCH', url: `/api/incidents/tasks/${mine[0].id}`, payload: { status: 'en_route' } })).statusCode, 403);
      const moved = await t.as(damkar)({ method: 'PATCH', url: `/api/incidents/tasks/${mine[0].id}`, payload: { status: 'en_route', note: 'unit 2 berangkat' } });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().status, 'en_route');
      assert.equal((await t.as(damkar)({ method: 'PATCH', url: `/api/incidents/tasks/${mine[0].id}`, payload: { status: 'dispatched' } })).statusCode, 409, 'tasks only move forward');
      assert.equal((await t.as(damkar)({ method: 'PATCH', url: `/api/incidents/tasks/${mine[0].id}`, payload: { status: 'flying' } })).statusCode, 400);
      const now = (await t.as(op)({ method: 'GET', url: `/api/incidents/${inc.id}` })).json();
      assert.equal(now.status, 'in_progress', 'the first agency en route starts the work');
      assert.ok(now.response.doneAt, 'first response recorded');

      // SOP: required steps block resolve; an operator cannot override; a supervisor can, and it is logged
      const blocked = await go(op, 'resolved');
      assert.equal(blocked.statusCode, 409);
      assert.equal(blocked.json().error.details.code, 'sop_incomplete');
      assert.equal((await go(op, 'resolved', { overrideSop: true })).statusCode, 403);
      const first = now.checklist.find((c: { required: boolean }) => c.required);
      const checked = await t.as(op)({ method: 'PUT', url: `/api/incidents/${inc.id}/checklist/${first.id}`, payload: { done: true } });
      assert.equal(checked.statusCode, 200);
      assert.ok(checked.json().checklist.find((c: { id: string }) => c.id === first.id).doneAt);
      assert.equal((await t.as(op)({ method: 'PUT', url: `/api/incidents/${inc.id}/checklist/00000000-0000-4000-8000-000000000000`, payload: { done: true } })).statusCode, 404);
      const over = await go(admin, 'resolved', { overrideSop: true, note: 'api padam, laporan Damkar menyusul' });
      assert.equal(over.statusCode, 200, over.body);
      assert.equal(over.json().sopOverride, true);
      const actions = (await t.db.selectFrom('audit_log').select('action').where('target_id', '=', inc.id).orderBy('id').execute()).map((a) => a.action);
      assert.ok(actions.includes('incident.sop_override') && actions.includes('incident.dispatch') && actions.includes('incident.task.update'));
      const kinds = over.json().events.map((e: { kind: string }) => e.kind);
      assert.deepEqual(kinds.slice(0, 3), ['created', 'status', 'dispatched']);
      assert.equal((await go(op, 'closed')).statusCode, 200);
      assert.equal((await t.as(damkar)({ method: 'PATCH', url: `/api/incidents/tasks/${mine[0].id}`, payload: { status: 'done' } })).statusCode, 409, 'incident closed');
    });

    test('attaching T−5 min of a nearby camera makes an evidence export held under the ticket', async () => {
      const inc = (await create(op, fire)).json();
      const cam = (await t.buildCamera()).id;
      const res = await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/recordings`, payload: { cameraId: cam } });
      assert.ok(res.statusCode < 300, res.body);
      const a = res.json().attachments.find((x: { kind: string }) => x.kind === 'recording');
      assert.ok(a.exportId, 'an export was made');
      assert.equal(a.hold, true);
      const holds = await t.db.selectFrom('evidence_holds').select(['case_number', 'export_id', 'camera_id']).where('export_id', '=', a.exportId).execute();
      assert.deepEqual(holds, [{ case_number: inc.ticket, export_id: a.exportId, camera_id: cam }]);
      // the export runs in the background; the attachment follows its state
      let state = a.exportStatus;
      for (let i = 0; i < 100 && state === 'pending'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        state = (await t.as(op)({ method: 'GET', url: `/api/incidents/${inc.id}` })).json().attachments.find((x: { id: string }) => x.id === a.id).exportStatus;
      }
      assert.equal(state, 'ready', 'no recordings in that range: an empty export with the gap reported');
    });

    test('an incident with every required step done resolves without a supervisor', async () => {
      const inc = (await create(op, { ...fire, category: 'lainnya' })).json();
      await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/transition`, payload: { to: 'verified' } });
      await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/transition`, payload: { to: 'in_progress' } });
      for (const c of inc.checklist) await t.as(op)({ method: 'PUT', url: `/api/incidents/${inc.id}/checklist/${c.id}`, payload: { done: true } });
      const r = await t.as(op)({ method: 'POST', url: `/api/incidents/${inc.id}/transition`, payload: { to: 'resolved' } });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().sopOverride, false);
    });

    test('duplicates nearby are suggested; merge attaches; 404 for unknown', async () => {
      const a = (await create(op, { ...fire, category: 'banjir', description: 'Genangan 40 cm' })).json();
      const b = (await create(op, { ...fire, category: 'banjir', lat: BUNDARAN.lat + 0.0009, description: 'Banjir depan sekolah' })).json();
      const far = (await create(op, { ...fire, category: 'banjir', lat: BUNDARAN.lat + 0.01 })).json();
      const dup = (await t.as(op)({ method: 'GET', url: `/api/incidents/duplicates?category=banjir&lat=${BUNDARAN.lat}&lng=${BUNDARAN.lng}` })).json();
      const ids = dup.map((d: { id: string }) => d.id);
      assert.ok(ids.includes(a.id) && ids.includes(b.id) && !ids.includes(far.id));
      assert.ok(dup.every((d: { distanceM: number }) => d.distanceM <= 200));
      const m = await t.as(op)({ method: 'POST', url: `/api/incidents/${b.id}/merge`, payload: { intoId: a.id } });
      assert.equal(m.statusCode, 200, m.body);
      assert.equal(m.json().status, 'merged');
      assert.deepEqual((await t.as(op)({ method: 'GET', url: `/api/incidents/${a.id}` })).json().duplicates.map((d: { id: string }) => d.id), [b.id]);
      assert.equal((await t.as(op)({ method: 'POST', url: `/api/incidents/${b.id}/merge`, payload: { intoId: a.id } })).statusCode, 409);
      assert.equal((await t.as(op)({ method: 'POST', url: `/api/incidents/${a.id}/merge`, payload: { intoId: a.id } })).statusCode, 400);
      assert.equal((await t.as(op)({ method: 'GET', url: '/api/incidents/00000000-0000-4000-8000-000000000000' })).statusCode, 404);
    });

    test('board: active by default, filters, pimpinan reads without reporter data', async () => {
      const board = (await t.as(op)({ method: 'GET', url: '/api/incidents?category=banjir' })).json();
      assert.ok(board.items.length >= 2 && board.items.every((i: { category: string; status: string }) => i.category === 'banjir' && i.status !== 'merged'));
      const pim = await t.as(pimpinan)({ method: 'GET', url: `/api/incidents/${board.items[0].id}` });
      assert.equal(pim.statusCode, 200);
      assert.equal(pim.json().reporter, null);
      assert.equal((await t.as(op)({ method: 'GET', url: '/api/incidents?status=nope' })).statusCode, 400);
      assert.equal((await t.as(null)({ method: 'GET', url: '/api/incidents' })).statusCode, 401);
      const ppid = await t.signIn({ role: 'ppid_officer' });
      assert.equal((await t.as(ppid)({ method: 'GET', url: '/api/incidents' })).statusCode, 403);
    });
  });
}
