import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ApiTokensTable } from '../../platform/db/schema.ts';

export type TokenRow = Selectable<ApiTokensTable>;

export class TokensRepository {
  insert(db: Executor, t: { tenantId: string; userId: string; name: string; prefix: string; hash: string; scopes: string[]; expiresAt: Date | null }) {
    return db
      .insertInto('api_tokens')
      .values({ tenant_id: t.tenantId, user_id: t.userId, name: t.name, prefix: t.prefix, token_hash: t.hash, scopes: t.scopes, expires_at: t.expiresAt })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  listByUser(db: Executor, tenantId: string, userId: string): Promise<TokenRow[]> {
    return db.selectFrom('api_tokens').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  }

  /** A usable token with its owner: not revoked, not expired, owner enabled. */
  findUsable(db: Executor, hash: string, now: Date) {
    return db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('users')
      .select(['api_tokens.id as token_id', 'api_tokens.scopes as token_scopes', 'api_tokens.name as token_name'])
      .where('api_tokens.token_hash', '=', hash)
      .where('api_tokens.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)]))
      .where('users.disabled', '=', false)
      .executeTakeFirst();
  }

  async touch(db: Executor, id: string, now: Date): Promise<void> {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
  }

  revoke(db: Executor, tenantId: string, userId: string, id: string, now: Date) {
    return db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }
}
