/**
 * A moderator edits a comment's name, website and text, from the desk and the admin API alike: checked as a reader's
 * submission is (the comment's own email kept), saved with the previous version kept in its history.
 */
import { sha256Hex } from '../crypto.ts';
import type { Comment } from '../domain/comment.ts';
import { editComment } from '../storage/comment-edits.ts';
import type { Db } from '../storage/db.ts';
import { foldForMatching } from '../text/fold.ts';
import { parseCommentInput } from '../validation/comment.ts';

/** What a moderator typed: the new name, website ('' for none) and text. */
export interface TypedEdit {
  name: string;
  url: string;
  body: string;
}

/** What came of an edit. */
export type EditOutcome = { kind: 'saved' } | { kind: 'invalid'; errors: Record<string, string[]> } | { kind: 'duplicate' };

/**
 * Checks and saves `typed` as the new content of `comment`, by `actor`.
 * @example await editCommentContent(db, comment, { name: 'سالم', url: '', body: 'نص مصحّح' }, 'huda', new Date())
 */
export async function editCommentContent(
  db: Db,
  comment: Comment,
  typed: TypedEdit,
  actor: string,
  now: Date,
): Promise<EditOutcome> {
  const parsed = parseCommentInput({
    name: typed.name,
    email: comment.authorEmail,
    ...(typed.url ? { url: typed.url } : {}),
    body: typed.body,
  });
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
  const { name, url, body } = parsed.input;
  const saved = await editComment(
    db,
    comment,
    { name, url: url || null, body, bodyFingerprint: await sha256Hex(foldForMatching(body)) },
    actor,
    now.toISOString(),
  );
  return saved ? { kind: 'saved' } : { kind: 'duplicate' };
}
