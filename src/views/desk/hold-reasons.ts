/**
 * Why a comment was held (src/domain/comment.ts computes the reasons at submission), as the desk names them.
 */
import type { HoldReason } from '../../domain/comment.ts';

/** Reasons as the desk shows them. */
export const HOLD_REASON_NAMES: Record<HoldReason['code'], string> = {
  blocked: 'البريد أو العميل محظور',
  honeypot: 'ملأ الحقل الخفي (روبوت على الأرجح)',
  'disallowed-word': 'كلمة محظورة',
  links: 'عدد الروابط',
  'moderation-word': 'كلمة تستدعي المراجعة',
  'mode-all': 'كل التعليقات تُراجع',
  'first-comment': 'أول تعليق لهذا البريد',
};
