import type { Open311Attribute } from '@pantau/shared';

/** Service groups of the categories (the spec's `group`). */
const GROUP: Record<string, string> = {
  kebakaran: 'darurat', kesehatan_darurat: 'darurat', kecelakaan_lalu_lintas: 'darurat', kriminalitas: 'keamanan', kerumunan_demo: 'keamanan',
  banjir: 'bencana', pohon_tumbang: 'bencana', kemacetan: 'lalu lintas', lampu_jalan_mati: 'prasarana', jalan_rusak: 'prasarana', sampah: 'kebersihan',
};
export const groupOf = (code: string) => GROUP[code] ?? 'lainnya';

const landmark: Open311Attribute = { variable: true, code: 'patokan', datatype: 'string', required: false, datatype_description: 'Nama tempat terdekat', order: 1, description: 'Patokan terdekat (gedung, simpang, toko)', values: [] };

/** Extra questions per service (the spec's service definition attributes). */
export const SERVICE_ATTRIBUTES: Record<string, Open311Attribute[]> = {
  kecelakaan_lalu_lintas: [landmark, { variable: true, code: 'korban', datatype: 'number', required: true, datatype_description: 'Bilangan bulat ≥ 0', order: 2, description: 'Jumlah korban luka', values: [] }],
  banjir: [
    landmark,
    {
      variable: true, code: 'tinggi_air', datatype: 'singlevaluelist', required: false, datatype_description: 'Pilih satu', order: 2, description: 'Tinggi genangan',
      values: [{ key: 'semata_kaki', name: 'Semata kaki' }, { key: 'selutut', name: 'Selutut' }, { key: 'sepinggang', name: 'Sepinggang atau lebih' }],
    },
  ],
};
export const attributesOf = (code: string): Open311Attribute[] => SERVICE_ATTRIBUTES[code] ?? [landmark];

/** Checks submitted attributes against the definition; returns the problems (spec: 400). */
export function checkAttributes(defs: Open311Attribute[], given: Record<string, string[]>): { values: Record<string, string>; problems: string[] } {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (const d of defs) {
    const v = given[d.code];
    if (!v?.length || v.every((x) => x === '')) {
      if (d.required) problems.push(`attribute[${d.code}] wajib diisi`);
      continue;
    }
    if (d.datatype === 'number' && !v.every((x) => /^-?\d+(\.\d+)?$/.test(x))) problems.push(`attribute[${d.code}] harus angka`);
    if ((d.datatype === 'singlevaluelist' || d.datatype === 'multivaluelist') && !v.every((x) => d.values.some((o) => o.key === x))) problems.push(`attribute[${d.code}] bukan pilihan yang sah`);
    if (d.datatype === 'singlevaluelist' && v.length > 1) problems.push(`attribute[${d.code}] hanya satu nilai`);
    values[d.code] = v.join(',');
  }
  for (const code of Object.keys(given)) if (!defs.some((d) => d.code === code)) problems.push(`attribute[${code}] tidak dikenal`);
  return { values, problems };
}
