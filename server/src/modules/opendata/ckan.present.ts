import type { Organization } from '@pantau/shared';
import type { DatasetRow, GroupRow, ResourceRow } from './opendata.repository.ts';

/** Licences a CKAN client knows by id (CKAN's default licence list). */
export const LICENSES: Record<string, { title: string; url: string; open: boolean }> = {
  'cc-by': { title: 'Creative Commons Attribution', url: 'http://www.opendefinition.org/licenses/cc-by', open: true },
  'cc-by-sa': { title: 'Creative Commons Attribution Share-Alike', url: 'http://www.opendefinition.org/licenses/cc-by-sa', open: true },
  'cc-zero': { title: 'Creative Commons CCZero', url: 'http://www.opendefinition.org/licenses/cc-zero', open: true },
  'odc-by': { title: 'Open Data Commons Attribution License', url: 'http://www.opendefinition.org/licenses/odc-by', open: true },
  'odc-odbl': { title: 'Open Data Commons Open Database License (ODbL)', url: 'http://www.opendefinition.org/licenses/odc-odbl', open: true },
  'other-open': { title: 'Other (Open)', url: '', open: true },
  'notspecified': { title: 'License not specified', url: '', open: false },
};

/** CKAN writes naive UTC timestamps ("2021-04-09T11:39:37.657233"). */
export const ckanTime = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString().replace('Z', ''));

export interface CkanUrls {
  /** Origin of this server, e.g. https://data.kalteng.go.id */
  base: string;
}

export function ckanOrganization(o: Organization, packageCount?: number) {
  return {
    id: o.id, name: o.code, title: o.name, display_name: o.name, description: '', image_url: '', image_display_url: '', type: 'organization',
    is_organization: true, approval_status: 'approved', state: 'active', created: null, ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

export function ckanGroup(g: GroupRow, packageCount?: number) {
  return {
    id: g.id, name: g.name, title: g.title, display_name: g.title, description: g.description, image_url: '', image_display_url: '', type: 'group',
    is_organization: false, approval_status: 'approved', state: 'active', created: ckanTime(g.created_at), ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

export function ckanResource(r: ResourceRow, u: CkanUrls) {
  const uploaded = r.datastore_table !== null;
  return {
    id: r.id, package_id: r.dataset_id, name: r.name, description: r.description, format: r.format, position: r.position, state: 'active',
    url: uploaded ? `${u.base}/api/public/opendata/resources/${r.id}/download.csv` : r.url, url_type: uploaded ? 'upload' : null,
    mimetype: r.format === 'CSV' ? 'text/csv' : r.format === 'XLSX' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : null,
    datastore_active: uploaded, size: null, created: ckanTime(r.created_at), last_modified: ckanTime(r.updated_at), metadata_modified: ckanTime(r.updated_at),
  };
}

/** A dataset as CKAN's package_show returns it; the Satu Data metadata travels in `extras`. */
export function ckanPackage(d: DatasetRow, resources: ResourceRow[], groups: GroupRow[], u: CkanUrls) {
  const lic = LICENSES[d.license_id];
  const extras = { konsep: d.konsep, definisi: d.definisi, klasifikasi: d.klasifikasi, ukuran: d.ukuran, satuan: d.satuan, frekuensi: d.frekuensi, periode: d.periode, kode_wilayah: d.region_code, sumber: d.sumber };
  return {
    id: d.id, name: d.name, title: d.title, notes: d.description, type: 'dataset', state: 'active', private: false, version: null, url: '',
    author: d.org_name, author_email: null, maintainer: d.org_name, maintainer_email: null,
    license_id: d.license_id, license_title: lic?.title ?? d.license_id, license_url: lic?.url ?? '', isopen: lic?.open ?? false,
    metadata_created: ckanTime(d.created_at), metadata_modified: ckanTime(d.updated_at), creator_user_id: d.created_by,
    owner_org: d.organization_id,
    organization: { id: d.organization_id, name: d.org_code, title: d.org_name, type: 'organization', description: '', image_url: '', is_organization: true, approval_status: 'approved', state: 'active', created: null },
    groups: d.groups.flatMap((name) => {
      const g = groups.find((x) => x.name === name);
      return g ? [{ id: g.id, name: g.name, title: g.title, display_name: g.title, description: g.description, image_display_url: '' }] : [];
    }),
    tags: d.tags.map((t) => ({ name: t, display_name: t, state: 'active', vocabulary_id: null })),
    resources: resources.map((r) => ckanResource(r, u)),
    num_resources: resources.length, num_tags: d.tags.length,
    extras: Object.entries(extras).filter(([, v]) => v !== '').map(([key, value]) => ({ key, value })),
  };
}
