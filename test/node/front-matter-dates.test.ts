// Impossible front-matter dates stay publish errors that name the field (the Worker never sees them).
import { describe, expect, it } from 'vitest';
import { buildArticle, type SourceFile } from '../../scripts/lib/publication.ts';

const withDates = (dates: string): SourceFile => ({
  path: 'content/articles/x.md',
  source: `---\ntitle: "عنوان"\ndek: "موجز"\ncategory:\n  slug: libya\n  name: ليبيا\n${dates}\n---\n\nنص الخبر.\n`,
});
const errorsOf = (dates: string) => buildArticle(withDates(dates)).errors.map((e) => `${e.field}: ${e.message}`);
const DATE_ERROR = 'must be a date (YYYY-MM-DD) or an RFC 3339 date-time with offset (2026-11-30T09:00:00+02:00)';

describe('front-matter dates', () => {
  it.each([
    ['a thirteenth month', '2026-13-05'],
    ['a five-digit year', '12026-11-30'],
    ['a 29 February outside a leap year', '2026-02-29'],
    ['a 31st of April', '2026-04-31'],
    ['a one-digit month', '2026-1-05'],
    ['an hour 25', '2026-11-30T25:00:00Z'],
    ['a space for the T', '2026-11-30 09:00:00Z'],
  ])('refuses %s (%s), naming the field', (_, value) => {
    expect(errorsOf(`published: "${value}"`)).toEqual([`published: ${DATE_ERROR}`]);
    expect(errorsOf(`published: 2026-11-01\nupdated: "${value}"`)).toContain(`updated: ${DATE_ERROR}`);
  });

  it.each([
    ['2028-02-29', '2028-02-29T00:00:00+02:00'],
    ['2026-11-30T09:00Z', '2026-11-30T11:00:00+02:00'],
    ['2026-11-30T09:00:00.5+02:00', '2026-11-30T09:00:00+02:00'],
    ['2026-11-30T23:30:00-01:00', '2026-12-01T02:30:00+02:00'],
  ])('accepts %s as %s in Tripoli time', (value, rfc3339) => {
    expect(buildArticle(withDates(`published: "${value}"`)).article?.published_at).toBe(rfc3339);
  });
});
