/**
 * Comments opened or closed on one article from the desk (D1), overriding front matter and the site's age rule.
 */
import { bumpVersion } from './comment-rows.ts';
import type { Db } from './db.ts';

/** The desk's decision for an article, or null when it made none. */
export async function getCommentState(db: Db, slug: string): Promise<'open' | 'closed' | null> {
  return db
    .prepare('SELECT state FROM article_comment_states WHERE article_slug = ?1')
    .bind(slug)
    .first<'open' | 'closed'>('state');
}

/** Opens or closes comments on an article; bumps its comment version so pages and ETags change at once. */
export async function setCommentState(db: Db, slug: string, state: 'open' | 'closed', actor: string, at: string): Promise<void> {
  await db.batch([
    db
      .prepare(
        `INSERT INTO article_comment_states (article_slug, state, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (article_slug) DO UPDATE SET state = excluded.state, changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
      )
      .bind(slug, state, actor, at),
    bumpVersion(db, slug),
  ]);
}
