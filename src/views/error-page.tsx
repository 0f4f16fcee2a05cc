/**
 * The Arabic error page: a real status code, a plain explanation, a way home, and never indexed.
 */
import { Layout, SITE_NAME } from './layout.tsx';

const MESSAGES: Record<number, { heading: string; text: string }> = {
  400: { heading: 'طلب غير صالح', text: 'تعذّر فهم هذا الطلب. تحقّق من الرابط وحاول مرة أخرى.' },
  403: { heading: 'الطلب مرفوض', text: 'لا يمكن قبول هذا الطلب. إن كنت ترسل تعليقاً، فأرسله من صفحة المقال نفسها.' },
  404: { heading: 'الصفحة غير موجودة', text: 'لم نجد ما تبحث عنه. ربما نُقلت الصفحة أو لم تُنشر بعد.' },
  405: { heading: 'طريقة الطلب غير مسموح بها', text: 'لا يقبل هذا العنوان هذا النوع من الطلبات.' },
  406: { heading: 'صيغة غير متاحة', text: 'لا تتوفر هذه الصفحة بالصيغة المطلوبة.' },
  413: { heading: 'المحتوى كبير جداً', text: 'ما أرسلته أكبر مما نقبله. اختصره ثم أعد المحاولة.' },
  429: { heading: 'طلبات كثيرة', text: 'أرسلت طلبات كثيرة في وقت قصير. انتظر دقيقة ثم أعد المحاولة.' },
  503: { heading: 'الخدمة غير متاحة مؤقتاً', text: 'هذه الخدمة غير متاحة الآن. حاول مرة أخرى لاحقاً.' },
  500: { heading: 'حدث خطأ من جهتنا', text: 'نعتذر، حدث خطأ غير متوقع. سُجّل الخطأ وسنعالجه، فحاول مرة أخرى بعد قليل.' },
};

/** The error page for `status`. */
export function ErrorPage({ status }: { status: number }) {
  const message = MESSAGES[status] ?? (status >= 500 ? MESSAGES[500] : MESSAGES[400]) ?? { heading: 'خطأ', text: '' };
  return (
    <Layout title={`${message.heading} | ${SITE_NAME}`} noindex>
      <h1>{message.heading}</h1>
      <p>{message.text}</p>
      <p>
        <a href="/">العودة إلى الصفحة الرئيسية</a>
      </p>
    </Layout>
  );
}
