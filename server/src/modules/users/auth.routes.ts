import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loginRequestSchema, passwordChangeSchema, sessionResponseSchema } from '@pantau/shared';
import { requireActor, SESSION_COOKIE } from '../../platform/http/auth-hook.ts';
import type { AuthService } from './auth.service.ts';

export interface AuthRouteOptions {
  secureCookies: boolean;
  /** Login attempts per IP per minute, before the per-account lockout. */
  loginPerMinute: number;
}

export function authRoutes(app: FastifyInstance, auth: AuthService, opts: AuthRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setCookie = (reply: FastifyReply, token: string, expires: Date) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: opts.secureCookies, expires });

  r.post(
    '/api/auth/login',
    {
      config: { csrfExempt: true, rateLimit: { max: opts.loginPerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Masuk dengan nama pengguna dan kata sandi', body: loginRequestSchema, response: { 200: sessionResponseSchema } },
    },
    async (req, reply) => {
      const res = await auth.login(req.body.username, req.body.password, req.ip, req.headers['user-agent'] ?? null);
      setCookie(reply, res.sessionToken, res.expiresAt);
      return res.response;
    },
  );

  r.get('/api/auth/session', { schema: { tags: ['auth'], summary: 'Sesi saat ini', response: { 200: sessionResponseSchema } } }, (req) =>
    auth.session(requireActor(req), req.sessionCsrf ?? ''),
  );

  r.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Keluar' } }, async (req, reply) => {
    const actor = requireActor(req);
    const token = req.cookies[SESSION_COOKIE];
    if (token && actor.kind === 'user') await auth.logout(actor, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.post('/api/auth/password', { schema: { tags: ['auth'], summary: 'Ganti kata sandi sendiri', body: passwordChangeSchema } }, async (req, reply) => {
    await auth.changePassword(requireActor(req), req.body, req.cookies[SESSION_COOKIE] ?? null);
    return reply.status(204).send();
  });
}
