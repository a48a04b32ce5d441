export { Open311Service } from './open311.service.ts';
export { open311Routes } from './open311.routes.ts';
