// Slugs and heading ids as they appear in URLs and anchors.
import { describe, expect, it } from 'vitest';
import { isSlug, slugify, uniqueIds } from '../../../src/text/slug.ts';

describe('slugify', () => {
  it('drops every kind of Arabic mark, lower-cases, and joins the words with single hyphens', () => {
    expect(slugify('\u0610صلى \u06D6ق\u06DFا\u06EAل \u0670 Hello  World! ٢٠٢٦ -x-')).toBe('صلى-قال-hello-world-٢٠٢٦-x');
    expect(slugify('مُحَمَّد الـــعربي')).toBe('محمد-العربي');
  });
});

describe('isSlug', () => {
  it.each(['libya', 'تركيا-2026', 'ـ', 'abc-ـ', 'a-1', '1-a', '٢٠٢٦'])('accepts %s', (slug) => {
    expect(isSlug(slug)).toBe(true);
  });
  it.each(['Libya', '-libya', 'libya-', 'a--b', 'a b', 'a_b', '', 'x-Y'])('refuses %j', (slug) => {
    expect(isSlug(slug)).toBe(false);
  });
});

describe('uniqueIds', () => {
  it('numbers repeats from 2, and uses the fallback for a heading with no letters', () => {
    const id = uniqueIds();
    expect([id('!!'), id('!!'), id('خلفية'), id('خلفية'), id('خلفية')]).toEqual([
      'section',
      'section-2',
      'خلفية',
      'خلفية-2',
      'خلفية-3',
    ]);
    expect(uniqueIds('x')('??')).toBe('x');
  });
});
