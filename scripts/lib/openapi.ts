/**
 * The OpenAPI 3.1 document of Minbar, generated from the one definition of each contract: request schemas
 * (src/validation, zod), response schemas (src/contracts/responses.ts, zod) and the table of operations
 * (scripts/lib/api-operations.ts). Everything every route shares (301 canonical redirects, 304s, CORS, caching,
 * the error media types, the D1 bookmark) is added here from the route's path and method, so a new route or status
 * is one entry or one number in that table. `npm run openapi` writes schemas/openapi.json and schemas/*.schema.json;
 * tests fail when the committed files are not what this generates.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { PROBLEM_TYPES } from '../../src/contracts/problem-types.ts';
import { RESPONSE_SCHEMAS } from '../../src/contracts/responses.ts';
import { MAX_STALENESS_SECONDS, PUBLIC_CACHE_CONTROL } from '../../src/http/cache-policy.ts';
import { CORS_EXPOSED_HEADERS, isPublicCrossOriginPath } from '../../src/http/cors-policy.ts';
import {
  blockSchema,
  bulkActionSchema,
  commentContentSchema,
  commentStateSchema,
  newsroomReplySchema,
} from '../../src/validation/admin-actions.ts';
import { commentInputSchema, moderationPatchSchema } from '../../src/validation/comment.ts';
import { personalDataEraseSchema, personalDataExportSchema } from '../../src/validation/personal-data.ts';
import { OPERATIONS, type OperationSpec, type ResponseSpec, TAGS } from './api-operations.ts';

type Json = Record<string, unknown>;

/** Request bodies, by their component name. */
export const REQUEST_SCHEMAS = {
  CommentInput: commentInputSchema,
  ModerationPatch: moderationPatchSchema,
  PersonalDataRequest: personalDataExportSchema,
  ErasureRequest: personalDataEraseSchema,
  BulkAction: bulkActionSchema,
  CommentContent: commentContentSchema,
  NewsroomReply: newsroomReplySchema,
  BlockRequest: blockSchema,
  CommentState: commentStateSchema,
} as const;

/** What each error status means; API answers are problem+json, pages answer the Arabic HTML page. */
const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request: a bad parameter or header, malformed JSON, unknown fields, a path that is not UTF-8',
  401: 'Missing or wrong Bearer token',
  403: 'Comments closed, an invalid parent, or a cross-site form post',
  404: 'No such article, category, comment or page',
  405: 'Method not allowed (see Allow)',
  406: 'The Accept header allows none of the media types of this route',
  409: 'The same comment already exists',
  413: 'The body is too large (over 300 KiB)',
  415: 'Not application/json',
  422: 'A field is invalid (errors, in Arabic, by field), or an Idempotency-Key was reused',
  429: 'Too fast or too many (see Retry-After)',
  500: 'Unexpected failure (logged; nothing internal is revealed)',
  503: 'Temporarily unavailable: storage (KV or D1) cannot be read, or the site is not configured (see Retry-After)',
};

const STALENESS = `A browser or shared cache may keep this ${PUBLIC_CACHE_CONTROL.replace('public, ', '')}: what a reader sees is at most ${MAX_STALENESS_SECONDS} seconds older than the site.`;

interface HeaderSpec {
  wire: string;
  description: string;
  required: boolean;
  schema: Json;
}
const header = (wire: string, required: boolean, description: string, schema: Json = { type: 'string' }): HeaderSpec => ({
  wire,
  required,
  description,
  schema,
});
const CORS_ORIGIN = '`*`: any origin may use this (no credentials)';
const CORS_EXPOSED = `The headers a cross-origin client may read: ${CORS_EXPOSED_HEADERS.join(', ')}`;
/** Response headers, by component name, with the name they have on the wire and whether they are always sent. */
const HEADERS: Record<string, HeaderSpec> = {
  ETag: header('ETag', true, 'Strong validator of this representation; send it back in If-None-Match to get 304'),
  ETagUnlessPersonal: header(
    'ETag',
    false,
    "Strong validator, absent when the page shows the reader's own held comment (then `private, no-store`) or while its comments cannot be read (then `public, max-age=10`)",
  ),
  CacheControl: header('Cache-Control', true, `\`${PUBLIC_CACHE_CONTROL}\`: ${STALENESS}`),
  NoStore: header('Cache-Control', false, '`no-store`: errors and writes are never cached'),
  CacheControlUnlessPersonal: header(
    'Cache-Control',
    true,
    `HTML: \`public, no-cache\` (browsers revalidate on every view) with \`CDN-Cache-Control: ${PUBLIC_CACHE_CONTROL}\` (${STALENESS}); JSON: \`${PUBLIC_CACHE_CONTROL}\`; \`private, no-store\` when the page shows the reader's own held comment`,
  ),
  Vary: header('Vary', true, 'Accept: the article URL serves HTML or JSON'),
  VaryIfNegotiated: header('Vary', false, 'Accept, on the article URL, which serves HTML or JSON'),
  Link: header('Link', true, 'RFC 8288 links: first, last, and where they exist prev and next'),
  LinkNext: header('Link', false, 'rel="next" when there is a next page'),
  Location: header('Location', true, 'Where the resource is'),
  RetryAfter: header('Retry-After', true, 'Seconds to wait before trying again', { type: 'integer', minimum: 1 }),
  RetryAfterIfUnavailable: header('Retry-After', false, 'Seconds to wait when storage failed', {
    type: 'integer',
    minimum: 1,
  }),
  IdempotentReplayed: header(
    'Idempotent-Replayed',
    false,
    '`true` when this is the stored answer to an earlier request with the same Idempotency-Key',
    { const: 'true' },
  ),
  XD1Bookmark: header('X-D1-Bookmark', false, 'D1 bookmark after this write: send it back so your next read sees it'),
  WWWAuthenticate: header('WWW-Authenticate', true, 'The Bearer challenge'),
  WWWAuthenticateIfAdmin: header('WWW-Authenticate', false, 'On the admin API: the Bearer challenge (a malformed Authorization)'),
  Allow: header('Allow', true, 'The methods this path allows'),
  AllowOrigin: header('Access-Control-Allow-Origin', true, CORS_ORIGIN, { const: '*' }),
  ExposeHeaders: header('Access-Control-Expose-Headers', true, CORS_EXPOSED),
  AllowOriginIfPublic: header('Access-Control-Allow-Origin', false, `On public paths: ${CORS_ORIGIN}`, { const: '*' }),
  ExposeHeadersIfPublic: header('Access-Control-Expose-Headers', false, `On public paths: ${CORS_EXPOSED}`),
};

/** Response headers, by component name. */
const componentHeaders = (names: string[]) =>
  Object.fromEntries(names.map((name) => [HEADERS[name]?.wire ?? name, { $ref: `#/components/headers/${name}` }]));

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
const CORS_HEADERS = ['AllowOrigin', 'ExposeHeaders'];

/** JSON Schema keywords zod adds for a bare z.int() that say nothing to a client. */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '$schema' || key === '$id') continue;
    if ((key === 'minimum' || key === 'maximum') && Math.abs(v as number) === Number.MAX_SAFE_INTEGER) continue;
    out[key] = tidy(v);
  }
  return out;
}

/** Named zod schemas as components, references between them as `#/components/schemas/<name>`. */
function componentSchemas(schemas: Record<string, z.core.$ZodType>, io: 'input' | 'output'): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: out } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  return tidy(out) as Record<string, Json>;
}

/** The file name of a standalone schema: `ArticleList` → `article-list.schema.json`. */
const schemaFile = (name: string) => `${name.replace(/[a-z](?=[A-Z])/g, '$&-').toLowerCase()}.schema.json`;

/** The response schemas as standalone JSON Schema documents (schemas/<name>.schema.json), for anyone without OpenAPI. */
function standaloneSchemas(siteUrl: string): Record<string, Json> {
  const components = componentSchemas(RESPONSE_SCHEMAS, 'output');
  const local = (value: unknown): Json => JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"#/$defs/'));
  return Object.fromEntries(
    Object.entries(components).map(([name, schema]) => {
      const text = JSON.stringify(schema);
      return [
        name,
        {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          $id: `${siteUrl}/schemas/${schemaFile(name)}`,
          ...local(schema),
          ...(text.includes('#/components/schemas/') ? { $defs: local(components) } : {}),
        },
      ];
    }),
  );
}

/** Query parameters of an operation: types and bounds as the server reads them, required as a client must send. */
function queryParameters(spec: NonNullable<OperationSpec['query']>): Json[] {
  const output = tidy(z.toJSONSchema(spec.schema, { io: 'output', unrepresentable: 'any' })) as {
    properties?: Record<string, Json>;
  };
  const input = z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'any' }) as { required?: string[] };
  return Object.entries(output.properties ?? {}).map(([name, schema]) => {
    const required = spec.required?.includes(name) || (input.required?.includes(name) ?? false);
    const { default: fallback, ...rest } = schema;
    return {
      name,
      in: 'query',
      required,
      description: spec.describe[name] ?? '',
      schema: required ? rest : { ...rest, ...(fallback !== undefined && fallback !== '' ? { default: fallback } : {}) },
      ...(spec.examples?.[name] !== undefined ? { example: spec.examples[name] } : {}),
    };
  });
}

const isApi = (path: string) => path.startsWith('/api/');

/** A success response: its media types and schema, and every header it carries. */
function successResponse(op: OperationSpec, status: number, spec: ResponseSpec, cache: boolean, cors: boolean): Json {
  const content = spec.content
    ? {
        content: Object.fromEntries(
          Object.entries(spec.content).map(([media, schema]) => [
            media,
            {
              schema: typeof schema === 'string' ? ref('schemas', schema) : schema,
              ...(spec.example !== undefined && media.includes('json') ? { example: spec.example } : {}),
            },
          ]),
        ),
      }
    : {};
  const names = [
    ...(cache && status === 200
      ? op.personal || op.degradable
        ? ['ETagUnlessPersonal', op.personal ? 'CacheControlUnlessPersonal' : 'CacheControl']
        : ['ETag', 'CacheControl']
      : []),
    ...(op.method !== 'get' || op.admin ? ['NoStore'] : []),
    ...(cors ? CORS_HEADERS : []),
    ...(spec.headers ?? []),
  ];
  return { description: spec.description, ...(names.length ? { headers: componentHeaders(names) } : {}), ...content };
}

/** One operation of the document, with what its path and method imply. */
function operation(op: OperationSpec, used: Set<string>): Json {
  const api = isApi(op.path);
  const concrete = op.path.replace(/\{[^}]+\}/g, 'x');
  const cors = !op.admin && isPublicCrossOriginPath(concrete);
  const get = op.method === 'get';
  const cache = get && !op.admin && op.cache !== false;
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) =>
    ref(
      'parameters',
      name === 'name'
        ? 'ProblemName'
        : name === 'slug' && op.path.startsWith('/categories/')
          ? 'CategorySlug'
          : name === 'slug'
            ? 'Slug'
            : 'CommentId',
    ),
  );
  // Every route reads storage, and storage can fail: 503 with Retry-After (never a cacheable empty answer).
  const errors = new Set<number>([...(op.errors ?? []), ...(get ? [400] : []), ...(api ? [406] : []), 500, 503]);
  if (op.admin) for (const s of [401, 503]) errors.add(s);
  const responses: Json = {};
  for (const [status, spec] of Object.entries(op.responses))
    responses[status] = successResponse(op, Number(status), spec, cache, cors);
  const use = (status: number, name: string) => {
    used.add(name);
    responses[status] = ref('responses', name);
  };
  if (get) use(301, cors ? 'CanonicalRedirectCors' : 'CanonicalRedirect');
  // Other methods keep their method and body across the canonical redirect.
  else use(308, cors ? 'CanonicalRedirectKeepMethodCors' : 'CanonicalRedirectKeepMethod');
  if (cache) use(304, cors ? 'NotModifiedCors' : 'NotModified');
  for (const status of [...errors].sort()) use(status, `${api ? 'Problem' : 'PageError'}${status}`);
  const parameters = [
    ...pathParams,
    ...(op.query ? queryParameters(op.query) : []),
    ...(op.headers ?? []).map((name) => ref('parameters', name)),
    ...(api && op.path !== '/api/openapi.json' ? [ref('parameters', 'XD1Bookmark')] : []),
  ];
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description || cache ? { description: [op.description, cache ? STALENESS : ''].filter(Boolean).join('\n\n') } : {}),
    security: op.admin ? [{ adminToken: [] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { [op.body.media]: { schema: ref('schemas', op.body.schema), example: op.body.example } },
          },
        }
      : {}),
    responses,
  };
}

/** An error response: problem+json for the API, the HTML page (or problem+json to clients preferring JSON) elsewhere. */
function errorResponse(status: number, page: boolean): Json {
  const problem = { schema: ref('schemas', 'Problem') };
  const names = [
    'NoStore',
    'AllowOriginIfPublic',
    'ExposeHeadersIfPublic',
    ...(status === 429 ? ['RetryAfter'] : []),
    ...(status === 503 ? ['RetryAfterIfUnavailable'] : []),
    ...(status === 401 ? ['WWWAuthenticate'] : []),
    ...(status === 400 && !page ? ['WWWAuthenticateIfAdmin'] : []),
    ...(page ? ['VaryIfNegotiated'] : []),
    ...(status === 405 ? ['Allow'] : []),
  ];
  return {
    description: PROBLEM_DESCRIPTIONS[status],
    headers: componentHeaders(names),
    content: page
      ? { 'text/html': { schema: { type: 'string' } }, 'application/problem+json': problem }
      : { 'application/problem+json': problem },
  };
}

/** The document. */
function buildOpenApi(version: string): Json {
  const paths: Record<string, Json> = {};
  // 405 belongs to no operation (it answers the methods a path lacks), yet every path can answer it.
  const used = new Set<string>(['Problem405', 'PageError405']);
  for (const op of OPERATIONS) paths[op.path] = { ...(paths[op.path] ?? {}), [op.method]: operation(op, used) };
  const statuses = Object.keys(PROBLEM_DESCRIPTIONS).map(Number);
  const slug = {
    name: 'slug',
    in: 'path',
    required: true,
    description: 'Article slug (NFC, may be Arabic)',
    schema: { type: 'string', minLength: 1 },
    example: 'تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا',
  };
  const redirect = (cors: boolean) => ({
    description: 'Not the canonical URL (a trailing slash, lower-case percent-encoding, NFD text): Location has it',
    headers: componentHeaders(['Location', ...(cors ? CORS_HEADERS : [])]),
  });
  const notModified = (cors: boolean) => ({
    description: 'The client already has this representation (If-None-Match)',
    headers: componentHeaders(['ETag', 'CacheControl', 'VaryIfNegotiated', ...(cors ? CORS_HEADERS : [])]),
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Minbar (منبر)',
      version,
      description: [
        'Arabic-first news articles and reader comments.',
        'Every API error is application/problem+json (RFC 9457); pages and feeds answer errors with an Arabic HTML page, or problem+json to a client that prefers JSON. A method a path does not serve is a 405 with Allow; before that, whatever the method, a path that cannot be decoded is a 400, an /api/ request whose Accept allows no JSON a 406, an /api/admin/ request without a valid token a 401, and a non-canonical path a 301 (GET, HEAD) or 308 (other methods, keeping the body). HEAD works wherever GET does, without a body.',
        `Public reads and redirects, and posting a comment to the JSON API, allow any origin (CORS, no credentials); the admin API and the HTML form are same-origin only. ${STALENESS}`,
      ].join('\n\n'),
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'The site itself' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    // What each problem `type` means (also the pages at /problems/<name>, which read it from here).
    'x-problem-types': PROBLEM_TYPES,
    paths,
    components: {
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN secret' } },
      parameters: {
        Slug: slug,
        CategorySlug: { ...slug, description: 'Category slug', example: 'libya' },
        CommentId: {
          name: 'id',
          in: 'path',
          required: true,
          description: 'Comment id',
          schema: { type: 'integer', minimum: 1, maximum: 999_999_999_999 },
        },
        XD1Bookmark: {
          name: 'X-D1-Bookmark',
          in: 'header',
          required: false,
          description: 'The bookmark a write answered with: this read then sees that write, even on a D1 read replica',
          schema: { type: 'string', pattern: '^[\\w-]{1,200}$' },
        },
        ProblemName: {
          name: 'name',
          in: 'path',
          required: true,
          description: 'The last segment of a problem `type` URI',
          schema: { type: 'string', minLength: 1 },
          example: 'too-fast',
        },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'Retries within 24 h with the same key get the first response and store nothing new',
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
        },
        Moderator: {
          name: 'X-Moderator',
          in: 'header',
          required: false,
          description: 'Who moderates, for the audit log',
          schema: { type: 'string', maxLength: 94 },
        },
      },
      headers: Object.fromEntries(Object.entries(HEADERS).map(([name, { wire: _, ...spec }]) => [name, spec])),
      schemas: {
        ...componentSchemas(RESPONSE_SCHEMAS, 'output'),
        ...componentSchemas(REQUEST_SCHEMAS, 'input'),
      },
      responses: Object.fromEntries(
        Object.entries({
          CanonicalRedirect: redirect(false),
          CanonicalRedirectCors: redirect(true),
          CanonicalRedirectKeepMethod: redirect(false),
          CanonicalRedirectKeepMethodCors: redirect(true),
          NotModified: notModified(false),
          NotModifiedCors: notModified(true),
          ...Object.fromEntries(statuses.map((status) => [`Problem${status}`, errorResponse(status, false)])),
          ...Object.fromEntries(statuses.map((status) => [`PageError${status}`, errorResponse(status, true)])),
        }).filter(([name]) => used.has(name)),
      ),
    },
  };
}

/** The origin named in the standalone schemas' `$id`s. */
const SCHEMA_ORIGIN = 'https://minbar.example.com';

/** Every generated file under schemas/, by path: the OpenAPI document and one JSON Schema per response shape. */
export function generatedSchemaFiles(): Record<string, Json> {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return {
    'schemas/openapi.json': buildOpenApi(version),
    ...Object.fromEntries(
      Object.entries(standaloneSchemas(SCHEMA_ORIGIN)).map(([name, schema]) => [`schemas/${schemaFile(name)}`, schema]),
    ),
  };
}

const TABLE_START = '<!-- operations:start -->';
const TABLE_END = '<!-- operations:end -->';

/** The README's table of operations: each one's method and path, id, statuses and whether any origin may call it. */
function operationsTable(document: Json): string {
  const paths = document.paths as Record<string, Record<string, { operationId: string; security: unknown[]; responses: Json }>>;
  const rows = Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      const statuses = Object.keys(op.responses).sort().join(', ');
      const access =
        op.security.length > 0 ? 'admin' : isPublicCrossOriginPath(path.replace(/\{\w+\}/g, 'x')) ? 'any origin' : 'same origin';
      return `| \`${method.toUpperCase()} ${path}\` | \`${op.operationId}\` | ${statuses} | ${access} |`;
    }),
  );
  return ['| operation | operationId | statuses | who may call it |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** `readme` with its operations table replaced by the one `document` gives. */
export function withOperationsTable(readme: string, document: Json): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} block`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${operationsTable(document)}\n${readme.slice(end)}`;
}
