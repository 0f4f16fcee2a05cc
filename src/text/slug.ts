/**
 * Slugs and anchor ids. Arabic letters are kept as they are (URLs and ids may be Arabic);
 * everything is NFC so the same words always give the same slug.
 */

import { MARKS_AND_TATWEEL } from './arabic.ts';

/** A slug: lower-case letters (any script) and digits, in runs joined by single hyphens. */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{N}]+)*$/u;

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
    .replace(MARKS_AND_TATWEEL, '')
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
