export { DashboardsService } from './dashboards.service.ts';
export { BudgetImportService } from './dashboards.import.ts';
export { dashboardsRoutes } from './dashboards.routes.ts';
export { dashboardsPolicy, dashboardsScopes } from './dashboards.policy.ts';
export { camerasOnline, unavailable, type ServiceIndicatorProvider } from './dashboards.providers.ts';
export { seedDashboardsDemo } from './dashboards.seed.ts';
