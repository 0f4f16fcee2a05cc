/**
 * Arabic explanations of refused comments, shown above the form with everything typed kept.
 */
import type { RefusalReason } from '../services/submit-comment.ts';

/** The message for a refusal; `retryAfter` seconds where waiting helps. */
export function refusalMessage(reason: RefusalReason, retryAfter = 60): string {
  switch (reason) {
    case 'closed':
      return 'أُغلق باب التعليق على هذا المقال.';
    case 'invalid-parent':
      return 'التعليق الذي تردّ عليه لم يعد متاحاً للرد.';
    case 'duplicate':
      return 'يبدو أنك أرسلت هذا التعليق من قبل.';
    case 'too-fast':
      return `أرسلت تعليقاً قبل لحظات. انتظر ${retryAfter} ثانية ثم أعد الإرسال.`;
    case 'rate-limited':
      return 'أرسلت تعليقات كثيرة في وقت قصير. انتظر دقيقة ثم أعد الإرسال.';
    case 'idempotency-mismatch':
    case 'idempotency-in-progress':
      return 'تعذّر إرسال التعليق. أعد المحاولة.';
  }
}
