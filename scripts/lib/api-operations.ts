/**
 * Every operation Minbar serves, one entry each: what is particular to it (its id, schemas, success responses and
 * the errors of its own logic). What a path and method imply for every route (301, 304, 400 on a bad path, 406 under
 * /api/, 401/503 for admin, 500, CORS, caching headers, the D1 bookmark) is added by scripts/lib/openapi.ts.
 * Adding a route is one entry here; a new status of a route is one number in its `errors`.
 */
import type * as z from 'zod/mini';
import type { RESPONSE_SCHEMAS } from '../../src/contracts/responses.ts';
import { adminPageQuerySchema, unblockQuerySchema } from '../../src/validation/admin-actions.ts';
import { articleListQuerySchema, articlePageQuerySchema, pageQuerySchema } from '../../src/validation/article-query.ts';
import { commentListQuerySchema, moderationQuerySchema } from '../../src/validation/comment.ts';
import { searchQuerySchema } from '../../src/validation/search.ts';
import { FEED_FORMAT_LIST, FEED_FORMATS, type FeedFormat } from '../../src/views/feed-formats.ts';
import type { REQUEST_SCHEMAS } from './openapi.ts';

/** Tags, with what each groups. */
export const TAGS = {
  Articles: 'Published articles as JSON',
  Comments: 'Reader comments: approved threads, and posting a new one',
  Moderation: 'The admin API for moderators (Bearer token)',
  Search: 'Arabic-aware search of articles and approved comments',
  Pages: 'HTML pages for readers (and the article as JSON when asked for it)',
  Feeds: 'Feeds, sitemaps and robots.txt',
  Meta: 'This document, and the endpoints as a page',
} as const;

type SchemaName = keyof typeof RESPONSE_SCHEMAS | keyof typeof REQUEST_SCHEMAS;

/** One success response of an operation. */
export interface ResponseSpec {
  description: string;
  /** Media type → a component schema name or an inline JSON Schema. */
  content?: Record<string, SchemaName | Record<string, unknown>>;
  /** Headers beyond the caching and CORS ones (component names in scripts/lib/openapi.ts). */
  headers?: string[];
  example?: unknown;
}

/** One operation, as the table below states it. */
export interface OperationSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, `{param}` style. */
  path: string;
  operationId: string;
  tag: keyof typeof TAGS;
  summary: string;
  description?: string;
  /** Behind the admin Bearer token. */
  admin?: boolean;
  /** False for a GET without ETag and 304. */
  cache?: boolean;
  /** The page can be personal (a reader's own held comment): then private, without ETag. */
  personal?: boolean;
  /** Served without its comments (and without ETag, briefly cacheable) while the comments database fails. */
  degradable?: boolean;
  query?: {
    schema: z.core.$ZodType;
    describe: Record<string, string>;
    /** Parameters the route requires though the schema has a default. */
    required?: string[];
    examples?: Record<string, unknown>;
  };
  /** Request header parameters (component names). */
  headers?: string[];
  body?: { media: string; schema: SchemaName; example: unknown };
  responses: Record<number, ResponseSpec>;
  /** Error statuses of the route's own logic. */
  errors?: number[];
}

const html = (description: string): ResponseSpec => ({ description, content: { 'text/html': { type: 'string' } } });
const json = (
  schema: SchemaName | Record<string, unknown>,
  description: string,
  headers?: ResponseSpec['headers'],
): ResponseSpec => ({
  description,
  content: { 'application/json': schema },
  ...(headers ? { headers } : {}),
});
/** A block, as the admin API shows it. */
const BLOCK = {
  type: 'object',
  required: ['kind', 'value', 'until', 'created_by', 'created_at'],
  properties: {
    kind: { enum: ['email', 'client'] },
    value: { type: 'string' },
    until: { type: ['string', 'null'], format: 'date-time', description: 'null: for good' },
    created_by: { type: 'string' },
    created_at: { type: 'string', format: 'date-time' },
  },
};
/** The paging of an admin list. */
const PAGE_META = {
  type: 'object',
  required: ['limit', 'next_cursor'],
  properties: { limit: { type: 'integer' }, next_cursor: { type: ['integer', 'null'] } },
};
const pageQuery = { schema: pageQuerySchema, describe: { page: '1-based page of the list' } };

const FEED_NAMES: Record<FeedFormat, string> = { xml: 'Rss', atom: 'Atom', json: 'JsonFeed' };
const feed = (format: FeedFormat, description: string): ResponseSpec => ({
  description,
  content: { [FEED_FORMATS[format].type]: format === 'json' ? 'JsonFeed' : { type: 'string' } },
});

/** The three formats of each feed. */
const FEEDS: OperationSpec[] = FEED_FORMAT_LIST.flatMap((format): OperationSpec[] => {
  const label = FEED_FORMATS[format].label;
  return [
    {
      method: 'get',
      path: `/feed.${format}`,
      operationId: `getSiteFeed${FEED_NAMES[format]}`,
      tag: 'Feeds',
      summary: `The newest 20 articles, in full (${label})`,
      responses: { 200: feed(format, label) },
      errors: [404],
    },
    {
      method: 'get',
      path: `/categories/{slug}/feed.${format}`,
      operationId: `getCategoryFeed${FEED_NAMES[format]}`,
      tag: 'Feeds',
      summary: `A category's newest 20 articles (${label})`,
      responses: { 200: feed(format, label) },
      errors: [404],
    },
    {
      method: 'get',
      path: `/articles/{slug}/comments/feed.${format}`,
      operationId: `getCommentsFeed${FEED_NAMES[format]}`,
      tag: 'Feeds',
      summary: `An article's newest 50 approved comments (${label})`,
      responses: { 200: feed(format, label) },
      errors: [404],
    },
  ];
});

/** Every operation, in the order the document lists them. */
export const OPERATIONS: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/articles',
    operationId: 'listArticles',
    tag: 'Articles',
    summary: 'Published articles, newest first',
    query: {
      schema: articleListQuerySchema,
      describe: { category: 'Only this category (its slug)', page: '1-based page', per_page: 'Articles per page' },
      examples: { category: 'libya' },
    },
    responses: { 200: json('ArticleList', 'A page of articles', ['Link']) },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/articles/{slug}',
    operationId: 'getArticle',
    tag: 'Articles',
    summary: 'One article, whole',
    degradable: true,
    responses: { 200: json('Article', 'The article') },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/articles/{slug}/comments',
    operationId: 'listComments',
    tag: 'Comments',
    summary: 'Approved comments, oldest first, threaded',
    query: {
      schema: commentListQuerySchema,
      describe: {
        sort: 'Order of the top-level comments (replies stay oldest first); count orders break ties newest first',
        cursor: 'meta.next_cursor of the previous page, with the same sort',
        limit: 'Top-level comments per page',
      },
    },
    responses: { 200: json('CommentPage', 'A page of threads', ['LinkNext']) },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/articles/{slug}/comments',
    operationId: 'createComment',
    tag: 'Comments',
    summary: 'Leave a comment',
    description:
      'Any origin may post (CORS, no credentials). Send the answered X-D1-Bookmark back on your next read to see your comment.',
    headers: ['IdempotencyKey'],
    body: {
      media: 'application/json',
      schema: 'CommentInput',
      example: { name: 'سالم', email: 'salem@example.com', body: 'تحليل مفيد، شكراً.' },
    },
    responses: {
      201: json('Comment', 'Approved at once; Location names it', ['Location', 'XD1Bookmark', 'IdempotentReplayed']),
      202: json('PendingComment', 'Held for moderation (or judged spam: the sender cannot tell)', [
        'XD1Bookmark',
        'IdempotentReplayed',
      ]),
    },
    errors: [400, 403, 404, 409, 413, 415, 422, 429, 503],
  },
  {
    method: 'get',
    path: '/api/articles/{slug}/comments/{id}',
    operationId: 'getComment',
    tag: 'Comments',
    summary: 'One approved comment',
    responses: { 200: json('Comment', 'The comment') },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/admin/comments',
    operationId: 'listModerationQueue',
    tag: 'Moderation',
    summary: 'The moderation queue, newest first, with emails, IP hashes and user agents',
    admin: true,
    query: {
      schema: moderationQuerySchema,
      describe: {
        status: 'Only this status',
        article: 'Only this article slug',
        cursor: 'meta.next_cursor of the previous page',
        limit: 'Comments per page',
      },
    },
    responses: { 200: json('AdminCommentPage', 'A page of comments') },
  },
  {
    method: 'get',
    path: '/api/admin/comments/{id}',
    operationId: 'getModeratedComment',
    tag: 'Moderation',
    summary: 'A comment with its moderation log',
    admin: true,
    responses: { 200: json('AdminComment', 'The comment') },
    errors: [404],
  },
  {
    method: 'patch',
    path: '/api/admin/comments/{id}',
    operationId: 'moderateComment',
    tag: 'Moderation',
    summary: 'Change its status (recorded in the audit log, with X-Moderator if given)',
    admin: true,
    headers: ['Moderator'],
    body: { media: 'application/json', schema: 'ModerationPatch', example: { status: 'approved' } },
    responses: { 200: json('AdminComment', 'The comment after the change', ['XD1Bookmark']) },
    errors: [400, 404, 409, 413, 415, 422],
  },
  {
    method: 'delete',
    path: '/api/admin/comments/{id}',
    operationId: 'deleteComment',
    tag: 'Moderation',
    summary: 'Delete for good; its replies move up to its parent',
    admin: true,
    headers: ['Moderator'],
    responses: { 204: { description: 'Deleted', headers: ['XD1Bookmark'] } },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/admin/comments/{id}/pin',
    operationId: 'pinComment',
    tag: 'Moderation',
    summary: 'Pin an approved top-level comment to the top of its article, replacing its pin (logged, with X-Moderator)',
    admin: true,
    headers: ['Moderator'],
    responses: { 204: { description: 'Pinned (or pinned already)' } },
    errors: [400, 404, 409],
  },
  {
    method: 'delete',
    path: '/api/admin/comments/{id}/pin',
    operationId: 'unpinComment',
    tag: 'Moderation',
    summary: 'Unpin a comment (logged, with X-Moderator)',
    admin: true,
    headers: ['Moderator'],
    responses: { 204: { description: 'Not pinned (any more)' } },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/admin/comments/bulk',
    operationId: 'moderateComments',
    tag: 'Moderation',
    summary: 'One action on up to 100 comments: one batch, one log row each (with X-Moderator), each article bumped once',
    description:
      'The comments that exist are changed together; ids that no longer exist change nothing and are listed in `missing` (200 all the same, so a retry is safe). 409 (and nothing changed) when a trashed comment cannot leave the trash because the same comment was posted again since.',
    admin: true,
    headers: ['Moderator'],
    body: { media: 'application/json', schema: 'BulkAction', example: { ids: [12, 15], action: 'spam' } },
    responses: {
      200: json(
        {
          type: 'object',
          required: ['action', 'done', 'missing'],
          properties: {
            action: { type: 'string' },
            done: { type: 'array', items: { type: 'integer' }, description: 'The comments changed' },
            missing: { type: 'array', items: { type: 'integer' }, description: 'Named ids no comment has (any more)' },
          },
        },
        'What was done',
      ),
    },
    errors: [400, 409, 413, 415, 422],
  },
  {
    method: 'patch',
    path: '/api/admin/comments/{id}/content',
    operationId: 'editComment',
    tag: 'Moderation',
    summary: "Edit a comment's name, website (url) or text; the previous version is kept (earlier_versions)",
    admin: true,
    headers: ['Moderator'],
    body: { media: 'application/json', schema: 'CommentContent', example: { body: 'النص بعد التصحيح' } },
    responses: {
      200: json('AdminComment', 'The comment after the edit'),
    },
    errors: [400, 404, 409, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/admin/comments/{id}/reply',
    operationId: 'replyAsNewsroom',
    tag: 'Moderation',
    summary: 'Reply as the newsroom: published at once under an approved comment, with the role "newsroom"',
    admin: true,
    body: { media: 'application/json', schema: 'NewsroomReply', example: { body: 'شكراً، صحّحنا الخطأ.' } },
    responses: { 201: json('AdminComment', 'The reply; Location names it', ['Location']) },
    errors: [400, 404, 409, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/admin/blocks',
    operationId: 'listBlocks',
    tag: 'Moderation',
    summary: 'Blocked emails and clients (IP hashes) in force, newest first',
    admin: true,
    responses: {
      200: json({ type: 'object', required: ['data'], properties: { data: { type: 'array', items: BLOCK } } }, 'The blocks'),
    },
  },
  {
    method: 'post',
    path: '/api/admin/blocks',
    operationId: 'addBlock',
    tag: 'Moderation',
    summary: "Block an email or a client (a value, or a comment's), for `days` or for good; its comments go to spam",
    admin: true,
    headers: ['Moderator'],
    body: { media: 'application/json', schema: 'BlockRequest', example: { kind: 'client', comment_id: 12, days: 30 } },
    responses: { 201: json(BLOCK, 'The block') },
    errors: [400, 404, 413, 415, 422],
  },
  {
    method: 'delete',
    path: '/api/admin/blocks',
    operationId: 'removeBlock',
    tag: 'Moderation',
    summary: 'Lift a block',
    admin: true,
    query: {
      schema: unblockQuerySchema,
      describe: { kind: 'email or client', value: 'The blocked email or IP hash' },
      examples: { kind: 'email', value: 'salem@example.com' },
    },
    responses: { 204: { description: 'Lifted' } },
    errors: [400, 404],
  },
  {
    method: 'put',
    path: '/api/admin/articles/{slug}/comments-state',
    operationId: 'setCommentsState',
    tag: 'Moderation',
    summary: "Close or reopen an article's comments at once, without republishing (logged with X-Moderator)",
    admin: true,
    headers: ['Moderator'],
    body: { media: 'application/json', schema: 'CommentState', example: { state: 'closed' } },
    responses: {
      200: json(
        {
          type: 'object',
          required: ['slug', 'state'],
          properties: { slug: { type: 'string' }, state: { enum: ['open', 'closed'] } },
        },
        'The state now',
      ),
    },
    errors: [400, 404, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/admin/log',
    operationId: 'getSiteModerationLog',
    tag: 'Moderation',
    summary: 'The latest moderation actions across the site, newest first',
    admin: true,
    query: {
      schema: adminPageQuerySchema,
      describe: { cursor: 'meta.next_cursor of the previous page', limit: 'Entries per page' },
    },
    responses: {
      200: json(
        {
          type: 'object',
          required: ['data', 'meta'],
          properties: {
            data: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'comment_id', 'from', 'to', 'actor', 'at'],
                properties: {
                  id: { type: 'integer' },
                  comment_id: { type: 'integer' },
                  from: { type: 'string' },
                  to: { type: 'string' },
                  actor: { type: 'string' },
                  at: { type: 'string', format: 'date-time' },
                },
              },
            },
            meta: PAGE_META,
          },
        },
        'A page of the log',
      ),
    },
  },
  {
    method: 'get',
    path: '/api/admin/reports',
    operationId: 'listReportedComments',
    tag: 'Moderation',
    summary: 'The reported queue: comments with open reader reports, newest first, each with its reports',
    admin: true,
    query: {
      schema: adminPageQuerySchema,
      describe: { cursor: 'meta.next_cursor of the previous page', limit: 'Comments per page' },
    },
    responses: {
      200: json('AdminCommentPage', 'A page of the reported queue'),
    },
  },
  {
    method: 'get',
    path: '/api/admin/comments/{id}/log',
    operationId: 'getModerationLog',
    tag: 'Moderation',
    summary: "A comment's moderation log, oldest first, also after the comment was deleted",
    admin: true,
    responses: {
      200: json(
        {
          type: 'object',
          required: ['comment_id', 'moderation_log'],
          properties: { comment_id: { type: 'integer' }, moderation_log: { type: 'array', items: { type: 'object' } } },
        },
        'The log',
      ),
    },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/admin/personal-data/export',
    operationId: 'exportPersonalData',
    tag: 'Moderation',
    summary: 'GDPR export: every comment of an email, any status, with its moderation_log (an attachment)',
    admin: true,
    body: { media: 'application/json', schema: 'PersonalDataRequest', example: { email: 'salem@example.com' } },
    responses: { 200: json('PersonalDataExport', 'email, exported_at, comments', ['XD1Bookmark']) },
    errors: [400, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/admin/personal-data/erase',
    operationId: 'erasePersonalData',
    tag: 'Moderation',
    summary: 'GDPR erasure: anonymise every comment of an email, or with remove_text delete them',
    admin: true,
    body: {
      media: 'application/json',
      schema: 'ErasureRequest',
      example: { email: 'salem@example.com', remove_text: false },
    },
    responses: { 200: json('PersonalDataErasure', 'How many comments were anonymised and removed', ['XD1Bookmark']) },
    errors: [400, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/search',
    operationId: 'search',
    tag: 'Search',
    summary: 'Arabic-aware search of articles and approved comments, title matches first',
    query: {
      schema: searchQuerySchema,
      describe: { q: 'The words to find, in any spelling (تُرْكِيَا, تركيا, وتركيا)', page: '1-based page of results' },
      required: ['q'],
      examples: { q: 'أنقرة' },
    },
    responses: { 200: json('SearchResults', 'A page of results') },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'Meta',
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { type: 'object' } } } },
  },
  {
    method: 'get',
    path: '/api',
    operationId: 'getApiPage',
    tag: 'Meta',
    summary: 'The endpoints, as an HTML page',
    responses: { 200: html('HTML') },
  },
  {
    method: 'get',
    path: '/',
    operationId: 'getHomePage',
    tag: 'Pages',
    summary: 'Front page: the newest articles',
    query: pageQuery,
    responses: { 200: html('HTML') },
    errors: [404],
  },
  {
    method: 'get',
    path: '/articles/{slug}',
    operationId: 'getArticlePage',
    tag: 'Pages',
    summary: 'The article page, or the article as JSON when Accept prefers application/json',
    personal: true,
    query: {
      schema: articlePageQuerySchema,
      describe: {
        replyto: 'Put the comment form in reply mode',
        sort: 'Order of the comment threads',
        comments_after: 'The next page of comment threads (the "more comments" link), with the same sort',
      },
    },
    responses: {
      200: {
        description: 'HTML, or the same JSON as GET /api/articles/{slug}',
        content: { 'text/html': { type: 'string' }, 'application/json': 'Article' },
        headers: ['Vary'],
      },
    },
    errors: [404, 406],
  },
  {
    method: 'post',
    path: '/articles/{slug}/comments',
    operationId: 'postCommentForm',
    tag: 'Pages',
    summary: 'The comment form (application/x-www-form-urlencoded, same origin only); 303 back to the article',
    body: {
      media: 'application/x-www-form-urlencoded',
      schema: 'CommentInput',
      example: { name: 'سالم', email: 'salem@example.com', body: 'تحليل مفيد، شكراً.' },
    },
    responses: {
      303: { description: 'Stored: Location is the comment on the article page', headers: ['Location', 'XD1Bookmark'] },
    },
    errors: [400, 403, 404, 409, 413, 422, 429, 503],
  },
  {
    method: 'post',
    path: '/comments/{id}/agree',
    operationId: 'toggleAgreement',
    tag: 'Pages',
    summary:
      'The «أتفق» button (form-encoded, same origin only): agrees with a visible comment, or takes it back; 303 to the comment',
    query: {
      schema: articlePageQuerySchema,
      describe: {
        replyto: 'Not used here',
        sort: 'The order the button was pressed in, kept by the redirect',
        comments_after: 'The page of threads it was pressed on, kept by the redirect',
      },
    },
    responses: {
      303: { description: 'Toggled: Location is the comment on its article page', headers: ['Location', 'XD1Bookmark'] },
    },
    errors: [400, 403, 404, 415, 429],
  },
  {
    method: 'get',
    path: '/comments/{id}/report',
    operationId: 'getReportForm',
    tag: 'Pages',
    summary: 'The «إبلاغ» form of a visible comment: its reasons (noindex, no JavaScript)',
    cache: false,
    responses: { 200: html('HTML') },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/comments/{id}/report',
    operationId: 'reportComment',
    tag: 'Pages',
    summary:
      'A reader reports a visible comment (form-encoded `reason`, same origin only): one report per client per comment; ' +
      'at COMMENT_REPORT_THRESHOLD reports it goes back to the moderators',
    cache: false,
    responses: { 200: html('HTML: thanks (the desk Worker answers)') },
    errors: [400, 403, 404, 422, 429],
  },
  {
    method: 'get',
    path: '/problems/{name}',
    operationId: 'getProblemType',
    tag: 'Meta',
    summary: 'What a problem type (the `type` URI of an error) means, as a page',
    responses: { 200: html('HTML') },
    errors: [404],
  },
  {
    method: 'get',
    path: '/categories/{slug}',
    operationId: 'getCategoryPage',
    tag: 'Pages',
    summary: "A category's articles",
    query: pageQuery,
    responses: { 200: html('HTML') },
    errors: [404],
  },
  {
    method: 'get',
    path: '/search',
    operationId: 'getSearchPage',
    tag: 'Pages',
    summary: 'The search results page',
    query: { schema: searchQuerySchema, describe: { q: 'The words to find', page: '1-based page of results' } },
    responses: { 200: html('HTML') },
  },
  {
    method: 'get',
    path: '/robots.txt',
    operationId: 'getRobotsTxt',
    tag: 'Feeds',
    summary: 'robots.txt',
    responses: { 200: { description: 'robots.txt', content: { 'text/plain': { type: 'string' } } } },
  },
  {
    method: 'get',
    path: '/sitemap.xml',
    operationId: 'getSitemap',
    tag: 'Feeds',
    summary: 'Sitemap index: the pages sitemap and one articles sitemap per 1,000 articles, each with its lastmod',
    responses: { 200: { description: 'Sitemap index', content: { 'application/xml': { type: 'string' } } } },
  },
  {
    method: 'get',
    path: '/sitemaps/{name}',
    operationId: 'getChildSitemap',
    tag: 'Feeds',
    summary: 'A sitemap the index names: `pages.xml` (front page and categories) or `articles-N.xml` (oldest first)',
    responses: { 200: { description: 'Sitemap', content: { 'application/xml': { type: 'string' } } } },
    errors: [404],
  },
  {
    method: 'get',
    path: '/news-sitemap.xml',
    operationId: 'getNewsSitemap',
    tag: 'Feeds',
    summary: 'Google News sitemap (the last 2 days)',
    responses: { 200: { description: 'News sitemap', content: { 'application/xml': { type: 'string' } } } },
  },
  ...FEEDS,
];
