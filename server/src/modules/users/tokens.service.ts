import type { ApiToken } from '@pantau/shared';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import { randomToken, sha256Hex } from '../../platform/crypto/tokens.ts';
import type { AuditWriter } from '../audit/index.ts';
import { TokensRepository, type TokenRow } from './tokens.repository.ts';

export function presentToken(t: TokenRow): ApiToken {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes as ApiToken['scopes'],
    createdAt: t.created_at.toISOString(),
    lastUsedAt: t.last_used_at?.toISOString() ?? null,
    expiresAt: t.expires_at?.toISOString() ?? null,
    revokedAt: t.revoked_at?.toISOString() ?? null,
  };
}

/** Integration tokens: hashed at rest, scoped, revocable, never stronger than their owner. */
export class TokensService {
  private readonly repo = new TokensRepository();
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor): Promise<ApiToken[]> {
    this.policy.authorize(actor, 'token.manage');
    return (await this.repo.listByUser(this.db, actor.tenantId, actor.userId!)).map(presentToken);
  }

  async create(actor: Actor, input: { name: string; scopes: string[]; expiresInDays: number | null }): Promise<ApiToken & { token: string }> {
    this.policy.authorize(actor, 'token.manage');
    // a token cannot mint tokens: only a signed-in person can
    if (actor.kind !== 'user') throw new DomainError('forbidden', 'Token API hanya dapat dibuat dari sesi masuk');
    const secret = `pnt_${randomToken(32)}`;
    const now = this.clock.now();
    const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
    return this.db.transaction().execute(async (tx) => {
      const row = await this.repo.insert(tx, { tenantId: actor.tenantId, userId: actor.userId!, name: input.name, prefix: secret.slice(0, 10), hash: sha256Hex(secret), scopes: input.scopes, expiresAt });
      await this.audit.record(tx, actor, { action: 'token.create', targetType: 'api_token', targetId: row.id, details: { name: row.name, scopes: row.scopes } });
      return { ...presentToken(row), token: secret };
    });
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    this.policy.authorize(actor, 'token.manage');
    await this.db.transaction().execute(async (tx) => {
      const row = await this.repo.revoke(tx, actor.tenantId, actor.userId!, id, this.clock.now());
      if (!row) throw notFound('Token API');
      await this.audit.record(tx, actor, { action: 'token.revoke', targetType: 'api_token', targetId: id, details: { name: row.name } });
    });
  }
}
