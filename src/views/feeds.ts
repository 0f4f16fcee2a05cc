/**
 * Feeds in the three formats readers' apps speak: RSS 2.0, Atom 1.0 and JSON Feed 1.1, all from one model.
 * Items carry full content; ids are the items' canonical URLs, so they never change.
 */
import type { ResponseOf } from '../contracts/responses.ts';
import { type ArticleFeed, newestUpdate } from '../domain/article.ts';
import type { PublicComment } from '../domain/comment.ts';
import { absoluteUrl, articlePath, categoryPath, commentsFeedBase, feedBase } from '../urls.ts';
import { FEED_FORMATS, type FeedFormat } from './feed-formats.ts';
import { SITE_NAME } from './layout.tsx';
import { rssText, xml } from './xml.ts';

/** Content-Type of a feed response. */
export const feedContentType = (format: FeedFormat): string => `${FEED_FORMATS[format].type}; charset=UTF-8`;

/** One entry of a feed. */
interface FeedItem {
  id: string;
  url: string;
  title: string;
  /** HTML content (escaped by each format as it requires). */
  html: string;
  /** Plain text (never HTML): RSS carries it as escaped HTML, Atom as text. */
  summary?: string;
  published: string;
  updated: string;
  authors: string[];
  categories: string[];
}

/** A feed, whatever its format. */
export interface Feed {
  title: string;
  description: string;
  /** The page the feed follows. */
  homeUrl: string;
  /** The feed's own URL without extension: `<base>.xml`, `<base>.atom`, `<base>.json`. */
  feedBase: string;
  updated: string;
  items: FeedItem[];
}

const rfc822 = (rfc3339: string): string => new Date(rfc3339).toUTCString();

function rss(feed: Feed): string {
  const items = feed.items.map(
    (item) =>
      '  <item>\n' +
      `    <title>${rssText(item.title)}</title>\n` +
      `    <link>${xml(item.url)}</link>\n` +
      `    <guid isPermaLink="true">${xml(item.id)}</guid>\n` +
      `    <pubDate>${rfc822(item.published)}</pubDate>\n` +
      item.categories.map((c) => `    <category>${rssText(c)}</category>\n`).join('') +
      item.authors.map((a) => `    <dc:creator>${rssText(a)}</dc:creator>\n`).join('') +
      // RSS description is HTML carried in XML: plain text is escaped for HTML, then the whole for XML.
      `    <description>${xml(item.summary === undefined ? item.html : xml(item.summary))}</description>\n` +
      `    <content:encoded>${xml(item.html)}</content:encoded>\n` +
      '  </item>\n',
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n' +
    '<channel>\n' +
    `  <title>${rssText(feed.title)}</title>\n` +
    `  <link>${xml(feed.homeUrl)}</link>\n` +
    `  <description>${xml(xml(feed.description))}</description>\n` +
    '  <language>ar</language>\n' +
    `  <lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>\n` +
    `  <atom:link href="${xml(`${feed.feedBase}.xml`)}" rel="self" type="application/rss+xml"/>\n` +
    items.join('') +
    '</channel>\n</rss>\n'
  );
}

function atom(feed: Feed): string {
  const entries = feed.items.map(
    (item) =>
      '  <entry>\n' +
      `    <id>${xml(item.id)}</id>\n` +
      `    <title>${xml(item.title)}</title>\n` +
      `    <link rel="alternate" type="text/html" href="${xml(item.url)}"/>\n` +
      `    <published>${xml(item.published)}</published>\n` +
      `    <updated>${xml(item.updated)}</updated>\n` +
      (item.authors.length > 0 ? item.authors : [SITE_NAME])
        .map((a) => `    <author><name>${xml(a)}</name></author>\n`)
        .join('') +
      item.categories.map((c) => `    <category term="${xml(c)}"/>\n`).join('') +
      (item.summary ? `    <summary>${xml(item.summary)}</summary>\n` : '') +
      `    <content type="html">${xml(item.html)}</content>\n` +
      '  </entry>\n',
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">\n' +
    `  <id>${xml(feed.homeUrl)}</id>\n` +
    `  <title>${xml(feed.title)}</title>\n` +
    `  <subtitle>${xml(feed.description)}</subtitle>\n` +
    `  <updated>${xml(feed.updated)}</updated>\n` +
    `  <link rel="alternate" type="text/html" href="${xml(feed.homeUrl)}"/>\n` +
    `  <link rel="self" type="application/atom+xml" href="${xml(`${feed.feedBase}.atom`)}"/>\n` +
    `  <author><name>${xml(SITE_NAME)}</name></author>\n` +
    entries.join('') +
    '</feed>\n'
  );
}

function jsonFeed(feed: Feed): string {
  const document: ResponseOf<'JsonFeed'> = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    home_page_url: feed.homeUrl,
    feed_url: `${feed.feedBase}.json`,
    language: 'ar',
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      content_html: item.html,
      ...(item.summary ? { summary: item.summary } : {}),
      date_published: item.published,
      date_modified: item.updated,
      ...(item.authors.length > 0 ? { authors: item.authors.map((name) => ({ name })) } : {}),
      ...(item.categories.length > 0 ? { tags: item.categories } : {}),
    })),
  };
  return JSON.stringify(document);
}

/** The feed in `format`. */
export const renderFeed = (feed: Feed, format: FeedFormat): string =>
  format === 'xml' ? rss(feed) : format === 'atom' ? atom(feed) : jsonFeed(feed);

/** The feed of the newest articles of the site, or of one category. */
export function articlesFeed(siteUrl: string, source: ArticleFeed): Feed {
  const home = source.category ? categoryPath(source.category.slug) : '/';
  const newest = newestUpdate(source.articles) ?? '1970-01-01T00:00:00Z';
  return {
    title: source.category ? `${source.category.name} | ${SITE_NAME}` : SITE_NAME,
    description: source.category ? `أخبار ${source.category.name} على ${SITE_NAME}` : `آخر الأخبار على ${SITE_NAME}`,
    homeUrl: absoluteUrl(siteUrl, home),
    feedBase: absoluteUrl(siteUrl, feedBase(home)),
    updated: newest,
    items: source.articles.map((a) => {
      const url = absoluteUrl(siteUrl, articlePath(a.slug));
      return {
        id: url,
        url,
        title: a.title,
        html: a.body_html,
        summary: a.dek,
        published: a.published_at,
        updated: a.updated_at,
        authors: a.authors.map((author) => author.name),
        categories: [a.category.name, ...a.tags],
      };
    }),
  };
}

/** The feed of an article's approved comments, newest first. */
export function commentsFeed(
  siteUrl: string,
  article: { slug: string; title: string; updated_at: string },
  comments: PublicComment[],
): Feed {
  const articleUrl = absoluteUrl(siteUrl, articlePath(article.slug));
  const newestFirst = [...comments].sort((a, b) => b.id - a.id);
  const paragraphs = (text: string) =>
    text
      .split(/\n{2,}/)
      .map((p) => `<p>${xml(p).replace(/\n/g, '<br>')}</p>`)
      .join('');
  return {
    title: `تعليقات على: ${article.title}`,
    description: `تعليقات القراء على «${article.title}» في ${SITE_NAME}`,
    homeUrl: `${articleUrl}#comments`,
    feedBase: absoluteUrl(siteUrl, commentsFeedBase(article.slug)),
    updated: newestFirst[0]?.createdAt ?? article.updated_at,
    items: newestFirst.map((c) => {
      const url = `${articleUrl}#comment-${c.id}`;
      return {
        id: url,
        url,
        title: `تعليق ${c.authorName}`,
        html: paragraphs(c.body),
        published: c.createdAt,
        updated: c.createdAt,
        authors: [c.authorName],
        categories: [],
      };
    }),
  };
}
