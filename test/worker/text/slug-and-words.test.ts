import { describe, expect, it } from 'vitest';
import { pluralize, READING_MINUTES } from '../../../src/text/plural.ts';
import { isSlug, slugify, uniqueIds } from '../../../src/text/slug.ts';
import { countWords, readingMinutes } from '../../../src/text/words.ts';

describe('slugs and ids', () => {
  it('keeps Arabic letters, drops tashkeel, tatweel and punctuation', () => {
    expect(slugify('وصول «تي جي جي» إلى بنغازي')).toBe('وصول-تي-جي-جي-إلى-بنغازي');
    expect(slugify('تُرْكِيـــا')).toBe('تركيا');
    expect(slugify('Breaking News!')).toBe('breaking-news');
  });
  it('numbers repeated ids', () => {
    const id = uniqueIds();
    expect([id('خلفية'), id('خلفية'), id('«»')]).toEqual(['خلفية', 'خلفية-2', 'section']);
  });
  it.each([
    ['libya', true],
    ['ليبيا', true],
    ['تركيا-2026', true],
    ['Libya', false],
    ['a--b', false],
    ['-a', false],
    ['a b', false],
  ])('%s is a slug: %s', (value, expected) => {
    expect(isSlug(value)).toBe(expected);
  });
});

describe('words and reading time', () => {
  it('counts Arabic words, not punctuation', () => {
    expect(countWords('تركيا، وليبيا «معاً» في 2026.')).toBe(5);
  });
  it('rounds reading time to whole minutes, at least one', () => {
    expect([readingMinutes(0), readingMinutes(10), readingMinutes(346), readingMinutes(900)]).toEqual([0, 1, 2, 5]);
  });
  it('uses the right Arabic plural form', () => {
    expect([1, 2, 3, 11, 100].map((n) => pluralize(n, READING_MINUTES))).toEqual([
      'دقيقة قراءة واحدة',
      'دقيقتا قراءة',
      '3 دقائق قراءة',
      '11 دقيقة قراءة',
      '100 دقيقة قراءة',
    ]);
  });
});
