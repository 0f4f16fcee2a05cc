/**
 * The JSON API under /api: content negotiation (406 for clients that accept no JSON), CORS for public reads,
 * and its resources.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../errors.tsx';
import { negotiate } from '../../http/negotiate.ts';
import { searchApi } from '../search.tsx';
import admin from './admin.ts';
import articles from './articles.ts';
import comments from './comments.ts';

const api = new Hono<AppEnv>();

api.use(async (c, next) => {
  if (negotiate(c, ['application/json', 'application/problem+json']) === null)
    throw new ProblemError(406, 'This API only produces application/json; send an Accept header that allows it.');
  await next();
});
// Public reads carry no credentials, so any origin (a partner's web app) may call them.
api.use('/articles/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag', 'Link'] }));
api.use('/articles', cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag', 'Link'] }));

api.route('/articles/:slug/comments', comments);
api.route('/articles', articles);
api.route('/admin', admin);
api.route('/search', searchApi);

export default api;
