/**
 * The JSON API under /api (and `/api` itself, the endpoints as a page): content negotiation (406 for clients that accept no JSON), CORS for public reads,
 * and its resources.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import openapi from '../../../schemas/openapi.json';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../errors.tsx';
import { notModified, versionTag } from '../../http/caching.ts';
import { negotiate } from '../../http/negotiate.ts';
import { ApiPage, type OpenApiDocument } from '../../views/api-page.tsx';
import { searchApi } from '../search.tsx';
import admin from './admin.ts';
import articles from './articles.ts';
import comments from './comments.ts';

const api = new Hono<AppEnv>();

api.use(async (c, next) => {
  // `/api` itself is the HTML index of the endpoints; everything below it is JSON.
  if (c.req.path !== '/api' && negotiate(c, ['application/json', 'application/problem+json']) === null)
    throw new ProblemError(406, 'This API only produces application/json; send an Accept header that allows it.');
  await next();
});
// Public reads carry no credentials, so any origin (a partner's web app) may call them.
api.use('/articles/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag', 'Link'] }));
api.use('/articles', cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag', 'Link'] }));

api.get('/', (c) => {
  const cached = notModified(c, versionTag(c, 'api', 'html'));
  return cached ?? c.html(<ApiPage doc={openapi as OpenApiDocument} />);
});
api.get('/openapi.json', (c) => notModified(c, versionTag(c, 'openapi', 'json')) ?? c.json(openapi));
api.route('/articles/:slug/comments', comments);
api.route('/articles', articles);
api.route('/admin', admin);
api.route('/search', searchApi);

export default api;
