/**
 * Shape checks of the documents the publisher writes to KV (src/domain/article.ts), run on every read: a value of
 * another shape under a `v1:` key (an older or newer format, a truncated write, `{}`) is unavailable, never read as
 * an article with no title or a feed with no articles. Structural and cheap: no copying, no schema library.
 */
import type { ArticleDocument, ArticleFeed } from '../domain/article.ts';

type Shape = Record<string, (value: unknown) => boolean>;

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = (item: (v: unknown) => boolean) => (v: unknown) => Array.isArray(v) && v.every(item);
const hasShape = (shape: Shape) => (v: unknown) => isObject(v) && Object.entries(shape).every(([key, ok]) => ok(v[key]));

const isCategory = hasShape({ slug: isString, name: isString });
const SUMMARY: Shape = {
  slug: isString,
  title: isString,
  dek: isString,
  category: isCategory,
  published_at: isString,
  updated_at: isString,
  hash: isString,
};
const isArticle = hasShape({
  ...SUMMARY,
  tags: arrayOf(isString),
  authors: arrayOf(hasShape({ name: isString, url: (u) => u === null || isString(u) })),
  image: (v) =>
    v === null ||
    hasShape({
      url: isString,
      alt: isString,
      width: isNumber,
      height: isNumber,
      variants: arrayOf(hasShape({ url: isString, width: isNumber, height: isNumber })),
    })(v),
  comments_open: (v) => typeof v === 'boolean',
  body_html: isString,
  headings: arrayOf(hasShape({ id: isString, text: isString })),
  word_count: isNumber,
  reading_minutes: isNumber,
});

/** Whether a stored value is an article document of the current format. */
export const isArticleDocument = (v: unknown): v is ArticleDocument => isArticle(v);

/** Whether a stored value is a feed document of the current format. */
export const isArticleFeed = (v: unknown): v is ArticleFeed =>
  hasShape({ hash: isString, category: (c) => c === null || isCategory(c), articles: arrayOf(isArticle) })(v);
