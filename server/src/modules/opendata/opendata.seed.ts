import type { Actor } from '../../platform/authz/actor.ts';
import type { OpendataService } from './opendata.service.ts';
import type { ResourcesService } from './resources.service.ts';

const GROUPS = [
  { name: 'kependudukan', title: 'Kependudukan', description: 'Jumlah dan sebaran penduduk' },
  { name: 'lingkungan', title: 'Lingkungan dan Iklim', description: 'Cuaca, curah hujan, kebakaran hutan dan lahan' },
  { name: 'infrastruktur', title: 'Infrastruktur', description: 'Jalan, jembatan dan sarana umum' },
  { name: 'kesehatan', title: 'Kesehatan', description: 'Fasilitas dan layanan kesehatan' },
];

// perkiraan dari Sensus Penduduk 2020 (BPS), dibulatkan: demo, bukan angka resmi
const POPULATION = `kode_wilayah,kabupaten_kota,tahun,penduduk,luas_km2
62.01,Kotawaringin Barat,2020,270400,10759
62.02,Kotawaringin Timur,2020,428900,16496
62.03,Kapuas,2020,410400,14999
62.04,Barito Selatan,2020,131100,8830
62.05,Barito Utara,2020,154800,8300
62.06,Katingan,2020,162200,17500
62.07,Seruyan,2020,162900,16404
62.08,Sukamara,2020,63500,3827
62.09,Lamandau,2020,97600,6414
62.10,Gunung Mas,2020,135400,10805
62.11,Pulang Pisau,2020,133300,8997
62.12,Murung Raya,2020,111500,23700
62.13,Barito Timur,2020,127000,3834
62.71,Palangka Raya,2020,293500,2400
`;

const RAINFALL = `bulan,tanggal,curah_hujan_mm,hari_hujan
Januari,2024-01-31,310.5,21
Februari,2024-02-29,281.2,19
Maret,2024-03-31,332.8,22
April,2024-04-30,290.1,20
Mei,2024-05-31,221.4,16
Juni,2024-06-30,150.3,12
Juli,2024-07-31,108.9,9
Agustus,2024-08-31,70.2,6
September,2024-09-30,91.6,7
Oktober,2024-10-31,182.4,13
November,2024-11-30,288.7,19
Desember,2024-12-31,342.0,23
`;

const ROADS = `kode_wilayah,kabupaten_kota,panjang_km,baik_km,sedang_km,rusak_ringan_km,rusak_berat_km
62.01,Kotawaringin Barat,142.5,88.1,30.2,14.0,10.2
62.02,Kotawaringin Timur,198.3,120.4,41.0,21.5,15.4
62.03,Kapuas,176.0,95.2,38.7,22.3,19.8
62.05,Barito Utara,131.8,70.5,31.1,17.9,12.3
62.06,Katingan,155.2,81.0,36.4,20.1,17.7
62.12,Murung Raya,120.6,52.3,28.8,19.4,20.1
62.71,Palangka Raya,84.9,66.2,12.1,4.3,2.3
`;

const DATASETS = [
  { name: 'jumlah-penduduk-kabupaten-kota', title: 'Jumlah Penduduk per Kabupaten/Kota di Kalimantan Tengah', org: 'diskominfo', groups: ['kependudukan'], tags: ['penduduk', 'sensus'], satuan: 'jiwa', ukuran: 'jumlah', frekuensi: 'tahunan' as const, periode: '2020', sumber: 'BPS Provinsi Kalimantan Tengah (diolah)', konsep: 'Penduduk adalah semua orang yang berdomisili di wilayah Republik Indonesia selama 1 tahun atau lebih.', definisi: 'Jumlah penduduk menurut kabupaten/kota hasil Sensus Penduduk 2020.', csv: POPULATION, publish: true },
  { name: 'curah-hujan-bulanan-palangka-raya', title: 'Curah Hujan Bulanan Kota Palangka Raya 2024', org: 'bpbd', groups: ['lingkungan'], tags: ['cuaca', 'curah hujan', 'karhutla'], satuan: 'mm', ukuran: 'jumlah', frekuensi: 'bulanan' as const, periode: '2024', sumber: 'Stasiun Meteorologi Tjilik Riwut (diolah BPBD)', konsep: 'Curah hujan adalah ketinggian air hujan yang terkumpul di tempat datar.', definisi: 'Jumlah curah hujan dalam satu bulan kalender.', csv: RAINFALL, publish: true },
  { name: 'kondisi-jalan-provinsi', title: 'Kondisi Jalan Provinsi per Kabupaten/Kota', org: 'pupr', groups: ['infrastruktur'], tags: ['jalan', 'infrastruktur'], satuan: 'km', ukuran: 'panjang', frekuensi: 'tahunan' as const, periode: '2024', sumber: 'Dinas PUPR Provinsi Kalimantan Tengah', konsep: 'Kondisi jalan dinilai dari kerataan permukaan (IRI).', definisi: 'Panjang ruas jalan provinsi menurut kondisi baik, sedang, rusak ringan dan rusak berat.', csv: ROADS, publish: false },
];

/**
 * Demo data bank: walidata at Diskominfo, four topic groups and three datasets with real-looking
 * Kalteng figures (two published, one still in review), so `npm start` shows the catalog filled.
 */
export async function seedOpendataDemo(system: Actor, orgIds: Map<string, string>, datasets: OpendataService, resources: ResourcesService): Promise<void> {
  await datasets.setWalidata(system, orgIds.get('diskominfo')!);
  for (const g of GROUPS) await datasets.createGroup(system, g);
  for (const d of DATASETS) {
    const created = await datasets.create(system, {
      name: d.name, title: d.title, description: d.definisi, organizationId: orgIds.get(d.org)!, konsep: d.konsep, definisi: d.definisi, klasifikasi: 'kabupaten/kota',
      ukuran: d.ukuran, satuan: d.satuan, frekuensi: d.frekuensi, periode: d.periode, regionCode: '62', sumber: d.sumber, licenseId: 'cc-by', tags: d.tags, groups: d.groups,
    });
    await resources.upload(system, created.id, 'text/csv', Buffer.from(d.csv), { name: `${d.title} (CSV)`, description: '', dryRun: 'false' });
    await datasets.transition(system, created.id, { action: 'submit' });
    if (!d.publish) continue;
    await datasets.transition(system, created.id, { action: 'verify' });
    await datasets.transition(system, created.id, { action: 'publish' });
  }
}
