/**
 * Every problem `type` the API answers with (`<SITE_URL>/problems/<name>`): its status and what it means, in Arabic
 * for readers and in English for developers. The OpenAPI document carries this table (`x-problem-types`), and
 * `GET /problems/<name>` shows its entry from the published document, so a type URI explains itself while the
 * texts stay out of the Worker's bundle.
 */

/** One problem type. */
export interface ProblemType {
  status: number;
  /** What happened, in Arabic. */
  ar: string;
  /** What happened and what to do, in English. */
  en: string;
}

/** The problem types, by name (README.md, "Errors", has the same table). */
export const PROBLEM_TYPES: Record<string, ProblemType> = {
  'bad-request': { status: 400, ar: 'تعذّر فهم الطلب.', en: 'The request (its path) cannot be understood.' },
  'invalid-parameters': {
    status: 400,
    ar: 'معامل أو ترويسة غير صالحة.',
    en: 'A query parameter or header is invalid; see errors.',
  },
  'malformed-body': { status: 400, ar: 'جسم الطلب غير صالح.', en: 'The body is not valid UTF-8, JSON or form data.' },
  'unknown-fields': { status: 400, ar: 'حقول لا يُسمح بإرسالها.', en: 'The body has fields a client may not set.' },
  unauthorized: { status: 401, ar: 'يلزم رمز دخول صالح.', en: 'Send Authorization: Bearer <ADMIN_TOKEN>.' },
  forbidden: { status: 403, ar: 'الطلب مرفوض.', en: 'A form post from another site.' },
  'comments-closed': { status: 403, ar: 'أُغلق باب التعليق.', en: 'Comments on this article are closed.' },
  'invalid-parent': {
    status: 403,
    ar: 'لا يمكن الرد على هذا التعليق.',
    en: 'parent_id is not a visible comment here, or is too deep.',
  },
  'not-found': { status: 404, ar: 'لا يوجد ما تبحث عنه.', en: 'No such article, comment or route.' },
  'method-not-allowed': { status: 405, ar: 'طريقة الطلب غير مسموح بها.', en: 'Use a method listed in Allow.' },
  'not-acceptable': { status: 406, ar: 'الصيغة المطلوبة غير متاحة.', en: 'Accept allows no representation of this route.' },
  conflict: { status: 409, ar: 'تعارض مع حالة المورد.', en: 'The request conflicts with the current state.' },
  'duplicate-comment': { status: 409, ar: 'التعليق نفسه موجود من قبل.', en: 'The same comment already exists.' },
  'idempotency-in-progress': {
    status: 409,
    ar: 'الطلب الأول ما زال قيد المعالجة.',
    en: 'Retry after Retry-After seconds for the first response.',
  },
  'payload-too-large': { status: 413, ar: 'المحتوى أكبر مما نقبله.', en: 'The body is larger than any valid comment.' },
  'unsupported-media-type': { status: 415, ar: 'صيغة الجسم غير مقبولة.', en: 'Send application/json.' },
  'validation-failed': { status: 422, ar: 'في أحد الحقول خطأ.', en: 'A field is invalid; errors has Arabic messages by field.' },
  'idempotency-key-reused': {
    status: 422,
    ar: 'المفتاح مستعمل لطلب آخر.',
    en: 'This Idempotency-Key was used for a different request.',
  },
  'too-many-requests': { status: 429, ar: 'طلبات كثيرة.', en: 'Wait Retry-After seconds.' },
  'too-fast': { status: 429, ar: 'أرسلت تعليقاً قبل لحظات.', en: 'Comments must be 15 seconds apart; wait Retry-After seconds.' },
  'rate-limited': {
    status: 429,
    ar: 'تعليقات كثيرة في وقت قصير.',
    en: 'Over 10 comment attempts a minute; wait Retry-After seconds.',
  },
  'internal-error': { status: 500, ar: 'حدث خطأ من جهتنا.', en: 'An unexpected failure, logged on our side.' },
  misconfigured: { status: 500, ar: 'إعدادات الموقع غير صحيحة.', en: 'A var or secret is wrong; detail names it.' },
  unavailable: {
    status: 503,
    ar: 'الخدمة غير متاحة مؤقتاً.',
    en: 'Storage cannot be read right now, or a secret is missing; wait Retry-After seconds.',
  },
};
