/**
 * Slugs and anchor ids. Arabic letters are kept as they are (URLs and ids may be Arabic);
 * everything is NFC so the same words always give the same slug.
 */

/** A slug: lower-case letters (any script) and digits, in runs joined by single hyphens. */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{N}]+)*$/u;

/** Arabic diacritics (tashkeel), Quranic marks and tatweel: they change no word, so ids drop them. */
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;

/** True when `value` is a valid slug. */
export const isSlug = (value: string): boolean => SLUG_PATTERN.test(value);

/**
 * A slug made from free text: NFC, lower case, marks removed, every run of other characters a hyphen.
 * @example slugify('زيارات متعددة لوفود رسمية') // 'زيارات-متعددة-لوفود-رسمية'
 */
export function slugify(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, ''); // runs are single hyphens already
}

/**
 * Returns a function that gives each heading text a unique id, numbering repeats (`-2`, `-3`).
 * @example const id = uniqueIds(); id('خلفية'); id('خلفية') // 'خلفية', 'خلفية-2'
 */
export function uniqueIds(fallback = 'section'): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = slugify(text) || fallback;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}
