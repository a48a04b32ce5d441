export { LiveService } from './live.service.ts';
export { liveRoutes } from './live.routes.ts';
export { livePolicy, liveScopes } from './live.policy.ts';
export type { LiveBroadcast } from './live.gateway.ts';
