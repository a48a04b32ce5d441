export { AuthService, type AuthOptions } from './auth.service.ts';
export { UsersService, presentUser } from './users.service.ts';
export { TokensService } from './tokens.service.ts';
export { authRoutes } from './auth.routes.ts';
export { usersRoutes } from './users.routes.ts';
export { usersPolicy } from './users.policy.ts';
export { hashPassword } from './passwords.ts';
export { SessionsRepository } from './sessions.repository.ts';
