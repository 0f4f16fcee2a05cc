import { describe, expect, it } from 'vitest';
import { ftsQuery, indexText, searchStem, searchTerms, snippet } from '../../../src/text/search.ts';

describe('searchTerms', () => {
  it.each([
    ['تُرْكِيَا', 'تركيا'],
    ['تركيـــا', 'تركيا'],
    ['وتركيا', 'تركيا'],
    ['انقرة', 'أنقرة'],
    ['ليبيه', 'الليبية'],
    ['بالليبية', 'ليبية'],
    ['للتعاون', 'التعاون'],
    ['٢٠٢٣', '2023'],
  ])('%s and %s meet', (a, b) => {
    expect(searchTerms(a)).toEqual(searchTerms(b));
  });

  it('keeps short words whole', () => {
    expect([searchStem('ال'), searchStem('وا'), searchStem('ولد')]).toEqual(['ال', 'وا', 'ولد']);
  });

  it('indexes text as its terms', () => {
    expect(indexText('زيارة صدام حفتر لأنقرة.')).toBe('زياره صدام حفتر لانقره');
  });
});

describe('ftsQuery', () => {
  it('quotes every term so FTS5 syntax is only text, and makes the last a prefix', () => {
    expect(ftsQuery('انقرة "تركيا*"')).toBe('"انقره" "تركيا"*');
    expect(ftsQuery('NEAR(a b) OR c')).toBe('"near" "a" "b" "or" "c"*');
  });
  it('has nothing to search for in punctuation alone', () => {
    expect(ftsQuery('"*()"')).toBeNull();
    expect(ftsQuery('   ')).toBeNull();
  });
});

describe('snippet', () => {
  it('marks the original words that match, whatever their spelling', () => {
    const parts = snippet('وصل الوفد إلى أنقرة صباح اليوم', 'انقره');
    expect(parts).toEqual([
      { text: 'وصل الوفد إلى ', match: false },
      { text: 'أنقرة', match: true },
      { text: ' صباح اليوم', match: false },
    ]);
  });
  it('is a window around the first match in long text', () => {
    const text = `${'كلمة '.repeat(50)}تركيا ${'نص '.repeat(50)}`;
    const parts = snippet(text, 'تركيا', 10);
    expect(parts[0]).toEqual({ text: '… ', match: false });
    expect(parts.find((p) => p.match)?.text).toBe('تركيا');
    expect(parts.at(-1)).toEqual({ text: ' …', match: false });
  });
});
