/**
 * Every problem `type` the API answers with (`<SITE_URL>/problems/<name>`): its status and what it means, in Arabic
 * for readers and in English for developers. `GET /problems/<name>` shows it, so a type URI explains itself.
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
  'bad-request': {
    status: 400,
    ar: 'تعذّر فهم الطلب.',
    en: 'The request could not be understood (for example a path that is not valid percent-encoded UTF-8).',
  },
  'invalid-parameters': {
    status: 400,
    ar: 'معامل في الاستعلام أو ترويسة غير صالح.',
    en: 'A query parameter or header is malformed or out of range; `errors` names each one.',
  },
  'malformed-body': {
    status: 400,
    ar: 'جسم الطلب ليس نصاً صالحاً أو ليس JSON صالحاً.',
    en: 'The body is not valid UTF-8, not valid JSON, or a form body that cannot be parsed.',
  },
  'unknown-fields': {
    status: 400,
    ar: 'في الطلب حقول لا يُسمح بإرسالها.',
    en: 'The body has fields a client may not set (status, id, dates…).',
  },
  unauthorized: {
    status: 401,
    ar: 'يلزم رمز دخول صالح.',
    en: 'The admin API needs `Authorization: Bearer <ADMIN_TOKEN>`; it was missing, malformed or wrong.',
  },
  forbidden: { status: 403, ar: 'الطلب مرفوض.', en: 'A form post from another site (CSRF protection).' },
  'comments-closed': { status: 403, ar: 'أُغلق باب التعليق على هذا المقال.', en: 'Comments on this article are closed.' },
  'invalid-parent': {
    status: 403,
    ar: 'التعليق الذي تردّ عليه غير متاح للرد.',
    en: '`parent_id` is not a visible comment of this article, or is 5 levels deep.',
  },
  'not-found': { status: 404, ar: 'لا يوجد ما تبحث عنه.', en: 'No such article, comment, page or route.' },
  'method-not-allowed': {
    status: 405,
    ar: 'لا يقبل هذا العنوان هذا النوع من الطلبات.',
    en: 'The route exists, but not for this method; `Allow` lists the methods it takes.',
  },
  'not-acceptable': {
    status: 406,
    ar: 'الصيغة المطلوبة غير متاحة.',
    en: 'The `Accept` header allows no representation this route has (the API only produces JSON).',
  },
  conflict: {
    status: 409,
    ar: 'يتعارض الطلب مع حالة المورد.',
    en: 'The request conflicts with the current state of the resource.',
  },
  'duplicate-comment': {
    status: 409,
    ar: 'التعليق نفسه موجود من قبل.',
    en: 'The same comment (same article, parent, email and folded text) already exists; a trashed comment cannot be restored while its twin exists.',
  },
  'idempotency-in-progress': {
    status: 409,
    ar: 'الطلب الأول بهذا المفتاح ما زال قيد المعالجة.',
    en: 'The first request with this Idempotency-Key is still running; retry after `Retry-After` seconds to get its response.',
  },
  'payload-too-large': {
    status: 413,
    ar: 'ما أرسلته أكبر مما نقبله.',
    en: 'The body is larger than a comment at its character limits can be in any encoding.',
  },
  'unsupported-media-type': {
    status: 415,
    ar: 'صيغة جسم الطلب غير مقبولة.',
    en: 'A JSON endpoint was sent something other than `application/json`.',
  },
  'validation-failed': {
    status: 422,
    ar: 'في أحد الحقول خطأ.',
    en: 'A field is invalid; `errors` has Arabic messages keyed by field.',
  },
  'idempotency-key-reused': {
    status: 422,
    ar: 'استُعمل مفتاح التكرار لطلب مختلف.',
    en: 'This Idempotency-Key was used for a different request within 24 hours.',
  },
  'too-many-requests': { status: 429, ar: 'طلبات كثيرة في وقت قصير.', en: 'Too many requests; wait `Retry-After` seconds.' },
  'too-fast': {
    status: 429,
    ar: 'أرسلت تعليقاً قبل لحظات.',
    en: 'A second comment from the same network or email within 15 seconds; wait `Retry-After` seconds.',
  },
  'rate-limited': {
    status: 429,
    ar: 'أرسلت تعليقات كثيرة في وقت قصير.',
    en: 'More than 10 comment attempts from one network in 60 seconds; wait `Retry-After` seconds.',
  },
  'internal-error': {
    status: 500,
    ar: 'حدث خطأ من جهتنا.',
    en: 'Something unexpected failed on our side; it was logged and is never described in the response.',
  },
  unavailable: {
    status: 503,
    ar: 'الخدمة غير متاحة مؤقتاً.',
    en: 'The admin API without `ADMIN_TOKEN`, or comments without `IP_HASH_SECRET`.',
  },
};
