import type { Selectable } from 'kysely';
import type { Role } from '@pantau/shared';
import type { Executor } from '../../platform/db/database.ts';
import type { UsersTable } from '../../platform/db/schema.ts';

export type UserRow = Selectable<UsersTable>;

export interface NewUser {
  tenantId: string;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  organizationId: string | null;
  regionCodes: string[];
  passwordHash: string;
  mustChangePassword: boolean;
}

export interface UserListFilter {
  q?: string;
  role?: Role;
  limit: number;
  offset: number;
}

export class UsersRepository {
  /** Login looks a user up across tenants: usernames are unique installation-wide. */
  findByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
  }

  findById(db: Executor, tenantId: string, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  async listByTenant(db: Executor, tenantId: string, f: UserListFilter): Promise<{ rows: UserRow[]; total: number }> {
    let q = db.selectFrom('users').where('tenant_id', '=', tenantId);
    if (f.role) q = q.where('role', '=', f.role);
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
      q = q.where((eb) => eb.or([eb('username', 'ilike', like), eb('display_name', 'ilike', like)]));
    }
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('username').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  async usernameTaken(db: Executor, username: string): Promise<boolean> {
    const r = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    return !!r;
  }

  async insert(db: Executor, u: NewUser): Promise<UserRow> {
    return db
      .insertInto('users')
      .values({
        tenant_id: u.tenantId,
        username: u.username,
        display_name: u.displayName,
        email: u.email,
        role: u.role,
        organization_id: u.organizationId,
        region_codes: u.regionCodes,
        password_hash: u.passwordHash,
        must_change_password: u.mustChangePassword,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async update(db: Executor, tenantId: string, id: string, patch: Partial<Omit<UserRow, 'id' | 'tenant_id' | 'created_at'>>): Promise<UserRow | undefined> {
    return db
      .updateTable('users')
      .set({ ...patch, updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  async countByTenant(db: Executor, tenantId: string): Promise<number> {
    const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
