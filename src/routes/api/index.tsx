/**
 * The JSON API under /api (and `/api` itself, the endpoints as a page): content negotiation (406 for clients that
 * accept no JSON) and its resources. Cross-origin access is decided at the root (src/http/cors.ts).
 */
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../errors.tsx';
import { notModified, versionTag } from '../../http/caching.ts';
import { negotiate } from '../../http/negotiate.ts';
import { getApiDocument } from '../../storage/articles.ts';
import { ApiPage, type OpenApiDocument } from '../../views/api-page.tsx';
import admin from './admin.ts';
import articles from './articles.ts';
import comments from './comments.ts';
import searchApi from './search.ts';

const api = new Hono<AppEnv>();

api.use(async (c, next) => {
  // `/api` itself is the HTML index of the endpoints; everything below it is JSON.
  if (c.req.path !== '/api' && negotiate(c, ['application/json', 'application/problem+json']) === null)
    throw new ProblemError(406, 'This API only produces application/json; send an Accept header that allows it.');
  await next();
});

/** The published OpenAPI document, or a 404 that says how to publish it. */
async function requireApiDocument(c: Context<AppEnv>) {
  const published = await getApiDocument(c.env.ARTICLES);
  if (!published) throw new ProblemError(404, 'The API description is not published yet (npm run publish).');
  return published;
}

api.get('/', async (c) => {
  const { hash, document } = await requireApiDocument(c);
  return notModified(c, versionTag(c, hash, 'html')) ?? c.html(<ApiPage doc={document as OpenApiDocument} />);
});
api.get('/openapi.json', async (c) => {
  const { hash, document } = await requireApiDocument(c);
  return notModified(c, versionTag(c, hash, 'json')) ?? c.json(document);
});
api.route('/articles/:slug/comments', comments);
api.route('/articles', articles);
api.route('/admin', admin);
api.route('/search', searchApi);

export default api;
