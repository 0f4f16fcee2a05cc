// Feeds never turn reader or editor text into markup: independent feed parsers read hostile names, titles and deks
// back as the literal text (RSS title, category and author as plain text, description as HTML).
import { extractFromXml } from '@extractus/feed-extractor';
import { parseFeed } from '@rowanmanning/feed-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { articlesFeed, commentsFeed, renderFeed } from '../../src/views/feeds.ts';

const HOSTILE_TITLE = 'عنوان <b>عريض</b> & "مقتبس" <script>alert(1)</script> &amp; حرفياً';
const HOSTILE_DEK = 'مقدمة <img src=x onerror=alert(1)> و<i>مائل</i> & &lt;كيان&gt;';
const HOSTILE_NAME = '<b>سالم</b> & شركاه';

const article = {
  slug: 'hostile',
  title: HOSTILE_TITLE,
  dek: HOSTILE_DEK,
  body_html: '<p>نص</p>',
  published_at: '2026-11-30T00:00:00+02:00',
  updated_at: '2026-11-30T00:00:00+02:00',
  authors: [HOSTILE_NAME],
  tags: ['<u>وسم</u>'],
  category: { slug: 'libya', name: 'ليبيا & <جوار>' },
};

const rss = renderFeed(articlesFeed('https://minbar.test', { hash: 'h', category: null, articles: [article] } as never), 'xml');
const commentsRss = renderFeed(
  commentsFeed('https://minbar.test', article, [
    {
      id: 1,
      parentId: null,
      depth: 1,
      authorName: HOSTILE_NAME,
      authorUrl: null,
      body: 'تعليق',
      createdAt: '2026-11-30T10:00:00Z',
    },
  ]),
  'xml',
);

/** The text an HTML fragment shows (what a reader sees when a feed reader renders it as HTML). */
const htmlText = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

describe('RSS read by rss-parser', () => {
  it('gives titles, categories and authors back as the literal text, and the dek as HTML that shows it literally', async () => {
    const feed = await new Parser({ customFields: { item: ['dc:creator', 'description'] } }).parseString(rss);
    const [item] = feed.items;
    expect(item?.title).toBe(HOSTILE_TITLE);
    expect(item?.categories).toEqual(['ليبيا & <جوار>', '<u>وسم</u>']);
    expect(item?.['dc:creator']).toBe(HOSTILE_NAME);
    expect(String(item?.description)).not.toMatch(/<img|<i>/);
    expect(htmlText(String(item?.description))).toBe(HOSTILE_DEK);
    const comments = await new Parser().parseString(commentsRss);
    expect(comments.items[0]?.title).toBe(`تعليق ${HOSTILE_NAME}`);
    expect(comments.title).toBe(`تعليقات على: ${HOSTILE_TITLE}`);
  });
});

describe('RSS read by @rowanmanning/feed-parser', () => {
  it('gives titles, categories, authors and the dek back as the literal text', () => {
    const feed = parseFeed(rss);
    const [item] = feed.items;
    expect(item?.title).toBe(HOSTILE_TITLE);
    expect(item?.categories.map((c) => c.label)).toEqual(['ليبيا & <جوار>', '<u>وسم</u>']);
    expect(item?.authors.map((a) => a.name)).toEqual([HOSTILE_NAME]);
    expect(item?.description).toBe(HOSTILE_DEK);
    const comments = parseFeed(commentsRss);
    expect(comments.items[0]?.title).toBe(`تعليق ${HOSTILE_NAME}`);
    expect(comments.title).toBe(`تعليقات على: ${HOSTILE_TITLE}`);
  });
});

describe('RSS read by @extractus/feed-extractor', () => {
  it('gives titles back as the literal text, and a description with no markup in it', () => {
    const feed = extractFromXml(rss, { descriptionMaxLen: 0 }) as { entries: Array<{ title: string; description: string }> };
    expect(feed.entries[0]?.title).toBe(HOSTILE_TITLE);
    // feed-extractor decodes description HTML before stripping tags, so no encoding can keep a literal "<img …>" in
    // its plain-text description; what matters is that nothing of the dek comes out as markup.
    expect(feed.entries[0]?.description).not.toMatch(/[<>]/);
    expect(feed.entries[0]?.description).toContain('مقدمة');
    const comments = extractFromXml(commentsRss) as { title: string; entries: Array<{ title: string }> };
    expect(comments.entries[0]?.title).toBe(`تعليق ${HOSTILE_NAME}`);
    expect(comments.title).toBe(`تعليقات على: ${HOSTILE_TITLE}`);
  });
});
