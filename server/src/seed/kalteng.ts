import type { CameraCategory, Visibility } from '@pantau/shared';

/** Kemendagri codes and names (DOMAIN.md; Kepmendagri 300.2.2-2138/2025). */
export const REGIONS: { code: string; name: string; level: 'provinsi' | 'kabupaten' | 'kota' | 'kecamatan'; parent: string | null }[] = [
  { code: '62', name: 'Kalimantan Tengah', level: 'provinsi', parent: null },
  { code: '62.01', name: 'Kabupaten Kotawaringin Barat', level: 'kabupaten', parent: '62' },
  { code: '62.02', name: 'Kabupaten Kotawaringin Timur', level: 'kabupaten', parent: '62' },
  { code: '62.03', name: 'Kabupaten Kapuas', level: 'kabupaten', parent: '62' },
  { code: '62.04', name: 'Kabupaten Barito Selatan', level: 'kabupaten', parent: '62' },
  { code: '62.05', name: 'Kabupaten Barito Utara', level: 'kabupaten', parent: '62' },
  { code: '62.06', name: 'Kabupaten Katingan', level: 'kabupaten', parent: '62' },
  { code: '62.07', name: 'Kabupaten Seruyan', level: 'kabupaten', parent: '62' },
  { code: '62.08', name: 'Kabupaten Sukamara', level: 'kabupaten', parent: '62' },
  { code: '62.09', name: 'Kabupaten Lamandau', level: 'kabupaten', parent: '62' },
  { code: '62.10', name: 'Kabupaten Gunung Mas', level: 'kabupaten', parent: '62' },
  { code: '62.11', name: 'Kabupaten Pulang Pisau', level: 'kabupaten', parent: '62' },
  { code: '62.12', name: 'Kabupaten Murung Raya', level: 'kabupaten', parent: '62' },
  { code: '62.13', name: 'Kabupaten Barito Timur', level: 'kabupaten', parent: '62' },
  { code: '62.71', name: 'Kota Palangka Raya', level: 'kota', parent: '62' },
  { code: '62.71.01', name: 'Pahandut', level: 'kecamatan', parent: '62.71' },
  { code: '62.71.02', name: 'Bukit Batu', level: 'kecamatan', parent: '62.71' },
  { code: '62.71.03', name: 'Jekan Raya', level: 'kecamatan', parent: '62.71' },
  { code: '62.71.04', name: 'Sabangau', level: 'kecamatan', parent: '62.71' },
  { code: '62.71.05', name: 'Rakumpit', level: 'kecamatan', parent: '62.71' },
  // the other cities of the seed articles, for their own tenants
  { code: '63', name: 'Kalimantan Selatan', level: 'provinsi', parent: null },
  { code: '63.71', name: 'Kota Banjarmasin', level: 'kota', parent: '63' },
  { code: '33', name: 'Jawa Tengah', level: 'provinsi', parent: null },
  { code: '33.74', name: 'Kota Semarang', level: 'kota', parent: '33' },
  { code: '65', name: 'Kalimantan Utara', level: 'provinsi', parent: null },
  { code: '65.71', name: 'Kota Tarakan', level: 'kota', parent: '65' },
];

export const ORGANIZATIONS: { code: string; name: string; kind: 'opd' | 'agency' }[] = [
  { code: 'diskominfo', name: 'Dinas Komunikasi, Informatika, Persandian dan Statistik', kind: 'opd' },
  { code: 'dishub', name: 'Dinas Perhubungan', kind: 'opd' },
  { code: 'satpol-pp', name: 'Satuan Polisi Pamong Praja', kind: 'opd' },
  { code: 'bpbd', name: 'Badan Penanggulangan Bencana Daerah', kind: 'opd' },
  { code: 'damkar', name: 'Dinas Pemadam Kebakaran', kind: 'opd' },
  { code: 'dinkes', name: 'Dinas Kesehatan', kind: 'opd' },
  { code: 'pupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', kind: 'opd' },
  { code: 'polres-satlantas', name: 'Polresta Palangka Raya / Satlantas', kind: 'agency' },
];

export const DEMO_USERS = [
  { username: 'admin', displayName: 'Admin Diskominfo', role: 'admin', org: 'diskominfo', regions: [] },
  { username: 'operator', displayName: 'Operator Command Center', role: 'operator', org: 'diskominfo', regions: [] },
  { username: 'pimpinan', displayName: 'Sekretaris Daerah', role: 'pimpinan', org: null, regions: [] },
  { username: 'dishub', displayName: 'Petugas Dinas Perhubungan', role: 'agency_officer', org: 'dishub', regions: [] },
  { username: 'ppid', displayName: 'PPID Utama Diskominfo', role: 'ppid_officer', org: 'diskominfo', regions: [] },
  { username: 'ppid.dinkes', displayName: 'PPID Pelaksana Dinas Kesehatan', role: 'ppid_officer', org: 'dinkes', regions: [] },
  { username: 'walidata', displayName: 'Walidata Diskominfo', role: 'data_steward', org: 'diskominfo', regions: [] },
  { username: 'operator.palangkaraya', displayName: 'Operator Kota Palangka Raya', role: 'operator', org: 'diskominfo', regions: ['62.71'] },
] as const;

type DemoCamera = [code: string, name: string, region: string, address: string, lat: number, lng: number, category: CameraCategory, visibility: Visibility, org: string];

/** The places named in the seed articles: Palangka Raya, Pangkalan Bun, Muara Teweh, Sampit, Kapuas. */
export const DEMO_CAMERAS: DemoCamera[] = [
  ['PKY-001', 'Bundaran Besar Palangka Raya', '62.71.01', 'Bundaran Besar, Jl. Yos Sudarso', -2.2089, 113.9136, 'lalu_lintas', 'public', 'dishub'],
  ['PKY-002', 'Kantor Gubernur Kalimantan Tengah', '62.71.01', 'Jl. RTA Milono No. 1', -2.2145, 113.9178, 'layanan_pemerintah', 'pimpinan', 'diskominfo'],
  ['PKY-003', 'Gedung Smart Province', '62.71.03', 'Jl. Tjilik Riwut Km 3,5', -2.1985, 113.8918, 'layanan_pemerintah', 'internal', 'diskominfo'],
  ['PKY-004', 'Pasar Besar Palangka Raya', '62.71.01', 'Jl. Ahmad Yani', -2.2047, 113.927, 'keramaian', 'public', 'satpol-pp'],
  ['PKY-005', 'Jembatan Kahayan', '62.71.01', 'Jembatan Kahayan, sisi kota', -2.2, 113.9339, 'lalu_lintas', 'public', 'dishub'],
  ['PKY-006', 'Taman Pasuk Kameloh', '62.71.01', 'Jl. Darmosugondo', -2.2023, 113.931, 'ruang_terbuka_hijau', 'public', 'diskominfo'],
  ['PKY-007', 'Bandara Tjilik Riwut', '62.71.03', 'Jl. Adonis Samad', -2.225, 113.9426, 'fasilitas_umum', 'internal', 'dishub'],
  ['PKY-008', 'RSUD dr. Doris Sylvanus', '62.71.01', 'Jl. Tambun Bungai No. 4', -2.2119, 113.9104, 'fasilitas_umum', 'internal', 'dinkes'],
  ['PKY-009', 'Puskesmas Pahandut', '62.71.01', 'Jl. Jawa', -2.2087, 113.9255, 'puskesmas', 'internal', 'dinkes'],
  ['PKY-010', 'Simpang G. Obos – Yos Sudarso', '62.71.03', 'Jl. G. Obos', -2.2231, 113.8979, 'lalu_lintas', 'public', 'polres-satlantas'],
  ['PKY-011', 'Bundaran Kecil', '62.71.01', 'Jl. Tambun Bungai', -2.2116, 113.9212, 'lalu_lintas', 'public', 'dishub'],
  ['PKY-012', 'Balai Kota Palangka Raya', '62.71.01', 'Jl. Tangkiling', -2.21, 113.92, 'layanan_pemerintah', 'pimpinan', 'diskominfo'],
  ['PKY-013', 'Jl. RTA Milono Km 3', '62.71.04', 'Jl. RTA Milono Km 3', -2.24, 113.904, 'lalu_lintas', 'public', 'dishub'],
  ['PBN-001', 'Bundaran Pancasila Pangkalan Bun', '62.01', 'Jl. Pangeran Antasari, Pangkalan Bun', -2.683, 111.628, 'lalu_lintas', 'public', 'dishub'],
  ['PBN-002', 'Istana Kuning Pangkalan Bun', '62.01', 'Jl. Sutan Syahrir', -2.6865, 111.6213, 'pariwisata', 'public', 'diskominfo'],
  ['PBN-003', 'Pasar Indra Sari', '62.01', 'Jl. Antasari, Pangkalan Bun', -2.6788, 111.63, 'keramaian', 'public', 'satpol-pp'],
  ['PBN-004', 'Bandara Iskandar', '62.01', 'Jl. Iskandar, Pangkalan Bun', -2.7045, 111.673, 'fasilitas_umum', 'internal', 'dishub'],
  ['MTW-001', 'Jembatan KH. Hasan Basri', '62.05', 'Muara Teweh', -0.961, 114.898, 'lalu_lintas', 'public', 'dishub'],
  ['MTW-002', 'Pasar Muara Teweh', '62.05', 'Jl. Ahmad Yani, Muara Teweh', -0.957, 114.892, 'keramaian', 'public', 'satpol-pp'],
  ['MTW-003', 'Kantor Bupati Barito Utara', '62.05', 'Jl. Ahmad Yani No. 1, Muara Teweh', -0.954, 114.889, 'layanan_pemerintah', 'pimpinan', 'diskominfo'],
  ['MTW-004', 'RSUD Muara Teweh', '62.05', 'Jl. Tumenggung Surapati', -0.95, 114.885, 'fasilitas_umum', 'internal', 'dinkes'],
  ['SPT-001', 'Taman Kota Sampit', '62.02', 'Jl. Jenderal Sudirman, Sampit', -2.537, 112.95, 'ruang_terbuka_hijau', 'public', 'diskominfo'],
  ['SPT-002', 'Pelabuhan Sampit', '62.02', 'Jl. Usman Harun, Sampit', -2.545, 112.956, 'fasilitas_umum', 'internal', 'dishub'],
  ['SPT-003', 'Pasar Mentaya', '62.02', 'Jl. Ahmad Yani, Sampit', -2.54, 112.954, 'keramaian', 'public', 'satpol-pp'],
  ['SPT-004', 'Ikon Jelawat', '62.02', 'Taman Ikon Jelawat, Sampit', -2.5465, 112.953, 'pariwisata', 'public', 'diskominfo'],
  ['SPT-005', 'Puskesmas Ketapang', '62.02', 'Jl. Tjilik Riwut, Sampit', -2.53, 112.945, 'puskesmas', 'internal', 'dinkes'],
  ['KPS-001', 'Jembatan Pulau Telo', '62.03', 'Kuala Kapuas', -3.021, 114.37, 'lalu_lintas', 'public', 'dishub'],
  ['KPS-002', 'Bundaran Kuala Kapuas', '62.03', 'Jl. Tambun Bungai, Kuala Kapuas', -3.005, 114.388, 'lalu_lintas', 'public', 'dishub'],
  ['KPS-003', 'Pasar Kapuas', '62.03', 'Jl. Pemuda, Kuala Kapuas', -3.008, 114.383, 'keramaian', 'public', 'satpol-pp'],
  ['KPS-004', 'Kantor Bupati Kapuas', '62.03', 'Jl. Tambun Bungai No. 50', -3.0, 114.386, 'layanan_pemerintah', 'pimpinan', 'diskominfo'],
  ['KPS-005', 'Taman Kota Kapuas', '62.03', 'Kuala Kapuas', -3.003, 114.39, 'ruang_terbuka_hijau', 'public', 'diskominfo'],
];
