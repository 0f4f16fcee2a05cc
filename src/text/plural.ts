/** Arabic plural forms through Intl.PluralRules: Arabic has six (zero, one, two, few, many, other). */

const rules = new Intl.PluralRules('ar');

/** One phrase per plural category; `{n}` is replaced by the number in Latin digits. */
export type PluralForms = Record<Intl.LDMLPluralRule, string>;

/**
 * The phrase for `count` in the right Arabic plural form.
 * @example pluralize(3, MINUTES) // '3 دقائق'
 */
export function pluralize(count: number, forms: PluralForms): string {
  return forms[rules.select(count)].replace('{n}', String(count));
}

/** "n minutes of reading". */
export const READING_MINUTES: PluralForms = {
  zero: 'أقل من دقيقة قراءة',
  one: 'دقيقة قراءة واحدة',
  two: 'دقيقتا قراءة',
  few: '{n} دقائق قراءة',
  many: '{n} دقيقة قراءة',
  other: '{n} دقيقة قراءة',
};

/** "n comments", for the heading of the comments list. */
export const COMMENT_COUNT: PluralForms = {
  zero: 'لا توجد تعليقات بعد',
  one: 'تعليق واحد',
  two: 'تعليقان',
  few: '{n} تعليقات',
  many: '{n} تعليقاً',
  other: '{n} تعليق',
};

/** "n results", for the search page. */
export const SEARCH_RESULTS: PluralForms = {
  zero: 'لا توجد نتائج',
  one: 'نتيجة واحدة',
  two: 'نتيجتان',
  few: '{n} نتائج',
  many: '{n} نتيجة',
  other: '{n} نتيجة',
};

/** "n days", for retention periods. */
export const DAYS: PluralForms = {
  zero: '{n} يوم',
  one: 'يوم واحد',
  two: 'يومان',
  few: '{n} أيام',
  many: '{n} يومًا',
  other: '{n} يوم',
};
