// Search as a reader sees it: which words meet, what the query becomes, and the snippet under each result.
import { describe, expect, it } from 'vitest';
import { ftsQuery, indexText, searchStem, searchTerms, snippet } from '../../../src/text/search.ts';

const text = (parts: { text: string; match: boolean }[]) => parts.map((p) => p.text).join('');
const marked = (parts: { text: string; match: boolean }[]) => parts.filter((p) => p.match).map((p) => p.text);

describe('searchStem', () => {
  it.each([
    ['والبيت', 'بيت'],
    ['فالبيت', 'بيت'],
    ['بالبيت', 'بيت'],
    ['كالبيت', 'بيت'],
    ['للبيت', 'بيت'],
    ['البيت', 'بيت'],
    ['وطنه', 'طنه'],
    ['البر', 'بر'],
    ['فهمت', 'همت'],
  ])('strips the attached prefix of %s', (word, stem) => {
    expect(searchStem(word)).toBe(stem);
  });

  it.each([['وطن'], ['فهم'], ['كشاف'], ['الم'], ['لله'], ['ال'], ['بيت']])(
    'keeps %s whole: too short to hold a prefix',
    (word) => {
      expect(searchStem(word)).toBe(word);
    },
  );
});

describe('searchTerms and the index', () => {
  it('folds, splits at anything that is not a letter or digit, and stems each word', () => {
    expect(searchTerms('فالمسؤولون، وَالْـمدينة (٢٠٢٦)!')).toEqual(['مسوولون', 'مدينه', '2026']);
    expect(indexText('فالمسؤولون وَالْـمدينة')).toBe('مسوولون مدينه');
  });
});

describe('ftsQuery', () => {
  it('keeps at most 12 distinct terms, the last as a prefix', () => {
    const query = Array.from({ length: 14 }, (_, i) => `w${i}`).join(' ');
    expect(ftsQuery(query)).toBe('"w0" "w1" "w2" "w3" "w4" "w5" "w6" "w7" "w8" "w9" "w10" "w11"*');
    expect(ftsQuery('تركيا وتركيا')).toBe('"تركيا"*');
  });
});

describe('snippet', () => {
  const words = Array.from({ length: 60 }, (_, i) => `كلمة${i}`);
  words[40] = 'تركيا';
  const long = words.join(' ');

  it('shows maxWords words around the first match, a third of them before it, with ellipses where text was cut', () => {
    const parts = snippet(long, 'تركيا', 10);
    expect(text(parts)).toBe('… كلمة37 كلمة38 كلمة39 تركيا كلمة41 كلمة42 كلمة43 كلمة44 كلمة45 كلمة46  …');
    expect(marked(parts)).toEqual(['تركيا']);
  });

  it('shows 30 words by default, never the whole article', () => {
    const shown = text(snippet(long, 'تركيا'))
      .split(/\s+/)
      .filter((w) => /\p{L}/u.test(w));
    expect(shown).toHaveLength(30);
    expect(shown[0]).toBe('كلمة30');
  });

  it('starts at the beginning, without an ellipsis, when the match is early', () => {
    const parts = snippet(long, 'كلمة2', 10);
    expect(text(parts)).toMatch(/^كلمة0 كلمة1 كلمة2 /);
    expect(text(parts).endsWith(' …')).toBe(true);
  });

  it('adds no ellipsis when the window reaches the last word exactly', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `ك${i}`).join(' ');
    expect(text(snippet(ten, 'ك1', 10))).toBe(ten);
    expect(snippet('أنقرة تركيا ', 'تركيا', 1)).toEqual([
      { text: '… ', match: false },
      { text: 'تركيا', match: true },
      { text: ' ', match: false },
    ]);
  });

  it('counts words, not runs of spaces, and keeps the spacing as written', () => {
    expect(text(snippet('أ  ب  ج  د  تركيا  هـ', 'تركيا', 3))).toBe('… د  تركيا  هـ');
  });

  it('passes over punctuation between words', () => {
    expect(snippet('قال — المسؤول', 'مسوول')).toEqual([
      { text: 'قال — ', match: false },
      { text: 'المسؤول', match: true },
    ]);
  });

  it('shows short text whole, unmarked, when nothing matches', () => {
    expect(snippet('لا شيء هنا', 'غائب')).toEqual([{ text: 'لا شيء هنا', match: false }]);
  });

  it('marks every word of a multi-word query, each on its own', () => {
    const parts = snippet('زار الوفد التركي أنقرة اليوم', 'الوفد التركي');
    expect(parts).toEqual([
      { text: 'زار ', match: false },
      { text: 'الوفد', match: true },
      { text: ' ', match: false },
      { text: 'التركي', match: true },
      { text: ' أنقرة اليوم', match: false },
    ]);
  });

  it('marks words that begin with a typed prefix, in any spelling', () => {
    expect(marked(snippet('زار الوفد التركي أنقرة وتركيا اليوم', 'ترك'))).toEqual(['التركي', 'وتركيا']);
    expect(marked(snippet('قال المسؤول', 'مسوول'))).toEqual(['المسؤول']);
  });
});
