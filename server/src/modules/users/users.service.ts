import type { User, UserCreate, UserUpdate } from '@pantau/shared';
import { userCreateSchema } from '@pantau/shared';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import { conflict, DomainError, notFound } from '../../platform/http/errors.ts';
import type { AuditWriter } from '../audit/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { UsersRepository, type UserRow } from './users.repository.ts';
import { SessionsRepository } from './sessions.repository.ts';
import { hashPassword } from './passwords.ts';

export function presentUser(u: UserRow): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    role: u.role as User['role'],
    organizationId: u.organization_id,
    regionCodes: u.region_codes,
    disabled: u.disabled,
    lockedUntil: u.locked_until ? u.locked_until.toISOString() : null,
    lastLoginAt: u.last_login_at ? u.last_login_at.toISOString() : null,
    createdAt: u.created_at.toISOString(),
  };
}

/** User administration inside one tenant. */
export class UsersService {
  private readonly repo = new UsersRepository();
  private readonly sessions = new SessionsRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly tenancy: TenancyService,
  ) {}

  async list(actor: Actor, q: { q?: string; role?: User['role']; limit: number; offset: number }) {
    this.policy.authorize(actor, 'user.read');
    const { rows, total } = await this.repo.listByTenant(this.db, actor.tenantId, q);
    return { items: rows.map(presentUser), total };
  }

  async get(actor: Actor, id: string): Promise<User> {
    this.policy.authorize(actor, 'user.read');
    const u = await this.repo.findById(this.db, actor.tenantId, id);
    if (!u) throw notFound('Pengguna');
    return presentUser(u);
  }

  async create(actor: Actor, input: UserCreate, opts: { mustChangePassword?: boolean } = {}): Promise<User> {
    this.policy.authorize(actor, 'user.write');
    const data = userCreateSchema.parse(input);
    await this.checkScope(actor.tenantId, data.organizationId, data.regionCodes);
    const passwordHash = await hashPassword(data.password);
    return this.db.transaction().execute(async (tx) => {
      if (await this.repo.usernameTaken(tx, data.username)) throw conflict(`Nama pengguna ${data.username} sudah dipakai`, [{ path: 'body.username', message: 'sudah dipakai' }]);
      const u = await this.repo.insert(tx, {
        tenantId: actor.tenantId,
        username: data.username,
        displayName: data.displayName,
        email: data.email,
        role: data.role,
        organizationId: data.organizationId,
        regionCodes: data.regionCodes,
        passwordHash,
        mustChangePassword: opts.mustChangePassword ?? true,
      });
      await this.audit.record(tx, actor, { action: 'user.create', targetType: 'user', targetId: u.id, details: { username: u.username, role: u.role, organizationId: u.organization_id, regionCodes: u.region_codes } });
      return presentUser(u);
    });
  }

  async update(actor: Actor, id: string, input: UserUpdate): Promise<User> {
    this.policy.authorize(actor, 'user.write');
    const current = await this.repo.findById(this.db, actor.tenantId, id);
    if (!current) throw notFound('Pengguna');
    if (id === actor.userId && (input.disabled === true || (input.role && input.role !== current.role))) {
      throw new DomainError('conflict', 'Anda tidak dapat menonaktifkan atau mengubah peran akun Anda sendiri');
    }
    await this.checkScope(actor.tenantId, input.organizationId ?? null, input.regionCodes ?? []);
    const patch: Parameters<UsersRepository['update']>[3] = {};
    if (input.displayName !== undefined) patch.display_name = input.displayName;
    if (input.email !== undefined) patch.email = input.email;
    if (input.role !== undefined) patch.role = input.role;
    if (input.organizationId !== undefined) patch.organization_id = input.organizationId;
    if (input.regionCodes !== undefined) patch.region_codes = input.regionCodes;
    if (input.disabled !== undefined) patch.disabled = input.disabled;
    if (input.unlock) Object.assign(patch, { locked_until: null, failed_logins: 0 });
    if (input.password) Object.assign(patch, { password_hash: await hashPassword(input.password), must_change_password: true });
    return this.db.transaction().execute(async (tx) => {
      const u = await this.repo.update(tx, actor.tenantId, id, patch);
      if (!u) throw notFound('Pengguna');
      // access changed: end the user's sessions so the new role or lock takes effect now
      if (input.disabled || input.password || input.role || input.regionCodes || input.organizationId !== undefined) await this.sessions.deleteForUser(tx, id);
      const { password: _p, ...changed } = input;
      await this.audit.record(tx, actor, { action: 'user.update', targetType: 'user', targetId: id, details: { changed: { ...changed, ...(input.password ? { password: '(direset)' } : {}) } } });
      return presentUser(u);
    });
  }

  /** Organization and regions must belong to the tenant. */
  private async checkScope(tenantId: string, organizationId: string | null, regionCodes: string[]): Promise<void> {
    const details: { path: string; message: string }[] = [];
    if (organizationId) {
      const orgs = await this.tenancy.organizationsOf(tenantId);
      if (!orgs.some((o) => o.id === organizationId)) details.push({ path: 'body.organizationId', message: 'organisasi tidak ada di pemerintah daerah ini' });
    }
    if (regionCodes.length) {
      const valid = await this.tenancy.regionCodesOf(tenantId);
      regionCodes.forEach((c, i) => {
        if (!valid.has(c)) details.push({ path: `body.regionCodes.${i}`, message: `wilayah ${c} tidak ada di pemerintah daerah ini` });
      });
    }
    if (details.length) throw new DomainError('validation_failed', 'Masukan tidak valid', details);
  }

  /** For the demo seed and CLI: the count of users of a tenant. */
  countUsers(db: Executor, tenantId: string): Promise<number> {
    return this.repo.countByTenant(db, tenantId);
  }
}
