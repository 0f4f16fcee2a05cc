/**
 * JSON representations of comments. Public ones carry no email, IP hash or user agent; only the admin
 * representation does, and only the admin API uses it.
 */
import type { CommentThread as CommentThreadJson, ResponseOf } from '../contracts/responses.ts';
import type { Comment, CommentThread, PublicComment } from '../domain/comment.ts';

/** A comment as the public API shows it. */
export const commentJson = (c: PublicComment): ResponseOf<'Comment'> => ({
  id: c.id,
  parent_id: c.parentId,
  author: { name: c.authorName, url: c.authorUrl },
  body: c.body,
  created_at: c.createdAt,
  reply_count: c.replyCount,
  agree_count: c.agreeCount,
  ...(c.role ? { role: c.role } : {}),
  ...(c.pinned ? { pinned: true } : {}),
});

/** A comment with its visible replies, nested. */
export const threadJson = (t: CommentThread): CommentThreadJson => ({
  ...commentJson(t),
  replies: t.replies.map(threadJson),
});

/** A comment as moderators see it (admin API only). */
export const adminCommentJson = (c: Comment): ResponseOf<'AdminComment'> => ({
  id: c.id,
  article_slug: c.articleSlug,
  parent_id: c.parentId,
  depth: c.depth,
  status: c.status,
  author: { name: c.authorName, email: c.authorEmail, url: c.authorUrl },
  body: c.body,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
  ip_hash: c.ipHash,
  user_agent: c.userAgent,
});
