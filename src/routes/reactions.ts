/**
 * The «أتفق» button's POST: toggles this client's agreement with an approved comment and answers 303 back to the
 * comment on its article, in the view (order, page) the reader pressed it from. A plain HTML form: CSRF-checked like every form of
 * the site, form-encoded only (what the button sends; anything else is not a press), and rate-limited per client.
 */
import { Hono } from 'hono/tiny';
import { threadQuery } from '../domain/comment-sort.ts';
import { parseId } from '../domain/ids.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../errors.tsx';
import { identifyClient } from '../http/client.ts';
import { sameOriginForms } from '../http/same-origin-forms.ts';
import { toggleAgreement } from '../storage/reactions.ts';
import { articlePath } from '../urls.ts';
import { articlePageQuerySchema } from '../validation/article-query.ts';
import { validate } from '../validation/validate.ts';

/** Seconds a client waits after REACTION_LIMITER refused it (its period). */
const REACTION_RETRY_SECONDS = 60;

const reactions = new Hono<AppEnv>().post(
  '/comments/:id/agree',
  sameOriginForms(),
  validate('query', articlePageQuerySchema),
  async (c) => {
    const type = c.req.header('Content-Type') ?? '';
    if (!/^(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type))
      throw new ProblemError(415, 'The «أتفق» button posts an HTML form (application/x-www-form-urlencoded).');
    const client = await identifyClient(c);
    const limiter = c.env.REACTION_LIMITER;
    if (limiter && !(await limiter.limit({ key: client.ipHash })).success)
      throw new ProblemError(429, 'Too many reactions from this client; wait a minute.', {
        headers: { 'Retry-After': String(REACTION_RETRY_SECONDS) },
      });
    const idText = c.req.param('id');
    const id = parseId(idText);
    const toggled = id === null ? null : await toggleAgreement(c.get('db'), id, client.ipHash, new Date().toISOString());
    if (!toggled) throw new ProblemError(404, `No approved comment has the id "${idText}".`);
    const { sort, comments_after } = c.req.valid('query');
    const query = threadQuery({ sort, comments_after });
    c.header('Cache-Control', 'no-store');
    return c.redirect(`${articlePath(toggled.articleSlug)}${query ? `?${query}` : ''}#comment-${idText}`, 303);
  },
);

export default reactions;
