/**
 * Blocked commenters in D1: an email or a client (IP hash), until a time or for good.
 */
import type { Db } from './db.ts';

/** What is blocked: an email address or a client's IP hash. */
export type BlockKind = 'email' | 'client';

/** One block, as the desk lists it. */
export interface Block {
  kind: BlockKind;
  value: string;
  /** ISO time it ends, or null for good. */
  until: string | null;
  createdBy: string;
  createdAt: string;
}

/** Whether this email or this client is blocked at `now`. */
export async function isBlocked(db: Db, email: string, ipHash: string, now: string): Promise<boolean> {
  const row = await db
    .prepare(
      `SELECT 1 AS yes FROM commenter_blocks
       WHERE ((kind = 'email' AND value = lower(?1)) OR (kind = 'client' AND value = ?2)) AND (until IS NULL OR until > ?3) LIMIT 1`,
    )
    .bind(email, ipHash, now)
    .first();
  return row !== null;
}

/** Blocks (or re-blocks, with the new period) an email or a client. */
export async function addBlock(db: Db, block: Block): Promise<void> {
  await db
    .prepare(
      `INSERT INTO commenter_blocks (kind, value, until, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (kind, value) DO UPDATE SET until = excluded.until, created_by = excluded.created_by, created_at = excluded.created_at`,
    )
    .bind(
      block.kind,
      block.kind === 'email' ? block.value.toLowerCase() : block.value,
      block.until,
      block.createdBy,
      block.createdAt,
    )
    .run();
}

/** The end of a block of `days` days from `now`; 0 days blocks for good (null). */
export const blockUntil = (now: Date, days: number): string | null =>
  days === 0 ? null : new Date(now.getTime() + days * 86_400_000).toISOString();

/** Lifts a block; false when there was none. */
export async function removeBlock(db: Db, kind: BlockKind, value: string): Promise<boolean> {
  const result = await db.prepare('DELETE FROM commenter_blocks WHERE kind = ?1 AND value = ?2').bind(kind, value).run();
  return result.meta.changes > 0;
}

/** Blocks in force at `now`, newest first. */
export async function listBlocks(db: Db, now: string): Promise<Block[]> {
  const { results } = await db
    .prepare(
      `SELECT kind, value, until, created_by AS createdBy, created_at AS createdAt FROM commenter_blocks
       WHERE until IS NULL OR until > ?1 ORDER BY created_at DESC LIMIT 500`,
    )
    .bind(now)
    .all<Block>();
  return results;
}
