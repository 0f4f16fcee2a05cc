/**
 * The shapes of what the publisher writes to KV and the Worker reads back.
 * Everything here is computed once, at publish time (scripts/publish.ts).
 */

/** A category an article is filed under; its slug is the URL segment. */
export interface Category {
  slug: string;
  name: string;
}

/** A heading of the article body, with the id its anchor uses. */
export interface Heading {
  id: string;
  text: string;
}

/** The lead image cropped to another aspect ratio (Google asks for 16:9, 4:3 and 1:1, each at least 1200 px wide). */
interface ImageVariant {
  url: string;
  width: number;
  height: number;
}

/** A lead image, as the editor described it in front matter. */
interface ArticleImage {
  url: string;
  alt: string;
  width: number;
  height: number;
  /** The same picture in other aspect ratios, sharing its alt text; empty when the editor gave none. */
  variants: ImageVariant[];
}

/** An author of an article: a name, and the URL of their profile page when the editor gave one. */
interface Author {
  name: string;
  url: string | null;
}

/** Narrowest image Google Discover shows large; the publisher warns below it. */
export const MIN_LARGE_IMAGE_WIDTH = 1200;

/** One published article, as stored under `v1:article:<slug>`. */
export interface ArticleDocument {
  slug: string;
  title: string;
  dek: string;
  category: Category;
  tags: string[];
  authors: Author[];
  image: ArticleImage | null;
  /** RFC 3339 with the Africa/Tripoli offset. */
  published_at: string;
  /** RFC 3339; equals published_at when the article was never updated. */
  updated_at: string;
  comments_open: boolean;
  /** Sanitized HTML rendered from Markdown at publish time. */
  body_html: string;
  headings: Heading[];
  word_count: number;
  reading_minutes: number;
  /** sha-256 (hex) of everything above: the article's version, used for ETags and publish diffs. */
  hash: string;
}

/** What list pages need of an article: a row of the D1 article catalog (src/storage/article-catalog.ts). */
export type ArticleSummary = Pick<
  ArticleDocument,
  'slug' | 'title' | 'dek' | 'category' | 'published_at' | 'updated_at' | 'hash'
>;

/** A list: the whole site (category null) or one category, with its size and newest change. */
export interface ArticleList {
  category: Category | null;
  total: number;
  /** updated_at of its most recently changed article; null when it lists nothing. */
  lastUpdatedAt: string | null;
}

/** One article sitemap: its 0-based number and its newest change. */
export interface SitemapChunk {
  number: number;
  lastUpdatedAt: string;
}

/** URLs per article sitemap (the protocol allows 50,000; fewer keeps each response cheap and old ones unchanged). */
export const SITEMAP_CHUNK_SIZE = 1000;

/** Most recent articles a feed carries. */
export const FEED_SIZE = 20;

/** A feed document (`v1:feed:all`, `v1:feed:category:<slug>`): the newest articles in full, built at publish time. */
export interface ArticleFeed {
  /** sha-256 (hex) of the articles' hashes; changes when any of them does. */
  hash: string;
  /** The category, for a category's feed. */
  category: Category | null;
  articles: ArticleDocument[];
}

/**
 * The latest `updated_at` of some articles (RFC 3339 strings may carry different offsets, so they are compared as
 * instants), or undefined for none: the `lastmod` of a list's sitemap entry and the `updated` of its feed.
 */
export const newestUpdate = (articles: ReadonlyArray<Pick<ArticleSummary, 'updated_at'>>): string | undefined => {
  const newest = articles.reduce((max, a) => Math.max(max, Date.parse(a.updated_at)), Number.NEGATIVE_INFINITY);
  // The first one written for that instant, whatever offsets later ones carry.
  return articles.find((a) => Date.parse(a.updated_at) === newest)?.updated_at;
};
