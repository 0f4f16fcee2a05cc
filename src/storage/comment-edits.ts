/**
 * Moderators' edits of a comment's name, website and text, with every earlier version kept (D1).
 */
import type { Comment } from '../domain/comment.ts';
import { bumpVersion } from './comment-rows.ts';
import { constraintViolated, type Db } from './db.ts';
import { indexComment, unindexComment } from './search.ts';

/** What an edit sets. */
export interface CommentEdit {
  name: string;
  url: string | null;
  body: string;
  /** sha-256 of the folded body (duplicate detection). */
  bodyFingerprint: string;
}

/** One earlier version. */
export interface EarlierVersion {
  name: string;
  url: string | null;
  body: string;
  editedBy: string;
  editedAt: string;
}

/**
 * Replaces a comment's name, website and text, keeping the previous version, in one transaction (search index and
 * comment version updated when it is public). Returns false when the new text duplicates another comment.
 */
export async function editComment(db: Db, comment: Comment, edit: CommentEdit, actor: string, at: string): Promise<boolean> {
  try {
    await db.batch([
      db
        .prepare(
          `INSERT INTO comment_edits (comment_id, previous_name, previous_url, previous_body, edited_by, edited_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
        )
        .bind(comment.id, comment.authorName, comment.authorUrl, comment.body, actor, at),
      db
        .prepare(
          'UPDATE comments SET author_name = ?2, author_url = ?3, body = ?4, body_fingerprint = ?5, updated_at = ?6 WHERE id = ?1',
        )
        .bind(comment.id, edit.name, edit.url, edit.body, edit.bodyFingerprint, at),
      ...(comment.status === 'approved'
        ? [
            unindexComment(db, comment.id),
            indexComment(db, { id: comment.id, articleSlug: comment.articleSlug, body: edit.body }),
            bumpVersion(db, comment.articleSlug),
          ]
        : []),
    ]);
    return true;
  } catch (error) {
    if (constraintViolated(error) === 'UNIQUE') return false;
    throw error;
  }
}

/** A comment's earlier versions, newest first. */
export async function listEdits(db: Db, commentId: number): Promise<EarlierVersion[]> {
  const { results } = await db
    .prepare(
      `SELECT previous_name AS name, previous_url AS url, previous_body AS body, edited_by AS editedBy, edited_at AS editedAt
       FROM comment_edits WHERE comment_id = ?1 ORDER BY id DESC`,
    )
    .bind(commentId)
    .all<EarlierVersion>();
  return results;
}
