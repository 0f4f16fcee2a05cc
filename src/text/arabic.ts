/**
 * Arabic text: cleaning what readers type, and folding text so that spelling variants match
 * (moderation word lists today, search tomorrow). Pure functions.
 */

/**
 * Tashkeel (harakat, tanween, shadda, sukun, dagger alef), Quranic annotation marks and tatweel: they change no
 * word, so folding and slugs drop them. The Quranic range skips U+06DD, U+06DE and U+06E9, which are signs, not marks.
 */
export const MARKS_AND_TATWEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
/** Bidi controls (marks LRM/RLM/ALM, embeddings, overrides, isolates): in a name they could reorder the text around it. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Noncharacters (U+FDD0–FDEF, U+FFFE, U+FFFF and the last two of every plane): never text, and XML forbids some. */
const NONCHARACTERS = /\p{Noncharacter_Code_Point}/gu;
/** C0/C1 control characters except tab and line feed. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is this pattern's job
const CONTROLS_BUT_TAB_LF = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is this pattern's job
const ALL_CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

const LETTER_FOLDS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ی: 'ي',
  ې: 'ي',
  ک: 'ك',
  ڪ: 'ك',
  ؤ: 'و',
  ئ: 'ي',
};
// Stryker disable next-line StringLiteral: any separator only adds characters that fold to themselves (the ?? below)
const LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');
/** Arabic-Indic (U+0660–0669) and Extended Arabic-Indic (U+06F0–06F9) digits. */
const INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * A reader's name as stored: NFC, no control, bidi control (LRM/RLM/ALM included) or noncharacters, single spaces,
 * trimmed.
 * @example cleanName(' \u202Eأحمد\u202C  علي ') // 'أحمد علي'
 */
export function cleanName(text: string): string {
  return text
    .toWellFormed()
    .normalize('NFC')
    .replace(ALL_CONTROLS, ' ')
    .replace(BIDI_CONTROLS, '')
    .replace(NONCHARACTERS, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A comment body as stored: NFC, line breaks as \n, no control characters but tab and line feed, no noncharacters
 * (U+FFFE, U+FFFF…) and no lone surrogates, trimmed.
 * Everything else is kept exactly as typed (it is always shown as escaped text).
 */
export function cleanBody(text: string): string {
  return text
    .toWellFormed()
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS_BUT_TAB_LF, '')
    .replace(NONCHARACTERS, '')
    .trim();
}

/**
 * Folds Arabic spelling variants together: no tashkeel or tatweel, one alef, ta marbuta as ha, alef maqsura and
 * Persian yeh as yeh, Persian kaf as kaf, Arabic-Indic digits as Latin, lower case, single spaces.
 * @example foldArabic('تُرْكِيـــا ٢٠٢٦') === foldArabic('تركيا 2026') // true
 */
export function foldArabic(text: string): string {
  return text
    .normalize('NFC')
    .replace(MARKS_AND_TATWEEL, '')
    .replace(LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter)
    .replace(INDIC_DIGITS, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Number of characters (code points, as the database counts them), not UTF-16 units or bytes. */
export const characterCount = (text: string): number => [...text].length;
