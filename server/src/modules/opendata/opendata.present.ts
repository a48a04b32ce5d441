import type { Dataset, DatasetGroup, DatasetSummary, Resource } from '@pantau/shared';
import type { DatasetRow, GroupRow, ResourceRow } from './opendata.repository.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentResource(r: ResourceRow): Resource {
  return {
    id: r.id,
    datasetId: r.dataset_id,
    name: r.name,
    description: r.description,
    format: r.format,
    url: r.url,
    datastoreActive: r.datastore_table !== null,
    fields: r.fields,
    rowCount: Number(r.row_count),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

export function presentSummary(d: DatasetRow): DatasetSummary {
  return {
    id: d.id,
    name: d.name,
    title: d.title,
    description: d.description,
    organization: { id: d.organization_id, code: d.org_code, name: d.org_name },
    state: d.state,
    klasifikasi: d.klasifikasi,
    ukuran: d.ukuran,
    satuan: d.satuan,
    frekuensi: d.frekuensi,
    periode: d.periode,
    regionCode: d.region_code,
    sumber: d.sumber,
    licenseId: d.license_id,
    tags: d.tags,
    groups: d.groups,
    formats: d.formats,
    reviewNote: d.review_note,
    publishedAt: iso(d.published_at),
    createdAt: iso(d.created_at)!,
    updatedAt: iso(d.updated_at)!,
  };
}

export function presentDataset(d: DatasetRow, resources: ResourceRow[]): Dataset {
  return { ...presentSummary(d), konsep: d.konsep, definisi: d.definisi, resources: resources.map(presentResource) };
}

export const presentGroup = (g: GroupRow): DatasetGroup => ({ id: g.id, name: g.name, title: g.title, description: g.description });
