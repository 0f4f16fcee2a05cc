/**
 * The response shapes of the JSON API, each defined once. They type the serializers in src/views (type-only imports:
 * nothing here reaches the Worker bundle), and `npm run openapi` turns them into schemas/*.schema.json and the
 * components of the OpenAPI document, which the worker tests check every response against.
 */
import * as z from 'zod/mini';
import { COMMENT_SORTS } from '../domain/comment-sort.ts';
import { describe } from '../validation/describe.ts';

const text = (description?: string) => (description ? describe(z.string(), { description }) : z.string());
const nonEmpty = (description?: string) => {
  const schema = z.string().check(z.minLength(1));
  return description ? describe(schema, { description }) : schema;
};
const uri = (description?: string) => describe(z.url(), description ? { description } : {});
const count = (description?: string) => describe(z.int().check(z.gte(0)), description ? { description } : {});
/** RFC 3339 with an offset; articles carry Africa/Tripoli's, comments UTC. */
const dateTimeSchema = z.iso.datetime({ offset: true });
const dateTime = () => dateTimeSchema;
/** A database id: a positive whole number. */
const id = () => z.int().check(z.gte(1));

/** A category, with the URL of its HTML page. */
const categorySchema = z.strictObject({
  slug: nonEmpty(),
  name: nonEmpty(),
  url: uri("The category's HTML page"),
});

/** An article as listed by `GET /api/articles`. */
const articleSummarySchema = z.strictObject({
  slug: nonEmpty('NFC; may be Arabic'),
  url: uri('Canonical URL of the article page'),
  title: nonEmpty(),
  dek: nonEmpty('Sub-title'),
  category: categorySchema,
  published_at: dateTime(),
  updated_at: dateTime(),
});

/** Page-number pagination of a list. */
const paginationSchema = z.strictObject({
  page: z.int().check(z.gte(1)),
  per_page: z.int().check(z.gte(1), z.lte(100)),
  total: count(),
  pages: z.int().check(z.gte(1)),
});

/** `GET /api/articles`. */
const articleListSchema = z.strictObject({
  data: describe(z.array(articleSummarySchema), { description: 'Newest first' }),
  meta: z.strictObject({ pagination: paginationSchema }),
});

/** A whole article: `GET /api/articles/{slug}`, and `GET /articles/{slug}` with `Accept: application/json`. */
const articleSchema = z.strictObject({
  ...articleSummarySchema.shape,
  lang: z.literal('ar'),
  dir: z.literal('rtl'),
  tags: z.array(z.string()),
  authors: z.array(
    z.strictObject({
      name: z.string(),
      url: z.optional(uri("The author's profile page, when the editor gave one")),
    }),
  ),
  image: z.nullable(
    z.strictObject({
      url: uri(),
      alt: z.string(),
      width: z.int().check(z.gte(1)),
      height: z.int().check(z.gte(1)),
      variants: z.optional(
        describe(z.array(z.strictObject({ url: uri(), width: z.int().check(z.gte(1)), height: z.int().check(z.gte(1)) })), {
          description: 'The same picture cropped to other aspect ratios (alt text shared)',
        }),
      ),
    }),
  ),
  body_html: text('Sanitized HTML of the body: p, h2–h4 (with ids), lists, links, …'),
  headings: z.array(z.strictObject({ id: text('Anchor id in body_html and on the page'), text: z.string() })),
  word_count: count(),
  reading_minutes: count(),
  comments: z.strictObject({
    open: describe(z.boolean(), { description: 'Whether new comments are accepted' }),
    count: z.nullable(count('Visible comments; null while comments cannot be read (the comments database is unavailable)')),
    url: uri("The article's comments in the JSON API"),
  }),
});

/** A public comment: never an email, IP hash or user agent. */
const commentSchema = z.strictObject({
  id: id(),
  parent_id: z.nullable(id()),
  // The commenter's website as typed: an IRI (Arabic letters stay letters), still a valid href.
  author: z.strictObject({
    name: z.string(),
    url: z.nullable(describe(z.string(), { format: 'iri', description: "The commenter's website, as an IRI" })),
  }),
  body: text('Plain text, exactly as typed (NFC); show it escaped'),
  created_at: dateTime(),
  reply_count: count('Visible direct replies (sort=most-replied)'),
  agree_count: count('«أتفق» reactions (sort=most-agreed)'),
  role: z.optional(
    describe(z.literal('newsroom'), { description: 'Present only on the newsroom’s replies (shown with «المحرر»)' }),
  ),
  pinned: z.optional(
    describe(z.literal(true), {
      description: 'Present only on the comment a moderator pinned (shown with «مثبّت»): first on the first page, in every sort',
    }),
  ),
});

/** A comment with its approved replies, nested up to 5 levels. */
export interface CommentThread extends z.output<typeof commentSchema> {
  replies: CommentThread[];
}
const commentThreadSchema: z.ZodMiniType<CommentThread> = z.strictObject({
  ...commentSchema.shape,
  get replies() {
    return z.array(commentThreadSchema);
  },
});

/** The `next_cursor` of a cursor-paginated list: pass it back as `cursor`; null on the last page. */
const nextCursor = () => describe(z.nullable(id()), { description: 'Pass as cursor for the next page; null on the last' });

/** `GET /api/articles/{slug}/comments`. */
const commentPageSchema = z.strictObject({
  data: z.array(commentThreadSchema),
  meta: z.strictObject({
    total: count('Visible comments of the article'),
    sort: z.enum(COMMENT_SORTS),
    limit: id(),
    // Opaque: an id, or `<count>.<id>` for the orders by a count; valid only with the same sort.
    next_cursor: describe(z.nullable(z.string()), {
      description: 'Pass as cursor (with the same sort) for the next page; null on the last',
    }),
  }),
});

/** `202` to a comment held for moderation (or judged spam: the sender cannot tell). */
const pendingCommentSchema = z.strictObject({ status: z.literal('pending') });

/** Statuses a comment can have. */
const commentStatusSchema = z.enum(['pending', 'approved', 'spam', 'trash']);

/** One entry of a comment's moderation log. */
const moderationEntrySchema = z.strictObject({ from: z.string(), to: z.string(), actor: z.string(), at: dateTime() });

/** One earlier version of an edited comment (`PATCH /api/admin/comments/{id}/content`). */
const earlierVersionSchema = z.strictObject({
  name: z.string(),
  url: z.nullable(z.string()),
  body: z.string(),
  edited_by: z.string(),
  edited_at: dateTime(),
});

/**
 * A comment as moderators see it (admin API only), with its log on `GET /api/admin/comments/{id}`, its earlier
 * versions after an edit and its open reader reports in the reported queue (`GET /api/admin/reports`).
 */
const adminCommentSchema = z.strictObject({
  id: id(),
  article_slug: nonEmpty(),
  parent_id: z.nullable(id()),
  depth: z.int().check(z.gte(1), z.lte(5)),
  status: commentStatusSchema,
  author: z.strictObject({ name: z.string(), email: z.string(), url: z.nullable(z.string()) }),
  body: z.string(),
  created_at: dateTime(),
  updated_at: dateTime(),
  ip_hash: text('HMAC-SHA-256 of the client IP; the IP itself is never stored'),
  user_agent: z.string(),
  moderation_log: z.optional(z.array(moderationEntrySchema)),
  earlier_versions: z.optional(z.array(earlierVersionSchema)),
  reports: z.optional(z.strictObject({ count: id(), reasons: z.array(z.string()) })),
});

/** `GET /api/admin/comments`. */
const adminCommentPageSchema = z.strictObject({
  data: z.array(adminCommentSchema),
  meta: z.strictObject({ limit: id(), next_cursor: nextCursor() }),
});

/** `POST /api/admin/personal-data/export`: every comment of an email, any status, with its history. */
const personalDataExportSchema = z.strictObject({
  email: z.string(),
  exported_at: dateTime(),
  comments: z.array(adminCommentSchema),
});

/** `POST /api/admin/personal-data/erase`: how many comments were anonymised and how many removed. */
const personalDataErasureSchema = z.strictObject({ anonymised: count(), removed: count() });

/** One hit of `GET /api/search`. */
const searchResultSchema = z.strictObject({
  kind: z.enum(['article', 'comment']),
  title: z.string(),
  url: uri(),
  category: z.strictObject({ slug: nonEmpty(), name: nonEmpty() }),
  published_at: dateTime(),
  snippet_html: text('Escaped text with the matching words in <mark>'),
});

/** `GET /api/search`. */
const searchResultsSchema = z.strictObject({
  data: z.array(searchResultSchema),
  meta: z.strictObject({ query: text('The query as searched (NFC, trimmed)'), pagination: paginationSchema }),
});

/** RFC 9457 problem details: the body of every API error, served as application/problem+json. */
const problemSchema = z.strictObject({
  type: uri('<SITE_URL>/problems/<name>; names are listed in README.md'),
  title: text('Short, fixed summary of the problem type'),
  status: z.int().check(z.gte(400), z.lte(599)),
  detail: text('What went wrong with this request, specifically'),
  instance: z.optional(text('Path of the request')),
  errors: z.optional(
    describe(z.record(z.string(), z.array(z.string()).check(z.minLength(1))), {
      description: 'Field errors: field name → messages',
    }),
  ),
});

/** A JSON Feed 1.1 document (`application/feed+json`): articles or an article's comments, newest first. */
const jsonFeedSchema = z.strictObject({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string(),
  description: z.string(),
  home_page_url: uri(),
  feed_url: uri(),
  language: z.literal('ar'),
  items: z.array(
    z.strictObject({
      id: uri('The canonical URL: never changes'),
      url: uri(),
      title: z.string(),
      content_html: z.string(),
      summary: z.optional(z.string()),
      date_published: dateTime(),
      date_modified: dateTime(),
      authors: z.optional(z.array(z.strictObject({ name: z.string() }))),
      tags: z.optional(z.array(z.string())),
    }),
  ),
});

/** Every response shape, by the name it has in schemas/ and in the OpenAPI document's components. */
export const RESPONSE_SCHEMAS = {
  Article: articleSchema,
  ArticleSummary: articleSummarySchema,
  ArticleList: articleListSchema,
  Category: categorySchema,
  Pagination: paginationSchema,
  Comment: commentSchema,
  CommentThread: commentThreadSchema,
  CommentPage: commentPageSchema,
  PendingComment: pendingCommentSchema,
  AdminComment: adminCommentSchema,
  AdminCommentPage: adminCommentPageSchema,
  PersonalDataExport: personalDataExportSchema,
  PersonalDataErasure: personalDataErasureSchema,
  SearchResult: searchResultSchema,
  SearchResults: searchResultsSchema,
  Problem: problemSchema,
  JsonFeed: jsonFeedSchema,
  DateTime: dateTimeSchema,
} as const;

/** The TypeScript type of a response shape. */
export type ResponseOf<K extends keyof typeof RESPONSE_SCHEMAS> = z.output<(typeof RESPONSE_SCHEMAS)[K]>;
