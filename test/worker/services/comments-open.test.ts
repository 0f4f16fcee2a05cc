// Whether an article takes comments (src/services/comments-open.ts): the desk's decision wins over front matter and
// the site's age rule (COMMENTS_CLOSE_AFTER_DAYS), and without one those decide.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../../../src/domain/article.ts';
import { isOpenForComments } from '../../../src/services/comments-open.ts';
import { setCommentState } from '../../../src/storage/article-comment-states.ts';
import { settingsFrom } from '../helpers/config.ts';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const CLOSE_AFTER_30_DAYS = settingsFrom({ COMMENTS_CLOSE_AFTER_DAYS: '30' });

/** An article of `days` ago, open or closed in front matter, under its own slug (the desk decides per slug). */
const article = (name: string, days: number, commentsOpen = true) =>
  ({
    slug: `comments-open-${name}`,
    comments_open: commentsOpen,
    published_at: new Date(NOW.getTime() - days * 86_400_000).toISOString(),
  }) as ArticleDocument;

const isOpen = (a: ArticleDocument) => isOpenForComments(env.DB, a, CLOSE_AFTER_30_DAYS, NOW);

describe('whether an article takes comments', () => {
  it('without a desk decision: open in front matter and younger than the age rule', async () => {
    expect(await isOpen(article('young', 29))).toBe(true);
    expect(await isOpen(article('old', 31))).toBe(false);
    expect(await isOpen(article('closed-in-front-matter', 1, false))).toBe(false);
  });

  it('the desk closes a young open article', async () => {
    const a = article('closed-by-desk', 1);
    await setCommentState(env.DB, a.slug, 'closed', 'huda', NOW.toISOString());
    expect(await isOpen(a)).toBe(false);
  });

  it('the desk reopens an old article, and one closed in front matter', async () => {
    for (const a of [article('reopened-old', 90), article('reopened-front-matter', 1, false)]) {
      await setCommentState(env.DB, a.slug, 'open', 'huda', NOW.toISOString());
      expect(await isOpen(a), a.slug).toBe(true);
    }
  });

  it("the desk's latest decision counts", async () => {
    const a = article('changed-mind', 1);
    await setCommentState(env.DB, a.slug, 'closed', 'huda', NOW.toISOString());
    await setCommentState(env.DB, a.slug, 'open', 'omar', NOW.toISOString());
    expect(await isOpen(a)).toBe(true);
  });
});
