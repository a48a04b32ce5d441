import type { Db } from '../platform/db/database.ts';
import { systemActor } from '../platform/authz/actor.ts';
import type { Services } from '../app.ts';
import { seedIncidentDefaults } from '../modules/incidents/index.ts';

type Step = 'verified' | 'dispatched' | 'in_progress' | 'on_hold' | 'resolved' | 'closed' | 'rejected';
/** [category, priority | null, lat, lng, address, description, steps] — around Palangka Raya. */
const DEMO: [string, 'critical' | 'high' | 'medium' | 'low' | null, number, number, string, string, Step[]][] = [
  ['kebakaran', null, -2.2051, 113.9183, 'Pasar Besar, Jl. Jawa', 'Asap tebal dari kios bagian timur pasar; warga mencoba memadamkan', ['verified', 'dispatched']],
  ['kemacetan', null, -2.2096, 113.9137, 'Bundaran Besar', 'Antrean kendaraan sampai Jl. Yos Sudarso, lampu lalu lintas berkedip', ['verified', 'dispatched', 'in_progress']],
  ['kecelakaan_lalu_lintas', 'critical', -2.2253, 113.8932, 'Jl. Tjilik Riwut km 3', 'Tabrakan sepeda motor dan mobil boks, satu korban luka', []],
  ['banjir', null, -2.1968, 113.9276, 'Jl. Mendawai', 'Genangan 30–40 cm setelah hujan deras', ['verified']],
  ['pohon_tumbang', null, -2.2139, 113.9020, 'Jl. Diponegoro', 'Pohon tumbang menutup separuh badan jalan', ['verified', 'dispatched', 'on_hold']],
  ['lampu_jalan_mati', null, -2.2311, 113.9213, 'Jl. RTA Milono km 2', 'Lampu jalan mati sepanjang 200 m', ['verified', 'dispatched', 'resolved']],
  ['jalan_rusak', null, -2.1872, 113.9011, 'Jl. G. Obos', 'Lubang besar di lajur kiri', []],
  ['sampah', null, -2.2187, 113.9305, 'Pasar Kahayan', 'Sampah menumpuk tiga hari', ['verified', 'dispatched', 'resolved', 'closed']],
  ['kerumunan_demo', null, -2.2075, 113.9165, 'Kantor Gubernur', 'Massa berkumpul di depan kantor gubernur', ['verified', 'dispatched']],
  ['kesehatan_darurat', null, -2.2229, 113.9088, 'Jl. Ahmad Yani', 'Warga pingsan di halte', ['verified', 'dispatched', 'in_progress']],
  ['kriminalitas', null, -2.2000, 113.9220, 'Jl. Murjani', 'Laporan penjambretan', ['rejected']],
  ['lainnya', 'low', -2.2150, 113.9250, 'Jl. Cilik Riwut', 'Hewan liar berkeliaran di jalan', []],
];

/**
 * Categories, SOPs, routing and SLAs for the demo tenant, and a dozen incidents in various states
 * so the board is alive on first start. Resolving skips the remaining SOP steps as the supervisor
 * (system) would, which the timeline records.
 */
export async function seedIncidentsDemo(db: Db, services: Services, tenantId: string, orgIds: Map<string, string>): Promise<void> {
  await seedIncidentDefaults(db, tenantId, orgIds);
  const system = systemActor(tenantId);
  const { incidents, workflow } = services.incidents;
  for (const [category, priority, lat, lng, address, description, steps] of DEMO) {
    const inc = await incidents.create(system, { channel: 'call_112', category, ...(priority ? { priority } : {}), lat, lng, address, description, reporter: { name: 'Penelepon 112', phone: '0812 0000 1122', email: null, anonymous: false } });
    for (const s of steps) {
      if (s === 'dispatched') await workflow.dispatch(system, inc.id, { organizationIds: [], note: null });
      else await workflow.transition(system, inc.id, { to: s, note: null, overrideSop: s === 'resolved' });
    }
  }
}
