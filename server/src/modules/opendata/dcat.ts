import type { DatasetRow, ResourceRow } from './opendata.repository.ts';
import { LICENSES, type CkanUrls } from './ckan.present.ts';

/** Satu Data frequencies as EU frequency vocabulary IRIs (DCAT-AP dct:accrualPeriodicity). */
const FREQUENCY: Record<string, string> = {
  harian: 'DAILY', mingguan: 'WEEKLY', bulanan: 'MONTHLY', triwulanan: 'QUARTERLY', semesteran: 'ANNUAL_2', tahunan: 'ANNUAL', tidak_tetap: 'IRREG',
};
const dateTime = (d: Date | string | null) => (d === null ? undefined : { '@value': new Date(d).toISOString(), '@type': 'xsd:dateTime' });

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
};

function distribution(r: ResourceRow, u: CkanUrls, license: string) {
  const download = r.datastore_table ? `${u.base}/api/public/opendata/resources/${r.id}/download.csv` : r.url;
  return {
    '@id': `${u.base}/data/resource/${r.id}`,
    '@type': 'dcat:Distribution',
    'dct:title': r.name,
    'dct:description': r.description || undefined,
    'dcat:accessURL': { '@id': download },
    ...(r.datastore_table ? { 'dcat:downloadURL': { '@id': download }, 'dcat:mediaType': 'text/csv' } : {}),
    'dct:format': r.format,
    'dct:license': license ? { '@id': license } : undefined,
    'dct:modified': dateTime(r.updated_at),
  };
}

/** One published dataset as DCAT-AP (JSON-LD). */
export function dcatDataset(d: DatasetRow, resources: ResourceRow[], u: CkanUrls) {
  const license = LICENSES[d.license_id]?.url ?? '';
  return {
    '@id': `${u.base}/data/dataset/${d.name}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': d.id,
    'dct:title': d.title,
    'dct:description': d.description,
    'dcat:keyword': d.tags,
    'dcat:theme': d.groups.map((g) => ({ '@id': `${u.base}/data?group=${encodeURIComponent(g)}` })),
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': d.org_name },
    'dct:issued': dateTime(d.published_at ?? d.created_at),
    'dct:modified': dateTime(d.updated_at),
    'dct:accrualPeriodicity': FREQUENCY[d.frekuensi] ? { '@id': `http://publications.europa.eu/resource/authority/frequency/${FREQUENCY[d.frekuensi]}` } : undefined,
    'dct:spatial': d.region_code,
    'dct:temporal': d.periode || undefined,
    'dct:source': d.sumber || undefined,
    'dcat:landingPage': { '@id': `${u.base}/data/dataset/${d.name}` },
    'dcat:distribution': resources.map((r) => distribution(r, u, license)),
  };
}

/** The catalog, paged as ckanext-dcat pages it (hydra:PagedCollection). */
export function dcatCatalog(title: string, datasets: ReturnType<typeof dcatDataset>[], page: { page: number; perPage: number; total: number }, u: CkanUrls) {
  const last = Math.max(1, Math.ceil(page.total / page.perPage));
  const at = (p: number) => `${u.base}/catalog.jsonld?page=${p}`;
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${u.base}/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': title,
    'dct:description': `Katalog Satu Data ${title}`,
    'dct:language': 'id',
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': title },
    'foaf:homepage': { '@id': `${u.base}/data` },
    'hydra:view': {
      '@id': at(page.page), '@type': 'hydra:PagedCollection', 'hydra:totalItems': page.total, 'hydra:itemsPerPage': page.perPage,
      'hydra:firstPage': at(1), 'hydra:lastPage': at(last), ...(page.page < last ? { 'hydra:nextPage': at(page.page + 1) } : {}), ...(page.page > 1 ? { 'hydra:previousPage': at(page.page - 1) } : {}),
    },
    'dcat:dataset': datasets,
  };
}
