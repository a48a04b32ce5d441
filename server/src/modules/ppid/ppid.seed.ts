import type { PpidReceipt, PpidRequestInput } from '@pantau/shared';
import { systemActor } from '../../platform/authz/actor.ts';
import { addCalendarDays } from './calendar.ts';
import { answerDue } from './deadlines.ts';
import type { PpidServices } from './index.ts';

const person = (name: string, nik: string, information: string, purpose: string): PpidRequestInput => ({
  requesterKind: 'perorangan', name, idNumber: nik, address: 'Jl. Tjilik Riwut Km 5, Palangka Raya', phone: '0812 5000 1234',
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@contoh.id`, information, purpose, deliveryMethod: 'email', copyFormat: 'softcopy',
});

/**
 * Demo PPID data for `npm start`: registry items of several OPDs and requests in various states
 * (waiting, due soon, overdue, very overdue, answered, refused with an objection), backdated by
 * working days so the badges show. Tracking codes of the demo requests are not kept.
 */
export async function seedPpidDemo(ppid: PpidServices, tenantId: string, orgIds: Map<string, string>): Promise<void> {
  const system = systemActor(tenantId);
  const org = (code: string) => orgIds.get(code)!;
  const items = [
    { title: 'Laporan Keuangan Pemerintah Provinsi 2025', summary: 'LKPD audited BPK', category: 'berkala', organizationId: org('diskominfo'), period: '2025', legalBasis: null, published: true },
    { title: 'Data titik CCTV publik Kota Palangka Raya', summary: 'Lokasi kamera publik dan tautan tayangan', category: 'setiap_saat', organizationId: org('dishub'), period: '2026', legalBasis: null, published: true },
    { title: 'Peringatan dini banjir dan karhutla', summary: 'Informasi serta-merta dari BPBD', category: 'serta_merta', organizationId: org('bpbd'), period: '2026', legalBasis: null, published: true },
    { title: 'Rekam medis pasien RSUD', summary: 'Data pribadi pasien', category: 'dikecualikan', organizationId: org('dinkes'), period: 'setiap saat', legalBasis: 'Pasal 17 huruf h UU 14/2008 (rahasia pribadi: riwayat kesehatan); uji konsekuensi PPID 2025', published: false },
  ] as const;
  for (const i of items) await ppid.registry.create(system, { ...i });

  const cal = await ppid.ctx.calendar(ppid.ctx.db, tenantId);
  const today = ppid.ctx.today(cal);
  const lastWorkingBefore = (d: string) => {
    let cur = addCalendarDays(d, -1);
    while (!cal.isWorkingDay(cur)) cur = addCalendarDays(cur, -1);
    return cur;
  };
  /** The working day `n` working days before today. */
  const back = (n: number) => Array.from({ length: n }).reduce<string>((d) => lastWorkingBefore(d), today);
  const demo: [PpidRequestInput, number, ((id: string, receipt: PpidReceipt) => Promise<unknown>) | null][] = [
    [person('Rahmat Hidayat', '6271011204900001', 'Daftar kamera CCTV di Jalan Tjilik Riwut dan jadwal pemeliharaannya', 'Penelitian skripsi'), 1, null],
    [person('Siti Aminah', '6271015508880002', 'Anggaran pembangunan command center Smart Province 2025', 'Pengawasan anggaran oleh LSM'), 9, null],
    [person('Yohanes Dwi', '6271010101850003', 'Rekapitulasi aduan banjir tahun 2025 per kecamatan', 'Liputan media'), 14, null],
    [person('Nurul Fitri', '6271016302920004', 'Kontrak pengadaan kamera ANPR', 'Kajian pengadaan'), 25, null],
    [person('Budi Santoso', '6271010707800005', 'Data kecelakaan lalu lintas 2025', 'Tugas kuliah'), 6, (id) => ppid.requests.respond(system, id, { kind: 'granted', text: 'Data terlampir dalam format CSV.' })],
    [person('Maria Ulfah', '6271014404870006', 'Rekaman CCTV kejadian 3 Januari 2026 di Bundaran Besar', 'Bukti klaim asuransi'), 8, async (id, receipt) => {
      await ppid.requests.respond(system, id, { kind: 'refused', text: 'Rekaman memuat data pribadi pihak lain.', exemptionGround: 'h', consequenceTest: 'Membuka rekaman mengungkap identitas dan pergerakan orang lain yang dilindungi Pasal 17 huruf h.' });
      await ppid.public.object(tenantId, null, { ...receipt, ground: 'a_refused', reason: 'Saya hanya meminta potongan rekaman kendaraan saya sendiri.' });
    }],
  ];
  for (const [input, age, act] of demo) {
    const receipt = await ppid.public.submit(tenantId, null, input);
    const row = (await ppid.ctx.requests.findByNumber(ppid.ctx.db, tenantId, receipt.registrationNumber))!;
    const receivedOn = back(age);
    await ppid.ctx.requests.update(ppid.ctx.db, tenantId, row.id, { received_on: receivedOn, due_on: answerDue(cal, receivedOn), submitted_at: new Date(`${receivedOn}T09:00:00+07:00`) });
    if (act) await act(row.id, receipt);
  }
}
