import { z } from 'zod';
import { regionCodeSchema } from './common.ts';
import { importRowErrorSchema } from './cameras.ts';

/**
 * Data bank (Satu Data Indonesia, Perpres 39/2019). A dataset moves draft → submitted (produsen
 * data) → verified → published (walidata); only published datasets are public.
 */
export const DATASET_STATES = ['draft', 'submitted', 'verified', 'published'] as const;
export const datasetStateSchema = z.enum(DATASET_STATES);
export type DatasetState = z.infer<typeof datasetStateSchema>;

/** Transitions a user may ask for; `reject` returns a submitted or verified dataset to draft. */
export const DATASET_TRANSITIONS = ['submit', 'verify', 'publish', 'reject', 'unpublish'] as const;
export const datasetTransitionSchema = z.enum(DATASET_TRANSITIONS);
export type DatasetTransition = z.infer<typeof datasetTransitionSchema>;

export const FREQUENCIES = ['harian', 'mingguan', 'bulanan', 'triwulanan', 'semesteran', 'tahunan', 'tidak_tetap'] as const;

/** CKAN dataset and group names: lowercase letters, digits, `-` and `_`, 2–100 characters. */
export const ckanNameSchema = z.string().trim().min(2).max(100).regex(/^[a-z0-9_-]+$/, 'huruf kecil, angka, - atau _');
const tagSchema = z.string().trim().min(1).max(60).regex(/^[\p{L}\p{N} ._-]+$/u, 'huruf, angka, spasi, titik, - atau _');

const datasetFields = {
  name: ckanNameSchema,
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(5000).default(''),
  organizationId: z.uuid(),
  konsep: z.string().trim().max(2000).default(''),
  definisi: z.string().trim().max(2000).default(''),
  klasifikasi: z.string().trim().max(500).default(''),
  ukuran: z.string().trim().max(200).default(''),
  satuan: z.string().trim().max(100).default(''),
  frekuensi: z.enum(FREQUENCIES).default('tahunan'),
  periode: z.string().trim().max(100).default(''),
  regionCode: regionCodeSchema,
  sumber: z.string().trim().max(300).default(''),
  licenseId: z.string().trim().min(1).max(60).default('cc-by'),
  tags: z.array(tagSchema).max(30).default([]),
  groups: z.array(ckanNameSchema).max(20).default([]),
};

export const datasetInputSchema = z.strictObject(datasetFields);
export type DatasetInput = z.infer<typeof datasetInputSchema>;
export const datasetUpdateSchema = z.strictObject(datasetFields).partial();
export type DatasetUpdate = z.infer<typeof datasetUpdateSchema>;

export const datasetTransitionInputSchema = z.strictObject({ action: datasetTransitionSchema, note: z.string().trim().max(1000).optional() });
export type DatasetTransitionInput = z.infer<typeof datasetTransitionInputSchema>;

/** Column types of the datastore, named as CKAN names them. */
export const DATASTORE_TYPES = ['text', 'int', 'numeric', 'date', 'timestamp'] as const;
export const datastoreTypeSchema = z.enum(DATASTORE_TYPES);
export type DatastoreType = z.infer<typeof datastoreTypeSchema>;

export const datastoreFieldSchema = z.object({ id: z.string(), type: datastoreTypeSchema });
export type DatastoreField = z.infer<typeof datastoreFieldSchema>;

export const resourceSchema = z.object({
  id: z.uuid(),
  datasetId: z.uuid(),
  name: z.string(),
  description: z.string(),
  format: z.string(),
  /** External URL, or null for an uploaded table kept in the datastore. */
  url: z.string().nullable(),
  datastoreActive: z.boolean(),
  fields: z.array(datastoreFieldSchema),
  rowCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Resource = z.infer<typeof resourceSchema>;

export const resourceLinkInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
  format: z.string().trim().min(1).max(20),
  url: z.url({ protocol: /^https?$/ }),
});
export type ResourceLinkInput = z.infer<typeof resourceLinkInputSchema>;

/** Query of an upload: the file travels as the raw body (text/csv or XLSX). */
export const resourceUploadQuerySchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
  /** Only check and preview; write nothing. */
  dryRun: z.enum(['true', 'false']).default('false'),
  /** Declared types as JSON `{"column":"int"}`; undeclared columns are inferred. */
  types: z.string().max(5000).optional(),
});
export type ResourceUploadQuery = z.infer<typeof resourceUploadQuerySchema>;

export const resourceUploadResultSchema = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  fields: z.array(datastoreFieldSchema),
  preview: z.array(z.record(z.string(), z.unknown())),
  errors: z.array(importRowErrorSchema),
  resource: resourceSchema.nullable(),
});
export type ResourceUploadResult = z.infer<typeof resourceUploadResultSchema>;

export const datasetSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  organization: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  state: datasetStateSchema,
  konsep: z.string(),
  definisi: z.string(),
  klasifikasi: z.string(),
  ukuran: z.string(),
  satuan: z.string(),
  frekuensi: z.string(),
  periode: z.string(),
  regionCode: z.string(),
  sumber: z.string(),
  licenseId: z.string(),
  tags: z.array(z.string()),
  groups: z.array(z.string()),
  formats: z.array(z.string()),
  resources: z.array(resourceSchema),
  reviewNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Dataset = z.infer<typeof datasetSchema>;

export const datasetSummarySchema = datasetSchema.omit({ resources: true, konsep: true, definisi: true });
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;

export const CATALOG_FACETS = ['organization', 'groups', 'tags', 'res_format', 'region'] as const;
export type CatalogFacet = (typeof CATALOG_FACETS)[number];

/** Catalog search of the console and the public pages (the CKAN API has its own parameters). */
export const catalogQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  organization: z.string().max(100).optional(),
  group: z.string().max(100).optional(),
  tag: z.string().max(100).optional(),
  format: z.string().max(20).optional(),
  region: z.string().max(20).optional(),
  state: datasetStateSchema.optional(),
  sort: z.enum(['relevance', 'title', 'newest', 'modified']).default('relevance'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

export const facetItemSchema = z.object({ name: z.string(), displayName: z.string(), count: z.number().int() });
export type FacetItem = z.infer<typeof facetItemSchema>;

export const catalogPageSchema = z.object({
  items: z.array(datasetSummarySchema),
  total: z.number().int(),
  facets: z.record(z.string(), z.array(facetItemSchema)),
});
export type CatalogPage = z.infer<typeof catalogPageSchema>;

export const datasetGroupSchema = z.object({ id: z.uuid(), name: z.string(), title: z.string(), description: z.string() });
export type DatasetGroup = z.infer<typeof datasetGroupSchema>;
export const datasetGroupInputSchema = z.strictObject({ name: ckanNameSchema, title: z.string().trim().min(2).max(200), description: z.string().trim().max(2000).default('') });
export type DatasetGroupInput = z.infer<typeof datasetGroupInputSchema>;

/** Rows of a datastore table, for the console and public preview (CKAN clients use datastore_search). */
export const datastoreQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  /** JSON object `{"column": value}` of equality filters. */
  filters: z.string().max(2000).optional(),
  /** `column asc|desc`, comma-separated. */
  sort: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(0).max(32_000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DatastoreQuery = z.infer<typeof datastoreQuerySchema>;

export const datastorePageSchema = z.object({
  fields: z.array(z.object({ id: z.string(), type: z.string() })),
  records: z.array(z.record(z.string(), z.unknown())),
  total: z.number().int(),
});
export type DatastorePage = z.infer<typeof datastorePageSchema>;

/** Who may do what in the data bank, for the console to show the right buttons. */
export const opendataRoleSchema = z.object({ walidata: z.boolean(), organizationId: z.uuid().nullable(), walidataOrganizationId: z.uuid().nullable() });
export type OpendataRole = z.infer<typeof opendataRoleSchema>;
export const walidataInputSchema = z.strictObject({ organizationId: z.uuid() });

/**
 * Parameters of the CKAN-compatible action API (`/api/3/action/…`), as CKAN 2.9–2.11 take them:
 * query strings carry text, JSON bodies carry numbers and booleans, so both are accepted.
 */
const ckanBool = z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False', '1', '0']).transform((v) => v.toLowerCase() === 'true' || v === '1')]);
const ckanInt = (def: number, max: number) => z.coerce.number().int().min(0).max(max).default(def);
const ckanJsonish = z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]);

export const ckanParams = {
  package_list: z.object({ limit: ckanInt(1000, 100_000), offset: ckanInt(0, 10_000_000) }),
  package_search: z.object({
    q: z.string().max(500).default(''),
    fq: z.string().max(2000).default(''),
    rows: ckanInt(10, 1000),
    start: ckanInt(0, 10_000_000),
    sort: z.string().max(200).default('score desc, metadata_modified desc'),
    facet: ckanBool.default(true),
    'facet.field': z.union([z.string(), z.array(z.string())]).optional(),
    'facet.limit': z.coerce.number().int().min(-1).max(1000).default(50),
    include_private: ckanBool.default(false),
  }),
  package_show: z.object({ id: z.string({ error: 'Missing value' }).min(1, 'Missing value').max(100) }),
  organization_list: z.object({ all_fields: ckanBool.default(false), sort: z.string().max(50).default('name asc'), limit: ckanInt(1000, 1000), offset: ckanInt(0, 100_000) }),
  organization_show: z.object({ id: z.string({ error: 'Missing value' }).min(1, 'Missing value').max(100), include_datasets: ckanBool.default(false) }),
  tag_list: z.object({ query: z.string().max(100).optional(), all_fields: ckanBool.default(false) }),
  resource_show: z.object({ id: z.string({ error: 'Missing value' }).min(1, 'Missing value').max(100) }),
  datastore_search: z.object({
    resource_id: z.string().max(100).optional(),
    id: z.string().max(100).optional(),
    filters: ckanJsonish.optional(),
    q: z.string().max(200).optional(),
    limit: ckanInt(100, 32_000),
    offset: ckanInt(0, 10_000_000),
    sort: z.string().max(300).optional(),
    fields: z.union([z.string(), z.array(z.string())]).optional(),
    include_total: ckanBool.default(true),
  }),
  help_show: z.object({ name: z.string({ error: 'Missing value' }).min(1, 'Missing value').max(100) }),
} as const;
export type CkanAction = keyof typeof ckanParams | 'status_show' | 'group_list' | 'group_show';
