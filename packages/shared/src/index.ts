/** Contracts shared by server and web: zod schemas, their types, and error codes. */
export * from './errors.ts';
export * from './common.ts';
export * from './roles.ts';
export * from './tenancy.ts';
export * from './auth.ts';
export * from './users.ts';
export * from './cameras.ts';
export * from './audit.ts';
export * from './live.ts';
export * from './walls.ts';
export * from './recordings.ts';
export * from './opendata.ts';
export * from './dashboards.ts';
export * from './ppid.ts';
export * from './incidents.ts';
export * from './open311.ts';
