/**
 * The newsroom replies to a comment from the desk: published at once under it, marked as the newsroom's (a role,
 * never an email, in what readers see), with no client data. Only a comment readers can see is replied to.
 */
import { sha256Hex } from '../crypto.ts';
import { type Comment, MAX_DEPTH } from '../domain/comment.ts';
import { insertComment } from '../storage/comments.ts';
import type { Db } from '../storage/db.ts';
import { REMOVED_IP_HASH } from '../storage/retention.ts';
import { characterCount, cleanBody } from '../text/arabic.ts';
import { foldForMatching, hasVisibleText } from '../text/fold.ts';
import { COMMENT_LIMITS } from '../validation/comment.ts';

/** The name the newsroom's replies carry. */
const NEWSROOM_NAME = 'فريق التحرير';
/** The email column requires a value; this one is nobody's and never shown. */
const NEWSROOM_EMAIL = 'newsroom@minbar.invalid';

/** What came of a reply. */
export type NewsroomReplyOutcome = { kind: 'published'; id: number } | { kind: 'not-replyable' } | { kind: 'duplicate' };

/** The reply's text as it will be published, or null when it is empty or longer than a comment may be. */
export function newsroomReplyBody(typed: string): string | null {
  const body = cleanBody(typed);
  return hasVisibleText(body) && characterCount(body) <= COMMENT_LIMITS.body ? body : null;
}

/**
 * Publishes `body` as the newsroom's reply to `parent`.
 * @example await replyAsNewsroom(db, comment, 'شكراً، صحّحنا الخطأ.', new Date()) // { kind: 'published', id: 42 }
 */
export async function replyAsNewsroom(db: Db, parent: Comment, body: string, now: Date): Promise<NewsroomReplyOutcome> {
  if (parent.status !== 'approved' || parent.depth >= MAX_DEPTH) return { kind: 'not-replyable' };
  const result = await insertComment(db, {
    articleSlug: parent.articleSlug,
    parentId: parent.id,
    depth: parent.depth + 1,
    authorName: NEWSROOM_NAME,
    authorEmail: NEWSROOM_EMAIL,
    authorUrl: null,
    body,
    bodyFingerprint: await sha256Hex(foldForMatching(body)),
    status: 'approved',
    createdAt: now.toISOString(),
    ipHash: REMOVED_IP_HASH,
    userAgent: '',
    authorRole: 'newsroom',
  });
  if ('conflict' in result) return { kind: 'duplicate' };
  return { kind: 'published', id: result.id };
}
