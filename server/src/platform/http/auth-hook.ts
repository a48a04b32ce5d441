import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../authz/actor.ts';
import { DomainError } from './errors.ts';
import { safeEqual } from '../crypto/tokens.ts';

export const SESSION_COOKIE = 'pantau_session';
export const CSRF_HEADER = 'x-csrf-token';

/** How a request proves who it is; implemented by the users module. */
export interface Authenticator {
  fromSession(token: string, ip: string | null): Promise<{ actor: Actor; csrfToken: string } | null>;
  fromApiToken(token: string, ip: string | null): Promise<Actor | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionCsrf: string | null;
  }
  interface FastifyContextConfig {
    /** Routes that a cookie session may call without the CSRF header (login itself). */
    csrfExempt?: boolean;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the actor of every /api request from a Bearer token or the session cookie, and refuses
 * cookie-authenticated writes without the session's CSRF token (SameSite alone does not cover old browsers).
 */
export function registerAuth(app: FastifyInstance, authn: Authenticator): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrf', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const ip = req.ip ?? null;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.actor = await authn.fromApiToken(auth.slice(7).trim(), ip);
      if (!req.actor) throw new DomainError('unauthenticated', 'Token API tidak valid, kedaluwarsa atau dicabut');
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const s = await authn.fromSession(cookie, ip);
    if (!s) return;
    req.actor = s.actor;
    req.sessionCsrf = s.csrfToken;
    if (MUTATING.has(req.method) && !req.routeOptions.config?.csrfExempt) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, s.csrfToken)) {
        throw new DomainError('csrf_failed', 'Token CSRF tidak ada atau salah; muat ulang halaman');
      }
    }
  });
}

/** The signed-in actor, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu');
  return req.actor;
}
