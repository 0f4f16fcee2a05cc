/**
 * The OpenAPI 3.1 document of Minbar, generated from the schemas that validate requests (src/validation, through
 * zod's JSON Schema output) and the response schemas in schemas/. `npm run openapi` writes schemas/openapi.json,
 * which the Worker serves at /api/openapi.json; a test fails when the committed file is not what this generates.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { articleListQuerySchema } from '../../src/validation/article-query.ts';
import {
  commentInputSchema,
  commentListQuerySchema,
  moderationPatchSchema,
  moderationQuerySchema,
} from '../../src/validation/comment.ts';
import { personalDataEraseSchema, personalDataExportSchema } from '../../src/validation/personal-data.ts';
import { searchQuerySchema } from '../../src/validation/search.ts';
import { FEED_FORMATS } from '../../src/views/feed-formats.ts';

type Json = Record<string, unknown>;

/** A response schema from schemas/, its references rewritten to point inside the OpenAPI document. */
const readSchema = (name: string): Json => {
  const text = readFileSync(`schemas/${name}.schema.json`, 'utf8')
    .replaceAll('"article.schema.json#/$defs/', '"#/components/schemas/Article/$defs/')
    .replaceAll('"#/$defs/', '"#/components/schemas/Article/$defs/');
  const { $schema: _, $id: __, ...schema } = JSON.parse(text) as Json;
  return schema;
};

/** A zod schema as JSON Schema, describing what a client sends. */
const input = (schema: z.core.$ZodType): Json => {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return json;
};

/** Query parameters from a zod object schema. */
function queryParameters(schema: z.core.$ZodType, descriptions: Record<string, string>): Json[] {
  const json = input(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    description: descriptions[name] ?? '',
    schema: property,
  }));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (schema: Json, description: string, example?: unknown) => ({
  description,
  content: { 'application/json': { schema, ...(example !== undefined ? { example } : {}) } },
});
const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { $ref: `#/components/responses/Problem${status}` }]));
const text = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string' } } } });
const slug = {
  name: 'slug',
  in: 'path',
  required: true,
  description: 'Article slug (NFC, may be Arabic)',
  schema: { type: 'string' },
  example: 'تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا',
};
const id = { name: 'id', in: 'path', required: true, description: 'Comment id', schema: { type: 'string', pattern: '^\\d+$' } };
const categorySlug = { ...slug, description: 'Category slug', example: 'libya' };
const admin = [{ adminToken: [] }];

const PROBLEM_TITLES: Record<number, string> = {
  400: 'Malformed request: bad parameter, malformed JSON, unknown fields',
  401: 'Missing or wrong Bearer token',
  403: 'Comments closed, invalid parent, or a cross-site form post',
  404: 'No such article, comment or route',
  405: 'Method not allowed (see Allow)',
  406: 'The Accept header allows no JSON',
  409: 'The same comment already exists',
  413: 'The body is too large',
  415: 'Not application/json',
  422: 'A field is invalid (errors, in Arabic, by field), or an Idempotency-Key was reused',
  429: 'Too fast or too many (see Retry-After)',
  500: 'Unexpected failure (nothing internal is revealed)',
  503: 'Not configured (ADMIN_TOKEN or IP_HASH_SECRET unset)',
};

const commentSchema = {
  type: 'object',
  required: ['id', 'parent_id', 'author', 'body', 'created_at'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer' },
    parent_id: { type: ['integer', 'null'] },
    author: {
      type: 'object',
      required: ['name', 'url'],
      additionalProperties: false,
      properties: { name: { type: 'string' }, url: { type: ['string', 'null'], format: 'uri' } },
    },
    body: { type: 'string', description: 'Plain text, exactly as typed (NFC); show it escaped' },
    created_at: { type: 'string', format: 'date-time' },
  },
};

/** Every route Minbar serves, for the coverage test: method and OpenAPI path. */
export function buildOpenApi(version: string): Json {
  const feedPaths = Object.fromEntries(
    (['xml', 'atom', 'json'] as const).flatMap((ext) => {
      const type = FEED_FORMATS[ext].type;
      const get = (summary: string, parameters: Json[] = []) => ({
        get: {
          tags: ['Feeds and sitemaps'],
          summary,
          parameters,
          responses: { 200: text(type, summary), 304: { description: 'Not modified' }, ...problems(404) },
        },
      });
      return [
        [`/feed.${ext}`, get(`Newest 20 articles (${ext})`)],
        [`/categories/{slug}/feed.${ext}`, get(`A category's newest 20 articles (${ext})`, [categorySlug])],
        [`/articles/{slug}/comments/feed.${ext}`, get(`An article's newest approved comments (${ext})`, [slug])],
      ];
    }),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Minbar (منبر)',
      version,
      description: 'Arabic-first news articles and reader comments. Every error is application/problem+json (RFC 9457).',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'Articles' },
      { name: 'Comments' },
      { name: 'Moderation' },
      { name: 'Search' },
      { name: 'Pages' },
      { name: 'Feeds and sitemaps' },
    ],
    paths: {
      '/api/articles': {
        get: {
          tags: ['Articles'],
          summary: 'Published articles, newest first',
          parameters: queryParameters(articleListQuerySchema, {
            category: 'Only this category',
            page: '1-based page',
            per_page: '1–100, default 20',
          }),
          responses: {
            200: jsonBody(ref('ArticleList'), 'A page of articles; Link headers carry first, last, prev and next'),
            304: { description: 'Not modified' },
            ...problems(400, 406),
          },
        },
      },
      '/api/articles/{slug}': {
        get: {
          tags: ['Articles'],
          summary: 'One article',
          parameters: [slug],
          responses: {
            200: jsonBody(ref('Article'), 'The article'),
            304: { description: 'Not modified' },
            ...problems(404, 406),
          },
        },
      },
      '/api/articles/{slug}/comments': {
        get: {
          tags: ['Comments'],
          summary: 'Approved comments, oldest first, threaded',
          parameters: [
            slug,
            ...queryParameters(commentListQuerySchema, {
              cursor: 'next_cursor of the previous page',
              limit: 'Top-level comments per page, 1–100, default 50',
            }),
          ],
          responses: {
            200: jsonBody(ref('CommentPage'), 'A page of threads'),
            304: { description: 'Not modified' },
            ...problems(400, 404),
          },
        },
        post: {
          tags: ['Comments'],
          summary: 'Leave a comment',
          parameters: [
            slug,
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: 'Retries within 24 h get the first response',
              schema: { type: 'string', maxLength: 255 },
            },
          ],
          requestBody: {
            required: true,
            ...jsonBody(
              input(commentInputSchema),
              'name 1–245 characters, email ≤ 100, url http(s) ≤ 200, body 1–65,525 characters',
              {
                name: 'سالم',
                email: 'salem@example.com',
                body: 'تحليل مفيد، شكراً.',
              },
            ),
          },
          responses: {
            201: jsonBody(ref('Comment'), 'Approved at once; Location names it'),
            202: jsonBody(
              { type: 'object', required: ['status'], properties: { status: { const: 'pending' } } },
              'Held for moderation',
            ),
            ...problems(400, 403, 404, 409, 413, 415, 422, 429, 503),
          },
        },
      },
      '/api/articles/{slug}/comments/{id}': {
        get: {
          tags: ['Comments'],
          summary: 'One approved comment',
          parameters: [slug, id],
          responses: { 200: jsonBody(ref('Comment'), 'The comment'), ...problems(404) },
        },
      },
      '/api/admin/comments': {
        get: {
          tags: ['Moderation'],
          summary: 'The moderation queue, newest first, with emails, IP hashes and user agents',
          security: admin,
          parameters: queryParameters(moderationQuerySchema, {
            status: 'Only this status',
            article: 'Only this article slug',
            cursor: 'next_cursor of the previous page',
            limit: '1–100, default 50',
          }),
          responses: { 200: jsonBody(ref('AdminCommentPage'), 'A page of comments'), ...problems(400, 401, 503) },
        },
      },
      '/api/admin/comments/{id}': {
        get: {
          tags: ['Moderation'],
          summary: 'A comment with its moderation log',
          security: admin,
          parameters: [id],
          responses: { 200: jsonBody(ref('AdminComment'), 'The comment'), ...problems(401, 404, 503) },
        },
        patch: {
          tags: ['Moderation'],
          summary: 'Change its status (recorded in the audit log, with X-Moderator if given)',
          security: admin,
          parameters: [id, { name: 'X-Moderator', in: 'header', required: false, schema: { type: 'string', maxLength: 100 } }],
          requestBody: { required: true, ...jsonBody(input(moderationPatchSchema), 'The new status', { status: 'approved' }) },
          responses: { 200: jsonBody(ref('AdminComment'), 'The comment after the change'), ...problems(401, 404, 415, 422, 503) },
        },
        delete: {
          tags: ['Moderation'],
          summary: 'Delete for good; replies move up to its parent',
          security: admin,
          parameters: [id],
          responses: { 204: { description: 'Deleted' }, ...problems(401, 404, 503) },
        },
      },
      '/api/admin/personal-data/export': {
        post: {
          tags: ['Moderation'],
          summary: 'GDPR export: every comment of an email, any status, with its moderation_log (an attachment)',
          security: admin,
          requestBody: { required: true, ...jsonBody(input(personalDataExportSchema), 'Whose data') },
          responses: {
            200: jsonBody(
              { type: 'object', properties: { comments: { type: 'array', items: ref('AdminComment') } } },
              'email, exported_at, comments',
            ),
            ...problems(401, 415, 422, 503),
          },
        },
      },
      '/api/admin/personal-data/erase': {
        post: {
          tags: ['Moderation'],
          summary: 'GDPR erasure: anonymise every comment of an email, or with remove_text delete them',
          security: admin,
          requestBody: { required: true, ...jsonBody(input(personalDataEraseSchema), 'Whose data') },
          responses: {
            200: jsonBody(
              { type: 'object', properties: { anonymised: { type: 'integer' }, removed: { type: 'integer' } } },
              'Counts',
            ),
            ...problems(401, 415, 422, 503),
          },
        },
      },
      '/api/search': {
        get: {
          tags: ['Search'],
          summary: 'Arabic-aware search of articles and approved comments, title matches first',
          parameters: queryParameters(searchQuerySchema, {
            q: 'The words to find (any spelling: تُرْكِيَا, تركيا, وتركيا)',
            page: '1–50',
          }).map((p) => (p.name === 'q' ? { ...p, required: true, example: 'أنقرة' } : p)),
          responses: { 200: jsonBody(ref('SearchResults'), 'A page of results'), ...problems(400) },
        },
      },
      '/api/openapi.json': {
        get: { tags: ['Pages'], summary: 'This document', responses: { 200: jsonBody({ type: 'object' }, 'OpenAPI 3.1') } },
      },
      '/api': {
        get: { tags: ['Pages'], summary: 'The endpoints, as an HTML page', responses: { 200: text('text/html', 'HTML') } },
      },
      '/': {
        get: { tags: ['Pages'], summary: 'Front page', responses: { 200: text('text/html', 'HTML'), ...problems(400, 404) } },
      },
      '/articles/{slug}': {
        get: {
          tags: ['Pages'],
          summary: 'Article page (JSON when Accept prefers application/json)',
          parameters: [slug],
          responses: { 200: text('text/html', 'HTML'), 304: { description: 'Not modified' }, ...problems(404, 406) },
        },
      },
      '/articles/{slug}/comments': {
        post: {
          tags: ['Pages'],
          summary: 'The comment form (application/x-www-form-urlencoded, same origin only); 303 back to the article',
          parameters: [slug],
          responses: {
            303: { description: 'Stored' },
            422: text('text/html', 'The page again, with messages by field'),
            ...problems(403, 409, 413, 429),
          },
        },
      },
      '/categories/{slug}': {
        get: {
          tags: ['Pages'],
          summary: 'Category page',
          parameters: [categorySlug],
          responses: { 200: text('text/html', 'HTML'), ...problems(404) },
        },
      },
      '/search': { get: { tags: ['Pages'], summary: 'Search results page', responses: { 200: text('text/html', 'HTML') } } },
      '/robots.txt': {
        get: { tags: ['Feeds and sitemaps'], summary: 'robots.txt', responses: { 200: text('text/plain', 'robots.txt') } },
      },
      '/sitemap.xml': {
        get: { tags: ['Feeds and sitemaps'], summary: 'Sitemap', responses: { 200: text('application/xml', 'Sitemap') } },
      },
      '/news-sitemap.xml': {
        get: {
          tags: ['Feeds and sitemaps'],
          summary: 'Google News sitemap (last 2 days)',
          responses: { 200: text('application/xml', 'News sitemap') },
        },
      },
      ...feedPaths,
    },
    components: {
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN secret' } },
      schemas: {
        Article: readSchema('article'),
        ArticleList: JSON.parse(
          JSON.stringify(readSchema('article-list')).replaceAll(
            'article.schema.json#/$defs/',
            '#/components/schemas/Article/$defs/',
          ),
        ),
        Problem: readSchema('problem'),
        Comment: commentSchema,
        CommentThread: {
          ...commentSchema,
          required: [...commentSchema.required, 'replies'],
          properties: { ...commentSchema.properties, replies: { type: 'array', items: ref('CommentThread') } },
        },
        CommentPage: {
          type: 'object',
          required: ['data', 'meta'],
          properties: {
            data: { type: 'array', items: ref('CommentThread') },
            meta: {
              type: 'object',
              required: ['total', 'limit', 'next_cursor'],
              properties: { total: { type: 'integer' }, limit: { type: 'integer' }, next_cursor: { type: ['string', 'null'] } },
            },
          },
        },
        AdminComment: {
          type: 'object',
          required: [
            'id',
            'article_slug',
            'parent_id',
            'depth',
            'status',
            'author',
            'body',
            'created_at',
            'updated_at',
            'ip_hash',
            'user_agent',
          ],
          properties: {
            id: { type: 'integer' },
            article_slug: { type: 'string' },
            parent_id: { type: ['integer', 'null'] },
            depth: { type: 'integer', minimum: 1, maximum: 5 },
            status: { enum: ['pending', 'approved', 'spam', 'trash'] },
            author: {
              type: 'object',
              properties: { name: { type: 'string' }, email: { type: 'string' }, url: { type: ['string', 'null'] } },
            },
            body: { type: 'string' },
            created_at: { type: 'string', format: 'date-time' },
            updated_at: { type: 'string', format: 'date-time' },
            ip_hash: { type: 'string', description: 'HMAC-SHA-256 of the client IP; the IP itself is never stored' },
            user_agent: { type: 'string' },
            moderation_log: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  from: { type: 'string' },
                  to: { type: 'string' },
                  actor: { type: 'string' },
                  at: { type: 'string' },
                },
              },
            },
          },
        },
        AdminCommentPage: {
          type: 'object',
          required: ['data', 'meta'],
          properties: {
            data: { type: 'array', items: ref('AdminComment') },
            meta: { type: 'object', properties: { limit: { type: 'integer' }, next_cursor: { type: ['string', 'null'] } } },
          },
        },
        SearchResults: {
          type: 'object',
          required: ['data', 'meta'],
          properties: {
            data: {
              type: 'array',
              items: {
                type: 'object',
                required: ['kind', 'title', 'url', 'category', 'published_at', 'snippet_html'],
                properties: {
                  kind: { enum: ['article', 'comment'] },
                  title: { type: 'string' },
                  url: { type: 'string', format: 'uri' },
                  category: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } } },
                  published_at: { type: 'string', format: 'date-time' },
                  snippet_html: { type: 'string', description: 'Escaped text with the matching words in <mark>' },
                },
              },
            },
            meta: { type: 'object' },
          },
        },
      },
      responses: Object.fromEntries(
        Object.entries(PROBLEM_TITLES).map(([status, description]) => [
          `Problem${status}`,
          { description, content: { 'application/problem+json': { schema: ref('Problem') } } },
        ]),
      ),
    },
  };
}
