import { describe, expect, it } from 'vitest';
import { foldForMatching, hasVisibleText } from '../../../src/text/fold.ts';
import { searchTerms } from '../../../src/text/search.ts';

describe('foldForMatching', () => {
  it.each([
    ['zero-width space', 'ق\u200Bمار'],
    ['soft hyphen', 'ق\u00ADمار'],
    ['word joiner', 'قم\u2060ار'],
    ['zero-width joiner and non-joiner', 'ق\u200Dم\u200Cار'],
    ['Arabic presentation forms', 'ﻗﻤﺎﺭ'],
    ['tashkeel and tatweel', 'قِمـــار'],
    ['RLM and ALM', '\u200Fقم\u061Cار'],
  ])('folds %s onto the plain word', (_, variant) => {
    expect(foldForMatching(variant)).toBe('قمار');
  });

  it('folds fullwidth and compatibility letters, and case', () => {
    expect(foldForMatching('ＣＡＳ\u00ADＩＮＯ')).toBe('casino');
    expect(foldForMatching('ﬁnance')).toBe('finance');
  });
});

describe('hasVisibleText', () => {
  it('is false for whitespace and invisible characters only', () => {
    expect(hasVisibleText('\u200B \u2060\u00AD\u200E')).toBe(false);
    expect(hasVisibleText('\u200Bا')).toBe(true);
  });
});

describe('search terms', () => {
  it('fold the same way as word lists and duplicates: invisible and look-alike characters find the plain word', () => {
    expect(searchTerms('ﻗ\u200Bﻤﺎﺭ والـﺘﺮﻛﻴﺔ ＡＢＣ')).toEqual(searchTerms('قمار التركية abc'));
  });
});
