export { OpendataService } from './opendata.service.ts';
export { ResourcesService } from './resources.service.ts';
export { CkanService } from './ckan.service.ts';
export { opendataRoutes } from './opendata.routes.ts';
export { ckanRoutes } from './ckan.routes.ts';
export { opendataPolicy, opendataScopes } from './opendata.policy.ts';
export { seedOpendataDemo } from './opendata.seed.ts';
export { readCsv, readXlsx, XLSX_TYPE } from './tabular.ts';
export { DatastoreRepository, tableFor } from './datastore.repository.ts';
