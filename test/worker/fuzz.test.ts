// Property-based: every route the app serves, driven with generated paths, methods, headers, queries and bodies.
// Whatever a client sends, the answer is never a 5xx, and every API error is a problem+json document whose type
// URI explains itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/index.ts';
import { ADMIN_TOKEN, ORIGIN, request, SEED_SLUG } from './helpers/http.ts';

/**
 * Route patterns the app serves (`GET /api/articles/:slug`…), middleware left out, and so are the routes it forwards
 * to the desk Worker: here DESK is a stub that answers what it was asked (vitest.config.ts), not what the document
 * says; the desk project tests those routes against the real desk.
 */
const ROUTES = [
  ...new Set(
    app.routes
      .filter((r) => r.method !== 'ALL' && r.handler.name !== 'forwardToDesk')
      .map((r) => `${r.method} ${r.path.replace(/\/$/, '') || '/'}`),
  ),
];

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const SLUGS = [SEED_SLUG, 'ankara-energy', 'istanbul-talks', 'libya'];

/** Printable ASCII without CR/LF: what a header value can carry. */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)), maxLength: 140 });

/** A path parameter: known slugs and ids, hostile text, very long text, broken and odd percent-encoding. */
const param = fc.oneof(
  fc.constantFrom(
    ...SLUGS,
    '1',
    '0',
    '999999999999',
    '1e3',
    '-1',
    '.',
    '..',
    '%',
    '%D8',
    '%FF%FE',
    '%00',
    'a%2Fb',
    'x'.repeat(600),
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeURIComponent),
  fc.integer({ min: 300, max: 700 }).map((n) => encodeURIComponent('ب'.repeat(n))),
  fc.nat({ max: 10 ** 12 }).map(String),
);

/** A route pattern with its parameters filled in, and sometimes a trailing slash or NFD text. */
const path = fc
  .record({
    route: fc.constantFrom(...ROUTES),
    params: fc.array(param, { minLength: 4, maxLength: 4 }),
    slash: fc.boolean(),
  })
  .map(({ route, params, slash }) => {
    const [method = 'GET', pattern = '/'] = route.split(' ');
    let i = 0;
    const filled = pattern.replace(/:\w+/g, () => params[i++] ?? '');
    return { routeMethod: method, path: `${filled}${slash && filled !== '/' ? '/' : ''}` };
  });

const QUERY_NAMES = ['page', 'per_page', 'cursor', 'limit', 'q', 'status', 'article', 'replyto', 'comments_after', 'category'];
const query = fc
  .array(fc.tuple(fc.constantFrom(...QUERY_NAMES), fc.oneof(fc.string({ maxLength: 20 }), fc.nat().map(String))), {
    maxLength: 3,
  })
  .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs)}` : ''));

const headers = fc.record(
  {
    Accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/problem+json', 'image/png', 'text/html;q=0', ''),
    'Content-Type': fc.constantFrom(
      'application/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'multipart/form-data; boundary=b',
      'multipart/form-data; boundary=zz',
      'text/plain',
      'application/json; charset=latin1',
    ),
    Authorization: fc.oneof(
      fc.constant(`Bearer ${ADMIN_TOKEN}`),
      fc.constant(`Bearer ${ADMIN_TOKEN}`),
      fc.constantFrom('Bearer', 'Bearer ', 'Basic dGVzdA==', 'Bearer a b', 'bearer wrong'),
      headerText,
    ),
    'X-Moderator': headerText,
    'Idempotency-Key': fc.oneof(fc.uuid(), headerText),
    'If-None-Match': fc.oneof(fc.constant('*'), headerText),
    Cookie: fc.oneof(
      headerText.map((v) => `minbar_preview=${v}`),
      headerText.map((v) => `minbar_d1=${v}`),
    ),
    'X-D1-Bookmark': headerText,
    'CF-Connecting-IP': fc.oneof(fc.ipV4(), fc.ipV6(), headerText),
    Origin: fc.constantFrom(ORIGIN, 'https://evil.example', 'null'),
    'Sec-Fetch-Site': fc.constantFrom('same-origin', 'cross-site'),
  },
  { requiredKeys: [] },
);

/** A JSON value shaped like a comment (or not at all). */
const commentLike = fc.record(
  {
    name: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constant('\u200B\u2060'), fc.jsonValue()),
    email: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 20 }), fc.jsonValue()),
    url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 }), fc.constant(`https://ar.wikipedia.org/wiki/${'ب'.repeat(60)}`)),
    body: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.constant('\uFFFE\uFFFF\uD800'), fc.jsonValue()),
    parent_id: fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)),
    status: fc.constantFrom('approved', 'pending', 'spam', 'trash', 'deleted'),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  fc.constant(undefined),
  commentLike.map((v) => JSON.stringify(v)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  commentLike.map((v) => new URLSearchParams(Object.entries(v).map(([k, x]) => [k, String(x)])).toString()),
  fc.constantFrom(
    '--b\r\nContent-Disposition: form-data; name="body"\r\n\r\nنص',
    '--b\r\nContent-Disposition: form-data; name="body"\r\n\r\nنص\r\n--b--\r\n',
    '--zz\r\nbroken',
    '{"name":',
  ),
  fc.uint8Array({ maxLength: 64 }),
);

const requestShape = fc.record({
  path,
  query,
  method: fc.oneof(fc.constant(null), fc.constantFrom(...METHODS)),
  headers,
  body,
});

describe('every route, whatever a client sends', () => {
  it('never answers 5xx, and every API error is problem+json with a type that explains itself', async () => {
    const types = new Set<string>();
    await fc.assert(
      fc.asyncProperty(requestShape, async (shape) => {
        const method = shape.method ?? shape.path.routeMethod;
        const init: RequestInit = { method, headers: shape.headers };
        if (shape.body !== undefined && method !== 'GET' && method !== 'HEAD') init.body = shape.body;
        const url = `${shape.path.path}${shape.query}`;
        const response = await request(url, init);
        const text = await response.text();
        expect(response.status, `${method} ${url.slice(0, 200)} → ${response.status} ${text.slice(0, 300)}`).toBeLessThan(500);
        if (response.status >= 400 && method !== 'HEAD' && new URL(url, ORIGIN).pathname.startsWith('/api/')) {
          expect(response.headers.get('Content-Type'), `${method} ${url}`).toBe('application/problem+json');
          const problem = JSON.parse(text) as { status: number; type: string; instance: string };
          expect(problem.status).toBe(response.status);
          expect(problem.instance).toMatch(/^\/[\x21-\x7e]*$/);
          types.add(new URL(problem.type).pathname);
        }
      }),
      { numRuns: 1000 },
    );
    // Every problem type the fuzzing met answers with the page that explains it.
    for (const type of types) expect((await request(type)).status, type).toBe(200);
    expect(types.size).toBeGreaterThan(5);
  }, 180_000);
});
