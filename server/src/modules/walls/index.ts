export { WallsService } from './walls.service.ts';
export { wallsRoutes } from './walls.routes.ts';
export { wallsPolicy } from './walls.policy.ts';
