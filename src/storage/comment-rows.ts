/**
 * The comments table as D1 returns it, and the statements every writer of comments adds to its batch (the
 * article's version bump, the visibility refresh). snake_case rows are mapped to domain types here and never leave
 * the storage modules.
 */
import type { Comment, CommentStatus, PublicComment } from '../domain/comment.ts';
import { REFRESH_VISIBILITY_SQL } from './comment-visibility.ts';
import type { Db } from './db.ts';

/** A comments row as D1 returns it (other storage modules of comments map it with `toComment`). */
export interface CommentRow {
  id: number;
  article_slug: string;
  parent_id: number | null;
  depth: number;
  author_name: string;
  author_email: string;
  author_url: string | null;
  body: string;
  status: CommentStatus;
  created_at: string;
  updated_at: string;
  ip_hash: string;
  user_agent: string;
  reply_count: number;
  agree_count: number;
  author_role: 'reader' | 'newsroom';
  /** When a moderator pinned it to the top of its article (migration 0012); null when not pinned. */
  pinned_at: string | null;
}

export type PublicRow = Pick<
  CommentRow,
  | 'id'
  | 'parent_id'
  | 'depth'
  | 'author_name'
  | 'author_url'
  | 'body'
  | 'created_at'
  | 'reply_count'
  | 'agree_count'
  | 'author_role'
  | 'pinned_at'
>;

/** The columns readers may see, for SELECTs. */
export const PUBLIC_COLUMNS =
  'id, parent_id, depth, author_name, author_url, body, created_at, reply_count, agree_count, author_role, pinned_at';
/** Every column of `CommentRow`, for SELECTs. */
export const ALL_COLUMNS = `${PUBLIC_COLUMNS}, article_slug, author_email, status, updated_at, ip_hash, user_agent`;

/** Maps a public row to the domain type. */
export const toPublic = (row: PublicRow): PublicComment => ({
  id: row.id,
  parentId: row.parent_id,
  depth: row.depth,
  authorName: row.author_name,
  authorUrl: row.author_url,
  body: row.body,
  createdAt: row.created_at,
  replyCount: row.reply_count,
  agreeCount: row.agree_count,
  ...(row.author_role === 'newsroom' ? { role: 'newsroom' as const } : {}),
  ...(row.pinned_at ? { pinned: true as const } : {}),
});

/** Maps a full row to the domain type. */
export const toComment = (row: CommentRow): Comment => ({
  ...toPublic(row),
  articleSlug: row.article_slug,
  authorEmail: row.author_email,
  status: row.status,
  updatedAt: row.updated_at,
  ipHash: row.ip_hash,
  userAgent: row.user_agent,
});

/** Bumps the article's comment version in the same batch as a change readers can see. */
export const bumpVersion = (db: Db, slug: string) =>
  db
    .prepare(
      'INSERT INTO comment_versions (article_slug, version) VALUES (?1, 1) ON CONFLICT (article_slug) DO UPDATE SET version = version + 1',
    )
    .bind(slug);

/**
 * Recomputes which comments of an article readers can see (the `visible` column): approved, with every ancestor
 * approved. Part of every batch that changes a status or a parent, so lists, counts, feeds, search and single reads
 * all follow one rule.
 */
export const refreshVisibility = (db: Db, slug: string) => db.prepare(REFRESH_VISIBILITY_SQL).bind(slug);
