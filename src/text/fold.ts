/**
 * The one comparison form of reader text. Word lists, duplicate detection and search all compare text through
 * foldForMatching, so a look-alike or invisible character that gets past one of them gets past none.
 */
import { foldArabic } from './arabic.ts';

/**
 * Code points that render as nothing (zero-width space and joiners, soft hyphen, word joiner, bidi marks, variation
 * selectors, tag characters…): Unicode's Default_Ignorable_Code_Point property.
 */
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * Folds text for comparison: Unicode compatibility normalisation (NFKC: Arabic presentation forms such as ﻗﻤﺎﺭ become
 * قمار, fullwidth ＣＡＳＩＮＯ becomes CASINO), default-ignorable code points removed (ZWSP, ZWJ/ZWNJ, soft hyphen, word
 * joiner, LRM/RLM/ALM…), then Arabic folding (tashkeel and tatweel removed, one alef, ة → ه, ى → ي, Persian letters,
 * Arabic-Indic digits, lower case, single spaces; see foldArabic).
 *
 * Use it wherever two texts written by people are compared: moderation word lists, duplicate comments, search terms,
 * imported comments, moderators' filters. Never store or show its output: it is a key, not text.
 * @example foldForMatching('ﻗ\u200Bﻤﺎﺭ') === foldForMatching('قِمـــار') // true
 * @example foldForMatching('ＣＡＳ\u00ADＩＮＯ') // 'casino'
 */
export function foldForMatching(text: string): string {
  return foldArabic(text.normalize('NFKC').replace(DEFAULT_IGNORABLE, ''));
}

/**
 * Whether text has anything a reader can see: not only whitespace and default-ignorable code points.
 * @example hasVisibleText('\u200B \u2060') // false
 */
export const hasVisibleText = (text: string): boolean => /\S/u.test(text.replace(DEFAULT_IGNORABLE, ''));
