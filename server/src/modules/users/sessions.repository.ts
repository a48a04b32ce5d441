import type { Executor } from '../../platform/db/database.ts';

export interface NewSession {
  idHash: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export class SessionsRepository {
  async insert(db: Executor, s: NewSession): Promise<void> {
    await db
      .insertInto('sessions')
      .values({ id: s.idHash, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt, ip: s.ip, user_agent: s.userAgent })
      .execute();
  }

  /** A live session with its user (both still valid). */
  findLive(db: Executor, idHash: string, now: Date) {
    return db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.csrf_token as csrf_token', 'sessions.expires_at as session_expires_at'])
      .where('sessions.id', '=', idHash)
      .where('sessions.expires_at', '>', now)
      .where('users.disabled', '=', false)
      .executeTakeFirst();
  }

  async delete(db: Executor, idHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', idHash).execute();
  }

  /** Ends every session of a user except, optionally, the one making the change. */
  async deleteForUser(db: Executor, userId: string, exceptIdHash?: string): Promise<void> {
    let q = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptIdHash) q = q.where('id', '!=', exceptIdHash);
    await q.execute();
  }

  async deleteExpired(db: Executor, now: Date): Promise<number> {
    const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
