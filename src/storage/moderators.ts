/**
 * Moderator accounts, their desk sessions and failed sign-ins in D1 (schema in migrations/0005_create_desk.sql).
 * Sessions are stored by the sha-256 of their id, so a copy of the database holds no usable cookie.
 */
import type { PasswordHash } from '../domain/password.ts';
import type { Db } from './db.ts';

/** A moderator account with its password hash (never leaves the sign-in path). */
export interface ModeratorAccount {
  id: number;
  name: string;
  password: PasswordHash;
  disabled: boolean;
}

/** A live desk session: who is signed in and the CSRF token of their forms. */
export interface DeskSession {
  moderatorId: number;
  moderatorName: string;
  csrfToken: string;
  expiresAt: string;
}

/** The account called `name` (case-insensitive), or null. */
export async function findModerator(db: Db, name: string): Promise<ModeratorAccount | null> {
  const row = await db
    .prepare('SELECT id, name, password_hash, salt, iterations, disabled_at FROM moderators WHERE name = ?1')
    .bind(name)
    .first<{ id: number; name: string; password_hash: string; salt: string; iterations: number; disabled_at: string | null }>();
  return row
    ? {
        id: row.id,
        name: row.name,
        password: { hash: row.password_hash, salt: row.salt, iterations: row.iterations },
        disabled: row.disabled_at !== null,
      }
    : null;
}

/** Stores a new session. */
export async function createSession(
  db: Db,
  s: { idHash: string; moderatorId: number; csrfToken: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .prepare('INSERT INTO desk_sessions (id_hash, moderator_id, csrf_token, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)')
    .bind(s.idHash, s.moderatorId, s.csrfToken, s.createdAt, s.expiresAt)
    .run();
}

/** The session with this id hash if it is unexpired, not revoked, and its account is not disabled; else null. */
export async function getLiveSession(db: Db, idHash: string, now: string): Promise<DeskSession | null> {
  const row = await db
    .prepare(
      `SELECT s.moderator_id, m.name, s.csrf_token, s.expires_at FROM desk_sessions s JOIN moderators m ON m.id = s.moderator_id
       WHERE s.id_hash = ?1 AND s.revoked_at IS NULL AND s.expires_at > ?2 AND m.disabled_at IS NULL`,
    )
    .bind(idHash, now)
    .first<{ moderator_id: number; name: string; csrf_token: string; expires_at: string }>();
  return row
    ? { moderatorId: row.moderator_id, moderatorName: row.name, csrfToken: row.csrf_token, expiresAt: row.expires_at }
    : null;
}

/** Ends a session on the server: its cookie no longer opens the desk. */
export async function revokeSession(db: Db, idHash: string, at: string): Promise<void> {
  await db.prepare('UPDATE desk_sessions SET revoked_at = ?2 WHERE id_hash = ?1 AND revoked_at IS NULL').bind(idHash, at).run();
}

/** Records a failed sign-in against each scope (account and client), dropping failures older than `expiredBefore`. */
export async function recordSigninFailure(db: Db, scopes: string[], at: string, expiredBefore: string): Promise<void> {
  await db.batch([
    db.prepare('DELETE FROM signin_failures WHERE at <= ?1').bind(expiredBefore),
    ...scopes.map((scope) => db.prepare('INSERT INTO signin_failures (scope, at) VALUES (?1, ?2)').bind(scope, at)),
  ]);
}

/** Failed sign-ins per scope since `since`. */
export async function countSigninFailures(db: Db, scopes: string[], since: string): Promise<Map<string, number>> {
  const { results } = await db
    .prepare(
      'SELECT scope, count(*) AS n FROM signin_failures WHERE scope IN (SELECT value FROM json_each(?1)) AND at > ?2 GROUP BY scope',
    )
    .bind(JSON.stringify(scopes), since)
    .all<{ scope: string; n: number }>();
  return new Map(results.map((r) => [r.scope, r.n]));
}
