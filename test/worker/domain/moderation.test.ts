import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../src/config.ts';
import { buildThreads, commentsOpen, moderate } from '../../../src/domain/comment.ts';
import { settingsFrom } from '../helpers/config.ts';

const input = { name: 'قارئ', email: 'r@example.com', url: null, body: 'تعليق', honeypot: false, knownAuthor: false };

describe('readModerationSettings', () => {
  it("uses WordPress's defaults", () => {
    expect(settingsFrom()).toEqual({
      mode: 'first',
      moderationWords: [],
      disallowedWords: [],
      maxLinks: 2,
      closeAfterDays: 0,
    });
  });
  it('reads word lists split by commas, Arabic commas or lines, folded', () => {
    expect(settingsFrom({ COMMENT_MODERATION_WORDS: 'قِمار، كازينو\nCasino,' }).moderationWords).toEqual([
      'قمار',
      'كازينو',
      'casino',
    ]);
  });
  it('refuses a misspelt mode, naming the variable, rather than guess', () => {
    expect(() => readConfig({ ...env, COMMENT_MODERATION: 'nobody' })).toThrow(ConfigError);
    expect(() => readConfig({ ...env, COMMENT_MODERATION: 'nobody' })).toThrow(
      /COMMENT_MODERATION: must be one of first, all, none/,
    );
  });
});

describe('moderate', () => {
  const settings = settingsFrom({ COMMENT_MODERATION_WORDS: 'قمار', COMMENT_DISALLOWED_WORDS: 'فياغرا' });

  it('holds a first comment and approves a known author (mode first)', () => {
    expect(moderate(input, settings)).toEqual({ status: 'pending', reason: 'first-comment' });
    expect(moderate({ ...input, knownAuthor: true }, settings)).toEqual({ status: 'approved', reason: 'known-author' });
  });
  it('holds everything in mode all, approves in mode none', () => {
    expect(moderate({ ...input, knownAuthor: true }, { ...settings, mode: 'all' }).status).toBe('pending');
    expect(moderate(input, { ...settings, mode: 'none' }).status).toBe('approved');
  });
  it('holds a comment with two links or more', () => {
    const body = 'انظر https://a.example و www.b.example';
    expect(moderate({ ...input, knownAuthor: true, body }, settings)).toEqual({ status: 'pending', reason: 'links' });
    expect(moderate({ ...input, knownAuthor: true, body: 'https://a.example' }, settings).status).toBe('approved');
  });
  it('matches moderation words after folding, in any field', () => {
    expect(moderate({ ...input, knownAuthor: true, body: 'القِمـــار' }, settings).reason).toBe('moderation-word');
    expect(moderate({ ...input, knownAuthor: true, name: 'ملك القمار' }, settings).reason).toBe('moderation-word');
    expect(moderate({ ...input, knownAuthor: true, url: 'https://qimar.example' }, settings).status).toBe('approved');
  });
  it('sends disallowed words and a filled honeypot to spam', () => {
    expect(moderate({ ...input, knownAuthor: true, email: 'فياغرا@x.com' }, settings)).toEqual({
      status: 'spam',
      reason: 'disallowed-word',
    });
    expect(moderate({ ...input, knownAuthor: true, honeypot: true }, settings)).toEqual({ status: 'spam', reason: 'honeypot' });
  });
});

describe('commentsOpen', () => {
  const article = { comments_open: true, published_at: '2026-11-01T00:00:00+02:00' };
  const now = new Date('2026-11-30T00:00:00+02:00');
  it('follows front matter, then the age limit when one is set', () => {
    expect(commentsOpen(article, settingsFrom(), now)).toBe(true);
    expect(commentsOpen({ ...article, comments_open: false }, settingsFrom(), now)).toBe(false);
    expect(commentsOpen(article, settingsFrom({ COMMENTS_CLOSE_AFTER_DAYS: '28' }), now)).toBe(false);
    expect(commentsOpen(article, settingsFrom({ COMMENTS_CLOSE_AFTER_DAYS: '30' }), now)).toBe(true);
  });
});

describe('buildThreads', () => {
  const c = (id: number, parentId: number | null) => ({
    id,
    parentId,
    depth: 1,
    authorName: 'a',
    authorUrl: null,
    body: '',
    createdAt: '',
    replyCount: 0,
    agreeCount: 0,
  });
  it('nests replies under their parents and leaves out replies to hidden comments', () => {
    const threads = buildThreads([c(1, null), c(2, 1), c(3, 2), c(4, null), c(6, 5)]);
    expect(threads.map((t) => t.id)).toEqual([1, 4]);
    expect(threads[0]?.replies[0]?.replies[0]?.id).toBe(3);
  });
});
