import type { Me, PasswordChange, SessionResponse } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Authenticator } from '../../platform/http/auth-hook.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { randomToken, sha256Hex } from '../../platform/crypto/tokens.ts';
import type { AuditWriter } from '../audit/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { UsersRepository, type UserRow } from './users.repository.ts';
import { SessionsRepository } from './sessions.repository.ts';
import { TokensRepository } from './tokens.repository.ts';
import { burnVerifyTime, hashPassword, verifyPassword } from './passwords.ts';
import { actorFromUser } from './actor.ts';

export interface AuthOptions {
  sessionHours: number;
  maxFailures: number;
  lockMinutes: number;
}

export interface LoginResult {
  sessionToken: string;
  expiresAt: Date;
  response: SessionResponse;
}

const invalid = () => new DomainError('invalid_credentials', 'Nama pengguna atau kata sandi salah');

/** Sign-in, sessions, lockout, password change, and turning a cookie or token into an Actor. */
export class AuthService implements Authenticator {
  private readonly users = new UsersRepository();
  private readonly sessions = new SessionsRepository();
  private readonly tokens = new TokensRepository();

  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly tenancy: TenancyService,
    private readonly clock: Clock,
    private readonly opts: AuthOptions,
  ) {}

  async login(username: string, password: string, ip: string | null, userAgent: string | null): Promise<LoginResult> {
    const now = this.clock.now();
    const user = await this.users.findByUsername(this.db, username);
    const anon = { kind: 'anonymous' as const, tenantId: user?.tenant_id ?? null, label: username.slice(0, 64), ip };
    if (!user || user.disabled) {
      await burnVerifyTime(password);
      await this.db.transaction().execute((tx) => this.audit.record(tx, anon, { action: 'auth.login_failed', details: { reason: user ? 'disabled' : 'unknown_user' } }));
      throw invalid();
    }
    if (user.locked_until && user.locked_until > now) {
      await this.db.transaction().execute((tx) => this.audit.record(tx, anon, { action: 'auth.login_failed', targetType: 'user', targetId: user.id, details: { reason: 'locked' } }));
      throw new DomainError('account_locked', 'Akun dikunci sementara karena terlalu banyak percobaan gagal', { lockedUntil: user.locked_until.toISOString() });
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      const failures = user.failed_logins + 1;
      const lock = failures >= this.opts.maxFailures;
      const lockedUntil = lock ? new Date(now.getTime() + this.opts.lockMinutes * 60_000) : null;
      await this.db.transaction().execute(async (tx) => {
        await this.users.update(tx, user.tenant_id, user.id, { failed_logins: lock ? 0 : failures, locked_until: lockedUntil });
        await this.audit.record(tx, anon, { action: 'auth.login_failed', targetType: 'user', targetId: user.id, details: { reason: 'bad_password', failures } });
        if (lock) await this.audit.record(tx, anon, { action: 'auth.account_locked', targetType: 'user', targetId: user.id, details: { until: lockedUntil!.toISOString() } });
      });
      if (lock) throw new DomainError('account_locked', 'Akun dikunci sementara karena terlalu banyak percobaan gagal', { lockedUntil: lockedUntil!.toISOString() });
      throw invalid();
    }
    const sessionToken = randomToken(32);
    const csrfToken = randomToken(24);
    const expiresAt = new Date(now.getTime() + this.opts.sessionHours * 3_600_000);
    const actor = actorFromUser(user, ip);
    await this.db.transaction().execute(async (tx) => {
      await this.users.update(tx, user.tenant_id, user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
      await this.sessions.insert(tx, { idHash: sha256Hex(sessionToken), userId: user.id, csrfToken, expiresAt, ip, userAgent: userAgent?.slice(0, 300) ?? null });
      await this.audit.record(tx, actor, { action: 'auth.login', targetType: 'user', targetId: user.id });
    });
    return { sessionToken, expiresAt, response: { user: await this.me(user, actor), csrfToken } };
  }

  async logout(actor: Actor, sessionToken: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await this.sessions.delete(tx, sha256Hex(sessionToken));
      await this.audit.record(tx, actor, { action: 'auth.logout', targetType: 'user', targetId: actor.userId });
    });
  }

  async session(actor: Actor, csrfToken: string): Promise<SessionResponse> {
    const user = await this.users.findById(this.db, actor.tenantId, actor.userId!);
    if (!user) throw new DomainError('unauthenticated', 'Sesi tidak berlaku');
    return { user: await this.me(user, actor), csrfToken };
  }

  async changePassword(actor: Actor, input: PasswordChange, sessionToken: string | null): Promise<void> {
    if (actor.kind !== 'user' || !actor.userId) throw new DomainError('forbidden', 'Kata sandi hanya dapat diganti dari sesi masuk');
    const user = await this.users.findById(this.db, actor.tenantId, actor.userId);
    if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
      throw new DomainError('validation_failed', 'Kata sandi saat ini salah', [{ path: 'body.currentPassword', message: 'Kata sandi saat ini salah' }]);
    }
    if (input.currentPassword === input.newPassword) {
      throw new DomainError('validation_failed', 'Kata sandi baru harus berbeda', [{ path: 'body.newPassword', message: 'Kata sandi baru harus berbeda' }]);
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction().execute(async (tx) => {
      await this.users.update(tx, user.tenant_id, user.id, { password_hash: passwordHash, must_change_password: false, password_changed_at: this.clock.now() });
      // other sessions of this user end: a changed password should lock out whoever knew the old one
      await this.sessions.deleteForUser(tx, user.id, sessionToken ? sha256Hex(sessionToken) : undefined);
      await this.audit.record(tx, actor, { action: 'auth.password_change', targetType: 'user', targetId: user.id });
    });
  }

  async fromSession(token: string, ip: string | null) {
    if (token.length > 100) return null;
    const row = await this.sessions.findLive(this.db, sha256Hex(token), this.clock.now());
    if (!row) return null;
    return { actor: actorFromUser(row, ip), csrfToken: row.csrf_token };
  }

  async fromApiToken(token: string, ip: string | null): Promise<Actor | null> {
    if (!token.startsWith('pnt_') || token.length > 100) return null;
    const now = this.clock.now();
    const row = await this.tokens.findUsable(this.db, sha256Hex(token), now);
    if (!row) return null;
    await this.tokens.touch(this.db, row.token_id, now);
    return { ...actorFromUser(row, ip, row.token_scopes), label: `${row.username} (token ${row.token_name})` };
  }

  private async me(user: UserRow, actor: Actor): Promise<Me> {
    return {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: actor.role,
      organizationId: user.organization_id,
      regionCodes: user.region_codes,
      mustChangePassword: user.must_change_password,
      tenant: await this.tenancy.getTenant(user.tenant_id),
      permissions: this.policy.permissionsOf(actor),
    };
  }
}
