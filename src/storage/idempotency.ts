/**
 * Idempotency-Key records in D1: a request claims its key before it does anything, and the comment insert completes
 * the record with the first response in the same transaction. Read them on the primary (a D1 session started with
 * `first-primary`), never on a replica that may not have seen the claim yet.
 */
import type { Db } from './db.ts';

/** A key's record: in progress (`response` null) or done, with the exact first response. */
export interface IdempotencyRecord {
  requestFingerprint: string;
  createdAt: string;
  response: { status: 201 | 202; body: string; commentId: number } | null;
}

interface IdempotencyRow {
  request_fingerprint: string;
  created_at: string;
  comment_id: number | null;
  response_status: 201 | 202 | null;
  response_body: string | null;
}

/** The record of `key` created after `since` (ISO 8601), or null. */
export async function getIdempotencyRecord(db: Db, key: string, since: string): Promise<IdempotencyRecord | null> {
  const row = await db
    .prepare(
      `SELECT request_fingerprint, created_at, comment_id, response_status, response_body
       FROM idempotency_keys WHERE key = ?1 AND created_at > ?2`,
    )
    .bind(key, since)
    .first<IdempotencyRow>();
  if (!row) return null;
  const done = row.response_status !== null && row.response_body !== null && row.comment_id !== null;
  return {
    requestFingerprint: row.request_fingerprint,
    createdAt: row.created_at,
    response: done
      ? { status: row.response_status as 201 | 202, body: row.response_body as string, commentId: row.comment_id as number }
      : null,
  };
}

/**
 * Claims `key` for a request, after purging records created before `expiredBefore` and claims abandoned before
 * `abandonedBefore` (a Worker that died mid-request). True when this request now owns the key.
 */
export async function claimIdempotencyKey(
  db: Db,
  claim: { key: string; requestFingerprint: string; createdAt: string; expiredBefore: string; abandonedBefore: string },
): Promise<boolean> {
  const [, inserted] = await db.batch<{ key: string }>([
    db
      .prepare('DELETE FROM idempotency_keys WHERE created_at <= ?1 OR (response_status IS NULL AND created_at <= ?2)')
      .bind(claim.expiredBefore, claim.abandonedBefore),
    db
      .prepare(
        `INSERT INTO idempotency_keys (key, request_fingerprint, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO NOTHING RETURNING key`,
      )
      .bind(claim.key, claim.requestFingerprint, claim.createdAt),
  ]);
  return (inserted?.results.length ?? 0) > 0;
}

/** Gives up a claim that produced no stored response (the request was refused or failed), so a retry can run. */
export async function releaseIdempotencyKey(db: Db, key: string): Promise<void> {
  await db.prepare('DELETE FROM idempotency_keys WHERE key = ?1 AND response_status IS NULL').bind(key).run();
}

/**
 * The statement that completes a claimed key with the first response; it must directly follow the comment's INSERT
 * in one batch (it reads `last_insert_rowid()`, which also replaces a top-level `"id"` of the body).
 */
export const completeIdempotencyKey = (db: Db, r: { key: string; responseStatus: 201 | 202; responseBody: string }) =>
  db
    .prepare(
      `UPDATE idempotency_keys SET response_status = ?2, comment_id = last_insert_rowid(),
         response_body = json_replace(?3, '$.id', last_insert_rowid())
       WHERE key = ?1`,
    )
    .bind(r.key, r.responseStatus, r.responseBody);
