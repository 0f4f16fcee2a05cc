/**
 * The short privacy notice under the comment form: what is stored, for how long (from the configured retention
 * periods, so it can never say something retention does not do), and how to ask for a copy or erasure.
 */
import type { RetentionSettings } from '../../domain/background-settings.ts';
import { DAYS, pluralize } from '../../text/plural.ts';

/** The notice. */
export function PrivacyNotice({ retention }: { retention: RetentionSettings }) {
  const { clientDays, pendingDays, trashDays, privacyEmail } = retention;
  return (
    <p id="privacy">
      <small>
        نحفظ اسمك وبريدك وموقعك ونص تعليقك ما دام منشورًا، وبصمة مشفّرة لعنوان IP واسم متصفحك {pluralize(clientDays, DAYS)}؛ ويُحذف
        غير المنشور بعد {pluralize(pendingDays + trashDays, DAYS)} على الأكثر. لنسخة من بياناتك أو محوها راسل{' '}
        {privacyEmail ? <a href={`mailto:${privacyEmail}`}>{privacyEmail}</a> : 'هيئة التحرير'}.
      </small>
    </p>
  );
}
