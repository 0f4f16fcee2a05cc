/**
 * Personal-data requests by email (GDPR articles 15 and 17): every comment with that address in any status, with
 * its moderation history; and the WordPress-style anonymisation. Emails compare case-insensitively, as everywhere.
 */
import type { Comment } from '../domain/comment.ts';
import { ALL_COLUMNS, type CommentRow, toComment } from './comment-rows.ts';
import type { Db } from './db.ts';
import { REMOVED_IP_HASH } from './retention.ts';

/** The name an anonymised comment shows, as WordPress's «Anonymous». */
const ANONYMOUS_NAME = 'مجهول';

/** One entry of a comment's moderation history. */
export interface LogEntry {
  from: string;
  to: string;
  actor: string;
  at: string;
}

/** Every comment with this email, oldest first, each with its moderation history. */
export async function listCommentsByEmail(db: Db, email: string): Promise<Array<Comment & { log: LogEntry[] }>> {
  const { results } = await db
    .prepare(
      `SELECT ${ALL_COLUMNS}, (SELECT json_group_array(json_object('from', from_status, 'to', to_status, 'actor', actor, 'at', at))
         FROM (SELECT * FROM moderation_log WHERE comment_id = comments.id ORDER BY id)) AS log
       FROM comments WHERE author_email = ?1 COLLATE NOCASE ORDER BY id`,
    )
    .bind(email)
    .all<CommentRow & { log: string }>();
  return results.map((row) => ({ ...toComment(row), log: JSON.parse(row.log) as LogEntry[] }));
}

/**
 * Anonymises every comment with this email in one transaction: the name becomes «مجهول», email, website, IP hash and
 * user agent are cleared (the schema needs a value: a unique `erased-<id>@anonymous.invalid` and a zero hash), the
 * text stays. Bumps the version of each article concerned, so pages, API and feeds change their ETags at once.
 * Returns how many comments were anonymised.
 */
export async function anonymiseByEmail(db: Db, email: string): Promise<number> {
  const [, updated] = await db.batch([
    db
      .prepare(
        `INSERT INTO comment_versions (article_slug, version)
         SELECT DISTINCT article_slug, 1 FROM comments WHERE author_email = ?1 COLLATE NOCASE AND true
         ON CONFLICT (article_slug) DO UPDATE SET version = version + 1`,
      )
      .bind(email),
    db
      .prepare(
        `UPDATE comments SET author_name = ?2, author_email = 'erased-' || id || '@anonymous.invalid', author_url = NULL,
           ip_hash = ?3, user_agent = ''
         WHERE author_email = ?1 COLLATE NOCASE`,
      )
      .bind(email, ANONYMOUS_NAME, REMOVED_IP_HASH),
  ]);
  return updated?.meta.changes ?? 0;
}
