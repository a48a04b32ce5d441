export { TenancyService, presentTenant } from './tenancy.service.ts';
export { TenancyRepository } from './tenancy.repository.ts';
export { tenancyRoutes } from './tenancy.routes.ts';
export { tenancyPolicy, tenancyScopes } from './tenancy.policy.ts';
