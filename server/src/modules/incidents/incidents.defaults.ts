import type { IncidentPriority } from '@pantau/shared';
import type { Executor } from '../../platform/db/database.ts';
import { IncidentConfigRepository } from './incidents.config.repository.ts';
import { DEFAULT_SLA } from './incidents.lifecycle.ts';

/** The categories of the issue, with the priority an operator starts from. */
export const DEFAULT_CATEGORIES: { code: string; name: string; priority: IncidentPriority }[] = [
  { code: 'kebakaran', name: 'Kebakaran', priority: 'critical' },
  { code: 'banjir', name: 'Banjir', priority: 'high' },
  { code: 'kecelakaan_lalu_lintas', name: 'Kecelakaan lalu lintas', priority: 'high' },
  { code: 'kemacetan', name: 'Kemacetan', priority: 'medium' },
  { code: 'pohon_tumbang', name: 'Pohon tumbang', priority: 'high' },
  { code: 'lampu_jalan_mati', name: 'Lampu jalan mati', priority: 'low' },
  { code: 'jalan_rusak', name: 'Jalan rusak', priority: 'low' },
  { code: 'kerumunan_demo', name: 'Kerumunan / demo', priority: 'medium' },
  { code: 'kriminalitas', name: 'Kriminalitas', priority: 'high' },
  { code: 'kesehatan_darurat', name: 'Kesehatan darurat', priority: 'critical' },
  { code: 'sampah', name: 'Sampah', priority: 'low' },
  { code: 'lainnya', name: 'Lainnya', priority: 'medium' },
];

const VERIFY = { title: 'Verifikasi laporan (telepon balik pelapor / cek CCTV terdekat)', required: true };
const CLOSE = { title: 'Konfirmasi penyelesaian kepada pelapor', required: false };
/** SOP checklists per category (required steps block "resolved"). */
export const DEFAULT_SOPS: Record<string, { title: string; required: boolean }[]> = {
  kebakaran: [VERIFY, { title: 'Teruskan ke Damkar dan Polres', required: true }, { title: 'Pantau lokasi lewat CCTV terdekat', required: false }, { title: 'Damkar melaporkan api padam', required: true }, CLOSE],
  banjir: [VERIFY, { title: 'Teruskan ke BPBD dan PUPR', required: true }, { title: 'Catat tinggi muka air dan jumlah warga terdampak', required: true }, CLOSE],
  kecelakaan_lalu_lintas: [VERIFY, { title: 'Teruskan ke Satlantas; ambulans bila ada korban', required: true }, { title: 'Alihkan lalu lintas (Dishub)', required: false }, { title: 'Korban tertangani dan jalur dibuka', required: true }, CLOSE],
  kemacetan: [VERIFY, { title: 'Teruskan ke Dishub dan Satlantas', required: true }, { title: 'Arus kembali lancar (cek CCTV)', required: true }],
  pohon_tumbang: [VERIFY, { title: 'Teruskan ke BPBD / PUPR', required: true }, { title: 'Jalan bersih dan dibuka', required: true }, CLOSE],
  kesehatan_darurat: [VERIFY, { title: 'Teruskan ke Dinkes (ambulans / PSC 119)', required: true }, { title: 'Pasien ditangani', required: true }],
  kriminalitas: [VERIFY, { title: 'Teruskan ke Polres', required: true }, { title: 'Amankan rekaman CCTV terkait', required: false }],
  kerumunan_demo: [VERIFY, { title: 'Koordinasi dengan Polres dan Satpol PP', required: true }, { title: 'Pantau lewat CCTV sampai bubar', required: false }],
  lampu_jalan_mati: [VERIFY, { title: 'Teruskan ke Dishub / PUPR', required: true }, CLOSE],
  jalan_rusak: [VERIFY, { title: 'Teruskan ke PUPR', required: true }, CLOSE],
  sampah: [VERIFY, { title: 'Teruskan ke Satpol PP / dinas terkait', required: true }, CLOSE],
  lainnya: [VERIFY],
};

/** Routing rules by organization code (DOMAIN.md: fire → Damkar + Polres; congestion → Dishub + Satlantas; flood → BPBD + PUPR). */
export const DEFAULT_ROUTING: Record<string, string[]> = {
  kebakaran: ['damkar', 'polres-satlantas'],
  banjir: ['bpbd', 'pupr'],
  kecelakaan_lalu_lintas: ['polres-satlantas', 'dinkes'],
  kemacetan: ['dishub', 'polres-satlantas'],
  pohon_tumbang: ['bpbd', 'pupr'],
  lampu_jalan_mati: ['dishub'],
  jalan_rusak: ['pupr'],
  kerumunan_demo: ['polres-satlantas', 'satpol-pp'],
  kriminalitas: ['polres-satlantas'],
  kesehatan_darurat: ['dinkes'],
  sampah: ['satpol-pp'],
};

/** Categories, SLA defaults, SOPs and routing rules for a new tenant; organizations by code. */
export async function seedIncidentDefaults(db: Executor, tenantId: string, orgIdsByCode: Map<string, string>): Promise<void> {
  const repo = new IncidentConfigRepository();
  for (const c of DEFAULT_CATEGORIES) {
    await repo.upsertCategory(db, tenantId, { code: c.code, name: c.name, defaultPriority: c.priority, active: true });
    await repo.replaceSop(db, tenantId, c.code, DEFAULT_SOPS[c.code] ?? [VERIFY]);
    for (const code of DEFAULT_ROUTING[c.code] ?? []) {
      const org = orgIdsByCode.get(code);
      if (org) await repo.insertRouting(db, tenantId, { category: c.code, regionCode: null, organizationId: org });
    }
  }
  for (const [priority, s] of Object.entries(DEFAULT_SLA)) await repo.upsertSla(db, tenantId, { category: null, priority, ...s });
}
