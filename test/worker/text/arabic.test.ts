import { describe, expect, it } from 'vitest';
import { characterCount, cleanBody, cleanName, foldArabic } from '../../../src/text/arabic.ts';

describe('cleanName', () => {
  it('removes bidi embedding, override and isolate controls and control characters', () => {
    expect(cleanName('\u202Eأحمد\u202C \u2066علي\u2069')).toBe('أحمد علي');
    expect(cleanName('a\u0000b\tc\nd')).toBe('a b c d');
  });
  it('normalises to NFC and collapses spaces', () => {
    expect(cleanName('  أنقرة'.normalize('NFD'))).toBe('أنقرة');
  });
});

describe('cleanBody', () => {
  it('keeps line breaks and tabs, unifies CRLF, drops other control characters, keeps everything else as typed', () => {
    expect(cleanBody('سطر\r\nسطر\u0007\tب\u202Eج')).toBe('سطر\nسطر\tب\u202Eج');
  });
});

describe('foldArabic', () => {
  it.each([
    ['تُرْكِيَا', 'تركيا'],
    ['تركيـــا', 'تركيا'],
    ['أنقرة', 'انقره'],
    ['إبراهيم', 'ابراهيم'],
    ['آدا', 'ادا'],
    ['ليبية', 'ليبيه'],
    ['مصطفى', 'مصطفي'],
    ['ایران کرمان', 'ايران كرمان'],
    ['٢٠٢٦ ۱۴۰۵', '2026 1405'],
    ['ABC', 'abc'],
  ])('folds %s like %s', (a, b) => {
    expect(foldArabic(a)).toBe(foldArabic(b));
  });
});

describe('characterCount', () => {
  it('counts characters, not bytes or UTF-16 units', () => {
    expect(characterCount('ب'.repeat(123))).toBe(123);
    expect(characterCount('😀')).toBe(1);
  });
});
