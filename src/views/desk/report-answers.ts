/**
 * What a reader is told after sending a report (the desk Worker answers the form's POST).
 */
import type { ReportAnswer } from '../report-page.tsx';

/** The answers, by outcome. */
export const REPORT_ANSWERS = {
  // The same whether this client had reported the comment already: one report per client counts.
  thanks: { text: 'شكراً لك. وصل بلاغك إلى المحررين.' },
  tooMany: { text: 'بلاغات كثيرة. أعد المحاولة بعد ساعة.' },
  missing: { text: 'اختر سبب الإبلاغ.', form: true },
} satisfies Record<string, ReportAnswer>;
