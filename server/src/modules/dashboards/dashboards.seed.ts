import type { Actor } from '../../platform/authz/actor.ts';
import type { DashboardsService } from './dashboards.service.ts';

/** Cumulative S-curve targets per quarter: [financial %, physical %]. */
const S_CURVE: [number, number][] = [[12, 15], [38, 42], [68, 72], [97, 100]];

// program codes per Permendagri 90/2019; pagu in rupiah; pace < 1 means behind the S-curve
const PROGRAMS: { org: string; code: string; name: string; pagu: number; pace: number; problem?: string }[] = [
  { org: 'dinkes', code: '1.02.02', name: 'Program Pemenuhan Upaya Kesehatan Perorangan dan Masyarakat', pagu: 48_500_000_000, pace: 0.97 },
  { org: 'dinkes', code: '1.02.03', name: 'Program Peningkatan Kapasitas SDM Kesehatan', pagu: 6_200_000_000, pace: 1.02 },
  { org: 'pupr', code: '1.03.10', name: 'Program Penyelenggaraan Jalan', pagu: 312_000_000_000, pace: 0.78, problem: 'Curah hujan tinggi menghambat pengaspalan ruas Kasongan–Tumbang Samba' },
  { org: 'pupr', code: '1.03.05', name: 'Program Pengelolaan Sumber Daya Air', pagu: 74_000_000_000, pace: 0.88 },
  { org: 'dishub', code: '2.15.02', name: 'Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan', pagu: 21_400_000_000, pace: 0.92 },
  { org: 'bpbd', code: '1.05.03', name: 'Program Penanggulangan Bencana', pagu: 18_900_000_000, pace: 1.05 },
  { org: 'diskominfo', code: '2.16.03', name: 'Program Aplikasi Informatika', pagu: 15_300_000_000, pace: 0.9 },
  { org: 'satpol-pp', code: '1.05.02', name: 'Program Peningkatan Ketenteraman dan Ketertiban Umum', pagu: 9_800_000_000, pace: 0.7, problem: 'Pengadaan kendaraan patroli gagal lelang, dilelang ulang' },
  { org: 'damkar', code: '1.05.04', name: 'Program Pencegahan, Penanggulangan, Penyelamatan Kebakaran', pagu: 7_600_000_000, pace: 0.95 },
];

const IKU: { org: string; code: string; name: string; unit: string; target: number; realization: number }[] = [
  { org: 'dinkes', code: 'IKU-1', name: 'Cakupan imunisasi dasar lengkap', unit: '%', target: 95, realization: 91.4 },
  { org: 'dinkes', code: 'IKU-2', name: 'Prevalensi stunting', unit: '%', target: 18, realization: 23.5 },
  { org: 'pupr', code: 'IKU-1', name: 'Jalan provinsi dalam kondisi mantap', unit: '%', target: 72, realization: 68.3 },
  { org: 'bpbd', code: 'IKU-1', name: 'Respons kejadian bencana kurang dari 6 jam', unit: '%', target: 90, realization: 93 },
  { org: 'diskominfo', code: 'IKU-1', name: 'Indeks SPBE', unit: 'indeks', target: 3.2, realization: 3.05 },
  { org: 'dishub', code: 'IKU-1', name: 'Titik rawan kecelakaan yang ditangani', unit: 'titik', target: 12, realization: 9 },
];

const PROCUREMENT: { org: string; name: string; method: string; stage: 'rup' | 'tender' | 'kontrak' | 'pelaksanaan' | 'selesai'; value: number }[] = [
  { org: 'pupr', name: 'Peningkatan Jalan Kasongan–Tumbang Samba', method: 'Tender', stage: 'pelaksanaan', value: 86_000_000_000 },
  { org: 'pupr', name: 'Rehabilitasi Jembatan Sei Katingan', method: 'Tender', stage: 'tender', value: 24_500_000_000 },
  { org: 'dinkes', name: 'Alat Kesehatan RSUD Puskesmas Rawat Inap', method: 'E-Purchasing', stage: 'selesai', value: 7_400_000_000 },
  { org: 'satpol-pp', name: 'Kendaraan Patroli', method: 'Tender', stage: 'tender', value: 2_100_000_000 },
  { org: 'diskominfo', name: 'Perluasan CCTV Kota Palangka Raya', method: 'E-Purchasing', stage: 'kontrak', value: 3_600_000_000 },
];

/** Two years of RFK (2024 whole, 2025 to Q3) for the seeded OPDs, with IKU and procurement. */
export async function seedDashboardsDemo(system: Actor, orgIds: Map<string, string>, dash: DashboardsService): Promise<void> {
  const periods: [number, number][] = [[2024, 1], [2024, 2], [2024, 3], [2024, 4], [2025, 1], [2025, 2], [2025, 3]];
  for (const p of PROGRAMS) {
    for (const [year, quarter] of periods) {
      const [tf, tp] = S_CURVE[quarter - 1]!;
      const pace = year === 2024 ? Math.min(1.05, p.pace + 0.06) : p.pace;
      const fin = Math.min(100, tf * pace);
      const phys = Math.min(100, tp * pace * 1.02);
      const behind = Math.min(fin - tf, phys - tp) < -5;
      await dash.saveBudget(system, {
        organizationId: orgIds.get(p.org)!, year, quarter, programCode: p.code, programName: p.name, pagu: p.pagu, realization: Math.round((p.pagu * fin) / 100),
        physicalPct: Math.round(phys * 100) / 100, targetFinancialPct: tf, targetPhysicalPct: tp,
        problems: behind ? (p.problem ?? 'Keterlambatan proses pengadaan') : '', followUp: behind ? 'Percepatan melalui rapat evaluasi mingguan dengan PPK' : '',
      });
    }
  }
  for (const i of IKU) await dash.saveIndicator(system, { organizationId: orgIds.get(i.org)!, year: 2025, code: i.code, name: i.name, unit: i.unit, target: i.target, realization: i.realization });
  for (const p of PROCUREMENT) await dash.saveProcurement(system, { organizationId: orgIds.get(p.org)!, year: 2025, packageName: p.name, method: p.method, stage: p.stage, value: p.value });
}
