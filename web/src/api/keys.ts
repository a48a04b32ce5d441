import type { QueryValue } from './client.ts';

type Filters = Record<string, QueryValue>;

/** Every react-query key in one place, so invalidations cannot drift from the queries. */
export const keys = {
  session: ['session'] as const,
  regions: ['regions'] as const,
  organizations: ['organizations'] as const,
  publicConfig: ['config', 'public'] as const,
  cameras: ['cameras'] as const,
  cameraList: (f: Filters) => ['cameras', 'list', f] as const,
  cameraMarkers: (f: Filters) => ['cameras', 'markers', f] as const,
  camera: (id: string) => ['cameras', 'detail', id] as const,
  users: ['users'] as const,
  userList: (f: Filters) => ['users', 'list', f] as const,
  tokens: ['tokens'] as const,
  audit: (f: Filters) => ['audit', f] as const,
  walls: ['walls'] as const,
  wallLayouts: ['walls', 'layouts'] as const,
  wallTours: ['walls', 'tours'] as const,
  // data bank and development dashboard
  datasets: ['datasets'] as const,
  datasetList: (scope: 'public' | 'console', f: Filters) => ['datasets', scope, 'list', f] as const,
  dataset: (scope: 'public' | 'console', id: string) => ['datasets', scope, 'detail', id] as const,
  datastore: (scope: 'public' | 'console', id: string, f: Filters) => ['datasets', scope, 'rows', id, f] as const,
  datasetGroups: (scope: 'public' | 'console') => ['datasets', scope, 'groups'] as const,
  opendataRole: ['datasets', 'role'] as const,
  dashboard: ['dashboard'] as const,
  dashboardOverview: (f: Filters) => ['dashboard', 'overview', f] as const,
  dashboardOpd: (id: string, f: Filters) => ['dashboard', 'opd', id, f] as const,
  dashboardTrend: ['dashboard', 'trend'] as const,
  dashboardServices: ['dashboard', 'services'] as const,
  /** PPID: every key starts with 'ppid' so one invalidation refreshes queue, detail and report. */
  ppid: (...parts: unknown[]) => ['ppid', ...parts] as const,
  // incidents: every incident query starts with 'incidents', so one live event invalidates them all
  incidents: ['incidents'] as const,
  incidentList: (f: Filters) => ['incidents', 'list', f] as const,
  incident: (id: string) => ['incidents', 'detail', id] as const,
  incidentTasks: ['incidents', 'tasks'] as const,
  incidentCategories: ['incidents', 'categories'] as const,
  incidentDuplicates: (f: Filters) => ['incidents', 'duplicates', f] as const,
  incidentCameras: (id: string, radius: number) => ['incidents', 'cameras', id, radius] as const,
  incidentStats: (f: Filters) => ['incidents', 'stats', f] as const,
};
