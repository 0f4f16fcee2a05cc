// What a moderator relies on: each rule of moderate() as configured by the vars, one behaviour per test.

import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/config.ts';
import {
  buildThreads,
  commentsOpen,
  type ModerationInput,
  moderate,
  type PublicComment,
  readModerationSettings,
} from '../../../src/domain/comment.ts';
import { settingsFrom } from '../helpers/config.ts';

const comment = (fields: Partial<ModerationInput> = {}): ModerationInput => ({
  name: 'قارئ',
  email: 'reader@example.com',
  url: null,
  body: 'تعليق عادي',
  honeypot: false,
  knownAuthor: true,
  ...fields,
});

/** Settings with nothing held by mode, so only the rule under test can hold a comment. */
const open = (vars: Record<string, string> = {}) => settingsFrom({ COMMENT_MODERATION: 'none', ...vars });

describe('moderation words and disallowed words', () => {
  it('sends a comment whose website holds a disallowed word to spam', () => {
    const settings = open({ COMMENT_DISALLOWED_WORDS: 'casino' });
    expect(moderate(comment({ url: 'https://best-casino.example' }), settings)).toEqual({
      status: 'spam',
      reason: 'disallowed-word',
    });
  });

  it('holds a comment whose website holds a moderation word', () => {
    const settings = open({ COMMENT_MODERATION_WORDS: 'casino' });
    expect(moderate(comment({ url: 'https://casino.example' }), settings)).toEqual({
      status: 'pending',
      reason: 'moderation-word',
    });
  });

  it('looks for words in the name, the email and the body too', () => {
    const settings = open({ COMMENT_DISALLOWED_WORDS: 'فياغرا' });
    for (const fields of [{ name: 'بائع فياغرا' }, { email: 'فياغرا@example.com' }, { body: 'اشتر فياغرا الآن' }])
      expect(moderate(comment(fields), settings).status).toBe('spam');
    expect(moderate(comment(), settings)).toEqual({ status: 'approved', reason: 'mode-none' });
  });

  it('matches a phrase however many spaces the moderator or the commenter typed', () => {
    const settings = open({ COMMENT_MODERATION_WORDS: 'بيع  الذهب' });
    expect(moderate(comment({ body: 'نعلن عن بيع الذهب' }), settings).reason).toBe('moderation-word');
    expect(moderate(comment({ body: 'نعلن عن بيع   الذهب\nبأسعار' }), settings).reason).toBe('moderation-word');
    expect(moderate(comment({ body: 'بيع\nالذهب' }), settings).reason).toBe('moderation-word');
  });

  it('matches a word across spelling variants: «مسؤول» holds «مسوول», «رئيس» holds «ريیس»', () => {
    expect(moderate(comment({ body: 'كلام مسوول' }), open({ COMMENT_MODERATION_WORDS: 'مسؤول' })).reason).toBe('moderation-word');
    expect(moderate(comment({ body: 'الريیس' }), open({ COMMENT_MODERATION_WORDS: 'رئيس' })).reason).toBe('moderation-word');
  });

  it('holds or refuses on any one word of a list, not only when all of them appear', () => {
    const settings = open({ COMMENT_DISALLOWED_WORDS: 'spam, فياغرا', COMMENT_MODERATION_WORDS: 'قمار، كازينو' });
    expect(moderate(comment({ body: 'عن الكازينو' }), settings)).toEqual({ status: 'pending', reason: 'moderation-word' });
    expect(moderate(comment({ body: 'اشتر فياغرا' }), settings)).toEqual({ status: 'spam', reason: 'disallowed-word' });
  });

  it('ignores the empty entries of a list with stray separators', () => {
    const settings = open({ COMMENT_DISALLOWED_WORDS: ',، \n,' });
    expect(settings.disallowedWords).toEqual([]);
    expect(moderate(comment(), settings).status).toBe('approved');
  });

  it('reads the word lists once per configuration', () => {
    const config = readConfig({ ...env, COMMENT_MODERATION_WORDS: 'قمار' });
    expect(readModerationSettings(config)).toBe(readModerationSettings(config));
  });

  it('splits lists at commas, Arabic commas and line breaks', () => {
    expect(open({ COMMENT_MODERATION_WORDS: 'أ،ب,ج\nد' }).moderationWords).toEqual(['ا', 'ب', 'ج', 'د']);
  });

  it('prefers spam to holding: a disallowed word wins over links and moderation words', () => {
    const settings = open({ COMMENT_DISALLOWED_WORDS: 'spam', COMMENT_MODERATION_WORDS: 'spam', COMMENT_MAX_LINKS: '1' });
    expect(moderate(comment({ body: 'spam https://a.example' }), settings)).toEqual({
      status: 'spam',
      reason: 'disallowed-word',
    });
  });
});

describe('links', () => {
  it('counts http://, https:// and www. links, upper case too', () => {
    const settings = open({ COMMENT_MAX_LINKS: '3' });
    expect(moderate(comment({ body: 'http://a.example HTTPS://b.example WWW.c.example' }), settings)).toEqual({
      status: 'pending',
      reason: 'links',
    });
    expect(moderate(comment({ body: 'http://a.example http://b.example' }), settings).status).toBe('approved');
  });

  it('holds at exactly COMMENT_MAX_LINKS links, not one fewer', () => {
    const settings = open({ COMMENT_MAX_LINKS: '2' });
    expect(moderate(comment({ body: 'http://a.example و http://b.example' }), settings).reason).toBe('links');
    expect(moderate(comment({ body: 'http://a.example وحده' }), settings).reason).toBe('mode-none');
  });

  it("counts the commenter's website as a link", () => {
    const settings = open({ COMMENT_MAX_LINKS: '2' });
    expect(moderate(comment({ url: 'http://me.example', body: 'انظر http://a.example' }), settings).reason).toBe('links');
    expect(moderate(comment({ url: 'http://me.example' }), settings).reason).toBe('mode-none');
  });

  it('never holds a comment for its links when COMMENT_MAX_LINKS is 0', () => {
    const settings = open({ COMMENT_MAX_LINKS: '0' });
    expect(moderate(comment({ body: 'http://a.example https://b.example www.c.example' }), settings)).toEqual({
      status: 'approved',
      reason: 'mode-none',
    });
  });
});

describe('COMMENT_MODERATION', () => {
  it('none: approves a first comment at once', () => {
    expect(moderate(comment({ knownAuthor: false }), settingsFrom({ COMMENT_MODERATION: 'none' }))).toEqual({
      status: 'approved',
      reason: 'mode-none',
    });
  });

  it('all: holds even a known author', () => {
    expect(moderate(comment(), settingsFrom({ COMMENT_MODERATION: 'all' }))).toEqual({ status: 'pending', reason: 'mode-all' });
  });

  it('first: holds a first comment, approves a known author', () => {
    const settings = settingsFrom({ COMMENT_MODERATION: 'first' });
    expect(moderate(comment({ knownAuthor: false }), settings)).toEqual({ status: 'pending', reason: 'first-comment' });
    expect(moderate(comment(), settings)).toEqual({ status: 'approved', reason: 'known-author' });
  });

  it('a moderation word holds the comment whatever the mode, with a status the API can answer', () => {
    for (const mode of ['none', 'first', 'all'])
      expect(moderate(comment(), settingsFrom({ COMMENT_MODERATION: mode, COMMENT_MODERATION_WORDS: 'عادي' }))).toEqual({
        status: 'pending',
        reason: 'moderation-word',
      });
  });

  it('a filled honeypot is spam whatever else the comment is', () => {
    expect(moderate(comment({ honeypot: true }), settingsFrom({ COMMENT_MODERATION: 'none' }))).toEqual({
      status: 'spam',
      reason: 'honeypot',
    });
  });
});

describe('COMMENTS_CLOSE_AFTER_DAYS', () => {
  const article = { comments_open: true, published_at: '2026-11-01T00:00:00+02:00' };
  const day = 86_400_000;
  const published = Date.parse(article.published_at);

  it('closes exactly that many days after publication, not a moment later', () => {
    const settings = settingsFrom({ COMMENTS_CLOSE_AFTER_DAYS: '10' });
    expect(commentsOpen(article, settings, new Date(published + 10 * day - 1))).toBe(true);
    expect(commentsOpen(article, settings, new Date(published + 10 * day))).toBe(false);
  });

  it('0 never closes; an article closed in front matter stays closed', () => {
    const settings = settingsFrom({ COMMENTS_CLOSE_AFTER_DAYS: '0' });
    expect(commentsOpen(article, settings, new Date(published + 10_000 * day))).toBe(true);
    expect(commentsOpen({ ...article, comments_open: false }, settings, new Date(published))).toBe(false);
  });
});

describe('buildThreads', () => {
  const at = (id: number, parentId: number | null, depth = parentId === null ? 1 : 2): PublicComment => ({
    id,
    parentId,
    depth,
    authorName: `قارئ ${id}`,
    authorUrl: null,
    body: `تعليق ${id}`,
    createdAt: `2026-11-30T10:0${id}:00Z`,
    replyCount: 0,
    agreeCount: 0,
  });

  it('nests replies under their parent in order, and leaves out replies to hidden comments', () => {
    const threads = buildThreads([at(1, null), at(2, 1), at(3, null), at(4, 2, 3), at(5, 99), at(6, 1)]);
    expect(threads.map((t) => [t.id, t.replies.map((r) => [r.id, r.replies.map((rr) => rr.id)])])).toEqual([
      [
        1,
        [
          [2, [4]],
          [6, []],
        ],
      ],
      [3, []],
    ]);
  });
});

describe('where words are looked for', () => {
  it('matches a word inside one field, never across two, and never in anything but what the commenter wrote', () => {
    const settings = open({ COMMENT_DISALLOWED_WORDS: 'casino, was here' });
    expect(moderate(comment({ name: 'ca', email: 'sino@example.com' }), settings).status).toBe('approved');
    expect(moderate(comment({ name: 'Mona', body: 'here we go' }), settings).status).toBe('approved');
    expect(moderate(comment({ name: 'casino' }), settings).status).toBe('spam');
  });
});
