import type { ColumnType, Generated } from 'kysely';
import type { DatastoreField } from '@pantau/shared';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

/** Tables of migration 0007 (data bank); merged into the Kysely Database type below. */
export interface OdSettingsTable {
  tenant_id: string;
  walidata_organization_id: string | null;
}

export interface OdGroupsTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  title: string;
  description: string;
  created_at: CreatedAt;
}

export interface OdDatasetsTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  title: string;
  description: string;
  organization_id: string;
  state: Generated<'draft' | 'submitted' | 'verified' | 'published'>;
  konsep: string;
  definisi: string;
  klasifikasi: string;
  ukuran: string;
  satuan: string;
  frekuensi: string;
  periode: string;
  region_code: string;
  sumber: string;
  license_id: string;
  tags: string[];
  groups: string[];
  formats: Generated<string[]>;
  review_note: string | null;
  search: ColumnType<string, never, never>;
  created_by: string | null;
  published_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Updated;
}

export interface OdResourcesTable {
  id: Generated<string>;
  tenant_id: string;
  dataset_id: string;
  position: number;
  name: string;
  description: string;
  format: string;
  url: string | null;
  datastore_table: string | null;
  fields: ColumnType<DatastoreField[], string, string>;
  row_count: number;
  created_at: CreatedAt;
  updated_at: Updated;
}

declare module '../../platform/db/schema.ts' {
  interface Database {
    od_settings: OdSettingsTable;
    od_groups: OdGroupsTable;
    od_datasets: OdDatasetsTable;
    od_resources: OdResourcesTable;
  }
}
