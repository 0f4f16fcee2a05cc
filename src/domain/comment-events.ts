/**
 * Comment events: what the queue carries to the digest and the webhook. Ids only (never an email, IP hash or
 * text), so a message on the queue or in the dead-letter queue holds no personal data.
 */
import type { CommentStatus } from './comment.ts';

/** Event names, as the webhook's `type` field. */
export type CommentEventType = 'comment.held' | 'comment.approved' | 'comment.spam' | 'comment.trashed' | 'comment.deleted';

/** One queue message. */
export interface CommentEvent {
  type: CommentEventType;
  comment_id: number;
  article_slug: string;
  /** When it happened, ISO 8601 UTC. */
  occurred_at: string;
}

/** The event a moderator's status change produces. */
export const STATUS_EVENTS: Record<CommentStatus, CommentEventType> = {
  pending: 'comment.held',
  approved: 'comment.approved',
  spam: 'comment.spam',
  trash: 'comment.trashed',
};
