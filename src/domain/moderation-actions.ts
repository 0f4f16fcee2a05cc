/**
 * What a moderator can do to a comment, and the status each action leads to. Pure.
 */
import type { CommentStatus } from './comment.ts';

/** The queues a moderator works: one per status, plus comments readers reported. */
export const QUEUES = ['pending', 'approved', 'spam', 'trash', 'reported'] as const;

/** One of QUEUES. */
export type Queue = (typeof QUEUES)[number];

/** Row and bulk actions, on the desk and in the admin API. */
export const MODERATION_ACTIONS = ['approve', 'unapprove', 'spam', 'trash', 'restore', 'delete'] as const;

/** One of MODERATION_ACTIONS. */
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** Most comments one bulk action may name. */
export const MAX_BULK_IDS = 100;

/** The status an action leaves a comment in; `deleted` for deletion for good. Restored comments go back to review. */
export const TARGET_STATUS: Record<ModerationAction, CommentStatus | 'deleted'> = {
  approve: 'approved',
  unapprove: 'pending',
  spam: 'spam',
  trash: 'trash',
  restore: 'pending',
  delete: 'deleted',
};

/** Whether a value names an action. */
export const isModerationAction = (value: unknown): value is ModerationAction =>
  (MODERATION_ACTIONS as readonly unknown[]).includes(value);
