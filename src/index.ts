/**
 * Minbar: assembles middleware, routes and the error handlers. Behaviour lives in the modules it names.
 */

import { methodNotAllowed } from 'hono/method-not-allowed';
import { Hono } from 'hono/tiny';
import type { AppEnv, Bindings } from './env.ts';
import { notFound, onError, ProblemError, problemResponse } from './errors.tsx';
import { canonicalUrls } from './http/canonical.ts';
import { requireValidConfig } from './http/configuration.ts';
import { crossOrigin } from './http/cors.ts';
import { d1Session } from './http/d1-session.ts';
import { forwardToDesk } from './http/desk-forward.ts';
import { frontPageLegacyRedirects, withLegacyRedirects } from './http/legacy-redirects.ts';
import { answerFromMemory, rememberResponses } from './http/response-cache.ts';
import { securityHeaders } from './http/security.ts';
import { logContext } from './log.ts';
import api from './routes/api/index.tsx';
import commentForm from './routes/comment-form.tsx';
import discovery from './routes/discovery.ts';
import pages from './routes/pages.tsx';
import { problems } from './routes/problems.tsx';
import reactions from './routes/reactions.ts';
import { searchPage } from './routes/search.tsx';

const app = new Hono<AppEnv>();

app.use(logContext());
app.use('/admin', forwardToDesk());
app.use('/admin/*', forwardToDesk());
app.on(['GET', 'POST'], '/comments/:id/report', forwardToDesk());
app.on(['POST', 'DELETE'], '/api/admin/comments/:id/pin', forwardToDesk());
app.on('POST', ['/api/admin/comments/bulk', '/api/admin/comments/:id/reply'], forwardToDesk());
app.on('PATCH', '/api/admin/comments/:id/content', forwardToDesk());
app.on(['GET', 'POST', 'DELETE'], '/api/admin/blocks', forwardToDesk());
app.on('GET', ['/api/admin/log', '/api/admin/reports'], forwardToDesk());
app.on('PUT', '/api/admin/articles/:slug/comments-state', forwardToDesk());
app.use(rememberResponses());
app.use(securityHeaders());
app.use(crossOrigin());
app.use(requireValidConfig());
app.use(
  methodNotAllowed({
    app,
    onMethodNotAllowed: (c, methods) =>
      problemResponse(
        c,
        new ProblemError(405, `${c.req.method} is not allowed here; use ${methods.join(', ')}.`, {
          headers: { Allow: methods.join(', ') },
        }),
      ),
  }),
);
app.use(canonicalUrls());
app.use(d1Session());
app.use('/', frontPageLegacyRedirects(notFound));

app.route('/api', api);
app.route('/search', searchPage);
app.route('/problems', problems);
app.route('/', discovery);
app.route('/', pages);
app.route('/', commentForm);
app.route('/', reactions);

app.notFound(withLegacyRedirects(notFound));
app.onError(onError);

/** The app itself, for tests that read its routes. */
export { app };

/**
 * The Worker: a fresh public response from memory when there is one, otherwise the app. Background work (the
 * COMMENT_EVENTS consumer, the daily retention run) belongs to the desk Worker (src/desk/index.ts), so none of it
 * weighs on the readers' bundle.
 */
export default {
  fetch: (request, env, ctx) => answerFromMemory(request, env) ?? app.fetch(request, env, ctx),
} satisfies ExportedHandler<Bindings>;
