/**
 * KV key names for articles, shared by the Worker and the publisher.
 * The `v1:` prefix lets a future document format be published beside this one.
 */

/** Prefix of every article document key. */
export const ARTICLE_KEY_PREFIX = 'v1:article:';

/** Key of the one index document that lists all articles. */
export const INDEX_KEY = 'v1:index';

/**
 * The KV key of an article.
 * @example articleKey('libya-turkey') // 'v1:article:libya-turkey'
 */
export const articleKey = (slug: string): string => `${ARTICLE_KEY_PREFIX}${slug}`;

/** Prefix of the feed documents. */
export const FEED_KEY_PREFIX = 'v1:feed:';

/**
 * The KV key of the site's feed, or of a category's.
 * @example feedKey('libya') // 'v1:feed:category:libya'
 */
export const feedKey = (categorySlug?: string): string =>
  categorySlug === undefined ? `${FEED_KEY_PREFIX}all` : `${FEED_KEY_PREFIX}category:${categorySlug}`;

/** Workers KV refuses keys longer than this many bytes (UTF-8). */
const KV_KEY_MAX_BYTES = 512;

/**
 * Whether `key` can name anything in KV: at most 512 UTF-8 bytes, and not `.` or `..`. A slug from a URL that
 * cannot fit names no article, so the caller answers 404 instead of letting KV throw.
 * @example kvKeyFits(articleKey('x'.repeat(600))) // false
 */
export const kvKeyFits = (key: string): boolean =>
  key !== '.' && key !== '..' && new TextEncoder().encode(key).byteLength <= KV_KEY_MAX_BYTES;

/** Key of the OpenAPI document the Worker serves (published with the derived documents, kept out of the bundle). */
export const API_DOCUMENT_KEY = 'v1:openapi';
