/**
 * CSRF protection of the site's HTML forms: Hono's csrf() middleware, accepting only this origin (the request's
 * own, or SITE_URL's behind a proxy). Every form POST of the pages goes through it.
 */
import { csrf } from 'hono/csrf';
import type { AppEnv } from '../env.ts';

/** The csrf() middleware of the site's forms. */
export const sameOriginForms = () =>
  csrf({
    origin: (origin, c) =>
      origin === new URL(c.req.url).origin || origin === new URL((c.env as AppEnv['Bindings']).SITE_URL).origin,
  });
