import type { TestApp } from '../../testing/app.ts';
import { seedIncidentDefaults } from '../incidents/index.ts';

/** Display tokens the fake resolver knows (the displays module builds the real one). */
export const FAKE_DISPLAYS: Record<string, 'public' | 'pimpinan'> = { 'layar-lobi-publik': 'public', 'layar-ruang-pimpinan': 'pimpinan' };

/** A fake display resolver for a tenant whose id is known only once the app exists. */
export function fakeDisplays(tenantId: () => string) {
  return async (token: string) => (FAKE_DISPLAYS[token] ? { tenantId: tenantId(), tier: FAKE_DISPLAYS[token]!, displayId: `d-${token}` } : null);
}

/** Secrets that must never leave the console: an internal camera and a reporter's contact. */
export const SECRET = {
  internal: { name: 'Gudang Rahasia Zeta', code: 'CAM-RHS-777', address: 'Jl. Tersembunyi 9', host: '10.9.8.7', path: 'aliran-rahasia', user: 'pengguna-rhs', password: 'sandi-kamera-777' },
  pimpinanName: 'Ruang Rapat Wali Kota Omega',
  reporter: { name: 'Siti Pelapor Unik', phone: '0812 9999 1111', email: 'siti.unik@example.id' },
};

/** Cameras of each tier (internal one with credentials in its URL), online; categories seeded; one citizen report with contact. */
export async function seedPortal(t: TestApp) {
  await seedIncidentDefaults(t.db, t.tenant.id, t.orgs);
  const s = SECRET.internal;
  const internal = await t.buildCamera({ code: s.code, name: s.name, address: s.address, visibility: 'internal', mainUrl: `rtsp://${s.user}:${s.password}@${s.host}:554/${s.path}` });
  const pimpinan = await t.buildCamera({ name: SECRET.pimpinanName, visibility: 'pimpinan' });
  const pub = await t.buildCamera({ name: 'Bundaran Besar Utara', visibility: 'public' });
  const offline = await t.buildCamera({ name: 'Pasar Kahayan', visibility: 'public', category: 'keramaian', regionCode: '62.71.02' });
  await t.db.updateTable('cameras').set({ status: 'online' }).where('id', 'in', [internal.id, pimpinan.id, pub.id]).execute();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/incidents',
    payload: { category: 'jalan_rusak', lat: -2.2096, lng: 113.9137, address: 'Jl. Yos Sudarso', description: 'Lubang besar di tengah jalan', reporter: { ...SECRET.reporter, anonymous: false } },
  });
  if (res.statusCode !== 201) throw new Error(`report failed: ${res.body}`);
  const report = res.json() as { ticket: string; reopenCode: string };
  const inc = await t.db.selectFrom('incidents').select('id').where('ticket', '=', report.ticket).executeTakeFirstOrThrow();
  return { internal, pimpinan, pub, offline, report, incidentId: inc.id };
}
