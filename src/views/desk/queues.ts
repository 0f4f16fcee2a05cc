/**
 * The desk's queues and actions, with their Arabic names: one table the navigation, the pages and the routes share.
 */
import type { CommentStatus } from '../../domain/comment.ts';
import type { ModerationAction, Queue } from '../../domain/moderation-actions.ts';

export { QUEUES, type Queue } from '../../domain/moderation-actions.ts';

/** Queue names as the desk shows them. */
export const QUEUE_NAMES: Record<Queue, string> = {
  pending: 'بانتظار المراجعة',
  approved: 'المنشورة',
  spam: 'المزعجة',
  trash: 'المهملات',
  reported: 'المُبلَّغ عنها',
};

/** Status names, on each comment. */
export const STATUS_NAMES: Record<CommentStatus, string> = {
  pending: 'بانتظار المراجعة',
  approved: 'منشور',
  spam: 'مزعج',
  trash: 'في المهملات',
};

/** Action buttons, and what the confirmation says after them. */
export const ACTION_NAMES: Record<ModerationAction, { button: string; done: string }> = {
  approve: { button: 'اعتماد', done: 'اعتُمد' },
  unapprove: { button: 'إلغاء الاعتماد', done: 'أُعيد إلى المراجعة' },
  spam: { button: 'مزعج', done: 'نُقل إلى المزعجة' },
  trash: { button: 'إلى المهملات', done: 'نُقل إلى المهملات' },
  restore: { button: 'استعادة', done: 'استُعيد' },
  delete: { button: 'حذف نهائي', done: 'حُذف نهائياً' },
};

/** The actions that make sense on a comment in each status (a reported comment may be any). */
export const ACTIONS_FOR: Record<CommentStatus, ModerationAction[]> = {
  pending: ['approve', 'spam', 'trash'],
  approved: ['unapprove', 'spam', 'trash'],
  spam: ['approve', 'trash', 'delete'],
  trash: ['restore', 'delete'],
};

/** The pin row action (approved top-level comments only): its buttons, and what the confirmation says after them. */
export const PIN_NAMES = {
  pin: { button: 'تثبيت أعلى المقال', done: 'ثُبّت التعليق أعلى مقاله' },
  unpin: { button: 'إلغاء التثبيت', done: 'أُلغي تثبيت التعليق' },
} as const;

/** One of the pin actions. */
export type PinAction = keyof typeof PIN_NAMES;

/** Whether a value names a pin action. */
export const isPinAction = (value: unknown): value is PinAction => value === 'pin' || value === 'unpin';
