// Arabic folding as readers and moderators meet it: each spelling variant matches its base letter, in a word.
import { describe, expect, it } from 'vitest';
import { characterCount, cleanBody, cleanName, foldArabic } from '../../../src/text/arabic.ts';

describe('foldArabic: every letter variant folds to its base letter', () => {
  it.each([
    ['أ', 'ا'],
    ['إ', 'ا'],
    ['آ', 'ا'],
    ['ٱ', 'ا'],
    ['ٲ', 'ا'],
    ['ٳ', 'ا'],
    ['ة', 'ه'],
    ['ى', 'ي'],
    ['ی', 'ي'],
    ['ې', 'ي'],
    ['ک', 'ك'],
    ['ڪ', 'ك'],
    ['ؤ', 'و'],
    ['ئ', 'ي'],
  ])('%s inside a word reads as %s', (variant, base) => {
    expect(foldArabic(`مس${variant}ول`)).toBe(foldArabic(`مس${base}ول`));
    expect(foldArabic(`مس${variant}ول`)).toHaveLength(5);
  });

  it('«مسؤول» matches «مسوول»', () => {
    expect(foldArabic('مسؤول')).toBe(foldArabic('مسوول'));
  });

  it('folds every variant of a text, not only the first', () => {
    expect(foldArabic('أإآ ؤئ')).toBe('ااا وي');
  });

  it('leaves base letters and other scripts as they are', () => {
    expect(foldArabic('ابتثجحخدذرزسشصضطظعغفقكلمنهوي')).toBe('ابتثجحخدذرزسشصضطظعغفقكلمنهوي');
  });
});

describe('foldArabic: marks, digits, case and spaces', () => {
  it('drops tashkeel, Quranic marks and tatweel, keeping the letters', () => {
    expect(foldArabic('مُحَمَّدٌ')).toBe('محمد');
    expect(foldArabic('الرَّحْمٰنِ')).toBe('الرحمن');
    expect(foldArabic('كتـــــاب')).toBe('كتاب');
    expect(foldArabic('ص\u0610لى ق\u06D6ا\u06DFل\u06EA')).toBe('صلي قال');
  });

  it('reads Arabic-Indic and Extended Arabic-Indic digits as Latin ones', () => {
    expect(foldArabic('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(foldArabic('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('lower-cases Latin letters and makes every run of spaces, tabs or lines one space, trimmed', () => {
    expect(foldArabic('  Casino\t\tROYAL \n\n بيع  ')).toBe('casino royal بيع');
  });

  it('is NFC: a decomposed hamza folds like the composed letter', () => {
    expect(foldArabic('مسو\u0654ول')).toBe(foldArabic('مسوول'));
  });
});

describe('cleanName', () => {
  it('turns control characters into spaces, drops bidi controls, collapses and trims spaces', () => {
    expect(cleanName('\u202Eأحمد\u202C\u0007علي\u2066 \u2069 سالم\u0085بن\n')).toBe('أحمد علي سالم بن');
  });
});

describe('cleanBody', () => {
  it('unifies CRLF and lone CR to LF, keeps tabs, drops other controls, trims the ends only', () => {
    expect(cleanBody('  سطر\r\nسطر\rسطر\t\u0000مسافة\u001B  داخلية\u007F\u009F  ')).toBe('سطر\nسطر\nسطر\tمسافة  داخلية');
  });
});

describe('characterCount', () => {
  it('counts code points: an emoji is one character, an Arabic letter one', () => {
    expect(characterCount('😀ب')).toBe(2);
  });
});

describe('noncharacters', () => {
  it('are removed from names and bodies, leaving the text around them', () => {
    expect(cleanName('أحمد\uFFFE علي\uFDD0')).toBe('أحمد علي');
    expect(cleanBody('نص\uFFFF هنا\u{1FFFE}')).toBe('نص هنا');
  });
});
