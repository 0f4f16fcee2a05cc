// Dates, plurals and reading time exactly as readers see them (Intl inside workerd, Tripoli time).
import { describe, expect, it } from 'vitest';
import { formatDisplayDate, formatDisplayDateTime, parseEditorDate, toNewsroomTime } from '../../../src/text/dates.ts';
import { COMMENT_COUNT, DAYS, pluralize, READING_MINUTES, SEARCH_RESULTS } from '../../../src/text/plural.ts';
import { countWords, readingMinutes } from '../../../src/text/words.ts';

describe('comment dates', () => {
  it('shows the Tripoli calendar day and time, in Arabic with Latin digits', () => {
    expect(formatDisplayDateTime('2026-11-29T22:30:00Z')).toBe('30 نوفمبر 2026 في 12:30 ص');
    expect(formatDisplayDateTime('2026-11-30T21:59:00Z')).toBe('30 نوفمبر 2026 في 11:59 م');
    expect(formatDisplayDate('2026-11-30T23:30:00+00:00')).toBe('1 ديسمبر 2026');
  });
});

describe('editor dates', () => {
  it.each([
    '2026-13-05',
    '12026-11-30',
    '2026-02-29',
    '2026-04-31',
    '2026-11-00',
    '0050-01-01',
    '2026-1-05',
    '2026-11-30 ',
    '2026-11-30T09:00:00',
    '2026-11-30T25:00:00Z',
    '2026-11-30T09:00:00+02:00 ',
    ' 2026-11-30T09:00:00+02:00',
  ])('refuses %s', (text) => {
    expect(parseEditorDate(text)).toBeNull();
  });

  it('accepts a leap day, minutes without seconds, and fractions of a second', () => {
    expect(parseEditorDate('2028-02-29')?.toISOString()).toBe('2028-02-28T22:00:00.000Z');
    expect(parseEditorDate('2026-11-30T09:00Z')?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(parseEditorDate('2026-11-30T09:00:00.5+02:00')?.toISOString()).toBe('2026-11-30T07:00:00.500Z');
    expect(parseEditorDate('2026-11-30T09:00:00.123+02:00')?.toISOString()).toBe('2026-11-30T07:00:00.123Z');
    expect(parseEditorDate('2026-11-30T23:30:00-01:00')?.toISOString()).toBe('2026-12-01T00:30:00.000Z');
  });

  it('writes any instant as Tripoli wall time with its offset', () => {
    expect(toNewsroomTime(new Date('2026-07-01T12:00:00Z'))).toBe('2026-07-01T14:00:00+02:00');
    expect(toNewsroomTime(new Date('2026-11-29T21:59:59Z'))).toBe('2026-11-29T23:59:59+02:00');
  });
});

describe('Arabic plurals', () => {
  it.each([
    [0, 'أقل من دقيقة قراءة', 'لا توجد تعليقات بعد', 'لا توجد نتائج', '0 يوم'],
    [1, 'دقيقة قراءة واحدة', 'تعليق واحد', 'نتيجة واحدة', 'يوم واحد'],
    [2, 'دقيقتا قراءة', 'تعليقان', 'نتيجتان', 'يومان'],
    [3, '3 دقائق قراءة', '3 تعليقات', '3 نتائج', '3 أيام'],
    [10, '10 دقائق قراءة', '10 تعليقات', '10 نتائج', '10 أيام'],
    [11, '11 دقيقة قراءة', '11 تعليقاً', '11 نتيجة', '11 يومًا'],
    [99, '99 دقيقة قراءة', '99 تعليقاً', '99 نتيجة', '99 يومًا'],
    [100, '100 دقيقة قراءة', '100 تعليق', '100 نتيجة', '100 يوم'],
    [102, '102 دقيقة قراءة', '102 تعليق', '102 نتيجة', '102 يوم'],
  ])('%i: reading time, comment count, result count and retention days', (n, minutes, comments, results, days) => {
    expect(pluralize(n, READING_MINUTES)).toBe(minutes);
    expect(pluralize(n, COMMENT_COUNT)).toBe(comments);
    expect(pluralize(n, SEARCH_RESULTS)).toBe(results);
    expect(pluralize(n, DAYS)).toBe(days);
  });
});

describe('words and reading time', () => {
  it('counts words joined by an apostrophe or hyphen once, and punctuation and dashes not at all', () => {
    expect(countWords("«مرحبا» بالعالم، it's well-known 2026 — ...")).toBe(5);
    expect(countWords('مُحَمَّد')).toBe(1);
    expect(countWords('it’s covid-19 ثنائي-الْقُطب')).toBe(3);
    expect(countWords('— … «»')).toBe(0);
  });

  it('reads nothing in 0 minutes, anything in at least 1, and rounds to the nearest minute at 180 words a minute', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(269)).toBe(1);
    expect(readingMinutes(270)).toBe(2);
    expect(readingMinutes(450)).toBe(3);
  });
});

describe('editor dates with more than four digits of year', () => {
  it('refuses an expanded year, which Date would read', () => {
    expect(parseEditorDate('+002026-11-30T09:00:00Z')).toBeNull();
  });
});
